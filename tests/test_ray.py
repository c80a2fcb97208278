"""The Ray engine, run for real on a local 2-CPU Ray instance over a small mixed corpus.

One Ray session serves the whole module, and two runs most of it: Parquet + SQLite
first, then SQLite alone over the same files (nothing new, everything a duplicate).
A third run writes to PostgreSQL when ``$ONRECORD_TEST_POSTGRES`` names a server.
"""
from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import pytest

ray = pytest.importorskip("ray", reason="the Ray engine needs the [scale] extra: pip install 'onrecord[scale]'")
pytest.importorskip("ray.data", reason="the Ray engine needs ray[data]: pip install 'onrecord[scale]'")
pq = pytest.importorskip("pyarrow.parquet", reason="the Ray engine needs pyarrow: pip install 'onrecord[scale]'")

from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from onrecord import nlp as nlp_stage  # noqa: E402
from onrecord import scale  # noqa: E402
from onrecord.errors import OnrecordError  # noqa: E402
from onrecord.pipeline import IngestSummary, extract_paths  # noqa: E402
from onrecord.records import Article, Document, Entity, Paragraph, PublishedDate, Quote, TimeExpr  # noqa: E402
from onrecord.scale import article_from_row, article_row, ingest_with_ray, row_schema  # noqa: E402
from onrecord.store import open_store  # noqa: E402
from test_postgres import fresh_schema  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures" / "ray"
ARTICLES = 5  # two .txt, two JSON lines, one WARC page; notes.dat is not an article and is skipped
FAILED = ["broken.json", "wires.jsonl#3"]  # truncated JSON; a JSON line without text
BRENNER = "We will go back up the tower as soon as the stairs are safe, and not a day before"

# A short fictional article, served in a WARC response record.
PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Tram line to reach the stadium | The Harwick Courier</title>
<meta property="og:site_name" content="The Harwick Courier">
<meta property="article:published_time" content="2023-05-10T08:00:00+00:00">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Tram line to reach the stadium</h1>
<p>The Harwick tram line will be extended to the stadium by 2026, the city's transport chief,
Noor Haddad, said on Wednesday.</p>
<p>"Fans should be able to ride to the match, not sit in traffic for an hour," Haddad told the city council.</p>
<p>The extension will cost about 40 million euros, most of it from a national fund.</p>
</article><footer>© 2023 The Harwick Courier</footer></body></html>"""


def write_warc(path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        "https://courier.example/tram", "response", payload=io.BytesIO(PAGE.encode()), http_headers=headers,
        warc_headers_dict={"WARC-Date": "2023-05-10T09:00:00Z"},
    ))
    path.write_bytes(buffer.getvalue())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(FIXTURES, folder, dirs_exist_ok=True)
    write_warc(folder / "crawl.warc.gz")
    return folder


@pytest.fixture(scope="module")
def ray_session() -> Any:
    ray.init(address="local", num_cpus=2, include_dashboard=False)  # never a cluster running here
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def first_run(ray_session: Any, corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("run")
    output, db = out / "parquet", out / "onrecord.db"
    summary = ingest_with_ray([str(corpus)], output=str(output), db=str(db), num_cpus=2, progress=False)
    return {"summary": summary, "output": output, "db": db}


def failed_names(summary: IngestSummary, corpus: Path) -> list[str]:
    return [f.source.removeprefix(f"{corpus}/") for f in summary.failed]


def test_summary_counts_articles_and_reports_broken_files(first_run: dict[str, Any], corpus: Path) -> None:
    summary = first_run["summary"]
    assert (summary.read, summary.new, summary.duplicates) == (ARTICLES + len(FAILED), ARTICLES, 0)
    assert failed_names(summary, corpus) == FAILED
    assert "invalid JSON" in summary.failed[0].reason


def test_parquet_holds_one_row_per_article(first_run: dict[str, Any], corpus: Path) -> None:
    table = pq.read_table(first_run["output"] / "kind=article")
    assert table.num_rows == ARTICLES
    rows = {row["source"].removeprefix(f"{corpus}/"): row for row in table.to_pylist()}
    local = {a.source.removeprefix(f"{corpus}/"): a.id for a in extract_paths([str(corpus)]) if isinstance(a, Article)}
    assert {source: row["id"] for source, row in rows.items()} == local

    lighthouse = rows["lighthouse-repairs.txt"]
    quote = next(q for q in lighthouse["quotes"] if q["text"].startswith(BRENNER))
    assert (quote["speaker"], quote["condition"]) == ("Tomas Brenner", "as soon as the stairs are safe")
    assert rows["wires.jsonl#1"]["published_value"] == "2020-11-05"
    assert rows["crawl.warc.gz#1"]["url"] == "https://courier.example/tram"
    for row in rows.values():  # offsets point into the text, for every extraction
        for item in row["quotes"] + row["timexes"]:
            assert row["text"][item["start"]:item["end"]] == item["text"]


def test_parquet_failures_table(first_run: dict[str, Any], corpus: Path) -> None:
    failures = pq.read_table(first_run["output"] / "kind=failure", columns=["source", "reason"]).to_pylist()
    assert sorted(f["source"].removeprefix(f"{corpus}/") for f in failures) == FAILED


def test_store_matches_parquet_and_rerun_adds_nothing(first_run: dict[str, Any], corpus: Path) -> None:
    table = pq.read_table(first_run["output"] / "kind=article")
    with open_store(str(first_run["db"])) as store:
        assert store.count()["articles"] == ARTICLES
        for row in table.to_pylist():
            stored = store.get(row["id"])
            assert stored is not None and stored.quotes == article_from_row(row).quotes

    again = ingest_with_ray([str(corpus)], db=str(first_run["db"]), num_cpus=2, progress=False)
    assert (again.read, again.new, again.duplicates) == (ARTICLES + len(FAILED), 0, ARTICLES)
    assert failed_names(again, corpus) == FAILED
    with open_store(str(first_run["db"])) as store:
        assert store.count()["articles"] == ARTICLES


def test_output_must_be_new_or_empty(first_run: dict[str, Any], corpus: Path) -> None:
    with pytest.raises(OnrecordError, match="not empty"):
        ingest_with_ray([str(corpus)], output=str(first_run["output"]), num_cpus=2)


def test_row_round_trip() -> None:
    import pyarrow as pa

    article = Article(
        id="abc123", source="a.txt", text="Ada said: “Yes.”", title="T", outlet="O", wire="Reuters",
        url="https://o.example/a",
        published=PublishedDate("2021-03", "month", 0.5, ["dateline"], "inferred"),
        paragraphs=[Paragraph(0, 16, "body")], removed=["Share"],
        entities=[Entity("Ada Lee", "PERSON", ["Ada"], ["minister"])],
        quotes=[Quote("Yes.", 11, 15, "direct", "Ada Lee", "Ada", "said", None, "body", "2021-03")],
        timexes=[TimeExpr("March", 0, 5, "2021-03", "2021-03-01")],
    )
    row = pa.Table.from_pylist([article_row(article)], schema=row_schema()).to_pylist()[0]
    assert article_from_row(row) == article


def test_postgres_sink(ray_session: Any, corpus: Path) -> None:
    with fresh_schema() as url:  # skips without $ONRECORD_TEST_POSTGRES
        summary = ingest_with_ray([str(corpus)], db=url, num_cpus=2, progress=False)
        assert (summary.new, failed_names(summary, corpus)) == (ARTICLES, FAILED)
        with open_store(url) as store:
            assert store.count()["articles"] == ARTICLES


class PoisonedNLP:
    """spaCy that refuses any text containing POISON, as it refuses one over ``max_length``."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp

    def pipe(self, texts: Any, batch_size: int) -> Any:
        for text in texts:
            yield self(text)

    def __call__(self, text: str) -> Any:
        if "POISON" in text:
            raise ValueError("text refused")
        return self.nlp(text)


def test_a_batch_spacy_refuses_fails_only_the_culprit() -> None:
    import pickle

    import pyarrow as pa

    annotator = scale._Annotator(nlp_stage.model_name())
    annotator.nlp = PoisonedNLP(annotator.nlp)
    items = [Document("ok.txt", "The mayor, Olu Danjuma, said the library would open on Sundays."),
             Document("poison.txt", "POISON: the harbour master said the quay was closed.")]
    rows = annotator(pa.table({"item": [pickle.dumps(item) for item in items]})).to_pylist()
    assert [(r["source"], r["kind"]) for r in rows] == [("ok.txt", "article"), ("poison.txt", "failure")]
    assert rows[1]["reason"] == "spaCy failed: ValueError: text refused"
