"""Scale-out on Ray Data: the per-article pipeline mapped over shards of a corpus.

:func:`ingest_with_ray` is ``pipeline.ingest`` for corpora too big for one
machine (CC-NEWS: thousands of WARC files, millions of pages):

1. list     the driver expands directories into files (hidden entries skipped, as ``read_paths`` does);
2. read     ``flat_map``: each file through ``sources.read_paths`` into Documents or Failures;
3. process  ``map_batches`` on an actor pool: each actor loads spaCy once (``nlp.load``) and runs
            ``pipeline.process`` (``prepare`` + ``annotate_chunk``) over one batch at a time;
4. sink     Parquet shards written by the workers (``output``), and/or a store (``db``) fed by
            one writer, the driver.

Rows are one article each (:func:`row_schema`): the fields of ``Article.to_dict`` with
``published`` flattened into ``published_*`` columns and entities, quotes, time
expressions and paragraphs as nested lists of structs. Failures travel in the same
rows (``kind = "failure"``, with ``source`` and ``reason``), so the Parquet output is
partitioned into ``kind=article/`` and ``kind=failure/``.

Ray and pyarrow come with the ``[scale]`` extra and are imported only when used.
"""
from __future__ import annotations

import dataclasses
import os
import pickle
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from . import nlp as nlp_stage
from . import records
from .errors import OnrecordError, StoreError
from .pipeline import CHUNK_SIZE, IngestSummary, process
from .records import Article, Document, Failure
from .sources import DEFAULT_MAX_BYTES, STDIN_SOURCE, format_for, read_paths, sniff
from .store import open_store

if TYPE_CHECKING:
    import pyarrow as pa
    from ray.data import Dataset

    from .store.base import Store

ARTICLE, FAILURE = "article", "failure"
PARQUET_ROWS_PER_FILE = 5_000  # ~50-100 MB files; one file per batch would make millions of tiny ones
# A Ray task costs milliseconds to schedule, more than reading a small file: a few read tasks
# per actor keep the actors fed; a task reads its files one after the other, streaming.
READ_TASKS_PER_ACTOR = 4
_HEAD_BYTES = 4096
_SCALE_EXTRA = "the ray engine needs the [scale] extra: pip install 'onrecord[scale]'"


def ingest_with_ray(
    paths: Iterable[str],
    *,
    output: str | None = None,
    db: str | None = None,
    num_cpus: int | None = None,
    address: str | None = None,
    batch_size: int = CHUNK_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: bool = True,
) -> IngestSummary:
    """Process ``paths`` on Ray; write Parquet to ``output`` and/or store into ``db``.

    ``output`` is a new or empty directory, local, shared or ``s3://``; ``db`` a SQLite
    path or ``postgresql://`` URL, written by the driver alone. With both, the store is
    loaded from the written Parquet, so the NLP runs once. ``address`` (or ``$RAY_ADDRESS``)
    joins a running cluster, ``"auto"`` the one this machine belongs to; without it a new
    local Ray instance with ``num_cpus`` CPUs is started, and stopped at the end. On a
    cluster ``num_cpus`` caps the spaCy actors. A Ray session already open in this process
    is used as it is, and left open.

    The summary counts as ``ingest`` does, except that articles already in the store
    are parsed again before being counted as duplicates, and that without ``db``,
    ``new`` counts the articles written to Parquet (duplicates included: dedupe on ``id``).
    Boilerplate line statistics (``clean.LineStats``, for plain-text pages; HTML and WARC
    pages are cleaned by trafilatura) span one batch of ``batch_size`` documents, not the
    whole run. spaCy parses at most ``nlp.MAX_BATCH_SIZE`` documents at a time; keep
    ``batch_size`` at or below it, as larger batches only grow each actor's memory.
    """
    if output is None and db is None:
        raise ValueError("give output, db or both")
    _import_ray()
    files, failed = _list_files(paths)
    summary = IngestSummary(read=len(failed), failed=failed)
    output = _empty_output(output) if output is not None else None
    with ExitStack() as stack:
        store = stack.enter_context(open_store(db)) if db is not None else None  # a bad db fails before any work
        if files:
            stack.enter_context(_ray_session(address, num_cpus, progress))
            rows = _dataset(files, max_bytes=max_bytes, batch_size=batch_size, actors=_actors(num_cpus))
            _count(_results(rows, output, full=store is not None), summary, store)
    summary.failed.sort(key=lambda f: f.source)  # workers finish in any order
    return summary


def _dataset(files: list[dict[str, Any]], *, max_bytes: int, batch_size: int, actors: int) -> "Dataset":
    """The lazy Ray Dataset of article and failure rows for ``files``."""
    import ray

    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    return (
        ray.data.from_items(files, override_num_blocks=min(len(files), READ_TASKS_PER_ACTOR * actors))
        .flat_map(_read_file, fn_kwargs={"max_bytes": max_bytes})
        .map_batches(
            _Annotator,
            fn_constructor_kwargs={"model": nlp_stage.model_name()},  # the driver's choice, not the node's
            batch_size=batch_size,
            batch_format="pyarrow",
            # Autoscaled from one: actors started up front would take the CPUs the readers need.
            compute=ray.data.ActorPoolStrategy(min_size=1, max_size=actors),
            num_cpus=1,
        )
    )


# --- rows ---------------------------------------------------------------------


@lru_cache(maxsize=1)
def row_schema() -> "pa.Schema":
    """The Arrow schema of a result row, derived from the record dataclasses."""
    import pyarrow as pa

    columns: list[tuple[str, pa.DataType]] = [("kind", pa.string())]
    for field in dataclasses.fields(Article):
        if field.name == "published":
            columns += [(f"published_{f.name}", _arrow_type(f.type)) for f in dataclasses.fields(records.PublishedDate)]
        else:
            columns.append((field.name, _arrow_type(field.type)))
    return pa.schema([*columns, ("reason", pa.string())])


def _arrow_type(annotation: str) -> "pa.DataType":
    """Arrow type of a records annotation: str (and Literal aliases), int, float, lists, dataclasses."""
    import pyarrow as pa

    name = annotation.removesuffix(" | None")
    if name.startswith("list["):
        return pa.list_(_arrow_type(name[5:-1]))
    if name in ("int", "float"):
        return pa.int64() if name == "int" else pa.float64()
    record = getattr(records, name, None)
    if dataclasses.is_dataclass(record):
        return pa.struct([(f.name, _arrow_type(f.type)) for f in dataclasses.fields(record)])
    return pa.string()


def article_row(article: Article) -> dict[str, Any]:
    """An Article as a row of :func:`row_schema`."""
    data = article.to_dict()
    published = data.pop("published")
    row: dict[str, Any] = {"kind": ARTICLE, **data, "reason": None}
    row.update({f"published_{key}": value for key, value in published.items()})
    return row


def article_from_row(row: dict[str, Any]) -> Article:
    """The Article an article row holds (the inverse of :func:`article_row`)."""
    published = {key.removeprefix("published_"): value for key, value in row.items() if key.startswith("published_")}
    return Article.from_dict({**row, "published": published})


def _failure_row(failure: Failure) -> dict[str, Any]:
    return {"kind": FAILURE, "source": failure.source, "reason": failure.reason}


def _to_table(results: Iterable[Article | Failure]) -> "pa.Table":
    import pyarrow as pa

    rows = [_failure_row(r) if isinstance(r, Failure) else article_row(r) for r in results]
    return pa.Table.from_pylist(rows, schema=row_schema())


# --- stages -------------------------------------------------------------------------


def _list_files(paths: Iterable[str]) -> tuple[list[dict[str, Any]], list[Failure]]:
    """On the driver: the files under ``paths``, and the directories (or stdin) that cannot be listed.

    Files met inside a directory are read only if they look like articles, as in ``read_paths``.
    """
    files: list[dict[str, Any]] = []
    failed: list[Failure] = []

    def unlistable(exc: OSError) -> None:
        failed.append(Failure(str(exc.filename), f"cannot list directory: {exc.strerror or exc}"))

    for path in paths:
        if path == "-":
            failed.append(Failure(STDIN_SOURCE, "the ray engine reads files, not stdin"))
        elif os.path.isdir(path):
            for directory, subdirs, names in os.walk(path, onerror=unlistable):
                subdirs[:] = sorted(name for name in subdirs if not name.startswith("."))
                files += [{"path": os.path.join(directory, name), "explicit": False}
                          for name in sorted(names) if not name.startswith(".")]
        else:  # a missing file is reported by read_paths, in a worker
            files.append({"path": path, "explicit": True})
    return files, failed


def _read_file(row: dict[str, Any], max_bytes: int) -> Iterator[dict[str, bytes]]:
    """Stage 1 for one file. Items are pickled: an internal hand-off, never stored."""
    path = row["path"]
    if not (row["explicit"] or _looks_like_articles(path)):
        return
    try:
        for item in read_paths([path], max_bytes=max_bytes):
            yield {"item": pickle.dumps(item)}
    except Exception as exc:  # a reader bug must cost one file, not the job
        yield {"item": pickle.dumps(Failure(path, f"cannot read: {type(exc).__name__}: {exc}"))}


def _looks_like_articles(path: str) -> bool:
    """What ``read_paths`` reads inside a directory: regular files of a known or sniffed format."""
    if not os.path.isfile(path):
        return False
    if format_for(path):
        return True
    try:
        with open(path, "rb") as handle:
            return sniff(handle.read(_HEAD_BYTES)) is not None
    except OSError:
        return True  # let read_paths report why it cannot be read


class _Annotator:
    """Stages 2-5 in a Ray actor: spaCy is loaded once, then each batch goes through ``process``."""

    def __init__(self, model: str) -> None:
        self.nlp = nlp_stage.load(model)

    def __call__(self, batch: "pa.Table") -> "pa.Table":
        items: list[Document | Failure] = [pickle.loads(b) for b in batch.column("item").to_pylist()]
        # process() turns any per-article failure, spaCy's included, into a Failure record
        return _to_table(list(process(items, nlp=self.nlp, chunk_size=len(items))))


# --- sinks (run on the driver) ------------------------------------------------------


def _results(rows: "Dataset", output: str | None, *, full: bool) -> Iterator[Any]:
    """Run the job; Arrow batches of its rows, read back from Parquet when ``output`` is given."""
    if output is None:
        return rows.iter_batches(batch_format="pyarrow", batch_size=None)
    # Batches are small (spaCy's memory); files should not be: combine blocks before writing.
    rows = rows.repartition(target_num_rows_per_block=PARQUET_ROWS_PER_FILE)
    rows.write_parquet(output, partition_cols=["kind"])
    return _read_back(output, full=full)


def _read_back(output: str, *, full: bool) -> Iterator["pa.RecordBatch"]:
    """The written rows, streamed: all columns to load a store, else only what the summary needs."""
    import pyarrow.dataset as pads
    import pyarrow.fs as pafs

    fs, path = pafs.FileSystem.from_uri(output)
    if fs.get_file_info(path).type == pafs.FileType.NotFound:
        return iter(())  # no rows: nothing was written
    data = pads.dataset(path, filesystem=fs, format="parquet", partitioning="hive")
    return data.to_batches(columns=None if full else ["kind", "source", "reason"])


def _count(batches: Iterable[Any], summary: IngestSummary, store: "Store | None") -> None:
    for batch in batches:
        rows = batch.to_pylist()
        summary.read += len(rows)
        summary.failed += [Failure(r["source"], r["reason"]) for r in rows if r["kind"] == FAILURE]
        if store is None:
            summary.new += sum(r["kind"] == ARTICLE for r in rows)
        else:
            _store([article_from_row(r) for r in rows if r["kind"] == ARTICLE], store, summary)


def _store(articles: list[Article], store: "Store", summary: IngestSummary) -> None:
    """One transaction per batch; if it fails, article by article, so only the culprit fails."""
    try:
        flags: list[bool | None] = list(store.add_many(articles))
    except StoreError:
        flags = [_store_one(article, store, summary) for article in articles]
    summary.new += flags.count(True)
    summary.duplicates += flags.count(False)


def _store_one(article: Article, store: "Store", summary: IngestSummary) -> bool | None:
    try:
        return store.add(article)
    except StoreError as exc:
        summary.failed.append(Failure(article.source, f"not stored: {exc}"))
        return None


# --- setup ------------------------------------------------------------------------


def _import_ray() -> None:
    try:
        import pyarrow  # noqa: F401  (the sinks need it: fail before starting Ray)
        import ray.data  # noqa: F401
    except ImportError as exc:
        raise OnrecordError(_SCALE_EXTRA) from exc


@contextmanager
def _ray_session(address: str | None, num_cpus: int | None, progress: bool) -> Iterator[None]:
    """Join the cluster at ``address`` (or ``$RAY_ADDRESS``, as ``ray job submit`` sets), else
    start a new local Ray, even if a ``ray start`` cluster runs here; stop only what was started here.
    """
    import ray

    started = not ray.is_initialized()
    if started:
        cluster = address or os.environ.get("RAY_ADDRESS")
        try:
            ray.init(address=address if cluster else "local", num_cpus=None if cluster else num_cpus)
        except ConnectionError as exc:  # the cause says why: no cluster there, or a missing token
            raise OnrecordError(f"cannot connect to Ray at {cluster}: {exc.__cause__ or exc}") from exc
    ray.data.DataContext.get_current().enable_progress_bars = progress
    try:
        yield
    finally:
        if started:
            ray.shutdown()


def _actors(num_cpus: int | None) -> int:
    """How many spaCy actors: ``num_cpus``, else every CPU of the cluster."""
    import ray

    return max(1, num_cpus or int(ray.cluster_resources().get("CPU", 1)))


def _empty_output(output: str) -> str:
    """``output`` as a URI pyarrow can open, refusing one that already holds files.

    The summary is read back from what the job wrote, so earlier rows would be counted too.
    """
    import pyarrow.fs as pafs

    uri = output if "://" in output else os.path.abspath(output)
    fs, path = pafs.FileSystem.from_uri(uri)
    info = fs.get_file_info(path)
    if info.type == pafs.FileType.File or (
        info.type == pafs.FileType.Directory and fs.get_file_info(pafs.FileSelector(path, recursive=False))
    ):
        raise OnrecordError(f"output {output} is not empty: give a new or empty directory")
    return uri
