"""Direct, indirect and mixed quotes: who said what, and on what condition.

One pass over a parsed article (no re-parsing):

1. **Quote marks** are paired per paragraph from the characters alone:
   straight, curly, single and guillemets, telling apostrophes (it's,
   Peskov's, the '90s, rock 'n' roll, students' union) from quote marks, with
   inner quotes kept inside outer ones and unclosed quotes that run on into
   the next paragraph.
2. **Cues** are speech verbs from :mod:`onrecord.cues` outside quote marks
   ("said", "told reporters", "was quoted as saying") and "according to".
   The parse gives each its speaker (subject; the object of a relay verb;
   the speaker of the cue it hangs off, as in "..., adding that") and its
   content (the reported clause).
3. **Attribution**: a quoted span belongs to the cue reached by climbing the
   dependency tree out of it. If that cue's reported clause is the quote, it
   is direct; if the quote sits inside a reported clause, the clause is one
   mixed quote. Quotes no cue reaches continue the previous speaker
   (same paragraph, or a paragraph that is only a quote). Fragments of one to
   three words with no attribution are scare quotes and dropped.
4. **Indirect speech** is the cue's reported clause, trimmed of the narrator's
   framing (a leading "During ...," or a trailing ", pledging ...").
5. **Speakers** resolve through :class:`onrecord.entities.Discourse`
   (names, pronouns, role nouns); **conditions** are the "if / unless /
   as soon as / when ..." clauses inside the quoted text.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

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
    if lemma in cues.PARTICLE_VERBS:
        prt = _child(tok, "prt")
        if prt is None or prt.lower_ != cues.PARTICLE_VERBS[lemma]:
            return None
    elif lemma not in cues.SPEECH_VERBS:
        return None
    if tok.dep_ == "amod":
        return None  # "so-called"
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
        if subject is not None and subject.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
            subject = tok.head
        content = _content(tok)
    return Cue(verb=tok, text=_cue_text(tok, lemma), subject=subject, content=content)


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
    if verb.dep_ in ("parataxis",) and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head
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
    return Cue(verb=tok, text="according to", subject=source, content=clause)


def find_cues(doc: Doc, qtok: list[int]) -> list[Cue]:
    out: list[Cue] = []
    by_verb: dict[int, Cue] = {}
    for tok in doc:
        if qtok[tok.i] >= 0:
            continue  # speech reported inside a quote belongs to the quote
        cue = None
        if tok.lower_ == "according":
            cue = _according_cue(tok)
        elif tok.pos_ in ("VERB", "AUX"):
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
        self.qtok = self._token_quotes()
        self.ptok = [self._para_of(tok.idx) for tok in doc]
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
        self._hanging: dict[int, list[Cue]] = {}  # quoted span -> cues whose verb hangs off a word in it
        self._para_cues: dict[int, list[Cue]] = {}
        for cue in self.cues:
            self._para_cues.setdefault(self.ptok[cue.verb.i], []).append(cue)
            k = self.qtok[cue.verb.head.i]
            if k >= 0 and self.qtok[cue.verb.i] != k:
                self._hanging.setdefault(k, []).append(cue)

    # token/paragraph bookkeeping

    def _token_quotes(self) -> list[int]:
        qtok = [-1] * len(self.doc)
        spans = [(m.open_at, m.stop, k) for k, m in enumerate(self.marked)]
        j = 0
        for tok in self.doc:
            while j < len(spans) and spans[j][1] <= tok.idx:
                j += 1
            if j < len(spans) and spans[j][0] <= tok.idx < spans[j][1]:
                qtok[tok.i] = spans[j][2]
        return qtok

    def _para_of(self, char: int) -> int:
        return max(0, bisect_right(self._para_starts, char) - 1)

    def _paragraph_tokens(self) -> list[tuple[int, int]]:
        """Per paragraph, its first token after any dateline, and its end token (exclusive)."""
        bounds = [(len(self.doc), 0)] * len(self.paragraphs)
        for tok in self.doc:
            if not tok.is_space:
                lo, hi = bounds[self.ptok[tok.i]]
                bounds[self.ptok[tok.i]] = (min(lo, tok.i), tok.i + 1)
        out = []
        for p, (lo, hi) in zip(self.paragraphs, bounds):
            body = p.start + _dateline_length(self.text[p.start: p.end])
            while lo < hi and self.doc[lo].idx < body:
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
                if head.i in self._cue_at:
                    if best is None or steps < best[0]:
                        best = (steps, self._cue_at[head.i], child)
                    break
                if self.qtok[head.i] >= 0:
                    break
                child, head, steps = head, head.head, steps + 1
        for cue in self._hanging.get(k, []):  # '"We are ready," he said' with "said" as parataxis
            if best is None or best[0] > 0:
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
            if cue.content is not None and not (lo <= cue.content.i < hi):
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
            content = cue.content
            if content is not None and lo <= content.i < hi and self._framed(content, lo):
                cue.fragments.append(k)  # 'said he did not "see any prospects"'
                out[k] = (cue, "mixed")
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
        if lo <= verb.i < hi:  # the cue interrupts or closes its own clause ("according to X, ...")
            c_lo, c_hi = verb.left_edge.i, verb.right_edge.i + 1
            source = _child(verb.nbor(1), "pobj") if verb.lower_ == "according" else None
            if source is not None:
                c_hi = max(_np_span(source)[1], verb.i + 2)  # the parser may hang the clause's subject on X
            if c_lo <= lo + 1:
                lo = c_hi
            elif c_hi >= hi - 1:
                hi = c_lo
        p_lo, p_hi = self._para_tokens[self.ptok[verb.i]]
        lo, hi = max(lo, p_lo), min(hi, p_hi)
        lo, hi = self._trim(head, lo, hi)
        if verb.i < lo:
            hi = self._extend_condition(verb, hi)
        lo, hi = self._strip(lo, hi)
        return (lo, hi) if hi - lo > 0 else None

    def _trim(self, head: Token, lo: int, hi: int) -> tuple[int, int]:
        """Drop the narrator's framing at the clause edges: "During X, ..." and ", pledging ..."."""
        doc = self.doc
        cut = hi
        for v in _spine(head):
            for c in v.children:
                if (c.i > v.i and lo + MIN_CLAUSE_WORDS < c.left_edge.i < cut and _framing(c)
                        and self._prev_text(c.left_edge.i) in BOUNDARY_TEXT):
                    cut = c.left_edge.i
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
                if tok.dep_ != "conj" and (tok.dep_ in TRAILING_DEPS or tok.tag_ in ("VBG", "VBN")):
                    return q_hi
        return hi

    def _extend_condition(self, verb: Token, hi: int) -> int:
        """"X said Y, but only if Z": the parser hangs the condition on "said"; it belongs to Y."""
        for c in verb.children:
            if c.i >= hi and c.dep_ in ("conj", "advcl") and _conditional(c):
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
        if cue.parent is None and not self._plausible_source(cue.subject):
            return None  # "interest rate futures suggested that ...": no one spoke
        if any(c.dep_ == "neg" for c in cue.verb.children) or _unreal(cue.verb):
            return None  # "did not say that ...", "is expected to say that ...": no statement made
        mark = _child(head, "mark")
        if mark is not None and mark.lower_ in ("if", "whether"):
            return None  # an indirect question
        if head.pos_ not in ("VERB", "AUX") and not any(c.pos_ in ("VERB", "AUX") for c in head.children):
            return None  # headline-style clause without a verb
        bounds = self._clause(cue)
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

    def _plausible_source(self, subj: Token) -> bool:
        """Whether a noun phrase can be the source of a statement: a name, pronoun, role, group, body or document."""
        if subj.pos_ in ("PRON", "PROPN") or self.registry.key_at(subj) or _age_noun(subj) or (
                subj.lemma_.lower() in cues.DEMONYM_NOUNS):
            return True
        words = {subj.lemma_.lower(), subj.lower_}
        if any(c.dep_ == "compound" and c.lower_ == "prime" for c in subj.children):
            words.add("prime_minister")
        return bool(words & cues.SOURCE_NOUNS)

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
        cue.speaker = self._resolve(subj, cue.content)
        if cue.speaker:
            self.discourse.note_speaker(subj.i, cue.speaker, self._speaker_label(subj, cue.speaker))
        return cue.speaker, cue.mention

    def _resolve(self, subj: Token, content: Token | None) -> str | None:
        if subj.pos_ == "PRON":
            # what the speaker reports is no antecedent of the speaker: "Moscow is ..., it said"
            skip = (content.left_edge.i, content.right_edge.i + 1) if content is not None else (0, 0)
            return self.discourse.pronoun(subj, skip)
        key = self.registry.key_at(subj)
        if key:
            return key
        lemma = subj.lemma_.lower()
        role = _role_phrase(subj)
        plural = subj.tag_ in ("NNS", "NNPS")
        if _age_noun(subj) or (lemma in cues.DEMONYM_NOUNS and not plural and _definite(subj)):
            # "the 28-year-old", "the Scot": the person just written about
            return self.discourse.recent(subj.i, ("PERSON",), prominent=True) or role
        person_role = lemma in cues.PERSON_ROLE_NOUNS or subj.lower_ in cues.PERSON_ROLE_NOUNS
        if subj.pos_ == "NOUN" and not plural and person_role:
            definite = _definite(subj)
            key = self.discourse.by_role(subj, definite)
            if key is None and definite and _qualified(subj):
                # "Putin said ... the Russian leader added": a qualified role, and no one holds it by title
                key = self.discourse.recent(subj.i, ("PERSON",), ok=self.discourse.role_fits(subj), prominent=True)
            return key or role
        if subj.pos_ == "NOUN" and not plural and lemma in cues.ORG_NOUNS and _definite(subj):
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
            if m.start < subj.i and m.label == "ORG" and m.key.lower().split()[-1].rstrip("s") == lemma.rstrip("s"):
                best = m.key
        return best

    # assembly

    def run(self) -> list[Quote]:
        attributed, strong = self._attribute()
        found: list[_Found] = []
        consumed: set[int] = set()
        for cue in self.cues:
            item = self._indirect(cue)
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
    return any(doc[i].lower_ != "must" and _condition_span(doc[i], tok.right_edge.i + 1) is not None
               for i in range(left, tok.i))


def _present(tok: Token) -> bool:
    return tok.tag_ in cues.PRESENT_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in cues.PRESENT_TAGS
                                                for c in tok.children)


def _condition(doc: Doc, text: str, lo: int, hi: int, start: int, end: int) -> str | None:
    """The first condition clause inside tokens [lo, hi), clipped to the quote's characters."""
    for tok in doc[lo:hi]:
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
            verb = _clause_verb(doc[tok.i + len(phrase) - 1])
            return (tok.i, verb.right_edge.i + 1) if verb is not None else None
    if tok.lower_ in cues.CONDITION_MARKS and tok.dep_ in ("mark", "advmod"):
        if tok.i > 0 and doc[tok.i - 1].lower_ == "even":
            return None  # "even if" concedes; it sets no condition
        verb = tok.head
        if verb.dep_ == "ccomp" or verb.pos_ not in ("VERB", "AUX") or verb.i < tok.i:
            return None  # "asked if": an indirect question
        if tok.lower_ in ("when", "whenever", "once") and (
                not _present(verb) or verb.dep_ != "advcl" or verb.head.lemma_ == "be" and verb.head.i < tok.i):
            return None  # "when he was young", "times when I ...", "that's when ...": time, not a condition
        return tok.i, verb.right_edge.i + 1
    if tok.lower_ == "only" and tok.i > 0 and doc[tok.i - 1].lower_ == "but":
        return tok.i, _phrase_end(doc, tok.i + 1, hi)
    if tok.lower_ == "must":
        return _requirement(tok)
    return None


def _clause_verb(last: Token) -> Token | None:
    """The verb of the clause a multiword marker ("as soon as", "on condition that") opens."""
    if last.dep_ in ("mark", "advmod") and last.head.pos_ in ("VERB", "AUX"):
        return last.head
    nxt = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    while nxt is not None and nxt.pos_ not in ("VERB", "AUX"):
        if nxt.head.pos_ in ("VERB", "AUX") and nxt.head.i > last.i:
            return nxt.head
        nxt = nxt.doc[nxt.i + 1] if nxt.i + 1 < len(nxt.doc) else None
    return nxt


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
