"""The orchestrator: raw files in, articles with their extractions out.

Stages, one module each, every one a plain function over plain records:

1. read      ``sources.read_paths``   file, directory, feed, WARC, stdin -> Document | Failure
2. clean     ``clean.clean``          boilerplate out; title, outlet, wire; paragraphs
3. annotate  ``nlp.load``             one spaCy pass per article (``nlp.pipe`` in batches)
4. extract   ``quotes.extract``       entities and quotes: speaker, cue, kind, condition
5. date      ``dating.date_article``  publication date, time expressions, each quote's said_on
6. frame     ``statements.read_frames``  each quote as a proposition: actor, predicate, target, conditions
7. store     ``store.Store.add``      one transaction per article, with its text fingerprint (``ingest`` only)

Failures at any stage become :class:`Failure` records; the rest of the batch goes on.
"""
from __future__ import annotations

from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from . import clean as clean_stage
from . import dating, nlp as nlp_stage, quotes as quote_stage
from .analysis.statements import read_frames
from .errors import StoreError
from .records import Article, Document, Failure, content_id
from .sources import DEFAULT_MAX_BYTES, read_paths

if TYPE_CHECKING:
    from spacy.language import Language

    from .store.base import Store

CHUNK_SIZE = 32  # documents cleaned together (cross-page line counts) and parsed in one nlp.pipe call


@dataclass(slots=True)
class Prepared:
    """A document after cleaning, waiting for its spaCy pass."""

    document: Document
    article_id: str
    cleaned: clean_stage.Cleaned


@dataclass
class IngestSummary:
    """What one ``ingest`` run did."""

    read: int = 0
    new: int = 0
    duplicates: int = 0
    failed: list[Failure] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"read": self.read, "new": self.new, "duplicates": self.duplicates,
                "failed": [f.to_dict() for f in self.failed]}


def prepare(document: Document, stats: clean_stage.LineStats | None = None) -> Prepared:
    """Stage 2: clean a document (plain text through the line classifier)."""
    if document.needs_cleaning:
        cleaned = clean_stage.clean(document.text, stats=stats, title_hint=document.title)
    else:
        cleaned = clean_stage.clean_extracted(document.text, document.title)
    if not cleaned.text.strip():
        raise ValueError("no article text left after removing boilerplate")
    return Prepared(document, content_id(document.text), cleaned)


def finish(prepared: Prepared, doc: Any) -> Article:
    """Stages 4 to 6 on a parsed document."""
    cleaned, document = prepared.cleaned, prepared.document
    entities, quotes = quote_stage.extract(doc, cleaned.paragraphs)
    published, timexes = dating.date_article(
        cleaned.text, paragraphs=cleaned.paragraphs, quotes=quotes, metadata=document.published,
        stamps=cleaned.stamps + ([document.url] if document.url else []),
    )
    article = Article(
        id=prepared.article_id,
        source=document.source,
        url=document.url,
        text=cleaned.text,
        title=cleaned.title or document.title,
        outlet=document.outlet or cleaned.outlet,
        wire=cleaned.wire,
        published=published,
        paragraphs=cleaned.paragraphs,
        removed=cleaned.removed,
        entities=entities,
        quotes=quotes,
        timexes=timexes,
    )
    read_frames(article)
    return article


def process(
    items: Iterable[Document | Failure],
    *,
    nlp: "Language | None" = None,
    skip: Callable[[str], bool] | None = None,
    chunk_size: int = CHUNK_SIZE,
    jobs: int = 1,
) -> Iterator[Article | Failure]:
    """Run stages 2-5 over documents, in order, yielding an Article or a Failure for each.

    Cleaning runs here, in order, so that the cross-page line counts are the
    same whatever ``jobs`` is; the spaCy pass and extraction, the costly part,
    run in ``jobs`` worker processes when ``jobs > 1``. ``skip(article_id)``
    drops documents the caller already has before any costly work.
    """
    chunks = _prepared_chunks(items, skip, chunk_size)
    first = list(islice(chunks, 2))
    chunks = chain(first, chunks)
    if jobs <= 1 or len(first) < 2:  # one chunk is not worth starting workers for
        nlp = nlp or nlp_stage.load()
        for chunk in chunks:
            yield from annotate_chunk(chunk, nlp)
        return
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(nlp_stage.model_name(),)) as pool:
        for results in _bounded_map(pool, _annotate_in_worker, chunks, window=2 * jobs):
            yield from results


def _prepared_chunks(items, skip, chunk_size) -> Iterator[list[Prepared | Failure]]:
    stats = clean_stage.LineStats()
    iterator = iter(items)
    while chunk := list(islice(iterator, chunk_size)):
        for document in chunk:
            if isinstance(document, Document) and document.needs_cleaning:
                stats.add_page(document.text)
        prepared: list[Prepared | Failure] = []
        for item in chunk:
            if isinstance(item, Failure):
                prepared.append(item)
            elif skip is None or not skip(content_id(item.text)):
                try:
                    prepared.append(prepare(item, stats))
                except Exception as exc:  # one bad page must not stop the batch
                    prepared.append(Failure(item.source, f"cannot clean: {exc}"))
        if prepared:
            yield prepared


def annotate_chunk(chunk: list[Prepared | Failure], nlp: "Language") -> list[Article | Failure]:
    """Stages 3-5 for a chunk of cleaned documents: one ``nlp.pipe`` call, then extraction."""
    ready = [p for p in chunk if isinstance(p, Prepared)]
    docs = iter(_parse(nlp, [p.cleaned.text for p in ready]))
    results: list[Article | Failure] = []
    for item in chunk:
        if isinstance(item, Failure):
            results.append(item)
            continue
        doc = next(docs)
        if isinstance(doc, Exception):
            results.append(Failure(item.document.source, f"spaCy failed: {type(doc).__name__}: {doc}"))
            continue
        try:
            results.append(finish(item, doc))
        except Exception as exc:  # report the article, keep the batch going
            results.append(Failure(item.document.source, f"extraction failed: {type(exc).__name__}: {exc}"))
    return results


def _parse(nlp: "Language", texts: list[str]) -> list[Any]:
    """One ``nlp.pipe`` pass; if it fails, each text alone, so only the bad one fails."""
    try:
        return list(nlp.pipe(texts, batch_size=min(len(texts) or 1, nlp_stage.MAX_BATCH_SIZE)))
    except Exception:
        parsed: list[Any] = []
        for text in texts:
            try:
                parsed.append(nlp(text))
            except Exception as exc:
                parsed.append(exc)
        return parsed


_worker_nlp: "Language | None" = None


def _init_worker(model: str) -> None:
    global _worker_nlp
    _worker_nlp = nlp_stage.load(model)


def _annotate_in_worker(chunk: list[Prepared | Failure]) -> list[Article | Failure]:
    assert _worker_nlp is not None
    return annotate_chunk(chunk, _worker_nlp)


def _bounded_map(pool: ProcessPoolExecutor, func, items, window: int) -> Iterator:
    """``pool.map`` that keeps at most ``window`` tasks in flight, so input streams."""
    pending: deque[Future] = deque()
    for item in items:
        pending.append(pool.submit(func, item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def extract_paths(
    paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES, nlp: "Language | None" = None, jobs: int = 1
) -> Iterator[Article | Failure]:
    """Read, clean, parse, extract and date every article under ``paths`` (no storage)."""
    return process(read_paths(paths, max_bytes=max_bytes), nlp=nlp, jobs=jobs)


def ingest(
    paths: Iterable[str],
    store: "Store",
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    nlp: "Language | None" = None,
    jobs: int = 1,
    progress: Callable[[Article | Failure | None], None] | None = None,
) -> IngestSummary:
    """Process ``paths`` and store each new article with its extractions."""
    summary = IngestSummary()

    def known(article_id: str) -> bool:
        duplicate = store.has(article_id)
        if duplicate:
            summary.read += 1
            summary.duplicates += 1
            if progress:
                progress(None)
        return duplicate

    for result in process(read_paths(paths, max_bytes=max_bytes), nlp=nlp, skip=known, jobs=jobs):
        summary.read += 1
        if isinstance(result, Failure):
            summary.failed.append(result)
        else:
            try:
                added = store.add(result)
            except StoreError as exc:
                summary.failed.append(Failure(result.source, f"not stored: {exc}"))
                added = None
            if added:
                summary.new += 1
            elif added is False:
                summary.duplicates += 1
        if progress:
            progress(result)
    return summary
