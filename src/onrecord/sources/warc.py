"""WARC reader (plain or gzipped) through warcio: one Document per HTML page.

Records are streamed one at a time. Only ``response`` records with a 2xx
status and an HTML content type are articles; everything else (requests,
metadata, images, redirects) is skipped silently. A record that cannot be
read fails alone as ``path#N`` (N = the record's 1-based position in the
file); a file warcio cannot walk any further fails as a whole.
"""
from __future__ import annotations

import gzip
import itertools
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from onrecord.errors import InputError
from onrecord.records import Document, Failure, PublishedDate
from onrecord.sources.html import html_to_document
from onrecord.sources.jsonl import parse_date
from onrecord.sources.text import one_line

WARC_DATE_CONFIDENCE = 0.6
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)


def read_warc(stream: BinaryIO, source: str, *, max_bytes: int) -> Iterator[Document | Failure]:
    """Read the HTML pages of a WARC file; ``max_bytes`` caps each decoded payload."""
    found = False
    for index, record in _records(stream, source):
        if not _is_html_page(record):
            continue
        found = True
        item = f"{source}#{index}"
        try:
            yield _record_to_document(record, item, max_bytes)
        except InputError as exc:
            yield Failure(item, exc.reason)
    if not found:
        raise InputError(source, "no HTML response records in WARC file")


def _records(stream: BinaryIO, source: str) -> Iterator[tuple[int, Any]]:
    """warcio's records, numbered, with any of its errors turned into an InputError."""
    gzipped = stream.read(2) == b"\x1f\x8b"
    stream.seek(0)
    reader: BinaryIO | _Gunzip = _Gunzip(stream) if gzipped else stream
    records = iter(ArchiveIterator(reader))
    for index in itertools.count(1):
        try:
            record = next(records, None)
        except Exception as exc:  # warcio raises anything from EOFError to AttributeError
            raise InputError(source, f"corrupt or truncated WARC file: {one_line(exc)}") from exc
        if record is None:
            break
        yield index, record
    if isinstance(reader, _Gunzip) and reader.error is not None:
        raise InputError(source, f"corrupt or truncated WARC file: {one_line(reader.error)}")


class _Gunzip:
    """Decompresses a gzipped WARC, remembering a premature end of the data.

    GzipFile reads per-record gzip members and a whole-file gzip alike (warcio
    itself refuses the latter after the first record). warcio takes the
    EOFError of a cut gzip stream for the end of the file, hence ``error``.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._gzip = gzip.GzipFile(fileobj=stream, mode="rb")
        self.error: EOFError | None = None

    def read(self, size: int = -1) -> bytes:
        try:
            return self._gzip.read(size)
        except EOFError as exc:
            self.error = exc
            raise


def _is_html_page(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    content_type = record.http_headers.get_header("Content-Type") or ""
    return status.isdigit() and 200 <= int(status) < 300 and "html" in content_type.lower()


def _record_to_document(record: Any, source: str, max_bytes: int) -> Document:
    try:
        payload = record.content_stream().read(max_bytes + 1)
    except Exception as exc:  # bad chunked or gzip transfer encoding
        raise InputError(source, f"unreadable record payload: {one_line(exc)}") from exc
    if len(payload) > max_bytes:
        raise InputError(source, "record payload over the size limit (--max-size)")
    # warcio reads short silently: bytes still owed by the record mean the file was cut.
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise InputError(source, "record truncated (file cut short)")
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    charset = _CHARSET.search(record.http_headers.get_header("Content-Type") or "")
    document = html_to_document(payload, source, url=url, charset=charset.group(1) if charset else None)
    document.format = "warc"
    document.published = document.published or _warc_date(record)
    return document


def _warc_date(record: Any) -> PublishedDate | None:
    """The capture date: an upper bound on publication, so a weak guess."""
    raw = record.rec_headers.get_header("WARC-Date")
    parsed = parse_date(raw) if raw else None
    if parsed is None:
        return None
    value, precision = parsed
    return PublishedDate.from_metadata(value, WARC_DATE_CONFIDENCE, f"WARC-Date header {raw} (capture date)", precision)
