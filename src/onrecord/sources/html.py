"""HTML reader: main text, title and site name through trafilatura, date through htmldate.

:func:`html_to_document` is the one HTML path; the JSON, feed and WARC readers
reuse it for their HTML payloads (whole pages or fragments). The extracted text
has one block (paragraph, heading, list, quote) per paragraph, separated by a
blank line, since later stages split paragraphs on blank lines. trafilatura
drops scripts, styles and attributes, so hostile markup never reaches the text.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import trafilatura
from lxml.etree import _Element
from trafilatura.xml import xmltotxt

from onrecord.errors import InputError
from onrecord.records import Document, PublishedDate
from onrecord.sources.text import decode_bytes, one_line

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_DOCUMENT_START = re.compile(r"<(?:!doctype|html|head|body)[\s>]", re.IGNORECASE)
HTMLDATE_CONFIDENCE = 0.9
_BLOCK_TAGS = frozenset({"p", "head", "list", "quote", "table", "code", "div", "graphic"})


def html_to_document(
    html: str | bytes, source: str, url: str | None = None, *, charset: str | None = None
) -> Document:
    """Extract the article of an HTML page or fragment.

    ``url`` is the address the page was fetched from (it wins over the page's
    canonical link); ``charset`` is one declared outside the markup, such as an
    HTTP header. Raises :class:`InputError` when no article text is found.
    """
    markup = _decode(html, source, charset) if isinstance(html, bytes) else html
    if not markup.strip():
        raise InputError(source, "empty HTML")
    # trafilatura rejects bare fragments ("<p>x</p>") as not-quite-HTML.
    if not _DOCUMENT_START.search(markup[:2048]):
        markup = f"<html><body>{markup}</body></html>"
    try:
        result = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=_date_params(),
        )
        text = _paragraphs(result.body) if result is not None else ""
    except Exception as exc:  # a parser bug must cost one file, not the run
        raise InputError(source, f"HTML extraction failed: {one_line(exc)}") from exc
    if result is None or not any(char.isalnum() for char in text):  # "<<<>>>" is no text
        raise InputError(source, "no article text found in HTML")
    return Document(
        source=source,
        text=text,
        title=result.title or None,
        outlet=result.sitename or None,
        url=url or result.url or None,
        published=_published(result.date),
        needs_cleaning=False,
        format="html",
    )


def _decode(data: bytes, source: str, charset: str | None) -> str:
    declared = _DECLARED_CHARSET.search(data[:4096])
    name = charset or (declared.group(1).decode("ascii") if declared else None)
    return decode_bytes(data, source, declared=name)


def _date_params() -> dict[str, object]:
    """htmldate as trafilatura calls it, but without its extensive search.

    The extensive search guesses from loose text such as copyright lines; only
    dates stated in the markup (meta tags, <time>, URL of the canonical link,
    visible timestamps) are trusted here, the dating stage does the rest.
    """
    return {"original_date": True, "extensive_search": False, "max_date": date.today().isoformat()}


def _paragraphs(body: _Element | None) -> str:
    """Serialise trafilatura's XML body block by block, blank line between blocks."""
    if body is None:
        return ""
    return "\n\n".join(block for block in (b.strip() for b in _blocks(body)) if block)


def _blocks(element: _Element) -> Iterator[str]:
    """The text blocks of ``element``, opening wrappers such as a <div> around the paragraphs.

    trafilatura's body is usually <body><p/>...</body>, but its fallback
    extractors also return a bare <span>text</span> or a <div> of paragraphs.
    """
    yield _loose(element.text)
    for child in element:
        if any(grandchild.tag in _BLOCK_TAGS for grandchild in child):
            yield from _blocks(child)
            yield _loose(child.tail)
        else:
            yield xmltotxt(child, include_formatting=False)


def _loose(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def _published(value: str | None) -> PublishedDate | None:
    if not value:
        return None
    evidence = f"htmldate: {value} from the page metadata, markup or URL"
    return PublishedDate.from_metadata(value, HTMLDATE_CONFIDENCE, evidence)
