"""The storage interface, its result records, and the backend-neutral rules.

Every backend (SQLite now, PostgreSQL later) implements :class:`Store` and
returns the records below. The rules that are not SQL live here so that all
backends agree on them: how date filters treat partial dates, how speaker
names are normalised, and when a bare surname merges into a full name.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from ..errors import QueryError
from ..fingerprint import Fingerprint
from ..records import Article, Frame, Quote, TimeExpr

#: Ids shorter than this are never matched as prefixes: too many collisions.
MIN_ID_PREFIX = 6


@dataclass(slots=True)
class ArticleSummary:
    id: str
    source: str
    title: str | None
    outlet: str | None
    published: str | None
    precision: str | None
    n_quotes: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class SearchHit:
    """One full-text match; ``rank`` is the bm25 score, lower is better."""

    id: str
    source: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    rank: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class QuoteRow:
    """A quote with its source; ``date`` is ``said_on`` or the publication date."""

    article_id: str
    source: str
    outlet: str | None
    date: str | None
    speaker: str | None
    speaker_mention: str | None
    cue: str | None
    kind: str
    text: str
    condition: str | None
    start: int
    end: int
    frame: Frame | None = None  # read at ingest; None for quotes stored by an older version

    def __post_init__(self) -> None:
        if isinstance(self.frame, (str, dict)):  # as the backend returns it: JSON text or a dict
            data = json.loads(self.frame) if isinstance(self.frame, str) else self.frame
            self.frame = Frame(**data)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class SpeakerRow:
    """A speaker merged across articles, with what the articles say about them."""

    name: str
    type: str | None
    roles: list[str] = field(default_factory=list)
    quotes: int = 0
    first: str | None = None
    last: str | None = None
    outlets: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Store(ABC):
    """A database of articles and their extractions; a context manager."""

    def add(self, article: Article) -> bool:
        """Store ``article`` with its extractions atomically; False if already stored."""
        return self.add_many([article])[0]

    @abstractmethod
    def add_many(self, articles: Iterable[Article]) -> list[bool]:
        """Store several articles in one transaction; one flag per article, as ``add``."""

    @abstractmethod
    def has(self, article_id: str) -> bool: ...

    @abstractmethod
    def get(self, article_id: str) -> Article | None:
        """The stored article, by full id or by a unique prefix of >= 6 characters."""

    @abstractmethod
    def articles(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> list[ArticleSummary]: ...

    @abstractmethod
    def search(
        self,
        query: str,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = 50,
    ) -> list[SearchHit]: ...

    @abstractmethod
    def quotes(
        self,
        *,
        speaker: str | None = None,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        match: str | None = None,
        limit: int | None = None,
    ) -> list[QuoteRow]: ...

    @abstractmethod
    def speakers(self) -> list[SpeakerRow]: ...

    @abstractmethod
    def fingerprints(self, article_ids: Iterable[str]) -> dict[str, Fingerprint]:
        """The stored text fingerprints of these articles (those stored without one are left out)."""

    @abstractmethod
    def count(self) -> dict[str, int]: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


# --- dates --------------------------------------------------------------------

_ISO_PARTIAL = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def check_date(value: str, what: str) -> str:
    """Return ``value`` if it is YYYY, YYYY-MM or YYYY-MM-DD and a real date."""
    if not isinstance(value, str) or not _ISO_PARTIAL.fullmatch(value):
        raise QueryError(f"{what}: {value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    padded = value + "-01-01"[len(value) - 4 :]
    try:
        dt.date.fromisoformat(padded)
    except ValueError:
        raise QueryError(f"{what}: {value!r} is not a calendar date") from None
    return value


@dataclass(frozen=True, slots=True)
class DateRange:
    """An inclusive ``since``/``until`` filter over ISO dates that may be partial.

    A stored date matches when its period overlaps the range: "2023-12" is
    inside since=2023-12-15, and "2023" is inside until=2023-03. Comparing at
    the coarser of the two precisions gives exactly that, and both bounds can
    be written as plain string comparisons that an index can serve.
    """

    since: str | None = None
    until: str | None = None

    @classmethod
    def parse(cls, since: str | None, until: str | None) -> "DateRange":
        if since is not None:
            check_date(since, "since")
        if until is not None:
            check_date(until, "until")
        if since and until:
            n = min(len(since), len(until))
            if since[:n] > until[:n]:
                raise QueryError(f"since {since} is after until {until}")
        return cls(since, until)

    def since_prefixes(self) -> tuple[str | None, str | None]:
        """The coarser dates that also match ``since``: a date is >= since, or one of these."""
        s = self.since or ""
        return (s[:4] if len(s) > 4 else None, s[:7] if len(s) > 7 else None)

    def until_bound(self) -> str | None:
        """A date matches ``until`` when it sorts strictly before this bound."""
        # '~' sorts after every digit and '-', so "2023-12-31" < "2023-12~" (binary collation).
        return None if self.until is None else self.until + "~"


# --- speaker names ------------------------------------------------------------

_EDGE_PUNCT = ".,;:!?\"'()[]"


def name_key(name: str) -> str:
    """The comparison key of a name: case-folded words separated by one space."""
    words = (w.strip(_EDGE_PUNCT) for w in name.casefold().split())
    return " ".join(w for w in words if w)


def lookup_keys(key: str) -> dict[str, bool]:
    """The keys under which a speaker is found, each flagged when it is the surname.

    "dmitry peskov" is found as itself, as "dmitry" and as "peskov" (its
    surname); a one-word name is found only as itself and is no one's surname.
    """
    words = key.split()
    keys = {key: False}
    for word in words[:-1]:
        keys.setdefault(word, False)
    if len(words) > 1:
        keys[words[-1]] = True
    return keys


def merge_target(key: str, owners: Iterable[str]) -> str:
    """Where the speaker ``key`` belongs: a bare surname goes to its only full name.

    ``owners`` are the multi-word names whose surname is ``key``. With two
    people sharing the surname the bare one is ambiguous and stays apart.
    """
    owners = list(owners)
    if " " not in key and len(owners) == 1:
        return owners[0]
    return key


# --- rows every backend writes, and the speaker merge they share -------------------------

def quote_row(article: Article, q: Quote) -> tuple[Any, ...]:
    return (
        article.id,
        q.text,
        q.start,
        q.end,
        q.kind,
        q.speaker,
        name_key(q.speaker or "") or None,
        q.speaker_mention,
        q.cue,
        q.condition,
        q.placement,
        q.said_on,
        q.said_on or article.published.value,
        None if q.frame is None else json.dumps(q.frame.to_dict(), ensure_ascii=False, separators=(",", ":")),
    )


def timex_row(article_id: str, t: TimeExpr) -> tuple[Any, ...]:
    return (article_id, t.text, t.start, t.end, t.value, t.anchor)


def speaker_key_rows(article: Article) -> list[tuple[str, str, bool]]:
    """Lookup rows for the article's quoted speakers and named people.

    People who are named but not quoted count too: they decide whether a
    bare surname elsewhere is ambiguous.
    """
    names = [q.speaker for q in article.quotes if q.speaker]
    names += [e.name for e in article.entities if e.type == "PERSON"]
    speaker_keys = {name_key(n) for n in names} - {""}
    return [
        (key, speaker_key, is_surname)
        for speaker_key in sorted(speaker_keys)
        for key, is_surname in lookup_keys(speaker_key).items()
    ]


@dataclass
class SpeakerGroup:
    """One speaker while ``speakers()`` merges the rows of its names."""

    quoted_as: Counter[str] = field(default_factory=Counter)  # spellings of the group's own name
    named_as: Counter[str] = field(default_factory=Counter)  # entity names under that name
    merged_as: Counter[str] = field(default_factory=Counter)  # spellings of merged bare surnames
    types: Counter[str] = field(default_factory=Counter)
    roles: dict[str, str] = field(default_factory=dict)  # case-folded role -> first spelling
    quotes: int = 0
    dates: list[str] = field(default_factory=list)
    outlets: set[str] = field(default_factory=set)

    def add_quotes(
        self, own: bool, spelling: str, n: int, first: str | None, last: str | None, outlets: str
    ) -> None:
        (self.quoted_as if own else self.merged_as)[spelling] += n
        self.quotes += n
        self.dates += [d for d in (first, last) if d]
        self.outlets.update(o for o in json.loads(outlets) if o)

    def add_entity(self, own: bool, name: str, type_: str, roles: list[str], n: int) -> None:
        if own:
            self.named_as[name] += n
        self.types[type_] += n
        for role in roles:
            self.roles.setdefault(role.casefold(), role)

    def row(self) -> SpeakerRow:
        spellings = self.quoted_as or self.named_as or self.merged_as
        # Most frequent spelling wins; ties go to the alphabetically first, for stable output.
        name = min(spellings, key=lambda s: (-spellings[s], s))
        return SpeakerRow(
            name=name,
            type=self.types.most_common(1)[0][0] if self.types else None,
            roles=sorted(self.roles.values(), key=str.casefold),
            quotes=self.quotes,
            first=min(self.dates, default=None),
            last=max(self.dates, default=None),
            outlets=sorted(self.outlets, key=str.casefold),
        )
