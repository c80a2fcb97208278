"""RSS and Atom reader through feedparser: one Document per entry.

Any entity declaration is refused before feedparser sees the document, so an
entity-expansion ("billion laughs") bomb fails at once with a clear reason
instead of being handed to an XML parser. An entry's text is its first
``content`` value, else its ``summary``; HTML goes through
:func:`~onrecord.sources.html.html_to_document`. Its date is the entry's
``published`` (else ``updated``) date, read in the feed's own time zone so
that a late-evening story keeps its local day.
"""
from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from onrecord.errors import InputError
from onrecord.records import Document, Failure, PublishedDate
from onrecord.sources.html import html_to_document
from onrecord.sources.jsonl import parse_date
from onrecord.sources.text import decode_bytes, normalise_newlines, one_line

FEED_DATE_CONFIDENCE = 0.95
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)


def read_feed(data: bytes, source: str) -> Iterator[Document | Failure]:
    """Read every entry of an RSS or Atom feed; a bad entry fails alone."""
    _refuse_entity_declarations(data, source)
    try:
        feed = feedparser.parse(io.BytesIO(data))
    except Exception as exc:  # feedparser is lenient, but a crash must cost one file only
        raise InputError(source, f"feed parser failed: {one_line(exc)}") from exc
    entries = feed.entries
    # A broken document can still yield entries (feedparser's "bozo" flag);
    # it is only a failure when nothing usable came out of it.
    if feed.bozo and not any(_payload(entry) for entry in entries):
        raise InputError(source, f"malformed feed: {one_line(feed.bozo_exception)}")
    if not entries:
        raise InputError(source, "feed has no entries")
    outlet = feed.feed.get("title") or None
    for index, entry in enumerate(entries, 1):
        item = f"{source}#{index}"
        try:
            yield _entry_to_document(entry, item, outlet)
        except InputError as exc:
            yield Failure(item, exc.reason)


def _refuse_entity_declarations(data: bytes, source: str) -> None:
    probe = data
    if b"\x00" in data[:4]:  # UTF-16/32: the declaration is spelled with NUL bytes
        probe = decode_bytes(data, source).encode("utf-8")
    if _ENTITY_DECLARATION.search(probe):
        raise InputError(source, "XML entity declarations refused (possible entity-expansion bomb)")


def _payload(entry: Any) -> tuple[str, str] | None:
    """The entry's text and its MIME type: full content first, else the summary."""
    # feedparser leaves None in fields of a broken document, hence the "or".
    for content in entry.get("content") or []:
        if (content.get("value") or "").strip():
            return content["value"], content.get("type") or "text/html"
    summary = entry.get("summary") or ""
    if summary.strip():
        return summary, (entry.get("summary_detail") or {}).get("type") or "text/html"
    return None


def _entry_to_document(entry: Any, source: str, outlet: str | None) -> Document:
    payload = _payload(entry)
    if payload is None:
        raise InputError(source, "feed entry has no content or summary")
    value, mime = payload
    link = entry.get("link") or None
    if "html" in mime:
        document = html_to_document(value, source, url=link)
    else:
        document = Document(source=source, text=normalise_newlines(value), needs_cleaning=True)
    document.format = "feed"
    document.title = entry.get("title") or document.title
    document.outlet = outlet or document.outlet
    document.url = link or document.url
    document.published = _entry_date(entry) or document.published
    return document


def _entry_date(entry: Any) -> PublishedDate | None:
    for key in ("published", "updated"):
        raw, parsed = entry.get(key) or None, entry.get(f"{key}_parsed")
        value = _local_day(raw) or (time.strftime("%Y-%m-%d", parsed) if parsed else None)
        if value:
            label = "feed item date" if key == "published" else "feed item date (updated)"
            return PublishedDate.from_metadata(value, FEED_DATE_CONFIDENCE, f"{label}: {raw}")
    return None


def _local_day(raw: str | None) -> str | None:
    """The calendar day in the date's own offset; feedparser's *_parsed is UTC."""
    parsed = parse_date(raw) if raw else None
    return parsed[0] if parsed and parsed[1] == "day" else None
