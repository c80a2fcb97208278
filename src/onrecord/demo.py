"""The bundled sample corpus and the demo that ingests it into a fresh database."""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any, Callable

from .pipeline import IngestSummary, ingest
from .store import open_store
from .store.base import Store


def sample_dir() -> Path:
    """The folder of fictional sample articles shipped with onrecord."""
    return Path(str(files("onrecord") / "data" / "sample"))


def build_demo(db: str, progress: Callable[[Any], None] | None = None) -> tuple[Store, IngestSummary]:
    """Ingest the sample corpus into a fresh database at ``db`` (an existing file there is replaced)."""
    if db != ":memory:":
        for suffix in ("", "-wal", "-shm"):
            Path(db + suffix).unlink(missing_ok=True)
    store = open_store(db)
    articles = sorted(str(p) for p in sample_dir().glob("*.txt"))
    return store, ingest(articles, store, progress=progress)
