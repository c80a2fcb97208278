"""The web app and its JSON API: ``onrecord serve`` (needs the ``[web]`` extra).

Importing this package needs no web dependency: :func:`create_app` and
:func:`serve` import FastAPI and uvicorn when called, and name the extra to
install when they are missing.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import OnrecordError

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app", "serve"]

_WEB_MODULES = {"fastapi", "starlette", "uvicorn", "jinja2", "multipart", "python_multipart"}
_MISSING = "the web app needs the [web] extra: pip install 'onrecord[web]'"


def create_app(db: str | None, *, allow_ingest: bool = False) -> "FastAPI":
    """The FastAPI app over the store at ``db``; ``POST /api/ingest`` only with ``allow_ingest``."""
    try:
        from .app import create_app as make
    except ImportError as exc:
        if (exc.name or "").split(".")[0] not in _WEB_MODULES:
            raise
        raise OnrecordError(f"{_MISSING} ({exc.name} is missing)") from exc
    return make(db, allow_ingest=allow_ingest)


def serve(db: str | None = None, *, host: str = "127.0.0.1", port: int = 8000, allow_ingest: bool = False) -> None:
    """Run the app with uvicorn until interrupted; the store is opened once first so that a bad ``db`` fails now."""
    from ..store import open_store

    app = create_app(db, allow_ingest=allow_ingest)
    try:
        import uvicorn
    except ImportError as exc:
        raise OnrecordError(f"{_MISSING} (uvicorn is missing)") from exc
    open_store(db).close()
    uvicorn.run(app, host=host, port=port, log_level="info")
