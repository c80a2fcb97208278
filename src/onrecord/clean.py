"""Clean a scraped plain-text page: drop site boilerplate, find title, outlet and wire.

A scraper saves a page's visible text one block per line. Each line is
classified from its own features (length, punctuation, stop-word density, UI
vocabulary, breadcrumb separators, capitals) and its context: where it stands
relative to the prose body, and whether it repeats across the other pages of
the same run (:class:`LineStats`). The kept lines become the paragraphs of the
article text, joined by blank lines, each tagged headline, dek, body or caption.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from .records import Paragraph

# --- line vocabulary --------------------------------------------------------

_STOP = frozenset(
    "a an the of to in on at for with by from and or but not no is are was were be been has have had "
    "it its this that these those as if than then so he she they we you i his her their our your "
    "who which what when where will would can could should may might must do does did said says "
    "there here about after before over into up out also more most very just only all any some".split()
)

# Phrases that essentially never occur in news prose: boilerplate wherever they stand.
_ALWAYS = re.compile(
    r"""(?ix)
    ai[-\s]generated\ summar | summari[sz]e\ this\ article | your\ email\ address\ will\ not\ be\ published
    | required\ fields\ are\ marked | by\ (?:accessing|using)\ this\ (?:page|site|website)
    | can\ also\ be\ accessed\ at | alternate\ address | quotes?\ (?:are\ )?delayed | all\ rights\ reserved
    | we\ use\ cookies | this\ (?:site|website)\ uses\ cookies | no\ comments\ yet | add\ your\ comment
    | be\ the\ first\ to\ comment | comments\ are\ closed | how\ does\ this\ make\ you\ feel
    | what\ are\ you\ looking\ for | ^\s*(?:read|see|also\ read|watch)\ (?:also|more|next)?\s*[:|»>-]
    | ^\s*(?:related|recommended|trending|most\ read|more\ from|top\ stories)(?:\ (?:stories|articles|news|coverage))?\s*[:|»>]
    | ^\s*©|^\s*copyright\b|\(c\)\ \d{4} | supplied\ by\ \S+ | privacy\ policy | terms\ (?:of\ (?:use|service)|and\ conditions)
    | ^\s*advertisement\s*$ | ^\s*(?:sponsored|promoted)(?:\ content)?\s*$
    | ^\s*skip\ to\ (?:main\ )?content | ^\s*loading(?:\.{3}|…)?\s*$
    """
)

# UI prompts: boilerplate when the line is not a prose sentence.
_UI = re.compile(
    r"""(?ix)
    \b(?:share|tweet|e-?mail\ this|print\ this|copy\ link|whatsapp|facebook|twitter|linkedin|pinterest|telegram|reddit)\b
    | \b(?:comments?|reply|replies)\b | \bsort\ by\b | \bclick\ (?:here|to)\b
    | \b(?:download|get|install)\ (?:the|our)\b.*\bapp\b | \bapp\ store\b | \bgoogle\ play\b
    | \bsign\ (?:up|in)\b | \blog\ ?in\b | \bsubscribe\b | \bnewsletter\b | \bfollow\ us\b | \bconnect\ with\ us\b
    | \bjoin\ us\b | ^\s*(?:menu|search|sections|home|close|next|previous|back\ to\ top|show\ more|load\ more|more)\s*$
    | \bcookies?\b | \bsummar(?:y|ize|ise)\b.*\bai\b
    """
)

_CREDIT = re.compile(
    r"""(?ix)
    ^\s*(?:photo|image|picture|video|file\ photo|graphic|illustration)s?\s*(?:credit)?\s*(?::|by\b|from\b|courtesy\b)
    | ^\s*(?:credit|source|courtesy)\s*:
    | \b(?:getty\ images|shutterstock|alamy|afp\ photo|ap\ photo|epa(?:-efe)?|reuters/|/reuters|/afp|/ap)\b
    | \bvia\ (?:reuters|afp|ap|getty|epa)\b
    | ^[\w.'\- ]+(?:/[\w.'\- ]+){1,}\s*$
    """
)

_CAPTION = re.compile(
    r"""(?ix)
    \bfile\ photo\b | \bphoto\ taken\b | \bpictured\b | \bin\ this\ (?:photo|picture|image|handout)\b
    | \(\s*(?:afp|ap|reuters|epa|getty\ images|photo[^)]*)\s*\)\s*$
    | (?-i:^[A-Z][A-Z.'-]{2,}(?:\ [A-Z.'-]{2,})*\.\ [A-Z])
    """
)
# A scene described in the present tense: a caption when a photo credit follows it.
_SCENE = re.compile(
    r"\b(?:attends?|shakes?\ hands|speaks?|arrives?|gestures?|looks?\ on|waves?|poses?|walks?|delivers?|listens?"
    r"|smiles?|reacts?|celebrates?|sits?|stands?|holds?|visits?)\b", re.I
)

_BREADCRUMB = re.compile(r"\s[»›>]\s|\s(?:/|\|)\s.*\s(?:/|\|)\s|^home\s*[»›>/|]", re.I)
_URL_ONLY = re.compile(r"^\s*(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?\s*$", re.I)
_TERMINAL = re.compile(r"""[.!?…:]["'”’»)\]]*\s*$|["”’»]\s*$""")

KNOWN_WIRES = {
    "reuters": "Reuters", "thomson reuters": "Reuters", "ap": "AP", "associated press": "Associated Press",
    "the associated press": "Associated Press", "afp": "AFP", "agence france-presse": "AFP",
    "agence france presse": "AFP", "bloomberg": "Bloomberg", "dpa": "dpa", "xinhua": "Xinhua",
    "tass": "TASS", "interfax": "Interfax", "efe": "EFE", "ansa": "ANSA", "kyodo": "Kyodo",
    "yonhap": "Yonhap", "upi": "UPI", "pti": "PTI", "ani": "ANI", "ians": "IANS", "anadolu": "Anadolu",
    "anadolu agency": "Anadolu", "pa media": "PA Media", "press association": "PA Media",
    "the canadian press": "The Canadian Press", "aap": "AAP", "bernama": "Bernama", "ria novosti": "RIA Novosti",
}

_DATELINE_WIRE = re.compile(
    r"^[A-Z][A-Za-z .'-]{1,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*\(([A-Z][\w&. -]{1,30})\)\s*[-–—:]"
)
_BYLINE_WIRE = re.compile(r"^\s*(?:by\s+[^,]{2,60},\s*)?([A-Z][\w&. -]{1,30})\s*$")
_OUTLET_SUFFIX = re.compile(r"\s+[–—|-]\s*((?:[A-Z][\w&'-]*\s?)+\.(?:com|net|org|co\.uk|co|info|news|ph|in|ru|tv))\s*$")
_OUTLET_PATTERNS = (
    re.compile(r"^\s*([A-Z][\w&.' -]{1,40}?)[’']s? website\b", re.I),
    re.compile(r"\b(?:download|get|install) the ([A-Z][\w&.' -]{1,40}?) app\b", re.I),
    re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?,?\s*([A-Z][\w&.' -]{1,50}?)(?:[.,]|\s+all rights|\s*$)", re.I),
)


# --- corpus statistics --------------------------------------------------------

def line_key(line: str) -> str:
    """A line folded for repetition counts: case, accents, digits and spacing ignored."""
    folded = unicodedata.normalize("NFKD", line).casefold()
    folded = re.sub(r"\d+", "0", folded)
    return re.sub(r"\W+", " ", folded).strip()


@dataclass
class LineStats:
    """How many pages of the current run carry each short line.

    Site chrome repeats on every page of a site; an article's prose does not,
    except in syndicated copies, which is why only non-prose lines use it.
    """

    counts: Counter = field(default_factory=Counter)
    max_keys: int = 500_000

    def add_page(self, text: str) -> None:
        keys = {line_key(line) for line in text.splitlines() if 0 < len(line.split()) <= 20}
        if len(self.counts) < self.max_keys:
            self.counts.update(k for k in keys if k)

    def pages_with(self, line: str) -> int:
        return self.counts.get(line_key(line), 0)


# --- line features ------------------------------------------------------------

@dataclass(slots=True)
class Line:
    text: str
    index: int
    words: int
    stop_ratio: float
    terminal: bool
    prose: bool
    caps_ratio: float


def _features(text: str, index: int) -> Line:
    tokens = re.findall(r"[\w'’-]+", text)
    words = len(tokens)
    stops = sum(t.casefold() in _STOP for t in tokens)
    caps = sum(t[:1].isupper() for t in tokens)
    terminal = bool(_TERMINAL.search(text))
    stop_ratio = stops / words if words else 0.0
    prose = words >= 10 and terminal and stop_ratio >= 0.2
    return Line(text, index, words, stop_ratio, terminal, prose, caps / words if words else 0.0)


def _is_all_caps_teaser(line: Line) -> bool:
    letters = [c for c in line.text if c.isalpha()]
    return line.words >= 6 and bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.9


def _is_credit(line: Line) -> bool:
    return line.words <= 14 and not line.prose and bool(_CREDIT.search(line.text))


def boilerplate_reason(line: Line, stats: LineStats | None) -> str | None:
    """Why a line is chrome wherever it stands, or None."""
    text = line.text
    if _ALWAYS.search(text):
        return "chrome"
    if _URL_ONLY.match(text):
        return "url"
    if _BREADCRUMB.search(text) and not line.prose:
        return "breadcrumb"
    if _is_credit(line):
        return "credit"
    if _is_all_caps_teaser(line):
        return "teaser"
    if not line.prose and line.words <= 15 and _UI.search(text):
        return "ui"
    if stats is not None and not line.prose and line.words <= 12 and stats.pages_with(text) >= 3:
        return "repeated"
    return None


# --- the cleaner ----------------------------------------------------------------

@dataclass
class Cleaned:
    text: str
    paragraphs: list[Paragraph]
    removed: list[str]
    title: str | None
    outlet: str | None
    wire: str | None


def _headline_score(line: Line) -> float:
    """How much a line looks like a headline (0 = not at all)."""
    text = line.text.rstrip()
    if line.words < 3 or line.words > 25 or text.endswith(".") or re.search(r"[.!?]\s+[A-Z(]", text):
        return 0.0
    score = 1.0 + min(line.words, 12) / 12 + line.caps_ratio
    if re.search(r"[:–—]\s|\bsays?\b", text):
        score += 0.3
    return score


def _find_title(lines: list[Line], body_start: int, hint: str | None, captions: set[int]) -> Line | None:
    if hint:
        wanted = line_key(hint)
        for line in lines:
            if line_key(line.text) == wanted:
                return line
    top = [ln for ln in lines if ln.index <= body_start and ln.index not in captions] or lines[:3]
    seen = Counter(line_key(ln.text) for ln in lines)
    best, best_score = None, 0.0
    for rank, line in enumerate(top):
        score = _headline_score(line)
        if score:
            score += 0.8 * (seen[line_key(line.text)] > 1) - 0.1 * rank
        if score > best_score:
            best, best_score = line, score
    return best


def _find_wire(lines: list[Line], body: list[Line]) -> str | None:
    for line in lines[:12]:
        if line.words <= 5 and not line.terminal:
            key = re.sub(r"^\s*by\s+.*?,\s*", "", line.text, flags=re.I).strip().casefold()
            if key in KNOWN_WIRES:
                return KNOWN_WIRES[key]
    for line in body[:3]:
        match = _DATELINE_WIRE.match(line.text)
        if match:
            name = match.group(1).strip()
            return KNOWN_WIRES.get(name.casefold(), name)
    return None


def _outlet_from_domain(domain: str) -> str:
    stem = re.sub(r"\.(?:com|net|org|co\.uk|co|info|news|ph|in|ru|tv)$", "", domain, flags=re.I)
    stem = re.sub(r"^www\.", "", stem, flags=re.I)
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", stem)


def _find_outlet(texts: Iterable[str]) -> str | None:
    for text in texts:
        for pattern in _OUTLET_PATTERNS:
            match = pattern.search(text)
            if match:
                name = match.group(1).strip(" .,'’")
                if 1 <= len(name.split()) <= 5 and name.casefold() not in {"this", "our", "the", "all"}:
                    return name
    return None


def _captions(lines: list[Line], reasons: dict[int, str | None]) -> set[int]:
    """Indices of photo captions: explicit markers, or a present-tense scene followed by a credit."""
    found = set()
    for pos, line in enumerate(lines):
        if _DATELINE_WIRE.match(line.text) or line.words < 5:
            continue
        credit_next = pos + 1 < len(lines) and reasons[lines[pos + 1].index] == "credit"
        if _CAPTION.search(line.text) or (credit_next and _SCENE.search(line.text)):
            found.add(line.index)
    return found


def _paragraph_kind(line: Line, title: Line | None, first_body: Line | None, captions: set[int]) -> str:
    if title is not None and line.index == title.index:
        return "headline"
    if line.index in captions:
        return "caption"
    is_top = first_body is not None and line.index == first_body.index
    if is_top and line.words <= 45 and (not line.text.rstrip().endswith(".") or re.search(r"\bsays\b", line.text)):
        return "dek"
    return "body"


def _strip_outlet_suffix(text: str) -> tuple[str, str | None]:
    """Split an outlet signature such as "– Rappler.com" off the end of a line."""
    match = _OUTLET_SUFFIX.search(text)
    if not match or len(text) - len(match.group(0)) < 40:
        return text, None
    return text[: match.start()].rstrip(), match.group(1)


def clean(raw: str, *, stats: LineStats | None = None, title_hint: str | None = None) -> Cleaned:
    """Split ``raw`` into kept paragraphs and removed chrome; find title, outlet and wire."""
    removed: list[str] = []
    outlet = None
    lines: list[Line] = []
    for i, raw_line in enumerate(raw.splitlines()):
        text, domain = _strip_outlet_suffix(raw_line.strip())
        if domain:
            outlet = outlet or _outlet_from_domain(domain)
            removed.append(raw_line.strip()[len(text):].strip())
        if text:
            lines.append(_features(text, i))
    reasons = {ln.index: boilerplate_reason(ln, stats) for ln in lines}
    captions = _captions(lines, reasons)
    candidates = [ln for ln in lines if reasons[ln.index] is None]
    prose = [ln for ln in candidates if ln.prose and ln.index not in captions] or [
        ln for ln in candidates if ln.prose
    ]
    first = prose[0].index if prose else (candidates[0].index if candidates else 0)
    last = prose[-1].index if prose else (candidates[-1].index if candidates else 0)
    title = _find_title(candidates, first, title_hint, captions)
    wire = _find_wire(lines, prose)
    outlet = outlet or _find_outlet(ln.text for ln in lines if reasons[ln.index])

    kept: list[Line] = []
    seen: set[str] = set()
    for line in lines:
        key = line_key(line.text)
        is_title = title is not None and line.index == title.index
        drop = reasons[line.index] is not None
        if not drop and not is_title and title is not None and key == line_key(title.text):
            drop = True  # the headline printed twice
        if not drop and (line.index < first or line.index > last) and not line.prose and not is_title:
            # outside the prose body only the headline, a dek and captions survive
            drop = line.index not in captions and (
                line.words <= 5 or line.index > last or (wire is not None and key == line_key(wire))
            )
        if drop:
            removed.append(line.text)
        elif key not in seen or line.words <= 3:
            kept.append(line)
        seen.add(key)

    after_title = [ln for ln in kept if title is None or ln.index > title.index]
    first_body = next((ln for ln in after_title if ln.index not in captions), None)
    paragraphs: list[Paragraph] = []
    offset = 0
    for line in kept:
        paragraphs.append(Paragraph(offset, offset + len(line.text), _paragraph_kind(line, title, first_body, captions)))
        offset += len(line.text) + 2
    text = "\n\n".join(ln.text for ln in kept)
    return Cleaned(text, paragraphs, removed, title.text if title else None, outlet, wire)


def clean_extracted(text: str, title: str | None = None) -> Cleaned:
    """Paragraphs of text an HTML extractor already cleaned: nothing is removed."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n|\n", text) if b.strip()]
    if title and (not blocks or line_key(blocks[0]) != line_key(title)):
        blocks.insert(0, title.strip())
    lines = [_features(b, i) for i, b in enumerate(blocks)]
    captions = {ln.index for ln in lines if _CAPTION.search(ln.text)}
    title_line = lines[0] if title and lines else None
    first_body = next((ln for ln in lines if title_line is None or ln.index > title_line.index), None)
    paragraphs, offset = [], 0
    for line in lines:
        kind = _paragraph_kind(line, title_line, first_body, captions)
        paragraphs.append(Paragraph(offset, offset + len(line.text), kind))
        offset += len(line.text) + 2
    wire = _find_wire(lines, [ln for ln in lines if ln.prose])
    return Cleaned("\n\n".join(blocks), paragraphs, [], title, None, wire)
