"""Readers: files, directories and stdin → :class:`Document`, one at a time.

:func:`read_paths` is the entry point. It picks a reader by extension, else
by sniffing the first bytes, and never stops on a bad file: a file that cannot
be read becomes one :class:`Failure`, an item of a multi-item file (a JSON
line, a feed entry, a WARC record) a ``Failure`` named ``path#N``.

| Format      | Extensions                       | Sniffed from                     | Reader                  |
|-------------|----------------------------------|----------------------------------|-------------------------|
| plain text  | .txt .text .md                   | anything else that is text       | :mod:`.text`            |
| HTML        | .html .htm .xhtml                | ``<!doctype html``, ``<html``... | :mod:`.html`            |
| JSON        | .json (.jsonl .ndjson: lines)    | ``{`` or ``[``                   | :mod:`.jsonl`           |
| RSS / Atom  | .xml .rss .atom .feed            | ``<rss``, ``<feed``, ``<rdf:RDF``| :mod:`.feeds`           |
| WARC        | .warc .warc.gz                   | ``WARC/1.``, gzipped or not      | :mod:`.warc`            |
"""
from __future__ import annotations

import codecs
import io
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from onrecord.errors import InputError
from onrecord.records import Document, Failure
from onrecord.sources.feeds import read_feed
from onrecord.sources.html import html_to_document
from onrecord.sources.jsonl import read_json
from onrecord.sources.text import read_text
from onrecord.sources.warc import read_warc

__all__ = [
    "DEFAULT_MAX_BYTES",
    "STDIN_SOURCE",
    "format_for",
    "html_to_document",
    "read_feed",
    "read_json",
    "read_paths",
    "read_text",
    "read_warc",
    "sniff",
]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
STDIN_SOURCE = "<stdin>"
_HEAD_BYTES = 4096
_EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed", ".feed": "feed",
    ".warc": "warc",
}
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]")
_HTML_ROOT = re.compile(rb"<(?:!doctype html|html|head|body)[\s>]")


def read_paths(
    paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> Iterator[Document | Failure]:
    """Read every article of ``paths``: files, directories (recursively) or ``-`` for stdin.

    Inside directories, hidden files and folders are skipped, and so are files
    whose type neither the extension nor the first bytes reveal; a file named
    explicitly is read as plain text then. No file larger than ``max_bytes``
    is read.
    """
    for path in paths:
        if path == "-":
            yield from _read_stdin(stdin or sys.stdin.buffer, max_bytes)
        elif os.path.isdir(path):
            for entry in _walk(path):
                if isinstance(entry, Failure):
                    yield entry
                else:
                    yield from _read_file(entry, max_bytes, explicit=False)
        else:
            yield from _read_file(path, max_bytes, explicit=True)


def format_for(path: str) -> str | None:
    """The format an extension stands for: text, html, json, jsonl, feed or warc."""
    name = path.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    return _EXTENSIONS.get(os.path.splitext(name)[1])


def sniff(head: bytes) -> str | None:
    """The structured format the first bytes of a file reveal, if any."""
    if head.startswith(b"\x1f\x8b"):
        return "warc" if _gunzip_start(head).startswith(b"WARC/1.") else None
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    start = head.removeprefix(codecs.BOM_UTF8).lstrip()
    if start.startswith(b"WARC/1."):
        return "warc"
    if start[:1] in (b"{", b"["):
        return "json"
    if start.startswith(b"<"):
        lowered = start.lower()
        if _FEED_ROOT.search(lowered):
            return "feed"
        if _HTML_ROOT.search(lowered):
            return "html"
    return None


def _walk(root: str) -> Iterator[str | Failure]:
    """Files under ``root`` in sorted order, hidden entries skipped; unlistable folders fail."""
    unlistable: list[OSError] = []
    for directory, subdirs, files in os.walk(root, onerror=unlistable.append):
        yield from _drain(unlistable)
        subdirs[:] = sorted(name for name in subdirs if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(directory, name)
    yield from _drain(unlistable)


def _drain(errors: list[OSError]) -> Iterator[Failure]:
    while errors:
        error = errors.pop(0)
        yield Failure(str(error.filename), _os_reason(error))


def _read_file(path: str, max_bytes: int, *, explicit: bool) -> Iterator[Document | Failure]:
    try:
        info = os.stat(path)
        regular = stat.S_ISREG(info.st_mode)
        if not (regular or explicit):
            return  # a FIFO or socket met in a directory: opening it could block
        with open(path, "rb") as handle:
            # A pipe or device named explicitly (/dev/fd/63) has no size to stat.
            stream = handle if regular else _read_capped(handle, max_bytes, path)
            fmt = format_for(path) or _sniff_stream(stream) or ("text" if explicit else None)
            if fmt is None:
                return  # an unknown, non-article file inside a directory
            if regular and fmt != "warc":  # a WARC holds many pages: read_warc caps each record instead
                _check_size(info.st_size, max_bytes, path)
            yield from _read_stream(stream, path, fmt, max_bytes)
    except InputError as exc:
        yield Failure(exc.source, exc.reason)
    except OSError as exc:
        yield Failure(path, _os_reason(exc))


def _read_stdin(stdin: BinaryIO, max_bytes: int) -> Iterator[Document | Failure]:
    try:
        stream = _read_capped(stdin, max_bytes, STDIN_SOURCE)
        yield from _read_stream(stream, STDIN_SOURCE, _sniff_stream(stream) or "text", max_bytes)
    except InputError as exc:
        yield Failure(exc.source, exc.reason)
    except OSError as exc:
        yield Failure(STDIN_SOURCE, _os_reason(exc))


def _sniff_stream(stream: BinaryIO) -> str | None:
    head = stream.read(_HEAD_BYTES)
    stream.seek(0)
    return sniff(head)


def _read_stream(stream: BinaryIO, source: str, fmt: str, max_bytes: int) -> Iterator[Document | Failure]:
    if not stream.read(1):
        raise InputError(source, "empty file")
    stream.seek(0)
    if fmt == "warc":
        yield from read_warc(stream, source, max_bytes=max_bytes)
    elif fmt in ("json", "jsonl"):
        yield from read_json(stream, source, lines=fmt == "jsonl")
    elif fmt == "feed":
        yield from read_feed(stream.read(), source)
    elif fmt == "html":
        yield html_to_document(stream.read(), source)
    else:
        yield read_text(stream.read(), source)


def _check_size(size: int, max_bytes: int, source: str) -> None:
    if size > max_bytes:
        raise InputError(source, f"file is {_human(size)}, over the {_human(max_bytes)} limit (--max-size)")


def _read_capped(handle: BinaryIO, max_bytes: int, source: str) -> BinaryIO:
    data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(source, f"input is over the {_human(max_bytes)} limit (--max-size)")
    return io.BytesIO(data)


def _human(size: int) -> str:
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def _gunzip_start(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head)
    except zlib.error:
        return b""


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot read file: {exc.strerror or exc}"
