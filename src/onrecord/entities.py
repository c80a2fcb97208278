"""Canonical people and organisations of one article, their roles, and what a mention refers to.

:class:`Registry` is built once per article from spaCy's NER and parse, with
fixes for the small pipeline's usual errors on news: titles swallowed into a
person span ("Kremlin spokesman Dmitry Peskov"), surnames tagged ORG/GPE,
institutions ("Kremlin") tagged PERSON/GPE, speakers the NER missed. Every
person gets one canonical name, the longest full name whose surname matches
("Putin", "President Putin" -> "Vladimir Putin"); people sharing a surname
stay apart ("Anna Tolvik" vs "Mara Tolvik"). Roles come from titles before a
name ("Russian Foreign Minister") and appositives ("Nebenzia, Russia's
ambassador to the United Nations").

:class:`Discourse` resolves what a speaker mention refers to at a position:
names, pronouns (the most recent compatible referent, subjects first) and
role nouns ("the Russian leader" -> the person holding a compatible title).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import ORTH, POS, SENT_START
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from . import cues
from .records import Entity

_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}
LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP", "FAC": "ORG"}
NAME_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "di", "du", "del", "della",
                            "la", "le", "al", "el", "bin", "ibn", "ben", "abu", "dos", "das", "y"})
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
NP_LEFT_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "det", "nummod", "punct", "npadvmod"})
# Words that qualify or address a person without naming a role.
NOT_ROLES = cues.MALE_TITLES | cues.FEMALE_TITLES | {"former", "acting", "interim", "late", "then", "new", "mx", "dr"}
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "on", "in"})
# Organisation nouns that make a name in apposition an organisation (places are excluded: "X, the city").
BODY_NOUNS = cues.ORG_NOUNS - {"state", "city", "county", "municipality", "kremlin", "presidency"}
# Words that end organisation names rather than person names ("Chancellor Holdings").
BODY_NAME_WORDS = frozenset("""group holdings inc ltd plc corp corporation co company partners fund trust
    bank hotel club fc united city party union council office department ministry agency""".split())
_QUOTE_MARKS = frozenset("\"'“”‘’«»„‹›`")
POSSESSIVE = re.compile(r"(['’‘`]s?)$")


def clean_name(text: str) -> str:
    """Strip a possessive and surrounding punctuation from a name."""
    text = POSSESSIVE.sub("", text.strip()).strip(" ,;:")
    if text.endswith(".") and not re.search(r"(\b\w\.)+$", text):
        text = text[:-1]  # a sentence period, not "U.S."
    return re.sub(r"\s+", " ", text)


def _is_name_token(tok: Token) -> bool:
    if tok.lower_ in NAME_PARTICLES or tok.text == "-":
        return True
    return tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "ADJ", "X", "VERB") and not tok.is_punct


def _person_noun(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    return lemma in cues.PERSON_ROLE_NOUNS or lemma in cues.PEOPLE_NOUNS


def _is_title(tok: Token) -> bool:
    word = tok.lower_.rstrip(".")
    return word in cues.TITLE_WORDS or word in cues.PERSON_ROLE_NOUNS or tok.lemma_.lower() in cues.PERSON_ROLE_NOUNS


def name_bounds(span: Span, person: bool) -> tuple[int, int] | None:
    """Token bounds of the name inside an entity span: titles and possessives stripped."""
    end = span.end
    while end > span.start and (span.doc[end - 1].is_punct or span.doc[end - 1].tag_ == "POS"):
        end -= 1
    start = end
    while start > span.start:
        tok = span.doc[start - 1]
        if not _is_name_token(tok):
            break
        if _is_title(tok):
            # "John Major": a title word is a surname when a first name precedes it
            prev = span.doc[start - 2] if start - 2 >= span.start else None
            if not (person and start == end and prev is not None and _is_name_token(prev) and not _is_title(prev)):
                break
        start -= 1
    while start < end and span.doc[start].text == "-":
        start += 1
    return (start, end) if start < end else None


@dataclass(slots=True)
class Mention:
    start: int  # token index of the name, inclusive
    end: int  # exclusive
    label: str
    name: str  # the name as written, titles and possessive stripped
    key: str = ""  # canonical entity name, set when grouped
    subject: bool = False


@dataclass(slots=True)
class Role:
    text: str
    head: str  # lower-cased head noun, multiword titles joined with "_"
    mods: frozenset[str] = field(default_factory=frozenset)  # nation/organisation keys


def role_of(tokens: list[Token]) -> Role | None:
    """A role description from its tokens, or None if no role noun or title is among them."""
    if any(t.text in _QUOTE_MARKS and t.tag_ != "POS" for t in tokens) or any(
            "\n" in t.text_with_ws for t in tokens[:-1]):
        return None  # a role never runs across a paragraph or a quotation (a headline's quoted words)
    while tokens and (tokens[0].pos_ in ("DET", "PRON", "PUNCT", "SPACE") or tokens[0].tag_ == "PRP$"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space) and not (
            tokens[-1].text == ")" and any(t.text == "(" for t in tokens)):
        tokens = tokens[:-1]
    heads = [t for t in tokens if _is_title(t) and t.lower_.rstrip(".") not in NOT_ROLES]
    if not heads:
        return None
    # the head is the last role word before any prepositional tail ("ambassador to the UN")
    first_prep = next((t.i for t in tokens if t.dep_ == "prep" and t.i > heads[0].i), None)
    core = [t for t in heads if first_prep is None or t.i < first_prep]
    head = core[-1] if core else heads[-1]
    head_word = head.lemma_.lower() if head.pos_ == "NOUN" else head.lower_
    prev = head.doc[head.i - 1] if head.i > tokens[0].i else None
    if prev is not None and f"{prev.lower_}_{head_word}" in _MULTIWORD_ROLES:
        head_word = f"{prev.lower_}_{head_word}"
    mods = frozenset(cues.nation_key(t.text) for t in tokens
                     if t.i != head.i and (t.ent_type_ in ("GPE", "NORP", "ORG") or
                                           (t.pos_ == "PROPN" and not _is_title(t))))
    text = head.doc[tokens[0].i: tokens[-1].i + 1].text
    return Role(text=text, head=head_word, mods=mods)


_MULTIWORD_ROLES = frozenset(w for words in cues.ROLE_CLASSES.values() for w in words if "_" in w)


class Registry:
    """The entities of one article and the token positions that mention them."""

    def __init__(self, doc: Doc, title_case: Callable[[int], bool] = lambda i: False,
                 in_quote: Callable[[int], bool] = lambda i: False) -> None:
        """``title_case(i)`` is True for tokens of headlines, where capitals do not mark names;
        ``in_quote(i)`` for tokens between quote marks."""
        self.doc = doc
        self._title_case = title_case
        self._in_quote = in_quote
        self.mentions: list[Mention] = []
        self.entities: dict[str, Entity] = {}
        self.roles: dict[str, list[Role]] = {}
        self.gender: dict[str, str] = {}
        self._token_key: dict[int, str] = {}
        self._collect()
        self._group()

    # -- collection ---------------------------------------------------------------

    def _collect(self) -> None:
        taken: set[int] = set()
        for ent in self.doc.ents:
            label = LABELS.get(ent.label_)
            if label is None:
                continue
            mention = self._mention(ent, label)
            if mention is not None:
                self.mentions.append(mention)
                taken.update(range(mention.start, mention.end))
        known = {m.name.lower(): m.label for m in self.mentions}
        proper = np.flatnonzero(self.doc.to_array(POS) == PROPN).tolist() if len(self.doc) else []
        for i in proper:
            # speakers the NER missed: a proper-noun subject of a speech verb
            if i in taken:
                continue
            tok = self.doc[i]
            if tok.dep_ not in SUBJECT_DEPS | {"pobj", "dobj", "appos"}:
                continue
            if not self._speaker_slot(tok):
                continue
            bounds = name_bounds(self.doc[tok.left_edge.i: tok.i + 1], person=True)
            if bounds is None:
                continue
            name = clean_name(self.doc[bounds[0]: bounds[1]].text)
            relay = tok.dep_ in SUBJECT_DEPS and cues.verb_lemma(tok.head.lemma_, tok.head.text) in cues.RELAY_VERBS
            if name.isupper() or self._institution(name) or relay or self._described_as_body(
                    self.doc[bounds[0]: bounds[1]]):
                label = "ORG"  # "TASS quoted ...": who relays a quote is an outlet or agency; "X, the airline,"
            else:
                label = known.get(name.lower()) if known.get(name.lower()) in ("ORG", "GPE") else "PERSON"
            self.mentions.append(Mention(bounds[0], bounds[1], label, name))
            taken.update(range(*bounds))
        self._repeated_surnames(taken)
        # a span that is all title or punctuation names nobody ("the", "–"): drop it
        self.mentions = sorted((m for m in self.mentions if m.name.strip()), key=lambda m: m.start)

    def _repeated_surnames(self, taken: set[int]) -> None:
        """A lone surname the NER missed ("Orlen dismissed the claim.") when a full name ends in it."""
        surnames = {m.name.split()[-1] for m in self.mentions
                    if m.label == "PERSON" and len(m.name.split()) >= 2 and m.name.split()[-1][:1].isupper()}
        if not surnames:
            return
        doc = self.doc
        wanted = np.array([doc.vocab.strings.add(name) for name in surnames], dtype=np.uint64)
        for i in np.flatnonzero(np.isin(doc.to_array(ORTH), wanted)).tolist():
            tok = doc[i]
            if i in taken or tok.pos_ != "PROPN":  # "Long queues formed" is no Ms Long
                continue
            before = doc[tok.i - 1] if tok.i > 0 else None
            after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if any(t is not None and t.pos_ == "PROPN" and t.text[:1].isupper()
                   and (t.head.i == tok.i or tok.head.i == t.i) for t in (before, after)):
                continue  # part of a longer name ("Orlen Group"): the NER's business
            self.mentions.append(Mention(tok.i, tok.i + 1, "PERSON", tok.text))
            taken.add(tok.i)

    def _speaker_slot(self, tok: Token) -> bool:
        if tok.dep_ == "appos":  # "Her spokeswoman, Ana Ruiz, said ..."
            return tok.head.i != tok.i and tok.head.dep_ in SUBJECT_DEPS and self._speaker_slot(tok.head)
        head = tok.head
        if tok.dep_ == "pobj":
            return head.lower_ == "to" and head.head.lower_ == "according"
        lemma = cues.verb_lemma(head.lemma_, head.text)
        if tok.dep_ == "dobj":
            return lemma in cues.RELAY_VERBS
        return lemma in cues.SPEECH_VERBS

    @staticmethod
    def _institution(name: str) -> bool:
        key = re.sub(r"^the\s+", "", name.lower()).replace(" ", "_")
        return key in cues.INSTITUTIONS

    def _mention(self, ent: Span, label: str) -> Mention | None:
        if self._institution(clean_name(ent.text)):
            start = ent.start + (ent[0].lower_ == "the")
            end = ent.end - (ent[-1].tag_ == "POS")
            return Mention(start, end, "ORG", clean_name(self.doc[start:end].text))
        if label in ("PERSON", "GPE") and self._described_as_body(ent):
            label = "ORG"  # "Aerokest, Kestria's national airline": the NER took it for a place or a person
        elif label == "PERSON" and ent.root.dep_ in SUBJECT_DEPS and cues.verb_lemma(
                ent.root.head.lemma_, ent.root.head.text) in cues.RELAY_VERBS:
            label = "ORG"  # "Vantor quoted her as saying": who relays a quote is an outlet or agency
        elif label in ("ORG", "GPE") and self._titled_name(ent):
            label = "PERSON"  # "Spokeswoman Ines Kavala" tagged as an organisation
        if label == "PERSON":
            bounds = name_bounds(ent, person=True)
            if bounds is None:
                return None
            return Mention(bounds[0], bounds[1], label, clean_name(self.doc[bounds[0]: bounds[1]].text))
        start = ent.start + (ent[0].lower_ == "the")
        end = ent.end
        while end > start and (self.doc[end - 1].tag_ == "POS" or self.doc[end - 1].is_punct):
            end -= 1
        if start >= end:
            return None
        if label != "NORP" and self._looks_personal(ent):
            bounds = name_bounds(self.doc[start:end], person=True)
            if bounds is not None:
                return Mention(bounds[0], bounds[1], "PERSON", clean_name(self.doc[bounds[0]: bounds[1]].text))
        return Mention(start, end, label, clean_name(self.doc[start:end].text))

    @staticmethod
    def _titled_name(ent: Span) -> bool:
        """A person title followed by capitalised names only: "Spokeswoman Ines Kavala" (not "Justice Department")."""
        tokens = [t for t in ent if not t.is_punct]
        if len(tokens) < 2 or tokens[0].lemma_.lower() not in cues.PERSON_ROLE_NOUNS:
            return False
        names = tokens[1:]
        while names and _is_title(names[0]):
            names = names[1:]
        return bool(names) and all(
            t.pos_ == "PROPN" and t.text[:1].isupper() and not _is_title(t) and t.lower_ not in cues.ORG_NOUNS
            and t.lower_ not in BODY_NAME_WORDS for t in names)

    @staticmethod
    def _described_as_body(ent: Span) -> bool:
        """A name in apposition with an organisation noun ("X, the country's largest bank,", "the airline, X,")
        or naming one ("the X agency")."""
        head = ent.root
        nouns = [c for c in head.children if c.dep_ == "appos" and c.i >= ent.end]
        if head.dep_ == "appos" and head.head.i < ent.start:
            nouns.append(head.head)
        if head.dep_ == "compound" and head.head.i == ent.end:
            nouns.append(head.head)  # "the Vantor agency", "the Halvard group"
        return any(n.pos_ == "NOUN" and n.lemma_.lower() in BODY_NOUNS and not _person_noun(n) for n in nouns)

    def _looks_personal(self, ent: Span) -> bool:
        """An ORG/GPE span that is a person: a person title or role in apposition, "who", or an age."""
        head = ent.root
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and _person_noun(child):
                return True
            if child.dep_ in ("appos", "npadvmod", "amod") and child.like_num and child.i == ent.end + 1:
                return True  # "Carys, 12,"
            if child.dep_ == "relcl" and any(c.lower_ == "who" and c.dep_ == "nsubj" for c in child.children):
                return True
        if head.dep_ == "appos" and head.head.pos_ == "NOUN" and _person_noun(head.head):
            return True
        prev = self.doc[ent.start - 1] if ent.start > 0 else None
        return bool(prev is not None and prev.dep_ == "compound" and prev.head.i in range(ent.start, ent.end)
                    and _person_noun(prev))

    # -- grouping -----------------------------------------------------------------

    def _group(self) -> None:
        persons = [m for m in self.mentions if m.label == "PERSON"]
        surnames = {self._surname(m.name) for m in persons if len(m.name.split()) >= 2}
        full_names = {m.name.lower() for m in persons}
        first_names = Counter(m.name.split()[0].lower() for m in persons if len(m.name.split()) >= 2)
        # an ORG/GPE mention that is a known person's surname or name is that person;
        # a first name only when it speaks or looks like a person ("Carys, 12, said")
        for m in self.mentions:
            if m.label in ("ORG", "GPE", "NORP") and not self._institution(m.name):
                word = m.name.lower()
                if word in surnames or word in full_names or (
                        first_names[word] == 1 and self._personal_mention(m)):
                    m.label = "PERSON"
        persons = [m for m in self.mentions if m.label == "PERSON"]
        self._group_persons(persons)
        self._group_others([m for m in self.mentions if m.label in ("ORG", "GPE")])
        for m in self.mentions:
            if m.key:
                m.subject = self.doc[m.end - 1].dep_ in SUBJECT_DEPS
                for i in range(m.start, m.end):
                    self._token_key[i] = m.key
        self._collect_roles()
        self._infer_genders()

    def _personal_mention(self, m: Mention) -> bool:
        head = self.doc[m.end - 1]
        return self._looks_personal(self.doc[m.start: m.end]) or (
            head.dep_ in SUBJECT_DEPS and cues.verb_lemma(head.head.lemma_, head.head.text) in cues.SPEECH_VERBS)

    @staticmethod
    def _surname(name: str) -> str:
        parts = [p for p in name.lower().split() if p not in NAME_SUFFIXES]
        return parts[-1] if parts else name.lower()

    def _group_persons(self, persons: list[Mention]) -> None:
        groups: dict[tuple[str, str], str] = {}  # (first, surname) -> longest full name
        for m in persons:
            parts = m.name.split()
            if len(parts) >= 2 and not self._title_case(m.start):
                key = (parts[0].lower(), self._surname(m.name))
                if len(m.name) > len(groups.get(key, "")):
                    groups[key] = m.name
        by_surname: dict[str, list[str]] = {}
        by_first: dict[str, list[str]] = {}
        for (first, surname), name in groups.items():
            by_surname.setdefault(surname, []).append(name)
            by_first.setdefault(first, []).append(name)
        for m in persons:
            parts = m.name.split()
            group = groups.get((parts[0].lower(), self._surname(m.name))) if len(parts) >= 2 else None
            if group:
                m.key = group
                continue
            word = m.name.lower() if len(parts) == 1 else self._surname(m.name)
            options = by_surname.get(word) or (by_first.get(word) if len(by_first.get(word, [])) == 1 else None)
            if options:
                m.key = self._nearest(m, options)
            elif not self._title_case(m.start):
                m.key = m.name
        persons = [m for m in persons if m.key]
        self.mentions = [m for m in self.mentions if m.label != "PERSON" or m.key]
        for m in persons:
            self._add(m.key, "PERSON", m.name)
            self._note_gender(m)

    def _nearest(self, m: Mention, options: list[str]) -> str:
        """Of several people sharing a surname, the one mentioned in full most recently."""
        if len(options) == 1:
            return options[0]
        best, best_dist = options[0], None
        for other in self.mentions:
            if other.key in options or (other.label == "PERSON" and other.name in options):
                name = other.key or other.name
                dist = m.start - other.start if other.start < m.start else 10 * (other.start - m.start)
                if best_dist is None or dist < best_dist:
                    best, best_dist = name, dist
        return best

    def _group_others(self, others: list[Mention]) -> None:
        canon: dict[str, str] = {}
        for m in others:
            alias = cues.GPE_ALIASES.get(m.name.lower())
            norm = (alias or m.name).lower()
            canon.setdefault(norm, alias or m.name)
            m.key = canon[norm]
        # an acronym is the organisation whose initials it spells ("FBI")
        initials: dict[str, str] = {}
        for key in dict.fromkeys(canon.values()):  # first written first: the result must not vary by run
            words = [w for w in re.findall(r"[A-Za-z][\w'-]*", key) if w.lower() not in _SMALL_WORDS]
            if len(words) >= 2:
                initials.setdefault("".join(w[0] for w in words).upper(), key)
        for m in others:
            short = m.key.replace(".", "")
            if short.isupper() and short in initials and initials[short] != m.key:
                m.key = initials[short]
        for m in others:
            self._add(m.key, m.label, m.name)

    def _add(self, key: str, label: str, alias: str) -> None:
        entity = self.entities.get(key)
        if entity is None:
            entity = self.entities[key] = Entity(name=key, type=label)
        if alias != key and alias not in entity.aliases:
            entity.aliases.append(alias)

    def _note_gender(self, m: Mention) -> None:
        for tok in self.doc[max(0, m.start - 3): m.start]:
            word = tok.lower_.rstrip(".")
            if word in cues.MALE_TITLES:
                self.gender[m.key] = "m"
            elif word in cues.FEMALE_TITLES:
                self.gender[m.key] = "f"

    def _infer_genders(self) -> None:
        """Gender from the text for people no honorific decides: a person who is a sentence's subject
        and is the only person before the next he/his/she/her in it ("Lind said her team ...")."""
        votes: dict[str, Counter] = {}
        persons = [m for m in self.mentions if m.label == "PERSON" and m.key]
        for k, m in enumerate(persons):
            head = self.doc[m.end - 1]
            if head.dep_ not in SUBJECT_DEPS:
                continue
            limit = persons[k + 1].start if k + 1 < len(persons) else len(self.doc)
            limit = min(limit, head.sent.end)
            for tok in self.doc[m.end: limit]:
                if tok.lower_ in _PRONOUN_GENDER and not self._in_quote(tok.i):
                    votes.setdefault(m.key, Counter())[_PRONOUN_GENDER[tok.lower_]] += 1
                    break
        for key, counter in votes.items():
            if key not in self.gender:
                self.gender[key] = counter.most_common(1)[0][0]

    # -- roles --------------------------------------------------------------------

    def _collect_roles(self) -> None:
        for m in self.mentions:
            if m.label != "PERSON":
                continue
            head = self.doc[m.end - 1]
            for role in (self._title_role(m, head), *self._appos_roles(head)):
                if role is not None:
                    self.add_role(m.key, role)

    def _title_role(self, m: Mention, head: Token) -> Role | None:
        """The title written before a name: "Kremlin spokesman Dmitry Peskov"."""
        start = m.start
        while start > 0:
            tok = self.doc[start - 1]
            if tok.dep_ not in NP_LEFT_DEPS or not self._under(tok, head) or tok.lower_ in (",", "(", ")"):
                break
            start -= 1
        return role_of(list(self.doc[start: m.start])) if start < m.start else None

    @staticmethod
    def _under(tok: Token, head: Token) -> bool:
        while tok.head.i != tok.i:
            if tok.head.i == head.i:
                return True
            tok = tok.head
        return False

    def _appos_roles(self, head: Token) -> list[Role | None]:
        """Roles from appositives: "X, Russia's ambassador to the UN," and "Russia's ambassador, X"."""
        out = []
        for child in head.children:
            if child.dep_ == "appos" and (child.pos_ == "NOUN" or _is_title(child)):
                out.append(role_of(list(self.doc[child.left_edge.i: child.right_edge.i + 1])))
        if head.dep_ == "appos" and head.head.pos_ == "NOUN":
            noun = head.head
            right = min(head.left_edge.i, noun.right_edge.i + 1)
            out.append(role_of(list(self.doc[noun.left_edge.i: right])))
        return out

    def add_role(self, key: str, role: Role) -> None:
        roles = self.roles.setdefault(key, [])
        if all(r.text.lower() != role.text.lower() for r in roles):
            roles.append(role)
            entity = self.entities.get(key)
            if entity is not None:
                entity.roles.append(role.text)

    # -- lookup -------------------------------------------------------------------

    def in_headline(self, i: int) -> bool:
        """Whether token ``i`` is in a headline-like paragraph (title case, no names by capitals)."""
        return self._title_case(i)

    def key_at(self, tok: Token) -> str | None:
        """The entity named by the noun phrase headed by ``tok``, if any."""
        key = self._token_key.get(tok.i)
        if key:
            return key
        for child in tok.children:
            if child.i not in self._token_key:
                continue
            # "Dmitry Peskov" split oddly names him; "a Kremlin spokesman" does not name the Kremlin
            common = tok.pos_ == "NOUN" or tok.text.islower()  # "the minister, Ivo Stern,"
            if (child.dep_ in ("compound", "flat") and not common) or (child.dep_ == "appos" and common):
                return self._token_key[child.i]
        return None

    def label(self, key: str) -> str | None:
        entity = self.entities.get(key)
        return entity.type if entity else None


class Discourse:
    """Resolves speaker mentions to entities at a position, reading the article left to right."""

    def __init__(self, registry: Registry, in_quote: Callable[[int], bool]) -> None:
        self.reg = registry
        self.doc = registry.doc
        # token index -> sentence number, from the sentence-start flags (no Span or Token objects)
        starts = self.doc.to_array(SENT_START).astype(np.int64) if len(self.doc) else np.zeros(0, dtype=np.int64)
        if len(starts):
            starts[0] = 1
        self._sent_of: list[int] = (np.cumsum(starts == 1) - 1).tolist()
        # (token index, key, label, priority): priority 2 for speakers, 1 subjects, 0 others
        self.history: list[tuple[int, str, str, int]] = [
            (m.start, m.key, m.label, int(m.subject)) for m in registry.mentions
            if m.key and m.label in ("PERSON", "ORG", "GPE") and not in_quote(m.start)]

    def note_speaker(self, i: int, key: str, label: str) -> None:
        """Remember that ``key`` spoke at token ``i`` (speakers are the best antecedents)."""
        self.history.append((i, key, label, 2))

    def pronoun(self, tok: Token, skip: tuple[int, int] = (0, 0), exclude: frozenset[str] = frozenset()) -> str | None:
        """The referent of a speaker pronoun; mentions in tokens ``skip`` (what is reported) do not count,
        nor do the entities ``exclude`` (the subject of the pronoun's own clause: "Orbis quoted her")."""
        word = tok.lower_
        if word in cues.PRONOUNS_PERSON:
            gender = "m" if word in ("he", "him") else "f"
            return self.recent(tok.i, ("PERSON",),
                               lambda k: k not in exclude and self.reg.gender.get(k, gender) == gender, skip=skip)
        if word in cues.PRONOUNS_THING or word in cues.PRONOUNS_GROUP:
            return self.recent(tok.i, ("ORG", "GPE"), lambda k: k not in exclude, skip=skip)
        return None

    def recent(self, i: int, labels: tuple[str, ...], ok: Callable[[str], bool] = lambda k: True,
               skip: tuple[int, int] = (0, 0), prominent: bool = False) -> str | None:
        """The best antecedent before token ``i``: nearest sentence first, then speakers, subjects, first mention.

        ``prominent`` admits only speakers and subjects (for "the minister", "the company")."""
        here = self._sent_of[i] if 0 <= i < len(self._sent_of) else 0
        best: tuple[int, int, int] | None = None
        best_key = None
        for pos, key, label, prio in self.history:
            if pos >= i or label not in labels or not ok(key) or skip[0] <= pos < skip[1] or (prominent and prio < 1):
                continue
            rank = (self._sent_of[pos] if 0 <= pos < len(self._sent_of) else 0, prio, -pos if prio < 2 else pos)
            if best is None or rank > best:
                best, best_key = rank, key
        if best is None or here - best[0] > (3 if prominent else 6):
            return None
        return best_key

    def by_role(self, head: Token, definite: bool) -> str | None:
        """The person holding a role compatible with the noun phrase headed by ``head``."""
        mention = role_of(list(self.doc[head.left_edge.i: head.i + 1]))
        if mention is None:
            return None
        classes = cues.role_classes(mention.head)
        best: tuple[int, int] | None = None
        best_key = None
        for key, roles in self.reg.roles.items():
            score = max((self._role_score(mention, classes, r) for r in roles), default=0)
            if score <= 0 or (not definite and score < 3):
                continue
            if score < 3 and not self._mentioned_before(key, head.i) and not self.reg.in_headline(head.i):
                # a role noun looks back ("the Varnian leader" is not the opposition leader named later);
                # a headline's "says spokesman" looks ahead
                continue
            rank = (score, -self._distance(key, head.i))
            if best is None or rank > best:
                best, best_key = rank, key
        return best_key

    def role_fits(self, head: Token) -> Callable[[str], bool]:
        """A test that a person's known roles (if any) allow the role noun headed by ``head``."""
        mention = role_of(list(self.doc[head.left_edge.i: head.i + 1]))
        if mention is None:
            return lambda key: True
        classes = cues.role_classes(mention.head)
        return lambda key: all(self._role_score(mention, classes, r) > 0 for r in self.reg.roles.get(key, []))

    @staticmethod
    def _role_score(mention: Role, classes: set[str], role: Role) -> int:
        if role.head == mention.head:
            score = 2
        elif classes & cues.role_classes(role.head):
            score = 1
        else:
            return 0
        if mention.mods:
            if mention.mods <= role.mods:
                score += 2
            elif role.mods:
                return 0  # "the Russian envoy" is not the US ambassador
        return score

    def _mentioned_before(self, key: str, i: int) -> bool:
        return any(m.key == key and m.start < i for m in self.reg.mentions)

    def _distance(self, key: str, i: int) -> int:
        dists = [i - m.start if m.start < i else 3 * (m.start - i) for m in self.reg.mentions if m.key == key]
        return min(dists, default=10**6)
