"""HTML building blocks shared by the report and the web app, one of each.

- :func:`highlight` renders a slice of article text with quotes wrapped in
  ``<mark>``: every text segment is escaped and only our own tags are added,
  because article text is untrusted.
- :func:`quote_in_context` shows one quote inside a window of its article.
- :func:`timeline_svg` draws statements on a time axis: one row per speaker,
  one marker per statement, coloured by outlet, the condition beside the
  marker and everything in the marker's SVG ``<title>`` (the hover text).
- :func:`environment` is the Jinja2 environment (autoescape on) of both.

A *statement* here is a plain dict in the shape of a Position's statements:
``source, article_id, date, speaker, text, condition, outlets`` and, when
known, ``start``/``end`` offsets and ``change``.
"""
from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from ..analysis.statements import outlet_label
from ..records import Article, Quote
from ..store.base import QuoteRow

# Dark enough for white numbers on top; outlets beyond ten reuse colours.
OUTLET_COLOURS = (
    "#2b6cb0", "#c05621", "#2f855a", "#6b46c1", "#9b2c2c",
    "#2c7a7b", "#b7791f", "#97266d", "#4a5568", "#744210",
)
SPEAKER_CLASSES = 8  # sp-0 ... sp-7 in onrecord.css
CONTEXT_RADIUS = 280  # characters of article text shown on each side of a quote


# --- quotes in their text ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """A quote to highlight: character offsets into the article text and how to mark it."""

    start: int
    end: int
    speaker: str | None
    css: str  # "sp-3": the speaker's colour class
    anchor: str | None = None  # element id, so that other pages can link to the quote
    note: str | None = None  # hover text


def speaker_classes(speakers: Iterable[str | None]) -> dict[str | None, str]:
    """A colour class per speaker, in order of first appearance; unattributed quotes stay grey."""
    classes: dict[str | None, str] = {None: "sp-none"}
    for name in speakers:
        if name not in classes:
            classes[name] = f"sp-{(len(classes) - 1) % SPEAKER_CLASSES}"
    return classes


def quote_spans(quotes: Sequence[Quote], classes: dict[str | None, str]) -> list[Span]:
    """The spans of an article's quotes, each with its speaker's class and a hover note."""
    spans = []
    for q in quotes:
        details = [q.speaker or "unattributed", q.cue, q.kind, f"condition: {q.condition}" if q.condition else None]
        note = " · ".join(d for d in details if d)
        spans.append(Span(q.start, q.end, q.speaker, classes.get(q.speaker, "sp-none"), f"q{q.start}", note))
    return spans


def highlight(text: str, spans: Iterable[Span], start: int = 0, end: int | None = None) -> Markup:
    """``text[start:end]`` as HTML with each span in a ``<mark>``; overlapping spans are clipped.

    A span that begins before ``start`` (a quote running over paragraphs) is
    marked from ``start`` on; its anchor goes only where it begins.
    """
    end = len(text) if end is None else min(end, len(text))
    parts: list[Markup] = []
    pos = start
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        a, b = max(span.start, pos), min(span.end, end)
        if a >= b:
            continue
        parts.append(escape(text[pos:a]))
        anchor = Markup(' id="{}"').format(span.anchor) if span.anchor and a == span.start else Markup("")
        note = Markup(' title="{}"').format(span.note) if span.note else Markup("")
        parts.append(
            Markup('<mark class="quote {}" data-speaker="{}"{}{}>{}</mark>').format(
                span.css, span.speaker or "", anchor, note, text[a:b]
            )
        )
        pos = b
    parts.append(escape(text[pos:end]))
    return Markup("").join(parts)


def context_bounds(text: str, start: int, end: int, radius: int = CONTEXT_RADIUS) -> tuple[int, int]:
    """A window around ``text[start:end]``: within ``radius``, inside its paragraph, on word edges."""
    a = max(start - radius, text.rfind("\n", 0, start) + 1)
    newline = text.find("\n", end)
    b = min(end + radius, len(text) if newline < 0 else newline)
    if a > 0 and not text[a - 1].isspace():
        space = text.find(" ", a, start)
        a = start if space < 0 else space + 1
    if b < len(text) and not text[b].isspace():
        space = text.rfind(" ", end, b)
        b = end if space < 0 else space
    return a, b


def locate(statement: dict[str, Any], article: Article | None) -> tuple[int, int] | None:
    """Where a statement's quote is in its article: its own offsets, else the first match of its text."""
    if article is None:
        return None
    start, end = statement.get("start"), statement.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(article.text):
        return start, end
    found = article.text.find(statement.get("text") or "\0")
    return None if found < 0 else (found, found + len(statement["text"]))


def quote_in_context(statement: dict[str, Any], article: Article | None, css: str = "sp-0") -> Markup:
    """The statement's quote highlighted inside a window of its article's text, with ellipses."""
    where = locate(statement, article)
    if article is None or where is None:  # the article is gone or changed: show the quote alone
        return Markup('<mark class="quote {}">{}</mark>').format(css, statement.get("text") or "")
    a, b = context_bounds(article.text, *where)
    span = Span(where[0], where[1], statement.get("speaker"), css)
    body = highlight(article.text, [span], a, b)
    return Markup("{}{}{}").format("… " if a > 0 else "", body, " …" if b < len(article.text) else "")


def quote_statement(row: QuoteRow) -> dict[str, Any]:
    """A stored quote in the statement shape, for speaker pages and timelines."""
    return {
        "source": row.source,
        "article_id": row.article_id,
        "date": row.date,
        "speaker": row.speaker,
        "text": row.text,
        "condition": row.condition,
        "outlets": [outlet_label(row.outlet, row.source)],
        "start": row.start,
        "end": row.end,
    }


# --- the timeline picture ------------------------------------------------------------------

WIDTH = 960
LABEL_WIDTH = 190  # speaker names on the left
RIGHT_PAD = 24
UNDATED_WIDTH = 80  # a column at the right end for statements without a date
ROW_HEIGHT = 46  # the least height of a speaker's row
LANE = 26  # statements too close in time for one line stack in lanes this far apart
MAX_LANES = 4  # past this, close statements are pushed sideways instead
TOP = 8
AXIS_HEIGHT = 30
LEGEND_ROW = 22
RADIUS = 10
GAP = 2 * RADIUS + 3  # the least distance between two markers' centres in a lane
CHAR_WIDTH = 6.1  # average width of an 11px sans-serif character, to cut labels to fit
NAME_CHAR_WIDTH = 8.3  # the same for the 13px bold speaker names


@dataclass(slots=True)
class Marker:
    n: int
    x: float
    colour: str
    title: str
    outlet: str
    date: str
    several: bool  # reported by more than one outlet
    condition: str
    period: tuple[float, float] | None = None  # x range of a month- or year-precise date
    lane: int = 0
    y: float = 0.0
    label: str = ""
    left: bool = False  # the label stands left of the marker


@dataclass(slots=True)
class Row:
    top: float
    height: float
    speaker: str
    count: int
    label: str  # the name cut to fit the label column

    @property
    def middle(self) -> float:
        return self.top + self.height / 2


@dataclass(slots=True)
class Tick:
    x: float  # the gridline, at the start of the year or month
    label: str
    label_x: float  # the middle of the year or month, or the gridline when ticks skip some


@dataclass(slots=True)
class LegendItem:
    x: float
    y: float
    colour: str
    label: str


@dataclass(slots=True)
class Layout:
    width: int
    plot: tuple[float, float]
    undated_x: float | None
    height: float = 0.0
    axis_y: float = 0.0
    rows: list[Row] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    legend: list[LegendItem] = field(default_factory=list)


def period(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day of an ISO date that may be partial ("2021", "2021-03"), else None."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value[:10].split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
        day = dt.date(*parts[:3])
        return day, day
    except (ValueError, TypeError):
        return None


def outlet_colours(statements: Sequence[dict[str, Any]]) -> dict[str, str]:
    """A colour per outlet, the most frequent outlets first, so they get the clearest colours."""
    counts = Counter(outlet for s in statements for outlet in s.get("outlets") or ["unknown outlet"])
    ranked = sorted(counts, key=lambda o: (-counts[o], o.casefold()))
    return {o: OUTLET_COLOURS[i % len(OUTLET_COLOURS)] for i, o in enumerate(ranked)}


def _domain(periods: list[tuple[dt.date, dt.date]]) -> tuple[dt.date, dt.date, list[tuple[dt.date, str]]]:
    """Axis bounds and ticks: whole years, or whole months when the statements span under a year.

    Up to 14 years each get a tick; over that, only every 2nd, 5th, 10th ... year.
    """
    first, last = min(p[0] for p in periods), max(p[1] for p in periods)
    if (last - first).days < 330:
        lo = first.replace(day=1)
        hi = (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        ticks, month = [], lo
        while month < hi:
            ticks.append((month, month.strftime("%b %Y")))
            month = (month + dt.timedelta(days=32)).replace(day=1)
        return lo, hi, ticks
    lo, hi = dt.date(first.year, 1, 1), dt.date(last.year + 1, 1, 1)
    n = hi.year - lo.year
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 1000) if n / s <= 14)
    return lo, hi, [(dt.date(y, 1, 1), str(y)) for y in range(lo.year, hi.year) if y % step == 0 or step == 1]


def _scale(dated: list[tuple[dt.date, dt.date]], out: Layout) -> Callable[[dt.date], float]:
    """The date-to-x function; sets the axis ticks (none when nothing is dated)."""
    x0, x1 = out.plot
    if not dated:
        return lambda day: x0
    lo, hi, ticks = _domain(dated)
    span = (hi - lo).days

    def x(day: dt.date) -> float:
        return x0 + (day - lo).days / span * (x1 - x0)

    # A label names the year (month) after its gridline, unless ticks skip some: then it names the line.
    one_unit = len(ticks) < 2 or (ticks[1][0] - ticks[0][0]).days <= 366
    edges = [day for day, _ in ticks[1:]] + [hi]
    out.ticks = [Tick(x(day), label, (x(day) + x(end)) / 2 if one_unit else x(day))
                 for (day, label), end in zip(ticks, edges)]
    return x


def _title(n: int, s: dict[str, Any]) -> str:
    lines = [
        f"#{n} · {s.get('date') or 'undated'} · {s.get('speaker') or 'unattributed'}",
        "Outlets: " + ", ".join(s.get("outlets") or ["unknown"]),
        f"“{s.get('text') or ''}”",
        f"Condition: {s['condition']}" if s.get("condition") else "No condition stated",
    ]
    return "\n".join(lines)


def _cut(text: str, room: float, char_width: float = CHAR_WIDTH) -> str:
    chars = int(room / char_width)
    if chars < 8:
        return ""
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


def _marker(n: int, s: dict[str, Any], when: tuple[dt.date, dt.date] | None,
            x: Callable[[dt.date], float], out: Layout, colours: dict[str, str]) -> Marker:
    """A statement's marker at the middle of its date's period (its day, month or year)."""
    outlets = s.get("outlets") or ["unknown outlet"]
    centre, extent = out.undated_x or out.plot[1], None
    if when is not None:
        start, end = x(when[0]), x(when[1] + dt.timedelta(days=1))
        centre, extent = (start + end) / 2, (start, end) if when[0] != when[1] else None
    return Marker(n, centre, colours[outlets[0]], _title(n, s), outlets[0], s.get("date") or "",
                  len(outlets) > 1, s.get("condition") or "", extent)


def _lanes(markers: list[Marker]) -> int:
    """Stack markers too close in time into lanes; the lane count.

    Past MAX_LANES a marker is pushed sideways in the least full lane instead,
    unless that would push it out of the picture.
    """
    ends: list[float] = []  # the x of the last marker in each lane
    for m in sorted(markers, key=lambda m: (m.x, m.n)):
        free = next((i for i, end in enumerate(ends) if m.x >= end + GAP), None)
        if free is None and ends:
            fullest = min(range(len(ends)), key=ends.__getitem__)
            if len(ends) >= MAX_LANES and ends[fullest] + GAP <= WIDTH - RADIUS - 2:
                free, m.x = fullest, ends[fullest] + GAP
        if free is None:
            ends.append(m.x)
            free = len(ends) - 1
        m.lane, ends[free] = free, m.x
    return max(len(ends), 1)


def _labels(markers: list[Marker], left: float, right: float) -> None:
    """Each condition beside its marker: to the right, or to the left when there is more room there.

    Labels never reach the next marker of their lane, nor the previous marker's label.
    """
    for lane in {m.lane for m in markers}:
        line = sorted((m for m in markers if m.lane == lane), key=lambda m: m.x)
        taken = left  # where the previous marker, or its label, ends
        for m, nxt in zip(line, [*line[1:], None]):
            if not m.condition or m.x > right:  # nothing to say, or in the undated column
                taken = m.x + RADIUS
                continue
            room_right = (nxt.x - RADIUS - 6 if nxt else right + RIGHT_PAD - 4) - (m.x + RADIUS + 5)
            room_left = (m.x - RADIUS - 5) - (taken + 8)
            m.left = room_left > room_right and len(m.condition) * CHAR_WIDTH > room_right
            m.label = _cut(m.condition, room_left if m.left else room_right)
            taken = m.x + RADIUS + (0 if m.left else 5 + len(m.label) * CHAR_WIDTH)


def layout(statements: Sequence[dict[str, Any]]) -> Layout:
    """Place the statements: a row per speaker in order of first statement, x by date, lanes for crowds."""
    periods = [period(s.get("date")) for s in statements]
    dated = [p for p in periods if p]
    right = WIDTH - RIGHT_PAD - (UNDATED_WIDTH if len(dated) < len(periods) else 0)
    out = Layout(WIDTH, (float(LABEL_WIDTH), float(right)),
                 right + UNDATED_WIDTH / 2 if len(dated) < len(periods) else None)
    x = _scale(dated, out)
    colours = outlet_colours(statements)
    rows: dict[str, list[Marker]] = {}
    for n, (s, when) in enumerate(zip(statements, periods), 1):
        rows.setdefault(s.get("speaker") or "unattributed", []).append(_marker(n, s, when, x, out, colours))
    top = float(TOP)
    for speaker, markers in rows.items():
        lanes = _lanes(markers)
        _labels(markers, out.plot[0], right)
        height = max(ROW_HEIGHT, lanes * LANE + 14)
        for m in markers:
            m.y = top + (height - lanes * LANE) / 2 + (m.lane + 0.5) * LANE
        label = _cut(speaker, LABEL_WIDTH - 20, NAME_CHAR_WIDTH)
        out.rows.append(Row(top, height, speaker, len(markers), label))
        out.markers += markers
        top += height
    out.axis_y = top
    out.markers.sort(key=lambda m: m.n)
    _legend(out, colours)
    return out


def _legend(out: Layout, colours: dict[str, str]) -> None:
    """Outlet swatches under the axis, wrapped to the width; the picture grows to hold them."""
    x, y = float(LABEL_WIDTH), out.axis_y + AXIS_HEIGHT + 8
    for outlet, colour in colours.items():
        label = outlet if len(outlet) <= 40 else outlet[:39] + "…"
        width = 22 + len(label) * CHAR_WIDTH + 18
        if x + width > WIDTH - RIGHT_PAD and x > LABEL_WIDTH:
            x, y = float(LABEL_WIDTH), y + LEGEND_ROW
        out.legend.append(LegendItem(x, y, colour, label))
        x += width
    out.height = y + LEGEND_ROW - 4


def timeline_svg(statements: Sequence[dict[str, Any]], caption: str = "Timeline of statements") -> Markup:
    """The statements as an inline SVG picture (no external resources); empty for no statements."""
    if not statements:
        return Markup("")
    return Markup(_env().get_template("timeline.svg").render(
        t=layout(statements), caption=caption, radius=RADIUS
    ))


# --- templates -------------------------------------------------------------------------


def change_text(change: Any) -> str:
    """A statement's ``change`` (what is new against earlier statements) as one line of text."""
    if not change:
        return ""
    if isinstance(change, dict):  # {"added": [...], "dropped": [...]}
        return " · ".join(f"{k}: {change_text(v)}" for k, v in change.items() if v)
    if isinstance(change, (list, tuple)):
        return ", ".join(change_text(v) for v in change if v)
    return str(change)


def environment(extra: BaseLoader | None = None) -> Environment:
    """The Jinja2 environment: autoescape on for every template, this package's templates last."""
    own = PackageLoader("onrecord.report", "templates")
    env = Environment(
        loader=ChoiceLoader([extra, own]) if extra else own,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(change_text=change_text)
    env.globals.update(timeline_svg=timeline_svg, quote_in_context=quote_in_context)
    return env


@cache
def _env() -> Environment:
    return environment()


def stylesheet() -> str:
    """The shared stylesheet: inlined by the report, served as /static/onrecord.css by the web app."""
    return _env().loader.get_source(_env(), "onrecord.css")[0]  # type: ignore[union-attr]
