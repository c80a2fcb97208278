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
    \bsummar(?:y|ies|i[sz]ed?|i[sz]ation)\b.{0,60}\b(?:AI|artificial\ intelligence)\b
    | \b(?:AI|artificial\ intelligence)\b[-\s]generated\ summar | summari[sz]e\ this\ article
    | your\ email\ address\ will\ not\ be\ published | required\ fields\ are\ marked
    | save\ my\ name,?\ email | by\ (?:accessing|using)\ this\ (?:page|site|website)
    | can\ also\ be\ accessed\ at | alternate\ address | quotes?\ (?:are\ )?delayed | all\ rights\ reserved
    | we\ use\ cookies | this\ (?:site|website)\ uses\ cookies | no\ comments\ yet | add\ your\ comment
    | be\ the\ first\ to\ comment | comments\ are\ closed | how\ does\ this\ make\ you\ feel
    | what\ are\ you\ looking\ for | \b(?:in|to)\ your\ inbox\b | cite\ this\ (?:page|article)
    | will\ not\ be\ (?:published|shown\ publicly) | fields\ marked | press\ enter\ to\ search
    | generated\ automatically | automatically\ generated | auto-generated
    | for\ information(?:al)?\ purposes\ only | does\ not\ constitute\ (?:investment|financial)\ advice
    | free\ articles?\ (?:this|per|a)\ month | \bpaywall\b
    | what\ do\ you\ think\ (?:of|about)\ this\ (?:story|article) | may\ have\ been\ edited\ for\ (?:length|clarity|style)
    | ^\s*adapted\ from\ a\ press\ release
    | ^\s*(?:read|see|also\ read|watch)\ ?(?:also|more|next)?\s*[:|»>]
    | ^\s*(?:related|recommended|trending|most\ read|more\ from|top\ stories)(?:\ (?:stories|articles|news|coverage))?\s*[:|»>]
    | ^\s*©|^\s*copyright\b|\(c\)\ \d{4} | \bsupplied\ by\ \S+
    | ^\s*advertisement\s*$ | ^\s*(?:sponsored|promoted)(?:\ content)?\s*$
    | ^\s*skip\ to\ (?:main\ )?content | ^\s*loading(?:\.{3}|…)?\s*$
    """
)

# UI prompts: chrome when the line is not a long prose sentence.
_PROMPT = re.compile(
    r"""(?ix)
    \bshare\ (?:this|on|via)\b | \bcopy\ link\b | \bvalue\ your\ privacy\b | \[\s*accept\s*\]
    | \bsort\ by\b | \bclick\ (?:here|to)\b | \b(?:leave|add|post|view|show)\ (?:a\ |all\ |\d+\ )?(?:reply|comments?)\b
    | \b(?:download|get|install)\ (?:the|our)\b.*\bapp\b | \bapp\ store\b | \bgoogle\ play\b
    | \bsign\ (?:up|in)\b | \blog\ ?in\b | \bsubscribe\b | \bnewsletter\b | \bfollow\ us\b | \bconnect\ with\ us\b
    | \bjoin\ us\b | \bcookies?\b | \bprivacy\ policy\b | \bterms\ (?:of\ (?:use|service)|and\ conditions)\b
    | \bwatch\ live\b | \blisten\ live\b
    """
)
# Single UI words: chrome only on lines that are not sentences ("Share", "12 Comments", "Reply").
_UI_WORD = re.compile(
    r"""(?ix)
    ^\s*(?:\d+\s+)?(?:share|tweet|e-?mail|print|comments?|reply|replies|menu|search|sections|home|close|next|previous
    | more|back\ to\ top|show\ more|load\ more|live|watch|listen|subscribe|log\ ?in|register|got\ it
    | ok|accept|accept\ all|i\ agree|agree|dismiss|related|trending|popular|latest|most\ read|top\ stories)\b
    """
)
_BYLINE = re.compile(r"^\s*(?:by|words by|reporting by|written by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\b", re.I)
# A dateline standing alone on its line: "Taipei, Jan. 14 (CNA)", "GENEVA, March 3, 2021 -".
_DATELINE_ONLY = re.compile(
    r"\s*[A-Z][\w.'’ -]{1,40},\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"(?:,\s+\d{4})?\s*(?:\([^)\n]{2,40}\))?\s*[-–—:]?\s*$"
)
_STAMP = re.compile(
    r"^\s*(?:published|updated|posted|last\ updated|first\ published|date|modified)(?:\s+on)?\s*:?\s*.{0,40}?\d", re.I | re.X
)

_CREDIT = re.compile(
    r"""(?ix)
    ^\s*(?:photo|image|picture|video|file\ photo|graphic|illustration)s?\s*(?:credit)?\s*(?::|by\b|from\b|courtesy\b)
    | ^\s*(?:credit|source|courtesy)\s*:
    | \b(?:getty\ images|shutterstock|alamy|afp\ photo|ap\ photo|epa(?:-efe)?|reuters/|/reuters|/afp|/ap)\b
    | \bvia\ (?:reuters|afp|ap|getty|epa)\b | (?-i:^[^.!?]{0,80}\bvia\ [A-Z][^.!?]*$)
    | ^\s*(?:file\ )?(?:photo|image|picture)s?\s*$
    | ^[\w.'\- ]+(?:/[\w.'\- ]+){1,}\s*$
    """
)

_CAPTION = re.compile(
    r"""(?ix)
    \bfile\ photo\b | \bphoto\ taken\b | \bpictured\b | \bin\ this\ (?:photo|picture|image|handout)\b
    | \(\s*(?:afp|ap|reuters|epa|getty\ images|photo[^)]*)\s*\)\s*$
    | ^\s*\[?\s*(?:photo|image|picture|caption)(?:\ caption)?\s*:
    """
)
# "RUSSIA. Russia's President ... attends a meeting": a capitalised label, then a scene. The same label before
# a narrated story ("MOSCOW. Russia will expel 60 diplomats, Lavrov told reporters") is a dateline.
_CAPS_LABEL = re.compile(r"^[A-Z][A-Z.'-]{2,}(?: [A-Z.'-]{2,})*\. [A-Z]")
# A scene described in the present tense: a caption when a photo credit follows it.
_SCENE = re.compile(
    r"\b(?:attends?|shakes?\ hands|speaks?|arrives?|gestures?|looks?\ on|waves?|poses?|walks?|delivers?|listens?"
    r"|smiles?|reacts?|celebrates?|sits?|stands?|holds?|visits?)\b", re.I
)

# A menu whose items are set apart by runs of spaces: "Top Stories  Local  World  Canada  Politics".
_MENU = re.compile(r"^\s*[A-Z&][\w&'’-]*(?: [A-Z&][\w&'’-]*)?(?: {2,}[A-Z&][\w&'’-]*(?: [A-Z&][\w&'’-]*)?){3,}\s*$")
_BREADCRUMB = re.compile(r"\s[»›>]\s|\s(?:/|\||·|•)\s.*\s(?:/|\||·|•)\s|^home\s*[»›>/|]", re.I)
# A stock-ticker row: "VSTW  Varnia Steel Works  4.12  -0.8%".
_TICKER = re.compile(r"^[A-Z][A-Z0-9.]{1,5}\b.*\d[\d,]*\.\d+.*[+-]\d+(?:\.\d+)?%\s*$")
# A masthead: the site's name on a line of its own ("THE CONTINENTAL LEDGER", "Northline News").
_BRAND = re.compile(
    r"\b(?:news|times|post|herald|gazette|courier|report|journal|ledger|today|daily|tribune|chronicle|observer"
    r"|express|mail|telegraph|guardian|star|sun|record|review|standard|independent|monitor|reporter|dispatch"
    r"|bulletin|insider|online|tv|radio|weekly|magazine|news24|24)\b",
    re.I,
)
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
_INLINE_WIRE = re.compile(r"^.{0,80}?\(([A-Z]{2,5}|[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})\)\s*[-–—]\s")
_OUTLET_SUFFIX = re.compile(
    r"\s+[–—|-]\s*((?:[A-Z][\w&'-]*\s?)+\.(?:com|net|org|co\.uk|co|info|news|ph|in|ru|tv))\s*$"
    r"|(?<=[.!?\"”])\s+\|\s+((?:The\s+)?[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,4})\s*$"
)
_OUTLET_PATTERNS = (  # most specific first
    re.compile(r"^\s*([A-Z][\w&.' -]{1,40}?)[’']s? website\b", re.I),
    re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?,?\s*([A-Z][\w&.' -]{1,50}?)(?:[.,]|\s+all rights|\s*$)", re.I),
    re.compile(r"\b(?:download|get|install) the ([A-Z][\w&.' -]{1,40}?) app\b", re.I),
)
# Agencies are named like agencies: "Meridian Press", "Polar News Agency", "Atlas Wire".
_WIRE_NAME = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w&.'-]*\s+){0,3}(?:Press|News\s+Agency|Agency|Wire|Newswire|News\s+Service|Wire\s+Service)$"
)


# --- corpus statistics --------------------------------------------------------

def line_key(line: str) -> str:
    """A line folded for repetition counts: case, accents, digits and spacing ignored."""
    folded = unicodedata.normalize("NFKD", line).casefold()
    folded = re.sub(r"\d+", "0", folded)
    return re.sub(r"\W+", " ", folded).strip()


@dataclass
class LineStats:
    """On how many distinct pages of the current run each short line appears.

    Site chrome repeats on every page of a site. Syndicated copies of one story
    repeat its body too, so a page is identified by its longest line: copies
    of the same story count once.
    """

    pages: dict[str, set[int]] = field(default_factory=dict)
    max_keys: int = 500_000
    max_pages_per_line: int = 5

    def add_page(self, text: str) -> None:
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        if not lines:
            return
        fingerprint = hash(line_key(max(lines, key=len)))
        for key in {line_key(ln) for ln in lines if len(ln.split()) <= 20}:
            seen = self.pages.get(key)
            if seen is None:
                if len(self.pages) >= self.max_keys:
                    continue
                seen = self.pages[key] = set()
            if len(seen) < self.max_pages_per_line:
                seen.add(fingerprint)

    def pages_with(self, line: str) -> int:
        return len(self.pages.get(line_key(line), ()))


# --- line features ------------------------------------------------------------

@dataclass(slots=True)
class Line:
    text: str
    index: int
    words: int
    stop_ratio: float
    terminal: bool
    sentence: bool  # a complete sentence, however short
    prose: bool  # a sentence long enough that chrome words in it are just words
    caps_ratio: float


_IMPERATIVE = re.compile(
    r"^(?:share|click|tap|subscribe|sign|download|follow|join|read|watch|get|save|log|see|listen|learn)"
    r"\s+(?:this|the|our|your|us|now|here|to|on|up|in|more|live|my|it)\b", re.I
)


def _features(text: str, index: int) -> Line:
    tokens = re.findall(r"[\w'’-]+", text)
    words = len(tokens)
    stops = sum(t.casefold() in _STOP for t in tokens)
    caps = sum(t[:1].isupper() for t in tokens)
    terminal = bool(_TERMINAL.search(text))
    stop_ratio = stops / words if words else 0.0
    sentence = words >= 3 and terminal and bool(re.match(r"[\W\d]*[A-Z0-9]", text)) and not _IMPERATIVE.match(text)
    prose = words >= 10 and terminal and stop_ratio >= 0.2
    return Line(text, index, words, stop_ratio, terminal, sentence, prose, caps / words if words else 0.0)


def _is_all_caps_teaser(line: Line) -> bool:
    letters = [c for c in line.text if c.isalpha()]
    return line.words >= 6 and bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.9


_NETWORK = re.compile(r"\b(?:facebook|twitter|linkedin|pinterest|whatsapp|telegram|reddit|vk|email)\b", re.I)


def _share_row(line: Line) -> bool:
    """'Facebook | Twitter | Email', 'Telegram': share buttons, not a headline about Twitter."""
    return len(_NETWORK.findall(line.text)) >= 2 or (line.words <= 4 and bool(_NETWORK.search(line.text)))


def _is_credit(line: Line) -> bool:
    return line.words <= 14 and not line.prose and bool(_CREDIT.search(line.text))


def boilerplate_reason(line: Line) -> str | None:
    """Why a line is chrome from its own features, or None."""
    text = line.text
    if _ALWAYS.search(text):
        return "chrome"
    if _URL_ONLY.match(text):
        return "url"
    if _is_all_caps_teaser(line):
        return "teaser"
    if _TICKER.match(text):
        return "ticker"
    if line.prose:
        return None
    if _STAMP.match(text) and line.words <= 20:
        return "timestamp"
    if _BYLINE.match(text) and line.words <= 10 and not line.sentence:
        return "byline"
    if _BREADCRUMB.search(text) or _MENU.match(text):
        return "breadcrumb"
    if _is_credit(line):
        return "credit"
    if line.words <= 15 and (_PROMPT.search(text) or _share_row(line)):
        return "ui"
    if line.words <= 4 and _UI_WORD.search(text):
        return "ui"
    if line.words <= 3 and text.endswith(":"):
        return "label"
    return None


def _label_values(lines: list[Line], reasons: dict[int, str | None]) -> None:
    """The short value printed under a field label ("Source:" / "University of Orvale") is chrome too."""
    for line, value in zip(lines, lines[1:]):
        is_label = line.text.endswith(":") and reasons[line.index] in ("label", "credit")
        if is_label and reasons[value.index] is None and value.words <= 6 and not value.sentence:
            reasons[value.index] = "label"


# --- the cleaner ----------------------------------------------------------------

@dataclass
class Cleaned:
    text: str
    paragraphs: list[Paragraph]
    removed: list[str]
    title: str | None
    outlet: str | None
    wire: str | None
    stamps: list[str] = field(default_factory=list)  # removed "Published ..." lines, for dating


# Two sentences on one line, not "St. Petersburg", "U.S. envoy" or "Mr. Lavrov"
_TWO_SENTENCES = re.compile(r"(?<!\bSt)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bJr)(?<!\bMrs)(?<!\bNo)(?<!\b[A-Z])(?<!\bv)(?<!\bvs)"
                            r"[.!?]\s+[A-Z(]")


# A site's own line: its name with a tagline ("FRANCE 24 | The World In Progress"), a live ticker, a byline.
_SITE_LINE = re.compile(r"\s[|•·]\s|^\s*live\s*:|\b(?:news|network|agency|digest|hub|desk|wire|press|media|"
                        r"broadcast(?:ing)?|edition)\b\s*(?:[-–—|:]|$)|^\s*[\w ]{0,30}\breporter\b|"
                        r"\bupdated\s+around\b|\bpart\s+of\s+the\b", re.I)


# Lines near the top that are no headline: an address, a menu arrow, a tagline ("A blog about ...",
# "Independent reporting on ..."), a follow prompt, an edition switch, an aggregator's cluster count.
_NOT_HEADLINE = re.compile(r"^\W*URL:|https?://|\bwww\.|[▾›]|^\W*(?:A|An)\s+(?:[\w-]+\s+)?(?:blog|newsletter|site|"
                           r"website|podcast|journal|magazine)\b|^\W*Independent\s+(?:news|reporting|journalism|"
                           r"analysis)\b|\bnotes\s+on\b|^\W*(?:Follow|Subscribe|Sign\s+up|Listen|Watch)\b|"
                           r"\bEdition\s+in\b|\b\d+\s+articles\b|^\W*Story\s+cluster\b|"
                           # a site's tagline: "Iowa's news source since 1889", "Italy's news in English"
                           r"\bnews\s+(?:source|in\s+english|from)\b|\bEnglish[- ]language\b|\bin\s+English\W*$|"
                           r"\b(?:news|reporting|serving|publishing|journalism)\b.*\bsince\s+(?:1[6-9]|20)\d\d\W*$|^\W*(?:Analysis|News|Commentary)\s+(?:and\s+[\w-]+\s+)?"
                           r"(?:on|from|about|for)\b|^\W*The\s+independent\b|^\W*Filed\s+under\b", re.I)


def _headline_score(line: Line, rank: int) -> float:
    """How much a line looks like this page's headline (0 = not at all)."""
    text = line.text.rstrip()
    two = bool(_TWO_SENTENCES.search(text))  # "OpenAI fired Altman. Now investors want him back" is a headline
    if line.words < 3 or line.words > 25 or text.endswith(".") or (two and line.words > 14):
        return 0.0
    if not re.match(r"[\W\d]*[A-Z0-9]", text):  # a headline starts with a capital
        return 0.0
    length = 0.3 if line.words <= 4 else 1.0 if line.words <= 16 else 0.5
    score = 1.0 + length + 0.3 * line.caps_ratio - 0.4 * rank
    if re.search(r"[:–—]\s|\bsays?\b", text):
        score += 0.2
    if two:
        score -= 0.3
    if _SITE_LINE.search(text) or _MENU.match(text) or re.search(r"\S {2,}\S", text) or text.startswith("[") or \
            _NOT_HEADLINE.search(text):
        score -= 1.2  # "TPA | Transcontinental Press Agency", "News  Arts & Life  Music", "Live: Traffic"
    elif not re.search(r"\b[a-z]{2,}\b", text) and line.words <= 5:
        score -= 0.8  # "Helvetia Wire Digest": a name, not a headline (which has a lower-case word or more)
    return max(score, 0.01)


def _find_title(lines: list[Line], body_start: int, hint: str | None, captions: set[int]) -> Line | None:
    if hint:
        wanted = line_key(hint)
        for line in lines:
            if line_key(line.text) == wanted:
                return line
    # a tagline that reads like prose may open the "body" above the headline: look a few lines further
    top = [ln for ln in lines if ln.index <= body_start and ln.index not in captions]
    top = top + [ln for ln in lines if ln.index > body_start and ln.index not in captions][:2] or lines[:3]
    seen = Counter(line_key(ln.text) for ln in lines)
    best, best_score = None, 0.0
    for rank, line in enumerate(top):
        score = _headline_score(line, rank)
        if score and seen[line_key(line.text)] > 1:
            score += 0.8
        if score > best_score:
            best, best_score = line, score
    return best


def _wire_name(text: str) -> str | None:
    """A wire named by a whole line ("Reuters", "By Jane Doe, Reuters", "Meridian Press")."""
    name = re.sub(r"^\s*by\s+.*?,\s*", "", text, flags=re.I).strip()
    if name.casefold() in KNOWN_WIRES:
        return KNOWN_WIRES[name.casefold()]
    return name if _WIRE_NAME.match(name) else None


def _expand_initials(short: str, raw: str) -> str:
    """'MP' -> 'Meridian Press' when the page spells the agency out somewhere."""
    if short.casefold() in KNOWN_WIRES:
        return KNOWN_WIRES[short.casefold()]
    if short.isupper() and 2 <= len(short) <= 5:
        words = r"\s+".join(rf"{c}[\w&'-]+" for c in short)
        match = re.search(rf"\b{words}\b", raw)
        if match:
            return " ".join(match.group(0).split())
    return short


def _find_wire(lines: list[Line], body: list[Line], raw: str) -> str | None:
    for line in lines[:12]:
        if line.words <= 5 and not line.terminal:
            name = _wire_name(line.text)
            if name:
                return name
    for line in body[:3]:
        match = _DATELINE_WIRE.match(line.text) or _INLINE_WIRE.search(line.text)
        if match:
            return _expand_initials(match.group(1).strip(), raw)
    for line in lines:
        match = re.search(r"(?:©|\(c\)|copyright)\s*\d{4}\s+((?:The\s+)?[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,4})", line.text)
        if match and _wire_name(match.group(1)):
            return _wire_name(match.group(1))
    return None


def _outlet_from_domain(domain: str) -> str:
    stem = re.sub(r"\.(?:com|net|org|co\.uk|co|info|news|ph|in|ru|tv)$", "", domain, flags=re.I)
    stem = re.sub(r"^www\.", "", stem, flags=re.I)
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", stem)


def _find_outlet(texts: list[str]) -> str | None:
    for pattern in _OUTLET_PATTERNS:
        for text in texts:
            match = pattern.search(text)
            if match:
                name = re.sub(r"\s+\d{4}$", "", match.group(1).strip(" .,'’"))
                generic = name.casefold() in {"this", "our", "the", "all"}
                if 1 <= len(name.split()) <= 5 and not generic and not _wire_name(name):
                    return name
    return None


def _captions(lines: list[Line], reasons: dict[int, str | None]) -> set[int]:
    """Indices of photo captions: explicit markers, or a present-tense scene followed by a credit."""
    found = set()
    for pos, line in enumerate(lines):
        if _DATELINE_WIRE.match(line.text) or line.words < 5 or reasons[line.index]:
            continue
        credit_next = pos + 1 < len(lines) and reasons[lines[pos + 1].index] == "credit"
        if _caption_like(line.text, credit_next):
            found.add(line.index)
    return found


def _caption_like(text: str, credit_next: bool = False) -> bool:
    """A photo marker, or a present-tense scene under a credit or a capitalised label."""
    return bool(_CAPTION.search(text) or (_SCENE.search(text) and (credit_next or _CAPS_LABEL.match(text))))


def _paragraph_kind(line: Line, title: Line | None, first_body: Line | None, captions: set[int]) -> str:
    if title is not None and line.index == title.index:
        return "headline"
    if title is not None and line.index < title.index:
        return "kicker"
    if line.index in captions:
        return "caption"
    is_top = first_body is not None and line.index == first_body.index
    if is_top and line.words <= 45 and (not line.text.rstrip().endswith(".") or re.search(r"\bsays\b", line.text)):
        return "dek"
    return "body"


def _strip_outlet_suffix(text: str) -> tuple[str, str | None]:
    """Split an outlet signature ("– Rappler.com", "| The Daily Lantern") off the end of a line."""
    match = _OUTLET_SUFFIX.search(text)
    if not match or len(text) - len(match.group(0)) < 20:
        return text, None
    return text[: match.start()].rstrip(), match.group(1) or match.group(2)


def _read_lines(raw: str, removed: list[str]) -> tuple[list[Line], str | None]:
    """The page's non-blank lines with their features; an outlet signature is split off."""
    lines, outlet = [], None
    for i, raw_line in enumerate(raw.splitlines()):
        stripped = raw_line.strip()
        text, domain = _strip_outlet_suffix(stripped)
        if domain:
            outlet = outlet or _outlet_from_domain(domain)
            removed.append(stripped[len(text):].strip())
        if text:
            lines.append(_features(text, i))
    return lines, outlet


def _masthead(lines: list[Line], reasons: dict[int, str | None]) -> Line | None:
    """The site's name printed above everything else, if the first kept line is one."""
    first = next((ln for ln in lines if reasons[ln.index] is None), None)
    if first is None or first.words > 5 or first.terminal or not _BRAND.search(first.text):
        return None
    name = re.split(r"\s+[·|•–—-]\s+", first.text)[0]
    return first if all(w[:1].isupper() or not w[:1].isalpha() for w in name.split()) else None


def _brand_name(text: str) -> str:
    """'VARNIA TODAY · English edition' -> 'Varnia Today'."""
    name = re.split(r"\s+[·|•–—-]\s+", text)[0].strip()
    return name.title() if name.isupper() else name


def _kicker(lines: list[Line], title: Line | None, reasons: dict[int, str | None], wire: str | None) -> int | None:
    """The section label printed right above the headline ("US-Russia relations"), if any."""
    if title is None:
        return None
    above = [ln for ln in lines if ln.index < title.index and not reasons[ln.index]]
    if not above:
        return None
    line = above[-1]
    plain = line.words <= 5 and not line.terminal and not re.search(r"\d", line.text) and line.text[:1].isupper()
    is_wire = line.text.casefold() in KNOWN_WIRES or (wire is not None and line_key(line.text) == line_key(wire))
    return line.index if plain and not is_wire else None


def clean(raw: str, *, stats: LineStats | None = None, title_hint: str | None = None) -> Cleaned:
    """Split ``raw`` into kept paragraphs and removed chrome; find title, outlet and wire."""
    removed: list[str] = []
    lines, outlet = _read_lines(raw, removed)
    reasons = {ln.index: boilerplate_reason(ln) for ln in lines}
    _label_values(lines, reasons)
    captions = _captions(lines, reasons)
    masthead = _masthead(lines, reasons)
    if masthead is not None:
        reasons[masthead.index] = "masthead"
    candidates = [ln for ln in lines if reasons[ln.index] is None]
    sentences = [ln for ln in candidates if ln.sentence and ln.index not in captions and ln.words >= 5]
    first = sentences[0].index if sentences else (candidates[0].index if candidates else 0)
    title = _find_title(candidates, first, title_hint, captions)
    if stats is not None:
        for line in candidates:
            repeated = not line.terminal and line.words <= 12 and stats.pages_with(line.text) >= 3
            if repeated and line is not title:
                reasons[line.index] = "repeated"
    body = [ln for ln in sentences if reasons[ln.index] is None]
    last = body[-1].index if body else (candidates[-1].index if candidates else 0)
    for line in lines:  # short closing sentences right after the body still belong to it
        if line.index > last:
            if reasons[line.index] is not None or not line.sentence:
                break
            last = line.index
    wire = _find_wire(lines, body, raw)
    kicker = _kicker(lines, title, reasons, wire)
    outlet = outlet or _find_outlet([ln.text for ln in lines if reasons[ln.index]])
    if outlet is None and masthead is not None:
        outlet = _brand_name(masthead.text)

    kept: list[Line] = []
    seen: set[str] = set()
    for line in lines:
        key = line_key(line.text)
        special = line is title or line.index == kicker or line.index in captions
        drop = reasons[line.index] is not None
        if not drop and not special and title is not None and key == line_key(title.text):
            drop = True  # the headline printed twice
        if not drop and not special and (line.index < first or line.index > last) and not line.prose:
            # outside the prose body only the kicker, headline, a dek and captions survive
            drop = line.words <= 5 or line.index > last or (wire is not None and key == line_key(wire))
        if drop:
            removed.append(line.text)
        elif key not in seen or line.words <= 3:
            kept.append(line)
        seen.add(key)

    # The page's own date lines, which dating reads although they are not article text.
    # The page's own address, which scrapers save as the first line, often carries the date in its path.
    stamps = [ln.text for ln in lines if reasons[ln.index] == "timestamp"
              or (ln.text in removed and _DATELINE_ONLY.match(ln.text))
              or (reasons[ln.index] == "url" and ln.index == lines[0].index)]
    after_title = [ln for ln in kept if title is None or ln.index > title.index]
    first_body = next((ln for ln in after_title if ln.index not in captions), None)
    paragraphs: list[Paragraph] = []
    offset = 0
    for line in kept:
        kind = _paragraph_kind(line, title, first_body, captions)
        paragraphs.append(Paragraph(offset, offset + len(line.text), kind))
        offset += len(line.text) + 2
    text = "\n\n".join(ln.text for ln in kept)
    return Cleaned(text, paragraphs, removed, title.text if title else None, outlet, wire, stamps)


def clean_extracted(text: str, title: str | None = None) -> Cleaned:
    """Paragraphs of text an HTML extractor already cleaned: nothing is removed."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n|\n", text) if b.strip()]
    if title and (not blocks or line_key(blocks[0]) != line_key(title)):
        blocks.insert(0, title.strip())
    lines = [_features(b, i) for i, b in enumerate(blocks)]
    captions = {ln.index for ln in lines if _caption_like(ln.text)}
    title_line = lines[0] if title and lines else None
    first_body = next((ln for ln in lines if title_line is None or ln.index > title_line.index), None)
    paragraphs, offset = [], 0
    for line in lines:
        kind = _paragraph_kind(line, title_line, first_body, captions)
        paragraphs.append(Paragraph(offset, offset + len(line.text), kind))
        offset += len(line.text) + 2
    wire = _find_wire(lines, [ln for ln in lines if ln.prose], text)
    return Cleaned("\n\n".join(blocks), paragraphs, [], title, None, wire)
