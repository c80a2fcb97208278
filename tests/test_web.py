"""Tests of the web app and its JSON API, through FastAPI's TestClient on a small hand-made store.

The articles are fictional and built directly as records, so no test here
needs spaCy except the one that ingests an upload. Positions come from a
stand-in for ``onrecord.analysis.find_positions`` (see ``fake_positions``),
so the pages are tested apart from the analysis. ``test_report`` and
``test_browser`` reuse the corpus and the stand-in from this module.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from onrecord.records import Article, Entity, Paragraph, PublishedDate, Quote
from onrecord.store import open_store
from onrecord.web import create_app

try:
    from fastapi.testclient import TestClient
except ImportError:  # the corpus below still serves test_report
    TestClient = None  # type: ignore[assignment,misc]

pytestmark = pytest.mark.skipif(TestClient is None, reason="the web app needs the [web] extra")

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"

# --- a fictional corpus -------------------------------------------------------------------------


def _quote(body: str, text: str, **fields: Any) -> Quote:
    start = body.index(text)
    return Quote(text=text, start=start, end=start + len(text), **fields)


def _article(
    id: str, title: str, outlet: str, published: PublishedDate, paragraphs: list[str], **fields: Any
) -> Article:
    body = "\n".join(paragraphs)
    offsets, start = [], 0
    for p in paragraphs:
        offsets.append(Paragraph(start, start + len(p)))
        start += len(p) + 1
    quotes = [_quote(body, text, **q) for text, q in fields.pop("quotes", [])]
    return Article(id=id, source=f"corpus/{id}.txt", text=body, title=title, outlet=outlet,
                   published=published, paragraphs=offsets, quotes=quotes, **fields)


Q1 = "We are ready for talks with Tarnholm on a broad agenda"
Q2 = "We will talk as soon as the new government in Tarnholm is ready to do the same"
Q3 = "Talks are possible only if the border question is included"
Q4 = f"We reject {SCRIPT} every {IMG} proposal"

ARTICLES = [
    _article(
        "aaaa1111aaaa1111", "Varnia offers talks on a broad agenda", "Harbour Gazette",
        PublishedDate("2019-05-14", "day", 0.9, ["dateline: 14 May 2019"], "dateline"),
        ["VELGRAD, May 14 — Varnia is ready to talk to Kestria, its spokesman said on Tuesday.",
         f'"{Q1}," spokesman Pavel Orlen told reporters in Velgrad.',
         "The two capitals froze relations after the Selm valley clashes."],
        removed=["Share this article", "Subscribe to our newsletter"],
        entities=[Entity("Pavel Orlen", "PERSON", ["Orlen"], ["Varnian spokesman"])],
        quotes=[(Q1, {"kind": "direct", "speaker": "Pavel Orlen", "cue": "told reporters"})],
    ),
    _article(
        "bbbb2222bbbb2222", "Velgrad waits for Tarnholm", "Continental Ledger",
        PublishedDate("2021-01", "month", 0.6, ["mentions January 2021"], "inferred"),
        [f'Orlen said: "{Q2}."',
         f'Ambassador Mara Tolvik added: "{Q3}."'],
        entities=[Entity("Pavel Orlen", "PERSON", ["Orlen"], ["spokesman"]),
                  Entity("Mara Tolvik", "PERSON", ["Tolvik"], ["UN ambassador"])],
        quotes=[(Q2, {"kind": "direct", "speaker": "Pavel Orlen", "cue": "said",
                      "condition": "as soon as the new government in Tarnholm is ready"}),
                (Q3, {"kind": "direct", "speaker": "Mara Tolvik", "cue": "added",
                      "condition": "only if the border question is included"})],
    ),
    _article(
        "cccc3333cccc3333", f"Harbour {SCRIPT} news {IMG}", f"Night {SCRIPT} Courier",
        PublishedDate("2023-03-02", "day", 0.9, [f"dateline {IMG}"], "dateline"),
        [f"{SCRIPT} A statement came late on Thursday. {IMG}",
         f'"{Q4}," said {IMG}.'],
        removed=[f"Comments {SCRIPT}"],
        entities=[Entity(IMG, "PERSON")],
        quotes=[(Q4, {"kind": "direct", "speaker": IMG, "cue": "said", "condition": f"if {SCRIPT}"})],
    ),
]
GOOD_ID, XSS_ID = ARTICLES[0].id, ARTICLES[2].id


def build_store(path: Path) -> str:
    """A SQLite store at ``path`` holding the fictional articles; returns its path."""
    with open_store(path) as store:
        store.add_many(ARTICLES)
    return str(path)


# --- a stand-in for the analysis stage ---------------------------------------------------------


@dataclass
class FakePosition:
    """Shaped like ``onrecord.analysis`` Positions: only ``to_dict`` is used."""

    id: str
    label: str
    statements: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "statements": self.statements}


def _statement(article: Article, quote: Quote, change: str | None) -> dict[str, Any]:
    return {"source": article.source, "article_id": article.id, "date": article.published.value,
            "speaker": quote.speaker, "text": quote.text, "condition": quote.condition,
            "outlets": [article.outlet], "change": change, "start": quote.start, "end": quote.end}


POSITIONS = [
    FakePosition("varnia-talks", "Varnia is ready for talks with Kestria", [
        _statement(ARTICLES[0], ARTICLES[0].quotes[0], None),
        _statement(ARTICLES[1], ARTICLES[1].quotes[0], "new condition: the new government"),
        _statement(ARTICLES[1], ARTICLES[1].quotes[1], "new condition: the border question"),
    ]),
    FakePosition("xss", f"Rejection {SCRIPT} {IMG}", [
        _statement(ARTICLES[2], ARTICLES[2].quotes[0], f"changed {SCRIPT}"),
    ]),
]


def fake_positions(store: Any, speaker: str | None = None) -> list[FakePosition]:
    return [p for p in POSITIONS if speaker is None or any(s["speaker"] == speaker for s in p.statements)]


@pytest.fixture
def positions(monkeypatch: pytest.MonkeyPatch) -> list[FakePosition]:
    """Substitute the analysis stage's ``find_positions`` (present or not yet) with the stand-in."""
    import onrecord.analysis

    monkeypatch.setattr(onrecord.analysis, "find_positions", fake_positions, raising=False)
    return POSITIONS


@pytest.fixture
def db(tmp_path: Path) -> str:
    return build_store(tmp_path / "web.db")


@pytest.fixture
def client(db: str, positions: list[FakePosition]) -> TestClient:
    return TestClient(create_app(db))


def assert_error(response: Any, status: int, message: str = "") -> None:
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == status
    assert message in body["error"]["message"]


# --- the JSON API ---------------------------------------------------------------------------------


def test_overview_lists_counts_positions_and_top_speakers(client: TestClient) -> None:
    body = client.get("/api/overview").json()
    assert body["counts"]["articles"] == 3
    assert [p["id"] for p in body["positions"]] == ["varnia-talks", "xss"]
    top = body["positions"][0]
    assert (top["statements"], top["first"], top["last"]) == (3, "2019-05-14", "2021-01")
    assert body["speakers"][0]["name"] == "Pavel Orlen" and body["speakers"][0]["quotes"] == 2


def test_search_finds_articles_with_snippets_and_facets(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "Tarnholm"}).json()
    assert {h["id"] for h in body["hits"]} == {GOOD_ID, "bbbb2222bbbb2222"}
    assert body["count"] == 2 and all("[" in h["snippet"] for h in body["hits"])
    facets = body["facets"]
    assert {f["value"]: f["count"] for f in facets["speakers"]} == {"Pavel Orlen": 2, "Mara Tolvik": 1}
    assert [f["value"] for f in facets["years"]] == ["2019", "2021"]
    assert {f["value"] for f in facets["outlets"]} == {"Harbour Gazette", "Continental Ledger"}


@pytest.mark.parametrize(
    "params,expected",
    [
        ({"q": "Tarnholm", "speaker": "Tolvik"}, {"bbbb2222bbbb2222"}),
        ({"q": "Tarnholm", "outlet": "harbour gazette"}, {GOOD_ID}),
        ({"q": "Tarnholm", "since": "2020", "until": "2021-06"}, {"bbbb2222bbbb2222"}),
        ({"speaker": "Orlen"}, {GOOD_ID, "bbbb2222bbbb2222"}),
        ({"q": "", "since": "", "outlet": ""}, {a.id for a in ARTICLES}),  # a blank form field is no filter
    ],
)
def test_search_filters(client: TestClient, params: dict[str, str], expected: set[str]) -> None:
    response = client.get("/api/search", params=params)
    assert response.status_code == 200, response.text
    assert {h["id"] for h in response.json()["hits"]} == expected


def test_search_with_broken_fts_syntax_is_a_400_with_a_message(client: TestClient) -> None:
    assert_error(client.get("/api/search", params={"q": '"unterminated'}), 400, "cannot parse search query")
    assert_error(client.get("/api/search", params={"q": "talks AND"}), 400, "cannot parse")
    page = client.get("/search", params={"q": "talks AND"})
    assert page.status_code == 400 and "cannot parse search query" in page.text


def test_bad_dates_and_parameters_share_the_error_shape(client: TestClient) -> None:
    assert_error(client.get("/api/search", params={"q": "talks", "since": "2021-13"}), 400, "since")
    assert_error(client.get("/api/search", params={"limit": "many"}), 422, "limit")
    assert_error(client.get("/api/search", params={"limit": 0}), 422, "limit")


def test_article_by_id_and_by_prefix(client: TestClient) -> None:
    body = client.get(f"/api/articles/{GOOD_ID}").json()
    assert body["title"] == "Varnia offers talks on a broad agenda"
    assert body["quotes"][0]["speaker"] == "Pavel Orlen"
    assert body["removed"] == ["Share this article", "Subscribe to our newsletter"]
    assert client.get(f"/api/articles/{GOOD_ID[:8]}").json()["id"] == GOOD_ID


def test_speakers_and_one_speaker_by_full_name_or_surname(client: TestClient) -> None:
    names = [r["name"] for r in client.get("/api/speakers").json()]
    assert names[0] == "Pavel Orlen" and "Mara Tolvik" in names
    body = client.get("/api/speakers/Pavel Orlen").json()
    assert body["speaker"]["name"] == "Pavel Orlen"
    assert [s["date"] for s in body["statements"]] == ["2019-05-14", "2021-01"]
    assert client.get("/api/speakers/Tolvik").json()["speaker"]["name"] == "Mara Tolvik"


def test_positions_and_one_position(client: TestClient) -> None:
    positions = client.get("/api/positions").json()
    assert [p["id"] for p in positions] == ["varnia-talks", "xss"]
    one = client.get("/api/positions/varnia-talks").json()
    assert one["label"] == "Varnia is ready for talks with Kestria"
    assert [s["condition"] for s in one["statements"]][1:] == [
        "as soon as the new government in Tarnholm is ready", "only if the border question is included"]
    assert one["statements"][0]["start"] == ARTICLES[0].quotes[0].start  # extra fields pass through


@pytest.mark.parametrize(
    "path",
    ["/api/articles/ffffffffffffffff", "/api/speakers/Nobody Atall", "/api/positions/nope", "/api/no-such-route"],
)
def test_not_found_has_the_error_shape(client: TestClient, path: str) -> None:
    assert_error(client.get(path), 404)


def test_html_not_found_is_a_page(client: TestClient) -> None:
    response = client.get("/articles/ffffffffffffffff")
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert "no article with id" in response.text


def test_openapi_schema_documents_the_api_and_the_error_shape(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    for route in ("/api/overview", "/api/search", "/api/articles/{article_id}", "/api/speakers",
                  "/api/speakers/{name}", "/api/positions", "/api/positions/{position_id}", "/api/ingest"):
        assert route in paths, route
    assert not any(not p.startswith("/api/") for p in paths)  # pages stay out of the API schema
    assert "ErrorResponse" in schema["components"]["schemas"]
    search = paths["/api/search"]["get"]
    assert {p["name"] for p in search["parameters"]} >= {"q", "speaker", "outlet", "since", "until", "limit"}
    assert "ErrorResponse" in str(search["responses"]["400"])


def test_pages_render(client: TestClient) -> None:
    for path in ("/", "/search", "/search?q=Tarnholm&speaker=Orlen", f"/articles/{GOOD_ID}", "/speakers",
                 "/speakers/Pavel%20Orlen", "/positions", "/positions/varnia-talks", "/static/onrecord.css",
                 "/static/web.css"):
        response = client.get(path)
        assert response.status_code == 200, (path, response.text[:300])


def test_article_page_highlights_quotes_by_speaker_and_keeps_boilerplate_on_demand(client: TestClient) -> None:
    page = client.get("/articles/bbbb2222bbbb2222").text
    marks = re.findall(r'<mark class="quote (sp-\d)" data-speaker="([^"]*)"', page)
    assert marks == [("sp-0", "Pavel Orlen"), ("sp-1", "Mara Tolvik")]
    assert 'class="swatch sp-1"' in page  # the legend
    first = client.get(f"/articles/{GOOD_ID}").text
    assert re.search(r"<details class=\"removed\">\s*<summary>Removed boilerplate \(2 lines\)", first)
    assert "Subscribe to our newsletter" in first


def test_position_page_draws_one_marker_per_statement(client: TestClient) -> None:
    page = client.get("/positions/varnia-talks").text
    assert page.count('<g class="marker"') == 3
    assert "only if the border question is included" in page


# --- ingest ------------------------------------------------------------------------------------------


def test_ingest_is_off_by_default(client: TestClient) -> None:
    files = {"files": ("a.txt", b"Some text.", "text/plain")}
    assert_error(client.post("/api/ingest", files=files), 403, "--allow-ingest")
    assert_error(client.post("/api/ingest"), 403)  # refused before the body is validated


def test_ingest_refuses_another_sites_page(db: str) -> None:
    client = TestClient(create_app(db, allow_ingest=True))
    files = {"files": ("a.txt", b"Some text.", "text/plain")}
    assert_error(client.post("/api/ingest", files=files, headers={"Origin": "https://evil.example"}), 403)


def test_ingest_enabled_runs_the_real_pipeline_with_spacy(db: str, positions: list[FakePosition]) -> None:
    """Loads spaCy (a few seconds): the one test here that runs the real pipeline."""
    client = TestClient(create_app(db, allow_ingest=True))
    text = (
        "Kestria opens a new ferry line\n\n"
        'TARNHOLM, March 3, 2022 — "The ferry will run every day from June," '
        "harbour director Ilse Marnov told reporters on Thursday.\n"
    )
    response = client.post("/api/ingest", files=[("files", ("../ferry.txt", text.encode(), "text/plain"))])
    assert response.status_code == 200, response.text
    assert response.json() == {"read": 1, "new": 1, "duplicates": 0, "failed": []}
    hits = client.get("/api/search", params={"q": "ferry"}).json()["hits"]
    assert len(hits) == 1 and hits[0]["source"] == "upload:../ferry.txt"
    again = client.post("/api/ingest", files=[("files", ("ferry.txt", text.encode(), "text/plain"))]).json()
    assert again["duplicates"] == 1 and again["new"] == 0


# --- security ------------------------------------------------------------------------------------------


XSS_PAGES = ["/", f"/articles/{XSS_ID}", "/search?q=statement", "/search", "/speakers", "/positions",
             "/positions/xss", f"/speakers/{IMG}", f"/articles/nothing-{IMG}"]


@pytest.mark.parametrize("path", XSS_PAGES)
def test_untrusted_text_is_escaped_everywhere(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code in (200, 404), response.text[:300]
    page = response.text
    assert SCRIPT not in page and IMG not in page
    assert "<script" not in page.lower() and not re.search(r"<img\b", page, re.I)
    assert "&lt;script&gt;" in page or "&lt;img src=x onerror=alert(1)&gt;" in page  # shown, as text


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/", "/api/speakers", "/api/nope", "/static/web.css", f"/articles/{XSS_ID}"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'none'" in csp and "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_core_package_imports_without_the_web_extra() -> None:
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['fastapi'] = None\n"
        "import onrecord, onrecord.web, onrecord.cli\n"
        "from onrecord.errors import OnrecordError\n"
        "try:\n    onrecord.web.create_app(None)\nexcept OnrecordError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "[web] extra" in out
