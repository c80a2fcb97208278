"""The web app: server-side pages and their JSON twins under ``/api`` (FastAPI + Jinja2).

Each page is built from one data function (``overview``, ``search``,
``speaker_record`` ...) that both the page and its ``/api`` twin call, so
the two never disagree. The store is opened per request inside the
handler's own thread, because SQLite connections must stay in the thread
that made them.

Article text, titles and speaker names are untrusted. Templates autoescape,
highlighting escapes every text segment, and every response carries a
Content-Security-Policy that allows no script at all, so even a missed
escape cannot run code. Errors share one shape: ``{"error": {"status",
"message"}}`` under ``/api``, an error page elsewhere.
"""
from __future__ import annotations

import logging
import re
import tempfile
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, FastAPI, File, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import PackageLoader
from markupsafe import Markup, escape
from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticUseDefault
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import QueryError, StoreError
from ..records import Article, Failure, Paragraph
from ..report import ArticleCache, find_positions, position_summary, statement_views
from ..report.html import environment, highlight, quote_spans, quote_statement, speaker_classes, stylesheet
from ..sources import DEFAULT_MAX_BYTES
from ..store import open_store
from ..store.base import QuoteRow, SpeakerRow, Store, name_key

log = logging.getLogger(__name__)

# No script of any kind is needed, so none is allowed; styles only from our own stylesheet.
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'none'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
TOP_SPEAKERS = 12
MAX_UPLOAD = DEFAULT_MAX_BYTES


# --- response models (the OpenAPI schema) ------------------------------------------------


class ErrorBody(BaseModel):
    status: int
    message: str


class ErrorResponse(BaseModel):
    error: ErrorBody


class SearchParams(BaseModel):
    """Search filters, shared by the search page and ``/api/search``; a blank field is no filter."""

    q: str | None = Field(None, description='FTS5 query: words, "a phrase", OR, NOT, prefix*. Blank lists articles.')
    speaker: str | None = Field(None, description="only articles quoting this speaker (full name or surname)")
    outlet: str | None = Field(None, description="only this outlet (case-insensitive)")
    since: str | None = Field(None, description="published on or after: YYYY, YYYY-MM or YYYY-MM-DD")
    until: str | None = Field(None, description="published on or before: YYYY, YYYY-MM or YYYY-MM-DD")
    limit: int = Field(50, ge=1, le=500, description="at most this many hits")

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: Any) -> Any:
        if isinstance(value, str) and not value.strip():
            raise PydanticUseDefault()
        return value.strip() if isinstance(value, str) else value


class Hit(BaseModel):
    id: str
    source: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str | None = Field(None, description="matching text, matches in [brackets]")
    rank: float | None = Field(None, description="bm25 score, lower is better")


class FacetValue(BaseModel):
    value: str
    count: int


class Facets(BaseModel):
    speakers: list[FacetValue]
    outlets: list[FacetValue]
    years: list[FacetValue]


class SearchResult(BaseModel):
    query: str | None
    count: int
    hits: list[Hit]
    facets: Facets = Field(description="counts over the hits shown")


class StatementOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    source: str
    article_id: str
    date: str | None
    speaker: str | None
    text: str
    condition: str | None
    outlets: list[str]
    change: Any = Field(None, description="what is new against the earlier statements")


class PositionOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str | int
    label: str
    statements: list[StatementOut]


class PositionSummary(BaseModel):
    id: str | int
    label: str
    statements: int
    first: str | None
    last: str | None
    speakers: list[str]
    outlets: list[str]


class Overview(BaseModel):
    counts: dict[str, int]
    positions: list[PositionSummary]
    speakers: list[SpeakerRow] = Field(description=f"the {TOP_SPEAKERS} most quoted speakers")


class SpeakerRecord(BaseModel):
    speaker: SpeakerRow
    statements: list[QuoteRow]


class IngestResult(BaseModel):
    read: int
    new: int
    duplicates: int
    failed: list[Failure]


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse, "description": text}
    for code, text in ((400, "Malformed query or date"), (404, "Not found"), (422, "Invalid parameters"))
}


# --- the store and the positions ------------------------------------------------------


@contextmanager
def _open(request: Request) -> Iterator[Store]:
    with open_store(request.app.state.db) as store:
        yield store


class PositionCache:
    """Positions come from a pass over every quote: reuse them until the store's counts change."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[tuple[str, int], ...] | None = None
        self._positions: list[dict[str, Any]] = []

    def __call__(self, store: Store) -> list[dict[str, Any]]:
        key = tuple(sorted(store.count().items()))
        with self._lock:
            if key != self._key:
                self._positions, self._key = find_positions(store), key
            return self._positions


# --- data: one function per page, shared with its /api twin ------------------------------------


def overview(store: Store, positions: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "counts": store.count(),
        "positions": [position_summary(p) for p in positions],
        "speakers": store.speakers()[:TOP_SPEAKERS],
    }


def search(store: Store, p: SearchParams) -> dict[str, Any]:
    """Articles matching the query (all articles for none), filtered; facets count the hits."""
    filters = {"outlet": p.outlet, "since": p.since, "until": p.until}
    quoting = {q.article_id for q in store.quotes(speaker=p.speaker)} if p.speaker else None
    cap = None if quoting is not None else p.limit  # the speaker filter runs after the store's limit
    if p.q:
        rows = [h.to_dict() for h in store.search(p.q, limit=cap, **filters)]
    else:
        rows = [{**a.to_dict(), "snippet": None, "rank": None} for a in store.articles(limit=cap, **filters)]
    if quoting is not None:
        rows = [r for r in rows if r["id"] in quoting][: p.limit]
    return {"query": p.q, "count": len(rows), "hits": rows, "facets": _facets(store, rows)}


def _facets(store: Store, rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    speakers: Counter[str] = Counter()
    for row in rows:
        article = store.get(row["id"])
        speakers.update({q.speaker for q in article.quotes if q.speaker} if article else ())
    outlets = Counter(r["outlet"] for r in rows if r["outlet"])
    years = Counter(r["published"][:4] for r in rows if r["published"])

    def ranked(counts: Counter[str]) -> list[dict[str, Any]]:
        return [{"value": v, "count": n} for v, n in sorted(counts.items(), key=lambda i: (-i[1], i[0]))]

    return {"speakers": ranked(speakers), "outlets": ranked(outlets),
            "years": [{"value": y, "count": n} for y, n in sorted(years.items())]}


def article_record(store: Store, article_id: str) -> Article:
    article = store.get(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return article


def speaker_record(store: Store, name: str) -> dict[str, Any]:
    """A speaker's row and statements; a surname finds the full name as it does on the command line."""
    statements = store.quotes(speaker=name)
    keys = [name_key(name)] + [name_key(q.speaker) for q in statements if q.speaker]
    rows = {name_key(r.name): r for r in store.speakers()}
    row = next((rows[k] for k in keys if k in rows), None)
    if row is None:
        raise HTTPException(404, f"no speaker named {name!r}")
    return {"speaker": row, "statements": statements}


def position_record(positions: list[dict[str, Any]], position_id: str) -> dict[str, Any]:
    for position in positions:
        if str(position["id"]) == position_id:
            return position
    raise HTTPException(404, f"no position with id {position_id!r}")


# --- ingest ------------------------------------------------------------------------------------


def require_ingest(request: Request) -> None:
    """Ingest is off unless the server was started with it, and never from another site's page."""
    if not request.app.state.allow_ingest:
        raise HTTPException(403, "ingest is disabled; start the server with --allow-ingest")
    origin = request.headers.get("origin")
    cross = request.headers.get("sec-fetch-site") in ("cross-site", "same-site")
    if cross or (origin and urlsplit(origin).netloc != request.headers.get("host")):
        raise HTTPException(403, "ingest from another site's page is refused")


def _save_uploads(files: list[UploadFile], folder: Path) -> dict[str, str]:
    """Write the uploads under ``folder``; returns saved path -> the uploader's file name."""
    saved = {}
    for i, upload in enumerate(files):
        original = upload.filename or f"upload-{i}"
        safe = re.sub(r"[^\w.-]", "_", PurePosixPath(original.replace("\\", "/")).name)[-120:]
        path = folder / f"{i:04d}-{safe or 'upload'}"
        with path.open("wb") as out:
            size = 0
            while chunk := upload.file.read(1 << 20):
                size += len(chunk)
                if size > MAX_UPLOAD:
                    raise HTTPException(413, f"{original}: larger than {MAX_UPLOAD // 2**20} MB")
                out.write(chunk)
        saved[str(path)] = original
    return saved


def _relabel(source: str, names: dict[str, str]) -> str:
    """An upload's temporary path (possibly with an item suffix) back to its file name."""
    for path, original in names.items():
        if source.startswith(path):
            return "upload:" + original + source[len(path):]
    return source


class _UploadStore:
    """The store as ``ingest`` uses it (has/add), storing uploads under their file names, not temp paths."""

    def __init__(self, store: Store, names: dict[str, str]):
        self._store, self._names = store, names

    def has(self, article_id: str) -> bool:
        return self._store.has(article_id)

    def add(self, article: Article) -> bool:
        article.source = _relabel(article.source, self._names)
        return self._store.add(article)


def ingest_uploads(store: Store, files: list[UploadFile]) -> dict[str, Any]:
    from ..pipeline import ingest  # loads spaCy: only when someone ingests

    with tempfile.TemporaryDirectory(prefix="onrecord-upload-") as folder:
        names = _save_uploads(files, Path(folder))
        summary = ingest(list(names), _UploadStore(store, names), max_bytes=MAX_UPLOAD)  # type: ignore[arg-type]
    result = summary.to_dict()
    for failure in result["failed"]:
        failure["source"] = _relabel(failure["source"], names)
    return result


# --- the JSON API --------------------------------------------------------------------------------


def api_router() -> APIRouter:
    api = APIRouter(prefix="/api", responses=ERRORS)

    @api.get("/overview", response_model=Overview, summary="Counts, positions and top speakers (the home page)")
    def api_overview(request: Request) -> dict[str, Any]:
        with _open(request) as store:
            return overview(store, request.app.state.positions(store))

    @api.get("/search", response_model=SearchResult, summary="Full-text search with speaker, outlet and date filters")
    def api_search(request: Request, params: Annotated[SearchParams, Query()]) -> dict[str, Any]:
        with _open(request) as store:
            return search(store, params)

    @api.get("/articles/{article_id}", response_model=Article, summary="One article with its extractions")
    def api_article(request: Request, article_id: str) -> Article:
        with _open(request) as store:
            return article_record(store, article_id)

    @api.get("/speakers", response_model=list[SpeakerRow], summary="Every quoted speaker, most quoted first")
    def api_speakers(request: Request) -> list[SpeakerRow]:
        with _open(request) as store:
            return store.speakers()

    @api.get("/speakers/{name:path}", response_model=SpeakerRecord, summary="A speaker and all their statements")
    def api_speaker(request: Request, name: str) -> dict[str, Any]:
        with _open(request) as store:
            return speaker_record(store, name)

    @api.get("/positions", response_model=list[PositionOut], summary="Positions: statements restating one proposition")
    def api_positions(request: Request) -> list[dict[str, Any]]:
        with _open(request) as store:
            return request.app.state.positions(store)

    @api.get("/positions/{position_id}", response_model=PositionOut, summary="One position with its statements")
    def api_position(request: Request, position_id: str) -> dict[str, Any]:
        with _open(request) as store:
            return position_record(request.app.state.positions(store), position_id)

    @api.post("/ingest", response_model=IngestResult, dependencies=[Depends(require_ingest)],
              responses={403: {"model": ErrorResponse, "description": "Ingest disabled, or asked by another site"},
                         413: {"model": ErrorResponse, "description": "A file is too large"}},
              summary="Process uploaded article files and store them (needs --allow-ingest)")
    def api_ingest(request: Request, files: Annotated[list[UploadFile], File(description="article files")]) -> dict:
        with _open(request) as store:
            return ingest_uploads(store, files)

    return api


# --- the pages ---------------------------------------------------------------------------------


def _page(request: Request, name: str, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, context)


def article_page_context(article: Article) -> dict[str, Any]:
    """The article's paragraphs with quotes highlighted by speaker, and the legend of speakers."""
    quotes = sorted(article.quotes, key=lambda q: q.start)
    classes = speaker_classes(q.speaker for q in quotes)
    spans = quote_spans(quotes, classes)
    paragraphs = article.paragraphs or [Paragraph(0, len(article.text))]
    counts = Counter(q.speaker for q in quotes)
    return {
        "article": article,
        "paragraphs": [(p.kind, highlight(article.text, spans, p.start, p.end)) for p in paragraphs],
        "legend": [(name, css, counts[name]) for name, css in classes.items() if counts[name]],
        "classes": classes,
        "quotes": quotes,
    }


def page_router() -> APIRouter:
    pages = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

    @pages.get("/")
    def home(request: Request) -> HTMLResponse:
        with _open(request) as store:
            return _page(request, "home.html", **overview(store, request.app.state.positions(store)))

    @pages.get("/search")
    def search_page(request: Request, params: Annotated[SearchParams, Query()]) -> HTMLResponse:
        with _open(request) as store:
            result = search(store, params)
            return _page(request, "search.html", params=params.model_dump(exclude_defaults=True), **result)

    @pages.get("/articles/{article_id}")
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        with _open(request) as store:
            return _page(request, "article.html", **article_page_context(article_record(store, article_id)))

    @pages.get("/speakers")
    def speakers_page(request: Request) -> HTMLResponse:
        with _open(request) as store:
            return _page(request, "speakers.html", speakers=store.speakers())

    @pages.get("/speakers/{name:path}")
    def speaker_page(request: Request, name: str) -> HTMLResponse:
        with _open(request) as store:
            record = speaker_record(store, name)
            # One timeline row: quotes under a merged bare surname are this speaker's too.
            statements = [{**quote_statement(q), "speaker": record["speaker"].name} for q in record["statements"]]
            views = statement_views(ArticleCache(store), statements)
            return _page(request, "speaker.html", speaker=record["speaker"], statements=statements, views=views)

    @pages.get("/positions")
    def positions_page(request: Request) -> HTMLResponse:
        with _open(request) as store:
            summaries = [position_summary(p) for p in request.app.state.positions(store)]
            return _page(request, "positions.html", positions=summaries)

    @pages.get("/positions/{position_id}")
    def position_page(request: Request, position_id: str) -> HTMLResponse:
        with _open(request) as store:
            position = position_record(request.app.state.positions(store), position_id)
            views = statement_views(ArticleCache(store), position["statements"])
            return _page(request, "position.html", position=position, summary=position_summary(position),
                         views=views)

    return pages


# --- errors and headers ----------------------------------------------------------------------


def error_response(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """The one error shape under /api; an error page elsewhere."""
    if request.url.path == "/api" or request.url.path.startswith("/api/"):
        body = {"error": {"status": status, "message": message}}
        return JSONResponse(body, status_code=status, headers=headers)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status, headers=headers
    )


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {error.get('msg', 'invalid')}" if where else error.get("msg", "invalid"))
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_response(request, exc.status_code, str(exc.detail), exc.headers)

    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, _validation_message(exc))

    async def query_error(request: Request, exc: QueryError) -> Response:
        return error_response(request, 400, str(exc))

    async def store_error(request: Request, exc: StoreError) -> Response:
        return error_response(request, 503, str(exc))

    app.add_exception_handler(StarletteHTTPException, http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(QueryError, query_error)  # type: ignore[arg-type]
    app.add_exception_handler(StoreError, store_error)  # type: ignore[arg-type]

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        try:
            response = await call_next(request)
        except Exception:  # also unexpected errors get the error shape and the headers
            log.exception("%s %s failed", request.method, request.url.path)
            response = error_response(request, 500, "internal server error")
        response.headers.update(SECURITY_HEADERS)
        return response


# --- the app --------------------------------------------------------------------------------------


def search_href(params: dict[str, Any], **changes: Any) -> str:
    """The search page URL for ``params`` with some filters changed (None removes one)."""
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return "/search?" + urlencode(merged) if merged else "/search"


def snippet_html(snippet: str) -> Markup:
    """A store snippet with its [matches] in <mark>; the text is escaped before any tag goes in."""
    return Markup(re.sub(r"\[([^\[\]]*)\]", r"<mark>\1</mark>", str(escape(snippet))))


def create_app(db: str | None, *, allow_ingest: bool = False) -> FastAPI:
    """The app over the store at ``db`` (None: $ONRECORD_DB or ./onrecord.db); ingest off by default.

    The interactive docs (/docs) are off: they load scripts from a CDN, which
    the CSP forbids. The schema is at /openapi.json.
    """
    app = FastAPI(
        title="onrecord",
        version=__version__,
        description="Who said what, when, and on what conditions: a dated, sourced record of quotes.",
        docs_url=None,
        redoc_url=None,
    )
    env = environment(PackageLoader("onrecord.web", "templates"))
    env.globals.update(search_href=search_href, version=__version__)
    env.filters.update(snippet=snippet_html)
    app.state.templates = Jinja2Templates(env=env)
    app.state.db = db
    app.state.allow_ingest = allow_ingest
    app.state.positions = PositionCache()

    @app.get("/static/onrecord.css", include_in_schema=False)
    def shared_stylesheet() -> Response:
        return Response(stylesheet(), media_type="text/css")

    app.mount("/static", StaticFiles(packages=[("onrecord.web", "static")]), name="static")
    app.include_router(api_router())
    app.include_router(page_router())
    install_error_handlers(app)
    return app
