"""The HTML report: one self-contained file of positions, speakers and statements in context.

``build_report(store, query)`` returns the HTML; ``onrecord report`` writes it.
The file needs no network to view: the stylesheet is inlined, the timelines
are inline SVG, and a Content-Security-Policy meta tag forbids any script or
external resource, so untrusted article text cannot run or fetch anything.

The positions and statement helpers here are shared with the web app, so the
report and the position pages show the same thing.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from markupsafe import Markup

from .. import __version__
from ..records import Article
from ..store.base import SpeakerRow, Store, name_key
from .html import environment, outlet_colours, quote_in_context, speaker_classes, stylesheet

__all__ = ["build_report", "find_positions", "statement_views"]


def find_positions(store: Store, speaker: str | None = None) -> list[dict[str, Any]]:
    """The positions of the analysis stage, as plain dicts (``Position.to_dict()``)."""
    from ..analysis import find_positions as analyse  # imported late: tests substitute it

    return [p.to_dict() for p in analyse(store, speaker=speaker)]


class ArticleCache:
    """Articles loaded once per page or report, since several statements share an article."""

    def __init__(self, store: Store):
        self._store = store
        self._articles: dict[str, Article | None] = {}

    def __call__(self, article_id: str) -> Article | None:
        if article_id not in self._articles:
            self._articles[article_id] = self._store.get(article_id)
        return self._articles[article_id]


# Keys a statement may lack; templates read them all.
OPTIONAL = {"date": None, "speaker": None, "condition": None, "change": None, "source": "", "article_id": None}


def statement_views(articles: ArticleCache, statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Statements numbered as in their timeline, with outlet colour, speaker class and quote in context."""
    colours = outlet_colours(statements)
    classes = speaker_classes(s.get("speaker") for s in statements)
    views = []
    for n, s in enumerate(statements, 1):
        outlets = s.get("outlets") or ["unknown outlet"]
        article = articles(s["article_id"]) if s.get("article_id") else None
        context = quote_in_context(s, article, classes.get(s.get("speaker"), "sp-none"))
        start = s.get("start")
        views.append({**OPTIONAL, **s, "n": n, "outlets": outlets, "colour": colours[outlets[0]], "context": context,
                      "anchor": f"q{start}" if isinstance(start, int) else None})
    return views


def position_summary(position: dict[str, Any]) -> dict[str, Any]:
    """What lists of positions show: size, date span, speakers and outlets."""
    statements = position["statements"]
    dates = sorted(s["date"] for s in statements if s.get("date"))
    return {
        "id": position["id"],
        "label": position["label"],
        "statements": len(statements),
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
        "speakers": list(dict.fromkeys(s["speaker"] for s in statements if s.get("speaker"))),
        "outlets": list(dict.fromkeys(o for s in statements for o in s.get("outlets") or [])),
    }


def _matching(store: Store, positions: list[dict[str, Any]], query: str) -> list[dict[str, Any]]:
    """Positions with at least one statement whose quote matches the FTS ``query``."""
    hits = {(q.article_id, q.text) for q in store.quotes(match=query)}
    return [p for p in positions if any((s.get("article_id"), s.get("text")) in hits for s in p["statements"])]


def _speakers(store: Store, positions: list[dict[str, Any]] | None) -> list[SpeakerRow]:
    """The speakers table: everyone, or only those speaking in ``positions``."""
    rows = store.speakers()
    if positions is None:
        return rows
    keys = {name_key(s["speaker"]) for p in positions for s in p["statements"] if s.get("speaker")}
    return [r for r in rows if name_key(r.name) in keys]


def build_report(store: Store, query: str | None = None) -> str:
    """The report as one HTML document; with ``query`` (FTS syntax) only the positions it matches.

    Raises :class:`~onrecord.errors.QueryError` for a malformed query.
    """
    positions = find_positions(store)
    if query:
        positions = _matching(store, positions, query)
    articles = ArticleCache(store)
    sections = [
        {"summary": position_summary(p), "statements": p["statements"],
         "views": statement_views(articles, p["statements"])}
        for p in positions
    ]
    return environment().get_template("report.html").render(
        css=Markup(stylesheet()),
        query=query,
        generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        version=__version__,
        counts=store.count(),
        sections=sections,
        speakers=_speakers(store, positions if query else None),
    )
