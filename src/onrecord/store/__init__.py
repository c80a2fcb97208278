"""Storage of articles and their extractions; the only package that speaks SQL.

``open_store()`` picks the backend from a path or URL: a SQLite file (the
default, ``$ONRECORD_DB`` or ``./onrecord.db``), ``":memory:"``, or a
``postgresql://...`` URL for shared deployments (needs the ``[postgres]`` extra).
"""
from __future__ import annotations

import os
import re

from ..errors import StoreError
from .base import ArticleSummary, QuoteRow, SearchHit, SpeakerRow, Store
from .sqlite import SQLiteStore

__all__ = [
    "ArticleSummary",
    "QuoteRow",
    "SQLiteStore",
    "SearchHit",
    "SpeakerRow",
    "Store",
    "default_db",
    "open_store",
]

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*)://")


def default_db() -> str:
    """The database used when none is given: ``$ONRECORD_DB`` or ``./onrecord.db``."""
    return os.environ.get("ONRECORD_DB") or "./onrecord.db"


def open_store(url: str | os.PathLike[str] | None = None) -> Store:
    """Open (creating and migrating if needed) the store at ``url``.

    ``url`` is a SQLite path, ``":memory:"``, ``sqlite:///path`` or a
    ``postgresql://`` URL; None means :func:`default_db`.
    """
    target = default_db() if url is None else os.fspath(url)
    match = _SCHEME.match(target)
    if match is None:
        return SQLiteStore(os.path.expanduser(target))
    scheme = match.group(1).lower()
    if scheme in ("postgresql", "postgres"):
        try:
            from .postgres import PostgresStore  # psycopg is optional: import it only here
        except ImportError as exc:
            raise StoreError(
                f"PostgreSQL needs the [postgres] extra: pip install 'onrecord[postgres]' ({exc})"
            ) from None
        return PostgresStore(target)
    if scheme == "sqlite":  # sqlite:///relative.db, sqlite:////absolute.db
        path = target[match.end() :].removeprefix("/") or ":memory:"
        return SQLiteStore(os.path.expanduser(path))
    raise StoreError(f"unsupported database URL {target!r}: use a SQLite path or postgresql://...")
