"""Publication dates: metadata first, then a dateline or byline, then inference.

Inference is a scored search over every candidate day. Each clue the text
offers is a weighted score function over days (in [-1, 1], computed for all
days at once with numpy), and the best-scoring day wins. The clues, each with
a readable line of evidence:

- the *lead*: news is published on the day of, or the day after, the event its
  lead reports ("said on Tuesday", "on Sunday, January 24"). Bare weekdays
  refer to the past week (AP style); an explicit month-day later in the story
  is usually older, or ahead ("will meet on Wednesday, April 24");
- a weekday agreeing with a date ("on Thursday, January 28" holds in 2016 and
  2021 only), a dateline ("VELGRAD, Feb 2 (MP) -") or a relative day beside a
  date ("yesterday (Tuesday 15 March)");
- how recent the latest dated event is, how far ahead the next one, and spans
  between them ("three weeks after the Nov. 3 election");
- years and their tense: a year in the past tense or after "since" bounds the
  date from below, a plan ("will ... in 2019") or a deadline from above; the
  latest year mentioned is usually this year or last; "results for 2023" come
  out early in 2024; "the 2018-19 season"; "nine years after the clashes of 2016";
- offices held at the time ("former President Trump", "the new Biden
  administration"; ``data/office_terms.tsv``) and well-known dated events with
  the words around them ("in the wake of X", "a month after X", "X last week",
  "the third year of the war"; ``data/events.tsv``);
- holidays, months named without a year, photo dates (a lower bound only).

Days are scored over the span the clues allow (1990 to today at most), but only those the strongest clue leaves
possible (a dateline's, a relative day's, or the lead's weekday and the two days
after it). The reported precision is the finest unit (day, month, year) whose best
candidate beats its rivals by a margin, and the confidence grows with that
margin, capped by the kind of evidence: only a weekday agreeing with the
lead's date (or a dateline, or a relative day beside a date) consistent with
the rest, a dateline with a year, a "Published" byline or metadata may reach
0.8. Dates inside direct quotes, photo captions, "file photo" sentences and
teasers for other articles are not evidence of when this article was published.
"""
from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable, Sequence

import numpy as np

from .records import Paragraph, PublishedDate, Quote, TimeExpr
from .timex import Mention, _tense, ambiguous_slash_date, find_timexes, holiday_on, resolve, slash_order

# --- office terms ------------------------------------------------------------

# Title words that name each office of the table, as written before or after a name.
# "leader" of a party or the opposition is no head of government ("Labour leader Keir Starmer" in 2021)
_HEAD_LEADER = (r"(?<!opposition )(?<!party )(?<!labour )(?<!labor )(?<!tory )(?<!conservative )(?<!liberal )"
                r"(?<!likud )(?<!democratic )(?<!republican )(?<!cdu )(?<!spd )(?<!afd )(?<!bjp )leader")
OFFICE_TITLES = {
    "president": rf"(?<!vice )(?<!vice-)president|pres\.|head of state|{_HEAD_LEADER}",
    "vice president": r"vice[- ]president|vp",
    "prime minister": rf"(?<!deputy )(?:prime minister|pm)|premier|head of government|{_HEAD_LEADER}",
    "premier": rf"premier|prime minister|{_HEAD_LEADER}",
    "chancellor": rf"chancellor|{_HEAD_LEADER}",
    "general secretary": r"general secretary|party chief|leader",
    "leader": r"leader|chairman|supreme leader|dictator",
    "supreme leader": r"supreme leader|leader|ayatollah",
    "king": r"king|monarch",
    "queen": r"queen|monarch",
    "prince": r"prince",
    "crown prince": r"crown prince|prince",
    # a bare "Secretary" is not another department's ("Defense Secretary Christopher Miller")
    "secretary of state": r"(?<!deputy )(?<!under )(?<!assistant )secretary of state|(?<!defen[cs]e )(?<!treasury )"
                          r"(?<!home )(?<!foreign )(?<!press )(?<!general )(?<!cabinet )(?<!energy )(?<!health )"
                          r"(?<!deputy )(?<!under )(?<!assistant )(?<!army )(?<!navy )secretary|top diplomat",
    "foreign minister": r"foreign minister|minister of foreign affairs|foreign affairs minister|external affairs minister|"
                        r"minister of external affairs|top diplomat",
    "foreign secretary": r"(?<!shadow )foreign secretary|top diplomat",
    "kremlin spokesperson": r"spokesman|spokeswoman|spokesperson|press secretary",
    "foreign ministry spokesperson": r"spokesman|spokeswoman|spokesperson",
    "white house press secretary": r"press secretary|spokesman|spokeswoman|spokesperson",
    "national security adviser": r"national security advis[eo]r|security advis[eo]r",
    "defense secretary": r"(?<!deputy )(?:defen[cs]e secretary|secretary of defen[cs]e)|secretary of war|war secretary|"
                         r"pentagon chief",
    "defence minister": r"defen[cs]e minister|minister of defen[cs]e",
    "treasury secretary": r"treasury secretary|secretary of the treasury",
    "security council secretary": r"security council secretary|secretary",
    "special counsel": r"special counsel",
    "special envoy": r"special envoy|envoy",
    "house speaker": r"house speaker|speaker of the house|speaker",
    "fed chair": r"(?<!vice )(?<!vice-)(?:chair|chairman|chairwoman)|fed chief",
    "ecb president": r"president|(?<!imf )(?<!fund )chief",
    "central bank governor": r"(?:bank of (?:england|japan|canada|russia)|reserve bank(?: of india| of australia)?|"
                             r"people['’]s bank of china|central bank|boe|boj|rbi|rba|pboc) governor|central bank chief|"
                             r"(?<!deputy )governor",
    "finance minister": r"finance minister|minister of finance|finance chief|economy minister|"
                        r"(?<!shadow )chancellor(?: of the exchequer)?",
    "imf managing director": r"managing director|imf chief|imf head|fund chief",
    "interior minister": r"interior minister|minister of (?:the )?interior|home minister|(?<!shadow )home secretary|"
                         r"interior chief",
    "justice minister": r"justice minister|minister of justice|(?<!shadow )justice secretary|lord chancellor",
    "attorney general": r"(?<!deputy )(?<!assistant )attorney[- ]general",
    "cia director": r"cia director|director of the (?:cia|central intelligence agency)|cia chief|cia head|spy chief",
    "fbi director": r"fbi director|director of the (?:fbi|federal bureau of investigation)|fbi chief|fbi head",
    "dni": r"director of national intelligence|dni|intelligence chief",
    "chief of staff": r"chief of staff",
    "senate majority leader": r"(?:senate )?majority leader|senate leader",
    "party leader": r"leader|chairman|chairwoman|chair",
    "governor": r"(?<!bank )governor|gov\.",
    "mayor": r"mayor",
    "chief of general staff": r"chief of (?:the )?general staff|army chief|commander[- ]in[- ]chief|top general|"
                              r"chairman of the joint chiefs(?: of staff)?|joint chiefs chairman|military chief",
    "secretary-general": r"secretary[- ]general|chief|head",
    "un high commissioner": r"high commissioner|refugee chief|rights chief",
    "ambassador to russia": r"ambassador|envoy",
    "ambassador to china": r"ambassador|envoy",
    "ambassador to ukraine": r"ambassador|envoy",
    "ceo": r"ceo|chief executive(?: officer)?|boss|head",
    "director-general": r"director[- ]general|chief|head",
    "european commission president": r"president|commission chief",
    "european council president": r"president",
    "eu foreign policy chief": r"foreign policy chief|high representative|top diplomat",
    "un secretary-general": r"secretary[- ]general|chief",
    "nato secretary-general": r"secretary[- ]general|chief",
    "ambassador to the us": r"ambassador|envoy",
    "ambassador to the un": r"ambassador|envoy",
}
HEAD_OFFICES = frozenset({"president", "prime minister", "chancellor", "premier"})
_SURNAME_FIRST = frozenset({"China", "South Korea", "North Korea"})


@dataclass(frozen=True, slots=True)
class Term:
    """One term of office from the table."""

    person: str
    office: str
    org: str
    start: date
    end: date | None

    def holds(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@lru_cache(maxsize=4096)
def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("’", "'"))
    return "".join(ch for ch in s if not unicodedata.combining(ch)).lower()


@lru_cache(maxsize=1)
def _term_index() -> dict[str, list[tuple[str, bool, Term]]]:
    """Surname (or family-name-first key) -> (spelling variant, family name first, term)."""
    index: dict[str, list[tuple[str, bool, Term]]] = {}
    table = resources.files("onrecord").joinpath("data/office_terms.tsv").read_text(encoding="utf-8")
    for line in table.splitlines()[1:]:
        if not line.strip() or line.startswith(("#", "person\t")):
            continue
        person, office, org, start, end = line.split("\t")
        variants = person.split("|")
        term = Term(variants[0], office, org, date.fromisoformat(start), date.fromisoformat(end) if end else None)
        for variant in variants:
            words = variant.split()
            eastern = org in _SURNAME_FIRST and len(words) > 1
            index.setdefault(words[0] if eastern else words[-1], []).append((variant, eastern, term))
    return index


_TITLE_RES = {
    office: (
        re.compile(rf"(?:^|[^\w])(?i:{titles})(?P<plural>s)?(?P<elect>-elect|\s+elect|-designate)?"
                   r"(?:\s+(?:of|to|for)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?,?\s+\Z"),
        re.compile(rf"(?:^|[^\w])(?i:{titles})s\b[^.;:\n]{{0,70}}\band\s+\Z"),
        re.compile(rf"^['’]?,\s+(?:who\s+is\s+)?(?:the\s+|a\s+)?(?P<cue>former\s+|then[- ]|new\s+|outgoing\s+|"
                   rf"incoming\s+|late\s+)?(?:[\w'’.-]+\s+){{0,3}}?(?i:{titles})\b"),
    )
    for office, titles in OFFICE_TITLES.items()
}
# a cheap test before the title patterns: most name mentions carry no title at all
_TITLE_STEMS = ("president", "minister", "premier", "chancellor", "secretary", "spokes", "leader", "king", "queen",
                "prince", "counsel", "chair", "chief", "ambassador", "envoy", "advis", "diplomat", "head", "monarch",
                "pm", "vp", "pres.", "representative", "dictator", "ayatollah", "speaker", "governor", "director",
                "attorney", "mayor", "ceo", "executive", "boss", "commissioner", "general", "dni")
_CUE = re.compile(
    r"\b(?P<cue>[Ff]ormer|[Ee]x|[Tt]hen|[Ll]ate|[Pp]revious|onetime|one-time|erstwhile|new|newly[- ]\w+|[Ii]ncoming|"
    r"[Oo]utgoing|departing|lame-duck|current|sitting|incumbent|[Oo]usted|[Dd]eposed|[Tt]oppled|[Oo]verthrown|"
    r"[Ee]xiled|(?:fall|ouster|overthrow|toppling|flight)\s+of(?:\s+the)?)[\s-]+(?:(?:the\s+)?[A-Z][\w.'’-]*\s+|[a-z]+['’]s\s+){0,3}\Z"
)
_CUE_KIND = {"former": "former", "ex": "former", "then": "former", "late": "former", "previous": "former",
             "onetime": "former", "one-time": "former", "erstwhile": "former", "new": "new", "incoming": "new",
             "outgoing": "outgoing", "departing": "outgoing", "lame-duck": "outgoing", "ousted": "former",
             "deposed": "former", "toppled": "former", "overthrown": "former", "exiled": "former"}
_PLANNED = re.compile(r"\b(?:planned|plans|due|scheduled|expected|set|meant|intended|supposed)\b", re.I)
_ADMIN = re.compile(r"^(?:['’]s)?\s+(?:administration|government|cabinet|presidency|White House)\b")
_TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F][\w'’-]*")

# --- zones -----------------------------------------------------------------------------------

_TEASER = re.compile(r"^\s*(?:(?:READ ALSO|Read also|READ MORE|Read more|RELATED|Related|See also|SEE ALSO|Also read|"
                     r"ALSO READ|MORE:|More:|Recommended|Trending|Most read|Latest|WATCH|Watch:)\b|[→►▸»]\s)")
_PHOTO = re.compile(r"file photo|File photo|FILE PHOTO|file picture|File picture|photo taken|Photo taken|taken on|"
                    r"pictured|Pictured|photographed|Photo:|PHOTO:|Getty Images|AP Photo|/Reuters|via Reuters|/AFP|"
                    r"Sputnik/")
_QUOTED = re.compile(r"“[^”\n]{1,800}”|\"[^\"\n]{1,800}\"|«[^»\n]{1,800}»")
_STAMP = re.compile(r"(?:Last updated|LAST UPDATED|Updated|UPDATED|Published|PUBLISHED|Posted|POSTED|First published)\b")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“‘'(«])|\n+")
_SENTENCE_LAST = frozenset("abcdefghijklmnopqrstuvwxyz0123456789\"”'’)%»")  # not "U.S." nor "Mr."
_BYLINE_LABEL = re.compile(r"^\s*(?:By\s[^|\n]{2,60}?\s*[|•·,–-]\s*)?(?P<label>First published|Published|Posted|"
                           r"Last updated|Updated|Last modified|Modified|Date)\b(?:\s+(?:on|at))?\s*:?\s*", re.I)
_BARE_LEAD = re.compile(r"\s*(?:By\s[^|\n]{2,60}?\s*[|•·]\s*)?(?:[|•·]\s*)?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s*)?")
_DATELINE_CITY = re.compile(r"\s*(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}|[A-Z][a-z]+(?:[\s-][A-Z][a-z]+){0,2})"
                            r"(?:\s*,\s*[A-Z][\w.'’]+(?:\s+[A-Z][\w.'’]+){0,2})?\s*,\s+")
_DATELINE_TAIL = re.compile(r"\.?\s*(?:(?:\([^)\n]{2,40}\)|/[^/\n]{2,40}/)\s*[-–—:.]?|[-–—:])")


@dataclass(slots=True)
class _Zones:
    """Where in the text evidence may come from."""

    text: str
    quotes: list[tuple[int, int]]  # direct quotes: the speaker's dates are not the article's
    decoys: list[tuple[int, int]]  # teasers, other pages' stamps: nothing here dates the article
    photos: list[tuple[int, int]]  # captions and "file photo" sentences: only a lower bound
    head_end: int  # bylines live before the end of the first real body paragraph
    lead_end: int  # the lead: the first few real body paragraphs
    sentence_starts: list[int]

    @staticmethod
    def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
        i = bisect_right(spans, (pos, 10**12)) - 1
        return i >= 0 and spans[i][0] <= pos < spans[i][1]

    def quoted(self, pos: int) -> bool:
        return self._inside(self.quotes, pos)

    def decoy(self, pos: int) -> bool:
        """Quotes and teasers: no evidence of the day."""
        return self._inside(self.decoys, pos) or self._inside(self.quotes, pos)

    def teaser(self, pos: int) -> bool:
        return self._inside(self.decoys, pos)

    def photo(self, pos: int) -> bool:
        return self._inside(self.photos, pos)

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.sentence_starts, pos) - 1
        start = self.sentence_starts[i] if i >= 0 else 0
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.text)
        return start, end


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences start: after a line break, or after . ! ? that ends a word."""
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)
                  if m.group(0)[0] == "\n" or (m.start() and text[m.start() - 1] in _SENTENCE_LAST)]


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def default_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs from line breaks, all of kind body: the fallback when a caller has none."""
    return [Paragraph(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]


def _zones(text: str, paragraphs: list[Paragraph], quotes: list[Quote]) -> _Zones:
    starts = sentence_starts(text)
    quoted = [(q.start, q.end) for q in quotes if q.kind in ("direct", "mixed")]
    quoted += [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    decoys, photos = [], []
    head_end = None
    body_seen, lead_end = 0, None
    for p in paragraphs:
        chunk = text[p.start:p.end]
        if p.kind == "caption":
            photos.append((p.start, p.end))
        elif _TEASER.match(chunk) or (len(chunk.split()) >= 4 and not re.search(r"[a-z]", chunk)):
            decoys.append((p.start, p.end))  # "READ ALSO: ...", an all-caps teaser headline
        elif p.kind == "body" and len(chunk.split()) >= 12 and not _PHOTO.search(chunk[:60]):
            if head_end is None and len(chunk.split()) >= 20:
                head_end = p.end
            body_seen += 1
            if body_seen <= 3:
                lead_end = p.end
    decoys += _trailing_links(text, paragraphs)
    zones = _Zones(text, [], [], [], head_end or min(len(text), 2000), lead_end or min(len(text), 1200), starts)
    for m in _PHOTO.finditer(text):
        photos.append(zones.sentence(m.start()))
    for m in _STAMP.finditer(text, zones.head_end):  # other pages' stamps after the body: the rest of the line
        end = text.find("\n", m.end())
        decoys.append((m.start(), end if end >= 0 else len(text)))
    zones.quotes, zones.decoys, zones.photos = _merge(quoted), _merge(decoys), _merge(photos)
    return zones


_BULLET = re.compile(r"\s*(?:[-–—•·*▪►>]|\d{1,2}[.)])\s+\S")
_LINK_STAMP = re.compile(r"[(\[|–-]\s*(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|"
                         r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4})[^)\]]{0,12}[)\]]?\s*$")


def _trailing_links(text: str, paragraphs: list[Paragraph]) -> list[tuple[int, int]]:
    """Links to other pages: bullet lines or bare headlines after the last prose paragraph, and any short
    line ending in its own date ('Russia begins airstrikes in Syria (October 1, 2015)')."""
    prose_end = max((p.end for p in paragraphs if len(text[p.start:p.end].split()) >= 20), default=len(text))
    out = []
    for p in paragraphs:
        chunk = text[p.start:p.end].strip()
        short = len(chunk.split()) <= 30 and not chunk.endswith((".", "!", "?", ":", "”", '"'))
        if (p.start >= prose_end and (_BULLET.match(chunk) or short)) or (short and _LINK_STAMP.search(chunk)):
            out.append((p.start, p.end))
    return out


# --- bylines and datelines ---------------------------------------------------------------------

def _byline(text: str, mentions: list[Mention], zones: _Zones) -> tuple[PublishedDate, date | None] | None:
    """A labelled or bare date line before the body: 'Published: 15.05.2019 12:30', 'March 3, 2022 10:15 AM ET'.

    With it, the other reading of a slash date nothing on the page settles ('03/04/2019'), for the text to
    choose between."""
    found: list[tuple[int, int, Mention, str]] = []
    dated = [m for m in mentions if m.kind == "date" and m.year and m.start < zones.head_end
             and not zones.photo(m.start) and not zones.decoy(m.start)]
    previous = ""
    for line in re.finditer(r"[^\n]+", text[:zones.head_end]):
        raw = line.group(0)
        if not raw.strip():
            continue
        inside = [m for m in dated if line.start() <= m.start < line.end()]
        label = _BYLINE_LABEL.match(raw)
        if inside and not _TEASER.match(previous):
            first = inside[0]
            lead = text[line.start():first.start]
            if label and first.start - line.start() <= label.end() + 40:
                # an update can come days after publication: it ranks last and stays under 0.8
                rank = 2 if re.match(r"(?i)last|upd|mod", label.group("label")) else 0
                found.append((rank, first.start, first, raw.strip()))
            elif not label and _BARE_LEAD.fullmatch(lead) and \
                    len(re.findall(r"[A-Za-z]{3,}", raw[first.end - line.start():])) <= 5:
                # a line that opens with the date, not a headline that ends with one
                found.append((1, first.start, first, raw.strip()))
        previous = raw
    if not found:
        return None
    rank, _, m, line = min(found, key=lambda f: (f[0], f[1]))
    day = m.day_in(m.year)
    if day is None:
        return None
    published = PublishedDate(day.isoformat(), "day", (0.9, 0.85, 0.75)[rank], [f"byline '{line[:80]}'"], "dateline")
    if ambiguous_slash_date(m) and slash_order(text) is None:  # '03/04/2019' on a page with no other hint
        return published, date(day.year, day.day, day.month)
    return published, None


def _either_day_clue(first: date, other: date, line: str) -> Clue:
    """A slash date read either way: the month-first day (the US way) or the day-first one."""
    a, b = first.toordinal(), other.toordinal()

    def score(days: _Days) -> np.ndarray:
        return np.where(days.ord == a, 1.0, np.where(days.ord == b, 0.95, -1.0))

    def focus(days: _Days) -> np.ndarray:
        return (days.ord == a) | (days.ord == b)

    return Clue("dateline", 6.0, score, lambda d: f"byline '{line[:80]}' read "
                + ("month-first" if d == first else "day-first") + ", as the text suggests", focus=focus,
                support=(min(first, other), max(first, other)))


def _yearless_byline(text: str, mentions: list[Mention], zones: _Zones) -> Mention | None:
    """A labelled date line without a year ('Published Wed 11 Dec, 17.42'): a dateline for the search."""
    days = [m for m in mentions if m.kind == "date" and not m.year and m.month and m.day and m.start < zones.head_end
            and not zones.photo(m.start) and not zones.decoy(m.start)]
    for line in re.finditer(r"[^\n]+", text[:zones.head_end]):
        label = _BYLINE_LABEL.match(line.group(0))
        if not label or re.match(r"(?i)last|upd|mod", label.group("label")):
            continue
        inside = [m for m in days if line.start() <= m.start <= line.start() + label.end() + 40]
        if inside:
            return inside[0]
    return None


def _dateline(text: str, mentions: list[Mention], paragraphs: list[Paragraph], zones: _Zones) -> Mention | None:
    """'MOSCOW, May 15 (Reuters) -' at the start of one of the first paragraphs."""
    by_start = {m.start: m for m in mentions if m.kind == "date"}
    for p in paragraphs[:8]:
        if p.start > zones.head_end:
            break
        city = _DATELINE_CITY.match(text, p.start, p.end)
        m = by_start.get(city.end()) if city else None
        if m and _DATELINE_TAIL.match(text, m.end):
            return m
    return None


# --- the calendar: every day from 1970 to 2045 as numpy arrays -------------------------------------

_CAL_START, _CAL_END = date(1970, 1, 1), date(2045, 12, 31)
_SEARCH_START = date(1990, 1, 1)
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(slots=True)
class _Days:
    """Candidate days: ordinals with their year, month, day of month and weekday."""

    ord: np.ndarray
    year: np.ndarray
    month: np.ndarray
    dom: np.ndarray
    wd: np.ndarray

    @staticmethod
    def span(lo: date, hi: date) -> "_Days":
        o, y, mo, dm, wd = _calendar()
        i, j = lo.toordinal() - _CAL_START.toordinal(), hi.toordinal() - _CAL_START.toordinal() + 1
        return _Days(o[i:j], y[i:j], mo[i:j], dm[i:j], wd[i:j])

    @staticmethod
    def of(day: date) -> "_Days":
        return _Days.span(day, day)

    def __len__(self) -> int:
        return len(self.ord)

    def take(self, keep: np.ndarray) -> "_Days":
        return _Days(self.ord[keep], self.year[keep], self.month[keep], self.dom[keep], self.wd[keep])


@lru_cache(maxsize=1)
def _calendar() -> tuple[np.ndarray, ...]:
    n = _CAL_END.toordinal() - _CAL_START.toordinal() + 1
    d64 = np.arange(n).astype("datetime64[D]")  # days since 1970-01-01
    years = d64.astype("datetime64[Y]").astype(np.int64) + 1970
    months = d64.astype("datetime64[M]").astype(np.int64) % 12 + 1
    dom = (d64 - d64.astype("datetime64[M]")).astype(np.int64) + 1
    ords = np.arange(_CAL_START.toordinal(), _CAL_START.toordinal() + n, dtype=np.int64)
    return ords, years, months, dom, (ords + 6) % 7


@lru_cache(maxsize=1024)
def _occurrences(month: int, day: int, last_day: bool) -> np.ndarray:
    """Sorted ordinals of a month-day in every year of the calendar (and one on each side)."""
    probe = Mention("", 0, 0, "date", month=month, day=day, last_day=last_day)
    days = [probe.day_in(y) for y in range(_CAL_START.year - 8, _CAL_END.year + 9)]
    return np.array([d.toordinal() for d in days if d], dtype=np.int64)


@lru_cache(maxsize=64)
def _holiday_days(name: str) -> np.ndarray:
    days = [holiday_on(name, y) for y in range(_CAL_START.year - 1, _CAL_END.year + 2)]
    return np.array([d.toordinal() for d in days if d], dtype=np.int64)


def _prev(occ: np.ndarray, ords: np.ndarray) -> np.ndarray:
    """The latest occurrence on or before each day."""
    return occ[np.searchsorted(occ, ords, side="right") - 1]


def _next(occ: np.ndarray, ords: np.ndarray) -> np.ndarray:
    """The first occurrence on or after each day."""
    return occ[np.searchsorted(occ, ords, side="left")]


def _interp(x: np.ndarray, xs: Sequence[float], ys: Sequence[float]) -> np.ndarray:
    return np.interp(x, xs, ys)


def _week(ords: np.ndarray) -> np.ndarray:
    """A running week number, weeks starting on Monday."""
    return (ords - 1) // 7


def _day(o: int) -> date:
    return date.fromordinal(int(o))


def _today() -> date:
    return min(date.today(), _CAL_END)


# --- clues -------------------------------------------------------------------------------------

@dataclass(slots=True)
class Clue:
    """One piece of evidence: a weighted score over candidate days."""

    kind: str
    weight: float
    score: Callable[[_Days], np.ndarray]  # in [-1, 1], one value per day
    explain: Callable[[date], str]
    support: tuple[date, date] | None = None  # the days where it can hold, to bound the search
    anchor: bool = False  # pins the day itself: may lift the confidence past 0.8
    values: np.ndarray | None = None  # the scores over the searched days, once computed
    focus: Callable[[_Days], np.ndarray] | None = None  # the only days that can win, when it pins them


def _q(m: Mention) -> str:
    return f"'{m.text.strip()}'"


def _plural(n: int, unit: str = "day") -> str:
    return f"{n} {unit}{'s' if n != 1 else ''}"


def _direction(m: Mention) -> int:
    """-1 past, +1 ahead, 0 unknown."""
    return -1 if m.tense == "past" else 1 if m.tense == "future" else 0


def _ref(m: Mention, days: _Days) -> np.ndarray:
    """For each candidate day, the day a month-day mention refers to (ordinals).

    A full date refers to itself. Without a year: the latest occurrence (past tense), the next
    one (future), the one its weekday agrees with, else the past one unless the coming one is
    much nearer (as :func:`resolve` reads it).
    """
    if m.year:
        day = m.day_in(m.year)
        return np.full(len(days), day.toordinal() if day else 0, dtype=np.int64)
    occ = _occurrences(m.month, m.day, m.last_day)
    prev, nxt = _prev(occ, days.ord), _next(occ, days.ord)
    direction = _direction(m)
    if direction < 0:
        return prev
    if direction > 0:
        return nxt
    default = np.where(days.ord - prev <= 3 * (nxt - days.ord), prev, nxt)
    if m.weekday is None:
        return default
    fits_prev = (prev + 6) % 7 == m.weekday
    fits_next = (nxt + 6) % 7 == m.weekday
    return np.where(fits_prev & ~fits_next, prev, np.where(fits_next & ~fits_prev, nxt, default))


def _ref_day(m: Mention, day: date) -> date:
    return _day(_ref(m, _Days.of(day))[0])


# The lead: published on the day of its event or the day after; later is ever less likely.
_LEAD_WEEKDAY = np.array([1.0, 0.7, -0.2, -0.4, -0.5, -0.6, -0.6])
_LEAD_NIGHT = np.array([1.0, 1.0, -0.2, -0.4, -0.5, -0.6, -0.6])
_PRINT_WEEKDAY = np.array([-0.5, 0.3, 1.0, 0.5, 0.0, -0.4, -0.6])  # the day before would be "yesterday"
_LEAD_GAP = ([-1, 0, 1, 2, 3, 7, 30], [-1.0, 1.0, 0.7, -0.2, -0.5, -0.7, -1.0])
# Other past dates: the latest one is usually days or weeks old (an explicit date rarely the same day).
_RECENT_GAP = ([0, 1, 3, 10, 30, 90, 200, 330], [0.5, 1.0, 1.0, 0.85, 0.6, 0.25, 0.0, -0.3])
# Dates ahead: announced days to weeks before, rarely more than a few months.
_AHEAD_GAP = ([-1, 0, 1, 7, 14, 60, 150, 330], [-1.0, 0.4, 1.0, 0.95, 0.85, 0.6, 0.3, -0.3])
_PAST_WEEKDAY = np.array([1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4])
_AHEAD_WEEKDAY = np.array([0.3, 1.0, 0.9, 0.8, 0.7, 0.6, 0.5])


def _lead_clue(m: Mention, printed: Mention | None = None, nth: tuple[int, str] | None = None) -> Clue:
    """The first dated event of the lead ('said on Tuesday', 'on Sunday, January 24').

    In a print-style story (``printed``: its 'yesterday') the lead's weekday is two or more days back.
    With ``nth`` (n, phrase: 'the search entered its third day') the weekday began what is now in its n-th day.
    """
    if m.kind == "weekday":
        shape = _PRINT_WEEKDAY if printed is not None else _LEAD_WEEKDAY
        if printed is None and m.text.lower().endswith(("night", "evening")):
            shape = _LEAD_NIGHT  # "on Tuesday night": that night's page or the next morning's
        reach = 3 if printed is not None else 2
        news_day = (m.weekday + (nth[0] - 1 if nth else 0)) % 7

        def score(days: _Days) -> np.ndarray:
            return shape[(days.wd - news_day) % 7]

        def explain(d: date) -> str:
            gap = (d.weekday() - news_day) % 7
            when = "that day" if gap == 0 else "the day after" if gap == 1 else f"{_plural(gap)} after"
            style = f" (print style: {_q(printed)} is the day before)" if printed is not None else ""
            if nth:
                return f"lead {_q(m)} and '{nth[1]}': day {nth[0]} is a {_WEEKDAY_NAMES[news_day]}, published {when}"
            return f"lead {_q(m)}: published {when}{style}"

        return Clue("lead", 2.0, score, explain, focus=lambda days: (days.wd - news_day) % 7 <= reach)

    def score(days: _Days) -> np.ndarray:
        return _interp(days.ord - _ref(m, days), *_LEAD_GAP)

    def focus(days: _Days) -> np.ndarray:
        gap = days.ord - _ref(m, days)
        return (gap >= -1) & (gap <= 10)

    def explain(d: date) -> str:
        gap = (d - _ref_day(m, d)).days
        when = "that day" if gap == 0 else "the day after" if gap == 1 else f"{_plural(gap)} after"
        return f"lead {_q(m)}: published {when}"

    day = m.day_in(m.year) if m.year else None
    return Clue("lead", 2.0, score, explain, support=(day, day + timedelta(days=30)) if day else None, focus=focus)


def _agreement_clue(m: Mention, weight: float, lead: bool) -> Clue:
    """'on Thursday, January 28': the years in which 28 January is a Thursday (within a year either way)."""
    occ = _occurrences(m.month, m.day, m.last_day)
    direction = _direction(m)

    def score(days: _Days) -> np.ndarray:
        prev, nxt = _prev(occ, days.ord), _next(occ, days.ord)
        ok = np.zeros(len(days), dtype=bool)
        if direction <= 0:
            ok |= ((prev + 6) % 7 == m.weekday) & (days.ord - prev <= 340)
        if direction >= 0:
            ok |= ((nxt + 6) % 7 == m.weekday) & (nxt - days.ord <= 340)
        return np.where(ok, 1.0, -1.0)

    def explain(d: date) -> str:
        o = _ref_day(m, d)
        agrees = "is" if o.weekday() == m.weekday else "is not"
        return f"{_q(m)}: {o.day} {o:%B} {agrees} a {_WEEKDAY_NAMES[m.weekday]} in {o.year}"

    return Clue("weekday-date", weight, score, explain, anchor=lead)


def _dateline_clue(m: Mention) -> Clue:
    occ = _occurrences(m.month, m.day, m.last_day)
    if m.weekday is not None:  # 'Wed 11 Dec' keeps only the years in which 11 December is a Wednesday
        occ = occ[(occ + 6) % 7 == m.weekday]

    def score(days: _Days) -> np.ndarray:
        return np.where(np.isin(days.ord, occ), 1.0, -1.0)

    def focus(days: _Days) -> np.ndarray:
        return np.isin(days.ord, occ) | np.isin(days.ord - 1, occ)

    return Clue("dateline", 6.0, score, lambda d: f"dateline {_q(m)}: {d.isoformat()}", anchor=True, focus=focus)


def _recent_clue(items: list[Mention]) -> Clue:
    """News follows its events: the latest dated event mentioned is days or weeks old."""

    def per_mention(m: Mention, days: _Days) -> np.ndarray:
        ref = _ref(m, days)
        gap = days.ord - ref
        past = _interp(gap, *_RECENT_GAP)
        if m.anterior:  # "had been expected on Thursday, July 2": before the story's own day
            past = np.where(gap == 0, -0.3, past)
        elif m.weekday is not None:  # "on Thursday (12 October)": a weekday with its date may be the same day
            past = np.where(gap == 0, 1.0, past)
        if m.year:  # full dates are written for older events too: a weak pull, never a push
            past = np.clip(0.6 * past, 0.0, None)
        out = np.where(gap >= 0, past, -np.inf)
        if m.tense is None:  # no tense word: it may lie ahead
            ahead = 0.8 * _interp(-gap, *_AHEAD_GAP)
            out = np.where(gap < 0, ahead, np.maximum(out, -np.inf))
        return out

    def score(days: _Days) -> np.ndarray:
        best = np.full(len(days), -np.inf)
        for m in items:
            best = np.maximum(best, per_mention(m, days))
        return np.where(np.isfinite(best), best, 0.0)

    def explain(d: date) -> str:
        one = _Days.of(d)
        m = max(items, key=lambda m: float(per_mention(m, one)[0]))
        gap = (d - _ref_day(m, d)).days
        if gap >= 0:
            return f"latest dated event, {_q(m)}, {_plural(gap)} before"
        return f"{_q(m)} {_plural(-gap)} ahead"

    return Clue("recent", 1.0, score, explain)


def _stale_clue(items: list[Mention]) -> Clue:
    """A month-day written without its year lies within the past months: 'on January 28' is not 11 months old."""

    def per_mention(m: Mention, days: _Days) -> np.ndarray:
        gap = days.ord - _ref(m, days)
        # without a tense word a date is more often behind than ahead
        return np.where(gap >= 0, _interp(gap, [150, 250, 330], [0.0, -0.5, -1.0]), -0.3)

    def score(days: _Days) -> np.ndarray:
        out = np.zeros(len(days))
        for m in items:
            out = np.minimum(out, per_mention(m, days))
        return out

    def explain(d: date) -> str:
        m = min(items, key=lambda m: float(per_mention(m, _Days.of(d))[0]))
        gap = (d - _ref_day(m, d)).days
        return f"{_q(m)} would be {_plural(gap)} old" if gap >= 0 else f"{_q(m)} would lie ahead"

    return Clue("stale", 1.0, score, explain)


def _ahead_clue(m: Mention, weight: float) -> Clue:
    """'will meet on Wednesday, April 24', 'due to expire on February 5': published before that day."""
    flat = m.scheduled

    def score(days: _Days) -> np.ndarray:
        gap = _ref(m, days) - days.ord
        if flat:  # a deadline can be written about years ahead
            return _interp(gap, [-1, 0, 1], [-1.0, 0.3, 0.6])
        return _interp(gap, *_AHEAD_GAP)

    def explain(d: date) -> str:
        gap = (_ref_day(m, d) - d).days
        return f"{_q(m)} lies ahead: {_plural(gap)} after publication" if gap >= 0 else f"{_q(m)} lies ahead"

    day = m.day_in(m.year) if m.year else None
    support = (day - timedelta(days=5 * 365), day) if day else None
    return Clue("ahead", weight, score, explain, support=support)


def _weekday_clue(m: Mention) -> Clue:
    """'said on Friday' beyond the lead: one of the past seven days (or the coming ones)."""
    ahead = m.tense == "future"

    def score(days: _Days) -> np.ndarray:
        if ahead:
            return _AHEAD_WEEKDAY[(m.weekday - days.wd) % 7]
        return _PAST_WEEKDAY[(days.wd - m.weekday) % 7]

    word = "before" if ahead else "on or after"
    return Clue("weekday", 0.3, score, lambda d: f"{_q(m)}: published {word} that weekday")


def _relative_day_clue(rel: Mention, m: Mention) -> Clue:
    """'yesterday (Tuesday 15 March)', 'today, March 5': the date is a day before (or the day of) publication."""
    word = rel.text.strip().lower()

    def score(days: _Days) -> np.ndarray:
        shifted = days.ord + rel.offset
        if m.year:
            day = m.day_in(m.year)
            return np.where(shifted == (day.toordinal() if day else 0), 1.0, -1.0)
        return np.where(np.isin(shifted, _occurrences(m.month, m.day, m.last_day)), 1.0, -1.0)

    return Clue("relative day", 2.0, score, lambda d: f"'{word}' is {_q(m)}: published {d.isoformat()}",
                anchor=True, focus=lambda days: score(days) > 0)


_UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30.44, "year": 365.25}
_N_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a few": 3, "few": 3, "several": 4, "a couple of": 2,
            "twenty": 20, "thirty": 30}
_N = r"(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|few|several|" \
     r"a\s+couple\s+of|twenty|thirty)"
_SPAN_BEFORE_DATE = re.compile(
    rf"(?:\b{_N}[\s-]+(?P<unit>hour|day|week|month|year)s?|\b(?P<units>hours|days|weeks|months))"
    r"(?:\s+(?:and\s+a\s+half|or\s+so))?\s+(?P<dir>after|since|following|before|ahead\s+of|later\s+than)\b", re.I)


def _span_window(n: float | None, unit: str) -> tuple[float, float]:
    """(distance in days, tolerance) for '3 weeks', or a window for 'weeks' without a number."""
    if n is None:
        lo, hi = {"hour": (0, 1), "day": (1, 10), "week": (7, 60), "month": (30, 365), "year": (365, 3650)}[unit]
        return (lo + hi) / 2, (hi - lo) / 2
    span = n * _UNIT_DAYS[unit]
    return span, max(1.5, 0.15 * span)


def _span_clue(m: Mention, n: float | None, unit: str, sign: int, phrase: str) -> Clue:
    """'three weeks after the Nov. 3 election', 'two days before the vote on Sunday, Oct. 6'."""
    dist, tol = _span_window(n, unit)
    occ = None if m.year else _occurrences(m.month, m.day, m.last_day)
    fixed = m.day_in(m.year).toordinal() if m.year and m.day_in(m.year) else None

    def target_gap(days: _Days) -> np.ndarray:
        aim = days.ord - sign * dist  # where the date should be
        if fixed is not None:
            return np.abs(aim - fixed)
        aim_i = np.rint(aim).astype(np.int64)
        return np.minimum(np.abs(aim - _prev(occ, aim_i)), np.abs(_next(occ, aim_i) - aim))

    def score(days: _Days) -> np.ndarray:
        return _interp(target_gap(days), [0, tol, 3 * tol], [1.0, 0.4, -0.6])

    def explain(d: date) -> str:
        gap = abs((d - _ref_day(m, d)).days)
        return f"'{phrase}': {_plural(gap)} {'after' if sign > 0 else 'before'} it"

    return Clue("span", 1.5, score, explain)


def _holiday_clue(m: Mention) -> Clue:
    """'a Christmas letter', 'the day before Christmas': published around the holiday."""
    occ = _holiday_days(m.holiday)
    tau = 60 if m.pre in ("last", "since", "next") else 3 if m.pre == "on" else 7 if m.pre in (
        "after", "before", "ahead of") else 12
    direction = -1 if m.tense == "past" else 1 if m.tense == "future" else 0

    def gaps(days: _Days) -> np.ndarray:
        prev, nxt = _prev(occ, days.ord), _next(occ, days.ord)
        if direction < 0:
            return days.ord - prev
        if direction > 0:
            return nxt - days.ord
        return np.minimum(days.ord - prev, nxt - days.ord)

    def score(days: _Days) -> np.ndarray:
        return np.exp(-gaps(days) / tau)

    def explain(d: date) -> str:
        return f"{_q(m)}: {_plural(int(gaps(_Days.of(d))[0]))} from the holiday"

    return Clue("holiday", 1.0, score, explain)


def _bound_clue(kind: str, weight: float, lo: date | None, hi: date | None, why: str) -> Clue:
    """A bound: published on or after ``lo`` and/or on or before ``hi``."""
    lo_o = lo.toordinal() if lo else None
    hi_o = hi.toordinal() if hi else None

    def score(days: _Days) -> np.ndarray:
        out = np.zeros(len(days))
        if lo_o is not None:
            out = np.where(days.ord < lo_o, -1.0, out)
        if hi_o is not None:
            out = np.where(days.ord > hi_o, -1.0, out)
        return out

    support = (lo or _SEARCH_START, hi or _today())
    return Clue(kind, weight, score, lambda d: why, support=support)


def _year_recent_clue(year: int, m: Mention, weight: float = 1.0, use: str = "") -> Clue:
    """The latest year mentioned in the past is usually last year or this one (rarely this one in the past tense).

    ``weight`` says how the year is used (``_year_use``): a recent-news frame pulls hard, background history
    ('joined the EU in 2007 and entered ERM II in July 2020') only a little, so stronger clues win.
    """
    same = 0.3 if m.tense == "past" and m.pre == "in" else 0.6

    def score(days: _Days) -> np.ndarray:
        return _interp(days.year - year, [-1, 0, 1, 2, 3, 5], [0.0, same, 1.0, 0.7, 0.4, 0.1])

    how = f", {use}" if use else ""
    return Clue("latest year", weight, score, lambda d: f"latest past year mentioned: {year} ({_q(m)}{how})",
                support=(date(year, 1, 1), date(min(year + 3, _today().year), 12, 31)))


# A year told as history: a chronology, a founding or joining, the past perfect, an age or an origin.
_BACKGROUND = re.compile(r"\b(?:joined|entered|founded|established|formed|created|born|became|introduced|adopted|"
                         r"signed|built|opened|first|originally|initially|previously|once|had|dating\s+back|"
                         r"back\s+in|history|historic(?:al)?|since|ever|decades?|origins?|began|started|was\s+set\s+up)\b",
                         re.I)
# A year told as news: a fresh frame around it.
_NEWS_FRAME = re.compile(r"\b(?:last|this|earlier|latest|recent(?:ly)?|new|so\s+far|to\s+date|just|yesterday|"
                         r"today|ago|now)\b", re.I)


def _year_use(text: str, m: Mention, mentions: Sequence[Mention], zones: _Zones) -> tuple[float, str]:
    """How strongly the latest past year bounds the date from above, by how the year is used."""
    s, e = zones.sentence(m.start)
    clause_lo = max(s, m.start - 140)
    before = text[clause_lo:m.start]
    others = [o for o in mentions if s <= o.start < e and o is not m and o.year and o.kind in ("year", "date", "month")
              and o.year < (m.end_year or m.year)]
    if others:  # "joined the EU in 2007 and entered ERM II in July 2020": a chronology
        return 0.35, "background: a chronology"
    if _BACKGROUND.search(before):
        return 0.45, "background"
    if m.start < zones.head_end or _NEWS_FRAME.search(text, s, e):
        return 1.0, ""
    return 0.75, ""


def _plan_year_clue(year: int, m: Mention) -> Clue:
    """A plan for a year is mostly announced that year or the year before."""

    def score(days: _Days) -> np.ndarray:
        return _interp(year - days.year, [-1, 0, 1, 2, 4], [-1.0, 0.8, 1.0, 0.4, 0.0])

    return Clue("year ahead", 0.5, score, lambda d: f"{_q(m)} lies ahead: {year}",
                support=(date(year - 3, 1, 1), date(year, 12, 31)))


def _event_ahead_clue(year: int, m: Mention) -> Clue:
    """'ahead of the 2024 Olympics': a named event ahead is talked of from months to several years before."""

    def score(days: _Days) -> np.ndarray:
        return _interp(year - days.year, [-1, 0, 1, 2, 4, 7], [-1.0, 0.6, 1.0, 0.8, 0.4, 0.0])

    return Clue("year ahead", 0.4, score, lambda d: f"{_q(m)} lies ahead: {year}",
                support=(date(year - 7, 1, 1), date(year, 12, 31)))


def _near_year_clue(year: int, m: Mention, count: int) -> Clue:
    """'the 2018 budget', 'its 2015 level': a year named without a tense is usually near."""

    def score(days: _Days) -> np.ndarray:
        return _interp(np.abs(days.year - year), [0, 1, 2, 4], [1.0, 0.8, 0.3, 0.0])

    weight = 0.4 * min(2.0, math.sqrt(count))
    return Clue("year", weight, score, lambda d: f"{_q(m)}: {year} mentioned",
                support=(date(year - 2, 1, 1), date(year + 2, 12, 31)))


def _results_clue(year: int, m: Mention) -> Clue:
    """'net profit for 2023': a full year's figures come out after it ends, mostly early the next year."""

    def score(days: _Days) -> np.ndarray:
        k = days.year - year
        return np.select([k < 0, k == 0, (k == 1) & (days.month <= 4), k == 1, k == 2],
                         [-1.0, np.where(days.month >= 10, 0.0, -0.6), 1.0, 0.5, 0.0], -0.2)

    return Clue("results", 1.0, score, lambda d: f"{_q(m)}: figures for a year that has ended",
                support=(date(year, 10, 1), date(year + 2, 12, 31)))


def _season_span_clue(m: Mention) -> Clue:
    """'the 2018-19 season': from the summer of 2018 to the summer of 2019."""
    lo, hi = date(m.year, 7, 1).toordinal(), date(m.end_year, 7, 31).toordinal()

    def score(days: _Days) -> np.ndarray:
        return np.where((days.ord >= lo) & (days.ord <= hi), 1.0,
                        np.where((days.ord >= lo - 90) & (days.ord <= hi + 90), 0.0, -0.5))

    return Clue("season", 1.2, score, lambda d: f"{_q(m)}: during that season",
                support=(date(m.year, 4, 1), date(m.end_year, 10, 31)))


def _years_after_clue(year: int, n: int, phrase: str) -> Clue:
    """'nine years after the clashes of 2016': published in 2025."""
    target = year + n

    def score(days: _Days) -> np.ndarray:
        k = np.abs(days.year - target)
        return np.where(k == 0, 1.0, np.where(k == 1, 0.2, -0.5))

    return Clue("years after", 1.2, score, lambda d: f"'{phrase}': {year} + {n} = {target}",
                support=(date(target - 1, 1, 1), date(target + 1, 12, 31)))


def _year_range_clue(lo: int, hi: int, weight: float, why: str, slope: float = 0.0) -> Clue:
    """Published in a year from ``lo`` to ``hi`` ('aged 92, born in 1925': 2017 or 2018).

    ``slope`` favours the first years: 'more than 80 years' is more often 81 than 85."""

    def score(days: _Days) -> np.ndarray:
        return np.where((days.year >= lo) & (days.year <= hi), 1.0 - slope * (days.year - lo),
                        np.where((days.year == lo - 1) | (days.year == hi + 1), 0.2, -0.5))

    return Clue("years after", weight, score, lambda d: why,
                support=(date(max(lo - 1, _SEARCH_START.year), 1, 1), date(hi + 1, 12, 31)))


def _month_clue(m: Mention) -> Clue:
    """'in October', 'next April', 'every first weekend of August': a month without a year is near."""
    direction = _direction(m)

    def score(days: _Days) -> np.ndarray:
        if direction < 0:
            return _interp((days.month - m.month) % 12, [0, 1, 3, 6, 11], [0.6, 1.0, 0.8, 0.4, 0.1])
        if direction > 0:
            return _interp((m.month - days.month) % 12, [0, 1, 6, 11], [0.2, 1.0, 0.6, 0.2])
        k = (days.month - m.month) % 12
        return _interp(np.minimum(k, 12 - k), [0, 1, 2, 6], [1.0, 0.7, 0.3, 0.0])

    return Clue("month", 0.3, score, lambda d: f"{_q(m)} mentioned")


def _prior_clue() -> Clue:
    """Without other evidence, recent years are likelier than old ones."""
    return Clue("prior", 0.3, lambda days: _interp(days.year, [1990, 2005, 2012], [-1.0, -0.3, 0.0]),
                lambda d: "recent years are likelier")


_COORDINATED = re.compile(r"\b(?:and|or|but|then|while|after|before|since|until)\b")


def _two_times(text: str, a: Mention, b: Mention) -> bool:
    """'in October and earlier this month', 'from 8.7 percent last year to 6.9 percent in 2023': two times, not one."""
    between = text[a.end:b.start]
    return bool(_COORDINATED.search(between) or (re.search(r"\bto\b", between) and
                                                  re.search(r"\bfrom\b", text[max(0, a.start - 40):a.start])))


def _relative_anchor_clues(mentions: list[Mention], zones: _Zones) -> list[Clue]:
    """'last year, in April 2022' -> 2023; 'earlier this month, on May 3' -> May; 'eight years ago, in 2016'."""
    out = []
    for rel in mentions:
        if rel.kind != "relative" or rel.unit not in ("month", "year") or zones.decoy(rel.start):
            continue
        near = [m for m in mentions if m.kind in ("date", "month", "year") and m.tense != "future"
                and m.end_year is None and m.year_offset is None
                and abs(m.start - rel.start) <= 60 and zones.sentence(m.start) == zones.sentence(rel.start)
                and (m.pre or "") not in ("since", "from", "until", "by")
                and not (m.kind == "year" and _attributive(m))  # "next year's Games and the 2022 Cup": two things
                and not zones.decoy(m.start) and not zones.photo(m.start)
                and not _two_times(zones.text, min(m, rel, key=lambda x: x.start), max(m, rel, key=lambda x: x.start))]
        if rel.unit == "year":
            values = {m.year for m in near if m.year}
            if len(values) == 1:
                target = values.pop() - rel.offset
                out.append(Clue("relative", 1.5, lambda days, t=target: np.where(days.year == t, 1.0, -1.0),
                                lambda d, r=rel, t=target: f"{_q(r)} beside a {t + r.offset} date: published in {t}",
                                support=(date(target, 1, 1), date(target, 12, 31))))
        else:
            values = {m.month for m in near if m.month}
            if len(values) == 1:
                target = (values.pop() - 1 - rel.offset) % 12 + 1
                out.append(Clue("relative", 1.2, lambda days, t=target: np.where(days.month == t, 1.0, -1.0),
                                lambda d, r=rel, t=target: f"{_q(r)} beside a dated mention: published in "
                                f"{date(2000, t, 1):%B}"))
    return out


# --- offices ---------------------------------------------------------------------------------------

def _office_clue(terms: tuple[Term, ...], cue: str, phrase: str, weight: float) -> Clue:
    """An office mention read with its cue: in office, former, new, elect, outgoing."""
    who = terms[0].person
    today = _today()
    starts = sorted(t.start for t in terms)
    ends = sorted(t.end for t in terms if t.end)
    # the title is still written on the day a term ends and just after ("President Assad fled on Sunday")
    spans = [(t.start.toordinal(), (t.end + timedelta(days=3) if t.end else date.max).toordinal(),
              (t.start + timedelta(days=60)).toordinal()) for t in terms]
    s_o = np.array([s.toordinal() for s in starts])
    e_o = np.array([e.toordinal() for e in ends])

    def inside(days: _Days) -> np.ndarray:
        ok = np.zeros(len(days), dtype=bool)
        for s, e, _ in spans:
            ok |= (days.ord >= s) & (days.ord < e)
        return ok

    if cue == "former":
        def score(days: _Days) -> np.ndarray:
            if not len(e_o):
                return np.full(len(days), -1.0)
            return np.where((days.ord >= e_o[0]) & ~inside(days), 1.0, -1.0)
        gaps = [(e, next((s for s in starts if s >= e), None)) for e in ends]
        text = "; ".join(f"{e} to {s or 'now'}" for e, s in gaps if not (s and s == e))
        return Clue("office", weight, score, lambda d: f"'{phrase}': {who} out of office {text}",
                    support=(ends[0], today) if ends else None)
    if cue == "new":
        def score(days: _Days) -> np.ndarray:
            best = np.full(len(days), -1.0)
            for s in s_o:
                k = days.ord - s
                # the month before the start too ("the new Biden administration" in January), but less
                best = np.maximum(best, np.where((k >= 0) & (k <= 180), 1.0, np.where(
                    (k >= -30) & (k < 0), 0.6, np.where((k > 180) & (k <= 365), 1.0 - (k - 180) / 185, -1.0))))
            return best
        return Clue("office", weight, score,
                    lambda d: f"'{phrase}': {who} in office since "
                              f"{max((s for s in starts if s <= d + timedelta(days=30)), default=starts[0])}",
                    support=(starts[0] - timedelta(days=30), starts[-1] + timedelta(days=365)))
    if cue == "elect":
        # between election and inauguration: weeks in most countries, four months in Taiwan or Mexico
        def score(days: _Days) -> np.ndarray:
            best = np.full(len(days), -1.0)
            for s in s_o:
                k = s - days.ord
                best = np.maximum(best, np.where((k > 0) & (k <= 100), 1.0, np.where((k > 100) & (k <= 140), 0.5, -1.0)))
            return best
        return Clue("office", weight, score, lambda d: f"'{phrase}': before {who} took office",
                    support=(starts[0] - timedelta(days=140), starts[-1]))
    if cue == "outgoing":
        def score(days: _Days) -> np.ndarray:
            ok = np.zeros(len(days), dtype=bool)
            for e in e_o:
                ok |= (e - days.ord >= 0) & (e - days.ord <= 180)
            return np.where(ok, 1.0, -0.5)
        return Clue("office", weight, score, lambda d: f"'{phrase}': {who} about to leave office",
                    support=(ends[0] - timedelta(days=180), ends[-1]) if ends else None)

    def score(days: _Days) -> np.ndarray:
        out = np.full(len(days), -1.0)
        for s, e, settled in spans:
            # early in a term reporters say "new"; without it the first weeks are less likely
            out = np.where((days.ord >= s) & (days.ord < e), np.where(days.ord < settled, 0.85, 1.0), out)
        return out

    def explain(d: date) -> str:
        t = next((t for t in terms if t.holds(d)), terms[0])
        return f"'{phrase}': {who} in office {t.start} to {t.end or 'now'}"

    return Clue("office", weight, score, explain,
                support=(starts[0], max((t.end or today) for t in terms)))


def _office_clues(text: str, zones: _Zones, mentions: list[Mention]) -> list[Clue]:
    index = _term_index()
    found: dict[tuple[frozenset[Term], str], tuple[str, float]] = {}
    for key in index.keys() & set(_TOKEN.findall(text)):  # set work in C, then only the names present
        at = text.find(key)
        while at >= 0:
            ts, te = at, at + len(key)
            at = text.find(key, te)
            if (ts and (text[ts - 1].isalnum() or text[ts - 1] in "'’-")) or (te < len(text) and (
                    text[te].isalnum() or text[te] == "-")) or zones.decoy(ts) or _archive_photo(text, ts, zones):
                continue
            for terms, cue, phrase, weight in _read_office(text, ts, te, index[key], zones, mentions):
                weight *= 0.6 if zones.photo(ts) else 1.0  # "US President Donald Trump holds up a chart": the day's photo
                group = (frozenset(terms), cue)
                if group not in found or found[group][1] < weight:
                    found[group] = (phrase, weight)
    return [_office_clue(tuple(sorted(terms, key=lambda t: t.start)), cue, phrase, weight)
            for (terms, cue), (phrase, weight) in found.items()]


def _archive_photo(text: str, pos: int, zones: _Zones) -> bool:
    """A caption of an older picture: a file photo, one 'taken on' a day, or one dated by a year."""
    if not zones.photo(pos):
        return False
    s, e = zones.sentence(pos)
    return bool(_PHOTO.search(text, s, e) or _YEAR_WORD.search(text, s, e))


_YEAR_WORD = re.compile(r"\b(?:19|20)\d\d\b")


def _read_office(text: str, ts: int, te: int, rows: list[tuple[str, bool, Term]], zones: _Zones,
                 mentions: list[Mention]) -> list[tuple[list[Term], str, str, float]]:
    """The offices the name at [ts, te) is given there, each with its cue."""
    full: dict[tuple[int, int], list[Term]] = {}
    for variant, eastern, term in rows:
        s, e = (ts, ts + len(variant)) if eastern else (te - len(variant), te)
        said = text[s:e] if s >= 0 else ""
        if (said == variant or (said and _fold(said) == _fold(variant))) and (e >= len(text) or not text[e].isalnum()):
            full.setdefault((s, e), []).append(term)
    if not full:  # the surname alone; not where a name goes on ("President Michel Aoun" is no Charles Michel)
        rows = [row for row in rows if row[1]] if _name_goes_on(text, te) else rows
        if not rows:
            return []
    spans = full or {(ts, te): [term for _, _, term in rows]}
    sent_start, sent_end = zones.sentence(ts)
    out = []
    for (ns, ne), terms in spans.items():
        before = text[max(sent_start, ns - 90):ns]
        after = text[ne:min(sent_end, ne + 90)]
        admin = _ADMIN.match(after)
        if admin and re.search(r"\b(?:an?|any|future|possible|potential|second|next)\s+$", before, re.I):
            continue  # "under a Trump presidency", "a second Trump administration": a supposition
        if admin:  # "the new Biden administration": the head of government's term
            heads = [t for t in terms if t.office in HEAD_OFFICES]
            cue = _cue_before(before)
            if heads:
                phrase = text[_phrase_start(text, ns, before, cue):ne] + admin.group(0)
                out.append((heads, cue or "in", phrase, 0.5 if cue is None else _CUE_WEIGHT[cue]))
            continue
        near = (before + after).lower()
        if not any(stem in near for stem in _TITLE_STEMS):
            continue  # no title near the name: nothing to read
        for office in {t.office for t in terms}:
            titled = _titled(before, after, office)
            if titled is None:
                continue
            cue, title_at = titled
            group = [t for t in terms if t.office == office and (
                t.office not in _ORG_NAMED or _org_named(t.org, text[sent_start:min(sent_end, ne + 60)]))]
            if not group:
                continue
            if cue == "in" and _historic(zones, mentions, ns, group):
                continue
            start = max(sent_start, ns - 90) + title_at if title_at is not None else ns
            begin = _phrase_start(text, start, text[max(sent_start, start - 40):start], cue)
            phrase = re.sub(r"\s+", " ", text[begin:ne])
            out.append((group, cue, phrase.strip(), _CUE_WEIGHT[cue]))
    return out


# offices held at one of many companies: 'Tesla CEO Elon Musk' is not his term at Twitter
_ORG_NAMED = frozenset({"ceo"})


def _org_named(org: str, near: str) -> bool:
    first = org.split()[0]
    names = {org} | ({first} if len(first) >= 3 and first not in ("Bank", "General", "Credit") else set())
    return any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", near) for n in names)


_CUE_WEIGHT = {"in": 1.0, "former": 1.2, "new": 1.5, "elect": 1.5, "outgoing": 1.0}
_NEXT_NAME = re.compile(r" (?!(?:January|February|March|April|May|June|July|August|September|October|November|"
                        r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|"
                        r"Friday|Saturday|Sunday)\b)(?P<word>[A-Z\u00C0-\u00DE][a-z\u00DF-\u00FF]+)\b")


def _name_goes_on(text: str, end: int) -> bool:
    """A capitalised word right after a name is more of the name ("Michel Aoun"), unless the text also writes it
    in lower case (a title-case headline: "President Trump Says")."""
    m = _NEXT_NAME.match(text, end)
    return bool(m) and re.search(rf"\b{m.group('word').lower()}\b", text) is None


def _cue_before(before: str) -> str | None:
    m = _CUE.search(before)
    if not m:
        return None
    word = m.group("cue").lower()
    if word.startswith("newly"):
        return "new"
    if word.endswith(("of", "the")):  # "since the fall of President Viktor Yanukovych"
        return "former"
    return _CUE_KIND.get(word, "in")


def _phrase_start(text: str, start: int, before: str, cue: str | None) -> int:
    """Include the cue word ('former', 'the new') in the evidence phrase."""
    if cue and cue != "in":
        m = _CUE.search(before)
        if m:
            return start - len(before) + m.start()
    return start


def _titled(before: str, after: str, office: str) -> tuple[str, int | None] | None:
    """(cue, where the title starts in ``before``) when the name carries this office's title."""
    direct, listed, apposed = _TITLE_RES[office]
    m = direct.search(before) or listed.search(before)
    if m:
        at = m.start() if m.group(0)[:1].isalpha() else m.start() + 1
        if m.groupdict().get("elect"):
            return "elect", at
        return _cue_before(before[:at]) or "in", at
    m = apposed.match(after)
    if m:
        cue = (m.group("cue") or "").strip(" -").lower()
        return _CUE_KIND.get(cue, "in") if cue else "in", None
    return None


def _historic(zones: _Zones, mentions: list[Mention], pos: int, terms: list[Term]) -> bool:
    """'signed in 1987 by President Reagan': the title is of that year, not of today."""
    s, e = zones.sentence(pos)
    for m in mentions:
        if s <= m.start < e and m.year and m.tense != "future" and m.kind in ("year", "date", "month"):
            mid = date(m.year, 7, 1)
            if any(t.holds(mid) and t.end for t in terms):
                return True
    return False


# --- well-known events: data/events.tsv ---------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Event:
    """A dated world event (or a recurring one: each occurrence) and the words that name it."""

    when: tuple[tuple[date, date], ...]  # (first day, last day) of each occurrence
    kind: str  # "event": it happened then; "era": it began then and lasts; "dated": only with a day beside it
    context: tuple[tuple[str, ...], ...]  # each group: one of these must be in the text (lower case)
    phrases: tuple["_Phrase", ...]
    name: str


@dataclass(frozen=True, slots=True)
class _Phrase:
    """A phrase ('visit* * North Korea') or a conjunction of word groups in one sentence
    ('zelensky + won/elected/victory + runoff/election'). Patterns are lower case, matched on lower-cased text."""

    sources: tuple[str, ...]  # one regex for a phrase; one per group for a conjunction
    needs: tuple[tuple[frozenset[str], ...], ...]  # per group, the words of each alternative: a fast pre-check
    generic: bool = False  # no name in it ("presidential election"): its context must be near it

    @property
    def groups(self) -> tuple[re.Pattern, ...]:
        # Compiled when a text first has the phrase's words: most of the table never is, and
        # compiling it all up front took a second of every run's start.
        return _compiled(self.sources)

    def possible(self, words: set[str]) -> bool:
        if len(self.needs) == 1 and len(self.needs[0]) == 1:
            return self.needs[0][0] <= words  # a plain phrase
        return all(any(alt <= words for alt in group) for group in self.needs)


class _Hit:
    """Where a phrase was found: the span from its first to its last word."""

    __slots__ = ("_start", "_end", "_text", "starts")

    def __init__(self, text: str, start: int, end: int, starts: tuple[int, ...] = ()) -> None:
        self._text, self._start, self._end = text, start, end
        self.starts = starts  # where each group's words begin

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _: int = 0) -> str:
        return self._text[self._start:self._end]


_GAP = r"(?:[\s,\-–]+[\w'’.\-]+){0,6}?[\s,\-–]+"


def _inflections(word: str) -> str | None:
    """'removed' -> a regex for remove, removes, removed, removing, removal; 'ousted' -> oust, ouster, ...

    Only for regular past forms: the table lists a verb once, reports use any of its forms.
    """
    if not word.endswith("ed") or len(word) < 6 or not word.isalpha() or word.endswith("eed"):
        return None
    base = word[:-2]
    if len(base) >= 2 and base[-1] == base[-2] and base[-1] not in "lsz":
        base = base[:-1]  # 'stopped' -> 'stop'
    return rf"(?:{re.escape(word)}|{re.escape(base)}(?:e|es|ed|ing|s|al|er)?)(?![\w])"


def _phrase_pattern(phrase: str, inflect: bool = False) -> tuple[str, frozenset[str]]:
    """'visit* * North Korea' -> a lower-case regex ('*' alone: up to six words; 'word*': any ending) and
    the words that must all be in the text for it to match. With ``inflect``, a regular past form
    ('removed') also matches the verb's other forms."""
    parts, needed, gap = [], set(), False
    for token in phrase.lower().split():
        if token == "*":
            gap = True
            continue
        stem = token.endswith("*")
        word = token.rstrip("*")
        forms = _inflections(word) if inflect and not stem else None
        body = re.sub(r"['’]", lambda _: "['’]", re.escape(word))
        body = body.replace(r"\-", r"[\s\-–]+")  # "notre-dame" is also "notre dame"
        if parts:
            parts.append(_GAP if gap else r"[\s\-–]+")
        parts.append(forms or body + (r"\w*" if stem else r"(?![\w])"))
        gap = False
        tokens = re.findall(r"[a-z0-9]+", word.replace("’", "'"))
        needed.update(tokens[:-1] if stem or forms else tokens)
    # no leading word boundary in the pattern: a literal start lets the regex engine skip ahead fast
    return "".join(parts), frozenset(needed)


def _when(field: str) -> tuple[tuple[date, date], ...]:
    """'2018-07-16', '2021-10-31/2021-11-13', '2018-11-06|2022-11-08': one or more days or spans."""
    out = []
    for item in field.split("|"):
        first, _, last = item.strip().partition("/")
        out.append((date.fromisoformat(first), date.fromisoformat(last or first)))
    return tuple(out)


@lru_cache(maxsize=None)
def _compiled(sources: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(source) for source in sources)


def _compile_phrase(phrase: str) -> _Phrase:
    """'word word*', 'word * word' (a phrase) or 'a/b + c + d e' (all groups in one sentence, any order)."""
    if " + " not in phrase:
        pattern, needed = _phrase_pattern(phrase, inflect=len(phrase.split()) > 1)  # "annexed Crimea", not "defaulted"
        return _Phrase((pattern,), ((needed,),), generic=phrase == phrase.lower())
    groups, needs = [], []
    for group in phrase.split(" + "):
        alts = [_phrase_pattern(alt.strip(), inflect=True) for alt in group.split("/") if alt.strip()]
        # the longer alternatives first, and each must start a word
        alts.sort(key=lambda a: -len(a[0]))
        groups.append("(?:" + "|".join(a[0] for a in alts) + ")")
        needs.append(tuple(a[1] for a in alts))
    return _Phrase(tuple(groups), tuple(needs))


@lru_cache(maxsize=1)
def _events() -> tuple[Event, ...]:
    table = resources.files("onrecord").joinpath("data/events.tsv").read_text(encoding="utf-8")
    out = []
    for line in table.splitlines():
        if not line.strip() or line.startswith(("#", "when\t")):
            continue
        when, kind, context, phrases, name = line.split("\t")
        compiled = tuple(_compile_phrase(p.strip()) for p in phrases.split("|") if p.strip())
        groups = tuple(tuple(alt.strip().lower() for alt in group.split("/")) for group in context.split("&")
                       if group.strip())
        out.append(Event(_when(when), kind, groups, compiled, name))
    return tuple(out)


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10}
_ORD = r"(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))"
_EV_LINK = re.compile(r"\b(?:since|after|following|before|ahead\s+of|until)\b", re.I)
_EV_ANNIV = re.compile(rf"\b{_ORD}\s+anniversary\s+of\b", re.I)
_EV_ERA = re.compile(rf"\b(?:{_ORD}\s+(?P<ounit>year|month|week|day)\s+of|day\s+(?P<dn>\d{{1,4}})\s+of|"
                     rf"(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d{{1,2}})"
                     r"\s+(?P<unit>years?|months?)\s+(?:into|since|after))\b", re.I)
_EV_SPAN = re.compile(rf"(?:(?:\b(?P<q>more\s+than|just\s+over|over|nearly|almost|less\s+than|just\s+under|under)\s+)?"
                      rf"\b{_N}[\s-]+(?P<unit>hour|day|week|month)s?|\b(?P<units>hours|days|weeks|months)|"
                      r"\b(?P<one>(?:a|the|one)\s+day))\s+(?P<dir>after|following|before|ahead\s+of)\b", re.I)
_EV_WAKE = re.compile(r"\b(?:in\s+the\s+(?:wake|aftermath)\s+of|on\s+the\s+heels\s+of)\b", re.I)
_EV_RECENT = re.compile(r"\b(?:recent|latest|just-concluded|last\s+week['’]s|this\s+week['’]s|yesterday['’]s|"
                        r"last\s+month['’]s)(?:\s+[\w-]+){0,2}\s*$", re.I)  # right before the name
_EV_AFTER = re.compile(r"\b(?P<word>after|following|since|amid)\b", re.I)
_EV_BEFORE = re.compile(r"\b(?:ahead\s+of|before|in\s+the\s+(?:run|lead)-up\s+to|on\s+the\s+eve\s+of|"
                        r"(?:in\s+)?preparations?\s+for|upcoming|forthcoming|next\s+week['’]s|next\s+month['’]s|"
                        r"(?P<plan>planned|scheduled)(?=\s+\S+\s*$|\s*$))\b", re.I)

_EV_INNER_AHEAD = re.compile(r"\b(?:due\s+to|will|set\s+to|is\s+to|expires)\b", re.I)  # "New START, which is due to expire"

# One occurrence's score: (first day, last day, the candidate days) -> scores, and the days it can hold.
_Shape = Callable[[date, date, _Days], np.ndarray]


def _event_words(text: str) -> tuple[str, set[str]]:
    lower = text.lower().replace("’", "'")
    return lower, set(re.findall(r"[a-z0-9]+", lower))


def _event_clues(text: str, mentions: list[Mention], zones: _Zones) -> tuple[list[Clue], dict[int, int]]:
    """Well-known events named in the text, each read with the words around it.

    Also returns the years of month-days written beside an event of that day ('Trump returned to the
    White House on Jan. 20'): {mention start: year}.
    """
    lower, words = _event_words(text)
    # match lower-case patterns on the lower-cased text (fast); offsets agree unless lower() changed its length
    haystack = text.lower() if len(text.lower()) == len(text) else None
    found: dict[tuple, Clue] = {}
    years: dict[int, int] = {}
    dated = [m for m in mentions if m.kind == "date" and m.year is None]
    events = _events()
    index = _event_index()
    todo: dict[int, set[int]] = {}
    tried: set[tuple[int, int]] = set()
    for word in (words | {""}) & index.keys():  # set work in C, then only the phrases whose rarest word is here
        for ek in index[word]:
            if ek not in tried:
                tried.add(ek)
                if events[ek[0]].phrases[ek[1]].possible(words):
                    todo.setdefault(ek[0], set()).add(ek[1])
    matches: list[tuple[Event, re.Match | _Hit]] = []
    for e in sorted(todo):
        event = events[e]
        if not _in_context(event, lower, 0, len(lower)):
            continue
        for k in sorted(todo[e]):
            phrase = event.phrases[k]
            for m in _find_phrase(phrase, text, haystack, zones):
                if zones.teaser(m.start()) or zones.photo(m.start()):
                    continue
                if phrase.generic and event.context and not _in_context(event, lower, *_paragraph(lower, m.start())):
                    continue  # "presidential election" is Russia's only where Russia is named beside it
                matches.append((event, m))
    # "U.S. presidential election" names one event, not also "presidential election" of another
    spans = [(m.start(), m.end(), id(event)) for event, m in matches if not isinstance(m, _Hit)]
    for event, m in matches:
        if not isinstance(m, _Hit) and any(
                s <= m.start() and m.end() <= e and e - s > m.end() - m.start() and k != id(event)
                for s, e, k in spans):
            continue
        bound = False
        for d in dated:
            if -40 <= d.start - m.end() <= 40 or -40 <= m.start() - d.end <= 40:
                same = {first.year for first, _ in event.when if (first.month, first.day) == (d.month, d.day)}
                if len(same) == 1 and zones.sentence(d.start) == zones.sentence(m.start()):
                    years[d.start] = same.pop()
                    bound = True
        if bound:
            continue  # the date beside it, now with its year, says the rest
        read = _read_event(event, text, m, mentions, zones)
        if read and read[0] not in found:
            found[read[0]] = read[1]
    years.update(_named_day_years(dated, years, {event for event, _ in matches}))
    return list(found.values()), years


def _named_day_years(dated: list[Mention], years: dict[int, int], events: set[Event]) -> dict[int, int]:
    """'the August 8 election' where an election the text names fell on 8 August of one year: that year."""
    out = {}
    for d in dated:
        noun = d.text.lower().split()[-1]
        if d.start in years or not d.text.lower().startswith("the ") or not noun.isalpha():
            continue
        same = {first.year for event in events if noun in event.name.lower()
                for first, _ in event.when if (first.month, first.day) == (d.month, d.day)}
        if len(same) == 1:
            out[d.start] = same.pop()
    return out


def _in_context(event: Event, lower: str, start: int, end: int) -> bool:
    """Each of the event's context groups has a word in lower[start:end] (a word start: 'ukrain' is
    in 'Ukrainian', 'mpla' is not in 'complaint')."""
    return all(any(lower.find(alt, start, end) >= 0 for alt in group) and  # the cheap test first
               _context_pattern(group).search(lower, start, end) for group in event.context)


@lru_cache(maxsize=None)
def _context_pattern(group: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(alt) for alt in group) + ")")


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    """The paragraph (between line breaks) around ``pos``, with the one before it: a paragraph often names
    its actor only by role ('the Russian president') after the one before named him."""
    end = text.find("\n", pos)
    start = text.rfind("\n", 0, pos)  # the break before this paragraph (-1: none)
    if start > 0:
        start = text.rfind("\n", 0, len(text[:start].rstrip("\n")))  # and the one before the previous
    return start + 1, end if end >= 0 else len(text)


def _find_phrase(phrase: _Phrase, text: str, haystack: str | None,
                 zones: _Zones) -> Iterable[re.Match | _Hit]:
    """Where a phrase occurs; a conjunction: each sentence holding all its groups (one hit per sentence)."""

    def finditer(pattern: re.Pattern, start: int = 0, end: int | None = None) -> Iterable[re.Match]:
        """Matches that start a word (no leading boundary in the patterns: literal starts scan fast)."""
        end = len(text) if end is None else end
        found = pattern.finditer(haystack, start, end) if haystack is not None else \
            _ignore_case(pattern).finditer(text, start, end)
        return (m for m in found if not (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_")))

    if len(phrase.groups) == 1:
        yield from finditer(phrase.groups[0])
        return
    seen: set[int] = set()
    for m in finditer(phrase.groups[0]):
        s, e = zones.sentence(m.start())
        if s in seen:
            continue
        seen.add(s)
        found = [m]
        for group in phrase.groups[1:]:
            other = next(iter(finditer(group, s, e)), None)
            if other is None:
                break
            found.append(other)
        else:
            yield _Hit(text, min(f.start() for f in found), max(f.end() for f in found),
                       tuple(f.start() for f in found))


@lru_cache(maxsize=1)
def _event_index() -> dict[str, list[tuple[int, int]]]:
    return _index_phrases(_events())


def _index_phrases(events: Sequence[Event]) -> dict[str, list[tuple[int, int]]]:
    """Each phrase under the rarest word (across the table) of each alternative of one of its groups: the group
    whose alternatives all have a whole word ('earthquake*' has none) and whose keys are rarest. A phrase with no
    such group is filed under '' and tried on every text."""
    counts: dict[str, int] = {}
    for event in events:
        for phrase in event.phrases:
            for group in phrase.needs:
                for alt in group:
                    for w in alt:
                        counts[w] = counts.get(w, 0) + 1

    def rarest(alt: frozenset[str]) -> str:
        return min(alt, key=lambda w: (counts[w], -len(w), w))

    index: dict[str, list[tuple[int, int]]] = {}
    for e, event in enumerate(events):
        for k, phrase in enumerate(event.phrases):
            groups = [group for group in phrase.needs if all(group)]
            if not groups:
                index.setdefault("", []).append((e, k))
                continue
            group = min(groups, key=lambda g: sum(counts[rarest(alt)] for alt in g))
            for key in {rarest(alt) for alt in group}:
                index.setdefault(key, []).append((e, k))
    return index


@lru_cache(maxsize=1024)
def _ignore_case(pattern: re.Pattern) -> re.Pattern:
    return re.compile(pattern.pattern, re.I)


def _event_clue(event: Event, key: tuple, weight: float, shape: _Shape,
                reach: Callable[[date, date], tuple[date, date]], why: str) -> tuple[tuple, Clue]:
    """A clue from an event: the best of its occurrences."""

    # A recurring row lists the occurrences known, for some years only ("dated": central bank decisions,
    # prize days): days more than a year outside them are no evidence either way, so they do not bound
    # the search and score neither for nor against.
    calendar = event.kind == "dated"
    known = (min(f for f, _ in event.when) - timedelta(days=366), max(l for _, l in event.when) + timedelta(days=366))

    def score(days: _Days) -> np.ndarray:
        out = np.full(len(days), -np.inf)
        for first, last in event.when:
            out = np.maximum(out, shape(first, last, days))
        if calendar:
            out = np.where((days.ord < _o(known[0])) | (days.ord > _o(known[1])), 0.0, out)
        return out

    def explain(d: date) -> str:
        one = _Days.of(d)
        first, _ = max(event.when, key=lambda w: float(shape(w[0], w[1], one)[0]))
        return f"{why}: {event.name} ({first.isoformat()})"

    spans = [reach(first, last) for first, last in event.when]
    support = (_SEARCH_START, _today()) if calendar else (min(s for s, _ in spans), min(_today(), max(e for _, e in spans)))
    return (key[0], event.name) + key[1:], Clue("event", weight, score, explain, support=support)


# a standfirst's present tense tells the news: "The Prime Minister survives by 200 votes to 117"
_NEWS_PRESENT = re.compile(r"\b(?:survives|wins|loses|resigns|quits|dies|signs|seals|defeats|beats|approves|passes|"
                           r"rejects|ousts|topples|clinches|secures|strikes|kills|launches|unveils|agrees|reaches|"
                           r"scraps|revokes|lifts|imposes|sacks|fires|names|appoints|elects|concedes)\b")
_REL_CLAUSE = re.compile(r"\b(?:who|which|whose|since|when)\b[^,;]*\Z|,\s*\Z", re.I)
_PAST_VERB = re.compile(r"\b(?:[a-z]{3,}ed|won|lost|fell|died|took|became|beat|struck|shot|hit|swept|began)\b")
_HYPOTHETICAL = re.compile(r"\b(?:if|whether|unless)\s+(?:[\w'’.-]+\s+){0,4}\Z", re.I)
_DEMANDED = re.compile(r"\b(?:call(?:s|ed|ing)?|push(?:es|ed|ing)?|press(?:es|ed|ing)?|appeal(?:s|ed|ing)?|"
                       r"march(?:es|ed|ing)?|hop(?:e|es|ed|ing)|pray(?:s|ed|ing)?|campaign(?:s|ed|ing)?|"
                       r"lobb(?:y|ies|ied|ying)|plea|demonstrat(?:e|ed|ing))\s+for\s+(?:an?\s+|the\s+)?"
                       r"(?:[\w'’-]+\s+){0,2}\Z|\b(?:demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)|seek(?:s|ing)?|sought)\s+"
                       r"(?:an?\s+|the\s+)(?:[\w'’-]+\s+){0,2}\Z", re.I)
_CLAUSE_MARK = re.compile(r"[,;:()\[\]\"“”]")
# A modal or forecasting frame in the event's clause: the event is expected, feared or supposed, not (yet) news.
# Case-sensitive where a word is also a name ("May"); "will" etc. look ahead, the rest are hypothetical.
_EV_FUTURE = re.compile(r"\b(?:[Ww]ill|[Ss]hall|won['’]t|\w+['’]ll|(?:set|poised|due|about|going|expected|likely|"
                        r"slated|scheduled|plans?|planning|aims?|seeks?|vows?|hopes?|wants?|intends?)\s+to|"
                        r"(?:is|are)\s+to|(?:steps?|moves?|moving|path|road)\s+(?:towards?|to))\b")
_EV_MAYBE = re.compile(r"\b(?:[Cc]ould|[Mm]ight|may|[Ww]ould|[Ii]f|[Uu]nless|[Ww]hether|[Pp]redict(?:s|ed|ing)?|"
                       r"[Ff]orecasts?|[Ee]xpects?|[Ff]ears?|risk\s+of|threat\s+of|prospect\s+of|possib(?:le|ility)|"
                       r"potential|[Bb]ets?|[Ww]agers?|odds|[Pp]olls?\s+show|(?:bid|motion|moves|move|push|efforts?|attempts?|"
                       r"threat(?:ened|ens)?|aimed|aiming)\s+to|try\s+to|tries\s+to|"
                       r"trying\s+to|[Pp]redictions?|scenario|hypothetical|"
                       r"[Pp]ropos(?:e|es|ed|ing|als?)|[Oo]ffer(?:s|ed|ing)?|[Ss]uggest(?:s|ed|ing)?|"
                       r"call(?:s|ed|ing)?\s+(?:for|on)|calls\s+to|[Dd]emand(?:s|ed|ing)?|[Uu]rg(?:e|es|ed|ing))\b")
# ("proposed extending New START", "called on Johnson to resign": a plan or a demand, not the event)
# a past relation between the frame and the event ("could rise further, the highest since Russia invaded"):
# the event is behind the frame
_EV_PAST_LINK = re.compile(r"\b(?:since|after|following|amid|wake|aftermath|ago|who|which)\b", re.I)
_EV_ANNOUNCED = re.compile(r"\b(?:said|says|announced|announces|told|tells|confirmed|confirms|decided|decides|"
                           r"agreed|agrees|declared|declares|revealed|ordered|orders|pledged|promised|vowed)\b")
_EV_FRAME_BREAK = re.compile(r"[;:()\[\]\"“”«»\n]|,\s+(?:but|and|while|whereas|as)\s|\band\s+that\b")


def _event_frame(text: str, hit: re.Match | _Hit, s_start: int) -> str | None:
    """'future' or 'maybe' when the clause naming an event is a plan, forecast or supposition
    ('Halden predicts victory over Moro', 'could trigger a default', 'will mark the end of X')."""
    lo = max(s_start, hit.start() - 160)
    cut = max((b.end() for b in _EV_FRAME_BREAK.finditer(text, lo, hit.start())), default=lo)
    # a conjunction across clauses ("the debate between X and Y, and that Moscow would work with whoever won"):
    # only a frame before all its words governs it
    inner = [b.end() for b in _EV_FRAME_BREAK.finditer(text, hit.start(), hit.end())]
    if inner:  # "... as German chancellor: Olaf Scholz is due to be sworn in": the last clause's own frame counts
        tail = text[inner[-1]:hit.end()]
        for regex, kind in ((_EV_FUTURE, "future"), (_EV_MAYBE, "maybe")):
            if regex.search(tail):
                return kind
    end = hit.start() if inner else hit.end()
    region = text[cut:end]
    found: tuple[int, str] | None = None
    for regex, kind in ((_EV_FUTURE, "future"), (_EV_MAYBE, "maybe")):
        for m in regex.finditer(region):
            if found is None or m.start() > found[0]:
                found = (m.start(), kind)
    if found is None:
        return None
    if _EV_PAST_LINK.search(region, found[0]):
        return None  # the event hangs on a past relation after the frame
    if (found[1] == "future" or region.startswith(("would", "Would"), found[0])) and \
            _EV_ANNOUNCED.search(region, max(0, found[0] - 45), found[0]):
        return None  # "said on Wednesday it would send tanks": the announcement is the news
    if hit.start() - cut - found[0] > 40:
        return None  # "are due to meet in Geneva on Jan. 10 for talks on X": too far to govern X
    return found[1]



def _read_event(event: Event, text: str, hit: re.Match, mentions: list[Mention],
                zones: _Zones) -> tuple[tuple, Clue] | None:
    """The clue an event mention gives, read from the words around it (same sentence)."""
    said = re.sub(r"\s+", " ", hit.group(0))
    s_start, s_end = zones.sentence(hit.start())
    before = text[max(s_start, hit.start() - 110):hit.start()]
    if _HYPOTHETICAL.search(before) or _DEMANDED.search(before):
        return None  # "if Russia invaded Ukraine", "marched for a ceasefire in Gaza": not (yet) an event

    def last(regex: re.Pattern, within: int) -> re.Match | None:
        """The nearest cue before the name, in the same clause."""
        found = None
        for m in regex.finditer(before):
            if len(before) - m.end() <= within and not _CLAUSE_MARK.search(before, m.end()):
                found = m
        return found

    def ahead_cue() -> re.Match | None:
        """'ahead of X', also inside a conjunction's span ('Nigeria's outlook ahead of February's elections')."""
        found = last(_EV_BEFORE, 40)
        for p in getattr(hit, "starts", ())[1:] if found is None else ():
            cues = [c for c in _EV_BEFORE.finditer(text, max(s_start, p - 40), p)
                    if not c.group("plan") and not c.group(0).lower().startswith("before")]
            if cues and not _CLAUSE_MARK.search(text, cues[-1].end(), p):
                found = cues[-1]
        return found

    if re.search(r"-elect\b", said, re.I):  # "President-elect Donald Trump": a title, held from the win to the oath
        return _event_clue(event, ("elect",), 1.5, _window_shape(lambda f, l: (f, l + timedelta(days=75)), 30),
                           lambda f, l: (f, l + timedelta(days=165)), f"'{said}': after, before the inauguration")
    era = last(_EV_ERA, 60)
    if era:
        return _event_era(event, era, said)
    anniv = last(_EV_ANNIV, 40)
    if anniv:
        n = _count(anniv.group("ord"))
        return _event_clue(event, ("anniversary", n), 2.0, _window_shape(lambda f, l: (
            _shift_years(f, n) - timedelta(days=3), _shift_years(f, n) + timedelta(days=3)), 14),
            lambda f, l: (_shift_years(f, n) - timedelta(days=30), _shift_years(f, n) + timedelta(days=30)),
            f"'{anniv.group(0)} {said}'")
    frame = _event_frame(text, hit, s_start)
    if frame == "maybe" or (frame == "future" and (isinstance(hit, _Hit) or event.kind != "event")):
        return None  # supposed, forecast, or a conjunction whose words may be the plan's: no evidence either way
    in_time = _event_in_time(event, text, hit, said) if event.kind != "era" else None
    if in_time:
        return in_time
    when = _time_after(text, hit, mentions, zones) if event.kind == "event" else None
    if when is not None and (frame == "future" or when.offset == 1 or last(_EV_BEFORE, 40)):
        # "the G20 summit this weekend", "COP30 in Brazil next November", "the summit at the end of next month"
        ahead = _event_when_ahead(event, when, said)
        if ahead:
            return ahead
    if frame == "future":
        day = next((m for m in mentions if m.kind == "weekday" and m.tense != "past" and m.offset == 0
                    and 0 <= m.start - hit.end() <= 30
                    and re.fullmatch(r"\s*,?\s*(?:(?:which|that)\s+)?(?:[a-z]+\s+){0,3}", text[hit.end():m.start])),
                   None)
        if day is not None:  # "the Munich Security Conference, which opens Friday": the days before that day
            return _event_days_ahead(event, day.weekday, f"'{said} {day.text}'")
        return _event_before(event, f"future '{said}': before")
    if frame is None and last(_EV_BEFORE, 40) and not last(_EV_SPAN, 110) and event.kind == "event":
        ahead = last(_EV_BEFORE, 40)
        if not ahead.groupdict().get("plan"):
            return _event_before(event, f"'{ahead.group(0)} {said}': before")  # "ahead of X on Monday" too
    span = last(_EV_SPAN, 110)
    if isinstance(hit, _Hit) and re.search(r"[,;:]", hit.group(0)):
        span = None  # "weeks after OpenAI held a conference, where it unveiled GPT-4": the span is another event's
    if span and not re.search(r"\b(?:for|within)\s+$", before[:span.start()]):  # "for 30 days after": a duration
        return _event_span(event, span, said)
    # "since Croatia three years ago", "the invasion two years ago": the event, that many years back
    ago = next((m for m in mentions if m.kind == "relative" and m.offset <= -2 and
                (m.unit != "year" or m.offset >= -10) and
                0 <= m.start - hit.end() <= 30 and not _CLAUSE_MARK.search(text, hit.end(), m.start) and
                text[m.start:m.end].lower().endswith("ago") and not zones.decoy(m.start)), None)
    if ago is not None and ago.unit in ("day", "week", "month"):
        # "Duterte, who took office less than two weeks ago": the event, that long before
        q = re.search(r"\b(less\s+than|under|nearly|almost|more\s+than|over)\s+\Z", text[hit.end():ago.start], re.I)
        n = -ago.offset * (1.0 if not q else 1.15 if q.group(1).lower() in ("more than", "over") else 0.85)
        return _event_offset(event, 1, n, ago.unit, f"'{said} {text[hit.end():ago.end].strip()}'")
    if ago is not None:
        n = -ago.offset
        return _event_clue(event, ("ago", n), 1.5, _window_shape(lambda f, l: (
            _shift_years(f, n) - timedelta(days=150), _shift_years(l, n) + timedelta(days=150)), 60),
            lambda f, l: (_shift_years(f, n) - timedelta(days=270), _shift_years(l, n) + timedelta(days=270)),
            f"'{said} {ago.text}'")
    # "last month's election": its own time word beats a weekday elsewhere (in a conjunction: before any group)
    named = last(_EV_RECENT, 0) or next(filter(None, (_EV_RECENT.search(text, max(s_start, p - 60), p)
                                                      for p in getattr(hit, "starts", ())[1:])), None)
    if named and re.search(r"week|yesterday|month", named.group(0), re.I):
        return _event_named_when(event, named.group(0), said)
    # a relative day, week, month or year in the same sentence, nearest the mention
    rels = [m for m in mentions if s_start <= m.start < s_end and not zones.decoy(m.start) and (
        (m.kind == "weekday" and m.tense != "future" and m.offset == 0) or
        (m.kind == "relative" and m.unit in ("day", "week", "month", "year") and m.offset in (-1, 0)))]
    if rels:
        def distance(m: Mention) -> int:
            if hit.start() <= m.start < hit.end():
                return 0
            return min(abs(m.start - hit.end()), abs(hit.start() - m.end))
        rel = min(rels, key=distance)
        # "met on Monday in Helsinki", "the summit in Geneva on Wednesday", "Sunday's election": the event's day
        after = text[hit.end():rel.start] if rel.start >= hit.end() else ""
        # a conjunction's span is loose: a weekday inside it need not be the event's day
        strict = (hit.start() <= rel.start < hit.end() and not isinstance(hit, _Hit)) or (
            rel.start >= hit.end() and len(after) <= 45 and not _CLAUSE_MARK.search(after)) or (
            # "the government on Monday revoked the special status": the day, then the deed
            0 <= hit.start() - rel.end <= 2 and not isinstance(hit, _Hit) and _PAST_VERB.match(hit.group(0))) or (
            rel.text.endswith(("'s", "’s")) and 0 <= hit.start() - rel.end <= 12)
        # "spoke by phone last month for the first time since Biden's inauguration": the time word is the other verb's
        linked = rel.end <= hit.start() and _EV_LINK.search(text, rel.end, hit.start())
        if strict or (distance(rel) <= 80 and rel.kind != "weekday" and event.kind != "era" and not linked):
            return _event_relative(event, rel, said)
        if rel.kind == "weekday" and event.kind == "dated" and (
                any(m.kind == "year" and s_start <= m.start < s_end for m in mentions) or
                re.search(r"\btimes\b|\bhad\b" if hit.start() < zones.head_end else r"\b(?:has|have|had)\b|\btimes\b",
                          text[max(s_start, hit.start() - 40):hit.end() + 25], re.I)):
            # "who won the prize in 2014, said on Tuesday", "has raised rates 11 times, analysts said on Monday":
            # the year or the perfect points to another occurrence; the weekday is the saying's (but a lead's
            # "has won the prize, the academy announced on Thursday" is the news)
            return None
        if rel.kind == "weekday" and event.kind != "era" and not ahead_cue():
            # "congratulated him on Wednesday on his victory in the election": that day or the days before
            # (but "decided on Thursday ... ahead of February's elections": the elections are still to come)
            return _event_weekday(event, rel.weekday, f"'{said}' {_q(rel)}", loose=True)
    if event.kind == "dated":
        return None  # a phone call, a meeting: only a day beside it says which one
    wake = last(_EV_RECENT, 0) or last(_EV_WAKE, 50)
    if wake:
        return _event_after(event, ("recent",), 45, 1.5, f"'{wake.group(0)} {said}': soon after")
    after = last(_EV_AFTER, 30)
    if after:
        word = after.group("word").lower()
        if word == "since":
            return _event_after(event, ("since",), None, 1.2, f"'since {said}': after")
        if word == "amid":
            return _event_clue(event, ("amid",), 0.8, _window_shape(lambda f, l: (f, l + timedelta(days=30)), 60),
                               lambda f, l: (f, l + timedelta(days=150)), f"'amid {said}': during")
        if hit.start() < zones.head_end:  # the lead's "after X": the news X set off, days old
            return _event_after(event, ("after", "lead"), 21, 1.0, f"lead '{word} {said}': soon after")
        return _event_after(event, ("after",), 120, 0.6, f"'{word} {said}': after")
    ahead = ahead_cue() or (None if isinstance(hit, _Hit) else _EV_INNER_AHEAD.search(hit.group(0)))
    if ahead and ahead.groupdict().get("plan") and event.kind == "era":
        ahead = None  # "the planned summit in Budapest": an era that began with the plan
    # a conjunction's words may carry the tense of the reporting clause ("said it would send"): no tense reading
    tense = None if ahead or isinstance(hit, _Hit) else _tense(text, hit.start(), hit.end())[0]
    if ahead or (tense == "future" and event.kind == "event"):
        cue = ahead.group(0) if ahead else "ahead"
        return _event_before(event, f"'{cue} {said}': before")
    if event.kind == "era":
        if hit.start() < zones.head_end and _era_begins(text, hit, before, mentions, zones):
            return _event_after(event, ("event", "lead"), 21, 1.0, f"lead '{said}' begins: soon after")
        return _event_after(event, ("era",), None, 1.0, f"mentions {said}: after")
    if hit.start() < zones.lead_end and event.kind == "event" and not _REL_CLAUSE.search(before[-60:]) and \
            not re.search(r",\s*(?:who|which|whose)\b", hit.group(0)) and (
            tense == "past" or (tense is None and (_PAST_VERB.search(text, s_start, hit.end()) or
                                                   _headline(text, s_start, s_end) or
                                                   (hit.start() < zones.head_end and
                                                    _NEWS_PRESENT.search(text, s_start, hit.start()))))):
        # the lead narrating an event in the past tense ("Halden captured the state's electoral votes"): the
        # news; in the paragraphs after the first, a little less surely
        first = hit.start() < zones.head_end
        return _event_after(event, ("event", "lead"), 21, 1.0 if first else 0.7,
                            f"lead '{said}': soon after" if first else f"early '{said}': soon after")
    return _event_after(event, ("event",), 365, 1.0, f"mentions {said}: after", soft=True)


_ERA_BEGINS = re.compile(r"\b(?:launch(?:es|ed)?|beg[iau]ns?|start(?:s|ed)?|invade[sd]?|declare[sd]?|sign(?:s|ed)?|"
                         r"agree[sd]?|str(?:ike|ikes|uck)|ink(?:s|ed)|clinch(?:es|ed)?|"
                         r"erupt(?:s|ed)?|broke\s+out|breaks\s+out)\b(?:\s+(?:a|an|its|their|the|his|her))?"
                         r"(?:\s+[\w-]+){0,2}\s*$", re.I)

# "Grain corridor deal signed in Istanbul", "the accord, agreed on Friday,": the name, then its beginning
_ERA_BEGUN = re.compile(r"(?:\s+[\w-]+){0,2}?,?\s+(?:(?:is|was|were|has\s+been|have\s+been)\s+)?"
                        r"(?:formally\s+|officially\s+|finally\s+)?(?:signed|sealed|inked|agreed|reached|struck|"
                        r"clinched|launched|declared|begins|began|starts|started|takes\s+effect|took\s+effect|"
                        r"comes\s+into\s+force|came\s+into\s+force|enters\s+into\s+force|entered\s+into\s+force)\b",
                        re.I)


def _headline(text: str, start: int, end: int, longest: int = 16) -> bool:
    """A line of a few words without a full stop: a headline, whose present tense tells the news."""
    line = text[start:end].strip()
    return "\n" not in line and not line.endswith((".", "?", "!", ":")) and 3 <= len(line.split()) <= longest


def _era_begins(text: str, hit: re.Match | _Hit, before: str, mentions: list[Mention], zones: _Zones) -> bool:
    """'Russia launched a full-scale invasion of Ukraine on Thursday': the lead tells the era's first day.

    Not when a year or month in the sentence dates the beginning to an earlier time, nor in a relative clause.
    """
    s, e = zones.sentence(hit.start())
    if _REL_CLAUSE.search(before[-60:]) or not (_ERA_BEGINS.search(before[-60:]) or
                                                _ERA_BEGUN.match(text, hit.end(), min(e, hit.end() + 60))):
        return False
    return not any(s <= m.start < e and m.kind in ("year", "month", "date", "season") and not zones.decoy(m.start)
                   for m in mentions)


def _event_named_when(event: Event, cue_words: str, said: str) -> tuple[tuple, Clue]:
    """'last week's summit', 'yesterday's vote', 'last month's election'."""
    lowered = cue_words.lower().replace("’", "'")
    cue = f"'{cue_words} {said}'"
    if "last week" in lowered:
        return _event_weeks(event, 1, cue)
    if "this week" in lowered:
        return _event_weeks(event, 0, cue)
    if "yesterday" in lowered:
        return _event_days(event, 1, 1, cue)
    return _event_months(event, 1, cue)


def _count(word: str) -> int:
    word = word.lower()
    return _ORDINALS.get(word) or int(re.match(r"\d+", word).group(0))


def _shift_years(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:
        return d.replace(year=d.year + n, day=28)


def _o(d: date) -> int:
    return d.toordinal()


def _event_after(event: Event, key: tuple, fresh: int | None, weight: float, why: str,
                 soft: bool = False) -> tuple[tuple, Clue]:
    """After the event; if ``fresh``, mostly within that many days of it."""

    def shape(first: date, last: date, days: _Days) -> np.ndarray:
        if fresh is None:  # an era: any time after it began, the first years a little likelier (no tie to today)
            return np.where(days.ord < _o(first), -1.0, _interp(days.ord - _o(first), [0, 365, 1500], [0.3, 0.2, 0.0]))
        k = days.ord - _o(last)
        if soft and last > first:  # a plain mention of a conference or Games: previews name it too
            before = _interp(_o(first) - days.ord, [1, 120, 365], [0.0, -0.3, -0.8])
            return np.where(days.ord < _o(first), before, _interp(k, [0, 60, 365, 1500], [0.6, 0.5, 0.25, 0.0]))
        if soft:  # a plain mention: recent events are named more often than old ones
            near = _interp(k, [0, 60, 365, 1500], [0.6, 0.5, 0.25, 0.0])
        elif key[-1] == "lead":  # the lead's own news: reported that day or the next, seldom a week on
            near = _interp(k, [0, 1, 3, 7, fresh, 3 * fresh], [1.0, 1.0, 0.8, 0.6, 0.3, 0.0])
        else:
            near = _interp(k, [0, fresh / 3, fresh, 3 * fresh], [1.0, 1.0, 0.4, 0.0])
        return np.where(days.ord < _o(first), -1.0, near)

    return _event_clue(event, key, weight, shape, lambda f, l: (f, _today()), why)


def _event_before(event: Event, why: str) -> tuple[tuple, Clue]:
    def shape(first: date, last: date, days: _Days) -> np.ndarray:
        return _interp(_o(first) - days.ord, [-1, 0, 1, 30, 90, 365], [-1.0, 0.3, 1.0, 1.0, 0.4, 0.0])

    return _event_clue(event, ("before",), 1.2, shape, lambda f, l: (f - timedelta(days=730), f), why)


def _window_shape(bounds: Callable[[date, date], tuple[date, date]], tol: int) -> _Shape:
    """1 inside the window, falling off outside it; never before the event."""

    def shape(first: date, last: date, days: _Days) -> np.ndarray:
        lo, hi = bounds(first, last)
        outside = np.maximum(_o(lo) - days.ord, days.ord - _o(hi))
        return np.where(days.ord < _o(first), -1.0, _interp(outside, [0, tol, 2 * tol], [1.0, 0.3, -0.5]))

    return shape


def _event_era(event: Event, era: re.Match, said: str) -> tuple[tuple, Clue]:
    """'the third year of the war', 'two years into the pandemic'."""
    if era.group("ord") and era.group("ounit").lower() == "year":
        n = _count(era.group("ord"))

        def bounds(f: date, l: date) -> tuple[date, date]:
            return _shift_years(f, n - 1), _shift_years(f, n) - timedelta(days=1)
        tol = 20
    elif era.group("ord") or era.group("dn"):  # "the second day of the assault", "day 100 of the war"
        n = _count(era.group("ord")) if era.group("ord") else int(era.group("dn"))
        unit = 1 if era.group("dn") else {"day": 1, "week": 7, "month": 30}[era.group("ounit").lower()]

        def bounds(f: date, l: date) -> tuple[date, date]:
            return f + timedelta(days=unit * (n - 1)), f + timedelta(days=unit * n - 1)
        tol = max(1, unit // 3)
    else:
        n = _count(era.group("n"))
        months = n * (12 if era.group("unit").lower().startswith("year") else 1)

        def bounds(f: date, l: date) -> tuple[date, date]:
            mid = f + timedelta(days=round(months * 30.44))
            return mid - timedelta(days=45), mid + timedelta(days=180 if months >= 12 else 30)
        tol = 30

    def reach(f: date, l: date) -> tuple[date, date]:
        lo, hi = bounds(f, l)
        return lo - timedelta(days=2 * tol), hi + timedelta(days=2 * tol)

    def why_bounds() -> str:
        lo, hi = bounds(*event.when[-1])
        return f"'{era.group(0)} {said}': between {lo} and {hi}"

    return _event_clue(event, ("era", era.group(0).lower()), 2.0, _window_shape(bounds, tol), reach, why_bounds())


def _event_span(event: Event, span: re.Match, said: str) -> tuple[tuple, Clue]:
    """'a month after X', 'days after X', 'a day after X', 'two weeks before X'."""
    sign = -1 if span.group("dir").lower().startswith(("before", "ahead")) else 1
    if span.group("one"):
        n, unit = 1.0, "day"
    elif span.group("units"):
        n, unit = None, span.group("units").lower()[:-1]
    else:
        word = re.sub(r"\s+", " ", span.group("n").lower())
        n, unit = float(_N_WORDS.get(word) or int(word)), span.group("unit").lower()
        q = re.sub(r"\s+", " ", (span.group("q") or "").lower())
        n *= 1.15 if q in ("more than", "just over", "over") else 0.85 if q else 1.0  # "just over a month"
    return _event_offset(event, sign, n, unit, f"'{span.group(0)} {said}'")


# "the midterm elections in two weeks", "New START, less than eight months away": the event lies that far ahead
_EV_IN_TIME = re.compile(rf"\s*,?\s*(?:(?:due|set|scheduled|expected)\s+)?(?:(?:in|within)\s+)?(?P<q>(?:less|fewer)\s+"
                         rf"than\s+|under\s+|about\s+|just\s+over\s+|just\s+|only\s+|barely\s+)?{_N}[\s-]+"
                         rf"(?P<unit>day|week|month)s?(?P<tail>['’]\s*time|\s+away|\s+from\s+now)?\b", re.I)


def _event_in_time(event: Event, text: str, hit: re.Match | _Hit, said: str) -> tuple[tuple, Clue] | None:
    m = _EV_IN_TIME.match(text, hit.end())
    if not m or not (m.group("tail") or re.match(r"\s*,?\s*(?:(?:due|set|scheduled|expected)\s+)?(?:in|within)\b",
                                                 m.group(0), re.I)):
        return None
    word = re.sub(r"\s+", " ", m.group("n").lower())
    n = float(_N_WORDS.get(word) or int(word))
    if (m.group("q") or "").strip().lower() in ("less than", "fewer than", "under", "barely"):
        n -= 0.5
    return _event_offset(event, -1, n, m.group("unit").lower(), f"'{said}{m.group(0)}': before")


def _event_offset(event: Event, sign: int, n: float | None, unit: str, why: str) -> tuple[tuple, Clue]:
    """That far after (``sign`` 1) or before (-1) the event."""
    dist, tol = _span_window(n, unit)
    tol = max(tol, 1.0)

    def target(first: date, last: date) -> float:
        return (_o(last) if sign > 0 else _o(first)) + sign * dist

    def shape(first: date, last: date, days: _Days) -> np.ndarray:
        return _interp(np.abs(days.ord - target(first, last)), [0, tol, 3 * tol], [1.0, 0.4, -0.6])

    def reach(first: date, last: date) -> tuple[date, date]:
        t = target(first, last)
        return _day(round(t - 3 * tol)), _day(round(t + 3 * tol))

    return _event_clue(event, ("span", sign, n, unit), 2.0, shape, reach, why)


def _event_relative(event: Event, rel: Mention, said: str) -> tuple[tuple, Clue]:
    cue = f"'{said}' {_q(rel)}"
    if rel.kind == "weekday":
        return _event_weekday(event, rel.weekday, cue)
    if rel.unit == "day":
        return _event_days(event, -rel.offset, -rel.offset, cue)
    if rel.unit == "week":
        if rel.tense == "future" and rel.offset in (0, 1):  # "the Munich conference later this week"
            return _event_week_ahead(event, rel.offset, cue)
        return _event_weeks(event, -rel.offset, cue)
    if rel.unit == "month":
        return _event_months(event, -rel.offset, cue)
    return _event_years(event, -rel.offset, cue)


def _pinned(ok: np.ndarray, first: date, days: _Days) -> np.ndarray:
    return np.where(ok, 1.0, np.where(days.ord < _o(first), -1.0, -0.5))


def _event_weekday(event: Event, weekday: int, cue: str, loose: bool = False) -> tuple[tuple, Clue]:
    """'met on Monday in Helsinki': the event's day is that weekday, in the past week.

    Loose ('congratulated him on Wednesday on his victory'): the weekday is of the sentence, and the
    event lies on it or in the days before it.
    """

    def shape(first: date, last: date, days: _Days) -> np.ndarray:
        said = days.ord - (days.wd - weekday) % 7  # the weekday's day, in the week up to each candidate
        if loose:
            on = (said - _o(last) <= 0) & (said - _o(first) >= 0)
            before = (said - _o(last) >= 0) & (said - _o(first) <= 6)
            return np.where(on, 1.0, np.where(before, 0.5, np.where(days.ord < _o(first), -1.0, -0.5)))
        else:
            ok = np.zeros(len(days), dtype=bool)
            for k in range((last - first).days + 1):
                h = first + timedelta(days=k)
                if h.weekday() == weekday:
                    ok |= said == _o(h)
        return _pinned(ok, first, days)

    return _event_clue(event, ("weekday", weekday, loose), 1.5 if loose else 2.0, shape,
                       lambda f, l: (f, l + timedelta(days=14)), cue)


def _event_days(event: Event, lo: int, hi: int, cue: str) -> tuple[tuple, Clue]:
    def shape(first: date, last: date, days: _Days) -> np.ndarray:
        # some day of the event lies lo to hi days back ('yesterday' at a week-long assembly: any of its days)
        return _pinned((days.ord - _o(first) >= lo) & (days.ord - _o(last) <= hi), first, days)

    return _event_clue(event, ("days", lo, hi), 2.0, shape, lambda f, l: (f, l + timedelta(days=hi + 1)), cue)


def _event_weeks(event: Event, back: int, cue: str) -> tuple[tuple, Clue]:
    """'X last week' (back=1), 'X this week' (back=0): counted in calendar weeks."""

    def shape(first: date, last: date, days: _Days) -> np.ndarray:
        w = _week(days.ord)
        ok = (w - (_o(last) - 1) // 7 <= back) & (w - (_o(first) - 1) // 7 >= back) & (days.ord >= _o(first))
        return _pinned(ok, first, days)

    return _event_clue(event, ("weeks", back), 2.0, shape, lambda f, l: (f, l + timedelta(days=7 * back + 7)), cue)


def _time_after(text: str, hit: re.Match | _Hit, mentions: list[Mention], zones: _Zones) -> Mention | None:
    """The time word right after an event's name, in its clause: 'the summit this weekend', 'COP30 next November'."""
    return min((m for m in mentions if 0 <= m.start - hit.end() <= 45 and not zones.decoy(m.start)
                and not _CLAUSE_MARK.search(text, hit.end(), m.start)), key=lambda m: m.start, default=None)


def _event_when_ahead(event: Event, m: Mention, said: str) -> tuple[tuple, Clue] | None:
    """An event still to come with its own time word: this or next week (weekend), this or next month, next May."""
    cue = f"'{said} {m.text}'"
    if m.kind == "relative" and m.unit in ("week", "weekend") and m.offset in (0, 1):
        return _event_week_ahead(event, m.offset, cue)
    if m.kind == "relative" and m.unit == "month" and m.offset in (0, 1):
        return _event_month_ahead(event, m.offset, None, cue)
    if m.kind == "month" and m.pre == "next" and m.year is None:
        return _event_month_ahead(event, None, m.month, cue)
    return None


def _event_month_ahead(event: Event, ahead: int | None, month: int | None, cue: str) -> tuple[tuple, Clue]:
    """'X this month' (ahead 0), 'X next month' (1) or 'X next November' (the month named, within a year)."""

    def shape(first: date, last: date, days: _Days) -> np.ndarray:
        gap = first.year * 12 + first.month - (days.year * 12 + days.month)
        ok = (gap == ahead) if month is None else ((first.month == month) & (gap >= 1) & (gap <= 12))
        return np.where(ok & (days.ord <= _o(first)), 1.0, np.where(days.ord > _o(first), -1.0, -0.5))

    reach = 31 * (ahead + 1) if month is None else 366
    return _event_clue(event, ("months ahead", ahead, month), 1.5, shape,
                       lambda f, l: (f - timedelta(days=reach), f), f"{cue}: before, that month ahead")


def _event_week_ahead(event: Event, ahead: int, cue: str) -> tuple[tuple, Clue]:
    """'X this week' (ahead=0) or 'X next week' (ahead=1) of an event still to come."""

    def shape(first: date, last: date, days: _Days) -> np.ndarray:
        ok = ((_o(first) - 1) // 7 - _week(days.ord) == ahead) & (days.ord <= _o(first))
        return _pinned(ok, first, days)

    return _event_clue(event, ("weeks ahead", ahead), 2.0, shape,
                       lambda f, l: (f - timedelta(days=7 * ahead + 7), f), f"{cue}: before, in that week")


def _event_days_ahead(event: Event, weekday: int, cue: str) -> tuple[tuple, Clue]:
    """An event still to come on a weekday named beside it: published in the six days before it."""

    def shape(first: date, last: date, days: _Days) -> np.ndarray:
        gap = _o(first) - days.ord
        ok = (gap >= 1) & (gap <= 6) & (first.weekday() == weekday)
        return np.where(ok, 1.0, np.where(gap < 0, -1.0, -0.5))

    return _event_clue(event, ("days ahead", weekday), 2.0, shape,
                       lambda f, l: (f - timedelta(days=7), f), f"{cue}: in the days before it")


def _event_months(event: Event, back: int, cue: str) -> tuple[tuple, Clue]:
    def shape(first: date, last: date, days: _Days) -> np.ndarray:
        ok = (days.year * 12 + days.month - 1 - (first.year * 12 + first.month - 1) == back) & (days.ord >= _o(first))
        return _pinned(ok, first, days)

    return _event_clue(event, ("months", back), 1.5, shape, lambda f, l: (f, l + timedelta(days=31 * back + 31)), cue)


def _event_years(event: Event, back: int, cue: str) -> tuple[tuple, Clue]:
    def shape(first: date, last: date, days: _Days) -> np.ndarray:
        return _pinned((days.year - first.year == back) & (days.ord >= _o(first)), first, days)

    return _event_clue(event, ("years", back), 1.5, shape, lambda f, l: (f, date(f.year + back, 12, 31)), cue)


# --- finding clues in text ----------------------------------------------------------------------

_BOUNDING = ("since", "until", "till", "by", "from", "through")
_RESULTS = re.compile(r"\b(?:profits?|loss(?:es)?|results|revenues?|earnings|turnover|sales|dividends?|income|output|"
                      r"figures|growth|deficit|surplus|GDP|inflation|exports|imports)\b[^.;:\n]{0,40}\Z", re.I)
_YEARS_AFTER = re.compile(r"\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                          r"thirteen|fourteen|fifteen|twenty)[\s-]+years?\s+(?P<rel>after|since|ago|later|on\s+from)\b",
                          re.I)
# "ending 61 years of one-party rule since independence in 1957": the span runs from that year to now
_YEARS_OF_SINCE = re.compile(r"\b(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                             r"thirteen|fourteen|fifteen|twenty)\s+years\s+of\s[^.;:\n]{0,90}?\bsince\b", re.I)
_YEAR_WAIT = re.compile(r"\b(?P<n>\d{1,2})-year\s+(?:wait|gap|absence|hiatus|break|drought|run)\b", re.I)
_NUMBER = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20}


def _lead_mention(mentions: list[Mention], zones: _Zones, dateline: Mention | None) -> Mention | None:
    """The first day the lead names for its event: 'said on Tuesday', 'on Sunday, January 24'.

    A weekday names the news day (AP style); a plain date ('on May 14') only when the lead has no weekday.
    """
    candidates = [m for m in mentions if m.start < zones.lead_end and _lead_like(m, zones, dateline)]
    # "announced his decision this evening ... images taken on 6 May", "sacked this morning ... the article
    # on Wednesday evening": the lead's day is today (or yesterday); a day named after it is an older event's
    today = next((m.start for m in mentions if m.start < zones.lead_end and m.kind == "relative" and m.unit == "day"
                  and m.offset in (0, -1) and not zones.decoy(m.start) and not zones.quoted(m.start)), None)
    if today is not None:
        candidates = [m for m in candidates if m.start < today]
    with_weekday = [m for m in candidates if m.weekday is not None]
    # "won Saturday's election" in the past tense: the news day when the lead names no other
    owned = [m for m in mentions if m.start < zones.lead_end and m.kind == "weekday" and m.tense == "past"
             and m.text.endswith(("'s", "’s")) and m.unit != "explicit" and not zones.decoy(m.start)
             and not zones.photo(m.start)]
    return (with_weekday or owned or candidates or [None])[0]


_NTH_DAY = re.compile(rf"\b(?:entered|entering|enters|into|in)\s+(?:its|their|the|a)\s+{_ORD}\s+"
                      r"(?:straight\s+|consecutive\s+|full\s+)?day\b", re.I)


def _nth_day(text: str, lead: Mention, zones: _Zones) -> tuple[int, str] | None:
    """'the hunt entered its third day ... vanished on Saturday': the lead's weekday is the first day.

    Not when the weekday is the n-th day itself ('protests entered their third day on Monday').
    """
    s, e = zones.sentence(lead.start)
    for hit in _NTH_DAY.finditer(text, s, e):
        if not (0 <= lead.start - hit.end() <= 25) and not zones.quoted(hit.start()):
            n = _count(hit.group("ord"))
            if 2 <= n <= 10:
                return n, re.sub(r"\s+", " ", hit.group(0))
    return None


def _print_style(mentions: list[Mention], zones: _Zones) -> Mention | None:
    """'said yesterday' in the story's own words: a print edition, where the day before is 'yesterday'
    and a weekday named is two or more days back."""
    return next((m for m in mentions if m.kind == "relative" and m.unit == "day" and m.offset == -1
                 and m.text.lower() == "yesterday" and not zones.decoy(m.start) and not zones.photo(m.start)), None)


def _lead_like(m: Mention, zones: _Zones, dateline: Mention | None) -> bool:
    """A mention that can name the lead's day: past or tenseless, not a span, not a name, not a quote."""
    if m is dateline or zones.decoy(m.start) or zones.photo(m.start):
        return False
    if m.kind not in ("weekday", "date") or m.tense == "future" or m.anterior:
        return False
    if (m.pre or "") in _BOUNDING or m.text[:4].lower() == "the " or m.unit == "explicit" or \
            m.text.endswith(("'s", "’s")):
        return False  # "since Monday", "the March 3 vote", "last Friday", "Sunday's election": not the lead's day
    s, e = zones.sentence(m.start)
    if _headline(zones.text, s, e, longest=25) and _HEADLINE_PLAN.search(zones.text, max(s, m.start - 30), m.start):
        return False  # a headline's "DGMOs to talk again on Monday": a plan, not the news's day
    # 'March 3' without 'on': an older event named by its date
    return not (m.kind == "date" and m.year is None and m.weekday is None and m.pre != "on")


_HEADLINE_PLAN = re.compile(r"\bto\s+[a-z]+(?:\s+again)?\s+\Z")


def _clues(text: str, mentions: list[Mention], zones: _Zones, dateline: Mention | None) -> list[Clue]:
    clues: list[Clue] = []
    events, event_years = _event_clues(text, mentions, zones)
    if event_years:  # 'returned to the White House on Jan. 20': that Jan. 20 is the event's
        mentions = [replace(m, year=event_years[m.start]) if m.start in event_years and m is not dateline else m
                    for m in mentions]
    lead = _lead_mention(mentions, zones, dateline)
    if lead is not None:
        nth = _nth_day(text, lead, zones) if lead.kind == "weekday" and lead.tense == "past" else None
        clues.append(_lead_clue(lead, _print_style(mentions, zones), nth))
    recent: list[Mention] = []
    agreements: set[tuple[int, int, int]] = set()
    weekdays: dict[tuple[int, bool], Mention] = {}
    year_marks: dict[tuple[int, str], list[Mention]] = {}
    holidays: dict[tuple[str, str | None], Mention] = {}
    latest_past: tuple[int, Mention] | None = None
    months: set[tuple[int, str | None, str]] = set()
    ahead: set[tuple[int | None, int | None]] = set()
    for m in mentions:
        if zones.teaser(m.start) or m is dateline:
            continue
        if zones.photo(m.start):
            if m.year and m.kind in ("date", "month"):
                first = m.day_in(m.year) if m.kind == "date" else date(m.year, m.month, 1)
                if first:
                    clues.append(_bound_clue("photo", 0.5, first, None, f"photo taken {first.isoformat()}: "
                                                                         "published after it"))
            continue
        quoted = zones.quoted(m.start)
        if m.kind == "date" and not quoted:
            if m.weekday is not None and m.year is None and (m.month, m.day, m.weekday) not in agreements:
                weight = 2.0 if not agreements else 1.5
                agreements.add((m.month, m.day, m.weekday))
                if len(agreements) <= 3:
                    clues.append(_agreement_clue(m, weight, lead=m is lead))
            if m is not lead and m.tense == "future" and not m.anterior:
                if (m.month, m.day) not in ahead:  # the headline's "October 14" and the body's are one date
                    clues.append(_ahead_clue(m, 1.0 if not ahead else 0.7))
                    ahead.add((m.month, m.day))
            elif m is not lead and (m.pre or "") not in _BOUNDING and not (
                    m.anterior and m.weekday is None and
                    _PLANNED.search(text, max(zones.sentence(m.start)[0], m.start - 80), m.start)):
                # not "had planned a parade on May 9": that day may still lie ahead ("had been expected on
                # Thursday, July 2" with its weekday is a day of the last week or two)
                recent.append(m)
            span = _SPAN_BEFORE_DATE.search(text, max(zones.sentence(m.start)[0], m.start - 80), m.start + 1)
            if span and span.end() >= m.start - 45:
                _add_span(clues, m, span)
        if m.kind == "date" and m.year:
            day = m.day_in(m.year)
            if day and m.tense == "future" and not m.anterior:
                year_marks.setdefault((m.year, "ahead"), []).append(m)
            elif day:
                weight = 1.0 if m.tense == "past" else 0.3
                if not quoted or m.tense == "past":
                    clues.append(_bound_clue("date", weight * (0.5 if quoted else 1.0), day, None,
                                             f"{_q(m)} lies behind"))
                if not quoted and m.tense == "past" and (latest_past is None or m.year > latest_past[0]):
                    latest_past = (m.year, m)
        elif m.kind == "weekday" and m is not lead and not quoted and (m.pre or "") not in _BOUNDING:
            weekdays.setdefault((m.weekday, m.tense == "future"), m)
        elif m.kind in ("year", "month", "season") and m.year:
            cls = _year_class(text, m, quoted)
            if cls:
                year_marks.setdefault((m.end_year or m.year, cls), []).append(m)
                if cls in ("past", "in") and not quoted and not _open_span(m) and (
                        latest_past is None or m.year > latest_past[0]):
                    latest_past = (m.end_year or m.year, m)  # not "since 2013": an open span, often long
        elif m.kind == "month" and m.year is None and m.year_offset is None and not quoted:
            if (m.month, m.tense, "month") not in months:  # "in October" said twice is one clue
                months.add((m.month, m.tense, "month"))
                clues.append(_month_clue(m))
        elif m.kind == "holiday" and not quoted:
            holidays.setdefault((m.holiday, m.tense), m)
    if recent:
        clues.append(_recent_clue(recent))
    yearless = [m for m in recent + ([lead] if lead is not None and lead.kind == "date" else [])
                if m.year is None and m.tense != "future"]  # the future ones are ahead clues
    if yearless:
        clues.append(_stale_clue(yearless))
    for m in list(weekdays.values())[:3]:
        clues.append(_weekday_clue(m))
    clues += _year_clues(year_marks)
    if latest_past:
        year, m = latest_past
        same = [o for o in mentions if o.year and (o.end_year or o.year) == year and o.tense == "past" or o is m]
        weight, use = max((_year_use(text, o, mentions, zones) for o in same if not zones.decoy(o.start)),
                          default=(1.0, ""))
        clues.append(_year_recent_clue(year, m, weight, use))
    clues += [_holiday_clue(m) for m in holidays.values()]
    clues += _relative_anchor_clues(mentions, zones)
    clues += _relative_day_clues(mentions, zones, dateline)
    clues += _years_after_clues(text, mentions, zones)
    clues += _office_clues(text, zones, mentions)
    clues += _tenure_clues(text, zones)
    clues += _age_clues(text, zones)
    clues += events
    if dateline:
        clues.append(_dateline_clue(dateline))
    return clues


def _add_span(clues: list[Clue], m: Mention, span: re.Match) -> None:
    sign = -1 if span.group("dir").lower().startswith(("before", "ahead")) else 1
    if span.group("units"):
        n, unit = None, span.group("units").lower()[:-1]
    else:
        word = re.sub(r"\s+", " ", span.group("n").lower())
        n, unit = float(_N_WORDS.get(word) or int(word)), span.group("unit").lower()
    if unit == "year":
        return
    clues.append(_span_clue(m, n, unit, sign, re.sub(r"\s+", " ", f"{span.group(0)} {m.text}")))


def _attributive(m: Mention) -> bool:
    """'the 2016 election', 'its 2015 level': a year naming a thing, not a time."""
    return m.text.split(" ", 1)[0].lower() in ("the", "its", "their", "his", "her")


def _open_span(m: Mention) -> bool:
    """'since 2016', 'from 2014': an open span of years, often long."""
    return m.pre == "since" or (m.pre == "from" and not _attributive(m))


def _year_class(text: str, m: Mention, quoted: bool) -> str | None:
    """How a year (or a month or season of a year) bounds the date: past, in, ahead, deadline, near, results."""
    pre = m.pre or ""
    if m.end_year:
        return "season" if not quoted else None
    if pre == "for" and m.kind == "year" and _RESULTS.search(text, max(0, m.start - 60), m.start):
        return "results"
    role = _event_year_role(text, m) if not quoted else None
    if role:
        return role
    if m.tense == "future":
        return "deadline" if (m.scheduled or pre in ("until", "till", "by", "through")) else "ahead"
    if pre == "since" or (pre in ("after", "from") and not _attributive(m)) or m.tense == "past":
        return "past"
    if quoted:
        return None
    if pre in ("in", "during", "of", "around", "early", "late", "mid", "after", "from") or m.kind in ("month", "season"):
        return "in"
    return "near"


# A year naming a thing ("the 2024 Summer Olympics") looks ahead or back by the words before it.
_EVENT_AHEAD = re.compile(r"\b(?:ahead\s+of|before|in\s+time\s+for|(?:run|lead|build)-up\s+to|on\s+the\s+eve\s+of|"
                          r"preparations?\s+for|prepar(?:e|es|ing)\s+for|countdown\s+to|host|hosts|hosting|stage|"
                          r"upcoming|forthcoming|next|coming|bids?\s+for|qualif(?:y|ies|ying|iers?)\s+for|"
                          r"tickets\s+for|will|shall|due\s+to|set\s+to)\b", re.I)
_EVENT_PAST = re.compile(r"\b(?:after|since|following|(?:wake|aftermath)\s+of|won|lost|hosted|staged|"
                         r"rematch\s+of|repeat\s+of|winners?\s+of|champions?\s+of|last|previous|former|"
                         r"was|were|had)\b", re.I)
_EVENT_CLAUSE = re.compile(r"[.;:!?()\n\"“”«»]")
_EVENT_BEFORE = re.compile(r"ahead|before|in\s+time|run|lead|build|on\s+the\s+eve", re.I)
_EVENT_NARRATED = re.compile(r"\b(?:was|were|had|did|went|came|held|took|made|began|opened)\b", re.I)


def _event_year_role(text: str, m: Mention) -> str | None:
    """'ahead of the 2024 Olympics' -> 'event-ahead'; 'after the 2016 election' -> 'event-past'; else None.

    Only a year that names a thing ('the 2024 Summer Olympics', not a bare 'the 2024'): the nearest
    cue before it in its clause, at most a few words back, decides.
    """
    if m.kind != "year" or m.end_year or not _attributive(m) or len(m.text.split()) < 3:
        return None
    lo = max(0, m.start - 60)
    cut = max((b.end() for b in _EVENT_CLAUSE.finditer(text, lo, m.start)), default=lo)
    best: tuple[int, int, str] | None = None
    for regex, role in ((_EVENT_AHEAD, "event-ahead"), (_EVENT_PAST, "event-past")):
        for hit in regex.finditer(text, cut, m.start):
            if best is None or hit.end() > best[1]:
                best = (hit.start(), hit.end(), role)
    if best is None:
        return None
    if best[2] == "event-ahead" and _EVENT_BEFORE.match(text, best[0]) and _EVENT_NARRATED.search(text, cut, best[0]):
        return None  # 'the stadium was finished before the 2022 World Cup': that Cup may lie behind too
    return best[2]


def _year_clues(marks: dict[tuple[int, str], list[Mention]]) -> list[Clue]:
    out = []
    past_years = sorted(y for y, cls in marks if cls in ("past", "in"))
    for (year, cls), group in marks.items():
        m = group[0]
        if cls in ("past", "in"):
            if cls == "in" and (year, "past") in marks:
                continue
            lo = date(year, m.month or 1, 1) if m.kind == "month" else date(year, 1, 1)
            weight = 1.5 if cls == "past" else 0.6
            when = "after " + (f"{lo:%B %Y} began" if m.kind == "month" else f"{year} began")
            out.append(_bound_clue("year", weight, lo, None, f"{_q(m)} lies behind: {when}"))
            if m.pre == "since" and m.kind == "year":  # "the first since 2013": rarely written in 2013 itself
                out.append(_bound_clue("year", 0.4, date(year + 1, 1, 1), None, f"{_q(m)}: a span of years"))
        elif cls in ("ahead", "deadline"):
            hi = date(year, m.month, 1) + timedelta(days=31) if m.kind == "month" else date(year, 12, 31)
            if m.kind == "date" and m.day_in(year):
                hi = m.day_in(year)
            out.append(_bound_clue("year", 1.2 if cls == "ahead" else 0.8, None, hi,
                                   f"{_q(m)} lies ahead: before {hi.isoformat() if m.kind == 'date' else year}"))
            if cls == "ahead" and m.kind != "date":
                out.append(_plan_year_clue(year, m))
        elif cls == "event-ahead":  # 'ahead of the 2024 Olympics': before that year ends, often years before
            out.append(_bound_clue("year", 1.2, None, date(year, 12, 31), f"{_q(m)} lies ahead: before {year} ends"))
            out.append(_event_ahead_clue(year, m))
        elif cls == "event-past":  # 'after the 2016 election': that year has begun
            out.append(_bound_clue("year", 1.0, date(year, 1, 1), None, f"{_q(m)} lies behind: after {year} began"))
        elif cls == "results":
            out.append(_results_clue(year, m))
        elif cls == "season":
            out.append(_season_span_clue(m))
        elif cls == "near" and not any(y >= year for y in past_years):
            out.append(_near_year_clue(year, m, len(group)))
    return out


def _relative_day_clues(mentions: list[Mention], zones: _Zones, dateline: Mention | None) -> list[Clue]:
    """'yesterday (Tuesday 15 March)', 'today, March 5': a relative day beside a date fixes the day."""
    out = []
    dated = [m for m in mentions if m.kind == "date" and m is not dateline and not zones.decoy(m.start)
             and not zones.photo(m.start)]
    for rel in mentions:
        if rel.kind != "relative" or rel.unit != "day" or zones.decoy(rel.start):
            continue
        near = [m for m in dated if zones.sentence(m.start) == zones.sentence(rel.start)
                and (0 <= m.start - rel.end <= 4 or 0 <= rel.start - m.end <= 4)]
        if len(near) == 1:
            out.append(_relative_day_clue(rel, near[0]))
    return out[:2]


def _years_after_clues(text: str, mentions: list[Mention], zones: _Zones) -> list[Clue]:
    """'nine years after the clashes of 2016', 'a 21-year wait' beside 'since 1998'."""
    out: dict[int, Clue] = {}
    years = [m for m in mentions if m.kind == "year" and m.end_year is None and m.tense != "future"
             and not zones.teaser(m.start) and not zones.photo(m.start)]
    for m in years:
        s, e = zones.sentence(m.start)
        for hit in _YEARS_AFTER.finditer(text, s, e):
            if abs(hit.start() - m.start) > 90:
                continue
            if hit.group("rel").lower() == "later" and not re.search(r"(?:^|[,;:]|\bnow,?)\s*\Z", text[s:hit.start()],
                                                                      re.I):
                continue  # "a coup in 2002 and a recall referendum two years later": the story's past, not now
            word = hit.group("n").lower()
            n = _NUMBER.get(word) or int(word)
            phrase = re.sub(r"\s+", " ", text[min(hit.start(), m.start):max(hit.end(), m.end)])
            out.setdefault(m.year + n, _years_after_clue(m.year, n, phrase))
        for hit in _YEARS_OF_SINCE.finditer(text, max(s, m.start - 160), m.start):
            if m.start - hit.end() <= 30 and not _CLAUSE_MARK.search(text, hit.end(), m.start):
                word = hit.group("n").lower()
                n = _NUMBER.get(word) or int(word)
                phrase = re.sub(r"\s+", " ", text[hit.start():m.end])
                out.setdefault(m.year + n, _years_after_clue(m.year, n, phrase))
        if (m.pre or "") == "since":
            for hit in _YEAR_WAIT.finditer(text, max(0, m.start - 300), m.end + 300):
                n = int(hit.group("n"))
                out.setdefault(m.year + n, _years_after_clue(m.year, n, f"{hit.group(0)}' and '{m.text}"))
    return list(out.values()) + _year_arithmetic_clues(text, mentions, zones)


_NUM_WORDS = r"\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
# 'a five-year timeline', 'within five years', 'in 10 years' beside a year ahead: that year minus the span
_PLAN_SPAN = re.compile(rf"\b(?:(?P<n>{_NUM_WORDS})[\s-]+years?[\s-]+(?:timeline|timetable|time\s*frame|plan|"
                        rf"programme|program|deadline|target|schedule|road\s*map)|(?:within|in)\s+(?:the\s+next\s+)?"
                        rf"(?P<m>{_NUM_WORDS})\s+years(?:['’]\s+time)?)\b", re.I)
# 'aged 92', 'a 92-year-old', '92 years old' beside 'born in 1925'
_AGE = re.compile(r"\b(?:aged\s+(?P<a>\d{2,3})\b|(?P<b>\d{2,3})[\s-]+years?[\s-]+old\b)", re.I)
_BORN = re.compile(r"\bborn\s+(?:[\w'’.,]+\s+){0,4}?\Z", re.I)
_REL_YEAR_BEFORE = re.compile(r"\b(?P<rel>next|last|this)\s+year['’]s\s+(?:the\s+)?\Z", re.I)
_REL_YEAR_AFTER = re.compile(r"\s+(?P<rel>next|last|this)\s+year\b(?!['’])", re.I)
_RECORD_SPAN = re.compile(rf"\b(?:first|biggest|largest|worst|deadliest|strongest|most\s+[a-z]+|highest|lowest|"
                          rf"heaviest|hottest|coldest|longest)\s+(?:[\w'’-]+\s+){{0,5}}?(?:in|for)\s+"
                          rf"(?P<q>more\s+than|over|nearly|almost|about)?\s*(?P<n>{_NUM_WORDS})\s+"
                          rf"(?P<u>years|decades)\b", re.I)
_LAST_BEFORE = re.compile(r"\blast\b(?!\s+(?:week|month|year|night))", re.I)
_ANNIVERSARY = re.compile(rf"\b{_ORD}\s+anniversary\s+of\b", re.I)
_DECADES_AGO = re.compile(r"\b(?P<q>more\s+than|over|nearly|almost|about|some|around)?\s*(?P<n>two|three|four|five|"
                          r"six|seven|eight|nine|\d)\s+decades\s+ago\b", re.I)


_TENURE = re.compile(r"\b(?:(?P<q>nearly|almost|more\s+than|over|some|about)\s+)?(?P<n>\d{1,2}|two|three|four|five|six|"
                     r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty)\s+years\s+(?:in\s+power|"
                     r"in\s+office|at\s+the\s+helm|as\s+(?:chancellor|president|prime\s+minister|premier|leader))\b",
                     re.I)


def _tenure_clues(text: str, zones: _Zones) -> list[Clue]:
    """'Merkel, stepping down after 16 years in power': the first day of her term, that many years on."""
    out: dict[int, Clue] = {}
    index = _term_index()
    for hit in _TENURE.finditer(text):
        if zones.decoy(hit.start()) or zones.photo(hit.start()):
            continue
        s, e = zones.sentence(hit.start())
        starts = {t.start for w in set(re.findall(r"\b[A-Z][\w'’-]+", text[s:e])) for v, _, t in index.get(w, [])
                  if t.office in HEAD_OFFICES and (v.split()[-1] == w or v.split()[0] == w)}
        people = {t.person for w in set(re.findall(r"\b[A-Z][\w'’-]+", text[s:e])) for _, _, t in index.get(w, [])
                  if t.office in HEAD_OFFICES}
        if len(people) != 1 or not starts:
            continue  # no head of government named beside it, or several
        first = min(starts)
        n = _num(hit.group("n"))
        q = re.sub(r"\s+", " ", (hit.group("q") or "").lower())
        lo, hi = {"more than": (n, n + 1.5), "over": (n, n + 1.5), "nearly": (n - 1, n), "almost": (n - 1, n)}.get(
            q, (n - 0.5, n + 0.5))
        a, b = first + timedelta(days=round(lo * 365.25)), first + timedelta(days=round(hi * 365.25))
        out.setdefault(a.toordinal(), _window_clue(a, b, f"'{hit.group(0)}' since {first.isoformat()}: {a} to {b}"))
    return list(out.values())


@lru_cache(maxsize=1)
def _birth_index() -> dict[str, list[tuple[str, date]]]:
    """First and last name word -> (spelling variant, birth day) for the people in data/birthdates.tsv."""
    index: dict[str, list[tuple[str, date]]] = {}
    table = resources.files("onrecord").joinpath("data/birthdates.tsv").read_text(encoding="utf-8")
    for line in table.splitlines():
        if not line.strip() or line.startswith(("#", "person\t")):
            continue
        person, born = line.split("\t")
        for variant in person.split("|"):
            words = variant.split()
            particle = re.match(r"(?:[Aa]l|[Ee]l|[Aa][dsr])-(?=[A-Z])", words[-1])  # 'Bashir, 75' is Omar al-Bashir
            for key in {words[0], words[-1], words[-1][particle.end():] if particle else words[-1]}:
                index.setdefault(key, []).append((variant, date.fromisoformat(born)))
    return index


_NAME = r"[A-Z\u00C0-\u00DE][\w'’.-]*(?:\s+(?:al-|bin\s+|de\s+|van\s+|von\s+|der\s+|da\s+)?[A-Z\u00C0-\u00DE][\w'’-]*){0,3}"
# 'Putin, 71, said', 'Mr Biden, now 81,', 'Vladimir Putin (71)', 'Trump, who is 78,'
_AGE_AFTER_NAME = re.compile(rf"(?P<name>{_NAME})(?:,\s+(?:(?:who\s+is|now|aged)\s+)?(?P<a>\d{{2,3}})(?=[,;.)]|\s+and\s)"
                             rf"|\s+\((?P<b>\d{{2,3}})\))")
# 'the 78-year-old Trump', 'the 71-year-old Russian president, Vladimir Putin'
_AGE_BEFORE_NAME = re.compile(r"\b(?P<a>\d{2,3})-year-old\s+(?P<rest>[^.;:\n]{0,80})")
# the age at some other time: 'died aged 85', 'then 65', 'when he was 45', 'at the age of 39'
_AGE_THEN = re.compile(r"\b(?:died|dies|death|killed|then|when|was|were|became|elected|at\s+the\s+age|turned|turns|"
                       r"as\s+a|born)\b", re.I)


_NAME_TITLE = frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Dame", "Lord", "Lady", "King",
                         "Queen", "Prince", "Princess", "Pope", "Sheikh", "Emir", "President", "Minister", "Chancellor",
                         "Senator", "Sen.", "Governor", "Gov.", "General", "Gen.", "Premier", "Leader", "Ayatollah"})


def _person_born(text: str, name: str) -> tuple[str, date] | None:
    """The person a name stands for, if the birth table knows exactly one the text names in full.

    A one-word entry ('Charles', 'Lula') stands alone or after a title: 'King Charles', not 'Ray Charles'."""
    words = [w for w in name.split() if not re.fullmatch(r"[IVX]+", w)]  # 'Charles III'
    if not words:
        return None

    def said(variant: str) -> bool:
        n = len(variant.split())
        return words[-n:] == variant.split() and (n > 1 or len(words) == 1 or words[-2] in _NAME_TITLE or
                                                  words[-2].endswith(("'s", "’s")))

    for key in dict.fromkeys((words[-1], words[0])):
        rows = _birth_index().get(key, [])
        named = {(v, b) for v, b in rows if said(v)}
        if len({b for _, b in named}) == 1:
            return min(named)
        if named:
            continue
        # 'Mr. Trump, 70' in a story on 'Donald John Trump' that later names 'Melania Trump': the one named first
        first = sorted((p, v, b) for v, b in rows if len(v.split()) > 1
                       for p in [_first_named(text, v)] if p is not None)
        if first:
            return first[0][1], first[0][2]
    return None


def _first_named(text: str, variant: str) -> int | None:
    """Where a full name first appears, a middle name or initial allowed ('Donald John Trump', 'George W. Bush')."""
    *given, last = variant.split()
    pattern = r"\s+".join(map(re.escape, given)) + r"\s+(?:[A-Z][\w.]*\s+){0,2}" + re.escape(last) + r"\b"
    m = re.search(pattern, text)
    return m.start() if m else None


def _age_clues(text: str, zones: _Zones) -> list[Clue]:
    """'Putin, 71,' or 'the 78-year-old Biden': between that birthday and the next (data/birthdates.tsv)."""
    out: dict[tuple[str, int], Clue] = {}

    def add(name: str, age: int, at: int) -> None:
        s, _ = zones.sentence(at)
        if not 18 <= age <= 110 or zones.decoy(at) or zones.photo(at) or _AGE_THEN.search(text, max(s, at - 30), at):
            return
        person = _person_born(text, name)
        if person is None:
            return
        variant, born = person
        first, last = _shift_years(born, age), _shift_years(born, age + 1)
        out.setdefault((variant, age), _window_clue(
            first - timedelta(days=2), last + timedelta(days=1),
            f"'{variant}, {age}' (born {born.isoformat()}): between {first} and {last}", weight=1.5, kind="age"))

    for hit in _AGE_AFTER_NAME.finditer(text):
        age = hit.group("a") or hit.group("b")
        # "... walking up Downing Street. Cameron, 57,": the name starts after the full stop
        name = re.split(r"(?<=[a-z]{3})\.\s+", hit.group("name"))[-1]
        add(name, int(age), hit.end("name") - len(name))
    for hit in _AGE_BEFORE_NAME.finditer(text):
        names = re.findall(_NAME, hit.group("rest"))
        known = [n for n in names if _person_born(text, n)]
        if known:
            add(known[0], int(hit.group("a")), hit.start())
    return list(out.values())


def _window_clue(first: date, last: date, why: str, weight: float = 1.0, kind: str = "years after") -> Clue:
    """Published between two days (both included)."""
    lo_o, hi_o = first.toordinal(), last.toordinal()

    def score(days: _Days) -> np.ndarray:
        return np.where((days.ord >= lo_o) & (days.ord <= hi_o), 1.0, -1.0)

    return Clue(kind, weight, score, lambda d: why, support=(first, last))


def _anniversary_clues(text: str, mentions: list[Mention], zones: _Zones) -> list[Clue]:
    """'the 30th anniversary of the 1989 protests' (2019); 'the 75th anniversary of the link-up' with the
    link-up dated 'April 25, 1945' elsewhere: about 25 April 2020.

    The year (or the day) is the one in the anniversary's sentence; failing that, the only past year in
    the text from which the count lands between 1990 and today."""
    def ok(m: Mention) -> bool:
        return m.kind in ("year", "date") and bool(m.year) and not m.end_year and m.tense != "future" and \
            not (zones.teaser(m.start) or zones.photo(m.start) or zones.decoy(m.start) or zones.quoted(m.start))

    dated = [m for m in mentions if ok(m)]
    out: dict[tuple[int, int], Clue] = {}
    for hit in _ANNIVERSARY.finditer(text):
        if zones.decoy(hit.start()) or zones.teaser(hit.start()) or zones.quoted(hit.start()):
            continue
        n = _count(hit.group("ord"))
        s, e = zones.sentence(hit.start())
        near = [m for m in dated if s <= m.start < e and 0 <= m.start - hit.end() <= 90]
        if not near:
            near = [m for m in dated if _SEARCH_START.year <= m.year + n <= _today().year]
            if len({m.year for m in near}) != 1:
                continue
        m = near[0]
        if (m.year, n) in out:
            continue
        why = f"'{hit.group(0)}' and {_q(m)}: {m.year} + {n} = {m.year + n}"
        day = m.day_in(m.year) if m.kind == "date" else None
        out[(m.year, n)] = _anniversary_day_clue(_shift_years(day, n), why) if day else \
            _year_range_clue(m.year + n, m.year + n, 1.2, why)
    return list(out.values())


def _anniversary_day_clue(day: date, why: str) -> Clue:
    """Around the anniversary itself: the day, or the days before and after it."""
    o = day.toordinal()

    def score(days: _Days) -> np.ndarray:
        return np.where(days.year == day.year, np.exp(-np.abs(days.ord - o) / 4.0), -0.5)

    return Clue("anniversary", 1.2, score, lambda d: why, support=(day - timedelta(days=60), day + timedelta(days=30)))


_SUPERLATIVE_SINCE = re.compile(r"\b(?:first|biggest|largest|worst|deadliest|strongest|highest|lowest|heaviest|"
                                r"longest|best|not\s+seen|unseen)\b[^.;:\n]{0,60}\bsince\b", re.I)


def _record_months_clue(hit: re.Match, then: Mention) -> Clue:
    """'the biggest IPO in nearly two years' and the last one 'in November 2021': that many months on."""
    n = 12 * _num(hit.group("n"))
    q = re.sub(r"\s+", " ", (hit.group("q") or "").lower())
    lo, hi = {"more than": (n, n * 1.3), "over": (n, n * 1.3), "nearly": (n * 0.75, n),
              "almost": (n * 0.75, n)}.get(q, (n * 0.85, n * 1.2))
    start = date(then.year, then.month, 15)
    first, last = start + timedelta(days=round(lo * 30.44)), start + timedelta(days=round(hi * 30.44))
    return _window_clue(first, last, f"'{hit.group(0).strip()}' and {_q(then)}: between {first:%Y-%m} and {last:%Y-%m}")


def _num(word: str) -> int:
    word = word.lower()
    return _NUMBER.get(word) or int(word)


def _year_arithmetic_clues(text: str, mentions: list[Mention], zones: _Zones) -> list[Clue]:
    """Spans and ages beside a year: 'a five-year timeline ... in time for the 2024 Olympics' (2019),
    'aged 92, born in 1925' (2017-18), 'the 30th anniversary of the 1989 protests' (2019),
    'more than three decades ago, in 1984' (2015-23). Each needs the year in the same sentence."""
    out: list[Clue] = []
    seen: set[tuple[int, int]] = set()

    def add(lo: int, hi: int, weight: float, why: str, slope: float = 0.0) -> None:
        if (lo, hi) not in seen and lo >= _SEARCH_START.year - 1:
            seen.add((lo, hi))
            out.append(_year_range_clue(lo, hi, weight, why, slope))

    out += _anniversary_clues(text, mentions, zones)
    for m in mentions:
        if m.kind != "year" or m.end_year or zones.teaser(m.start) or zones.photo(m.start) or zones.decoy(m.start):
            continue
        s, e = zones.sentence(m.start)
        rel = _REL_YEAR_BEFORE.search(text, max(s, m.start - 20), m.start)
        if rel is None and _attributive(m) and len(m.text.split()) > 2:  # the noun may run on to "next"
            after = _REL_YEAR_AFTER.search(text, m.start + m.text.find(str(m.year)) + 4, min(e, m.end + 12))
            rel = after if after and after.start() <= m.end else None
        if rel:  # "next year's 2030 Cup", "the 2030 Cup next year": published in 2029
            k = {"next": 1, "last": -1, "this": 0}[rel.group("rel").lower()]
            add(m.year - k, m.year - k, 1.5, f"'{rel.group(0).strip()}' beside {m.year}: published in {m.year - k}")
            continue
        ahead = m.tense == "future" or (m.pre or "") in ("by", "until", "till", "before") or \
            _event_year_role(text, m) == "event-ahead"
        if ahead:
            for hit in _PLAN_SPAN.finditer(text, s, e):
                n = _num(hit.group("n") or hit.group("m"))
                if 1 <= n <= 30 and abs(hit.start() - m.start) <= 200:
                    add(m.year - n, m.year - n, 1.0, f"'{hit.group(0)}' to {m.year}: {m.year} - {n} = {m.year - n}")
            continue
        if m.tense == "future":
            continue
        born = _BORN.search(text, max(s, m.start - 40), m.start)
        if born:
            for hit in _AGE.finditer(text, s, e):
                n = int(hit.group("a") or hit.group("b"))
                if 1 <= n <= 120:
                    add(m.year + n, m.year + n + 1, 1.2, f"aged {n}, born in {m.year}: {m.year + n} or {m.year + n + 1}")
        for hit in _DECADES_AGO.finditer(text, s, e):
            if abs(hit.start() - m.start) > 150:
                continue
            n, q = 10 * _num(hit.group("n")), (hit.group("q") or "").lower()
            lo, hi = {"": (n - 1, n + 4), "more than": (n + 1, n + 9), "over": (n + 1, n + 9),
                      "nearly": (n - 3, n), "almost": (n - 3, n)}.get(re.sub(r"\s+", " ", q), (n - 2, n + 4))
            add(m.year + lo, m.year + hi, 0.8, f"'{hit.group(0).strip()}', in {m.year}: {m.year + lo} to {m.year + hi}",
                0.06 if q in ("more than", "over") else 0.0)
    # 'the worst quake in more than 80 years' and, elsewhere, 'last hit by one ... in 1934': 1934 + 80 or a bit more
    spans = [h for h in _RECORD_SPAN.finditer(text) if not zones.decoy(h.start())]
    # 'the largest listing since Rivian went public in November 2021' with 'the biggest IPO in nearly two years'
    since_month = [m for m in mentions if m.kind == "month" and m.year and (m.pre or "") == "in"
                   and m.tense != "future" and not zones.decoy(m.start) and not zones.photo(m.start)
                   and _SUPERLATIVE_SINCE.search(text, max(zones.sentence(m.start)[0], m.start - 120), m.start)]
    if len(spans) == 1 and len({(m.year, m.month) for m in since_month}) == 1 and \
            spans[0].group("u").lower() == "years":
        out.append(_record_months_clue(spans[0], since_month[0]))
        return out
    # the last one 'in 1934', or the record held 'since 1949' ('the first meeting since 1949')
    lasts = [m for m in mentions if m.kind == "year" and m.end_year is None and m.tense == "past"
             and not zones.decoy(m.start) and not zones.photo(m.start) and (
                 ((m.pre or "") == "in" and _LAST_BEFORE.search(text, max(zones.sentence(m.start)[0], m.start - 80),
                                                                m.start)) or
                 ((m.pre or "") == "since" and _SUPERLATIVE_SINCE.search(
                     text, max(zones.sentence(m.start)[0], m.start - 120), m.end)))]
    if len(spans) == 1 and len({m.year for m in lasts}) == 1:
        hit, year = spans[0], lasts[0].year
        n = _num(hit.group("n")) * (10 if hit.group("u").lower().startswith("decade") else 1)
        q = re.sub(r"\s+", " ", (hit.group("q") or "").lower())
        # 'more than four years' since a day of 2010: 4.x years on, so 2014 (late) or 2015; a round
        # number stands for the next one down: 'more than 60 years' is 60 to 69
        step = 10 if n >= 20 and n % 10 == 0 else 5 if n >= 10 and n % 5 == 0 else 1
        lo, hi = {"more than": (n, n + step), "over": (n, n + step), "nearly": (n - 1, n),
                  "almost": (n - 1, n)}.get(q, (n, n + 1) if lasts[0].pre == "since" else (n - 1, n + 2))
        add(year + lo, year + hi, 0.8, f"'{hit.group(0).strip()}' and {_q(lasts[0])}: {year + lo} to {year + hi}",
            (0.5 / (step + 4)) if q in ("more than", "over") else 0.0)
    return out


# --- the search ----------------------------------------------------------------------------------

_MARGIN_DAY, _MARGIN_MONTH, _NEAR = 0.03, 0.03, 0.1
_CAPS = {"day": 0.7, "month": 0.5, "year": 0.45}
_ANCHORED_CAP = 0.95


def _search(clues: list[Clue]) -> PublishedDate:
    supports = [c.support for c in clues if c.support]
    guessed = False
    if supports:
        lo = max(_SEARCH_START, min(s[0] for s in supports))
        hi = min(_today(), max(s[1] for s in supports))
    elif any(c.kind in ("weekday-date", "dateline", "relative day", "holiday") for c in clues):
        lo, hi, guessed = date(2000, 1, 1), _today(), True  # periodic evidence alone: the recent past
    else:
        return PublishedDate(method="inferred")
    if lo > hi:
        return PublishedDate(method="inferred")
    clues = clues + [_prior_clue()]
    days = _focus(clues, _Days.span(lo, hi))
    if not len(days):
        return PublishedDate(method="inferred")
    total = np.zeros(len(days))
    for c in clues:
        c.values = c.weight * c.score(days)
        total += c.values
    top = float(total.max())
    best_i = int(np.flatnonzero(total >= top - 1e-9)[-1])  # on a tie the later day: archives grow to the present
    best = _day(days.ord[best_i])

    def rival(mask: np.ndarray) -> float:
        return float(total[mask].max()) if mask.any() else top - 5.0

    far = np.abs(days.ord - days.ord[best_i]) > 1
    other_month = (days.year != best.year) | (days.month != best.month)
    margin_day = top - rival(far)
    margin_month = top - rival(other_month)
    settled = None  # when the day itself is not: how much of the date is
    if margin_day >= _MARGIN_DAY:
        margin = margin_day
        cap = _ANCHORED_CAP if _anchored(clues, best_i) else _CAPS["day"]
    elif margin_month >= _MARGIN_MONTH:  # the month is settled, its days nearly tied
        margin, cap, settled = margin_day, _CAPS["month"], "the month"
    else:  # a tie across months: the year holding most of the best days
        near = Counter(days.year[total >= top - _NEAR].tolist())
        year = max(near, key=lambda y: (near[y], y == best.year, y))
        in_year = days.year == year
        best_i = int(np.flatnonzero(in_year)[np.argmax(total[in_year])])
        best = _day(days.ord[best_i])
        far = np.abs(days.ord - days.ord[best_i]) > 1
        margin, cap, settled = float(total[best_i]) - rival(~in_year), _CAPS["year"], "the year"
    # Always a day: the best one, to anchor the text's weekdays on. When only the month or the year is
    # settled, the confidence says it is a guess and the evidence names the close rivals.
    confidence = cap * (1 - math.exp(-max(margin, 0.0) / 1.2))
    if any(c.weight >= 1.0 and c.values[best_i] <= -0.5 * c.weight for c in clues):
        confidence *= 0.7  # the winner contradicts some evidence
    if guessed:
        confidence = min(confidence, 0.3)
    method = "dateline" if any(c.kind == "dateline" and c.values[best_i] > 0 for c in clues) else "inferred"
    order = np.argsort(-np.where(far, total, -np.inf))[:8]
    evidence = _evidence(clues, best_i, best, order)
    if settled:
        close = ", ".join(_day(days.ord[i]).isoformat() for i in order[:3] if total[i] >= top - 1.0)
        evidence.append(f"only {settled} is settled" + (f"; close days: {close}" if close else ""))
    return PublishedDate(best.isoformat(), "day", round(max(confidence, 0.05), 2), evidence, method)


def _focus(clues: list[Clue], days: _Days) -> _Days:
    """Only the days that can win: a dateline's or a relative day's, else those near the lead's.

    The strongest clues pin the day; the others need not be computed on days those rule out.
    """
    for kinds in (("dateline", "relative day"), ("lead",)):
        masks = [c.focus(days) for c in clues if c.kind in kinds and c.focus is not None]
        if masks:
            keep = np.logical_or.reduce(masks)
            if keep.any():
                return days.take(keep)
    return days


def _anchored(clues: list[Clue], i: int) -> bool:
    """The day itself is pinned: a dateline, a relative day beside a date, or a weekday agreeing with the lead's date."""
    lead = next((c for c in clues if c.kind == "lead"), None)
    for c in clues:
        if not c.anchor or c.values[i] < 0.9 * c.weight:
            continue
        if c.kind == "weekday-date" and (lead is None or lead.values[i] < 0.65 * lead.weight):
            continue
        return True
    return False


def _evidence(clues: list[Clue], i: int, best: date, rivals: np.ndarray) -> list[str]:
    """The clues that speak for the answer, those that set it apart from its rivals first."""
    rows = []
    for c in clues:
        here = float(c.values[i])
        if here >= 0.15:
            apart = here - (float(c.values[rivals].mean()) if len(rivals) else 0.0)
            rows.append((-round(apart, 2), -round(here, 6), c.explain(best)))
    rows.sort()  # ties by the line itself: the same evidence in the same order on every run
    return list(dict.fromkeys(line for _, _, line in rows[:6]))


# --- the API -------------------------------------------------------------------------------------

# A date in a URL path: /2024/06/05/, /2024-06-05-, /20240605/; or a month alone: /2024/06/slug.
_URL_DAY = re.compile(r"/((?:19|20)\d\d)(?:/(\d\d?)/(\d\d?)|-(\d\d)-(\d\d)|(\d\d)(\d\d))(?=[/_.-]|$)")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(\d\d?)/(?!\d)")


def _url_date(stamps: Sequence[str]) -> PublishedDate | None:
    """The date in the path of the page's own address (a day; a month when only /YYYY/MM/ is given)."""
    for stamp in stamps:
        if not re.match(r"\s*(?:https?://|www\.)\S+\s*$", stamp):
            continue
        path = re.sub(r"^\s*(?:https?://)?[^/]+", "", stamp.strip())
        for m in _URL_DAY.finditer(path):
            year, parts = int(m.group(1)), [g for g in m.groups()[1:] if g]
            try:
                day = date(year, int(parts[0]), int(parts[1]))
            except ValueError:
                continue
            if day <= _today():
                return PublishedDate(day.isoformat(), "day", 0.85, [f"the page's URL: {stamp.strip()}"], "url")
        m = _URL_MONTH.search(path)
        if m and 1 <= int(m.group(2)) <= 12:
            return PublishedDate(f"{int(m.group(1)):04d}-{int(m.group(2)):02d}", "month", 0.6,
                                 [f"the page's URL: {stamp.strip()}"], "url")
    return None


def _stamp_date(stamps: Sequence[str]) -> tuple[PublishedDate, date | None] | None:
    """The page's own 'Published: ...' lines, which the cleaner took out of the text."""
    if not stamps:
        return None
    stamp_text = "\n".join(s for s in stamps if not re.match(r"\s*(?:https?://|www\.)", s))
    mentions = find_timexes(stamp_text)
    return _byline(stamp_text, mentions, _zones(stamp_text, default_paragraphs(stamp_text), []))


def _stamp_dateline(stamps: Sequence[str]) -> Mention | None:
    """A dateline the cleaner took out because it stood alone on its line ('Taipei, Jan. 14 (CNA)'),
    or a stamp without a year ('Published Wed 11 Dec')."""
    for stamp in stamps:
        mentions = find_timexes(stamp)
        paragraphs = default_paragraphs(stamp)
        zones = _zones(stamp, paragraphs, [])
        found = _dateline(stamp, mentions, paragraphs, zones) or _yearless_byline(stamp, mentions, zones)
        if found:
            return found
    return None


def infer_published(text: str, mentions: list[Mention], *, paragraphs: list[Paragraph], quotes: list[Quote],
                    metadata: PublishedDate | None = None, stamps: Sequence[str] = ()) -> PublishedDate:
    """The publication date: metadata if given, else a byline or dateline, else the scored search.

    ``stamps`` are the page's 'Published: ...' lines removed as boilerplate by the cleaner.
    """
    if metadata is not None and metadata.value:
        return metadata
    found = _stamp_date(stamps)
    if found and found[1] is None:
        return found[0]
    from_url = _url_date(stamps)
    if from_url and from_url.precision == "day" and not found:
        return from_url
    paragraphs = paragraphs or default_paragraphs(text)
    zones = _zones(text, paragraphs, quotes)
    found = found or _byline(text, mentions, zones)
    if found and found[1] is None:
        return found[0]
    if found:  # '04/12/2014' with nothing on the page to say how: the text's own clues choose
        first = date.fromisoformat(found[0].value)
        either = _either_day_clue(first, found[1], found[0].evidence[0][8:-1])
        others = [m for m in mentions if not (m.start < zones.head_end and ambiguous_slash_date(m))]
        chosen = _search(_clues(text, others, zones, None) + [either])
        return replace(chosen, confidence=min(chosen.confidence, 0.7), method="dateline")
    dateline = _dateline(text, mentions, paragraphs, zones) or _stamp_dateline(stamps) or \
        _yearless_byline(text, mentions, zones)
    if dateline and dateline.year and dateline.day_in(dateline.year):
        value = dateline.day_in(dateline.year).isoformat()
        return PublishedDate(value, "day", 0.9, [f"dateline {_q(dateline)}"], "dateline")
    clues = _clues(text, mentions, zones, dateline)
    if from_url:  # only the month: the text's own clues may still pin the day
        clues.append(_url_month_clue(from_url))
    return _search(clues)


def _url_month_clue(found: PublishedDate) -> Clue:
    year, month = map(int, found.value.split("-"))
    first = date(year, month, 1)
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return _window_clue(first, last, found.evidence[0], weight=6.0, kind="url")


def date_article(text: str, *, paragraphs: list[Paragraph], quotes: list[Quote],
                 metadata: PublishedDate | None = None,
                 stamps: Sequence[str] = ()) -> tuple[PublishedDate, list[TimeExpr]]:
    """Date an article: publication date, resolved time expressions, and each quote's ``said_on``."""
    mentions = find_timexes(text)
    published = infer_published(text, mentions, paragraphs=paragraphs, quotes=quotes, metadata=metadata,
                                stamps=stamps)
    timexes = resolve(mentions, published)
    starts = sentence_starts(text) if quotes else []
    for quote in quotes:
        quote.said_on = _said_on(quote, text, timexes, starts) or published.value
    return published, timexes


def _said_on(quote: Quote, text: str, timexes: list[TimeExpr], sentence_starts: list[int]) -> str | None:
    """The day given for a statement in its own sentence ('said on Sunday'), nearest the cue."""
    first = bisect_right(sentence_starts, quote.start) - 1
    last = bisect_right(sentence_starts, max(quote.start, quote.end - 1))
    start = sentence_starts[max(first, 0)]
    end = sentence_starts[last] if last < len(sentence_starts) else len(text)
    days = [t for t in timexes if start <= t.start < end and not quote.start <= t.start < quote.end
            and t.value and len(t.value) >= 10 and "W" not in t.value]
    if not days:
        return None
    cue_at = text.find(quote.cue, start, end) if quote.cue else -1
    focus = cue_at if cue_at >= 0 else quote.end
    return min(days, key=lambda t: abs(t.start - focus)).value[:10]
