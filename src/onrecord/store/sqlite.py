"""The SQLite store: one file (WAL, FTS5) or ":memory:", migrated on open.

The connection runs in autocommit mode and every write opens its own
``BEGIN IMMEDIATE`` transaction, so an article is stored with all its
extractions or not at all, and concurrent writers queue on the lock instead
of failing half-way.
"""
from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any

from ..errors import QueryError, StoreError
from ..fingerprint import Fingerprint, fingerprint
from ..records import Article, Entity
from .base import (
    MIN_ID_PREFIX,
    ArticleSummary,
    DateRange,
    QuoteRow,
    SearchHit,
    SpeakerGroup,
    SpeakerRow,
    Store,
    merge_target,
    name_key,
    quote_row,
    speaker_key_rows,
    timex_row,
)
from .migrations import migrate

BUSY_TIMEOUT = 30.0  # seconds a writer waits for another writer's lock
TITLE_WEIGHT = 2.0  # bm25 weight of a title hit relative to a body hit
SNIPPET_TOKENS = 16
# Up to this many values an IN list gets one placeholder each: with a known
# list size the planner picks the speaker index over a date range.
MAX_PLACEHOLDERS = 500
WALK_STEPS_PER_ROW_READ = 10  # index entries walked in the time of one random row read (measured at 1M quotes)
# How SQLite's messages for a malformed FTS5 query begin (the user's fault, not ours).
_FTS_ERRORS = ("fts5:", "no such column", "unterminated string", "unknown special query")

_INSERT_ARTICLE = """
INSERT INTO articles (
    id, source, url, title, outlet, wire, published_value, published_precision,
    published_confidence, published_json, text, paragraphs_json, removed_json, ingested_at,
    fingerprint, shingles
) VALUES (
    :id, :source, :url, :title, :outlet, :wire, :published_value, :published_precision,
    :published_confidence, :published_json, :text, :paragraphs_json, :removed_json, :ingested_at,
    :fingerprint, :shingles
) ON CONFLICT (id) DO NOTHING
"""
_INSERT_ENTITY = """
INSERT INTO entities (article_id, name, name_key, type, aliases_json, roles_json)
VALUES (?, ?, ?, ?, ?, ?)
"""
_INSERT_QUOTE = """
INSERT INTO quotes (
    article_id, text, start, "end", kind, speaker, speaker_key, speaker_mention,
    cue, condition, placement, said_on, date, frame_json
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
_INSERT_TIMEX = """
INSERT INTO timexes (article_id, text, start, "end", value, anchor) VALUES (?, ?, ?, ?, ?, ?)
"""
# A (key, speaker) pair always carries the same surname flag, so DO NOTHING is enough.
_INSERT_SPEAKER_KEY = """
INSERT INTO speaker_keys (key, speaker_key, is_surname) VALUES (?, ?, ?)
ON CONFLICT (key, speaker_key) DO NOTHING
"""


class SQLiteStore(Store):
    """A :class:`Store` in a SQLite file, or in memory for ``":memory:"``."""

    def __init__(self, path: str):
        self.path = path
        self._conn = _connect(path)
        try:
            #: The schema versions this open applied; empty for an up-to-date database.
            self.migrated: tuple[int, ...] = tuple(migrate(self._conn))
            # WAL only once the file is known to be ours: the mode persists in the file.
            if path != ":memory:":
                self._conn.execute("PRAGMA journal_mode = WAL")
                self._conn.execute("PRAGMA synchronous = NORMAL")  # durable under WAL, faster
        except BaseException as exc:
            self._conn.close()
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"cannot open database {path}: {exc}") from exc
            raise

    # --- writing --------------------------------------------------------------

    def add_many(self, articles: Iterable[Article]) -> list[bool]:
        """Store ``articles`` in one transaction; if one fails, none is stored."""
        added: list[bool] = []
        current = None
        try:
            with self._transaction():
                for current in articles:
                    added.append(_insert(self._conn, current))
        except sqlite3.Error as exc:
            which = f"article {current.id}" if current is not None else "articles"
            raise StoreError(f"cannot store {which} (nothing was written): {exc}") from exc
        return added

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:  # disk-full and I/O errors roll back by themselves
                self._conn.execute("ROLLBACK")
            raise

    # --- reading articles -----------------------------------------------------

    def has(self, article_id: str) -> bool:
        row = self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,))
        return row.fetchone() is not None

    def get(self, article_id: str) -> Article | None:
        row = self._find(article_id)
        return None if row is None else _load(self._conn, row)

    def _find(self, article_id: str) -> sqlite3.Row | None:
        """The article row by exact id, else by unique prefix; QueryError if ambiguous."""
        row = self._conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is not None or len(article_id) < MIN_ID_PREFIX:
            return row
        # A range scan on the unique index; LIKE/GLOB would need escaping.
        rows = self._conn.execute(
            "SELECT * FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
            (article_id, article_id + "\U0010ffff"),
        ).fetchall()
        if len(rows) > 1:
            raise QueryError(
                f"id prefix {article_id!r} is ambiguous ({rows[0]['id']}, {rows[1]['id']}, ...)"
            )
        return rows[0] if rows else None

    def articles(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> list[ArticleSummary]:
        where, params = _article_filters(outlet, DateRange.parse(since, until))
        limit_sql, limit_params = _limit(limit)
        sql = f"""
            SELECT a.id, a.source, a.title, a.outlet, a.published_value, a.published_precision,
                   (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS n_quotes
            FROM articles a {_where(where)}
            ORDER BY a.published_value IS NULL, a.published_value, a.id {limit_sql}"""
        return [
            ArticleSummary(r[0], r[1], r[2], r[3], r[4], r[5], r[6])
            for r in self._conn.execute(sql, params + limit_params)
        ]

    def search(
        self,
        query: str,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = 50,
    ) -> list[SearchHit]:
        """Articles whose title or text match the FTS5 ``query``, best (lowest bm25) first.

        Ranking and snippets are two queries: SQLite would otherwise build a
        snippet for every match before sorting, and without filters the
        ranking needs no join at all (both matter for terms in most articles).
        """
        where, params = _article_filters(outlet, DateRange.parse(since, until))
        limit_sql, limit_params = _limit(limit)
        match = _fts_query(query)
        join = "JOIN articles a ON a.seq = articles_fts.rowid" if where else ""
        ranked = self._fts(
            f"""SELECT articles_fts.rowid, bm25(articles_fts, {TITLE_WEIGHT}, 1.0) AS score
                FROM articles_fts {join} {_where(["articles_fts MATCH ?", *where])}
                ORDER BY score {limit_sql}""",
            [match, *params, *limit_params],
            query,
        )
        details = self._fts(
            f"""SELECT articles_fts.rowid, a.id, a.source, a.title, a.outlet, a.published_value,
                       snippet(articles_fts, -1, '[', ']', '…', {SNIPPET_TOKENS})
                FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
                WHERE articles_fts MATCH ?
                  AND articles_fts.rowid IN (SELECT value FROM json_each(?))""",
            [match, json.dumps([r[0] for r in ranked])],
            query,
        )
        by_seq = {r[0]: r[1:] for r in details}
        return [SearchHit(*by_seq[seq], rank=score) for seq, score in ranked]

    def _fts(self, sql: str, params: list[Any], query: str) -> list[sqlite3.Row]:
        """Run a full-text query, turning FTS5 syntax errors into a QueryError."""
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            message = str(exc)
            if not message.startswith(_FTS_ERRORS):
                raise StoreError(f"query failed: {exc}") from exc
            detail = message.removeprefix("fts5: ").replace('near ""', "at the end")
            raise QueryError(
                f"cannot parse search query {query!r}: {detail}; "
                'put phrases and words with punctuation in double quotes, e.g. "U.S."'
            ) from None

    # --- quotes and speakers --------------------------------------------------

    def quotes(
        self,
        *,
        speaker: str | None = None,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        match: str | None = None,
        limit: int | None = None,
    ) -> list[QuoteRow]:
        """Quotes in date order; ``match`` is an FTS5 query over the quote text."""
        dates = DateRange.parse(since, until)
        where, params = _date_filters("q.date", dates)
        if speaker is not None:
            keys = self._speaker_keys(speaker)
            if not keys:
                return []
            in_sql, in_params = _in_list(sorted(keys))
            where.append(f"q.speaker_key IN {in_sql}")
            params += in_params
        if outlet is not None:
            where.append("a.outlet = ?")
            params.append(outlet)
        if match is not None:
            where.append("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
            params.append(_fts_query(match))
        if match is not None and limit is not None and speaker is None and self._walk_dates(match, limit):
            rows = self._quote_rows(where + ["q.date IS NOT NULL"], params, limit, match, "INDEXED BY quotes_by_date")
            if len(rows) < limit and dates == DateRange():
                rows += self._quote_rows(where + ["q.date IS NULL"], params, limit - len(rows), match)
            return rows
        return self._quote_rows(where, params, limit, match)

    def _quote_rows(
        self, where: list[str], params: list[Any], limit: int | None, match: str | None, index: str = ""
    ) -> list[QuoteRow]:
        limit_sql, limit_params = _limit(limit)
        sql = f"""
            SELECT q.article_id, a.source, a.outlet, q.date, q.speaker, q.speaker_mention,
                   q.cue, q.kind, q.text, q.condition, q.start, q."end", q.frame_json
            FROM quotes q {index} JOIN articles a ON a.id = q.article_id {_where(where)}
            ORDER BY {"" if index else "q.date IS NULL, "}q.date, q.article_id, q.start {limit_sql}"""
        return [QuoteRow(*r) for r in self._fts(sql, params + limit_params, match or "")]

    def _walk_dates(self, match: str, limit: int) -> bool:
        """Whether to find the first ``limit`` matches by walking the quotes in date order.

        A frequent term is met soon on the walk, while fetching and sorting all
        its matches costs a row read each; a rare term is the other way round.
        Walking reads about limit * quotes / matches index entries, each about a
        tenth of a row read.
        """
        matches = self._fts("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?", [_fts_query(match)], match)
        n = matches[0][0]
        total = self._conn.execute("SELECT max(id) FROM quotes").fetchone()[0] or 0
        return n > 0 and limit * total / n < WALK_STEPS_PER_ROW_READ * n

    def _speaker_keys(self, speaker: str) -> set[str]:
        """The speaker keys a ``--speaker`` filter selects.

        The name matches a speaker's full name or any one word of it ("Peskov"
        finds "Dmitry Peskov"), and a full name also takes along its bare
        surname when :func:`merge_target` would merge the two.
        """
        key = name_key(speaker)
        if not key:
            raise QueryError("speaker: empty name")
        rows = self._conn.execute("SELECT speaker_key FROM speaker_keys WHERE key = ?", (key,))
        keys = {r[0] for r in rows}
        for full in [k for k in keys if " " in k]:
            surname = full.rsplit(" ", 1)[1]
            if merge_target(surname, self._surname_owners([surname])[surname]) == full:
                keys.add(surname)
        return keys

    def _surname_owners(self, surnames: list[str]) -> dict[str, list[str]]:
        """For each one-word name, the multi-word names that end with it."""
        owners: dict[str, list[str]] = {s: [] for s in surnames}
        rows = self._conn.execute(
            "SELECT key, speaker_key FROM speaker_keys "
            "WHERE is_surname = 1 AND key IN (SELECT value FROM json_each(?))",
            (json.dumps(surnames),),
        )
        for surname, full in rows:
            owners[surname].append(full)
        return owners

    def speakers(self) -> list[SpeakerRow]:
        """Every quoted speaker, bare surnames merged into their only full name."""
        groups: dict[str, SpeakerGroup] = defaultdict(SpeakerGroup)
        # One sequential scan of quotes and a sort beat a million random row
        # fetches in speaker-index order (5x at 1M quotes); CROSS JOIN keeps
        # quotes as the outer loop so the scan happens once.
        stats = self._conn.execute(
            """SELECT q.speaker_key, q.speaker, count(*), min(q.date), max(q.date),
                      json_group_array(DISTINCT a.outlet)
               FROM quotes q NOT INDEXED CROSS JOIN articles a ON a.id = q.article_id
               WHERE q.speaker_key IS NOT NULL
               GROUP BY q.speaker_key, q.speaker"""
        ).fetchall()
        keys = {r[0] for r in stats}
        owners = self._surname_owners(sorted(k for k in keys if " " not in k))
        target = {k: merge_target(k, owners.get(k, ())) for k in keys}
        for key, spelling, n, first, last, outlets in stats:
            groups[target[key]].add_quotes(key == target[key], spelling, n, first, last, outlets)
        self._add_entity_info(groups, target)
        rows = [group.row() for group in groups.values()]
        return sorted(rows, key=lambda r: (-r.quotes, r.name.casefold()))

    def _add_entity_info(self, groups: dict[str, "SpeakerGroup"], target: dict[str, str]) -> None:
        """Fold the entities table's names, types and roles into the speaker groups."""
        wanted = json.dumps(sorted(set(target) | set(target.values())))
        rows = self._conn.execute(
            """SELECT name_key, name, type, roles_json, count(*) FROM entities NOT INDEXED
               WHERE name_key IN (SELECT value FROM json_each(?))
               GROUP BY name_key, name, type, roles_json""",
            (wanted,),
        )
        for key, name, type_, roles_json, n in rows:
            into = target.get(key, key)
            groups[into].add_entity(key == into, name, type_, json.loads(roles_json), n)

    def fingerprints(self, article_ids: Iterable[str]) -> dict[str, Fingerprint]:
        in_sql, params = _in_list(list(dict.fromkeys(article_ids)))
        rows = self._conn.execute(
            f"SELECT id, fingerprint, shingles FROM articles WHERE fingerprint IS NOT NULL AND id IN {in_sql}", params
        )
        return {r["id"]: Fingerprint.from_bytes(r["fingerprint"], r["shingles"]) for r in rows}

    def count(self) -> dict[str, int]:
        return {
            table: self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "quotes", "entities")
        }

    def close(self) -> None:
        try:
            # SQLite's advice for every closing connection: refresh planner statistics if stale.
            self._conn.execute("PRAGMA optimize")
        except sqlite3.Error:
            pass  # best effort: a read-only or already closed database needs no statistics
        self._conn.close()


# --- opening ------------------------------------------------------------------


def _connect(path: str) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open database {path}: {exc}") from exc
    try:
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA cache_size = -65536")  # 64 MB of pages: a timeline's quotes and articles stay warm
        conn.execute("SELECT count(*) FROM sqlite_master")  # reads the header: non-databases fail
    except sqlite3.Error as exc:
        conn.close()
        if getattr(exc, "sqlite_errorname", None) == "SQLITE_NOTADB":
            raise StoreError(f"{path} is not a SQLite database") from exc
        raise StoreError(f"cannot open database {path}: {exc}") from exc
    return conn


# --- writing rows -------------------------------------------------------------


def _insert(conn: sqlite3.Connection, article: Article) -> bool:
    """Insert one article and its extractions; False if its id is already stored."""
    if conn.execute(_INSERT_ARTICLE, _article_row(article)).rowcount == 0:
        return False
    conn.executemany(_INSERT_ENTITY, (_entity_row(article.id, e) for e in article.entities))
    conn.executemany(_INSERT_QUOTE, (quote_row(article, q) for q in article.quotes))
    conn.executemany(_INSERT_TIMEX, (timex_row(article.id, t) for t in article.timexes))
    conn.executemany(_INSERT_SPEAKER_KEY, speaker_key_rows(article))
    return True


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _article_row(a: Article) -> dict[str, Any]:
    print_ = fingerprint(a.text)
    return {
        "id": a.id,
        "source": a.source,
        "url": a.url,
        "title": a.title,
        "outlet": a.outlet,
        "wire": a.wire,
        "published_value": a.published.value,
        "published_precision": a.published.precision,
        "published_confidence": a.published.confidence,
        "published_json": _json(a.published.to_dict()),
        "text": a.text,
        "paragraphs_json": _json([p.to_dict() for p in a.paragraphs]),
        "removed_json": _json(a.removed),
        "ingested_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "fingerprint": print_.to_bytes(),
        "shingles": print_.shingles,
    }


def _entity_row(article_id: str, e: Entity) -> tuple[Any, ...]:
    return (article_id, e.name, name_key(e.name), e.type, _json(e.aliases), _json(e.roles))


# --- reading rows -------------------------------------------------------------


def _load(conn: sqlite3.Connection, row: sqlite3.Row) -> Article:
    def children(sql: str) -> list[dict[str, Any]]:
        return [dict(r) for r in conn.execute(sql, (row["id"],))]

    entities = children(
        "SELECT name, type, aliases_json, roles_json FROM entities WHERE article_id = ? ORDER BY id"
    )
    return Article.from_dict(
        {
            "id": row["id"],
            "source": row["source"],
            "url": row["url"],
            "title": row["title"],
            "outlet": row["outlet"],
            "wire": row["wire"],
            "published": json.loads(row["published_json"]),
            "text": row["text"],
            "paragraphs": json.loads(row["paragraphs_json"]),
            "removed": json.loads(row["removed_json"]),
            "entities": [
                {
                    "name": e["name"],
                    "type": e["type"],
                    "aliases": json.loads(e["aliases_json"]),
                    "roles": json.loads(e["roles_json"]),
                }
                for e in entities
            ],
            "quotes": [
                {**q, "frame": q["frame"] and json.loads(q["frame"])}
                for q in children(
                    'SELECT text, start, "end", kind, speaker, speaker_mention, cue, condition,'
                    " placement, said_on, frame_json AS frame FROM quotes WHERE article_id = ? ORDER BY id"
                )
            ],
            "timexes": children(
                'SELECT text, start, "end", value, anchor FROM timexes'
                " WHERE article_id = ? ORDER BY id"
            ),
        }
    )


# --- query pieces -------------------------------------------------------------


def _where(clauses: list[str]) -> str:
    return "WHERE " + " AND ".join(clauses) if clauses else ""


def _date_filters(column: str, dates: DateRange) -> tuple[list[str], list[Any]]:
    """WHERE clauses for ``dates`` over an ISO-date column; see :class:`DateRange`."""
    clauses: list[str] = []
    params: list[Any] = []
    if dates.since is not None:
        clauses.append(f"({column} >= ? OR {column} IN (?, ?))")
        params += [dates.since, *dates.since_prefixes()]
    if dates.until is not None:
        clauses.append(f"{column} < ?")
        params.append(dates.until_bound())
    return clauses, params


def _article_filters(outlet: str | None, dates: DateRange) -> tuple[list[str], list[Any]]:
    clauses, params = _date_filters("a.published_value", dates)
    if outlet is not None:
        clauses.append("a.outlet = ?")  # the column's NOCASE collation applies
        params.append(outlet)
    return clauses, params


def _limit(limit: int | None) -> tuple[str, list[Any]]:
    if limit is None:
        return "", []
    if not isinstance(limit, int) or limit < 0:
        raise QueryError(f"limit must be a non-negative integer, not {limit!r}")
    return "LIMIT ?", [limit]


def _in_list(values: list[Any]) -> tuple[str, list[Any]]:
    """An IN list; placeholders let the planner see its size, json_each has no limit."""
    if len(values) <= MAX_PLACEHOLDERS:
        return "(" + ", ".join("?" * len(values)) + ")", list(values)
    return "(SELECT value FROM json_each(?))", [json.dumps(values)]


def _fts_query(query: str) -> str:
    if not query.strip():
        raise QueryError("empty search query")
    return query
