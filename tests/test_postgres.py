"""The PostgreSQL store against a live server.

The behavioural checks every backend must pass live in tests/test_store.py,
whose ``store`` fixture runs them on SQLite and, through :func:`fresh_schema`
below, on PostgreSQL. This file holds the server harness and what only
PostgreSQL has: migrations under an advisory lock, concurrent writers,
web-search query syntax, index use, and connection errors without passwords.

The server is ``$ONRECORD_TEST_POSTGRES`` (``eval "$(.ci/postgres.sh)"`` starts
a throwaway one); without it, or when it does not answer, the tests skip.
Every test gets a new, empty schema (its URL sets ``search_path``), dropped
afterwards.
"""
from __future__ import annotations

import functools
import os
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import quote

import pytest

from onrecord.errors import QueryError, StoreError
from onrecord.records import Article, Entity, PublishedDate, Quote
from onrecord.store import Store, open_store
from onrecord.store.migrations import Migration
from test_store import A1, A2, A3

ENV = "ONRECORD_TEST_POSTGRES"


@functools.cache
def _unavailable() -> str | None:
    """Why the PostgreSQL tests cannot run here, or None when the server answers."""
    url = os.environ.get(ENV)
    if not url:
        return f'PostgreSQL tests need ${ENV}: eval "$(.ci/postgres.sh)" starts a server'
    try:
        from onrecord.store.postgres import _connect
    except ImportError:
        return "PostgreSQL tests need psycopg: pip install -e '.[postgres]'"
    try:
        _connect(url).close()
    except StoreError as exc:
        return f"PostgreSQL tests skipped: {exc}"
    return None


def _admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(os.environ[ENV], autocommit=True) as conn:
        conn.execute(sql)


@contextmanager
def fresh_schema() -> Iterator[str]:
    """The test server's URL with ``search_path`` set to a new, empty schema; skips without one."""
    reason = _unavailable()
    if reason:
        pytest.skip(reason)
    url = os.environ[ENV]
    schema = f"onrecord_test_{uuid.uuid4().hex[:12]}"
    _admin(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{url}{'&' if '?' in url else '?'}options={quote(f'-csearch_path={schema}')}"
    finally:
        _admin(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def url() -> Iterator[str]:
    with fresh_schema() as url:
        yield url


def _raw(url: str, sql: str) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        cursor = conn.execute(sql)
        return cursor.fetchall() if cursor.description else []


def _tables(url: str) -> set[str]:
    rows = _raw(url, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    return {name for (name,) in rows}


def _in_threads(n: int, work: Callable[[int], Any]) -> list[Any]:
    """Run ``work(0..n-1)`` in threads released together; their results, or the first error."""
    start = threading.Barrier(n)
    results: list[Any] = [None] * n
    errors: list[Exception] = []

    def run(i: int) -> None:
        start.wait()
        try:
            results[i] = work(i)
        except Exception as exc:  # noqa: BLE001  (raised again in the test's thread)
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results


def _article(n: int, speaker: str) -> Article:
    text = f'{speaker} said: "Statement number {n} on the harbour treaty."'
    start = text.index("Statement")
    return Article(
        id=f"{n:016x}",
        source=f"corpus/{n}.txt",
        text=text,
        outlet="Harbor Daily",
        published=PublishedDate(f"2020-01-{n % 28 + 1:02d}", "day"),
        entities=[Entity(speaker, "PERSON")],
        quotes=[Quote(text[start:-1], start, len(text) - 1, "direct", speaker=speaker, cue="said")],
    )


# --- opening and migrations ---------------------------------------------------


def _versions() -> tuple[int, ...]:
    from onrecord.store import postgres_migrations  # psycopg is optional: imported only when a test runs

    return tuple(m.version for m in postgres_migrations.MIGRATIONS)


def test_migrations_are_recorded_and_not_reapplied(url: str) -> None:
    versions = _versions()
    with open_store(url) as first:
        assert first.migrated == versions
    recorded = _raw(url, "SELECT version, applied_at FROM schema_migrations")
    assert tuple(v for v, _ in recorded) == versions
    with open_store(url) as again:
        assert again.migrated == ()
    assert _raw(url, "SELECT version, applied_at FROM schema_migrations") == recorded


def test_new_migrations_apply_in_order_and_a_failing_one_rolls_back(url: str, monkeypatch) -> None:
    from onrecord.store import postgres_migrations

    open_store(url).close()
    n = len(postgres_migrations.MIGRATIONS)
    broken = Migration(n + 2, "broken", ("CREATE TABLE half (x int)", "CREATE TABLE oops ("))
    later = [Migration(n + 1, "extra table", ("CREATE TABLE extra (x int)",)), broken]
    monkeypatch.setattr(postgres_migrations, "MIGRATIONS", postgres_migrations.MIGRATIONS + later)
    with pytest.raises(StoreError, match=f"migration {n + 2} .*failed"):
        open_store(url)
    assert _raw(url, "SELECT version FROM schema_migrations ORDER BY 1") == [(v,) for v in range(1, n + 2)]
    assert "extra" in _tables(url) and "half" not in _tables(url)


def test_a_newer_schema_is_refused(url: str) -> None:
    open_store(url).close()
    _raw(url, "INSERT INTO schema_migrations VALUES (99, now())")
    with pytest.raises(StoreError, match="version 99 is newer"):
        open_store(url)


def test_another_applications_schema_is_left_alone(url: str) -> None:
    _raw(url, "CREATE TABLE bookmarks (url text)")
    with pytest.raises(StoreError, match="another application.*bookmarks"):
        open_store(url)
    assert _tables(url) == {"bookmarks"}


def test_concurrent_opens_migrate_once(url: str) -> None:
    def open_and_close(_: int) -> tuple[int, ...]:
        with open_store(url) as store:
            return store.migrated

    # each migration is applied by exactly one opener (which one may differ per migration: each has its
    # own transaction, so a second opener may apply the next one while the first moves on)
    applied = [v for versions in _in_threads(6, open_and_close) for v in versions]
    assert sorted(applied) == list(_versions())
    assert _raw(url, "SELECT version FROM schema_migrations ORDER BY 1") == [(v,) for v in _versions()]


def test_concurrent_writers_with_shared_articles_never_deadlock(url: str) -> None:
    open_store(url).close()
    articles = [_article(n, ["Ivo Brandt", "Anna Tolvik", "Brandt"][n % 3]) for n in range(60)]

    def write(i: int) -> list[bool]:
        # Every worker holds the same articles, half of them in the reverse order.
        batch = articles if i % 2 else articles[::-1]
        with open_store(url) as store:
            return [flag for j in range(0, 60, 20) for flag in store.add_many(batch[j : j + 20])]

    results = _in_threads(4, write)
    assert sum(map(sum, results)) == len(articles)  # each article stored by one worker
    with open_store(url) as store:
        assert store.count() == {"articles": 60, "quotes": 60, "entities": 60}
        assert len(store.quotes(speaker="Brandt")) == 40


def test_open_store_gives_a_postgres_store_that_shows_no_password(url: str) -> None:
    from onrecord.store.postgres import PostgresStore, redact

    with open_store(url) as store:
        assert isinstance(store, PostgresStore) and store.url == redact(url)


def test_redact() -> None:
    pytest.importorskip("psycopg")
    from onrecord.store.postgres import redact

    assert redact("postgresql://me:pw@db:5432/x?sslmode=require&password=pw2") == (
        "postgresql://me:***@db:5432/x?sslmode=require&password=***"
    )
    assert redact("postgresql://me@db/x") == "postgresql://me@db/x"


# --- errors without a server --------------------------------------------------


@pytest.mark.parametrize(
    ("bad_url", "secret"),
    [
        ("postgresql://onrecord:topsecret@127.0.0.1:1/onrecord", "topsecret"),
        # Malformed: libpq's message quotes it.
        ("postgresql://onrecord:s3cr%zzet@127.0.0.1:1/onrecord", "s3cr"),
        ("postgresql://127.0.0.1:1/onrecord?user=x&password=hunter2", "hunter2"),
        ("postgres://onrecord:topsecret@127.0.0.1:notaport/onrecord", "topsecret"),
    ],
)
def test_connection_errors_never_show_the_password(bad_url: str, secret: str) -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL at .*\\*\\*\\*") as caught:
        open_store(bad_url)
    assert secret not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


# --- search syntax and query plans --------------------------------------------


@pytest.fixture
def corpus(url: str) -> Iterator[Store]:
    with open_store(url) as store:
        store.add_many([A1, A2, A3])
        yield store


@pytest.mark.parametrize(
    "query", ["dialogue AND", '"unterminated', "nosuch:word", "U.S.", "-x", "((dialogue", "OR OR x"]
)
def test_broken_query_syntax_is_never_an_error(corpus: Store, query: str) -> None:
    assert isinstance(corpus.search(query), list)
    assert isinstance(corpus.quotes(match=query), list)


def test_web_search_syntax(corpus: Store) -> None:
    assert {h.id for h in corpus.search("dialogue -treaty")} == {A2.id, A3.id}
    assert {h.id for h in corpus.search("treaty OR islands")} == {A1.id, A3.id}
    assert [h.id for h in corpus.search('"resume dialogue"')] == [A2.id]
    title_only = corpus.search("brandt repeats")  # the body has Brandt, not "repeats"
    assert [h.snippet for h in title_only] == ["[Brandt] [repeats] offer of dialogue"]
    with pytest.raises(QueryError, match="nothing to search for"):
        corpus.quotes(match="the")


def test_user_values_the_server_rejects_are_query_errors(corpus: Store) -> None:
    with pytest.raises(QueryError, match="NUL"):
        corpus.quotes(speaker="Ivo\x00Brandt")


def test_filters_are_served_by_indexes(corpus: Store, monkeypatch) -> None:
    """With sequential scans priced out, each filter must find an index it can use.

    A collation or expression mismatch between a query and its index shows up here.
    """
    plans: list[str] = []
    fetch = corpus._fetch

    def explain(sql: str, params: Any = (), *args: Any) -> list[Any]:
        if "FROM quotes q" in sql or "FROM articles a" in sql:
            plans.append("\n".join(r[0] for r in fetch("EXPLAIN " + sql, params)))
        return fetch(sql, params, *args)

    monkeypatch.setattr(corpus, "_fetch", explain)
    corpus._conn.execute("SET enable_seqscan = off")
    expected = {
        "quotes_speaker": lambda: corpus.quotes(speaker="Brandt"),
        "quotes_date": lambda: corpus.quotes(since="2023-12-15", limit=10),
        "quotes_search": lambda: corpus.quotes(match="dialogue"),
        "articles_search": lambda: corpus.search("dialogue"),
        "articles_outlet": lambda: corpus.articles(outlet="HARBOR DAILY"),
        "articles_published": lambda: corpus.articles(since="2023-12-01", until="2023-12-31"),
    }
    for index, run in expected.items():
        plans.clear()
        run()
        assert any(index in plan for plan in plans), (index, plans)
