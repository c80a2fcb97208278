"""Direct, indirect and mixed quotes: who said what, and on what condition.

One pass over a parsed article (no re-parsing):

1. **Quote marks** are paired per paragraph from the characters alone:
   straight, curly, single and guillemets, telling apostrophes (it's,
   Peskov's, the '90s, rock 'n' roll, students' union) from quote marks, with
   inner quotes kept inside outer ones and unclosed quotes that run on into
   the next paragraph.
2. **Cues** are speech verbs from :mod:`onrecord.cues` outside quote marks
   ("said", "told reporters", "was quoted as saying") and "according to"
   (unless it only relays another cue: "X said, according to TASS").
   The parse gives each its speaker (subject; the object of a relay verb;
   the speaker of the cue it hangs off, as in "..., adding that") and its
   content (the reported clause, or for a stance verb a propositional noun
   phrase: "underscored Putin's desire for ...", "voiced support for ...").
   A cue whose subject cannot speak ("talks were continuing", "polls
   suggest") is weak: it reports and attributes nothing. That-clauses
   coordinated with the report ("said A, and that B") stay one report unless
   each carries its own quoted fragment.
3. **Attribution**: a quoted span belongs to the cue reached by climbing the
   dependency tree out of it. If that cue's reported clause is the quote, it
   is direct; if the quote sits inside a reported clause, the clause is one
   mixed quote. Quotes no cue reaches continue the previous speaker
   (same paragraph, or a paragraph that is only a quote). Fragments of one to
   three words with no attribution are scare quotes and dropped.
4. **Indirect speech** is the cue's reported clause, trimmed of the narrator's
   framing (a leading "During ...," or a trailing ", pledging ...", the
   speaker's next act: "... and accused X of ...") and ended by a semicolon.
5. **Speakers** resolve through :class:`onrecord.entities.Discourse`
   (names, pronouns, role nouns); a document without an issuer, an event
   or an abstract noun is never a speaker. **Conditions** are the "if /
   unless / as soon as / when ..." clauses inside the quoted text, each
   running from its marker to the end of its clause's verb phrase.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import IDX, IS_SPACE, LOWER, POS
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Token

from . import cues
from .entities import Discourse, Registry
from .records import Entity, Paragraph, Quote

OPEN_DOUBLE = {"“": "”", "„": "“", "«": "»", "‹": "›"}
CLOSE_DOUBLE = {"”", "»", "›"}
SINGLE_MARKS = "'‘’"
QUOTE_CHARS = "\"'“”‘’«»„‹›`"
OPEN_CONTEXT = " \t\n([{—–-/“\"‘'"
CLOSE_CONTEXT = ".,;:!?)]}—–-…"
ELISION = re.compile(r"['‘’](\d0s\b|\d\ds\b|n['‘’]|em\b|til\b|cause\b|tis\b|twas\b|bout\b|round\b)", re.I)
SCARE_MAX_WORDS = 3
MIN_CLAUSE_WORDS = 3
TRIM_DEPS = frozenset({"prep", "advcl", "npadvmod", "advmod", "agent"})
TRAILING_DEPS = TRIM_DEPS | {"acl", "relcl"}
# Subordinators whose clause usually belongs to the reporter, not to the reported speech.
NARRATOR_MARKS = frozenset({"while", "whereas", "although", "though", "as"})
BOUNDARY_TEXT = frozenset({",", ";", "—", "–", "--", "”", "’", "'", '"', "»"})
# "LONDON, March 9 (Reuters) - ": the dateline that opens a wire story's first paragraph.
DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]{1,40}(,[^-–—\n]{1,40})?(\s*\([^)]{1,40}\))?\s*[-–—]+\s+")
WORD = re.compile(r"\w+")
# Title-cased one-liners ("kicker" is the cleaner's section label above a headline).
HEADLINE_KINDS = frozenset({"headline", "kicker"})
# First words of a condition: single markers, the first word of multiword ones, "(but) only", "must".
CONDITION_STARTS = cues.CONDITION_MARKS | {phrase[0] for phrase in cues.CONDITION_PHRASES} | {"only", "must"}
CALENDAR_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split() + [str(n) for n in range(1, 32)])
# Prepositions that complement a propositional noun ("desire for", "opposition to", "concern about").
NOUN_PREPS = frozenset({"for", "of", "to", "about", "over", "against", "toward", "towards", "with", "regarding"})
EDGE_PUNCT = frozenset({",", ".", ";", ":", "!", "?", "…", "—", "–", "-", "--", "(", "["})


# -- 1. quote marks -------------------------------------------------------------------


@dataclass(slots=True)
class Marked:
    """A span between quote marks (``start``/``end`` exclude the marks)."""

    start: int
    end: int
    open_at: int  # offset of the opening mark
    stop: int  # end of the quoted region, closing mark included
    para: int
    runs_on: bool = False  # the paragraph ended before a closing mark: the quote continues


# (opening mark, end of the quoted words, end of the region, runs on)
Pair = tuple[int, int, int, bool]
SENTENCE_END = re.compile(r"[.?!…][\"'”’)\]]?\s+")


def _implicit_end(s: str, open_at: int, i: int) -> int:
    """Where a quote left open ends when the next one opens: at its last sentence end, else just before."""
    last = None
    for m in SENTENCE_END.finditer(s, open_at + 1, i):
        last = m.end()
    return last if last is not None else i


def _pair_doubles(s: str) -> list[Pair]:
    """Double quotes and guillemets of one paragraph, paired from the context of each mark.

    A mark that can only open while a quote is open (a dropped closing mark, or
    paragraphs run together) ends the open quote at its last sentence end."""
    out: list[Pair] = []
    open_at: dict[str, int] = {}  # "straight" / "curly" -> position of the pending opening mark
    closer_for: str = "”"
    for i, ch in enumerate(s):
        if ch == '"':
            state = "straight"
            before = s[i - 1] if i else " "
            after = s[i + 1] if i + 1 < len(s) else " "
            opens = not after.isspace() and (i == 0 or before.isspace() or before in "([{—–-/:,;")
            closes = i > 0 and not before.isspace() and (after.isspace() or after in CLOSE_CONTEXT or i + 1 == len(s))
            if not opens and not closes:  # 'a"b': no context, so alternate
                opens, closes = "straight" not in open_at, "straight" in open_at
        elif ch in OPEN_DOUBLE:
            state, opens, closes = "curly", True, ch == "“" and "curly" in open_at and closer_for == "“"
        elif ch in CLOSE_DOUBLE:
            state, opens, closes = "curly", False, True
        else:
            continue
        pending = open_at.get(state)
        if pending is None:
            if opens:
                open_at[state] = i
                if state == "curly":
                    closer_for = OPEN_DOUBLE[ch]
        elif closes:
            out.append((pending, i, i + 1, False))
            del open_at[state]
        elif opens:
            end = _implicit_end(s, pending, i)
            out.append((pending, end, end, False))
            open_at[state] = i
    out.extend((pending, len(s), len(s), True) for pending in open_at.values())
    return out


def _single_candidates(s: str, blocked: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Positions of single marks that can open and that can close a quote."""
    skip: set[int] = set()
    for m in ELISION.finditer(s):
        skip.add(m.start())
        if m.group(1)[:1].lower() == "n":
            skip.add(m.end() - 1)
    opens, closes = [], []
    for i, ch in enumerate(s):
        if ch not in SINGLE_MARKS or i in skip or any(a <= i <= b for a, b in blocked):
            continue
        before = s[i - 1] if i else " "
        after = s[i + 1] if i + 1 < len(s) else " "
        if before.isalnum() and after.isalnum():
            continue  # it's, Peskov's, O'Brien
        if ch != "’" and (before in OPEN_CONTEXT) and (after.isalnum() or after in "“\"…"):
            opens.append(i)
        elif ch != "‘" and not before.isspace() and (not after.isalnum()):
            closes.append(i)
    return opens, closes


def _possessive_like(s: str, i: int) -> bool:
    """A closing-looking mark after "s" followed by a word: "students' union"."""
    return i > 0 and s[i - 1] in "sS" and s[i + 1: i + 2] == " " and s[i + 2: i + 3].isalpha()


def _pair_singles(s: str, blocked: list[tuple[int, int]]) -> list[Pair]:
    opens, closes = _single_candidates(s, blocked)
    out: list[Pair] = []
    floor = -1
    for k, o in enumerate(opens):
        if o <= floor:
            continue
        limit = opens[k + 1] if k + 1 < len(opens) else len(s)
        cands = [c for c in closes if o + 1 < c and (c < limit or limit == len(s))]
        plain = [c for c in cands if not _possessive_like(s, c)]
        close = plain[0] if plain else (cands[-1] if cands else None)
        if close is not None:
            out.append((o, close, close + 1, False))
            floor = close
        elif o == 0:
            out.append((o, len(s), len(s), True))  # a paragraph-opening quote that runs on
            floor = len(s)
    return out


def find_marked(text: str, paragraphs: list[Paragraph]) -> list[Marked]:
    """All top-level quoted spans of the article, in order."""
    out: list[Marked] = []
    for k, para in enumerate(paragraphs):
        s = text[para.start: para.end]
        doubles = _pair_doubles(s)
        blocked = [(a, stop) for a, _, stop, _ in doubles]
        pairs = sorted(doubles + _pair_singles(s, blocked), key=lambda p: (p[0], -p[2]))
        reach = -1
        for a, end, stop, runs_on in pairs:
            if a < reach:
                continue  # nested inside an outer quote
            inner = s[a + 1: end]
            lead = len(inner) - len(inner.lstrip())
            body = inner.strip()
            if not WORD.search(body):
                continue
            start = para.start + a + 1 + lead
            out.append(Marked(start, start + len(body), para.start + a, para.start + stop, k, runs_on))
            reach = stop
    return out


# -- 2. cues --------------------------------------------------------------------------


@dataclass(slots=True)
class Cue:
    """A speech verb (or "according to") with its speaker and reported content."""

    verb: Token
    text: str
    subject: Token | None
    content: Token | None
    parent: "Cue | None" = None
    direct: bool = False  # its content is a quoted span
    fragments: list[int] = field(default_factory=list)  # quoted spans inside its reported clause
    speaker: str | None = None
    mention: str | None = None
    resolved: bool = False
    nominal: bool = False  # its content is a propositional noun phrase ("stressed the need for ...")
    weak: bool = False  # its subject cannot speak ("talks were continuing", "polls suggest")
    stop: int | None = None  # where its reported clause ends, when coordination moved the end
    siblings: list["Cue"] = field(default_factory=list)  # coordinated reports: "said A, and that "B""


def _child(tok: Token, *deps: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _cue_text(verb: Token, lemma: str) -> str:
    """The cue as written: "said", "pointed out", "told reporters", "was quoted as saying"."""
    words = []
    auxpass = _child(verb, "auxpass")
    if lemma in cues.RELAY_VERBS and auxpass is not None:
        words.append(auxpass.text)
    words.append(verb.text)
    prt = _child(verb, "prt")
    if prt is not None:
        words.append(prt.text)
    obj = _child(verb, "dobj", "dative")
    if lemma == "tell" and obj is not None and obj.lower_ in cues.AUDIENCE_NOUNS:
        words.append(obj.text)
    saying = _relay_saying(verb) if lemma in cues.RELAY_VERBS else None
    if saying is not None:
        words += ["as", saying.text]
    return " ".join(words)


def _relay_saying(verb: Token) -> Token | None:
    as_ = next((c for c in verb.children if c.lower_ == "as"), None)
    return _child(as_, "pcomp") if as_ is not None else None


def _speech_cue(tok: Token) -> Cue | None:
    lemma = cues.verb_lemma(tok.lemma_, tok.text)
    nominal = _nominal_object(tok, lemma)
    if lemma in cues.PARTICLE_VERBS:
        prt = _child(tok, "prt")
        if prt is None or prt.lower_ != cues.PARTICLE_VERBS[lemma]:
            return None
    elif lemma not in cues.SPEECH_VERBS and nominal is None:
        return None
    if tok.dep_ == "amod":
        return None  # "so-called"
    if nominal is not None and lemma not in cues.SPEECH_VERBS:
        subject = _child(tok, "nsubj")  # None: inherited ("visited Kyiv, expressing support for ...")
        if subject is not None and subject.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
            subject = tok.head
        return Cue(verb=tok, text=_cue_text(tok, lemma), subject=subject, content=nominal, nominal=True)
    if tok.dep_ == "pcomp" and tok.head.lower_ == "as":
        return _as_saying(tok)
    if lemma in cues.RELAY_VERBS:
        passive = any(c.dep_ == "nsubjpass" for c in tok.children)
        subject = _child(tok, "nsubjpass") if passive else _child(tok, "dobj")
        if subject is None:
            return None
        saying = _relay_saying(tok)
        content = (_child(saying, "ccomp") if saying is not None else None) or _child(tok, "ccomp")
    elif any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        # "he was told ...", "it is reported ...": the subject heard it; the agent, if any, said it
        agent = _child(tok, "agent")
        subject = _child(agent, "pobj") if agent is not None else None
        if subject is None:
            return None
        content = _content(tok)
    else:
        subject = _child(tok, "nsubj") or _inverted_subject(tok)
        later = _postposed_subject(tok)
        if subject is not None and subject.i < tok.i and later is not None:
            subject = later  # '"..." Kestria's crisis allows, says spokesman': the inverted subject speaks
        if subject is not None and subject.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
            subject = tok.head
        content = _content(tok)
        if content is None and nominal is not None:
            return Cue(verb=tok, text=_cue_text(tok, lemma), subject=subject, content=nominal, nominal=True)
    return Cue(verb=tok, text=_cue_text(tok, lemma), subject=subject, content=content)


def _nominal_object(verb: Token, lemma: str) -> Token | None:
    """The propositional object of a stance verb: "underscored [Putin's desire for ...]", "voiced [support for ...]".

    Only a noun from :data:`cues.PROPOSITION_NOUNS` with a complement of its own ("for ...", "to talk",
    "that ...") counts: "stressed the need" alone says too little, "signed the offer" is no speech."""
    if lemma not in cues.NOMINAL_CUE_VERBS:
        return None
    obj = _child(verb, "dobj")
    if obj is None or obj.i < verb.i or obj.pos_ != "NOUN" or obj.lemma_.lower() not in cues.PROPOSITION_NOUNS:
        return None
    if any(c.dep_ == "ccomp" and c.left_edge.i != obj.right_edge.i + 1 for c in verb.children):
        return None  # "stressed the need ..., saying that ...": the clause is the report
    if not any(c.i > obj.i and c.dep_ in ("prep", "acl", "relcl", "ccomp") for c in obj.children) and (
            _noun_complement(verb, obj.right_edge.i + 1) is None):
        return None
    return obj


def _noun_complement(verb: Token, at: int) -> Token | None:
    """A complement of the object noun that the parser hung on the verb: "disclosed [his aspiration] [for ...]"."""
    for c in verb.children:
        if c.left_edge.i == at and (c.dep_ == "ccomp" or c.dep_ == "prep" and c.lower_ in NOUN_PREPS):
            return c
    return None


def _postposed_subject(verb: Token) -> Token | None:
    """The subject after a speech verb that follows a comma or quote mark (", says spokesman", ", said the
    minister on Tuesday"), whatever label the parser gave it: a noun right after the verb that closes the
    clause. Not a date, not an audience ("told reporters"), and not when a reported clause follows."""
    doc = verb.doc
    if verb.i == 0 or not (doc[verb.i - 1].text == "," or doc[verb.i - 1].text in QUOTE_CHARS):
        return None
    if any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None
    for c in verb.rights:
        if c.i > verb.i + 4 or c.pos_ not in ("NOUN", "PROPN") or c.ent_type_ in ("DATE", "TIME"):
            continue
        if c.dep_ not in ("nsubj", "dobj", "attr", "npadvmod", "appos", "punct", "dep") or (
                c.lower_ in cues.AUDIENCE_NOUNS):
            continue
        after = doc[c.i + 1] if c.i + 1 < len(doc) else None
        if after is None or after.is_punct or after.is_space or after.pos_ == "ADP":
            return c
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """'"...," warned economist Sara Lind': after a closing quote the parser often
    takes the inverted subject for an object."""
    i = verb.i - 1
    while i >= 0 and (verb.doc[i].is_punct or verb.doc[i].is_space) and verb.doc[i].text not in QUOTE_CHARS:
        i -= 1
    if i < 0 or verb.doc[i].text not in QUOTE_CHARS:
        return None
    return next((c for c in verb.rights if c.dep_ in ("dobj", "attr", "dative", "npadvmod", "appos", "nsubj")), None)


def _as_saying(saying: Token) -> Cue | None:
    """"... quoted X as saying": when the parser loses the relay verb, X is the noun before "as"."""
    relay = saying.head.head
    if cues.verb_lemma(relay.lemma_, relay.text) in cues.RELAY_VERBS and relay.pos_ == "VERB" and relay.dep_ != "amod":
        return None  # the relay verb's own cue covers it
    doc = saying.doc
    before = doc[saying.head.i - 1] if saying.head.i > 0 else None
    if before is None or before.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    relayed = any(cues.verb_lemma(t.lemma_, t.text) in cues.RELAY_VERBS for t in doc[max(0, before.i - 6): before.i])
    text = "quoted as saying" if relayed else "as saying"
    return Cue(verb=saying, text=text, subject=before, content=_child(saying, "ccomp"))


def _content(verb: Token) -> Token | None:
    """The head of the reported clause: the ccomp nearest the verb, or the clause it interrupts."""
    ccomps = [c for c in verb.children if c.dep_ == "ccomp"]
    if ccomps:
        return min(ccomps, key=lambda c: abs(c.i - verb.i))
    if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head
    subject = _child(verb, "nsubj")
    if (verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < verb.i
            and _child(verb, "mark") is None and subject is not None and subject.i < verb.i
            and subject.left_edge.i > verb.head.i and verb.doc[subject.left_edge.i - 1].text == ","):
        return verb.head  # "X is ready ..., the minister said on Friday": the report parsed as a clause of X
    return None


def _according_cue(tok: Token) -> Cue | None:
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    source = _child(nxt, "pobj")
    if source is None:
        return None
    if source.lemma_.lower() in cues.DOCUMENT_NOUNS:
        # "according to a statement by X": X speaks; "according to its statement": its owner
        by = next((c for c in source.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")), None)
        issuer = _child(by, "pobj") if by is not None else _child(source, "poss")
        source = issuer if issuer is not None else source
    clause = tok.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if clause.i < tok.i and cues.verb_lemma(clause.lemma_, clause.text) in cues.SPEECH_VERBS:
        return None  # "..., Ebbesen said, according to the Kestpress agency": the agency only relays
    return Cue(verb=tok, text="according to", subject=source, content=clause)


def find_cues(doc: Doc, qtok: list[int]) -> list[Cue]:
    out: list[Cue] = []
    by_verb: dict[int, Cue] = {}
    if not len(doc):
        return out
    arr = doc.to_array([POS, LOWER])  # candidates from arrays: no Token objects for the other words
    according = doc.vocab.strings.add("according")
    candidates = np.flatnonzero((arr[:, 0] == VERB) | (arr[:, 0] == AUX) | (arr[:, 1] == according))
    for i in candidates.tolist():
        if qtok[i] >= 0:
            continue  # speech reported inside a quote belongs to the quote
        tok = doc[i]
        if tok.lower_ == "according":
            cue = _according_cue(tok)
        else:
            cue = _speech_cue(tok)
        if cue is not None:
            out.append(cue)
            by_verb[tok.i] = cue
    for cue in out:
        if cue.subject is not None and qtok[cue.subject.i] >= 0:
            cue.subject = None  # a word of the quote is not its speaker
        if cue.subject is None:
            cue.parent, cue.subject = _inherited(cue.verb, by_verb, qtok)
    return out


def _inherited(verb: Token, by_verb: dict[int, Cue], qtok: list[int]) -> tuple[Cue | None, Token | None]:
    """The speaker of a subjectless cue: "..., adding that", "visited X and said", "declined to say"."""
    tok = verb
    for _ in range(4):
        if tok.dep_ not in ("advcl", "xcomp", "conj", "pcomp", "acl", "prep") or tok.head.i == tok.i:
            return None, None
        head = tok.head
        while qtok[head.i] >= 0 and head.head.i != head.i:
            head = head.head  # '"...," adding' hung on the quote: the cue that carries the quote
        if head.i in by_verb:
            return by_verb[head.i], None
        if tok.dep_ == "acl" and head.lemma_.lower() in cues.DOCUMENT_NOUNS:
            # "issued a statement saying ...": the issuer
            owner = _child(head, "poss")
            if owner is not None:
                return None, owner
            head = head.head
        subject = _child(head, "nsubj", "nsubjpass")
        if subject is not None:
            if subject.lower_ in ("who", "that", "which") and head.dep_ == "relcl":
                subject = head.head  # "X, who came to power promising ...": X
            return None, subject
        tok = head
    return None, None


# -- 3./4. attribution and clauses ------------------------------------------------------


@dataclass(slots=True)
class _Found:
    """A quote being assembled: token bounds plus attribution."""

    lo: int
    hi: int  # token bounds, exclusive
    start: int
    end: int  # character offsets of the text
    kind: str
    cue: Cue | None
    marked: int | None = None  # index of the quoted span for direct quotes


class Extractor:
    """Quote extraction over one parsed article."""

    def __init__(self, doc: Doc, paragraphs: list[Paragraph]) -> None:
        self.doc = doc
        self.text = doc.text
        self.paragraphs = paragraphs or [Paragraph(0, len(self.text), "body")]
        self._para_starts = [p.start for p in self.paragraphs]
        self.marked = find_marked(self.text, self.paragraphs)
        arr = doc.to_array([IDX, IS_SPACE]).astype(np.int64) if len(doc) else np.zeros((0, 2), dtype=np.int64)
        self._idx, self._space = arr[:, 0], arr[:, 1].astype(bool)
        self.qtok = self._token_quotes()
        ptok = np.searchsorted(np.asarray(self._para_starts, dtype=np.int64), self._idx, side="right") - 1
        self.ptok: list[int] = ptok.clip(min=0).tolist()
        self._para_tokens = self._paragraph_tokens()
        self.registry = Registry(doc, lambda i: self.paragraphs[self.ptok[i]].kind in HEADLINE_KINDS,
                                 lambda i: self.qtok[i] >= 0)
        self.discourse = Discourse(self.registry, lambda i: self.qtok[i] >= 0)
        self._qbounds = [self._bounds_of(m) for m in self.marked]
        self._qends = [hi for _, hi in self._qbounds]
        self.cues = find_cues(doc, self.qtok)
        for cue in self.cues:
            self._keep_in_paragraph(cue)
        self._cue_at = {c.verb.i: c for c in self.cues}
        for cue in self.cues:
            self._check_source(cue)
            if not cue.weak and cue.content is not None and not cue.nominal:
                self._coordinate(cue)
        self._hanging: dict[int, list[Cue]] = {}  # quoted span -> cues whose verb hangs off a word in it
        self._para_cues: dict[int, list[Cue]] = {}
        for cue in self.cues:
            self._para_cues.setdefault(self.ptok[cue.verb.i], []).append(cue)
            k = self.qtok[cue.verb.head.i]
            if k >= 0 and self.qtok[cue.verb.i] != k:
                self._hanging.setdefault(k, []).append(cue)

    # token/paragraph bookkeeping

    def _token_quotes(self) -> list[int]:
        """Per token, the quoted span it starts in (its index in ``self.marked``), or -1."""
        qtok = np.full(len(self.doc), -1, dtype=np.int64)
        for k, m in enumerate(self.marked):
            lo, hi = np.searchsorted(self._idx, (m.open_at, m.stop), side="left")
            qtok[lo:hi] = k
        return qtok.tolist()

    def _para_of(self, char: int) -> int:
        return max(0, bisect_right(self._para_starts, char) - 1)

    def _paragraph_tokens(self) -> list[tuple[int, int]]:
        """Per paragraph, its first token after any dateline, and its end token (exclusive)."""
        bounds = [(len(self.doc), 0)] * len(self.paragraphs)
        for i in np.flatnonzero(~self._space).tolist():
            k = self.ptok[i]
            lo, hi = bounds[k]
            bounds[k] = (min(lo, i), i + 1)
        out = []
        for p, (lo, hi) in zip(self.paragraphs, bounds):
            body = p.start + _dateline_length(self.text[p.start: p.end])
            while lo < hi and self._idx[lo] < body:
                lo += 1
            out.append((lo, max(lo, hi)))
        return out

    def _keep_in_paragraph(self, cue: Cue) -> None:
        """Paragraphs are hard boundaries even when the parser ran a sentence across one."""
        para = self.ptok[cue.verb.i]
        if cue.content is not None and self.ptok[cue.content.i] != para:
            cue.content = self._local_clause(cue.verb, para)
        start = self._para_tokens[para][0]
        if cue.subject is not None and (self.ptok[cue.subject.i] != para or cue.subject.i < start):
            cue.subject = self._left_noun(cue.verb, start)  # across a paragraph, or the dateline "BANGKOK –"
        elif cue.subject is None and cue.parent is None and cue.verb.tag_ in ("VBD", "VBZ", "VBP"):
            cue.subject = self._left_noun(cue.verb, start)

    def _check_source(self, cue: Cue) -> None:
        """A cue whose subject cannot speak ("talks were continuing", "polls suggest") is weak: it reports
        nothing and attributes nothing. A speaking noun right after the verb may be the real subject."""
        subj = cue.subject
        if subj is None or cue.parent is not None or self._plausible_source(subj, cue.verb):
            return
        verb = cue.verb
        for c in verb.rights:
            if c.dep_ in ("dobj", "attr", "npadvmod", "appos", "nsubj", "dative") and c.left_edge.i <= verb.i + 3:
                if self.qtok[c.i] < 0 and c.pos_ != "PRON" and self._plausible_source(c):
                    cue.subject = c
                    return
                break
        if subj.lemma_.lower() in cues.DOCUMENT_NOUNS and subj.lemma_.lower() not in cues.FINDING_NOUNS:
            return  # "the statement said": its issuer speaks (see _resolve)
        cue.weak = True

    def _coordinate(self, cue: Cue) -> None:
        """That-clauses coordinated with the reported clause ("said A, and that B").

        One report by default (its clause runs on to the end of the last one); two when each part
        carries a quoted fragment of its own, as two mixed quotes ('said X "remains on the table",
        but that Y had "other priorities"')."""
        head, verb = cue.content, cue.verb
        if self.qtok[head.i] >= 0 and self.qtok[head.left_edge.i] == self.qtok[head.right_edge.i] >= 0:
            return  # the reported clause is itself a quote
        at_verb = [c for c in verb.children if c.dep_ == "conj" and c.i > head.i and _that_clause(c)]
        # a conjunct opened by "that" is coordinated with the reported clause wherever the parser hung it
        at_head = [t for t in self.doc[head.i + 1: head.right_edge.i + 1]
                   if t.dep_ == "conj" and self.qtok[t.i] < 0 and _that_clause(t)]
        end = head.right_edge.i + 1
        for c in sorted(at_head + at_verb, key=lambda t: t.i):
            boundary = self._left_boundary(c)
            first = (head.left_edge.i, min(end, boundary))
            if self._quoted_in(*first) and self._quoted_in(c.left_edge.i, c.right_edge.i + 1):
                cue.siblings.append(Cue(verb=verb, text=cue.text, subject=None, content=c, parent=cue))
                if c in at_head:
                    cue.stop = boundary if cue.stop is None else min(cue.stop, boundary)
                    end = min(end, boundary)
                break
            if c in at_verb and all(t.is_punct or t.is_space or t.dep_ == "cc" for t in self.doc[end: c.left_edge.i]):
                cue.stop = end = c.right_edge.i + 1

    def _left_boundary(self, tok: Token) -> int:
        """The first token of ``tok``'s subtree, before the comma or conjunction joining it."""
        i = tok.left_edge.i
        while i > 0 and (self.doc[i - 1].is_punct or self.doc[i - 1].is_space or self.doc[i - 1].dep_ == "cc") \
                and self.qtok[i - 1] < 0:
            i -= 1
        return i

    def _quoted_in(self, lo: int, hi: int) -> bool:
        return any(self.qtok[i] >= 0 for i in range(lo, hi))

    def _local_clause(self, verb: Token, para: int) -> Token | None:
        """A preposed clause of this paragraph that the parser hung on another paragraph."""
        best = None
        for tok in self.doc[self._para_tokens[para][0]: verb.i]:
            if (tok.pos_ in ("VERB", "AUX") and self.ptok[tok.head.i] != para and self.qtok[tok.i] < 0
                    and self._prev_text(tok.right_edge.i + 2) == ","):
                best = tok
        return best

    def _left_noun(self, verb: Token, start: int) -> Token | None:
        """The subject of a verb whose parse was broken, read from the parts of speech alone:
        the nearest noun phrase before it (from token ``start``) that is not a preposition's object."""
        best = None
        run_head = None
        after_adp = False
        for tok in self.doc[start: verb.i]:
            if tok.pos_ in ("DET", "ADJ", "NUM", "PROPN", "NOUN", "PRON", "PART") and self.qtok[tok.i] < 0:
                if tok.pos_ in ("PROPN", "NOUN", "PRON"):
                    run_head = tok
                continue
            if run_head is not None and not after_adp:
                best = run_head
            run_head = None
            after_adp = tok.pos_ == "ADP"
        if run_head is not None and not after_adp:
            best = run_head
        return best

    def _tokens_of(self, k: int) -> tuple[int, int]:
        return self._qbounds[k]

    def _bounds_of(self, m: Marked) -> tuple[int, int]:
        span = self.doc.char_span(m.open_at, m.stop, alignment_mode="expand")
        return (span.start, span.end) if span is not None and len(span) else (0, 0)

    # attribution of quoted spans

    def _climb(self, k: int, lo: int, hi: int) -> tuple[Cue, Token] | None:
        """The nearest cue above the quoted span ``k`` in the tree, and the child it was reached from."""
        best: tuple[int, Cue, Token] | None = None
        for tok in self.doc[lo:hi]:
            child, head, steps = tok, tok.head, 0
            while head.i != child.i and steps < 8:
                if lo <= head.i < hi or self.ptok[head.i] != self.ptok[lo]:
                    break
                if head.i in self._cue_at and not self._cue_at[head.i].weak:
                    if best is None or steps < best[0]:
                        best = (steps, self._cue_at[head.i], child)
                    break
                if self.qtok[head.i] >= 0:
                    break
                child, head, steps = head, head.head, steps + 1
        for cue in self._hanging.get(k, []):  # '"We are ready," he said' with "said" as parataxis
            if not cue.weak and (best is None or best[0] > 0):
                best = (0, cue, cue.verb.head)
        if best is None:
            return self._adjacent(lo, hi)
        return best[1], best[2]

    def _adjacent(self, lo: int, hi: int) -> tuple[Cue, Token] | None:
        """A cue written right next to the quote ('"...," the minister said' / 'she said: "..."')
        when the parse does not connect them (usually a sentence run across paragraphs)."""
        para = self.ptok[lo]
        for cue in self._para_cues.get(para, []):
            v = cue.verb
            if cue.weak or cue.content is not None and not (lo <= cue.content.i < hi):
                continue
            between = self.doc[hi: v.i] if v.i >= hi else self.doc[v.i + 1: lo]
            if len(between) <= 8 and not any(t.text in (".", "!", "?") or self.qtok[t.i] >= 0 for t in between):
                return cue, self.doc[lo]
        return self._announced(lo, para) or self._colon_intro(lo, para)

    def _colon_intro(self, lo: int, para: int) -> tuple[Cue, Token] | None:
        """'Jones disagreed: "..."', 'The mayor was blunt: "..."': the clause before the colon introduces
        the quote, whatever its verb; its subject speaks."""
        i = lo - 1
        while i >= 0 and self.doc[i].is_space:
            i -= 1
        if i < 1 or self.doc[i].text != ":" or self.ptok[i] != para:
            return None
        verb = self.doc[i - 1]
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.head.i < i:
            verb = verb.head
        subject = _child(verb, "nsubj")
        if verb.pos_ not in ("VERB", "AUX") or subject is None or self.qtok[subject.i] >= 0:
            return None
        complement = _child(verb, "acomp")
        text = f"{verb.text} {complement.text}" if complement is not None and complement.i < i else verb.text
        return Cue(verb=verb, text=text, subject=subject, content=None), self.doc[lo]

    def _announced(self, lo: int, para: int) -> tuple[Cue, Token] | None:
        """'The minister said:' closing one paragraph announces the quote that opens the next."""
        p = self.paragraphs[para]
        if para == 0 or self.text[p.start: self.doc[lo].idx].strip(QUOTE_CHARS + " \t"):
            return None
        prev = self.paragraphs[para - 1]
        if not self.text[prev.start: prev.end].rstrip().endswith(":"):
            return None
        waiting = [c for c in self._para_cues.get(para - 1, []) if c.content is None]
        return (waiting[-1], self.doc[lo]) if waiting else None

    def _attribute(self) -> tuple[dict[int, tuple[Cue, str]], set[int]]:
        """Quoted span -> (cue, "direct"/"mixed"); and spans whose cue names them as its content."""
        out: dict[int, tuple[Cue, str]] = {}
        strong: set[int] = set()
        for k in range(len(self.marked)):
            lo, hi = self._tokens_of(k)
            if lo == hi:
                continue
            found = self._climb(k, lo, hi)
            if found is None:
                continue
            cue, child = found
            for sib in cue.siblings:  # 'said A, but that B had "other priorities"': the report of B
                if sib.content.left_edge.i <= lo and hi - 1 <= sib.content.right_edge.i + 1:
                    cue = sib
                    break
            content = cue.content
            if content is not None and lo <= content.i < hi and self._framed(content, lo):
                cue.fragments.append(k)  # 'said he did not "see any prospects"'
                out[k] = (cue, "mixed")
            elif content is not None and any(c.dep_ == "ccomp" and lo <= c.i < hi and not self._framed(c, lo)
                                             for c in cue.verb.children):
                cue.direct = True  # '"Nobody will sell it," she said, in a reference to the demand, first made ...'
                out[k] = (cue, "direct")
                strong.add(k)
            elif content is None or lo <= content.i < hi:
                cue.direct = True
                out[k] = (cue, "direct")
                strong.add(k)
            elif content.left_edge.i <= lo and hi - 1 <= content.right_edge.i + 1:
                cue.fragments.append(k)
                out[k] = (cue, "mixed")
            else:
                out[k] = (cue, "direct")
        return out, strong

    def _framed(self, content: Token, lo: int) -> bool:
        """Whether the reported clause has words of the reporter before its quoted part."""
        return any(not (t.is_punct or t.is_space or t.dep_ == "mark") for t in self.doc[content.left_edge.i: lo])

    # reported clauses

    def _clause(self, cue: Cue) -> tuple[int, int] | None:
        head = cue.content
        lo, hi = head.left_edge.i, head.right_edge.i + 1
        verb = cue.verb
        for c in verb.children:  # "said he was optimistic | a deal could be reached": one clause parsed as two
            if c.dep_ == "ccomp" and c.left_edge.i == hi:
                hi = c.right_edge.i + 1
        if cue.stop is not None:
            hi = cue.stop
        if lo <= verb.i < hi:  # the cue interrupts or closes its own clause ("according to X, ...")
            c_lo, c_hi = verb.left_edge.i, verb.right_edge.i + 1
            subject = _child(verb, "nsubj")
            if subject is not None and verb.lower_ != "according" and lo < subject.left_edge.i < verb.i:
                # "X is ready ..., as long as Y, the minister said": what the parser hung on the verb
                # before its subject belongs to the reported clause
                c_lo = subject.left_edge.i
            source = _child(verb.nbor(1), "pobj") if verb.lower_ == "according" else None
            if source is not None:
                c_hi = max(_np_span(source)[1], verb.i + 2)  # the parser may hang the clause's subject on X
            if c_lo <= lo + 1:
                lo = c_hi
            elif c_hi >= hi - 1:
                hi = c_lo
        p_lo, p_hi = self._para_tokens[self.ptok[verb.i]]
        lo, hi = max(lo, p_lo), min(hi, p_hi)
        lo = self._detached_subject(head, lo, p_lo)
        if verb.i < lo:
            lo = self._skip_date(lo, hi)
        for i in range(lo, hi):  # a semicolon ends the report: "said talks must include X; and in 2023 ..."
            if self.doc[i].text == ";" and self.qtok[i] < 0:
                if i > head.i:
                    hi = i
                    break
                lo = i + 1
        lo, hi = self._trim(head, lo, hi)
        subject = _child(verb, "nsubj")
        if verb.i < lo:
            hi = self._extend_condition(verb, hi)
        elif verb.i >= hi and subject is not None and hi <= subject.left_edge.i < verb.i:
            # "X is ready, as long as Y, the chairman said": the parser hung the condition on "said"
            hi = self._extend_condition(verb, hi, subject.left_edge.i)
        lo, hi = self._strip(lo, hi)
        return (lo, hi) if hi - lo > 0 else None

    def _skip_date(self, lo: int, hi: int) -> int:
        """"said on Tuesday she would ...": a date right after the cue belongs to the cue, not to the report."""
        doc = self.doc
        tok = doc[lo]
        if tok.dep_ not in ("prep", "npadvmod") or tok.right_edge.i + MIN_CLAUSE_WORDS >= hi:
            return lo
        words = doc[lo + (tok.dep_ == "prep"): tok.right_edge.i + 1]
        if len(words) and all(t.ent_type_ in ("DATE", "TIME") or t.is_punct for t in words) and self.qtok[lo] < 0:
            return tok.right_edge.i + 1
        return lo

    def _detached_subject(self, head: Token, lo: int, p_lo: int) -> int:
        """"Varnel | is ready for talks, the spokesman said": when the parser split the reported clause's
        subject off as a fragment of its own, the noun phrase opening the paragraph is the clause's subject."""
        if lo <= p_lo or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in head.children):
            return lo
        root = self.doc[lo - 1]
        while root.head.i != root.i and p_lo <= root.head.i < lo:
            root = root.head
        detached = root.head.i == root.i or not (p_lo <= root.head.i < self._para_tokens[self.ptok[lo]][1])
        if detached and root.pos_ in ("NOUN", "PROPN", "PRON") and root.left_edge.i == p_lo \
                and root.right_edge.i == lo - 1 and self.qtok[root.i] < 0:
            return p_lo
        return lo

    def _trim(self, head: Token, lo: int, hi: int) -> tuple[int, int]:
        """Drop the narrator's framing at the clause edges: "During X, ..." and ", pledging ..."."""
        doc = self.doc
        cut = hi
        for v in _spine(head):
            for c in v.children:
                if (c.i > v.i and lo + MIN_CLAUSE_WORDS < c.left_edge.i < cut and _framing(c)
                        and self.qtok[c.left_edge.i] < 0  # quoted words are the speaker's, never framing
                        and self._boundary_before(c.left_edge.i)):
                    cut = c.left_edge.i
        for tok in doc[lo + MIN_CLAUSE_WORDS: cut]:
            # "would not intervene but urged both sides to ...", "... was ready too, and called X an obstacle":
            # the speaker's next act, not more of what was reported
            if tok.dep_ == "conj" and self.qtok[tok.i] < 0 and _speaker_act(tok) and not _in_modifier(tok, head):
                cut = self._left_boundary(tok)
                break
        for tok in doc[lo:cut]:  # a trailing ", signed in 1986 by ..." describes, it does not report
            for c in tok.children:
                if (c.dep_ == "acl" and c.tag_ in ("VBN", "VBG") and c.right_edge.i >= cut - 2
                        and lo + MIN_CLAUSE_WORDS < c.left_edge.i < cut and self._prev_text(c.left_edge.i) == ","):
                    cut = c.left_edge.i
        hi = cut
        changed = True
        while changed:
            changed = False
            for c in head.children:
                if (c.i < head.i and c.left_edge.i == lo and _framing(c)
                        and c.right_edge.i + 1 < hi and doc[c.right_edge.i + 1].text == ","):
                    lo = c.right_edge.i + 2
                    changed = True
        return lo, hi

    def _boundary_before(self, i: int) -> bool:
        """A comma, semicolon or dash before token ``i``, possibly inside a closing quote mark (',"').
        A bare closing mark is no boundary: 'had been "right all along" about pay'."""
        j = i - 1
        while j >= 0 and self.doc[j].is_space:
            j -= 1
        if j >= 0 and self.doc[j].text in QUOTE_CHARS and self.qtok[j] >= 0 and j + 1 == self._qbounds[self.qtok[j]][1]:
            return self._prev_text(j) in BOUNDARY_TEXT - set(QUOTE_CHARS)
        return j >= 0 and self.doc[j].text in BOUNDARY_TEXT - set(QUOTE_CHARS)

    def _prev_text(self, i: int) -> str:
        """The nearest non-space token text before token ``i``."""
        i -= 1
        while i >= 0 and self.doc[i].is_space:
            i -= 1
        return self.doc[i].text if i >= 0 else ""

    def _cut_after_fragments(self, fragments: list[int], hi: int) -> int:
        """A mixed clause ends with its quoted words when a modifier of the reporter follows them:
        'said he did not "see any prospects" given the fact that ...'."""
        for k in sorted(fragments, key=lambda k: self.marked[k].start):
            q_hi = self._tokens_of(k)[1]
            i = q_hi
            while i < hi and self.doc[i].is_space:
                i += 1
            if i < hi and self.qtok[i] < 0:
                tok = self.doc[i]
                comma = self._prev_text(i) == "," or self.doc[q_hi - 1].text in QUOTE_CHARS and self._prev_text(
                    q_hi - 1) == ","
                participle = tok.tag_ in ("VBG", "VBN") and tok.dep_ != "conj"
                # 'did not "see any prospects" given ...', '"a victory," citing ...': the reporter's words;
                # 'was causing "irreversible damage" to equipment': still the speaker's clause
                narrator = tok.lower_ in NARRATOR_MARKS and tok.dep_ in ("mark", "prep", "advmod")
                if participle or narrator or (comma and tok.dep_ in TRAILING_DEPS):
                    return q_hi
        return hi

    def _extend_condition(self, verb: Token, hi: int, limit: int | None = None) -> int:
        """"X said Y, but only if Z": the parser hangs the condition on "said"; it belongs to Y.
        With ``limit``, only conditions that end before token ``limit`` (the subject of a postposed cue)."""
        for c in verb.children:
            if limit is not None and c.right_edge.i >= limit:
                continue
            if c.i >= hi and c.dep_ in ("conj", "advcl", "prep", "advmod", "npadvmod") and _conditional(c):
                between = self.doc[hi: c.left_edge.i]
                if all(t.is_punct or t.dep_ == "cc" or t.is_space for t in between):
                    hi = c.right_edge.i + 1
        return hi

    def _strip(self, lo: int, hi: int) -> tuple[int, int]:
        doc = self.doc
        while lo < hi and (_edge_punct(doc[lo]) or doc[lo].dep_ == "mark" and doc[lo].lower_ == "that"):
            lo += 1
        while hi > lo and _edge_punct(doc[hi - 1]):
            hi -= 1
        return lo, hi

    def _indirect(self, cue: Cue) -> _Found | None:
        head = cue.content
        if head is None or cue.direct or (cue.subject is None and cue.parent is None):
            return None
        if self.qtok[head.i] >= 0 and self.qtok[head.i] not in cue.fragments:
            return None
        lemma = cues.verb_lemma(cue.verb.lemma_, cue.verb.text)
        if lemma in cues.QUESTION_VERBS or self._kind_of(cue.verb.idx) in HEADLINE_KINDS:
            return None
        if cue.parent is None and not self._plausible_source(cue.subject, cue.verb):
            return None  # "interest rate futures suggested that ...": no one spoke
        if any(c.dep_ == "neg" for c in cue.verb.children) or _unreal(cue.verb):
            return None  # "did not say that ...", "is expected to say that ...": no statement made
        mark = _child(head, "mark")
        if mark is not None and mark.lower_ in ("if", "whether"):
            return None  # an indirect question
        if not cue.nominal and head.pos_ not in ("VERB", "AUX") and not any(
                c.pos_ in ("VERB", "AUX") for c in head.children):
            return None  # headline-style clause without a verb
        bounds = self._noun_clause(cue) if cue.nominal else self._clause(cue)
        if bounds is None:
            return None
        lo, hi = bounds
        inside = self._overlapping(lo, hi)
        for k in inside:  # a quote straddling the clause edge belongs wholly to it
            q_lo, q_hi = self._tokens_of(k)
            lo, hi = min(lo, q_lo), max(hi, q_hi)
        hi = self._cut_after_fragments(inside, hi)
        inside = [k for k in inside if self._tokens_of(k)[0] < hi]
        lo, hi = self._strip(lo, hi)
        if len(WORD.findall(self.doc[lo:hi].text)) < MIN_CLAUSE_WORDS:
            return None
        start, end = self.doc[lo].idx, self.doc[hi - 1].idx + len(self.doc[hi - 1].text)
        cue.fragments = inside
        return _Found(lo, hi, start, end, "mixed" if inside else "indirect", cue)

    def _noun_clause(self, cue: Cue) -> tuple[int, int] | None:
        """The words of a nominal report: the object noun phrase ("Putin's desire for US leadership that ..."),
        up to a comma that opens the reporter's aside (", particularly ...", ", citing ...")."""
        noun = cue.content
        lo, hi = noun.left_edge.i, noun.right_edge.i + 1
        complement = _noun_complement(cue.verb, hi)  # "expressed hope | that talks resume"
        if complement is not None:
            hi = complement.right_edge.i + 1
        p_lo, p_hi = self._para_tokens[self.ptok[noun.i]]
        lo, hi = max(lo, p_lo), min(hi, p_hi)
        for i in range(noun.i + 1, hi - 1):
            nxt = self.doc[i + 1]
            if self.doc[i].text in (",", ";", "—", "–") and self.qtok[i] < 0 and (
                    nxt.pos_ == "ADV" or nxt.tag_ in ("VBG", "VBN") or self.doc[i].text == ";"):
                hi = i
                break
        lo, hi = self._strip(lo, hi)
        return (lo, hi) if hi > lo else None

    def _plausible_source(self, subj: Token, verb: Token | None = None) -> bool:
        """Whether a noun phrase can be the source of a statement: a person, an organisation, a group of people,
        a role, or a document with an issuer. A noun of no known kind speaks after a plain speech verb
        ("the couple said") but not after one that often takes things as subject ("the figures suggest")."""
        if subj.pos_ == "PRON":
            return subj.lower_ in cues.SPEAKER_PRONOUNS
        if subj.pos_ == "PROPN" and (subj.text[:1].isupper() or self.registry.key_at(subj)):
            return True
        if self.registry.key_at(subj) or _age_noun(subj) or subj.lemma_.lower() in cues.DEMONYM_NOUNS:
            return True
        words = {subj.lemma_.lower(), subj.lower_}
        if words & cues.FINDING_NOUNS:
            return self._issuer(subj) is not None
        if any(c.dep_ == "compound" and c.lower_ == "prime" for c in subj.children):
            words.add("prime_minister")
        if words & cues.SOURCE_NOUNS:
            return True
        if words & cues.NON_SOURCE_NOUNS or subj.pos_ not in ("NOUN", "PROPN"):
            return False
        if verb is None:
            return False
        lemma = "say" if verb.lower_ == "according" else cues.verb_lemma(verb.lemma_, verb.text)
        return lemma in cues.SPEECH_VERBS and lemma not in cues.WEAK_SPEECH_VERBS

    def _issuer(self, doc_noun: Token) -> Token | None:
        """Who issued a document: "a statement by X", "X's statement", "its statement"."""
        by = next((c for c in doc_noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")), None)
        issuer = _child(by, "pobj") if by is not None else _child(doc_noun, "poss")
        if issuer is not None and (issuer.pos_ in ("PRON", "PROPN") or self.registry.key_at(issuer) or
                                   issuer.lemma_.lower() in cues.SOURCE_NOUNS - cues.DOCUMENT_NOUNS):
            return issuer
        return None

    def _overlapping(self, lo: int, hi: int) -> list[int]:
        """Quoted spans that share a token with tokens [lo, hi) (spans are in text order)."""
        first = bisect_right(self._qends, lo)
        out = []
        for k in range(first, len(self._qbounds)):
            q_lo, q_hi = self._qbounds[k]
            if q_lo >= hi:
                break
            if q_hi > lo:
                out.append(k)
        return out

    def _outermost(self, found: list[_Found]) -> list[_Found]:
        """Speech reported inside a reported clause belongs to that report, not to a quote of its own."""
        cover = [0] * (len(self.doc) + 1)
        for f in found:
            cover[f.lo] += 1
            cover[f.hi] -= 1
        for i in range(1, len(cover)):
            cover[i] += cover[i - 1]
        return [f for f in found if cover[f.cue.verb.i] - (f.lo <= f.cue.verb.i < f.hi) == 0]

    def _kind_of(self, char: int) -> str:
        return self.paragraphs[self._para_of(char)].kind

    # speakers

    def _speaker(self, cue: Cue) -> tuple[str | None, str | None]:
        if cue.resolved:
            return cue.speaker, cue.mention
        cue.resolved = True
        if cue.parent is not None:
            cue.speaker, cue.mention = self._speaker(cue.parent)
            return cue.speaker, cue.mention
        subj = cue.subject
        if subj is None:
            return None, None
        cue.mention = _np_text(subj)
        cue.speaker = self._resolve(subj, cue.content, cue.verb)
        if cue.speaker:
            self.discourse.note_speaker(subj.i, cue.speaker, self._speaker_label(subj, cue.speaker))
        return cue.speaker, cue.mention

    def _resolve(self, subj: Token, content: Token | None, verb: Token | None = None) -> str | None:
        if subj.pos_ == "PRON":
            # what the speaker reports is no antecedent of the speaker: "Moscow is ..., it said"
            skip = (content.left_edge.i, content.right_edge.i + 1) if content is not None else (0, 0)
            exclude: frozenset[str] = frozenset()
            own = _child(subj.head, "nsubj") if subj.dep_ in ("dobj", "pobj", "dative") else None
            if own is not None and own.i != subj.i and self.registry.key_at(own):
                exclude = frozenset({self.registry.key_at(own)})  # "Orbis quoted her": she is not Orbis
            return self.discourse.pronoun(subj, skip, exclude)
        key = self.registry.key_at(subj)
        if key:
            return key
        lemma = subj.lemma_.lower()
        role = _role_phrase(subj)
        plural = subj.tag_ in ("NNS", "NNPS")
        noun = subj.pos_ == "NOUN" or (subj.pos_ == "PROPN" and subj.text.islower())  # "the prime minister"
        if lemma in cues.DOCUMENT_NOUNS and subj.lower_ not in cues.PERSON_ROLE_NOUNS | cues.ORG_NOUNS:
            # "the statement said": its issuer, or the body or person the text is about; never the document
            issuer = self._issuer(subj)
            if issuer is not None and issuer.i != subj.i:
                return self._resolve(issuer, content, verb)
            if lemma not in cues.ISSUED_NOUNS:
                return None  # "the lawsuit alleges": not the defendant just named
            return self.discourse.recent(subj.i, ("ORG", "PERSON"), prominent=True)
        if not self._plausible_source(subj, verb):
            # an abstract noun, an event, a poll: no speaker; the agent the text is about, if any
            return self.discourse.recent(subj.i, ("PERSON", "ORG"), prominent=True)
        if _age_noun(subj) or (lemma in cues.DEMONYM_NOUNS and not plural and _definite(subj)):
            # "the 28-year-old", "the Scot": the person just written about
            return self.discourse.recent(subj.i, ("PERSON",), prominent=True) or role
        person_role = lemma in cues.PERSON_ROLE_NOUNS or subj.lower_ in cues.PERSON_ROLE_NOUNS
        if noun and not plural and person_role:
            definite = _definite(subj)
            key = self.discourse.by_role(subj, definite)
            if key is None and definite and _qualified(subj):
                # "Putin said ... the Russian leader added": a qualified role, and no one holds it by title
                key = self.discourse.recent(subj.i, ("PERSON",), ok=self.discourse.role_fits(subj), prominent=True)
            return key or role
        if noun and not plural and lemma in cues.ORG_NOUNS and _definite(subj):
            return self._org_like(subj) or self.discourse.recent(
                subj.i, ("ORG",), ok=lambda k: k in self.registry.entities, prominent=True) or role
        return role or None

    def _speaker_label(self, subj: Token, speaker: str) -> str:
        """PERSON/ORG for a speaker that may be no entity ("a police spokesman", "the ministry")."""
        label = self.registry.label(speaker)
        if label:
            return label
        if subj.pos_ == "PROPN":  # a name the NER missed: "Dahl"; acronyms are bodies
            return "ORG" if subj.text.isupper() else "PERSON"
        lemma = subj.lemma_.lower()
        person = lemma in cues.PERSON_ROLE_NOUNS or subj.lower_ in cues.PERSON_ROLE_NOUNS
        return "PERSON" if person and subj.tag_ != "NNS" else "ORG"

    def _org_like(self, subj: Token) -> str | None:
        """"the ministry" -> the nearest organisation whose name ends in that noun."""
        lemma = subj.lemma_.lower()
        best = None
        for m in self.registry.mentions:
            words = m.key.lower().split()
            if m.start < subj.i and m.label == "ORG" and words and words[-1].rstrip("s") == lemma.rstrip("s"):
                best = m.key
        return best

    # assembly

    def run(self) -> list[Quote]:
        attributed, strong = self._attribute()
        found: list[_Found] = []
        consumed: set[int] = set()
        for cue in self.cues:
            for report in (cue, *cue.siblings):
                item = self._indirect(report)
                if item is not None:
                    found.append(item)
        found = self._outermost(found)
        for f in found:
            consumed.update(f.cue.fragments)
        for k, m in enumerate(self.marked):
            if k in consumed:
                continue
            lo, hi = self._tokens_of(k)
            cue, kind = attributed.get(k, (None, "direct"))
            if kind == "mixed":
                cue = None if k not in strong else cue  # its clause was rejected: judge the span alone
            words = len(WORD.findall(self.text[m.start: m.end]))
            if words <= SCARE_MAX_WORDS and k not in strong:
                continue
            if self._kind_of(m.start) in HEADLINE_KINDS and cue is None:
                continue
            if cue is None and _title_like(self.text[m.start: m.end]):
                continue
            found.append(_Found(lo, hi, m.start, m.end, "direct", cue, marked=k))
        found.sort(key=lambda f: f.start)
        return self._finish(found)

    def _finish(self, found: list[_Found]) -> list[Quote]:
        quotes: list[Quote] = []
        speakers: list[tuple[str | None, str | None]] = []
        for f in found:  # document order, so pronouns see earlier speakers
            speakers.append(self._speaker(f.cue) if f.cue is not None else (None, None))
        self._continue_speakers(found, speakers)
        for f, (speaker, mention) in zip(found, speakers):
            text = self.text[f.start: f.end]
            quotes.append(Quote(
                text=text, start=f.start, end=f.end, kind=f.kind, speaker=speaker,
                speaker_mention=mention if f.cue is not None else None,
                cue=f.cue.text if f.cue is not None else None,
                condition=_condition(self.doc, self.text, f.lo, f.hi, f.start, f.end),
                placement=self._kind_of(f.start)))
        return quotes

    def _continue_speakers(self, found: list[_Found], speakers: list[tuple[str | None, str | None]]) -> None:
        """Quotes no cue reached continue the previous speaker of their paragraph, or of the paragraph before."""
        last_by_para: dict[int, int] = {}
        for n, f in enumerate(found):
            para = self._para_of(f.start)
            if f.cue is None:
                source = self._continuation_source(n, f, para, found, last_by_para)
                if source is not None:
                    speakers[n] = (speakers[source][0], speakers[source][1])
            if speakers[n][0] is not None:
                last_by_para[para] = n
        for n in range(len(found) - 1, -1, -1):  # a quote that opens a paragraph before its attribution
            f = found[n]
            if f.cue is None and speakers[n][0] is None and n + 1 < len(found):
                nxt = found[n + 1]
                if self._para_of(nxt.start) == self._para_of(f.start) or self._runs_on(f, nxt):
                    speakers[n] = speakers[n + 1]
        for n, f in enumerate(found):  # last resort: whoever the text was just about ('X was blunt. "..."')
            if f.cue is None and speakers[n][0] is None:
                speakers[n] = (self.discourse.recent(f.lo, ("PERSON", "ORG"), skip=(f.lo, f.hi), prominent=True), None)

    def _continuation_source(self, n: int, f: _Found, para: int, found: list[_Found],
                             last_by_para: dict[int, int]) -> int | None:
        if para in last_by_para:
            return last_by_para[para]
        p = self.paragraphs[para]
        opens_paragraph = not self.text[p.start: f.start].strip(QUOTE_CHARS + " \t")
        if opens_paragraph and para - 1 in last_by_para:
            return last_by_para[para - 1]
        if n > 0 and self._runs_on(found[n - 1], f):
            return n - 1
        return None

    def _runs_on(self, prev: _Found, f: _Found) -> bool:
        """``f`` continues ``prev`` across a paragraph break (no closing mark before the break)."""
        if prev.marked is None or f.marked is None:
            return False
        a, b = self.marked[prev.marked], self.marked[f.marked]
        return a.runs_on and b.para == a.para + 1

    def entities(self) -> list[Entity]:
        return list(self.registry.entities.values())


# -- helpers ----------------------------------------------------------------------------


def _speaker_act(tok: Token) -> bool:
    """A conjoined verb that is the speaker's next act, not more of what was reported:
    "said Kestria would never negotiate and [accused] Velgrad of ...". It is a finite speech or
    stance verb with no subject or auxiliary of its own, joined to a verb it cannot continue: one with an
    auxiliary it lacks ("would ... and accused", "had ... but did not mention") or one inside a subordinate
    clause ("if X was ready too, and called ..."). "arrested him and charged him" is one report."""
    head = tok.head
    if not any(c.dep_ == "mark" or c.dep_ in ("aux", "auxpass") and c.lemma_ != "do" for c in head.children):
        return False
    finite = tok.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" and c.lemma_ == "do" for c in tok.children) or (
        # a bare "called" after a finite "was ...": a past tense the tagger took for a participle
        tok.tag_ == "VBN" and tok.head.tag_ in ("VBD", "VBZ", "VBP") and not any(
            c.dep_ in ("aux", "auxpass") for c in (*tok.children, *tok.head.children)))
    if not finite or any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "mark") or c.dep_ == "aux" and c.lemma_ != "do"
                         for c in tok.children):
        return False  # "did not mention": do-support is the speaker's own tense; "would ... and promise" shares it
    lemma = cues.verb_lemma(tok.lemma_, tok.text)
    return lemma in cues.SPEECH_VERBS or lemma in cues.SPEECH_ACT_VERBS


def _that_clause(tok: Token) -> bool:
    """A finite clause opened by "that" ("... and that the demand risked ...")."""
    mark = _child(tok, "mark")
    return mark is not None and mark.lower_ == "that" and tok.pos_ in ("VERB", "AUX")


def _dateline_length(paragraph: str) -> int:
    m = DATELINE.match(paragraph)
    return m.end() if m else 0


def _spine(head: Token) -> list[Token]:
    """The verbs that carry a clause: its head and the clauses coordinated with or reported by it."""
    out, todo = [], [head]
    while todo:
        v = todo.pop()
        out.append(v)
        todo.extend(c for c in v.children if c.dep_ in ("conj", "ccomp", "xcomp") and c.pos_ in ("VERB", "AUX"))
    return out


def _edge_punct(tok: Token) -> bool:
    return tok.is_space or tok.text in QUOTE_CHARS or tok.text in EDGE_PUNCT


def _framing(tok: Token) -> bool:
    """A modifier that frames a reported clause (", pledging ...", "During X,", ", while ...")."""
    if tok.dep_ not in TRIM_DEPS or _conditional(tok):
        return False
    if tok.dep_ != "advcl":
        return True
    mark = _child(tok, "mark")
    if mark is not None:
        return mark.lower_ in NARRATOR_MARKS
    return tok.tag_ in ("VBG", "VBN") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _conditional(tok: Token) -> bool:
    """Whether the clause headed by ``tok`` opens with a condition marker ("if", "as soon as", "only if")."""
    doc = tok.doc
    left = tok.left_edge.i + (doc[tok.left_edge.i].lower_ in ("but", "and"))
    return any(doc[i].lower_ in CONDITION_STARTS and doc[i].lower_ != "must"
               and _condition_span(doc[i], tok.right_edge.i + 1) is not None
               for i in range(left, tok.i + 1))  # the marker may head the clause: ", provided that ..."


def _present(tok: Token) -> bool:
    return tok.tag_ in cues.PRESENT_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in cues.PRESENT_TAGS
                                                for c in tok.children)


def _condition(doc: Doc, text: str, lo: int, hi: int, start: int, end: int) -> str | None:
    """The first condition clause inside tokens [lo, hi), clipped to the quote's characters."""
    for tok in doc[lo:hi]:
        if tok.lower_ not in CONDITION_STARTS:
            continue
        span = _condition_span(tok, hi)
        if span is None:
            continue
        a, b = max(span[0], lo), min(span[1], hi)
        while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
            b -= 1
        if b - a >= 2:
            s, e = max(doc[a].idx, start), min(doc[b - 1].idx + len(doc[b - 1].text), end)
            if e > s:
                return text[s:e].strip(QUOTE_CHARS + " ")
    return None


def _condition_span(tok: Token, hi: int) -> tuple[int, int] | None:
    """Token bounds of a condition starting at ``tok``: a marker phrase, "but only ...", "must include ..."."""
    doc = tok.doc
    words = tuple(t.lower_ for t in doc[tok.i: min(tok.i + 4, hi)])
    for phrase in cues.CONDITION_PHRASES:
        if words[: len(phrase)] == phrase:
            found = _condition_clause(doc[tok.i + len(phrase) - 1], hi)
            return (tok.i, found[1]) if found is not None else None
    if tok.lower_ in cues.CONDITION_MARKS and tok.dep_ in ("mark", "advmod"):
        if tok.i > 0 and doc[tok.i - 1].lower_ == "even":
            return None  # "even if" concedes; it sets no condition
        head = tok.head
        if head.dep_ == "ccomp" or head.pos_ not in ("VERB", "AUX", "ADJ") or head.i < tok.i:
            return None  # "asked if": an indirect question
        found = _condition_clause(tok, hi)
        if found is None:
            return None
        verb = found[0]
        if tok.lower_ in ("when", "whenever", "once") and (
                not _present(verb) or tok.lower_ != "once" and "advcl" not in (verb.dep_, head.dep_)
                or head.head.lemma_ == "be" and head.head.i < tok.i or _after_date(tok)):
            # "when he was young", "times when I ...", "on Thursday, when ...": time, not a condition
            # ("once" has no relative use, so the parse need not call its clause adverbial)
            return None
        return tok.i, found[1]
    if tok.lower_ == "only" and tok.i > 0 and doc[tok.i - 1].lower_ == "but":
        if tok.head.i > tok.i and tok.head.pos_ in ("ADP", "SCONJ", "VERB", "AUX"):
            return tok.i, _clause_right(tok.head)  # "but only within a settlement that covers X, Y and Z"
        return tok.i, _phrase_end(doc, tok.i + 1, hi)
    if tok.lower_ == "must":
        return _requirement(tok)
    return None


def _condition_clause(last: Token, hi: int) -> tuple[Token, int] | None:
    """The verb of the clause opened by a condition marker ending at ``last``, and where the clause ends.

    The clause is that of the first verb after the marker with a subject of its own ("as soon as
    required internal political conditions [emerge] in Washington"), not a participle or adjective the
    parser took for its verb ("required"), nor a relative clause inside its subject ("if the people who
    live there [agree]"). A bare participle or adjective closed by a comma is the whole condition:
    "if needed, ...", "once completed, ..."."""
    doc = last.doc
    stop = min(hi, last.sent.end)
    head = last.head if last.dep_ in ("mark", "advmod") and last.head.i > last.i else None
    if head is not None and _clause_verb(head, last):
        return head, _clause_right(head)
    comma = False
    for tok in doc[last.i + 1: stop]:
        if tok.text in (";", ":") or tok.text in (".", "!", "?") and tok.i + 1 < stop:
            break
        if tok.text == ",":
            comma = True
        if _clause_verb(tok, last):
            if comma and head is not None and head.i < tok.i:
                break  # "if needed, we will ...": the condition ended at the comma
            return tok, _clause_right(tok)
    adjective = head is not None and head.pos_ == "ADJ" and last.lower_ in cues.CONDITION_MARKS
    if head is not None and (head.pos_ in ("VERB", "AUX") or adjective):
        return head, _clause_right(head)  # "if needed", "if necessary"; "as soon as possible" is no condition
    return None


def _clause_verb(tok: Token, marker: Token) -> bool:
    """A finite verb heading a clause of its own after ``marker``: it has a subject or a finite auxiliary, and
    it is not a participle before a noun ("revised safety checks", which the parser may give the marker
    "that" as subject) nor a relative clause ("the families who live there")."""
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("aux", "auxpass"):
        return False
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")]
    if tok.dep_ in ("relcl", "acl"):
        if not subjects or any(s.i != marker.i for s in subjects):
            return False  # a relative clause inside the condition's subject: "the families who live there"
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ"):
            return False  # "on condition that [revised] safety checks ...": a participle the parser gave "that"
    finite_aux = any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP", "VBD", "MD") for c in tok.children)
    return bool(subjects) or finite_aux


def _clause_right(tok: Token) -> int:
    """The end of ``tok``'s subtree, before a conjoined act of the speaker (", and called X an obstacle")."""
    end = tok.right_edge.i + 1
    for t in tok.doc[tok.i + 1: end]:
        if t.dep_ == "conj" and _speaker_act(t) and not _in_modifier(t, tok):
            end = t.left_edge.i
            while end > tok.i + 1 and (tok.doc[end - 1].is_punct or tok.doc[end - 1].dep_ == "cc"):
                end -= 1
            break
    return end


def _in_modifier(tok: Token, top: Token) -> bool:
    """Whether ``tok`` hangs, below ``top``, inside a relative clause or noun modifier."""
    t = tok.head
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ in ("relcl", "acl", "appos"):
            return True
        t = t.head
    return False


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)


def _after_date(tok: Token) -> bool:
    """"on Thursday, November 16, when ...": a "when" that describes a date, not a condition."""
    i = tok.i - 1
    while i >= 0 and tok.doc[i].text == ",":
        i -= 1
    return i >= 0 and tok.doc[i].ent_type_ in ("DATE", "TIME") and tok.doc[i].lower_ in CALENDAR_WORDS


def _phrase_end(doc: Doc, i: int, hi: int) -> int:
    while i < hi and doc[i].text not in (",", ";", ".", ":"):
        i += 1
    return i


def _requirement(must: Token) -> tuple[int, int] | None:
    """"must (be comprehensive and) include X": the terms a statement sets."""
    verb = must.head
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    hits = [v for v in verbs if v.lemma_.lower() in cues.REQUIREMENT_VERBS]
    if not hits:
        return None
    return must.i, max(v.right_edge.i for v in hits) + 1


def _np_text(tok: Token) -> str:
    """The words of a speaker mention: "Kremlin spokesman Dmitry Peskov", "a spokesman for the club"."""
    lo, hi = _np_span(tok)
    return tok.doc[lo:hi].text


def _np_span(tok: Token) -> tuple[int, int]:
    """Token bounds of the noun phrase headed by ``tok``, without appositives and relative clauses."""
    doc = tok.doc
    lo = tok.i
    while lo > tok.left_edge.i and doc[lo - 1].dep_ in (
            "compound", "amod", "det", "poss", "case", "nmod", "nummod", "npadvmod", "quantmod", "punct"
    ) and doc[lo - 1].text != ",":
        lo -= 1
    hi = tok.i + 1
    for c in tok.children:  # "a spokesman for the club"
        if c.i == hi and c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "to"):
            hi = c.right_edge.i + 1
    while hi > lo and doc[hi - 1].is_punct:
        hi -= 1
    while lo < tok.i and doc[lo].is_punct:
        lo += 1
    return lo, hi


def _age_noun(tok: Token) -> bool:
    """"the 28-year-old" (tokenised 28 - year - old)."""
    doc = tok.doc
    return tok.lower_.endswith("old") and tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in (
        "year", "years")


def _role_phrase(tok: Token) -> str:
    """A mention as a role name: determiners and possessive pronouns dropped ("Kremlin spokesman")."""
    words = _np_text(tok).split()
    while words and words[0].lower() in ("a", "an", "the", "his", "her", "its", "their", "our", "one"):
        words = words[1:]
    return " ".join(words)


def _unreal(verb: Token) -> bool:
    """A statement not (yet) made: "will say", "could argue", "is expected to announce", "refused to say"."""
    if any(c.dep_ == "aux" and c.lower_ in cues.IRREALIS_AUX for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in cues.IRREALIS_HEADS


def _qualified(tok: Token) -> bool:
    """A role noun with a nationality or organisation in front: "the Russian leader", "the club's coach"."""
    return any(c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < tok.i and c.text[:1].isupper()
               for c in tok.children)


def _definite(tok: Token) -> bool:
    det = _child(tok, "det", "poss")
    return det is None or det.lower_ not in ("a", "an", "one", "another", "some")


def _title_like(text: str) -> bool:
    """A quoted title of a work ("Gone With the Wind") rather than speech."""
    words = [w for w in WORD.findall(text) if w.lower() not in ("a", "an", "the", "of", "and", "in", "on", "to", "for")]
    return 0 < len(words) <= 8 and all(w[:1].isupper() for w in words) and not text.rstrip().endswith((".", "!", "?"))


def extract(doc: Doc, paragraphs: list[Paragraph]) -> tuple[list[Entity], list[Quote]]:
    """Entities and quotes of one parsed article.

    ``doc`` is the parsed clean text; ``paragraphs`` are character spans over
    ``doc.text`` with their kind. Quote offsets index ``doc.text``.
    """
    extractor = Extractor(doc, paragraphs)
    quotes = extractor.run()
    return extractor.entities(), quotes
