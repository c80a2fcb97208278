"""Statements: each quote read as a proposition — who commits to what, toward whom, on what condition.

A :class:`Statement` is a quote with its source (article id, character
offsets), its date, and a frame read off its words:

- **actor**: the party that commits. An explicit subject ("Russia", "the
  Kremlin", "Varnia") resolves to its canonical party through the places
  table, demonyms ("Kestrian" -> "Kestria") and the speakers' roles; "we",
  "I", "our president" and a missing subject mean the speaker's side
  (Peskov, "Kremlin spokesman" -> Russia).
- **predicate**: the class of commitment ("ready": ready/open/willing/
  prepared/... or a modal "will negotiate"; "jurisdiction": "a matter for",
  "up to"; ...), from ``data/lexicon/predicates.tsv``.
- **target**: the party after "with / to / toward" ("dialogue with the USA").
- **polarity**: 1, or -1 when negated ("will not negotiate") or reversed
  ("refuses talks").
- **condition**: the quote's own condition clause from extraction, plus the
  restrictions this module finds ("only if ...", "but only within ...",
  "on a broad agenda", "a US leadership that acknowledges ..."). Every
  condition is a verbatim slice of the quote: nothing is invented.

Everything here is lexical (regular expressions and small tables), so a
million quotes normalise in minutes without a parser.
"""
from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from ..records import Article, Frame
from ..store.base import name_key

if TYPE_CHECKING:
    from ..store.base import QuoteRow, SpeakerRow, Store

SELF = "\x00self"  # actor placeholder for "we"/"I": the speaker's side
SELF_WORDS = frozenset({"we", "i", "our", "my", "us", "ourselves", "he", "she", "his", "her"})
NEGATIONS = frozenset({"not", "never", "no", "cannot", "nobody", "none", "neither", "nor", "nothing"})
MODALS = frozenset({
    "will", "would", "can", "could", "shall", "may", "might", "won't", "wouldn't", "can't", "couldn't",
})
TARGET_PREPOSITIONS = frozenset({"with", "to", "toward", "towards", "and", "for"})
# A party after one of these is what the clause is about, not who acts ("talks on the Selm valley").
TOPIC_PREPOSITIONS = frozenset({
    "on", "about", "over", "in", "concerning", "of", "for", "with", "to", "toward", "towards",
    "by", "from", "at", "into", "against", "regarding", "between", "among", "within", "across",
})
TARGET_HEADS = frozenset({
    "leadership", "administration", "government", "president", "leader", "leaders", "partners",
    "partner", "side", "authorities", "officials", "team", "people", "counterparts",
})
# Verbs of talking that commit the actor when a modal governs them ("we will negotiate").
TALK_STEMS = frozenset({"negotiat", "talk", "meet", "discuss", "engag", "sit"})
CONDITION_MARKERS = re.compile(
    r"\b(?:only if|if|unless|as soon as|provided that|providing that|on condition that|"
    r"as long as|so long as|only when|once|whenever|when)\b",
    re.I,
)
RESTRICTION = re.compile(r",?\s*\bbut (?:only )?(?:to|about|on|within|with|if|when|provided)\b[^.;!?]*", re.I)
SCOPE = re.compile(r"\bon (?:a|an|the|any) (?:[\w’'“”\"‘-]+ ){0,3}?[“\"‘]?(?:agenda|basis|terms|footing)\b", re.I)
SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»]*(?=\s)|[;:](?=\s)")
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:['’]\w+)*")


@dataclass(slots=True)
class Statement:
    """A quote read as a proposition, with its source and offsets into the article text."""

    article_id: str
    source: str
    date: str | None
    speaker: str | None
    outlets: list[str]
    text: str
    condition: str | None
    start: int
    end: int
    actor: str | None
    predicate: str | None
    target: str | None
    polarity: int = 1
    core: str = ""  # the sentence the frame was read from, as written, less leading/trailing conditions
    tokens: frozenset[str] = field(default_factory=frozenset)  # its folded content words

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "source": self.source,
            "date": self.date,
            "speaker": self.speaker,
            "outlets": list(self.outlets),
            "text": self.text,
            "condition": self.condition,
            "start": self.start,
            "end": self.end,
            "actor": self.actor,
            "predicate": self.predicate,
            "target": self.target,
            "polarity": self.polarity,
        }


def date_key(date: str | None) -> tuple[bool, str]:
    """Sort key for ISO dates that may be partial: "2023-12" before "2023-12-01", unknown last."""
    return (date is None, date or "")


def outlet_label(outlet: str | None, source: str) -> str:
    """The outlet's name, else the host of a URL source, else the file name."""
    if outlet:
        return outlet
    host = urlparse(source).netloc
    return host.removeprefix("www.") if host else PurePosixPath(source.replace("\\", "/")).name


# --- tokens and tables ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    lower: str  # case-folded, possessive 's removed
    stem: str


def tokenize(text: str) -> list[Token]:
    tokens = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        lower = re.sub(r"'s$", "", word.lower().replace("’", "'"))
        tokens.append(Token(word, m.start(), m.end(), lower, stem(lower)))
    return tokens


# Words the suffix rules would fold onto unrelated stems ("willing" -> "will", "indeed" -> "inde").
_UNSTEMMED = frozenset({
    "willing", "unwilling", "during", "nothing", "something", "anything", "everything", "thing",
    "morning", "evening", "king", "bring", "string", "spring", "indeed", "united", "hundred", "news",
})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "remains", "remain", "remained"})


def stem(word: str) -> str:
    """A light stemmer: enough to fold inflections onto the lexicon's entries, both stemmed alike."""
    w = word.lower().replace("’", "'")
    if w in _BE:
        return "remain" if w.startswith("remain") else "be"
    if w.endswith("n't"):
        return "not"
    if w in _UNSTEMMED:
        return w
    w = w.replace("iz", "is")  # normalize / normalise
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("s") and len(w) > 3 and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            w = w[: -len(suffix)]
            if len(w) > 2 and w[-1] == w[-2] and w[-1] not in "aeiouls":
                w = w[:-1]  # setting -> set, planned -> plan
            break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


# Verbs that turn a commitment to something into one against it ("ready to end cooperation").
REVERSING = frozenset(stem(w) for w in (
    "end", "stop", "halt", "suspend", "cut", "freeze", "break", "sever", "abandon", "withdraw",
    "scrap", "cancel", "terminate", "quit", "leave", "lift",
))


def _lexicon_lines(name: str) -> Iterator[list[str]]:
    text = (files("onrecord") / "data" / "lexicon" / name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _phrase(words: str) -> tuple[str, ...]:
    return tuple(t.stem for t in tokenize(words))


@cache
def folds() -> PhraseTable:
    """Stemmed word or phrase -> the word that stands for its synonyms."""
    table = PhraseTable()
    for head, words in _lexicon_lines("folds.tsv"):
        for word in words.split(","):
            table[_phrase(word)] = head.lstrip("*")
    return table


@cache
def objects() -> frozenset[str]:
    """The fold heads a party commits to ("dialogue", "ceasefire"): a commitment's object."""
    return frozenset(head[1:] for head, _ in _lexicon_lines("folds.tsv") if head.startswith("*"))


@cache
def predicates() -> PhraseTable:
    """Stemmed word or phrase -> (predicate class, polarity it gives the clause)."""
    table = PhraseTable()
    for name, sign, words in _lexicon_lines("predicates.tsv"):
        for word in words.split(","):
            table[_phrase(word)] = (name, -1 if sign.strip() == "-" else 1)
    return table


@cache
def places() -> tuple[PhraseTable, PhraseTable]:
    """Party aliases -> canonical name: (case-sensitive all-caps aliases, case-folded aliases)."""
    exact, folded = PhraseTable(), PhraseTable()
    for name, aliases in _lexicon_lines("places.tsv"):
        for alias in (a.strip() for a in aliases.split(",")):
            if alias.replace(".", "").isupper():
                exact[tuple(t.text for t in tokenize(alias))] = name
            else:
                folded[tuple(t.lower for t in tokenize(alias))] = name
    return exact, folded


@cache
def stopwords() -> frozenset[str]:
    text = (files("onrecord") / "data" / "lexicon" / "stopwords.txt").read_text(encoding="utf-8")
    words = (w for line in text.splitlines() if not line.startswith("#") for w in line.split())
    return frozenset(stem(w) for w in words) | frozenset(words)


class PhraseTable(dict):
    """Word tuple -> value, indexed by first word: most tokens start no entry and are skipped at once."""

    def __init__(self) -> None:
        super().__init__()
        self.firsts: set[str] = set()
        self.width = 0

    def __setitem__(self, key: tuple[str, ...], value: Any) -> None:
        if key:
            self.firsts.add(key[0])
            self.width = max(self.width, len(key))
            super().__setitem__(key, value)

    def setdefault(self, key: tuple[str, ...], value: Any = None) -> Any:
        if key not in self:
            self[key] = value
        return self.get(key)


def _longest(tokens: list[Token], i: int, table: PhraseTable, attr: str) -> tuple[int, Any]:
    """The longest table entry starting at token ``i`` (matched on ``attr``): (length, value)."""
    if getattr(tokens[i], attr) not in table.firsts:
        return 0, None
    for n in range(min(table.width, len(tokens) - i), 0, -1):
        key = tuple(getattr(t, attr) for t in tokens[i : i + n])
        if key in table:
            return n, table[key]
    return 0, None


# --- parties ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # token indices [start, end)
    end: int
    party: str  # canonical name, or SELF


class Parties:
    """Resolves mentions of parties: places table, demonyms, speakers' sides, article entities."""

    def __init__(self, speakers: Iterable[tuple[str, str | None, Iterable[str]]] = ()):
        """``speakers`` are (name, entity type or None, roles), as ``Store.speakers()`` gives them."""
        self._sides: dict[str, str] = {}
        self._names = PhraseTable()  # a speaker's name (a person's surname too) -> side
        pending: list[tuple[str, str | None, list[str]]] = []
        for name, type_, roles in speakers:
            roles = list(roles)
            side = self._side_from(name, roles)
            if side:
                self._remember(name, type_, side)
            else:
                pending.append((name, type_, roles))
        for name, type_, roles in pending:  # "spokesman for President X": X's side, once X is known
            side = next((s for r in roles if (s := self._person_in(r))), None)
            if side:
                self._remember(name, type_, side)
            else:
                self._name(name, type_, name)

    def _remember(self, name: str, type_: str | None, side: str) -> None:
        self._sides[name_key(name)] = side
        self._name(name, type_, side)

    def _name(self, name: str, type_: str | None, party: str) -> None:
        """Make ``name`` a mention of ``party``; lower-case "speakers" ("officials") are not names."""
        words = tuple(t.lower for t in tokenize(name))
        if not words or not name[:1].isupper():
            return
        self._names.setdefault(words, party)
        if type_ == "PERSON" and len(words) > 1:
            self._names.setdefault(words[-1:], party)

    def _side_from(self, name: str, roles: list[str]) -> str | None:
        """A speaker's side: the speaker is a party itself, or a role names one ("Kremlin spokesman")."""
        for text in (name, *roles):
            party = next((m.party for m in self.mentions(tokenize(text)) if m.party != SELF), None)
            if party:
                return party
        return None

    def _person_in(self, role: str) -> str | None:
        tokens = tokenize(role)
        for i in range(len(tokens)):
            n, party = _longest(tokens, i, self._names, "lower")
            if n and party in self._sides.values():
                return party
        return None

    def side(self, speaker: str | None) -> str | None:
        return self._sides.get(name_key(speaker)) if speaker else None

    def resolve(self, name: str) -> str | None:
        """The canonical party a whole name stands for, if the places table or a demonym knows it."""
        tokens = tokenize(name)
        found = self.mentions(tokens)
        return found[0].party if len(found) == 1 and found[0].party != SELF else None

    def mentions(self, tokens: list[Token], names: PhraseTable | None = None) -> list[Mention]:
        """Party mentions in ``tokens``; ``names`` adds the article's own entity names."""
        exact, folded = places()
        found: list[Mention] = []
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            n, party = _longest(tokens, i, exact, "text")
            if not n:
                n, party = _longest(tokens, i, folded, "lower")
            if not n and names:
                n, party = _longest(tokens, i, names, "lower")
            if not n:
                n, party = _longest(tokens, i, self._names, "lower")
            if not n and tok.text[:1].isupper():
                n, party = (1, _demonym(tok.text)) if _demonym(tok.text) else (0, None)
            if not n and tok.lower in SELF_WORDS:
                n, party = 1, SELF
            if n:
                found.append(Mention(i, i + n, party))
                i += n
            else:
                i += 1
        return found

    def entity_names(self, entities: Iterable[tuple[str, str]]) -> PhraseTable:
        """An article's entity (name, type) pairs as a mention table: name -> canonical party."""
        table = PhraseTable()
        for name, type_ in entities:
            if type_ not in ("GPE", "ORG", "NORP", "PERSON"):
                continue
            party = self.side(name) or self.resolve(name) or name
            table.setdefault(tuple(t.lower for t in tokenize(name)), party)
        return table


def _demonym(word: str) -> str | None:
    """'Kestrian' -> 'Kestria': the regular -ian demonyms the places table does not list."""
    m = re.fullmatch(r"([A-Z][a-z]+i)an?s?", word)
    return m.group(1) + "a" if m and word.endswith(("ian", "ians")) else None


# --- reading a quote ---------------------------------------------------------------------------


def read(
    text: str,
    *,
    speaker: str | None,
    condition: str | None = None,
    parties: Parties,
    names: PhraseTable | None = None,
) -> Frame:
    """The proposition of one quote: its frame, conditions, core clause and content words."""
    tokens = tokenize(text)
    given = _span(text, condition)
    sentences = _sentences(text, tokens)
    found = next(((s, p) for s in sentences if (p := _predicate(tokens, s, given))), None)
    sentence, (predicate, position, width, polarity) = found or (sentences[0], (None, -1, 0, 1))
    # Conditional clauses are left out of the proposition; restrictions ("but only to ...",
    # "on a broad agenda", "a leadership that ...") stay in it and are also shown as conditions.
    clauses = [given] if given else (_marked(text, tokens, sentence) if predicate else [])
    restrictions = _restrictions(text, tokens, sentence, position + width) if predicate else []
    inside = [i for i in range(*sentence) if not any(a <= tokens[i].start < b for a, b in clauses)]
    mentions = [m for m in parties.mentions(tokens, names) if m.start in inside]
    actor, actor_mention = _actor(tokens, mentions, position if predicate else len(tokens))
    if predicate:
        polarity *= _negated(tokens, inside, position)
        thing, sign = _object(text, tokens, inside, position)
        predicate, polarity = (f"{predicate}:{thing}", polarity * sign) if thing else (predicate, polarity)
    target_mention = _target(tokens, mentions, position + width, actor_mention)
    side = parties.side(speaker) or speaker
    actor = side if actor in (SELF, None) else actor
    target = None if target_mention is None else target_mention.party
    target = side if target == SELF else target
    skip = {i for m in (actor_mention, target_mention) if m for i in range(m.start, m.end)}
    skip |= set(range(position, position + width))
    named = {i: m.party for m in mentions if m.party != SELF for i in range(m.start, m.end)}
    words = _content(tokens, [i for i in inside if i not in skip], named)
    spans = _merge(clauses + restrictions)
    conditions = "; ".join(text[a:b].strip(" ,") for a, b in spans) or None
    core = _core(text, tokens, sentence, spans)
    return Frame(actor, predicate, target, polarity, conditions, core, sorted(words))


def _core(text: str, tokens: list[Token], sentence: tuple[int, int], spans: list[tuple[int, int]]) -> str:
    """The sentence as written, less the conditions that open or close it."""
    if sentence[1] <= sentence[0]:
        return ""
    edge = " ,;:—–-\"'“”‘’«»"
    lo, hi = tokens[sentence[0]].start, tokens[sentence[1] - 1].end
    for a, b in spans:  # sorted: leading conditions one after another, then a trailing one
        if a <= lo < b or not text[lo:a].strip(edge):
            lo = max(lo, b)
        elif lo < a < hi <= b + 1:
            hi = a
    return text[lo:hi].strip(edge)


def _span(text: str, condition: str | None) -> tuple[int, int] | None:
    if not condition:
        return None
    at = text.find(condition)
    return (at, at + len(condition)) if at >= 0 else None


def _sentences(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Token index ranges of the quote's sentences (and of clauses after ';' or ':')."""
    bounds = [m.end() for m in SENTENCE_END.finditer(text)]
    ranges, first = [], 0
    for i, tok in enumerate(tokens):
        if bounds and tok.start >= bounds[0]:
            while bounds and tok.start >= bounds[0]:
                bounds.pop(0)
            if i > first:
                ranges.append((first, i))
            first = i
    ranges.append((first, len(tokens)))
    return ranges


def _predicate(
    tokens: list[Token], sentence: tuple[int, int], given: tuple[int, int] | None
) -> tuple[str, int, int, int] | None:
    """The first commitment in the sentence, outside the given condition: (class, index, width, polarity)."""
    table = predicates()
    for i in range(*sentence):
        if given and given[0] <= tokens[i].start < given[1]:
            continue
        n, value = _longest(tokens, i, table, "stem")
        if n and i + n <= sentence[1]:
            return value[0], i, n, value[1]
        if tokens[i].stem in TALK_STEMS and any(t.lower in MODALS for t in tokens[max(sentence[0], i - 3) : i]):
            return "ready", i, 1, 1
    return None


def _object(text: str, tokens: list[Token], inside: list[int], position: int) -> tuple[str | None, int]:
    """What the commitment is to, the first object word of its clause ("ready for talks"),
    and -1 when a verb before it reverses it ("wants to end cooperation"), else 1."""
    table, wanted = folds(), objects()
    sign = 1
    for i in (i for i in inside if i >= position):
        if i > position and re.search(r"[,;:]", text[tokens[i - 1].end : tokens[i].start]):
            break  # the clause ended: "a matter for the provinces, and Tarnholm will not negotiate"
        n, head = _longest(tokens, i, table, "stem")
        if n and head in wanted:
            return head, sign
        if tokens[i].stem in REVERSING:
            sign = -sign
    return None, 1


def _negated(tokens: list[Token], inside: list[int], position: int) -> int:
    """-1 when an odd number of negations precede the predicate within its clause."""
    window = [i for i in inside if position - 4 <= i < position]
    negations = sum(1 for i in window if tokens[i].lower in NEGATIONS or tokens[i].stem == "not")
    return -1 if negations % 2 else 1


def _actor(tokens: list[Token], mentions: list[Mention], before: int) -> tuple[str | None, Mention | None]:
    """The nearest party mention before the predicate that is not the object of a preposition.

    Nearest, not first: in "we feel that American partners are interested"
    the Americans are interested, not "we".
    """
    for m in reversed([m for m in mentions if m.start < before]):
        if not _governed(tokens, m.start):
            return m.party, m
    return None, None


def _governed(tokens: list[Token], i: int) -> bool:
    """Whether a preposition governs the mention at ``i`` (through up to two determiners/adjectives)."""
    for j in range(i - 1, max(-1, i - 4), -1):
        word = tokens[j].lower
        if word in TOPIC_PREPOSITIONS:
            return True
        if word not in ("the", "a", "an", "new", "current", "our", "their") and not tokens[j].text[:1].isupper():
            return False
    return False


def _target(
    tokens: list[Token], mentions: list[Mention], after: int, actor: Mention | None
) -> Mention | None:
    """The party the commitment is toward: after "with / to / toward" ("dialogue with the USA")."""
    for m in mentions:
        if m.start < (actor.end if actor else after) or (actor and m.party == actor.party):
            continue
        if {tokens[j].lower for j in range(max(0, m.start - 3), m.start)} & TARGET_PREPOSITIONS:
            return m
    return None


def _content(tokens: list[Token], indices: list[int], named: dict[int, str]) -> frozenset[str]:
    """Folded content words: parties by canonical name, synonyms as one word, function words dropped."""
    table, stop = folds(), stopwords()
    words: set[str] = set()
    k = 0
    while k < len(indices):
        i = indices[k]
        if i in named:
            words.add(named[i].lower())
            k += 1
            continue
        n, head = _longest(tokens, i, table, "stem")
        if n and indices[k : k + n] == list(range(i, i + n)):
            words.add(head)
            k += n
            continue
        tok = tokens[i]
        if tok.lower not in stop and tok.stem not in stop and not tok.lower.isdigit() and len(tok.lower) > 1:
            words.add(tok.stem)
        k += 1
    return frozenset(words)


def _bounds(text: str, tokens: list[Token], sentence: tuple[int, int]) -> tuple[int, int]:
    """Character offsets of a sentence given as a token range."""
    if sentence[1] <= sentence[0]:
        return 0, len(text)
    return tokens[sentence[0]].start, tokens[sentence[1] - 1].end


def _marked(text: str, tokens: list[Token], sentence: tuple[int, int]) -> list[tuple[int, int]]:
    """Condition clauses opened by "if / as soon as / provided that ..." in the sentence.

    A clause that opens the sentence (or follows another opening clause) ends
    at its comma ("As soon as X, as soon as Y, we ..."); one that follows
    the main clause runs to the sentence end ("... if X.").
    """
    lo, hi = _bounds(text, tokens, sentence)
    spans: list[tuple[int, int]] = []
    for m in CONDITION_MARKERS.finditer(text, lo, hi):
        if spans and m.start() < spans[-1][1]:
            continue
        before = text[spans[-1][1] if spans else lo : m.start()]
        if before.strip(" \"'“‘«,—–-").lower() not in ("", "and", "but", "so"):
            spans.append((m.start(), hi))
            break
        comma = text.find(",", m.end(), hi)
        spans.append((m.start(), comma if comma > 0 else hi))
    return spans


def _restrictions(text: str, tokens: list[Token], sentence: tuple[int, int], after: int) -> list[tuple[int, int]]:
    """What narrows a commitment: "but only to ...", "on a broad agenda", a restricted target."""
    lo, hi = _bounds(text, tokens, sentence)
    found = [(m.start(), m.end()) for m in RESTRICTION.finditer(text, lo, hi)]
    found += [(m.start(), m.end()) for m in SCOPE.finditer(text, lo, hi)]
    return found + _restricted_target(text, tokens, after, sentence[1])


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones joined."""
    kept: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if kept and a < kept[-1][1]:
            kept[-1] = (kept[-1][0], max(b, kept[-1][1]))
        else:
            kept.append((a, b))
    return kept


def _restricted_target(text: str, tokens: list[Token], after: int, end: int) -> list[tuple[int, int]]:
    """ "a US leadership that acknowledges ...": a party whose head noun is restricted by a relative clause."""
    for i in range(max(after, 0), end - 2):
        if tokens[i].lower in TARGET_HEADS and tokens[i + 1].lower in ("that", "who", "which"):
            start = i
            while start > after and tokens[start - 1].text[:1].isupper():
                start -= 1
            stop = re.compile(r"[,.;:!?]").search(text, tokens[i + 1].end)
            return [(tokens[start].start, stop.start() if stop else len(text))]
    return []


# --- from the store -----------------------------------------------------------------------------------


def read_frames(article: Article) -> None:
    """Pipeline stage: set each quote's frame, reading names and sides from the article's own entities."""
    parties = Parties((e.name, e.type, e.roles) for e in article.entities)
    names = parties.entity_names((e.name, e.type) for e in article.entities)
    for q in article.quotes:
        q.frame = read(q.text, speaker=q.speaker, condition=q.condition, parties=parties, names=names)


def from_quote(row: "QuoteRow", parties: Parties | None = None, names: PhraseTable | None = None) -> Statement:
    """A stored quote as a Statement (one outlet: syndicated copies are merged later).

    The frame stored with the quote is used as it is; a quote stored without
    one (by an older version) is read now, with ``parties`` and ``names``.
    """
    f = row.frame or read(row.text, speaker=row.speaker, condition=row.condition, parties=parties or Parties(),
                          names=names)
    # The speaker's side may be known only from other articles ("Peskov" -> Russia).
    side = parties.side(row.speaker) if parties and row.frame else None
    actor, target = (side if p == row.speaker else p for p in (f.actor, f.target)) if side else (f.actor, f.target)
    return Statement(
        article_id=row.article_id,
        source=row.source,
        date=row.date,
        speaker=row.speaker,
        outlets=[outlet_label(row.outlet, row.source)],
        text=row.text,
        condition=f.conditions,
        start=row.start,
        end=row.end,
        actor=actor,
        predicate=f.predicate,
        target=target,
        polarity=f.polarity,
        core=f.core,
        tokens=frozenset(f.words),
    )


def speaker_parties(store: "Store") -> Parties:
    """Sides of every stored speaker, from their names and roles."""
    rows: list[SpeakerRow] = store.speakers()
    return Parties((r.name, r.type, r.roles) for r in rows)


def article_parties(store: "Store", article_ids: Iterable[str]) -> Parties:
    """Sides of the people and organisations of the given articles only (bounded work for a query)."""
    people: dict[str, tuple[str | None, set[str]]] = {}
    for article_id in dict.fromkeys(article_ids):
        article = store.get(article_id)
        for e in article.entities if article else ():
            people.setdefault(e.name, (e.type, set()))[1].update(e.roles)
    return Parties((name, type_, sorted(roles)) for name, (type_, roles) in people.items())


class _ArticleNames:
    """The entity names of recently seen articles (quotes arrive in date order, not per article)."""

    def __init__(self, store: "Store", parties: Parties, size: int = 4096):
        self._store, self._parties, self._size = store, parties, size
        self._cache: OrderedDict[str, PhraseTable] = OrderedDict()

    def __call__(self, article_id: str) -> PhraseTable:
        if article_id in self._cache:
            self._cache.move_to_end(article_id)
            return self._cache[article_id]
        article = self._store.get(article_id)
        entities = [(e.name, e.type) for e in article.entities] if article else []
        names = self._parties.entity_names(entities)
        self._cache[article_id] = names
        if len(self._cache) > self._size:
            self._cache.popitem(last=False)
        return names


def statements(
    store: "Store",
    *,
    speaker: str | None = None,
    since: str | None = None,
    until: str | None = None,
    match: str | None = None,
    parties: Parties | None = None,
    limit: int | None = None,
) -> Iterator[Statement]:
    """Stored quotes (optionally filtered as ``Store.quotes``) as Statements, in date order.

    Quotes carry the frame read at ingest. For quotes stored without one, the
    sides come from ``parties``, else from every stored speaker when the whole
    store is read, and from the matched articles alone when ``limit`` bounds the read.
    """
    rows = store.quotes(speaker=speaker, since=since, until=until, match=match, limit=limit)
    unread = [r for r in rows if r.frame is None]
    if parties is None and (unread or not limit):
        parties = speaker_parties(store) if not limit else article_parties(store, (r.article_id for r in unread))
    names = _ArticleNames(store, parties) if unread else None
    for row in rows:
        yield from_quote(row, parties, names(row.article_id) if names and row.frame is None else None)
