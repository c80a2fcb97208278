"""PostgreSQL schema migrations: an ordered list, each applied once in its own transaction.

The rules are those of the SQLite list in :mod:`.migrations` (same
:class:`~.migrations.Migration` record, versions recorded in
``schema_migrations``, append-only: never edit a migration that has shipped);
the DDL differs, so the list is its own. Every step holds a transaction-scoped
advisory lock, so several processes opening a new database at once (ingest
workers, web servers) apply each migration exactly once.

Tables live in the connection's current schema (the first of ``search_path``).
"""
from __future__ import annotations

import psycopg

from ..errors import StoreError
from .migrations import Migration

#: The advisory lock migrations hold: "onrecord" in ASCII, as a bigint.
LOCK_KEY = int.from_bytes(b"onrecord", "big")
#: The text search configuration of the tsvector columns; queries must use the same.
#: Shipped migrations use it: changing it needs a new migration that rebuilds them.
TS_CONFIG = "english"

_INITIAL = (
    # Every column compared or sorted as a string (ids, dates, name keys) is
    # COLLATE "C": byte order, as in SQLite, is what the partial-date rules of
    # base.DateRange and the id-prefix ranges assume, whatever the database locale.
    f"""CREATE TABLE articles (
        id text COLLATE "C" PRIMARY KEY,
        source text NOT NULL,
        url text,
        title text,
        outlet text,
        wire text,
        published_value text COLLATE "C",
        published_precision text,
        published_confidence double precision NOT NULL DEFAULT 0,
        published jsonb NOT NULL,
        text text NOT NULL,
        paragraphs jsonb NOT NULL,
        removed jsonb NOT NULL,
        ingested_at timestamptz NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('{TS_CONFIG}', coalesce(title, '')), 'A')
            || setweight(to_tsvector('{TS_CONFIG}', text), 'B')
        ) STORED
    )""",
    "CREATE INDEX articles_published ON articles (published_value)",
    # Outlets match case-insensitively, like SQLite's NOCASE column.
    "CREATE INDEX articles_outlet ON articles (lower(outlet), published_value)",
    "CREATE INDEX articles_search ON articles USING gin (search)",
    """CREATE TABLE entities (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        name text NOT NULL,
        name_key text COLLATE "C" NOT NULL,
        type text NOT NULL,
        aliases jsonb NOT NULL,
        roles jsonb NOT NULL
    )""",
    "CREATE INDEX entities_article ON entities (article_id)",
    "CREATE INDEX entities_name ON entities (name_key)",
    # `date` is said_on, else the article's published value, copied at insert
    # so date filters need no join; `speaker_key` is the normalised speaker.
    f"""CREATE TABLE quotes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        text text NOT NULL,
        start integer NOT NULL,
        "end" integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
        speaker text,
        speaker_key text COLLATE "C",
        speaker_mention text,
        cue text,
        condition text,
        placement text NOT NULL
            CHECK (placement IN ('kicker', 'headline', 'dek', 'body', 'caption')),
        said_on text,
        date text COLLATE "C",
        search tsvector GENERATED ALWAYS AS (to_tsvector('{TS_CONFIG}', text)) STORED
    )""",
    "CREATE INDEX quotes_article ON quotes (article_id, start)",
    "CREATE INDEX quotes_speaker ON quotes (speaker_key, date)",
    "CREATE INDEX quotes_date ON quotes (date)",
    "CREATE INDEX quotes_search ON quotes USING gin (search)",
    """CREATE TABLE timexes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        text text NOT NULL,
        start integer NOT NULL,
        "end" integer NOT NULL,
        value text,
        anchor text
    )""",
    "CREATE INDEX timexes_article ON timexes (article_id)",
    # Lookup of speakers by full name or by any word of it; `is_surname` marks
    # the last word of a multi-word name. Derived data: rows are only added.
    """CREATE TABLE speaker_keys (
        key text COLLATE "C" NOT NULL,
        speaker_key text COLLATE "C" NOT NULL,
        is_surname boolean NOT NULL DEFAULT false,
        PRIMARY KEY (key, speaker_key)
    )""",
)

MIGRATIONS: list[Migration] = [
    Migration(1, "articles, entities, quotes, timexes, speaker lookup, tsvector indexes", _INITIAL),
    # Read at ingest so that timelines and positions need not re-read every quote or re-hash
    # every article; rows stored before stay NULL and are read on the fly.
    Migration(2, "quote frames and article fingerprints", (
        "ALTER TABLE quotes ADD COLUMN frame jsonb",
        "ALTER TABLE articles ADD COLUMN fingerprint bytea",
        "ALTER TABLE articles ADD COLUMN shingles integer",
    )),
]


def schema_version(conn: psycopg.Connection) -> int:
    """The highest applied version, 0 for a database never migrated."""
    (version,) = conn.execute("SELECT max(version) FROM schema_migrations").fetchone() or (0,)
    return version or 0


def migrate(conn: psycopg.Connection) -> list[int]:
    """Apply the pending migrations in order; return the versions applied.

    ``conn`` must be in autocommit mode so that each migration's transaction
    is ours. An up-to-date database is only read, so a role that may not
    create tables can still open it.
    """
    with conn.transaction():
        _lock(conn)
        schema, tables = conn.execute(
            "SELECT current_schema(), array(SELECT tablename::text FROM pg_tables"
            " WHERE schemaname = current_schema() ORDER BY 1)"
        ).fetchone() or (None, [])
        if "schema_migrations" not in tables:
            _refuse_foreign(schema, tables)
            conn.execute(
                "CREATE TABLE schema_migrations ("
                "version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
            )
        current = schema_version(conn)
    known = max((m.version for m in MIGRATIONS), default=0)
    if current > known:
        raise StoreError(
            f"database schema version {current} is newer than this "
            f"onrecord supports ({known}); upgrade onrecord"
        )
    pending = sorted((m for m in MIGRATIONS if m.version > current), key=lambda m: m.version)
    return [m.version for m in pending if _apply(conn, m)]


def _lock(conn: psycopg.Connection) -> None:
    """Wait for other processes' migrations; released when the transaction ends."""
    conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))


def _refuse_foreign(schema: str | None, tables: list[str]) -> None:
    """Never add our tables to a schema that another application already uses."""
    if tables:
        raise StoreError(
            f"schema {schema!r} of this database belongs to another application (tables: "
            f"{', '.join(tables[:5])}); give onrecord its own database or schema"
        )


def _apply(conn: psycopg.Connection, migration: Migration) -> bool:
    """Apply one migration unless another process did it first; False if it did."""
    try:
        with conn.transaction():
            _lock(conn)
            done = "SELECT 1 FROM schema_migrations WHERE version = %s"
            if conn.execute(done, (migration.version,)).fetchone():
                return False
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (version) VALUES (%s)", (migration.version,)
            )
    except psycopg.Error as exc:
        raise StoreError(
            f"migration {migration.version} ({migration.description}) failed: "
            f"{exc.diag.message_primary or exc}"
        ) from exc
    return True
