"""Timeline: the statements that match a query, in date order, each with what changed since the last one.

Statements are found by full text (the store's FTS5 index over quote text)
and, with the ``[semantic]`` extra, by meaning: quotes of the articles whose
text matches the query, kept when their sentence is close to the query.
Syndicated copies are one entry with all their outlets. When entries
restate one position, each one's ``change`` is what its condition adds to
the earlier entries of that position and drops from the previous one.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from ..errors import OnrecordError
from .dedup import find_syndication
from .positions import Change, Embedder, Method, change_between, group_statements, load_embedder
from .statements import Statement, article_parties, date_key, from_quote, statements

if TYPE_CHECKING:
    from ..store.base import Store

QUERY_FLOOR = 0.45  # cosine between a quote and the query for a match by meaning
SEARCH_LIMIT = 200  # articles whose quotes are read for matches by meaning
COPY_OVERLAP = 0.6  # content-word overlap of one quote in two syndicated copies
DEFAULT_LIMIT = 500  # matching quotes read for one timeline
MARKDOWN_COLUMNS = ("Date", "Speaker", "Outlets", "Quote", "Condition", "Change", "Source")


@dataclass(slots=True)
class TimelineEntry:
    """One statement on the timeline, with its source and offsets into the article text."""

    date: str | None
    speaker: str | None
    outlets: list[str]
    text: str
    condition: str | None
    article_id: str
    source: str
    start: int
    end: int
    position: str | None = None  # id of the position it restates, if any
    change: Change | None = None  # against the previous entry of the same position
    copies: list[str] = field(default_factory=list)  # article ids of syndicated copies

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "speaker": self.speaker,
            "outlets": list(self.outlets),
            "text": self.text,
            "condition": self.condition,
            "change": None if self.change is None else self.change.to_dict(),
            "article_id": self.article_id,
            "source": self.source,
            "start": self.start,
            "end": self.end,
            "position": self.position,
            "copies": list(self.copies),
        }

    def row(self) -> dict[str, Any]:
        """A flat row for tables and CSV: the change as one phrase."""
        return {**self.to_dict(), "change": "" if self.change is None else str(self.change)}


def timeline(
    store: "Store",
    query: str,
    *,
    since: str | None = None,
    until: str | None = None,
    by_meaning: bool | None = None,
    method: Method = "lexical",
    limit: int | None = DEFAULT_LIMIT,
) -> list[TimelineEntry]:
    """Statements matching ``query`` in date order (``since``/``until`` as in ``Store.quotes``).

    ``by_meaning`` adds matches by sentence embedding; None means "when the
    [semantic] extra is installed". ``method`` groups entries into positions.
    ``limit`` keeps the earliest matching quotes (None: all of them); narrow a
    long history with ``since``/``until``.
    """
    found = {(s.article_id, s.start): s for s in statements(store, match=query, since=since, until=until, limit=limit)}
    embedder = load_embedder() if by_meaning is not False else None
    if by_meaning and embedder is None:
        raise OnrecordError("matching by meaning needs the [semantic] extra (sentence-transformers)")
    if embedder is not None:
        for s in _by_meaning(store, query, since, until, embedder):
            found.setdefault((s.article_id, s.start), s)
    copies = find_syndication(store, {s.article_id for s in found.values()})
    return build_timeline(found.values(), copies=copies, method=method, embedder=embedder)


def build_timeline(
    found: Iterable[Statement],
    *,
    copies: dict[str, str] | None = None,
    method: Method = "lexical",
    embedder: Embedder | None = None,
) -> list[TimelineEntry]:
    """The timeline of given statements (a pure function): copies merged, changes per position."""
    copies = copies or {}
    merged = _merge_copies(found, copies)
    positions = group_statements([s for s, _ in merged], copies=copies, method=method, embedder=embedder)
    member_of = {
        (q.article_id, q.start): p.id
        for p in positions
        for e in p.statements
        for q in (e.statement, *e.also)
    }
    entries = [_entry(s, ids, member_of.get((s.article_id, s.start))) for s, ids in merged]
    entries.sort(key=lambda e: (date_key(e.date), e.article_id, e.start))
    _changes(entries)
    return entries


def _merge_copies(found: Iterable[Statement], copies: dict[str, str]) -> list[tuple[Statement, list[str]]]:
    """One statement per quote of a syndicated story, with the outlets of all its copies.

    Copies may differ in small ways (a dateline, quote marks), so a quote of a
    copy is the same quote when its content words mostly agree.
    """
    buckets: dict[tuple[str, str | None], list[list[Statement]]] = defaultdict(list)
    for s in sorted(found, key=lambda s: (s.article_id, s.start)):
        bucket = buckets[(copies.get(s.article_id, s.article_id), s.date)]
        same = next((g for g in bucket if _same_words(g[0], s) and s.article_id not in {x.article_id for x in g}), None)
        if same is None:
            bucket.append([s])
        else:
            same.append(s)
    merged = []
    for groups in buckets.values():
        for members in groups:
            first = members[0]
            if len(members) > 1:
                first = replace(first, outlets=list(dict.fromkeys(o for s in members for o in s.outlets)))
            merged.append((first, [s.article_id for s in members[1:]]))
    return merged


def _same_words(a: Statement, b: Statement) -> bool:
    union = a.tokens | b.tokens
    return bool(union) and len(a.tokens & b.tokens) / len(union) >= COPY_OVERLAP


def _entry(s: Statement, copies: list[str], position: str | None) -> TimelineEntry:
    return TimelineEntry(
        date=s.date,
        speaker=s.speaker,
        outlets=list(s.outlets),
        text=s.text,
        condition=s.condition,
        article_id=s.article_id,
        source=s.source,
        start=s.start,
        end=s.end,
        position=position,
        copies=copies,
    )


def _changes(entries: list[TimelineEntry]) -> None:
    earlier: dict[str, list[str | None]] = defaultdict(list)
    for entry in entries:
        if entry.position is None:
            continue
        before = earlier[entry.position]
        if before:
            entry.change = change_between(before[-1], entry.condition, before[:-1])
        before.append(entry.condition)


def _by_meaning(
    store: "Store", query: str, since: str | None, until: str | None, embedder: Embedder
) -> Iterable[Statement]:
    """Quotes of the articles matching ``query`` whose sentence is close to it in meaning."""
    from ..store.base import QuoteRow

    rows: list[QuoteRow] = []
    for hit in store.search(query, since=since, until=until, limit=SEARCH_LIMIT):
        article = store.get(hit.id)
        if article is None:
            continue
        rows += [
            QuoteRow(article.id, article.source, article.outlet, q.said_on or article.published.value,
                     q.speaker, q.speaker_mention, q.cue, q.kind, q.text, q.condition, q.start, q.end)
            for q in article.quotes
        ]
    parties = article_parties(store, (r.article_id for r in rows))
    found = [from_quote(r, parties) for r in rows]
    if not found:
        return []
    vectors = embedder([query] + [s.core or s.text for s in found])
    return [s for s, v in zip(found, vectors[1:]) if float(v @ vectors[0]) >= QUERY_FLOOR]


def to_markdown(entries: list[TimelineEntry]) -> str:
    """The timeline as a Markdown table; every quote keeps its article id and offsets."""
    def cell(value: Any) -> str:
        return " ".join(str(value or "").split()).replace("|", "\\|")

    lines = ["| " + " | ".join(MARKDOWN_COLUMNS) + " |", "|" + "---|" * len(MARKDOWN_COLUMNS)]
    for e in entries:
        source = f"{e.article_id}:{e.start}-{e.end}"
        change = "" if e.change is None else str(e.change)
        values = (e.date or "undated", e.speaker, ", ".join(e.outlets), f"“{e.text}”", e.condition, change, source)
        lines.append("| " + " | ".join(cell(v) for v in values) + " |")
    return "\n".join(lines)
