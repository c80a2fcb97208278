"""The ``onrecord`` command: parse arguments, make one library call, print, map errors.

Exit codes: 0 success; 1 some input failed or a library error; 2 bad usage.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from contextlib import contextmanager
from typing import Any, Callable, Iterator, Sequence

from . import __version__
from .errors import OnrecordError
from .records import Article, Failure
from .render import FORMATS, jsonl_line, render

ARTICLE_COLUMNS = ("id", "published", "outlet", "title", "n_quotes", "source")
SEARCH_COLUMNS = ("id", "published", "outlet", "title", "snippet")
QUOTE_COLUMNS = ("date", "speaker", "kind", "text", "condition", "outlet", "article_id")
SPEAKER_COLUMNS = ("name", "type", "quotes", "first", "last", "roles", "outlets")
EXTRACT_COLUMNS = ("speaker", "kind", "cue", "text", "condition")
POSITION_COLUMNS = ("position", "label", "date", "speaker", "outlets", "text", "condition", "change")
TIMELINE_COLUMNS = ("date", "speaker", "outlets", "text", "condition", "change", "article_id")
DEMO_DB = "onrecord-demo.db"


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


@contextmanager
def _progress(enabled: bool, unit: str = "article") -> Iterator[Callable[[Any], None]]:
    """A progress bar on stderr when it is a terminal; silent otherwise."""
    if not enabled or not sys.stderr.isatty():
        yield lambda _result: None
        return
    from tqdm import tqdm

    with tqdm(unit=unit, file=sys.stderr, leave=False) as bar:
        yield lambda _result: bar.update(1)


def _max_bytes(args: argparse.Namespace) -> int:
    return int(args.max_size * 1024 * 1024)


def _jobs(args: argparse.Namespace) -> int:
    return args.jobs or os.cpu_count() or 1


def _open(args: argparse.Namespace):
    from .store import open_store

    return open_store(args.db)


# --- commands ------------------------------------------------------------------

def cmd_extract(args: argparse.Namespace) -> int:
    from .pipeline import extract_paths

    failed = 0
    articles: list[dict[str, Any]] = []
    with _progress(not args.quiet) as tick:
        for result in extract_paths(args.paths, max_bytes=_max_bytes(args), jobs=_jobs(args)):
            tick(result)
            if isinstance(result, Failure):
                failed += 1
                _err(f"onrecord: {result}")
            elif args.format == "jsonl":
                _out(jsonl_line(result.to_dict()))
            elif args.format == "json":
                articles.append(result.to_dict())
            else:
                _out(_article_table(result))
    if args.format == "json":
        _out(render(articles, "json", ()))
    return 1 if failed else 0


def _article_table(article: Article) -> str:
    published = article.published
    head = [
        f"== {article.source}",
        f"   title:     {article.title or ''}",
        f"   outlet:    {article.outlet or ''}" + (f"   wire: {article.wire}" if article.wire else ""),
        f"   published: {published.value or 'unknown'} ({published.precision or '-'}, "
        f"confidence {published.confidence:.2f})",
        f"   removed:   {len(article.removed)} boilerplate line(s)",
    ]
    rows = [q.to_dict() for q in article.quotes]
    return "\n".join(head) + "\n" + render(rows, "table", EXTRACT_COLUMNS) + "\n"


def cmd_ingest(args: argparse.Namespace) -> int:
    if args.engine == "ray":
        from .scale import ingest_with_ray
        from .store import default_db

        summary = ingest_with_ray(args.paths, output=args.output, db=args.db if args.output else (args.db or default_db()),
                                  num_cpus=args.jobs, address=args.address, max_bytes=_max_bytes(args),
                                  progress=not args.quiet)
    else:
        from .pipeline import ingest

        with _open(args) as store, _progress(not args.quiet) as tick:
            summary = ingest(args.paths, store, max_bytes=_max_bytes(args), jobs=_jobs(args), progress=tick)
    for failure in summary.failed:
        _err(f"onrecord: {failure}")
    _out(f"read {summary.read}, new {summary.new}, duplicates {summary.duplicates}, failed {len(summary.failed)}")
    return 1 if summary.failed else 0


def cmd_articles(args: argparse.Namespace) -> int:
    with _open(args) as store:
        rows = store.articles(outlet=args.outlet, since=args.since, until=args.until, limit=args.limit)
    _out(render([r.to_dict() for r in rows], args.format, ARTICLE_COLUMNS))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with _open(args) as store:
        article = store.get(args.id)
    if article is None:
        _err(f"onrecord: no article with id {args.id!r}")
        return 1
    if args.format == "json":
        _out(render([article.to_dict()], "json", ()))
    else:
        _out(_article_table(article))
        _out(article.text)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with _open(args) as store:
        hits = store.search(args.query, outlet=args.outlet, since=args.since, until=args.until, limit=args.limit)
    _out(render([h.to_dict() for h in hits], args.format, SEARCH_COLUMNS))
    return 0


def cmd_quotes(args: argparse.Namespace) -> int:
    with _open(args) as store:
        rows = store.quotes(speaker=args.speaker, since=args.since, until=args.until, outlet=args.outlet,
                            limit=args.limit)
    _out(render([r.to_dict() for r in rows], args.format, QUOTE_COLUMNS))
    return 0


def cmd_speakers(args: argparse.Namespace) -> int:
    with _open(args) as store:
        rows = store.speakers()
    _out(render([r.to_dict() for r in rows], args.format, SPEAKER_COLUMNS))
    return 0


def cmd_positions(args: argparse.Namespace) -> int:
    from .analysis.positions import find_positions

    with _open(args) as store:
        positions = find_positions(store, speaker=args.speaker)
    if args.format == "json":
        _out(render([p.to_dict() for p in positions], "json", ()))
    else:
        _out(render([row for p in positions for row in p.rows()], args.format, POSITION_COLUMNS))
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    from .analysis.timeline import timeline, to_markdown

    with _open(args) as store:
        entries = timeline(store, args.query, since=args.since, until=args.until, limit=args.limit)
    if args.format == "md":
        _out(to_markdown(entries))
    elif args.format == "json":
        _out(render([e.to_dict() for e in entries], "json", ()))
    else:
        _out(render([e.row() for e in entries], args.format, TIMELINE_COLUMNS))
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate_paths, read_floors

    scores = evaluate_paths(args.paths, args.gold, jobs=args.jobs)
    floors = read_floors(args.floors) if args.floors else {}
    if args.format == "json":
        _out(render([scores.to_dict()], "json", ()))
    else:
        rows = [{"metric": k, "value": round(v, 3), "floor": floors.get(k, "")} for k, v in sorted(scores.metrics.items())]
        _out(render(rows, "table", ("metric", "value", "floor")))
        if args.details:
            _out("\n".join(scores.misses))
    failed = scores.below(floors)
    if failed:
        _err("onrecord: below the floor: " + ", ".join(failed))
    return 1 if failed else 0


def cmd_report(args: argparse.Namespace) -> int:
    from .report import build_report

    with _open(args) as store:
        html = build_report(store, args.query)
    Path(args.out).write_text(html, encoding="utf-8")
    _err(f"wrote {args.out}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .web import serve

    serve(args.db, host=args.host, port=args.port, allow_ingest=args.allow_ingest)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .analysis.positions import find_positions
    from .demo import build_demo

    db = args.db or DEMO_DB
    with _progress(not args.quiet) as tick:
        store, summary = build_demo(db, progress=tick)
    with store:
        _out(f"Ingested the bundled sample corpus into {db}: read {summary.read}, new {summary.new}, "
             f"duplicates {summary.duplicates}, failed {len(summary.failed)}\n")
        _out("Articles\n" + render([r.to_dict() for r in store.articles()], "table", ARTICLE_COLUMNS) + "\n")
        speakers = [r.to_dict() for r in store.speakers()[:12]]
        _out("Most quoted speakers\n" + render(speakers, "table", SPEAKER_COLUMNS) + "\n")
        for position in find_positions(store):
            _out(f"Position: {position.label}\n" + render(position.rows(), "table", POSITION_COLUMNS[2:]) + "\n")
    _out(f"Explore further: onrecord --db {db} positions | timeline QUERY | quotes --speaker NAME | report")
    return 1 if summary.failed else 0


# --- argument parsing ----------------------------------------------------------

def _filters(parser: argparse.ArgumentParser, *, outlet: bool = True, limit: int | None = None) -> None:
    if outlet:
        parser.add_argument("--outlet", help="only this outlet (case-insensitive)")
    parser.add_argument("--since", metavar="DATE", help="on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    parser.add_argument("--until", metavar="DATE", help="on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    parser.add_argument("--limit", type=int, default=limit, help="at most this many rows")


def _format(parser: argparse.ArgumentParser, choices: Sequence[str] = FORMATS, default: str = "table") -> None:
    parser.add_argument("--format", choices=choices, default=default, help=f"output format (default: {default})")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="onrecord", description="Who said what, when, and on what conditions: quotes from news articles."
    )
    parser.add_argument("--version", action="version", version=f"onrecord {__version__}")
    parser.add_argument("--db", default=None, help="database: SQLite file path (default $ONRECORD_DB or ./onrecord.db)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, func: Callable[[argparse.Namespace], int], help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.set_defaults(func=func)
        return p

    for name, func, help_ in (
        ("extract", cmd_extract, "Process articles and print their records, without storing them."),
        ("ingest", cmd_ingest, "Process articles and store them with their quotes, entities and dates."),
    ):
        p = command(name, func, help_)
        p.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, or - for stdin")
        p.add_argument("--max-size", type=float, default=20, metavar="MB", help="skip files over this size (default 20)")
        p.add_argument("--quiet", action="store_true", help="no progress bar")
        p.add_argument("--jobs", type=int, default=None, metavar="N",
                       help="worker processes for the spaCy pass (default: all cores; with Ray: CPUs to use)")
        if name == "extract":
            _format(p, ("jsonl", "json", "table"), "jsonl")
        else:
            p.add_argument("--engine", choices=("local", "ray"), default="local",
                           help="local worker processes, or Ray Data (needs the [scale] extra)")
            p.add_argument("--output", metavar="DIR", help="with --engine ray: write Parquet shards to DIR")
            p.add_argument("--address", help="with --engine ray: join this Ray cluster ('auto' or HOST:PORT)")

    p = command("articles", cmd_articles, "List stored articles.")
    _filters(p)
    _format(p)
    p = command("show", cmd_show, "Show one stored article with its quotes.")
    p.add_argument("id", help="article id (or a unique prefix of 6+ characters)")
    _format(p, ("table", "json"))
    p = command("search", cmd_search, "Full-text search over stored articles.")
    p.add_argument("query", help="FTS5 query: words, \"a phrase\", OR, NOT, prefix*")
    _filters(p, limit=50)
    _format(p)
    p = command("quotes", cmd_quotes, "List stored quotes, in date order.")
    p.add_argument("--speaker", help="canonical name or surname")
    _filters(p)
    _format(p)
    p = command("speakers", cmd_speakers, "Canonical speakers with roles, quote counts, first and last dates.")
    _format(p)
    p = command("positions", cmd_positions, "Positions: the same proposition restated across articles, in date order.")
    p.add_argument("--speaker", help="only positions with a statement by this speaker")
    _format(p)
    p = command("timeline", cmd_timeline, "Statements matching QUERY in date order, with what changed each time.")
    p.add_argument("query", help="words or an FTS5 query over quote text")
    _filters(p, outlet=False, limit=500)
    _format(p, (*FORMATS, "md"))
    p = command("evaluate", cmd_evaluate, "Score extraction on articles against a gold file.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or directories")
    p.add_argument("--gold", required=True, help="gold JSONL (one record per article file)")
    p.add_argument("--floors", help="METRIC=VALUE lines; exit 1 when a metric falls below its floor")
    p.add_argument("--details", action="store_true", help="list every miss")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    _format(p, ("table", "json"))
    p = command("report", cmd_report,
                "Write one self-contained HTML report: position timelines, speakers, statements in context.")
    p.add_argument("query", nargs="?", help="FTS5 query: only positions with a matching quote")
    p.add_argument("--out", default="report.html", help="output file (default report.html)")
    p = command("serve", cmd_serve, "Run the web app and JSON API on localhost (needs the [web] extra).")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--allow-ingest", action="store_true", help="enable POST /api/ingest for uploaded files")
    p = command("demo", cmd_demo, "Ingest the bundled sample corpus into a fresh database and show what it found.")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "engine", "ray") == "local" and (args.output or args.address):
        parser.error("--output and --address need --engine ray")
    try:
        return args.func(args)
    except OnrecordError as exc:
        _err(f"onrecord: error: {exc}")
        return 1
    except KeyboardInterrupt:
        _err("onrecord: interrupted")
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
