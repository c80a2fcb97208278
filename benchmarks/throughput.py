"""Throughput, memory and query latency of onrecord, against raw spaCy in the same run.

    python benchmarks/throughput.py [--articles N] [--jobs 2] [--input DIR] [--latency-quotes 1000000]

Prints, in one run:
- the baseline: the full spaCy pipeline (``nlp.pipe``, batch 64, same process count) in words/s;
- onrecord's extraction (read -> clean -> spaCy -> quotes -> dates) in words/s, and its ratio to the baseline;
- peak RSS of this process and of its worker processes;
- SQLite ingest speed in articles/s;
- p50/p95 latency of ``search``, ``quotes --speaker`` and ``timeline`` on a generated database
  with ``--latency-quotes`` quotes (0 skips it).
Machines are noisy: read the ratios, not only the absolutes.
"""
from __future__ import annotations

import argparse
import functools
import gc
import itertools
import multiprocessing
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from onrecord import nlp as nlp_stage
from onrecord.analysis.statements import read_frames
from onrecord.demo import sample_dir
from onrecord.pipeline import process
from onrecord.records import Article, Document, Entity, PublishedDate, Quote, content_id
from onrecord.store import open_store

CHROME_TOP = ["Home » News » World", "Share this article", "Sign up for our newsletter"]
CHROME_BOTTOM = ["Add a comment", "Download the Example News App!", "© 2024 Example News. All rights reserved."]


def paragraph_pool(folder: Path) -> list[str]:
    """Body paragraphs of the bundled sample articles: realistic news prose with quotes."""
    pool = []
    for path in sorted(folder.glob("*.txt")):
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            block = block.strip()
            if len(block.split()) >= 15:
                pool.append(block)
    return pool


def generate_articles(n: int, seed: int = 7) -> list[str]:
    """``n`` raw scraped pages: chrome, a headline, 8-14 paragraphs drawn from the pool."""
    rng = random.Random(seed)
    pool = paragraph_pool(sample_dir())
    pages = []
    for i in range(n):
        body = rng.sample(pool, rng.randint(8, min(14, len(pool))))
        title = f"Story {i}: " + " ".join(body[0].split()[:8])
        pages.append("\n\n".join([*CHROME_TOP, title, *body, *CHROME_BOTTOM]))
    return pages


def read_articles(folder: Path, n: int) -> list[str]:
    files = sorted(p for p in folder.rglob("*") if p.is_file())[:n]
    return [p.read_text(encoding="utf-8", errors="replace") for p in files]


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def bench_spacy(texts: list[str], jobs: int) -> float:
    nlp = nlp_stage.load()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64, n_process=jobs):
        pass
    return time.perf_counter() - start


def bench_onrecord(texts: list[str], jobs: int) -> tuple[float, list[Article]]:
    documents = [Document(source=f"bench/{i}.txt", text=t) for i, t in enumerate(texts)]
    start = time.perf_counter()
    results = list(process(documents, jobs=jobs))
    elapsed = time.perf_counter() - start
    return elapsed, [r for r in results if isinstance(r, Article)]


def bench_ingest(articles: list[Article]) -> float:
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "bench.db")) as store:
        start = time.perf_counter()
        for article in articles:
            store.add(article)
        return time.perf_counter() - start


def synthetic_article(i: int, speakers: list[str], vocabulary: list[str]) -> Article:
    """An article with 20 quotes, for filling a large database fast (no spaCy; frames read as at ingest)."""
    rng = random.Random(i)
    sentences = [" ".join(rng.choices(vocabulary, k=18)) + "." for _ in range(20)]
    text = "\n\n".join(sentences)
    quotes, offset = [], 0
    for sentence in sentences:
        speaker = rng.choice(speakers)
        quotes.append(Quote(text=sentence, start=offset, end=offset + len(sentence), kind="direct",
                            speaker=speaker, speaker_mention=speaker.split()[-1], cue="said"))
        offset += len(sentence) + 2
    year = 2010 + i % 15
    published = PublishedDate(f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}", "day", 0.9, [], "inferred")
    entities = [Entity(name=s, type="PERSON") for s in {q.speaker for q in quotes}]
    article = Article(id=content_id(f"synthetic {i}"), source=f"synthetic/{i}.txt", text=text,
                      title=f"Synthetic story {i}", outlet=f"Outlet {i % 40}", published=published,
                      entities=entities, quotes=quotes)
    read_frames(article)
    return article


def _latency_inputs() -> tuple[list[str], list[str]]:
    rng = random.Random(11)
    vocabulary = " ".join(paragraph_pool(sample_dir())).split()
    speakers = [f"{rng.choice(['Ana', 'Jon', 'Mara', 'Ilse', 'Teo', 'Lena'])} Speaker{k}" for k in range(2000)]
    return speakers, vocabulary


def _synthetic(i: int) -> Article:
    return synthetic_article(i, *_latency_inputs_cached())


@functools.cache
def _latency_inputs_cached() -> tuple[list[str], list[str]]:
    return _latency_inputs()


def build_latency_db(path: Path, n_quotes: int, jobs: int) -> tuple[list[str], list[str]]:
    """A database of ``n_quotes`` synthetic quotes, written in batches as workers make them."""
    speakers, vocabulary = _latency_inputs()
    if not path.exists():
        with open_store(str(path)) as store, multiprocessing.Pool(jobs) as pool:
            made = pool.imap(_synthetic, range(n_quotes // 20), chunksize=200)
            while batch := list(itertools.islice(made, 500)):
                store.add_many(batch)
    words_ = [w.strip(".,\"'“”") for w in vocabulary if w.isalpha() and len(w) > 4]
    return speakers, words_


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


def bench_latency(path: Path, speakers: list[str], vocabulary: list[str], runs: int = 60) -> dict[str, tuple]:
    rng = random.Random(3)
    timings: dict[str, list[float]] = {"search": [], "quotes --speaker": [], "timeline": []}
    try:
        from onrecord.analysis.timeline import timeline
    except ImportError:
        timeline = None
    with open_store(str(path)) as store:
        for _ in range(runs):
            for name, call in (
                ("search", lambda: store.search(rng.choice(vocabulary), limit=50)),
                ("quotes --speaker", lambda: store.quotes(speaker=rng.choice(speakers).split()[-1], limit=200)),
                ("timeline", (lambda: timeline(store, rng.choice(vocabulary), by_meaning=False)) if timeline else None),
            ):
                if call is None:
                    continue
                start = time.perf_counter()
                call()
                timings[name].append((time.perf_counter() - start) * 1000)
    return {name: percentiles(t) for name, t in timings.items() if t}


def peak_rss_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=600, help="generated articles (default: about a minute)")
    parser.add_argument("--input", type=Path, help="take articles from this folder instead of generating them")
    parser.add_argument("--jobs", type=int, default=2, help="processes for both the baseline and onrecord")
    parser.add_argument("--latency-quotes", type=int, default=1_000_000, help="quotes in the latency database (0: skip)")
    parser.add_argument("--latency-db", type=Path, help="reuse or keep the latency database at this path")
    args = parser.parse_args(argv)

    texts = read_articles(args.input, args.articles) if args.input else generate_articles(args.articles)
    n_words = words(texts)
    print(f"corpus: {len(texts)} articles, {n_words:,} words; {args.jobs} process(es)")
    nlp_stage.load()  # both sides start with the model loaded
    base = bench_spacy(texts, args.jobs)
    ours, articles = bench_onrecord(texts, args.jobs)
    print(f"spaCy full pipeline (batch 64): {n_words / base:10,.0f} words/s")
    print(f"onrecord extract:               {n_words / ours:10,.0f} words/s   ratio {base / ours:.2f}x")
    print(f"quotes found: {sum(len(a.quotes) for a in articles):,} in {len(articles)} articles")
    ingest = bench_ingest(articles)
    print(f"SQLite ingest:                  {len(articles) / ingest:10,.0f} articles/s")
    if args.latency_quotes:
        with tempfile.TemporaryDirectory() as tmp:
            path = args.latency_db or Path(tmp) / "latency.db"
            start = time.perf_counter()
            speakers, vocabulary = build_latency_db(path, args.latency_quotes, args.jobs)
            # Queries run as in a fresh CLI or web process: the corpus and model loaded above
            # would otherwise make the cyclic GC's full collections pause the timings.
            gc.collect()
            gc.freeze()
            print(f"latency database: {args.latency_quotes:,} quotes ready in {time.perf_counter() - start:.0f} s")
            for name, (p50, p95) in bench_latency(path, speakers, vocabulary).items():
                print(f"{name:18s} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")
    own, children = peak_rss_mb()
    print(f"peak RSS: {own:,.0f} MB (main process), {children:,.0f} MB (largest worker)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
