"""JSON reader: one object, an array of objects, or JSON Lines (one object a line).

Each object is one article. For each field the first key present with a
non-empty value wins:

| Field     | Keys                                                                          | Notes                                                   |
|-----------|-------------------------------------------------------------------------------|---------------------------------------------------------|
| text      | `text`, `body`, `content`, `maintext`                                         | plain text, boilerplate removed later                   |
| HTML      | `html`, `raw_html`                                                            | only when there is no text; extracted with trafilatura  |
| URL       | `url`, `link`                                                                 |                                                         |
| title     | `title`, `headline`                                                           |                                                         |
| outlet    | `outlet`, `site_name`, `source_name`, `publisher`, `source_domain`            | `publisher` may also be an object with a `name`         |
| published | `published`, `date`, `date_publish`, `published_at`, `datePublished`          | `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, an ISO datetime, or an RFC 2822 date; precision follows what is given |

An object with neither text nor HTML is a failure of that item only. The
source of an item is ``path#N``: N is the 1-based line of a JSON Lines file or
the 1-based index in an array; a file holding one object is just ``path``.
"""
from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from email.utils import parsedate_to_datetime
from typing import Any, BinaryIO

from onrecord.errors import InputError
from onrecord.records import Document, Failure, Precision, PublishedDate
from onrecord.sources.html import html_to_document
from onrecord.sources.text import decode_bytes, normalise_newlines

TEXT_KEYS = ("text", "body", "content", "maintext")
HTML_KEYS = ("html", "raw_html")
URL_KEYS = ("url", "link")
TITLE_KEYS = ("title", "headline")
OUTLET_KEYS = ("outlet", "site_name", "source_name", "publisher", "source_domain")
DATE_KEYS = ("published", "date", "date_publish", "published_at", "datePublished")
METADATA_CONFIDENCE = 0.9

# A date, optionally followed by a time ("2021-03-14T09:30:00Z", "2021-03-14 09:30").
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ]\d.*)?")


def read_json(stream: BinaryIO, source: str, *, lines: bool = False) -> Iterator[Document | Failure]:
    """Read articles from JSON; ``lines`` forces JSON Lines (``.jsonl``, ``.ndjson``)."""
    if lines:
        if b"\x00" in stream.read(8192):
            raise InputError(source, "binary file (NUL bytes), not an article")
        stream.seek(0)
        yield from _read_lines(io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace"), source)
        return
    text = decode_bytes(stream.read(), source)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg != "Extra data":
            raise InputError(source, _json_error(exc, exc.lineno)) from exc
        # A second value after the first: JSON Lines under a .json name.
        yield from _read_lines(io.StringIO(text), source)
        return
    except RecursionError as exc:
        raise InputError(source, "JSON nested too deeply") from exc
    if not isinstance(data, list):
        yield record_to_document(data, source)
        return
    if not data:
        raise InputError(source, "empty JSON array")
    for index, item in enumerate(data, 1):
        yield _item(item, f"{source}#{index}")


def record_to_document(record: Any, source: str) -> Document:
    """One JSON object → a Document (see the field table above)."""
    if not isinstance(record, dict):
        raise InputError(source, f"expected a JSON object, got {_json_type(record)}")
    url = _metadata(record, URL_KEYS)
    text = _body(record, TEXT_KEYS, source)
    if text:
        document = Document(source=source, text=normalise_newlines(text), needs_cleaning=True)
    else:
        html = _body(record, HTML_KEYS, source)
        if not html:
            raise InputError(source, "no text or HTML field (" + ", ".join(TEXT_KEYS + HTML_KEYS) + ")")
        document = html_to_document(html, source, url=url)
    document.format = "json"
    # The record's own metadata is explicit, so it wins over what HTML suggests.
    document.url = url or document.url
    document.title = _metadata(record, TITLE_KEYS) or document.title
    document.outlet = _outlet(record) or document.outlet
    document.published = _published(record) or document.published
    return document


def parse_date(raw: str) -> tuple[str, Precision] | None:
    """An ISO date or datetime (of any precision) or an RFC 2822 date → (value, precision)."""
    raw = raw.strip()
    match = _ISO_DATE.fullmatch(raw)
    if match:
        year, month, day = match.groups()
        try:
            date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            return None
        if day:
            return f"{year}-{month}-{day}", "day"
        return (f"{year}-{month}", "month") if month else (year, "year")
    try:
        return parsedate_to_datetime(raw).date().isoformat(), "day"
    except (TypeError, ValueError, IndexError):
        return None


def _read_lines(lines: Iterable[str], source: str) -> Iterator[Document | Failure]:
    seen = False
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        seen = True
        item = f"{source}#{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(item, _json_error(exc, lineno))
            continue
        except RecursionError:
            yield Failure(item, "JSON nested too deeply")
            continue
        yield _item(record, item)
    if not seen:
        raise InputError(source, "empty file")


def _item(record: Any, source: str) -> Document | Failure:
    try:
        return record_to_document(record, source)
    except InputError as exc:
        return Failure(source, exc.reason)


def _body(record: dict[str, Any], keys: tuple[str, ...], source: str) -> str | None:
    """The first non-blank text or HTML field; any other type is the item's failure."""
    for key in keys:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(source, f"field '{key}' must be a string, got {_json_type(value)}")
        if value and value.strip():
            return value
    return None


def _metadata(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    """The first non-blank string among ``keys``; metadata of another type is ignored."""
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _outlet(record: dict[str, Any]) -> str | None:
    publisher = record.get("publisher")
    # schema.org style: "publisher": {"@type": "Organization", "name": "..."}
    if isinstance(publisher, dict):
        record = {**record, "publisher": publisher.get("name")}
    return _metadata(record, OUTLET_KEYS)


def _published(record: dict[str, Any]) -> PublishedDate | None:
    for key in DATE_KEYS:
        raw = record.get(key)
        parsed = parse_date(raw) if isinstance(raw, str) else None
        if parsed:
            value, precision = parsed
            return PublishedDate.from_metadata(value, METADATA_CONFIDENCE, f"{key} field: {raw.strip()}", precision)
    return None


def _json_error(exc: json.JSONDecodeError, lineno: int) -> str:
    return f"invalid JSON at line {lineno}, column {exc.colno}: {exc.msg}"


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    return names.get(type(value), "a number" if isinstance(value, (int, float)) else "null")
