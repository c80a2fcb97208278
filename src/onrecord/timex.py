"""Time expressions: find date and time mentions in news text, then resolve them.

:func:`find_timexes` is pure pattern work over the text (no publication date
needed): full and partial dates ("on Sunday, January 24", "15.05.2019",
"July 16, 2018", "Thursday, the last day of February"), weekdays ("on Friday"),
relative mentions ("last week", "three days ago"), months ("in early March",
"in February last year"), years ("in 2026", "the 2016 election", "the 2018-19
season"), seasons ("the spring of 2016", "next spring"), decades ("the late '90s")
and a few holidays. Each :class:`Mention` carries its parsed parts and a tense
hint read from the words around it, because "on Monday" and "due to expire on
February 5" resolve in opposite directions; "had been due on ..." is marked
anterior: a plan that lay ahead once and lies behind now.

:func:`resolve` turns mentions into :class:`TimeExpr` records against a
publication date: a weekday is the latest such day on or before publication
unless the tense looks ahead; a month-day without a year takes the year that
puts it nearest in the direction of the tense (past by default). Against a
month- or year-precision date every mention still gets its best partial value
("on Tuesday" against "2023-12" is "2023-12"). Values follow TIMEX3: "2021-W02"
for a week, "2016-SP" for a season, "199" for the 1990s.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .records import PublishedDate, TimeExpr

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a few": 3, "several": 3,
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

_MONTH_FULL = r"January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_WD_FULL = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WD = rf"(?:{_WD_FULL}|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\b\.?)"
_YEAR = r"(?:19\d\d|20\d\d)"
_TZ = r"(?:\s*(?:GMT|UTC|ET|EST|EDT|CT|CST|PT|PST|PDT|CET|CEST|BST|MSK|IST|JST)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)?"
_TIME = rf"(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*[AaPp]\.?[Mm]\.?)?|\d{{1,2}}\s*[AaPp]\.[Mm]\.|\d{{1,2}}\s*[AaPp][Mm]\b){_TZ}"
_PREP = r"(?:[Oo]n|[Bb]y|[Ss]ince|[Uu]ntil|[Tt]ill|[Ff]rom|[Bb]efore|[Aa]fter|[Tt]hrough|[Ff]or|of|[Tt]he)"
_TIME_TAIL = rf"(?:,?\s+(?:at\s+)?(?P<time>{_TIME}))?"

# Each pattern starts with a literal word or a digit so the regex engine can skip ahead fast; the
# optional words before a mention ("on", "last", a weekday) are read backwards by the _BACK_* patterns.
_MONTH_WORD = rf"(?:(?:{_MONTH_FULL})\b|(?:{_MONTH_ABBR})\b\.?)"  # "Jan." keeps its dot, "April." ends a sentence
_RE_MD = re.compile(
    rf"{_MONTH_WORD}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:[-–]\d{{1,2}}\b(?![-–/.:]\d))?(?![-–]\d|:\d|,\d{{3}}|\.\d|%)"
    rf"(?:,?\s+(?P<year>{_YEAR})\b)?{_TIME_TAIL}"
)
_RE_DM = re.compile(
    rf"\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<mon>{_MONTH_WORD})(?:,?\s+(?P<year>{_YEAR})\b)?{_TIME_TAIL}"
)
_BACK_MD = re.compile(rf"(?:\b(?P<pre>{_PREP})[^\S\n]+)?(?:(?P<wd>{_WD}),?[^\S\n]+(?P<par>\()?)?\Z")
_RE_LAST_DAY = re.compile(rf"the\s+(?P<which>first|last)\s+day\s+of\s+(?:an?\s+|the\s+)?(?P<mon>{_MONTH_FULL})\b"
                          rf"(?:,?\s+(?P<year>{_YEAR})\b)?")
_BACK_LAST_DAY = re.compile(rf"(?:\b(?P<pre>[Oo]n|[Bb]y|[Uu]ntil)[^\S\n]+)?(?:(?P<wd>{_WD}),?[^\S\n]+)?\Z")
_RE_MONTH_YEAR = re.compile(rf"(?:{_MONTH_FULL}|{_MONTH_ABBR.replace('|', '[.]|')}[.])\s+(?:of\s+)?(?P<year>{_YEAR})\b")
_BACK_MONTH_YEAR = re.compile(r"(?:\b(?P<pre>[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Dd]uring|[Tt]hrough|[Bb]efore|"
                              r"[Aa]fter|of|[Ee]arly|[Ll]ate|[Mm]id)(?:[^\S\n]|-)+)?(?:(?:early|late|mid)(?:[^\S\n]|-)+)?\Z")
_RE_MONTH_REL_YEAR = re.compile(rf"(?P<mon>{_MONTH_FULL})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b")
_RE_MONTH = re.compile(rf"(?:{_MONTH_FULL})\b(?!['’]s|\s+\d|\s+[A-Z])")
_BACK_MONTH = re.compile(r"\b(?P<pre>[Ii]n|[Ss]ince|[Uu]ntil|till|[Ff]rom|[Dd]uring|through|[Bb]efore|[Aa]fter|[Ll]ast|"
                         r"[Nn]ext|[Tt]his|of|[Ee]arly|late|mid)(?:[^\S\n]|-)+(?:(?:early|late|mid)(?:[^\S\n]|-)+)?\Z")
_RE_NUMERIC = re.compile(
    rf"\d\d?(?:\d\d-[01]\d-[0-3]\d|(?P<sep>[./-])\d\d?(?P=sep){_YEAR})(?![\d/]|\.\d)"
    rf"(?:(?:T|,?\s+(?:at\s+)?)(?P<time>\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*[AaPp][Mm])?{_TZ}))?"
)
_RE_WEEKDAY = re.compile(rf"(?:{_WD_FULL})(?P<poss>['’]s)?\b(?:\s+(?P<part>morning|afternoon|evening|night))?")
_BACK_WEEKDAY = re.compile(r"\b(?P<pre>[Oo]n|[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|"
                           r"[Ll]ate|[Ee]arly|[Bb]efore|[Aa]fter|[Ff]or)[^\S\n]+\Z")
_RE_RELATIVE = re.compile(r"(?:this|This|last|Last|next|Next|past|Past|coming|Coming|previous|Previous)\s+"
                          r"(?P<unit>week|weekend|month|year)\b")
_BACK_RELATIVE = re.compile(r"\b(?:[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate)[^\S\n]+\Z")
_RE_DAYWORD = re.compile(r"(?:yesterday|Yesterday|today|Today|tomorrow|Tomorrow|tonight|Tonight|last night|"
                         r"Last night|this (?:morning|afternoon|evening)|This (?:morning|afternoon|evening))\b")
_RE_AGO = re.compile(r"ago\b")
_BACK_AGO = re.compile(r"\b(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                       r"a few|several)[^\S\n]+(?P<unit>day|week|month|year)s?[^\S\n]+$", re.I)
_RE_YEAR = re.compile(
    r"(?:19|20)\d\d\b(?!['’]?s\b|[\d/]|,\d|\.\d|%|-(?:year|strong|member|page|word|mile|km|seat)|\s*(?:people|persons|"
    r"troops|soldiers|men|women|children|km|kilomet|miles|metres|meters|feet|tons|tonnes|kg|dollars|euros|rubles|"
    r"roubles|pounds|barrels|votes|points|cases|deaths|units|drones|missiles|tanks|jobs|words|pages|hectares|"
    r"acres|GMT|UTC|hours|hrs)\b)"
)
_RE_SPAN = re.compile(r"(?P<y>(?:19|20)\d\d)[-–/](?P<z>\d\d|(?:19|20)\d\d)\b(?![-–/.]\d)")
_BACK_YEAR = re.compile(r"(?:\b(?P<pre>[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Oo]f|[Dd]uring|[Bb]efore|[Aa]fter|"
                        r"[Tt]hrough|[Aa]round|[Ff]or|[Ll]ate|[Ee]arly|[Mm]id)(?:[^\S\n]|-)+)?"
                        r"(?:\b(?P<det>[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)[^\S\n]+)?\Z")
_RE_SEASON = re.compile(r"(?P<season>spring|summer|autumn|fall|winter)\s+of\s+(?P<year>(?:19|20)\d\d)\b")
_BACK_SEASON = re.compile(r"(?:\b(?P<pre>[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring|[Tt]hrough|[Bb]efore|[Aa]fter)[^\S\n]+)?"
                          r"(?:[Tt]he[^\S\n]+)?(?:(?:early|late|mid)[- ])?\Z")
_RE_REL_SEASON = re.compile(r"(?P<rel>last|this|next|past|coming)\s+(?P<season>spring|summer|autumn|fall|winter)\b")
_RE_DECADE = re.compile(r"(?:['’‘](?P<short>\d)0s|(?P<full>(?:1[89]|20)\d)0s)\b")
_BACK_DECADE = re.compile(r"(?:\b[Tt]he[^\S\n]+)?(?:(?:early|mid|late)(?:[^\S\n]|-)+)?\Z")
_RE_HOLIDAY = re.compile(r"(?:Christmas|New\s+Year|Thanksgiving|Easter|Halloween|Valentine['’]s\s+Day|"
                         r"Fourth\s+of\s+July|Victory\s+Day|Labor\s+Day|Memorial\s+Day|Boxing\s+Day|Good\s+Friday)"
                         r"(?:['’]s)?(?:\s+(?:Eve|Day))?\b"
                         # a name, not the day: the Good Friday Agreement, the Easter Rising, Christmas Island
                         r"(?!\s+(?:[Aa]greement|[Aa]ccords?|Rising|Islands?|Uprising|Offensive|[Bb]ombings?|"
                         r"[Aa]ttacks?|[Dd]eal|[Pp]eace|[Mm]assacre|[Pp]arty|[Cc]ampaign))")
_BACK_HOLIDAY = re.compile(r"(?:\b(?P<pre>last|next|this|on|at|over|for|since|before|after|by|until|ahead[^\S\n]+of)[^\S\n]+)?"
                           r"(?:the[^\S\n]+)?(?P<orth>Orthodox[^\S\n]+)?\Z")
_NOT_YEAR_BEFORE = re.compile(
    r"(?:No\.?|[Nn]umber|Resolution|Article|[Ff]light|[Rr]oom|[Pp]age|Highway|Route|Model|[Cc]ode|[Uu]nit|"
    r"[Rr]egulation|[Dd]ecree|[Oo]rder|\d)\s*$"
)
_HOLIDAY_BLOCKERS = re.compile(r"(?:Lunar|Chinese|Jewish|Persian|Iranian|Islamic|Vietnamese|Tamil|Thai)\s+\Z")
_WEEKDAY_BLOCKERS = re.compile(
    r"(?:Bloody|Super|Black|Good|Easter|Palm|Ash|Holy|Maundy|Cyber|Giving|Shrove|Low|Trinity|Whit|Mothering|"
    r"Blue|Red|Green|Manic|Casual|Freaky|Man|Girl|Thank\s+God\s+It['’]s|TGI)\s+$"
)
_NOUN_TAIL = re.compile(r"(?:\s+(?!(?:of|in|on|at|to|and|or|that|which|who|when|was|were|is|are|will|would|has|"
                        r"had|have|the|a|an|by|for|with|as|from|but|after|before|said|says)\b)[A-Za-z][\w-]*){1,3}")

_FUTURE_WORDS = frozenset(
    "will shall would 'll won't upcoming next coming scheduled slated due expected planned plans plan planning "
    "intends intend intent intention aims aim hopes hope seeks seek ready poised likely whether going expire "
    "expires expiring forthcoming until till ahead promised promise promises pledged pledge pledges vowed vow "
    "vows tomorrow travels travel hosts host faces face plays meets resumes reopens opens begins starts kicks "
    "convenes remanded bailed summoned starting effective".split()
)
_SCHEDULED_WORDS = frozenset("expire expires expiring until till through deadline".split())
# past verbs with future objects: "pledged to ...", "remanded in custody to appear on 5 April"
_PROMISED = frozenset("promised pledged vowed remanded bailed summoned".split())
# "trimmed its forecasts for China to 5.0 percent in 2023 and 4.2 percent in 2024": the years of a forecast
_FORECAST_NOUNS = frozenset({"forecast", "forecasts", "projection", "projections", "outlook", "outlooks"})
_PASSIVE_BE = frozenset({"be", "being"})  # "will be sworn in on", "to be held on": the tense is the auxiliary's
_PAST_WORDS = frozenset(
    "was were had did ago said told met held took made came went saw gave sent spoke wrote began won lost left "
    "became been since last former earlier previously ran fell rose sought thought felt kept brought bought "
    "fought built chose drew grew knew led paid shot stood struck swore taught won wore".split()
)
_NOT_PAST_ED = frozenset("need speed indeed proceed succeed exceed feed seed bed red hundred united based related "
                         "concerned interested involved unprecedented alleged so-called promised followed".split())
_ATTRIBUTIVE = frozenset({"the", "its", "their", "his", "her"})
_ANTERIOR_PREPS = frozenset({"after", "since", "following"})
_FACE_TO_FACE = re.compile(r"\bface[\s-]+to[\s-]+face\b", re.I)
_PARENTHESIS = re.compile(r"\([^()\n]{0,60}\)")
_RESCHEDULED = re.compile(r"\b(?:moved|postponed|rescheduled|pushed\s+back|put\s+off|delayed|brought\s+forward|"
                          r"shifted|deferred)\s+(?:\w+\s+){0,3}?(?:to|until|till|for)\s*$", re.I)
_DETERMINERS = _ATTRIBUTIVE | frozenset("a an our your my this these those two three four several many".split())
_CLAUSE_BREAK = re.compile(r"[.:](?=\s|$)|[;!?()\n\"“”«»]|,\s+(?:but|and|while|whereas)\s")  # not "00:00", "U.S."
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(slots=True)
class Mention:
    """A date or time mention as written, with its parsed parts."""

    text: str
    start: int
    end: int
    kind: str  # date | weekday | relative | month | year | holiday | season | decade
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    unit: str | None = None  # relative mentions: day | week | weekend | month | year; weekdays: "explicit"
    offset: int = 0  # relative mentions: -1 last, 0 this, +1 next, -n "n ago"
    tense: str | None = None  # past | future | None when the words give no hint
    scheduled: bool = False  # future by a schedule ("due to expire") rather than a plan
    time: str | None = None  # "15:30"
    holiday: str | None = None
    anterior: bool = False  # "had been expected on ...": before the time of the story
    pre: str | None = None  # the preposition before it: "since", "in", "for", "the" ...
    last_day: bool = False  # "the last day of February": the day depends on the year
    end_year: int | None = None  # "the 2018-19 season": 2019
    season: str | None = None  # SP | SU | FA | WI
    year_offset: int | None = None  # "in February last year": -1

    def day_in(self, year: int) -> date | None:
        """The calendar day this month-day names in ``year`` (None when it has none, like 29 February)."""
        if self.month is None or self.day is None:
            return None
        day = calendar.monthrange(year, self.month)[1] if self.last_day else self.day
        return date(year, self.month, day) if _valid(year, self.month, day) else None


def find_timexes(text: str) -> list[Mention]:
    """Every date or time mention in ``text``, in order, without overlaps."""
    found: list[Mention] = []
    for finder in (_full_dates, _last_days, _numeric_dates, _month_rel_years, _month_years, _months, _weekdays,
                   _relatives, _holidays, _seasons, _decades, _spans, _years):
        found.extend(finder(text))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for m in found:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    previous: Mention | None = None
    for m in kept:
        prev, previous = previous, m
        if (m.kind == "holiday" and m.pre != "on") or (m.kind == "year" and m.pre in (*_ATTRIBUTIVE, "for")):
            continue  # "a Christmas letter was sent" is no past Christmas; "the 2023 census", "a budget for 2021"
        if m.kind == "year" and prev is not None and prev.kind == "year" and \
                re.fullmatch(r"\s*(?:to|-|–|—|and|through)\s*", text[prev.end:m.start]):
            m.tense = prev.tense  # "for 2021 to 2027": the span's end has its start's tense
            continue
        if m.tense is None or m.kind in ("date", "weekday"):
            # a date's own words ("since", "next") come first, but "had been due on ..." is anterior
            tense, scheduled, anterior = _tense(text, m.start, m.end)
            if anterior:
                m.tense, m.scheduled, m.anterior = "past", False, True
            elif m.tense is None:
                m.tense, m.scheduled = tense, scheduled
    return kept


# --- finders ---------------------------------------------------------------

def _mention(text: str, start: int, end: int, kind: str, **parts) -> Mention:
    """A mention; one opening with "the" runs on to its noun: "the November 3 vote"."""
    if text.startswith(("the ", "The "), start):
        tail = _NOUN_TAIL.match(text, end)
        if tail and "\n" not in tail.group(0):
            end = tail.end()
    return Mention(text[start:end], start, end, kind, **parts)


def _prefix_tense(pre: str | None) -> tuple[str | None, bool]:
    pre = (pre or "").lower()
    if pre in ("since", "last", "past"):
        return "past", False
    if pre in ("next", "coming", "for"):
        return "future", False
    if pre in ("until", "till", "through", "by"):
        return "future", True
    return None, False


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: a bare "February 29" is valid
        return True
    except ValueError:
        return False


def _back(regex: re.Pattern, text: str, start: int) -> re.Match | None:
    """The words just before ``start`` that belong to the mention."""
    return regex.search(text, max(0, start - 40), start)


def _word_start(text: str, i: int) -> bool:
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in ".,/$£€#-")


def _pre(back: re.Match | None) -> str | None:
    """The preposition before a mention, else its determiner ("the 2016 election")."""
    if not back or not back.group(0):
        return None
    if back.group("pre"):
        return back.group("pre").lower()
    det = back.groupdict().get("det")
    return det.lower() if det else None


def _full_dates(text: str) -> list[Mention]:
    out = []
    for regex in (_RE_MD, _RE_DM):
        for m in regex.finditer(text):
            if not _word_start(text, m.start()):
                continue
            words = m.group(0).split()
            mon = m.group("mon") if regex is _RE_DM else words[0]
            month = MONTHS[mon.rstrip(".").lower()]
            day = int(re.match(r"\d+", m.group("day") if regex is _RE_MD else words[0]).group(0))
            year = int(m.group("year")) if m.group("year") else None
            if not _valid(year, month, day) or (month == 5 and _after_name(text, m.start())):
                continue
            back = _back(_BACK_MD, text, m.start())
            start, end = (back.start(), m.end()) if back else (m.start(), m.end())
            if back and back.group("par") and text.startswith(")", end):
                end += 1
            wd = back.group("wd") if back else None
            tense, scheduled = _prefix_tense(_pre(back))
            out.append(_mention(text, start, end, "date", year=year, month=month, day=day,
                                weekday=WEEKDAYS[wd.rstrip(".").lower()] if wd else None,
                                tense=tense, scheduled=scheduled, time=_clock(m.group("time")), pre=_pre(back)))
    return out


def _last_days(text: str) -> list[Mention]:
    """'Thursday, the last day of February': a date whose day depends on the year."""
    out = []
    for m in _RE_LAST_DAY.finditer(text):
        back = _back(_BACK_LAST_DAY, text, m.start())
        start = back.start() if back and back.group(0) else m.start()
        wd = back.group("wd") if back else None
        month = MONTHS[m.group("mon").lower()]
        year = int(m.group("year")) if m.group("year") else None
        last = m.group("which") == "last"
        tense, scheduled = _prefix_tense(_pre(back))
        out.append(Mention(text[start:m.end()], start, m.end(), "date", year=year, month=month,
                           day=31 if last else 1, last_day=last, weekday=WEEKDAYS[wd.rstrip(".").lower()] if wd else None,
                           tense=tense, scheduled=scheduled, pre=_pre(back)))
    return out


def _after_name(text: str, start: int) -> bool:
    """'Theresa May 2019' is a name; 'May 3' after a capitalised name is still a date."""
    return bool(re.search(r"(?:Theresa|Minister|Mrs\.?|Ms\.?)\s+$", text[max(0, start - 20):start]))


# zones written with day-first dates: 'Published 12/02/2015 - 14:52 CET' is 12 February
_DAY_FIRST_ZONE = re.compile(r"\b(?:CES?T|BST|GMT|MSK|EES?T|WES?T|AES[DT]|AWST|IST|SAST|EAT|WAT|NZ[DS]T|HKT|SGT|"
                             r"Moscow time|Kyiv time|Kiev time)\b")


_US_ZONE = re.compile(r"\d\s*(?:[AaPp]\.?[Mm]\.?\s*)?(?:[ECMP][SD]?T|ET|PT)\b")


def slash_order(text: str, found: list[re.Match] | None = None) -> str | None:
    """How the page writes 'a/b/yyyy': a date that can only be read one way ('13/02/2015') settles it for
    all; failing that, a European or Asian time zone on the page says day-first. None when nothing does
    (then month-first, the US way, is assumed)."""
    if found is None:
        found = list(_RE_NUMERIC.finditer(text))
    pairs = [tuple(int(x) for x in re.match(r"[\d./-]+", m.group(0)).group(0).split("/")[:2])
             for m in found if m.group("sep") == "/"]
    day_first = any(a > 12 >= b for a, b in pairs)
    month_first = any(b > 12 >= a for a, b in pairs)
    if day_first != month_first:
        return "day-first" if day_first else "month-first"
    if not day_first and pairs:
        if _DAY_FIRST_ZONE.search(text):
            return "day-first"
        if _US_ZONE.search(text):
            return "month-first"
    return None


def ambiguous_slash_date(m: Mention) -> bool:
    """'03/04/2019': a date that reads as two different days."""
    parts = re.match(r"(\d{1,2})/(\d{1,2})/", m.text.strip())
    return bool(parts) and parts.group(1) != parts.group(2) and max(int(parts.group(1)), int(parts.group(2))) <= 12


def _numeric_dates(text: str) -> list[Mention]:
    out = []
    found = [m for m in _RE_NUMERIC.finditer(text) if not (m.start() and text[m.start() - 1] in "0123456789./-")]
    day_first = slash_order(text, found) == "day-first"
    for m in found:
        core = re.match(r"[\d./-]+", m.group(0)).group(0)
        if m.group("sep"):
            a, b, year = (int(x) for x in core.split(m.group("sep"))[:3])
            # dots and dashes are day-first; slashes as the page writes them; either flips when it cannot be
            day, month = (b, a) if m.group("sep") == "/" and not day_first else (a, b)
            if month > 12:
                day, month = month, day
        else:
            year, month, day = (int(x) for x in core.split("-"))
        if 1 <= month <= 12 and _valid(year, month, day):
            out.append(Mention(m.group(0), m.start(), m.end(), "date", year=year, month=month, day=day,
                               time=_clock(m.group("time"))))
    return out


def _month_rel_years(text: str) -> list[Mention]:
    """'in February last year', 'March of next year': a month of a year named relative to today."""
    out = []
    for m in _RE_MONTH_REL_YEAR.finditer(text):
        if not _word_start(text, m.start()):
            continue
        back = _back(_BACK_MONTH, text, m.start())
        start = back.start() if back else m.start()
        offset = {"last": -1, "this": 0, "next": 1}[m.group("rel")]
        tense = "past" if offset < 0 else "future" if offset > 0 else None
        out.append(Mention(text[start:m.end()], start, m.end(), "month", month=MONTHS[m.group("mon").lower()],
                           year_offset=offset, tense=tense, pre=_pre(back)))
    return out


def _month_years(text: str) -> list[Mention]:
    out = []
    for m in _RE_MONTH_YEAR.finditer(text):
        if not _word_start(text, m.start()):
            continue
        if m.group(0).startswith("May") and _after_name(text, m.start()):
            continue
        back = _back(_BACK_MONTH_YEAR, text, m.start())
        start = back.start() if back and back.group(0) else m.start()
        tense, scheduled = _prefix_tense(_pre(back))
        out.append(Mention(text[start:m.end()], start, m.end(), "month", year=int(m.group("year")),
                           month=MONTHS[m.group(0).split()[0].rstrip(".").lower()], tense=tense, scheduled=scheduled,
                           pre=_pre(back)))
    return out


def _months(text: str) -> list[Mention]:
    out = []
    for m in _RE_MONTH.finditer(text):
        back = _back(_BACK_MONTH, text, m.start()) if _word_start(text, m.start()) else None
        if not back:
            continue
        pre = back.group("pre").lower()
        if m.group(0) == "May" and pre in ("of", "from", "before", "after"):
            continue  # "a letter from May", "after May took office": the prime minister, not the month
        tense, scheduled = _prefix_tense(pre)
        offset = {"last": -1, "next": 1, "this": 0}.get(pre)
        out.append(Mention(text[back.start():m.end()], back.start(), m.end(), "month", month=MONTHS[m.group(0).lower()],
                           tense=tense or ("past" if offset == -1 else None), scheduled=scheduled,
                           offset=offset if offset is not None else 0, unit="explicit" if offset is not None else None,
                           pre=pre))
    return out


def _weekdays(text: str) -> list[Mention]:
    out = []
    for m in _RE_WEEKDAY.finditer(text):
        if not _word_start(text, m.start()):
            continue
        back = _back(_BACK_WEEKDAY, text, m.start())
        pre = back.group("pre") if back else None
        before = text[max(0, m.start() - 30):m.start()]
        if _WEEKDAY_BLOCKERS.search(before):
            continue
        if not pre:
            after = text[m.end():m.end() + 20]
            # "Sunday Times", "The Sunday Telegraph": a weekday used as a name
            if re.match(r"\s+[A-Z][a-z]", after) and not re.match(rf"\s+(?:{_MONTH_FULL})\b", after):
                continue
            if re.search(r"\b(?:The|the)\s+$", before) and not m.group("poss"):
                continue
        pre_l = (pre or "").lower()
        offset = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}.get(pre_l)
        tense, scheduled = (None, False) if pre_l == "this" else _prefix_tense(pre)
        start = back.start() if back else m.start()
        out.append(Mention(text[start:m.end()], start, m.end(), "weekday",
                           weekday=WEEKDAYS[m.group(0).split()[0].split("'")[0].split("’")[0].lower()],
                           offset=offset if offset is not None else 0, tense=tense, scheduled=scheduled,
                           unit="explicit" if offset is not None else None, pre=pre_l or None))
    return out


def _relatives(text: str) -> list[Mention]:
    out = []
    for m in _RE_RELATIVE.finditer(text):
        if not _word_start(text, m.start()):
            continue
        rel = m.group(0).split()[0].lower()
        if re.search(r"\b(?:the|over|in)\s+$", text[max(0, m.start() - 6):m.start()]):
            continue  # "over the past week", "the last year": a duration, not a date
        back = _back(_BACK_RELATIVE, text, m.start())
        start = back.start() if back else m.start()
        offset = {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}[rel]
        mod = back.group(0).strip().lower() if back else ""
        tense = "past" if offset < 0 or mod == "earlier" else "future" if offset > 0 or mod == "later" else None
        out.append(Mention(text[start:m.end()], start, m.end(), "relative", unit=m.group("unit"), offset=offset,
                           tense=tense))
    for m in _RE_DAYWORD.finditer(text):
        word = m.group(0).lower()
        if not _word_start(text, m.start()) or (word == "today" and re.search(
                r"(?:USA|Russia|India|China|Bulgaria)\s+$", text[max(0, m.start() - 10):m.start()])):
            continue  # USA Today, Russia Today: outlets
        offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)  # today, tonight, this morning
        out.append(Mention(m.group(0), m.start(), m.end(), "relative", unit="day", offset=offset,
                           tense="past" if offset < 0 else "future" if offset > 0 else None))
    for m in _RE_AGO.finditer(text):
        back = _back(_BACK_AGO, text, m.start()) if _word_start(text, m.start()) else None
        if not back:
            continue
        n = back.group("n").lower()
        count = int(n) if n.isdigit() else NUMBER_WORDS[n]
        out.append(Mention(text[back.start():m.end()], back.start(), m.end(), "relative",
                           unit=back.group("unit").lower(), offset=-count, tense="past"))
    return out


def _holidays(text: str) -> list[Mention]:
    out = []
    for m in _RE_HOLIDAY.finditer(text):
        if not _word_start(text, m.start()) or _HOLIDAY_BLOCKERS.search(text[max(0, m.start() - 12):m.start()]):
            continue
        back = _back(_BACK_HOLIDAY, text, m.start())
        start = back.start() if back and back.group(0) else m.start()
        name = re.sub(r"\s+", " ", (back.group("orth") or "") + m.group(0)).replace("’", "'")
        pre = (back.group("pre") or "").lower()
        tense = "past" if pre in ("last", "since", "after") else "future" if pre in (
            "next", "before", "by", "until", "ahead of") else None
        out.append(Mention(text[start:m.end()], start, m.end(), "holiday", holiday=_holiday_key(name),
                           offset=-1 if pre == "last" else 1 if pre == "next" else 0, tense=tense, pre=pre or None))
    return out


def _holiday_key(name: str) -> str:
    lowered = name.lower()
    for key in ("orthodox christmas", "christmas eve", "christmas", "new year's eve", "orthodox easter",
                "labor day", "memorial day", "boxing day", "good friday"):
        if key in lowered:
            return key
    if "new year" in lowered:
        return "new year"
    if "fourth of july" in lowered:
        return "independence day"
    if "valentine" in lowered:
        return "valentine's day"
    return lowered


def _seasons(text: str) -> list[Mention]:
    """'the spring of 2016' (a season of a year) and 'last summer' (one named relative to today)."""
    out: list[Mention] = []
    lower = text.lower()  # lower-case patterns on lower-case text: fast literal scans
    if len(lower) != len(text) or not any(w in lower for w in ("spring", "summer", "autumn", "fall", "winter")):
        return out
    for m in _RE_SEASON.finditer(lower):
        if not _word_start(text, m.start()):
            continue
        back = _back(_BACK_SEASON, text, m.start())
        start = back.start() if back and back.group(0) else m.start()
        tense, scheduled = _prefix_tense(_pre(back))
        out.append(Mention(text[start:m.end()], start, m.end(), "season", year=int(m.group("year")),
                           season=SEASONS[m.group("season")], tense=tense, scheduled=scheduled, pre=_pre(back)))
    for m in _RE_REL_SEASON.finditer(lower):
        if not _word_start(text, m.start()) or text[m.start("season")].isupper():
            continue  # "last Summer Games": a name
        rel = m.group("rel")
        offset = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[rel]
        out.append(Mention(text[m.start():m.end()], m.start(), m.end(), "season", season=SEASONS[m.group("season")],
                           offset=offset, unit="explicit", tense="past" if offset < 0 else "future" if offset else None))
    return out


def _decades(text: str) -> list[Mention]:
    """'the late '90s', 'the 1960s': TIMEX3 decade values ("199")."""
    out = []
    for m in _RE_DECADE.finditer(text):
        if m.group("full"):
            if not _word_start(text, m.start()):
                continue
            decade = int(m.group("full")) * 10
        else:
            digit = int(m.group("short"))
            decade = (2000 if digit <= 2 else 1900) + digit * 10
        back = _back(_BACK_DECADE, text, m.start())
        start = back.start() if back and back.group(0) else m.start()
        out.append(Mention(text[start:m.end()], start, m.end(), "decade", year=decade, tense="past"))
    return out


def _spans(text: str) -> list[Mention]:
    """'the 2018-19 season', '2018/2019': a span of two years."""
    out = []
    for m in _RE_SPAN.finditer(text):
        if not _word_start(text, m.start()):
            continue
        y, z = int(m.group("y")), m.group("z")
        end_year = int(z) if len(z) == 4 else (y // 100) * 100 + int(z)
        if end_year != y + 1:
            continue  # "2014-2018": two years, found one by one
        back = _back(_BACK_YEAR, text, m.start())
        start = _year_start(back, m.start())
        tense, scheduled = _prefix_tense(_pre(back))
        out.append(_mention(text, start, m.end(), "year", year=y, end_year=end_year, tense=tense, scheduled=scheduled,
                            pre=_pre(back)))
    return out


def _years(text: str) -> list[Mention]:
    out = []
    for m in _RE_YEAR.finditer(text):
        if not _word_start(text, m.start()) or _NOT_YEAR_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            continue
        back = _back(_BACK_YEAR, text, m.start())
        start = _year_start(back, m.start())
        pre = _pre(back)
        tense, scheduled = _prefix_tense(pre) if pre != "for" else (None, False)  # "profit for 2023" is no plan
        out.append(_mention(text, start, m.end(), "year", year=int(m.group(0)), tense=tense, scheduled=scheduled,
                            pre=pre))
    return out


def _year_start(back: re.Match | None, start: int) -> int:
    """'in 2020' keeps its preposition; 'since the 2016 election' starts at 'the' (the preposition is kept apart)."""
    if not back or not back.group(0):
        return start
    return back.start("det") if back.group("det") else back.start()


def _clock(raw: str | None) -> str | None:
    """'10:15 AM ET' -> '10:15'; '3 p.m.' -> '15:00' (time zone dropped)."""
    if not raw:
        return None
    m = re.match(r"(\d{1,2})(?::(\d{2}))?\s*([AaPp])?", raw)
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if m.group(3) and m.group(3).lower() == "p" and hour < 12:
        hour += 12
    elif m.group(3) and m.group(3).lower() == "a" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


# --- tense -----------------------------------------------------------------

def _tense(text: str, start: int, end: int) -> tuple[str | None, bool, bool]:
    """(tense, scheduled, anterior) from the nearest cue word in the clause, looking back first, then ahead.

    A plan reported in the past perfect ("had been due to take place on ...", "had first been expected
    on ...") lies behind the story: past and anterior. One reported in the simple past ("was due to
    expire on ...") may lie either way: no tense.
    """
    back = _PARENTHESIS.sub(" ", text[max(0, start - 160):start])[-120:]  # "to begin at 00:00 (22:00 GMT) on"
    back = _FACE_TO_FACE.sub(" ", back)  # "met face to face": no verb "face"
    cut = max((b.end() for b in _CLAUSE_BREAK.finditer(back)), default=0)
    words = _WORD.findall(back[cut:])[-12:]
    if _RESCHEDULED.search(back[cut:]):
        return None, False, False  # "the vote was moved to July 1": the new day may lie either side
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in _FORECAST_NOUNS:
            return "future", False, False
        if words[i].lower() == "set" and i + 1 < len(words) and words[i + 1] in ("for", "to"):
            found: tuple[str, bool] | None = ("future", False)  # "set for June 16", "set to meet"
        elif i and words[i - 1].lower() in _PASSIVE_BE and words[i].lower() not in _FUTURE_WORDS:
            continue  # a participle after "be": "will be inaugurated Jan. 20" looks ahead, "to be held" too
        elif i and words[i - 1].lower() in ("is", "are", "am") and words[i].lower().endswith("ed") and \
                words[i].lower() not in _FUTURE_WORDS:
            continue  # a present passive: "when he is inaugurated on January 20" takes the main verb's tense
        elif i >= 3 and words[i - 1].lower() in ("or", "and") and words[i - 3].lower() in _PASSIVE_BE:
            continue  # "is to be eliminated or removed in 2014": the second participle of the same "be"
        elif words[i].lower() in _PASSIVE_BE:
            found = ("future", False)  # "to be", "could be": after a modal or "to", not a narrated past
        elif words[i].lower() == "to" and i and words[i - 1].lower() in ("is", "are") and \
                not {w.lower() for w in words[i:] + _WORD.findall(text[start:end])[:1]} & _ANTERIOR_PREPS:
            found = ("future", False)  # "a ceasefire is to begin on Sunday", not "is to go after Tuesday's vote"
        elif i and words[i - 1].lower() in _DETERMINERS:
            continue  # a noun: "confirmed the hosts on Wednesday", "its plans"
        else:
            found = _cue(words[i])
        if found:
            earlier = {w.lower() for w in words[max(0, i - 4):i]}
            if "had" in earlier or (found[0] == "past" and words[i].lower() == "had"):
                return "past", False, True
            if found[0] == "future" and words[i].lower() not in ("whether", "will", "would", "shall") and \
                    words[i].lower() not in _PROMISED and {w.lower() for w in words[max(0, i - 3):i]} & {"was", "were"}:
                return None, False, False  # "was due to expire on ...", "was set to": either side of today
            if words[i].lower() in _PROMISED and len(words) - i <= 2:
                return "past", False, False  # "pledged on Tuesday to ...": the day of the pledge
            every = _WORD.findall(back[cut:])
            j = len(every) - len(words) + i  # the cue's place among all the clause's words
            if words[i].lower() == "been" and [w.lower() for w in every[max(0, j - 2):j]] == ["to", "have"]:
                return None, False, False  # "was to have been held on May 9": a plan that fell through
            if found[0] == "past" and {w.lower() for w in words[max(0, i - 5):i]} & {"if", "unless"}:
                return None, False, False  # "if Russia interfered in 2020": a supposition, not a past
            if words[i].lower() == "ahead" and _narrated_before(text, start, len(words) - i):
                return None, False, False  # "hid the deficit ahead of her re-election in 2014": ahead then
            return found[0], found[1], False
    ahead = text[end:end + 60]
    stop = _CLAUSE_BREAK.search(ahead)
    for word in _WORD.findall(ahead[:stop.start() if stop else None])[:4]:
        found = _cue(word)
        if found:
            return found[0], found[1], False
    return None, False, False


_REPORTED = frozenset({"said", "says", "told", "tells", "added", "noted", "warned", "argued", "believe", "believed",
                       "think", "thought", "wrote", "predicted"})


def _narrated_before(text: str, start: int, skip: int) -> bool:
    """A past verb earlier in the sentence than the last ``skip`` words before ``start``."""
    back = text[max(0, start - 300):start]
    cut = max((b.end() for b in re.finditer(r"[.!?\n]\s", back)), default=0)
    for word in reversed(_WORD.findall(back[cut:])[:-skip]):
        if word.lower() in _REPORTED:
            continue  # "analysts said Beijing was likely to ... ahead of": the nearest verb tells, not "said"
        cue = _cue(word)
        if cue:
            return cue == ("past", False)
    return False


def _cue(word: str) -> tuple[str, bool] | None:
    w = word.lower().replace("’", "'")
    if w in _FUTURE_WORDS or w.endswith("'ll"):
        return "future", w in _SCHEDULED_WORDS
    if word[0].isupper() and w not in _PAST_WORDS:
        return None  # capitalised words are names here, not verbs
    if w in _PAST_WORDS or (w.endswith("ed") and len(w) > 4 and w not in _NOT_PAST_ED and not w.endswith("eed")):
        return "past", False
    return None


# --- resolution ------------------------------------------------------------

def resolve(mentions: list[Mention], published: PublishedDate) -> list[TimeExpr]:
    """Calendar values for the mentions, anchored on ``published``; unresolvable ones are dropped."""
    anchor = published.value
    out = []
    for m in mentions:
        value = resolve_one(m, anchor)
        if value:
            out.append(TimeExpr(text=m.text, start=m.start, end=m.end, value=value, anchor=anchor))
    return out


def resolve_one(m: Mention, anchor: str | None) -> str | None:
    """The ISO value (possibly partial) of one mention, or None when the anchor cannot fix it."""
    if m.kind == "decade":
        return f"{m.year // 10:03d}"
    if m.kind == "year":
        return f"{m.year:04d}"
    if m.kind == "season" and m.year:
        return f"{m.year:04d}-{m.season}"
    if m.kind == "date" and m.year:
        day = m.day_in(m.year)
        return _iso(day, m.time) if day else None
    if m.kind == "month" and m.year:
        return f"{m.year:04d}-{m.month:02d}"
    if not anchor:
        return None
    parts = [int(p) for p in anchor[:10].split("-")]
    if len(parts) == 3:
        return _resolve_on_day(m, date(*parts))
    return _resolve_on_partial(m, parts)


def _resolve_on_day(m: Mention, anchor: date) -> str | None:
    if m.kind == "date":
        return _iso(month_day_near(m, anchor), m.time)
    if m.kind == "weekday":
        return weekday_near(m.weekday, anchor, m.tense, m.offset, m.unit == "explicit").isoformat()
    if m.kind == "month":
        return f"{_month_year(m, anchor.year, anchor.month):04d}-{m.month:02d}"
    if m.kind == "holiday":
        day = holiday_near(m.holiday, anchor, m.tense, m.offset)
        return day.isoformat() if day else None
    if m.kind == "season":
        return f"{_season_year(m, anchor.year, anchor.month):04d}-{m.season}"
    return _relative_value(m, anchor)


def _resolve_on_partial(m: Mention, parts: list[int]) -> str | None:
    """Against a month ("2023-12") or a year anchor: the best partial value."""
    year = parts[0]
    month = parts[1] if len(parts) > 1 else None
    if m.kind == "relative" and m.unit == "year":
        return f"{year + m.offset:04d}"
    if m.kind == "relative" and m.unit == "month" and month:
        y, mo = divmod(year * 12 + month - 1 + m.offset, 12)
        return f"{y:04d}-{mo + 1:02d}"
    if m.kind == "relative" or m.kind == "weekday":  # a day or a week: inside the anchor's month or year
        return f"{year:04d}-{month:02d}" if month else f"{year:04d}"
    if m.kind == "date":
        if month:
            later = (m.month, m.day or 1) > (month, 31)
            y = year - 1 if later and m.tense != "future" else year
        else:
            y = year
        day = m.day_in(y)
        return day.isoformat() if day else f"{y:04d}-{m.month:02d}"
    if m.kind == "month":
        return f"{_month_year(m, year, month or 12):04d}-{m.month:02d}"
    if m.kind == "holiday":
        day = holiday_on(m.holiday, year + (m.offset or 0))
        return day.isoformat() if day and month is None or (day and day.month == month) else f"{year:04d}"
    if m.kind == "season":
        return f"{_season_year(m, year, month or 6):04d}-{m.season}"
    return None


def _month_year(m: Mention, year: int, month: int) -> int:
    """The year of a month named without one, seen from (year, month)."""
    if m.year_offset is not None:
        return year + m.year_offset
    if m.unit == "explicit":  # last March, next March, this March
        if m.offset < 0:
            return year if m.month < month else year - 1
        if m.offset > 0:
            return year if m.month > month else year + 1
        return year
    if m.tense == "future":
        return year if m.month >= month else year + 1
    return year if m.month <= month else year - 1


_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


def _season_year(m: Mention, year: int, month: int) -> int:
    """'last summer' in April 2025 is 2024; 'next spring' in November 2023 is 2024."""
    mid = _SEASON_MONTH[m.season]
    if m.season == "WI":  # a winter is named after the year it starts in ("the winter of 2018")
        current = year if month >= 11 else year - 1 if month <= 2 else None
        if m.offset < 0:
            return current - 1 if current is not None else year - 1
        if m.offset > 0:
            return current + 1 if current is not None else year
        return current if current is not None else year
    if m.offset < 0:
        return year if mid + 1 < month else year - 1
    if m.offset > 0:
        return year if mid - 1 > month else year + 1
    return year


def _relative_value(m: Mention, anchor: date) -> str:
    if m.unit == "day":
        return (anchor + timedelta(days=m.offset)).isoformat()
    if m.unit in ("week", "weekend"):
        y, w, _ = (anchor + timedelta(weeks=m.offset)).isocalendar()
        return f"{y:04d}-W{w:02d}"
    if m.unit == "month":
        y, mo = divmod(anchor.year * 12 + anchor.month - 1 + m.offset, 12)
        return f"{y:04d}-{mo + 1:02d}"
    return f"{anchor.year + m.offset:04d}"


def _iso(day: date | None, time: str | None) -> str | None:
    if day is None:
        return None
    return f"{day.isoformat()}T{time}" if time else day.isoformat()


def occurrence(month: int, day: int, anchor: date, direction: int, last_day: bool = False) -> date:
    """The (month, day) on or before ``anchor`` (direction -1) or on or after it (+1)."""
    year = anchor.year
    if not last_day and (month != 2 or day != 29):  # the common case, without a loop
        here = date(year, month, day)
        if (here <= anchor) if direction < 0 else (here >= anchor):
            return here
        return date(year + direction, month, day)
    for _ in range(9):  # February 29 may need to skip up to 8 years
        d = calendar.monthrange(year, month)[1] if last_day else day
        if _valid(year, month, d):
            candidate = date(year, month, d)
            if (direction < 0 and candidate <= anchor) or (direction > 0 and candidate >= anchor):
                return candidate
        year += direction
    return date(anchor.year, month, 28)


def month_day_near(m: Mention, anchor: date) -> date:
    """The year for a month-day: the one the weekday agrees with, else nearest in the tense's direction."""
    past = occurrence(m.month, m.day, anchor, -1, m.last_day)
    future = occurrence(m.month, m.day, anchor, 1, m.last_day)
    if m.weekday is not None:
        fits = [d for d in (past, future) if d.weekday() == m.weekday]
        if len(fits) == 1:
            return fits[0]
    if m.tense == "past":
        return past
    if m.tense == "future":
        return future
    # no tense word: past unless the coming one is much nearer (news rarely recalls a date a year back
    # without saying so, but often announces one a few days ahead)
    return past if (anchor - past).days <= 3 * (future - anchor).days else future


def weekday_near(weekday: int, anchor: date, tense: str | None, offset: int = 0, explicit: bool = False) -> date:
    """A weekday: the latest on or before the anchor, or the next one when the tense looks ahead."""
    if explicit and offset == 0:  # "this Friday": the day of the anchor's week
        return anchor + timedelta(days=weekday - anchor.weekday())
    if offset < 0:
        return anchor - timedelta(days=(anchor.weekday() - weekday - 1) % 7 + 1)
    if offset > 0 or tense == "future":
        return anchor + timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


@lru_cache(maxsize=2048)
def holiday_on(name: str, year: int) -> date | None:
    """The date of a holiday in a given year."""
    fixed = {"christmas": (12, 25), "christmas eve": (12, 24), "orthodox christmas": (1, 7), "new year": (1, 1),
             "new year's eve": (12, 31), "halloween": (10, 31), "valentine's day": (2, 14),
             "independence day": (7, 4), "victory day": (5, 9), "boxing day": (12, 26)}
    if name in fixed:
        return date(year, *fixed[name])
    if name == "thanksgiving":
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name == "labor day":  # the first Monday of September (United States)
        first = date(year, 9, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7)
    if name == "memorial day":  # the last Monday of May (United States)
        last = date(year, 5, 31)
        return last - timedelta(days=last.weekday())
    if name == "easter":
        return _western_easter(year)
    if name == "good friday":
        return _western_easter(year) - timedelta(days=2)
    if name == "orthodox easter":
        return _orthodox_easter(year)
    return None


def holiday_near(name: str, anchor: date, tense: str | None, offset: int = 0) -> date | None:
    """The holiday occurrence a mention means: the nearest one, or by tense and last/next."""
    days = [d for d in (holiday_on(name, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)) if d]
    if not days:
        return None
    if offset < 0 or tense == "past":
        before = [d for d in days if d < anchor] if offset < 0 else [d for d in days if d <= anchor]
        return max(before) if before else None
    if offset > 0 or tense == "future":
        after = [d for d in days if d > anchor] if offset > 0 else [d for d in days if d >= anchor]
        return min(after) if after else None
    return min(days, key=lambda d: abs((d - anchor).days))


def _western_easter(year: int) -> date:
    """Meeus/Jones/Butcher Gregorian computus."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _orthodox_easter(year: int) -> date:
    """Meeus' Julian computus, shifted to the Gregorian calendar (valid 1900-2099)."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return date(year, month, day + 1) + timedelta(days=13)
