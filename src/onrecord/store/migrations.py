"""SQLite schema migrations: an ordered list, each applied once in its own transaction.

``schema_migrations`` records every applied version. Append new migrations to
``MIGRATIONS`` with the next version number; never edit one that has shipped.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone

from ..errors import StoreError


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


_FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"

_INITIAL = (
    # `seq` is the stable integer rowid the external-content FTS index points at
    # (a TEXT primary key alone leaves rowids that VACUUM may renumber); `id`,
    # the content hash, is the key everything else uses.
    """CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        url TEXT,
        title TEXT,
        outlet TEXT COLLATE NOCASE,
        wire TEXT,
        published_value TEXT,
        published_precision TEXT,
        published_confidence REAL NOT NULL DEFAULT 0,
        published_json TEXT NOT NULL,
        text TEXT NOT NULL,
        paragraphs_json TEXT NOT NULL,
        removed_json TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    )""",
    "CREATE INDEX articles_published ON articles (published_value)",
    "CREATE INDEX articles_outlet ON articles (outlet, published_value)",
    """CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        type TEXT NOT NULL,
        aliases_json TEXT NOT NULL,
        roles_json TEXT NOT NULL
    )""",
    "CREATE INDEX entities_article ON entities (article_id)",
    "CREATE INDEX entities_name ON entities (name_key)",
    # `date` is said_on, else the article's published value, copied at insert
    # so date filters need no join; `speaker_key` is the normalised speaker.
    """CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
        speaker TEXT,
        speaker_key TEXT,
        speaker_mention TEXT,
        cue TEXT,
        condition TEXT,
        placement TEXT NOT NULL CHECK (placement IN ('kicker', 'headline', 'dek', 'body', 'caption')),
        said_on TEXT,
        date TEXT
    )""",
    "CREATE INDEX quotes_article ON quotes (article_id, start)",
    "CREATE INDEX quotes_speaker ON quotes (speaker_key, date)",
    "CREATE INDEX quotes_date ON quotes (date)",
    """CREATE TABLE timexes (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        value TEXT,
        anchor TEXT
    )""",
    "CREATE INDEX timexes_article ON timexes (article_id)",
    # Lookup of speakers by full name or by any word of it; `is_surname` marks
    # the last word of a multi-word name. Derived data: rows are only added.
    """CREATE TABLE speaker_keys (
        key TEXT NOT NULL,
        speaker_key TEXT NOT NULL,
        is_surname INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (key, speaker_key)
    ) WITHOUT ROWID""",
    f"""CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, text, content='articles', content_rowid='seq', tokenize='{_FTS_TOKENIZER}'
    )""",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
    END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
    END""",
    f"""CREATE VIRTUAL TABLE quotes_fts USING fts5 (
        text, content='quotes', content_rowid='id', tokenize='{_FTS_TOKENIZER}'
    )""",
    """CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
)

MIGRATIONS: list[Migration] = [
    Migration(1, "articles, entities, quotes, timexes, speaker lookup, FTS5 indexes", _INITIAL),
    # Read at ingest so that timelines and positions need not re-read every quote or re-hash
    # every article; rows stored before stay NULL and are read on the fly.
    Migration(2, "quote frames and article fingerprints", (
        "ALTER TABLE quotes ADD COLUMN frame_json TEXT",
        "ALTER TABLE articles ADD COLUMN fingerprint BLOB",
        "ALTER TABLE articles ADD COLUMN shingles INTEGER",
        # The order quotes are listed in: a frequent search walks it and stops at the limit.
        "CREATE INDEX quotes_by_date ON quotes (date, article_id, start)",
    )),
]


def schema_version(conn: sqlite3.Connection) -> int:
    """The highest applied version, 0 for a database never migrated."""
    row = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return row[0] or 0


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply the pending migrations in order; return the versions applied.

    ``conn`` must be in autocommit mode (``isolation_level=None``) so that each
    migration's BEGIN/COMMIT is ours. Each migration checks whether it is
    recorded inside the write lock, so two processes opening a new database
    do not both apply it.
    """
    _refuse_foreign(conn)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    known = max((m.version for m in MIGRATIONS), default=0)
    current = schema_version(conn)
    if current > known:
        raise StoreError(
            f"database schema version {current} is newer than this "
            f"onrecord supports ({known}); upgrade onrecord"
        )
    applied = []
    for migration in sorted(MIGRATIONS, key=lambda m: m.version):
        if _apply(conn, migration):
            applied.append(migration.version)
    return applied


def _refuse_foreign(conn: sqlite3.Connection) -> None:
    """Never add our tables to another application's SQLite file."""
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if names and "schema_migrations" not in names:
        raise StoreError(
            "this SQLite database belongs to another application (tables: "
            f"{', '.join(sorted(names)[:5])}); give onrecord its own file"
        )


def _apply(conn: sqlite3.Connection, migration: Migration) -> bool:
    conn.execute("BEGIN IMMEDIATE")
    try:
        done = "SELECT 1 FROM schema_migrations WHERE version = ?"
        if conn.execute(done, (migration.version,)).fetchone():
            conn.execute("ROLLBACK")
            return False
        for statement in migration.statements:
            conn.execute(statement)
        conn.execute(
            "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
            (migration.version, datetime.now(timezone.utc).isoformat(timespec="seconds")),
        )
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:  # some errors (disk full, I/O) already rolled back
            conn.execute("ROLLBACK")
        raise StoreError(
            f"migration {migration.version} ({migration.description}) failed: {exc}"
        ) from exc
    return True
