"""Publication dates: metadata first, then a dateline or byline, then inference.

Inference is a scored search over candidate days. Each clue the text offers
becomes a weighted score function over days (in [-1, 1]): a weekday agreeing
with a date ("on Sunday, January 24"), the latest past date mentioned (news
follows its events closely), weekdays ("said on Friday"), years and their tense
("due to expire in 2026", "the 2016 election"), offices held at the time
("former President Trump", "the new Biden administration", from the shipped
``data/office_terms.tsv``), holidays, photo dates (a lower bound only) and a few
well-known events. Candidates are the days the clues pin plus a monthly grid
over the years the clues allow; the best-scoring day wins. The reported
precision is the finest unit (day, month, year) whose best candidate beats
its rivals by a margin, and the confidence grows with that margin, capped by
the kind of evidence: only a weekday-date agreement, a dateline or metadata
can reach 0.8.

Dates inside direct quotes, photo captions, "file photo" sentences and teasers
for other articles are not evidence of when this article was published.
"""
from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable, Sequence

from .records import Paragraph, PublishedDate, Quote, TimeExpr
from .timex import Mention, find_timexes, holiday_on, occurrence, resolve

# --- office terms ------------------------------------------------------------

# Title words that name each office of the table, as written before or after a name.
OFFICE_TITLES = {
    "president": r"(?<!vice )(?<!vice-)president|pres\.|head of state|leader",
    "vice president": r"vice[- ]president|vp",
    "prime minister": r"prime minister|premier|pm|head of government|leader",
    "premier": r"premier|prime minister|leader",
    "chancellor": r"chancellor|leader",
    "general secretary": r"general secretary|party chief|leader",
    "leader": r"leader|chairman|supreme leader|dictator",
    "supreme leader": r"supreme leader|leader|ayatollah",
    "king": r"king|monarch",
    "queen": r"queen|monarch",
    "prince": r"prince",
    "crown prince": r"crown prince|prince",
    "secretary of state": r"secretary of state|secretary|top diplomat",
    "foreign minister": r"foreign minister|minister of foreign affairs|foreign affairs minister|top diplomat",
    "foreign secretary": r"foreign secretary|top diplomat",
    "kremlin spokesperson": r"spokesman|spokeswoman|spokesperson|press secretary",
    "foreign ministry spokesperson": r"spokesman|spokeswoman|spokesperson",
    "white house press secretary": r"press secretary|spokesman|spokeswoman|spokesperson",
    "national security adviser": r"national security advis[eo]r|security advis[eo]r",
    "defense secretary": r"defen[cs]e secretary|secretary of defen[cs]e|secretary of war|war secretary|pentagon chief",
    "defence minister": r"defen[cs]e minister|minister of defen[cs]e",
    "treasury secretary": r"treasury secretary|secretary of the treasury",
    "security council secretary": r"security council secretary|secretary",
    "special counsel": r"special counsel",
    "fed chair": r"chair|chairman|chairwoman|fed chief",
    "ecb president": r"president|chief",
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
                "pm", "vp", "pres.", "representative", "dictator", "ayatollah")
_CUE = re.compile(
    r"\b(?P<cue>[Ff]ormer|[Ee]x|[Tt]hen|[Ll]ate|[Pp]revious|onetime|one-time|erstwhile|new|newly[- ]\w+|[Ii]ncoming|"
    r"[Oo]utgoing|departing|lame-duck|current|sitting|incumbent)[\s-]+(?:(?:the\s+)?[A-Z][\w.'’-]*\s+|[a-z]+['’]s\s+){0,3}\Z"
)
_CUE_KIND = {"former": "former", "ex": "former", "then": "former", "late": "former", "previous": "former",
             "onetime": "former", "one-time": "former", "erstwhile": "former", "new": "new", "incoming": "new",
             "outgoing": "outgoing", "departing": "outgoing", "lame-duck": "outgoing"}
_ADMIN = re.compile(r"^(?:['’]s)?\s+(?:administration|government|cabinet|presidency|White House)\b")
_TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F][\w'’-]*")

# --- well-known events: mentioning one means it lies behind ------------------------------------

_EVENTS = [  # (a literal the text must hold, the pattern, the date, what it is)
    ("Ukrain", r"war in Ukraine|Ukraine war|war (?:against|with|on) Ukraine|invasion of Ukraine|invaded Ukraine|"
     r"Russia-Ukraine war|Russian-Ukrainian war", date(2022, 2, 24), "Russia's full-scale invasion of Ukraine (2022-02-24)"),
    ("military operation", r"special military operation", date(2022, 2, 24),
     "Russia's full-scale invasion of Ukraine (2022-02-24)"),
    ("Crimea", r"annexation of Crimea|annexed Crimea|Crimea['’]s annexation", date(2014, 3, 18),
     "the annexation of Crimea (2014-03-18)"),
    ("ovid", r"COVID-19|COVID|Covid-19|Covid", date(2020, 1, 1), "the COVID-19 pandemic (2020)"),
    ("oronavirus", r"coronavirus pandemic|SARS-CoV-2", date(2020, 1, 1), "the COVID-19 pandemic (2020)"),
    ("Mueller", r"Mueller report", date(2019, 3, 22), "the Mueller report (2019-03-22)"),
    ("Skripal", r"Skripal", date(2018, 3, 4), "the Skripal poisoning (2018-03-04)"),
    ("Navalny", r"poisoning of (?:Alexei )?Navalny|Navalny['’]s poisoning|Navalny was poisoned", date(2020, 8, 20),
     "Navalny's poisoning (2020-08-20)"),
    ("Navalny", r"death of (?:Alexei )?Navalny|Navalny['’]s death|Navalny died", date(2024, 2, 16),
     "Navalny's death (2024-02-16)"),
    ("mutiny", r"(?:Wagner|Prigozhin)['’]s mutiny|Wagner mutiny|mutiny by (?:the )?Wagner", date(2023, 6, 23),
     "the Wagner mutiny (2023-06-23)"),
    ("Capitol", r"Capitol riot|storming of the (?:U\.S\. |US )?Capitol|January 6(?:th)? attack", date(2021, 1, 6),
     "the storming of the US Capitol (2021-01-06)"),
    ("Iran", r"Iran nuclear deal", date(2013, 11, 24), "the Iran nuclear deal (2013 onwards)"),
    ("JCPOA", r"JCPOA", date(2013, 11, 24), "the Iran nuclear deal (2013 onwards)"),
    ("Paris", r"Paris (?:climate )?(?:agreement|accord)", date(2015, 12, 12), "the Paris climate agreement (2015-12-12)"),
    ("Minsk", r"Minsk (?:agreements|accords|II)", date(2014, 9, 5), "the Minsk agreements (2014-09-05)"),
    ("October 7", r"October 7(?:th)? attack", date(2023, 10, 7), "the 7 October attack (2023-10-07)"),
]
_EVENT_RES = [(hint, re.compile(pattern), start, name) for hint, pattern, start, name in _EVENTS]
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_ERA = re.compile(r"\b(?:(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))"
                  r"\s+(?P<what>year|anniversary)\s+of|(?P<n>one|two|three|four|five|six|\d{1,2})\s+"
                  r"(?P<unit>years?|months?)\s+(?:into|since|after))\s+(?:the\s+|Russia['’]s\s+|Moscow['’]s\s+)?\Z")

# --- zones -----------------------------------------------------------------------------------

_TEASER = re.compile(r"^\s*(?:READ ALSO|Read also|READ MORE|Read more|RELATED|Related|See also|SEE ALSO|Also read|"
                     r"ALSO READ|MORE:|More:|Recommended|Trending|Most read|Latest|WATCH|Watch:)\b")
_PHOTO = re.compile(r"file photo|File photo|FILE PHOTO|file picture|File picture|photo taken|Photo taken|taken on|"
                    r"pictured|Pictured|photographed|Photo:|PHOTO:|Getty Images|AP Photo|/Reuters|via Reuters|/AFP|"
                    r"Sputnik/")
_QUOTED = re.compile(r"“[^”\n]{1,800}”|\"[^\"\n]{1,800}\"|«[^»\n]{1,800}»")
_STAMP = re.compile(r"(?:Last updated|LAST UPDATED|Updated|UPDATED|Published|PUBLISHED|Posted|POSTED|First published)\b")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“‘'(])|\n+")
_SENTENCE_LAST = frozenset("abcdefghijklmnopqrstuvwxyz0123456789\"”'’)%")  # not "U.S." nor "Mr."
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
    decoys: list[tuple[int, int]]  # quotes, teasers: nothing here dates the article
    photos: list[tuple[int, int]]  # captions and "file photo" sentences: only a lower bound
    head_end: int  # bylines live before the end of the first real body paragraph
    sentence_starts: list[int]

    def _inside(self, spans: list[tuple[int, int]], pos: int) -> bool:
        i = bisect_right(spans, (pos, 10**12)) - 1
        return i >= 0 and spans[i][0] <= pos < spans[i][1]

    def decoy(self, pos: int) -> bool:
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
    decoys = [(q.start, q.end) for q in quotes if q.kind in ("direct", "mixed")]
    decoys += [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    photos = []
    head_end = None
    for p in paragraphs:
        chunk = text[p.start:p.end]
        if p.kind == "caption":
            photos.append((p.start, p.end))
        elif _TEASER.match(chunk) or (len(chunk.split()) >= 4 and not re.search(r"[a-z]", chunk)):
            decoys.append((p.start, p.end))  # "READ ALSO: ...", an all-caps teaser headline
        elif head_end is None and p.kind == "body" and len(chunk.split()) >= 20:
            head_end = p.end
    zones = _Zones(text, [], [], head_end or min(len(text), 2000), starts)
    for m in _PHOTO.finditer(text):
        photos.append(zones.sentence(m.start()))
    for m in _STAMP.finditer(text, zones.head_end):  # other pages' stamps after the body: the rest of the line
        end = text.find("\n", m.end())
        decoys.append((m.start(), end if end >= 0 else len(text)))
    zones.decoys, zones.photos = _merge(decoys), _merge(photos)
    return zones


# --- bylines and datelines ---------------------------------------------------------------------

def _byline(text: str, mentions: list[Mention], zones: _Zones) -> PublishedDate | None:
    """A labelled or bare date line before the body: 'Published: 15.05.2019 12:30', 'March 3, 2022 10:15 AM ET'."""
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
    value = date(m.year, m.month, m.day).isoformat()
    return PublishedDate(value, "day", (0.9, 0.85, 0.75)[rank], [f"byline '{line[:80]}'"], "dateline")


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


# --- clues -------------------------------------------------------------------------------------

@dataclass(slots=True)
class Clue:
    """One piece of evidence: a weighted score over candidate days."""

    kind: str
    weight: float
    score: Callable[[date], float]
    explain: Callable[[date], str]
    support: tuple[date, date] | None = None  # the days where it can hold, to bound the search
    pins: Callable[[int, int], list[date]] | None = None  # the days it points at, given a year range
    fine: bool = False  # varies from day to day (weekdays, recency), not only by month


def _q(m: Mention) -> str:
    return f"'{m.text.strip()}'"


def _years_between(y0: int, y1: int, month: int, day: int) -> Iterable[date]:
    for y in range(y0, y1 + 1):
        try:
            yield date(y, month, day)
        except ValueError:
            continue


def _weekday_date_clue(m: Mention, weight: float) -> Clue:
    """'on Sunday, January 24': the years in which 24 January is a Sunday."""
    names = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    ahead = m.tense == "future"

    def occ(d: date) -> date:
        return date(m.year, m.month, m.day) if m.year else occurrence(m.month, m.day, d, 1 if ahead else -1)

    def score(d: date) -> float:
        o = occ(d)
        if o.weekday() != m.weekday:
            return -0.5
        gap = (o - d).days if ahead else (d - o).days
        # a weekday spelled out with its date is the news of that day or the day before
        return math.exp(-gap / (7 if ahead else 2)) if gap >= 0 else -1.0

    def pins(y0: int, y1: int) -> list[date]:
        days = [o for o in _years_between(y0, y1, m.month, m.day) if o.weekday() == m.weekday]
        return [d + timedelta(days=k) for d in days for k in (0, 1)]

    def explain(d: date) -> str:
        o = occ(d)
        return f"{_q(m)}: {o.day} {o.strftime('%B')} is a {names[m.weekday]} in {o.year}"

    return Clue("weekday-date", weight, score, explain, pins=pins, fine=True)


def _dateline_clue(m: Mention) -> Clue:
    def score(d: date) -> float:
        hit = (d.month, d.day) == (m.month, m.day) and (not m.year or d.year == m.year)
        return 1.0 if hit else 0.0

    return Clue("dateline", 6.0, score, lambda d: f"dateline {_q(m)}: {d.isoformat()}",
                pins=lambda y0, y1: list(_years_between(y0, y1, m.month, m.day)), fine=True)


def _recency_clue(items: list[Mention]) -> Clue:
    """News follows its events: the latest past date mentioned is a few days before publication."""

    def gaps(d: date) -> tuple[list[tuple[int, Mention]], float]:
        out, penalty = [], 0.0
        for m in items:
            if m.year:
                first = date(m.year, m.month, m.day or 1)
                if d < first:
                    penalty += 1.0 if m.tense == "past" else 0.3
                    continue
                last = first if m.day else (date(m.year + m.month // 12, m.month % 12 + 1, 1) - timedelta(days=1))
                out.append((max(0, (d - last).days), m))
            else:
                gap = (d - occurrence(m.month, m.day, d, -1)).days
                if m.tense is None and 3 * (occurrence(m.month, m.day, d, 1) - d).days < gap:
                    continue  # no tense word and just ahead: an upcoming day, as resolve() reads it
                penalty += 0.25 if gap > 240 else 0.0  # undated days are rarely more than months old
                out.append((gap, m))
        return out, penalty

    def score(d: date) -> float:
        found, penalty = gaps(d)
        if not found:
            return -min(1.0, penalty)
        return max(-1.0, math.exp(-min(found, key=lambda g: g[0])[0] / 30) - min(penalty, 1.0))

    def explain(d: date) -> str:
        gap, m = min(gaps(d)[0], key=lambda g: g[0])
        return f"latest past date mentioned, {_q(m)}, {gap} day{'s' if gap != 1 else ''} before"

    def pins(y0: int, y1: int) -> list[date]:
        out = []
        for m in items:
            if m.day is None:
                continue
            days = [date(m.year, m.month, m.day)] if m.year else list(_years_between(y0, y1, m.month, m.day))
            out += [d + timedelta(days=k) for d in days for k in range(4)]
        return out

    supports = [date(m.year, m.month, m.day or 1) for m in items if m.year]
    support = (min(supports), max(supports) + timedelta(days=730)) if supports else None
    return Clue("recency", 1.2, score, explain, support=support, pins=pins, fine=True)


_RW_PAST = (1.0, 0.6, 0.35, 0.2, 0.1, 0.05, 0.0)
_RW_FUTURE = (0.3, 1.0, 0.8, 0.6, 0.5, 0.4, 0.3)


def _relative_weekday_clue(m: Mention, weight: float) -> Clue:
    """'said on Friday': published on that weekday or in the days after (before it, if future)."""
    ahead = m.tense == "future"

    def score(d: date) -> float:
        if ahead:
            return _RW_FUTURE[(m.weekday - d.weekday()) % 7]
        return _RW_PAST[(d.weekday() - m.weekday) % 7]

    word = "before" if ahead else "on or just after"
    return Clue("weekday", weight, score, lambda d: f"{_q(m)}: published {word} that weekday", fine=True)


def _year_clue(m: Mention, count: int) -> Clue:
    y = m.year
    start, end = date(y, 1, 1), date(y, 12, 31)
    if m.tense == "past":
        def score(d: date) -> float:
            return -1.0 if d.year < y else 0.4 if d.year == y else math.exp(-(d.year - y - 1) / 5)
        return Clue("year", 0.6, score, lambda d: f"{_q(m)} lies behind: after {y} began",
                    support=(start, date(y + 3, 12, 31)))
    if m.tense == "future":
        if m.scheduled:  # a treaty "due to expire in 2026" can be written years ahead
            def score(d: date) -> float:
                return -1.0 if d > end else 0.3
        else:  # a plan "to hold a new meeting in 2019" is mostly written the year before
            def score(d: date) -> float:
                return -1.0 if d > end else 0.5 if d.year == y else math.exp(-(start - d).days / 365)
        return Clue("year", 0.6, score, lambda d: f"{_q(m)} lies ahead: before the end of {y}",
                    support=(date(y - 3, 1, 1), end))

    def near(d: date) -> float:
        return math.exp(-abs(d.year - y) / 3)
    weight = 0.4 * min(2.0, math.sqrt(count))
    return Clue("year", weight, near, lambda d: f"{_q(m)}: {y} mentioned", support=(date(y - 2, 1, 1), date(y + 2, 12, 31)))


def _future_date_clue(m: Mention) -> Clue:
    """'due to expire on February 5': published before that day, usually not long before."""
    def score(d: date) -> float:
        o = date(m.year, m.month, m.day) if m.year else occurrence(m.month, m.day, d, 1)
        return -1.0 if o < d else math.exp(-(o - d).days / 150)

    support = (date(m.year - 2, 1, 1), date(m.year, m.month, m.day)) if m.year else None
    return Clue("future date", 0.5, score, lambda d: f"{_q(m)} lies ahead: published before that day",
                support=support, fine=True)


def _holiday_clue(m: Mention) -> Clue:
    """'a Christmas letter', 'New Year greetings': published around the holiday."""
    days = [h for h in (holiday_on(m.holiday, y) for y in range(1979, date.today().year + 2)) if h]
    tau = 12 if m.tense is None else 45

    def nearest(d: date) -> date | None:
        i = bisect_right(days, d)  # days[i - 1] <= d < days[i]
        before = days[i - 1] if i else None
        after = days[i] if i < len(days) else None
        if m.tense == "past":
            return before
        if m.tense == "future":
            return before if before == d else after
        if before is None or after is None:
            return before or after
        return before if d - before <= after - d else after

    def score(d: date) -> float:
        h = nearest(d)
        return math.exp(-abs((d - h).days) / tau) if h else 0.0

    def pins(y0: int, y1: int) -> list[date]:
        return [h + timedelta(days=k) for h in days if y0 <= h.year <= y1 + 1 for k in range(-7, 8)]

    return Clue("holiday", 1.0, score, lambda d: f"{_q(m)} mentioned: {nearest(d)} is "
                f"{abs((d - nearest(d)).days)} days away", pins=pins, fine=True)


def _photo_clue(m: Mention) -> Clue:
    taken = date(m.year, m.month, m.day or 1)
    return Clue("photo", 0.5, lambda d: 0.0 if d >= taken else -1.0,
                lambda d: f"photo taken {taken.isoformat()}: published after it")


def _office_clue(terms: tuple[Term, ...], cue: str, phrase: str, weight: float) -> Clue:
    """An office mention read with its cue: in office, former, new, elect, outgoing."""
    who = terms[0].person
    starts = sorted(t.start for t in terms)
    ends = sorted(t.end for t in terms if t.end)

    spans = [(t.start, t.end or date.max, t.start + timedelta(days=60)) for t in terms]

    def inside(d: date) -> bool:
        return any(s <= d < e for s, e, _ in spans)

    if cue == "former":
        def score(d: date) -> float:
            return 1.0 if ends and d >= ends[0] and not inside(d) else -1.0
        gaps = [(e, next((s for s in starts if s >= e), None)) for e in ends]
        text = "; ".join(f"{e} to {s or 'now'}" for e, s in gaps if not (s and s == e))
        return Clue("office", weight, score, lambda d: f"'{phrase}': {who} out of office {text}",
                    support=(ends[0], date.today()) if ends else None)
    if cue == "new":
        def score(d: date) -> float:
            best = -1.0
            for s in starts:
                days = (d - s).days
                if -30 <= days <= 180:
                    return 1.0
                if 180 < days <= 365:
                    best = max(best, 1.0 - (days - 180) / 185)
            return best
        return Clue("office", weight, score,
                    lambda d: f"'{phrase}': {who} in office since {max(s for s in starts if s <= d + timedelta(days=30))}",
                    support=(starts[0] - timedelta(days=30), starts[-1] + timedelta(days=365)))
    if cue == "elect":
        def score(d: date) -> float:
            return 1.0 if any(0 < (s - d).days <= 100 for s in starts) else -1.0
        return Clue("office", weight, score, lambda d: f"'{phrase}': before {who} took office",
                    support=(starts[0] - timedelta(days=100), starts[-1]))
    if cue == "outgoing":
        def score(d: date) -> float:
            return 1.0 if any(0 <= (e - d).days <= 180 for e in ends) else -0.5
        return Clue("office", weight, score, lambda d: f"'{phrase}': {who} about to leave office",
                    support=(ends[0] - timedelta(days=180), ends[-1]) if ends else None)

    def score(d: date) -> float:
        for s, e, settled in spans:
            if s <= d < e:
                # early in a term reporters say "new"; without it the first weeks are less likely
                return 0.6 if d < settled else 1.0
        return -1.0

    def explain(d: date) -> str:
        t = next((t for t in terms if t.holds(d)), terms[0])
        return f"'{phrase}': {who} in office {t.start} to {t.end or 'now'}"

    return Clue("office", weight, score, explain,
                support=(starts[0], max((t.end or date.today()) for t in terms)))


def _event_clue(name: str, start: date, era: re.Match | None, said: str) -> Clue:
    if era is None:
        return Clue("event", 0.8, lambda d: 0.2 if d >= start else -1.0, lambda d: f"mentions {name}: after it",
                    support=(start, date.today()))
    if era.group("ord"):
        n = _ORDINALS.get(era.group("ord"), None) or int(re.match(r"\d+", era.group("ord")).group(0))
        if era.group("what") == "anniversary":
            lo = _shift_years(start, n) - timedelta(days=14)
            hi = _shift_years(start, n) + timedelta(days=14)
        else:
            lo, hi = _shift_years(start, n - 1), _shift_years(start, n) - timedelta(days=1)
    else:
        n = _ORDINALS.get(era.group("n"), None) or int(era.group("n"))
        months = n * (12 if era.group("unit").startswith("year") else 1)
        mid = start + timedelta(days=round(months * 30.44))
        lo, hi = mid - timedelta(days=45), mid + timedelta(days=180 if months >= 12 else 30)
    phrase = f"'{era.group(0).strip()} {said}'"
    return Clue("event", 2.0, lambda d: 1.0 if lo <= d <= hi else -1.0,
                lambda d: f"{phrase}: between {lo} and {hi}", support=(lo, hi))


def _shift_years(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:
        return d.replace(year=d.year + n, day=28)


# --- finding clues in text ----------------------------------------------------------------------

def _office_clues(text: str, zones: _Zones, mentions: list[Mention]) -> list[Clue]:
    index = _term_index()
    found: dict[tuple[frozenset[Term], str], tuple[str, float]] = {}
    for key in index.keys() & set(_TOKEN.findall(text)):  # set work in C, then only the names present
        at = text.find(key)
        while at >= 0:
            ts, te = at, at + len(key)
            at = text.find(key, te)
            if (ts and (text[ts - 1].isalnum() or text[ts - 1] in "'’-")) or (te < len(text) and (
                    text[te].isalnum() or text[te] == "-")) or zones.decoy(ts) or zones.photo(ts):
                continue
            for terms, cue, phrase, weight in _read_office(text, ts, te, index[key], zones, mentions):
                group = (frozenset(terms), cue)
                if group not in found or found[group][1] < weight:
                    found[group] = (phrase, weight)
    return [_office_clue(tuple(sorted(terms, key=lambda t: t.start)), cue, phrase, weight)
            for (terms, cue), (phrase, weight) in found.items()]


def _read_office(text: str, ts: int, te: int, rows: list[tuple[str, bool, Term]], zones: _Zones,
                 mentions: list[Mention]) -> list[tuple[list[Term], str, str, float]]:
    """The offices the name at [ts, te) is given there, each with its cue."""
    full: dict[tuple[int, int], list[Term]] = {}
    for variant, eastern, term in rows:
        s, e = (ts, ts + len(variant)) if eastern else (te - len(variant), te)
        said = text[s:e] if s >= 0 else ""
        if (said == variant or (said and _fold(said) == _fold(variant))) and (e >= len(text) or not text[e].isalnum()):
            full.setdefault((s, e), []).append(term)
    spans = full or {(ts, te): [term for _, _, term in rows]}
    sent_start, sent_end = zones.sentence(ts)
    out = []
    for (ns, ne), terms in spans.items():
        before = text[max(sent_start, ns - 90):ns]
        after = text[ne:min(sent_end, ne + 90)]
        admin = _ADMIN.match(after)
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
            group = [t for t in terms if t.office == office]
            if cue == "in" and _historic(zones, mentions, ns, group):
                continue
            start = max(sent_start, ns - 90) + title_at if title_at is not None else ns
            begin = _phrase_start(text, start, text[max(sent_start, start - 40):start], cue)
            phrase = re.sub(r"\s+", " ", text[begin:ne])
            out.append((group, cue, phrase.strip(), _CUE_WEIGHT[cue]))
    return out


_CUE_WEIGHT = {"in": 1.0, "former": 1.2, "new": 1.5, "elect": 1.5, "outgoing": 1.0}


def _cue_before(before: str) -> str | None:
    m = _CUE.search(before)
    if not m:
        return None
    word = m.group("cue").lower()
    if word.startswith("newly"):
        return "new"
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


def _event_clues(text: str, zones: _Zones) -> list[Clue]:
    found: dict[str, Clue] = {}
    for hint, regex, start, name in _EVENT_RES:
        if hint not in text:
            continue
        for m in regex.finditer(text):
            if zones.decoy(m.start()) or zones.photo(m.start()):
                continue
            era = _ERA.search(text[max(0, m.start() - 50):m.start()])
            key = name + (era.group(0) if era else "")
            if key not in found:
                found[key] = _event_clue(name, start, era, m.group(0))
    return list(found.values())


def _clues(text: str, mentions: list[Mention], zones: _Zones, dateline: Mention | None) -> list[Clue]:
    clues: list[Clue] = []
    past_dates: list[Mention] = []
    weekday_dates = 0
    weekdays: dict[tuple[int, str | None], Mention] = {}
    years: dict[tuple[int, str | None, bool], list[Mention]] = {}
    holidays: dict[tuple[str, str | None], Mention] = {}
    for m in mentions:
        if zones.decoy(m.start) or m is dateline:
            continue
        if zones.photo(m.start):
            if m.year and m.kind in ("date", "month"):
                clues.append(_photo_clue(m))
            continue
        if m.kind == "date" and m.weekday is not None:
            clues.append(_weekday_date_clue(m, 2.5 if weekday_dates == 0 else 1.5))
            weekday_dates += 1
        if m.kind in ("date", "month") and m.year:
            years.setdefault((m.year, m.tense, m.scheduled), []).append(m)
        if m.kind in ("date", "month") and m.month and (m.year or m.day):
            if m.tense != "future":
                past_dates.append(m)
            elif m.day:
                clues.append(_future_date_clue(m))
        elif m.kind == "weekday":
            weekdays.setdefault((m.weekday, "future" if m.tense == "future" else None), m)
        elif m.kind == "year":
            years.setdefault((m.year, m.tense, m.scheduled), []).append(m)
        elif m.kind == "holiday":
            holidays.setdefault((m.holiday, m.tense), m)
    if past_dates:
        clues.append(_recency_clue(past_dates))
    for i, m in enumerate(sorted(weekdays.values(), key=lambda m: m.start)):
        clues.append(_relative_weekday_clue(m, 1.5 if i == 0 else 0.3))
    for group in years.values():
        clues.append(_year_clue(group[0], len(group)))
    clues += [_holiday_clue(m) for m in holidays.values()]
    clues += _relative_anchor_clues(mentions, zones)
    clues += _office_clues(text, zones, mentions)
    clues += _event_clues(text, zones)
    if dateline:
        clues.append(_dateline_clue(dateline))
    return clues


def _relative_anchor_clues(mentions: list[Mention], zones: _Zones) -> list[Clue]:
    """'last year, in April 2022' -> 2023; 'earlier this month, on May 3' -> May: one sentence, one value."""
    out = []
    for rel in mentions:
        if rel.kind != "relative" or rel.unit not in ("month", "year") or zones.decoy(rel.start):
            continue
        near = [m for m in mentions if m.kind in ("date", "month", "year") and m.tense != "future"
                and abs(m.start - rel.start) <= 60 and zones.sentence(m.start) == zones.sentence(rel.start)
                and not m.text.lower().startswith(("since", "from", "until", "by"))
                and not zones.decoy(m.start) and not zones.photo(m.start)]
        if rel.unit == "year":
            values = {m.year for m in near if m.year}
            if len(values) == 1:
                target = values.pop() - rel.offset
                out.append(Clue("relative", 1.5, lambda d, t=target: 1.0 if d.year == t else -1.0,
                                lambda d, r=rel, t=target: f"{_q(r)} beside a {t + r.offset} date: published in {t}",
                                support=(date(target, 1, 1), date(target, 12, 31))))
        else:
            values = {m.month for m in near if m.month}
            if len(values) == 1:
                target = (values.pop() - 1 - rel.offset) % 12 + 1
                out.append(Clue("relative", 1.2, lambda d, t=target: 1.0 if d.month == t else -1.0,
                                lambda d, r=rel, t=target: f"{_q(r)} beside a dated mention: published in "
                                f"{date(2000, t, 1):%B}"))
    return out


# --- the search ----------------------------------------------------------------------------------

_MARGIN_DAY, _MARGIN_MONTH, _NEAR = 0.1, 0.03, 0.1


def _totals(clues: list[Clue], days: list[date]) -> list[float]:
    totals = [0.0] * len(days)
    for c in clues:
        w, f = c.weight, c.score
        totals = [t + w * f(d) for t, d in zip(totals, days)]
    return totals


def _month_end(y: int, month: int) -> date:
    return date(y + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def _covered_years(clues: list[Clue], y0: int, y1: int) -> list[int]:
    """Years where the weight of the clues that can hold comes near the most: the rest cannot win."""
    cover = [0.0] * (y1 - y0 + 1)
    for c in clues:
        if c.support:
            for y in range(max(y0, c.support[0].year), min(y1, c.support[1].year) + 1):
                cover[y - y0] += c.weight
    top = max(cover)
    return [y0 + i for i, w in enumerate(cover) if w >= top - 2.5]


def _kept_months(coarse: list[Clue], lo: date, hi: date) -> list[tuple[int, int]]:
    """Months worth a closer look: the best years (probed thrice), then their months within reach of the best."""
    years = _covered_years(coarse, lo.year, hi.year)
    probes = [[p for p in (date(y, 1, 1), date(y, 7, 1), date(y, 12, 31))
               if lo <= p <= hi] or [max(lo, date(y, 1, 1))] for y in years]
    flat = [p for group in probes for p in group]
    scores = dict(zip(flat, _totals(coarse, flat)))
    year_score = {y: max(scores[p] for p in group) for y, group in zip(years, probes)}
    top = max(year_score.values())
    # on a tie the later years go first: news archives grow towards the present
    kept = sorted((y for y in years if year_score[y] >= top - 2.0), key=lambda y: (-year_score[y], -y))[:6]
    months = [(y, mo) for y in kept for mo in range(1, 13)
              if date(y, mo, 1) <= hi and _month_end(y, mo) >= lo]
    edges = [d for y, mo in months for d in (max(lo, date(y, mo, 1)), min(hi, _month_end(y, mo)))]
    edge_scores = _totals(coarse, edges)
    month_score = [max(edge_scores[2 * i], edge_scores[2 * i + 1]) for i in range(len(months))]
    best = max(month_score)
    return [ym for ym, s in zip(months, month_score) if s >= best - 1.5]


def _candidates(clues: list[Clue], lo: date, hi: date) -> list[date]:
    """A grid over the promising months, plus the days the clues pin and the weekdays after them."""
    months = _kept_months([c for c in clues if not c.fine], lo, hi)
    weekdays = [c for c in clues if c.kind == "weekday"]
    lede = weekdays[0].score if weekdays else None
    days: set[date] = set()
    for y, mo in months:
        for day in (1, 15, _month_end(y, mo).day):
            d = date(y, mo, day)
            if lede:  # compare like with like: grid days on the lede's weekday
                d = next((d + timedelta(days=k) for k in range(7) if lede(d + timedelta(days=k)) == 1.0), d)
            days.add(d)
    near = {(y, mo + k) for y, mo in months for k in (-1, 0, 1)}
    near = {(y + (mo - 1) // 12, (mo - 1) % 12 + 1) for y, mo in near}
    y0, y1 = min(y for y, _ in months) - 1, max(y for y, _ in months) + 1
    pinned: set[date] = set()
    for c in clues:
        if c.pins:
            strong = c.kind in ("weekday-date", "dateline")
            pinned.update(p for p in c.pins(*((lo.year, hi.year) if strong else (y0, y1)))
                          if strong or (p.year, p.month) in near)
    week = [lo + timedelta(days=k) for k in range(7)]
    best_days = {d.weekday() for c in weekdays for d in week if c.score(d) == 1.0}
    for p in list(pinned):  # the days after a pinned day that fall on a weekday mentioned
        pinned.update(p + timedelta(days=k) for k in range(1, 7) if (p.weekday() + k) % 7 in best_days)
    return [d for d in days | pinned if lo <= d <= hi]


def _search(clues: list[Clue]) -> PublishedDate:
    supports = [c.support for c in clues if c.support]
    if not supports:
        return PublishedDate(method="inferred")
    lo = max(date(1980, 1, 1), min(s[0] for s in supports))
    hi = min(date.today(), max(s[1] for s in supports))
    if lo > hi:
        return PublishedDate(method="inferred")
    days = _candidates(clues, lo, hi)
    scores = dict(zip(days, _totals(clues, days)))
    best = max(scores, key=lambda d: (scores[d], d))
    top = scores[best]

    def rival(keep: Callable[[date], bool]) -> float:
        return max((s for d, s in scores.items() if keep(d)), default=top - 5.0)

    margin_day = top - rival(lambda d: abs((d - best).days) > 1)
    margin_month = top - rival(lambda d: (d.year, d.month) != (best.year, best.month))
    if margin_day >= _MARGIN_DAY:
        pinned = any(c.kind in ("weekday-date", "dateline") and c.score(best) >= 0.9 for c in clues)
        precision, value, margin, cap = "day", best.isoformat(), margin_day, 0.95 if pinned else 0.6
    elif margin_month >= _MARGIN_MONTH:
        precision, value, margin, cap = "month", f"{best:%Y-%m}", margin_month, 0.45
    else:  # a tie across months: the year holding most of the best days
        near = Counter(d.year for d, s in scores.items() if s >= top - _NEAR)
        year = max(near, key=lambda y: (near[y], y == best.year))
        best = max((d for d in scores if d.year == year), key=lambda d: scores[d])
        margin = scores[best] - rival(lambda d: d.year != year)
        precision, value, cap = "year", f"{year:04d}", 0.5
    confidence = cap * (1 - math.exp(-max(margin, 0.0) / 1.2))
    if sum(min(0.0, c.weight * c.score(best)) for c in clues) < -1.0:
        confidence *= 0.7  # the winner contradicts some evidence
    method = "dateline" if any(c.kind == "dateline" and c.score(best) == 1.0 for c in clues) else "inferred"
    rivals = sorted((d for d in scores if abs((d - best).days) > 1), key=lambda d: -scores[d])[:8]
    return PublishedDate(value, precision, round(max(confidence, 0.05), 2), _evidence(clues, best, rivals), method)


def _evidence(clues: list[Clue], best: date, rivals: list[date]) -> list[str]:
    """The clues that speak for the answer, those that set it apart from its rivals first."""
    rows = []
    for c in clues:
        here = c.weight * c.score(best)
        if here >= 0.15:
            apart = here - (sum(c.weight * c.score(r) for r in rivals) / len(rivals) if rivals else 0.0)
            rows.append((-round(apart, 2), -here, c))
    rows.sort(key=lambda r: r[:2])
    return [c.explain(best) for _, _, c in rows[:6]]


# --- the API -------------------------------------------------------------------------------------

def _stamp_date(stamps: Sequence[str]) -> PublishedDate | None:
    """The page's own 'Published: ...' lines, which the cleaner took out of the text."""
    if not stamps:
        return None
    stamp_text = "\n".join(stamps)
    mentions = find_timexes(stamp_text)
    return _byline(stamp_text, mentions, _zones(stamp_text, default_paragraphs(stamp_text), []))


def infer_published(text: str, mentions: list[Mention], *, paragraphs: list[Paragraph], quotes: list[Quote],
                    metadata: PublishedDate | None = None, stamps: Sequence[str] = ()) -> PublishedDate:
    """The publication date: metadata if given, else a byline or dateline, else the scored search.

    ``stamps`` are the page's 'Published: ...' lines removed as boilerplate by the cleaner.
    """
    if metadata is not None and metadata.value:
        return metadata
    stamped = _stamp_date(stamps)
    if stamped:
        return stamped
    paragraphs = paragraphs or default_paragraphs(text)
    zones = _zones(text, paragraphs, quotes)
    byline = _byline(text, mentions, zones)
    if byline:
        return byline
    dateline = _dateline(text, mentions, paragraphs, zones)
    if dateline and dateline.year:
        value = date(dateline.year, dateline.month, dateline.day).isoformat()
        return PublishedDate(value, "day", 0.9, [f"dateline {_q(dateline)}"], "dateline")
    return _search(_clues(text, mentions, zones, dateline))


def date_article(text: str, *, paragraphs: list[Paragraph], quotes: list[Quote],
                 metadata: PublishedDate | None = None,
                 stamps: Sequence[str] = ()) -> tuple[PublishedDate, list[TimeExpr]]:
    """Date an article: publication date, resolved time expressions, and each quote's ``said_on``."""
    mentions = find_timexes(text)
    published = infer_published(text, mentions, paragraphs=paragraphs, quotes=quotes, metadata=metadata,
                                stamps=stamps)
    timexes = resolve(mentions, published)
    starts = sentence_starts(text)
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
