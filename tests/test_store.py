"""Tests of the stores: round trips, migrations, search, quote filters, speakers.

Tests that take the ``store`` fixture (or ``corpus``) are the behaviour every
backend shares: they run on SQLite and, when a test server is configured, on
PostgreSQL (harness and PostgreSQL-only tests in test_postgres.py). The others,
and those marked ``sqlite_only``, check SQLite's own files, migrations and FTS5.
"""
from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from onrecord.errors import QueryError, StoreError
from onrecord.records import Article, Entity, Paragraph, PublishedDate, Quote, TimeExpr
from onrecord.store import SQLiteStore, Store, default_db, open_store
from onrecord.store import migrations as migrations_module
from onrecord.store import sqlite as sqlite_module
from onrecord.store.base import DateRange, lookup_keys, merge_target, name_key
from onrecord.store.migrations import Migration

ALL_VERSIONS = tuple(m.version for m in migrations_module.MIGRATIONS)

# --- fixtures: three articles about fictional people --------------------------


def _quote(body: str, text: str, **fields) -> Quote:
    start = body.index(text)
    return Quote(text=text, start=start, end=start + len(text), **fields)


def _article(
    id: str, body: str, outlet: str, published: PublishedDate, title: str, **fields
) -> Article:
    return Article(
        id=id,
        source=f"corpus/{id}.txt",
        text=body,
        title=title,
        outlet=outlet,
        published=published,
        paragraphs=[Paragraph(0, len(body))],
        **fields,
    )


A1_TEXT = (
    'Ivo Brandt, the council spokesman, said: "We are ready for dialogue on the widest agenda." '
    'Harbour minister Anna Tolvik told reporters: "The treaty must be signed this year."'
)
A1 = _article(
    "a1a1a1a1a1a1a1a1",
    A1_TEXT,
    "Harbor Daily",
    PublishedDate("2021-03-14", "day", 0.9, ["dateline: 14 March 2021"], "dateline"),
    "Council opens talks on river treaty",
    url="https://harbor.example/a1",
    wire="Coastal Wire",
    removed=["Share this article", "Subscribe"],
    entities=[
        Entity("Ivo Brandt", "PERSON", ["Brandt"], ["council spokesman"]),
        Entity("Anna Tolvik", "PERSON", ["Tolvik"], ["harbour minister"]),
        Entity("Harbour Council", "ORG"),
    ],
    quotes=[
        _quote(
            A1_TEXT,
            "We are ready for dialogue on the widest agenda.",
            kind="direct",
            speaker="Ivo Brandt",
            speaker_mention="Ivo Brandt",
            cue="said",
        ),
        _quote(
            A1_TEXT,
            "The treaty must be signed this year.",
            kind="direct",
            speaker="Anna Tolvik",
            speaker_mention="Harbour minister Anna Tolvik",
            cue="told reporters",
        ),
    ],
    timexes=[TimeExpr("this year", A1_TEXT.index("this year"), A1_TEXT.rindex("year") + 4, "2021")],
)

A2_TEXT = (
    "Brandt said the council would resume dialogue as soon as the council agrees. "
    'Tolvik said: "Nothing has changed."'
)
A2 = _article(
    "b2b2b2b2b2b2b2b2",
    A2_TEXT,
    "Northwind Post",
    PublishedDate("2023-12", "month", 0.6, ["mentions December"], "inferred"),
    "Brandt repeats offer of dialogue",
    entities=[
        Entity("Brandt", "PERSON", [], ["spokesman for the council"]),
        Entity("Tolvik", "PERSON"),
    ],
    quotes=[
        _quote(
            A2_TEXT,
            "the council would resume dialogue",
            kind="indirect",
            speaker="Brandt",
            speaker_mention="Brandt",
            cue="said",
            condition="as soon as the council agrees",
        ),
        _quote(A2_TEXT, "Nothing has changed.", kind="direct", speaker="Tolvik", cue="said"),
    ],
)

A3_TEXT = (
    "Opposition leader Mara Tolvik said on January 30: "
    '"Dialogue only if the islands are included." '
    'An official added: "The harbour stays open."'
)
A3 = _article(
    "c3c3c3c3c3c3c3c3",
    A3_TEXT,
    "Harbor Daily",
    PublishedDate("2024-02-02", "day", 0.95, [], "metadata"),
    "Islands question returns",
    entities=[Entity("Mara Tolvik", "PERSON", [], ["opposition leader"])],
    quotes=[
        _quote(
            A3_TEXT,
            "Dialogue only if the islands are included.",
            kind="direct",
            speaker="Mara Tolvik",
            cue="said",
            condition="only if the islands are included",
            said_on="2024-01-30",
        ),
        _quote(
            A3_TEXT,
            "The harbour stays open.",
            kind="direct",
            speaker_mention="An official",
            cue="added",
            placement="body",
        ),
    ],
)


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


#: Runs a shared-fixture test on SQLite only (direct parametrization overrides ``backend``).
sqlite_only = pytest.mark.parametrize("backend", ["sqlite"])


@contextmanager
def _empty_database(backend: str) -> Iterator[str]:
    """The URL of an empty database; PostgreSQL skips when no test server answers."""
    if backend == "sqlite":
        yield ":memory:"
        return
    from test_postgres import fresh_schema  # imported here: test_postgres imports this module

    with fresh_schema() as url:
        yield url


@pytest.fixture
def store(backend: str) -> Iterator[Store]:
    with _empty_database(backend) as url, open_store(url) as s:
        yield s


@pytest.fixture
def corpus(store: Store) -> Store:
    assert store.add_many([A1, A2, A3]) == [True, True, True]
    return store


def _raw(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


# --- round trip and idempotence -----------------------------------------------


def test_round_trip_returns_an_equal_article(store: Store) -> None:
    assert store.add(A1) is True
    assert store.has(A1.id) and not store.has("f" * 16)
    assert store.get(A1.id) == A1
    assert Article.from_dict(store.get(A1.id).to_dict()) == A1
    assert store.get("nope") is None


def test_get_accepts_a_unique_prefix_of_six_or_more(store: Store) -> None:
    twin = replace(A2, id="a1a1a1ff00000000")
    store.add_many([A1, twin])
    assert store.get("a1a1a1a1") == A1
    assert store.get("a1a1a1f") == twin
    assert store.get("a1a1a") is None  # too short to be taken as a prefix
    with pytest.raises(QueryError, match="ambiguous"):
        store.get("a1a1a1")


def test_re_adding_is_a_no_op(corpus: Store) -> None:
    before = corpus.count()
    assert before == {"articles": 3, "quotes": 6, "entities": 6}
    assert corpus.add(A1) is False
    assert corpus.add_many([A2, replace(A1, id="d4d4d4d4d4d4d4d4"), A3]) == [False, True, False]
    assert corpus.count()["quotes"] == before["quotes"] + len(A1.quotes)


# --- atomicity ----------------------------------------------------------------


def _assert_empty(store: Store) -> None:
    assert store.count() == {"articles": 0, "quotes": 0, "entities": 0}
    assert store.search("dialogue") == []
    assert store.quotes() == [] and store.speakers() == []


def test_a_failing_quote_insert_rolls_back_the_whole_article(store: Store, monkeypatch) -> None:
    backend_module = sys.modules[type(store).__module__]  # every backend builds rows with quote_row
    real_row = backend_module.quote_row
    calls = []

    def failing_row(article, quote):
        calls.append(quote)
        if len(calls) == 2:
            raise RuntimeError("disk on fire")
        return real_row(article, quote)

    monkeypatch.setattr(backend_module, "quote_row", failing_row)
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.add(A1)
    assert len(calls) == 2  # the article row, entities and the first quote were written
    assert not store.has(A1.id)
    _assert_empty(store)
    monkeypatch.setattr(backend_module, "quote_row", real_row)
    assert store.add(A1) is True and store.get(A1.id) == A1


def test_a_database_error_rolls_back_the_batch(store: Store) -> None:
    bad = replace(A2, quotes=[A2.quotes[0], replace(A2.quotes[1], kind="rumour")])
    with pytest.raises(StoreError, match=f"article {A2.id}.*nothing was written"):
        store.add_many([A1, bad])
    _assert_empty(store)


# --- opening, migrations, files -----------------------------------------------


def test_migrations_are_recorded_and_not_reapplied(tmp_path: Path) -> None:
    path = tmp_path / "record.db"
    with open_store(path) as first:
        assert first.migrated == ALL_VERSIONS
    recorded = _raw(path, "SELECT version, applied_at FROM schema_migrations")
    assert tuple(v for v, _ in recorded) == ALL_VERSIONS
    with open_store(path) as again:
        assert again.migrated == ()
    assert _raw(path, "SELECT version, applied_at FROM schema_migrations") == recorded


def test_new_migrations_apply_in_order_and_a_failing_one_rolls_back(
    tmp_path: Path, monkeypatch
) -> None:
    path = tmp_path / "record.db"
    open_store(path).close()
    base = list(migrations_module.MIGRATIONS)
    n = len(base)
    broken = Migration(n + 2, "broken", ("CREATE TABLE half (x)", "CREATE TABLE oops ("))
    later = [Migration(n + 1, "extra table", ("CREATE TABLE extra (x)",)), broken]
    monkeypatch.setattr(migrations_module, "MIGRATIONS", base + later)
    with pytest.raises(StoreError, match=f"migration {n + 2} .*failed"):
        open_store(path)
    assert [v for (v,) in _raw(path, "SELECT version FROM schema_migrations")] == [*ALL_VERSIONS, n + 1]
    tables = {n for (n,) in _raw(path, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "extra" in tables and "half" not in tables


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "record.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_migrations VALUES (99, '2030-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="version 99 is newer"):
        open_store(path)


def test_file_databases_use_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "record.db"
    with open_store(path) as store:
        store.add(A1)
        assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert _raw(path, "PRAGMA journal_mode") == [("wal",)]
    with open_store(path) as reopened:
        assert reopened.get(A1.id) == A1


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("Minutes of the harbour council meeting.\n" * 50)
    with pytest.raises(StoreError, match="not a SQLite database"):
        open_store(path)
    with pytest.raises(StoreError, match="cannot open database"):
        open_store(tmp_path / "missing-dir" / "record.db")


def test_another_applications_database_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "places.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE bookmarks (url TEXT)")
    conn.close()
    with pytest.raises(StoreError, match="another application.*bookmarks"):
        open_store(path)
    assert _raw(path, "SELECT name FROM sqlite_master") == [("bookmarks",)]
    assert _raw(path, "PRAGMA journal_mode") == [("delete",)]


def test_open_store_urls(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ONRECORD_DB", str(tmp_path / "env.db"))
    assert default_db() == str(tmp_path / "env.db")
    with open_store() as store:
        assert isinstance(store, SQLiteStore) and store.path == str(tmp_path / "env.db")
    monkeypatch.delenv("ONRECORD_DB")
    assert default_db() == "./onrecord.db"
    with open_store(f"sqlite:///{tmp_path}/url.db") as store:
        assert store.path == f"{tmp_path}/url.db"
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if the [postgres] extra were missing
    monkeypatch.delitem(sys.modules, "onrecord.store.postgres", raising=False)
    with pytest.raises(StoreError, match=r"PostgreSQL needs the \[postgres\] extra"):
        open_store("postgresql://user@host/onrecord")
    with pytest.raises(StoreError, match="unsupported"):
        open_store("mysql://host/db")


# --- listing and search -------------------------------------------------------


def test_articles_lists_in_date_order_with_filters(corpus: Store) -> None:
    rows = corpus.articles()
    assert [r.id for r in rows] == [A1.id, A2.id, A3.id]
    assert rows[1].to_dict() == {
        "id": A2.id,
        "source": A2.source,
        "title": A2.title,
        "outlet": "Northwind Post",
        "published": "2023-12",
        "precision": "month",
        "n_quotes": 2,
    }
    assert [r.id for r in corpus.articles(outlet="harbor daily")] == [A1.id, A3.id]
    assert [r.id for r in corpus.articles(since="2023-12-01", until="2023-12-31")] == [A2.id]
    assert [r.id for r in corpus.articles(limit=1)] == [A1.id]
    with pytest.raises(QueryError, match="limit"):
        corpus.articles(limit=-1)


def test_search_ranks_and_marks_matches(corpus: Store) -> None:
    hits = corpus.search("dialogue")
    assert {h.id for h in hits} == {A1.id, A2.id, A3.id}
    assert hits[0].id == A2.id  # the only title match
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)
    assert all("[dialogue]" in h.snippet.lower() for h in hits)
    assert [h.id for h in corpus.search('"widest agenda"')] == [A1.id]
    assert corpus.search("dialogue", limit=1)[0].id == A2.id


@sqlite_only
def test_fts5_column_filters(corpus: Store) -> None:
    assert [h.id for h in corpus.search("title:treaty")] == [A1.id]


def test_search_filters_by_outlet_and_partial_dates(corpus: Store) -> None:
    assert {h.id for h in corpus.search("dialogue", outlet="HARBOR DAILY")} == {A1.id, A3.id}
    assert [h.id for h in corpus.search("dialogue", since="2023-12-01", until="2023-12-31")] == [
        A2.id
    ]
    assert [h.id for h in corpus.search("dialogue", since="2023-12-20", until="2024-01")] == [A2.id]
    assert {h.id for h in corpus.search("dialogue", until="2023")} == {A1.id, A2.id}


@pytest.mark.parametrize("query", ["AND", " "])
def test_a_search_with_nothing_to_search_for_is_a_query_error(corpus: Store, query: str) -> None:
    with pytest.raises(QueryError, match="search query"):
        corpus.search(query)


@sqlite_only
@pytest.mark.parametrize("query", ["dialogue AND", '"unterminated', "nosuch:word", "U.S.", "-x"])
def test_malformed_search_is_a_query_error(corpus: Store, query: str) -> None:
    with pytest.raises(QueryError, match="search query"):
        corpus.search(query)


# --- quotes -------------------------------------------------------------------


def _texts(rows) -> list[str]:
    return [r.text for r in rows]


def test_quotes_are_dated_and_ordered(corpus: Store) -> None:
    rows = corpus.quotes()
    assert [(r.article_id, r.date, r.start) for r in rows] == [
        (A1.id, "2021-03-14", A1.quotes[0].start),
        (A1.id, "2021-03-14", A1.quotes[1].start),
        (A2.id, "2023-12", A2.quotes[0].start),
        (A2.id, "2023-12", A2.quotes[1].start),
        (A3.id, "2024-01-30", A3.quotes[0].start),  # said_on beats the publication date
        (A3.id, "2024-02-02", A3.quotes[1].start),
    ]
    assert rows[2].to_dict()["condition"] == "as soon as the council agrees"
    assert rows[2].outlet == "Northwind Post" and rows[2].source == A2.source


def test_quotes_by_speaker_surname_and_full_name(corpus: Store) -> None:
    tolviks = corpus.quotes(speaker="tolvik")
    assert [r.speaker for r in tolviks] == ["Anna Tolvik", "Tolvik", "Mara Tolvik"]
    # "Tolvik" alone is ambiguous between two people, so it is not Anna's.
    assert [r.speaker for r in corpus.quotes(speaker="Anna  TOLVIK")] == ["Anna Tolvik"]
    # "Brandt" can only be Ivo Brandt, so his full name also finds it.
    assert [r.speaker for r in corpus.quotes(speaker="Ivo Brandt")] == ["Ivo Brandt", "Brandt"]
    assert [r.speaker for r in corpus.quotes(speaker="Brandt")] == ["Ivo Brandt", "Brandt"]
    assert corpus.quotes(speaker="Nobody Atall") == []
    with pytest.raises(QueryError):
        corpus.quotes(speaker="  ")


@sqlite_only
def test_long_speaker_key_lists_go_through_json_each(corpus: Store, monkeypatch) -> None:
    tolviks = corpus.quotes(speaker="tolvik")
    monkeypatch.setattr(sqlite_module, "MAX_PLACEHOLDERS", 1)  # long key lists go through json_each
    assert [r.speaker for r in corpus.quotes(speaker="tolvik")] == [r.speaker for r in tolviks]


def test_quotes_by_partial_dates_outlet_and_text(corpus: Store) -> None:
    december = corpus.quotes(since="2023-12-01", until="2023-12-31")
    assert _texts(december) == _texts(A2.quotes)
    assert _texts(corpus.quotes(since="2023-12-15", until="2024-01")) == (
        _texts(A2.quotes) + [A3.quotes[0].text]
    )
    assert _texts(corpus.quotes(since="2024-01-31")) == [A3.quotes[1].text]
    assert _texts(corpus.quotes(until="2021")) == _texts(A1.quotes)
    assert _texts(corpus.quotes(outlet="northwind post", speaker="Brandt")) == [A2.quotes[0].text]
    assert _texts(corpus.quotes(match="dialogue", since="2022")) == [
        A2.quotes[0].text,
        A3.quotes[0].text,
    ]
    assert len(corpus.quotes(limit=2)) == 2


@pytest.mark.parametrize("bad", ["2023-13", "2023-02-30", "yesterday", "23-01-01", "2023/01"])
def test_malformed_dates_are_query_errors(corpus: Store, bad: str) -> None:
    with pytest.raises(QueryError, match="not a"):
        corpus.quotes(since=bad)
    with pytest.raises(QueryError):
        corpus.articles(until=bad)


def test_since_after_until_is_a_query_error(corpus: Store) -> None:
    with pytest.raises(QueryError, match="after"):
        corpus.search("dialogue", since="2024", until="2023-12-31")


# --- speakers -----------------------------------------------------------------


def test_speakers_merge_a_bare_surname_into_its_only_full_name(corpus: Store) -> None:
    rows = {r.name: r for r in corpus.speakers()}
    assert list(rows) == ["Ivo Brandt", "Anna Tolvik", "Mara Tolvik", "Tolvik"]
    assert rows["Ivo Brandt"].to_dict() == {
        "name": "Ivo Brandt",
        "type": "PERSON",
        "roles": ["council spokesman", "spokesman for the council"],
        "quotes": 2,
        "first": "2021-03-14",
        "last": "2023-12",
        "outlets": ["Harbor Daily", "Northwind Post"],
    }
    # Two people share "Tolvik": the bare name stays on its own.
    assert (rows["Tolvik"].quotes, rows["Tolvik"].outlets) == (1, ["Northwind Post"])
    assert (rows["Mara Tolvik"].roles, rows["Mara Tolvik"].first) == (
        ["opposition leader"],
        "2024-01-30",
    )


def test_a_named_but_unquoted_person_makes_a_surname_ambiguous(store: Store) -> None:
    cameo = _article(
        "e5e5e5e5e5e5e5e5",
        "Piet Brandt, a fisherman, watched.",
        "Harbor Daily",
        PublishedDate("2022"),
        "Fishermen watch",
        entities=[Entity("Piet Brandt", "PERSON")],
    )
    store.add_many([A1, A2, cameo])
    names = [r.name for r in store.speakers()]
    assert "Brandt" in names and "Ivo Brandt" in names


# --- pure rules ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "since", "until", "inside"),
    [
        ("2023-12", "2023-12-01", "2023-12-31", True),
        ("2023-12", "2023-12-15", None, True),
        ("2023-11-30", "2023-12", None, False),
        ("2023", None, "2023-03", True),
        ("2024-01-01", None, "2023", False),
        ("2023-12-31", None, "2023-12", True),
        ("2023-12-05", "2023-12-06", None, False),
    ],
)
def test_date_range_overlap(value: str, since: str | None, until: str | None, inside: bool) -> None:
    dates = DateRange.parse(since, until)
    ok = True
    if dates.since is not None:
        ok &= value >= dates.since or value in dates.since_prefixes()
    if dates.until is not None:
        ok &= value < dates.until_bound()
    assert ok is inside


def test_name_rules() -> None:
    assert name_key("  Dmitry  S. PESKOV ") == "dmitry s peskov"
    assert lookup_keys("dmitry peskov") == {"dmitry peskov": False, "dmitry": False, "peskov": True}
    assert lookup_keys("peskov") == {"peskov": False}
    assert merge_target("peskov", ["dmitry peskov"]) == "dmitry peskov"
    assert merge_target("tolvik", ["anna tolvik", "mara tolvik"]) == "tolvik"


# --- derived data stored at ingest: quote frames and text fingerprints ---------


def test_a_quote_frame_and_the_article_fingerprint_are_stored(store: Store) -> None:
    from onrecord.analysis.statements import read_frames
    from onrecord.fingerprint import fingerprint

    article = replace(A1, quotes=[_quote(A1_TEXT, "We are ready for dialogue on the widest agenda.",
                                         kind="direct", speaker="Ivo Brandt")])
    read_frames(article)
    assert article.quotes[0].frame.predicate == "ready:dialogue"
    store.add(article)
    assert store.get(article.id) == article
    assert store.quotes()[0].frame == article.quotes[0].frame
    stored = store.fingerprints([article.id, "f" * 16])
    assert list(stored) == [article.id]
    assert stored[article.id].containment(fingerprint(A1_TEXT)) == 1.0


def test_a_version_1_database_upgrades_and_its_old_rows_are_read_on_the_fly(tmp_path: Path, monkeypatch) -> None:
    from onrecord.analysis.dedup import find_syndication
    from onrecord.analysis.statements import read_frames, statements

    path = tmp_path / "old.db"
    with monkeypatch.context() as m:
        m.setattr(migrations_module, "MIGRATIONS", migrations_module.MIGRATIONS[:1])
        open_store(path).close()
    article = replace(A1, quotes=[_quote(A1_TEXT, "We are ready for dialogue on the widest agenda.",
                                         kind="direct", speaker="Ivo Brandt")])
    with open_store(path) as store:
        assert store.migrated == ALL_VERSIONS[1:]
        store.add(article)
    conn = sqlite3.connect(path)  # rows as the old version wrote them: no frame, no fingerprint
    conn.execute("UPDATE quotes SET frame_json = NULL")
    conn.execute("UPDATE articles SET fingerprint = NULL, shingles = NULL")
    conn.commit()
    conn.close()
    read_frames(article)
    with open_store(path) as store:
        assert store.fingerprints([article.id]) == {}
        assert find_syndication(store, [article.id]) == {article.id: article.id}
        (statement,) = statements(store, limit=10)
        assert (statement.predicate, statement.condition) == ("ready:dialogue", article.quotes[0].frame.conditions)


@pytest.mark.parametrize("limit", [1, 7, 50, 60, 100])  # 54 dated quotes, then 18 undated
def test_a_frequent_search_walks_the_dates_and_lists_the_same_quotes(monkeypatch, limit: int) -> None:
    body = " ".join(f'"Talks are possible in round {n}," she said.' for n in range(6))
    articles = [
        _article(f"{n:016x}", body, f"Outlet {n % 3}",
                 PublishedDate(None if n % 4 == 0 else f"20{10 + n % 9}-0{1 + n % 9}-1{n % 10}", "day", 0.5, [], "x"),
                 f"Story {n}", quotes=[_quote(body, f"Talks are possible in round {k}", kind="direct") for k in range(6)])
        for n in range(12)
    ]
    with open_store(":memory:") as store:
        store.add_many(articles)
        listed = {}
        for steps in (0, 10**9):  # never walk, always walk
            monkeypatch.setattr(sqlite_module, "WALK_STEPS_PER_ROW_READ", steps)
            listed[steps] = [(r.article_id, r.start, r.date) for r in store.quotes(match="talks", limit=limit)]
            listed[steps, "since"] = [r.date for r in store.quotes(match="talks", since="2013", limit=limit)]
        assert listed[0] == listed[10**9] and len(listed[0]) == min(limit, 72)
        assert all(d is None for _, _, d in listed[0][54:])
        assert listed[0, "since"] == listed[10**9, "since"]
