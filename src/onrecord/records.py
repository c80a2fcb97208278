"""The records every stage passes on: plain dataclasses with ``to_dict``.

A reader turns a file into :class:`Document`; the pipeline turns a Document into
an :class:`Article` that carries its extractions (entities, quotes, time
expressions). Offsets are character offsets into ``Article.text``.
``Article.to_dict()`` is the JSONL record of ``onrecord extract``.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Precision = Literal["day", "month", "year"]
QuoteKind = Literal["direct", "indirect", "mixed"]
ParagraphKind = Literal["kicker", "headline", "dek", "body", "caption"]


def content_id(text: str) -> str:
    """The article id: a hash of its whitespace-normalised raw text."""
    normalised = re.sub(r"\s+", " ", text).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class PublishedDate:
    """When an article was published, and why we think so."""

    value: str | None = None  # "2021-01-24", "2023-12" or "2016"
    precision: Precision | None = None
    confidence: float = 0.0
    evidence: list[str] = field(default_factory=list)
    method: str | None = None  # "metadata", "dateline" or "inferred"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "PublishedDate":
        return cls(**data) if data else cls()

    @classmethod
    def from_metadata(
        cls, value: str, confidence: float, evidence: str, precision: Precision = "day"
    ) -> "PublishedDate":
        """A date a reader found in the source's metadata (a JSON field, a feed item, a WARC header, the HTML)."""
        return cls(value=value, precision=precision, confidence=confidence, evidence=[evidence], method="metadata")


@dataclass(slots=True)
class Document:
    """A raw article as a reader found it, before cleaning.

    ``needs_cleaning`` is False when an HTML extractor already removed the
    site boilerplate, so the line classifier must not run again.
    """

    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: PublishedDate | None = None
    needs_cleaning: bool = True
    format: str = "text"


@dataclass(slots=True)
class Failure:
    """A file (or one item of it) that could not be read, and why."""

    source: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(slots=True)
class Paragraph:
    start: int
    end: int
    kind: ParagraphKind = "body"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Entity:
    """A person or organisation of an article, under one canonical name."""

    name: str
    type: str  # PERSON, ORG, GPE, NORP
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Frame:
    """A quote read as a proposition: who commits to what, toward whom, on what conditions.

    Every string is read off the quote's own words; nothing is invented.
    """

    actor: str | None = None  # the committing party ("Russia"); "we" and "I" mean the speaker's side
    predicate: str | None = None  # class of commitment: "ready", "ready:dialogue", "jurisdiction", ...
    target: str | None = None  # the party after "with / to / toward"
    polarity: int = 1  # -1 when negated ("will not negotiate") or reversed ("refuses talks")
    conditions: str | None = None  # condition clauses and restrictions, verbatim, "; "-joined
    core: str = ""  # the clause the frame was read from, less the conditions around it
    words: list[str] = field(default_factory=list)  # its folded content words, sorted

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Quote:
    """One statement: who said it, how it was reported, and on what condition."""

    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: str | None = None  # canonical entity name, or a role when no name exists
    speaker_mention: str | None = None  # the words in the text: "he", "the Russian leader"
    cue: str | None = None  # "said", "told reporters", "was quoted as saying"
    condition: str | None = None  # "if the current US administration is ready ..."
    placement: ParagraphKind = "body"
    said_on: str | None = None  # ISO date the text gives for the statement, else publication
    frame: Frame | None = None  # the proposition, read after extraction

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Quote":
        frame = data.get("frame")
        return cls(**{**data, "frame": Frame(**frame) if frame else None})


@dataclass(slots=True)
class TimeExpr:
    """A date mention resolved to a calendar value."""

    text: str
    start: int
    end: int
    value: str | None = None  # ISO, possibly partial: "2021-01-24", "2021-01", "2026"
    anchor: str | None = None  # the date it was resolved against

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Article:
    """A cleaned, dated article with everything extracted from it."""

    id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    wire: str | None = None
    url: str | None = None
    published: PublishedDate = field(default_factory=PublishedDate)
    paragraphs: list[Paragraph] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[TimeExpr] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "wire": self.wire,
            "published": self.published.to_dict(),
            "text": self.text,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "removed": list(self.removed),
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "timexes": [t.to_dict() for t in self.timexes],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        return cls(
            id=data["id"],
            source=data["source"],
            text=data["text"],
            title=data.get("title"),
            outlet=data.get("outlet"),
            wire=data.get("wire"),
            url=data.get("url"),
            published=PublishedDate.from_dict(data.get("published")),
            paragraphs=[Paragraph(**p) for p in data.get("paragraphs", [])],
            removed=list(data.get("removed", [])),
            entities=[Entity(**e) for e in data.get("entities", [])],
            quotes=[Quote.from_dict(q) for q in data.get("quotes", [])],
            timexes=[TimeExpr(**t) for t in data.get("timexes", [])],
        )
