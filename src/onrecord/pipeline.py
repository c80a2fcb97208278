"""The orchestrator: raw files in, articles with their extractions out.

Stages, one module each, every one a plain function over plain records:

1. read      ``sources.read_paths``   file, directory, feed, WARC, stdin -> Document | Failure
2. clean     ``clean.clean``          boilerplate out; title, outlet, wire; paragraphs
3. annotate  ``nlp.load``             one spaCy pass per article (``nlp.pipe`` in batches)
4. extract   ``quotes.extract``       entities and quotes: speaker, cue, kind, condition
5. date      ``dating.date_article``  publication date, time expressions, each quote's said_on
6. store     ``store.Store.add``      one transaction per article (``ingest`` only)

Failures at any stage become :class:`Failure` records; the rest of the batch goes on.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from . import clean as clean_stage
from . import dating, nlp as nlp_stage, quotes as quote_stage
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
    """Stages 4 and 5 on a parsed document."""
    cleaned, document = prepared.cleaned, prepared.document
    entities, quotes = quote_stage.extract(doc, cleaned.paragraphs)
    published, timexes = dating.date_article(
        cleaned.text, paragraphs=cleaned.paragraphs, quotes=quotes, metadata=document.published
    )
    return Article(
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


def process(
    items: Iterable[Document | Failure],
    *,
    nlp: "Language | None" = None,
    skip: Callable[[str], bool] | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[Article | Failure]:
    """Run stages 2-5 over documents, in order, yielding an Article or a Failure for each.

    ``skip(article_id)`` lets a caller drop documents it already has before the
    costly spaCy pass (re-ingest is then almost free).
    """
    nlp = nlp or nlp_stage.load()
    stats = clean_stage.LineStats()
    iterator = iter(items)
    while chunk := list(islice(iterator, chunk_size)):
        for document in chunk:
            if isinstance(document, Document) and document.needs_cleaning:
                stats.add_page(document.text)
        yield from _process_chunk(chunk, nlp, stats, skip)


def _process_chunk(chunk, nlp, stats, skip) -> Iterator[Article | Failure]:
    prepared: list[Prepared | Failure | None] = []
    for item in chunk:
        if isinstance(item, Failure):
            prepared.append(item)
            continue
        if skip is not None and skip(content_id(item.text)):
            prepared.append(None)
            continue
        try:
            prepared.append(prepare(item, stats))
        except Exception as exc:  # one bad page must not stop the batch
            prepared.append(Failure(item.source, f"cannot clean: {exc}"))
    ready = [p for p in prepared if isinstance(p, Prepared)]
    docs = iter(nlp.pipe((p.cleaned.text for p in ready), batch_size=min(len(ready) or 1, nlp_stage.MAX_BATCH_SIZE)))
    for item in prepared:
        if item is None:
            continue
        if isinstance(item, Failure):
            yield item
            continue
        doc = next(docs)
        try:
            yield finish(item, doc)
        except Exception as exc:
            yield Failure(item.document.source, f"extraction failed: {type(exc).__name__}: {exc}")


def extract_paths(
    paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES, nlp: "Language | None" = None
) -> Iterator[Article | Failure]:
    """Read, clean, parse, extract and date every article under ``paths`` (no storage)."""
    return process(read_paths(paths, max_bytes=max_bytes), nlp=nlp)


def ingest(
    paths: Iterable[str],
    store: "Store",
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    nlp: "Language | None" = None,
    progress: Callable[[Article | Failure | None], None] | None = None,
) -> IngestSummary:
    """Process ``paths`` and store each new article with its extractions."""
    summary = IngestSummary()
    seen: set[str] = set()

    def known(article_id: str) -> bool:
        duplicate = article_id in seen or store.has(article_id)
        seen.add(article_id)
        if duplicate:
            summary.read += 1
            summary.duplicates += 1
            if progress:
                progress(None)
        return duplicate

    for result in process(read_paths(paths, max_bytes=max_bytes), nlp=nlp, skip=known):
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
