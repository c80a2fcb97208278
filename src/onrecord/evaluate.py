"""Score extracted articles against hand-made gold records.

The gold format and the metrics are those of the development corpus
(``corpus/README.md``): one gold record per article file, with title,
outlet, publication date, boilerplate and must-keep lines, quotes with
their speakers, and time expressions. Quotes are compared as word sequences
(case, accents and quote marks folded); a pair scores matched words over the
longer of the two and pairs one-to-one at >= 0.3 (lenient) and >= 0.8 (strict).

``evaluate(articles, gold)`` returns a :class:`Scores` record; the CI gate
compares it with the floors kept in ``eval/floors.txt``.
"""
from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .records import Article

_HONORIFICS = frozenset("mr mrs ms dr sir president prime minister the a an secretary general governor senator "
                        "rep representative chancellor".split())
THRESHOLDS = {"03": 0.3, "08": 0.8}
CONFIDENT = 0.8  # a date given with this confidence or more must be right (within a day)


def words(text: str | None) -> list[str]:
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text or ""))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return re.findall(r"\w+", folded)


def _squash(text: str) -> str:
    return " ".join(words(text))


def similarity(gold: list[str], predicted: list[str]) -> float:
    """Matched words over the longer sequence: 1.0 only for the same words."""
    if not gold or not predicted:
        return 0.0
    blocks = difflib.SequenceMatcher(None, gold, predicted, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / max(len(gold), len(predicted))


def same_speaker(predicted: str | None, gold: str, aliases: Iterable[str]) -> bool:
    """Canonical name, an alias, or the surname of a multi-word gold name (titles ignored)."""
    mine = [w for w in words(predicted) if w not in _HONORIFICS]
    if not mine:
        return False
    for name in (gold, *aliases):
        if mine == [w for w in words(name) if w not in _HONORIFICS]:
            return True
    full = [w for w in words(gold) if w not in _HONORIFICS]
    return len(full) >= 2 and mine[-1] == full[-1] and (len(mine) == 1 or mine[0] == full[0])


def pair_quotes(gold: list[dict], predicted: list[dict], threshold: float) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing of gold and predicted quotes, best matches first."""
    gold_words = [[words(t) for t in (q["text"], *q.get("alt_text", []))] for q in gold]
    pred_words = [words(q.get("text")) for q in predicted]
    scored = sorted(
        ((max(similarity(g, p) for g in alts), i, j)
         for i, alts in enumerate(gold_words) for j, p in enumerate(pred_words)),
        reverse=True,
    )
    used_gold, used_pred, pairs = set(), set(), []
    for score, i, j in scored:
        if score < threshold:
            break
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    return pairs


@dataclass
class Scores:
    """Metric name -> value, and the misses that explain them."""

    metrics: dict[str, float]
    misses: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"metrics": self.metrics, "misses": self.misses}

    def below(self, floors: dict[str, float]) -> list[str]:
        return [f"{name}={self.metrics.get(name, 0.0):.3f} < {floor}"
                for name, floor in floors.items() if self.metrics.get(name, 0.0) < floor]


def _ratio(n: float, d: float) -> float:
    return n / d if d else 0.0


class _Tally:
    def __init__(self) -> None:
        self.count: Counter[str] = Counter()
        self.misses: list[str] = []

    def quotes(self, name: str, gold: list[dict], predicted: list[dict]) -> None:
        required = [q for q in gold if q.get("required", True)]
        self.count["gold_quotes"] += len(required)
        self.count["pred_quotes"] += len(predicted)
        for key, threshold in THRESHOLDS.items():
            self.count[f"pred_hit_{key}"] += len(pair_quotes(gold, predicted, threshold))
            hits = pair_quotes(required, predicted, threshold)
            self.count[f"gold_hit_{key}"] += len(hits)
            for i, j in hits:
                g, p = required[i], predicted[j]
                right = same_speaker(p.get("speaker"), g["speaker"], g.get("speaker_aliases", []))
                self.count[f"speaker_{key}"] += right
                self.count[f"kind_{key}"] += p.get("kind") == g.get("kind") or "mixed" in (p.get("kind"), g.get("kind"))
                if key == "03" and not right:
                    self.misses.append(f"{name}: speaker {p.get('speaker')!r} != {g['speaker']!r} for {g['text'][:50]!r}")
            if key == "03":
                found = {i for i, _ in hits}
                self.misses += [f"{name}: missed {q['kind']} quote {q['text'][:60]!r}"
                                for i, q in enumerate(required) if i not in found]

    def date(self, name: str, gold: dict, published: dict) -> None:
        value = gold.get("published")
        if not value:
            return
        self.count["dated"] += 1
        mine = str(published.get("value") or "")[:10]
        if gold.get("published_precision") == "month":
            exact = near = mine.startswith(value[:7]) and bool(mine)
        else:
            exact = mine == value
            near = len(mine) == 10 and abs((dt.date.fromisoformat(mine) - dt.date.fromisoformat(value)).days) <= 1
        self.count["date_exact"] += exact
        self.count["date_near"] += near
        self.count["date_year"] += bool(mine) and mine[:4] == value[:4]
        if float(published.get("confidence") or 0) >= CONFIDENT:
            self.count["dated_confident"] += 1
            self.count["date_confident_ok"] += near
        if not exact:
            self.misses.append(f"{name}: published {mine or None!r} != {value!r}")

    def text(self, name: str, gold: dict, text: str) -> None:
        body = _squash(text)
        for line in gold.get("boilerplate", []):
            gone = _squash(line) not in body
            self.count["boiler_lines"] += 1
            self.count["boiler_removed"] += gone
            if not gone:
                self.misses.append(f"{name}: boilerplate kept {line[:60]!r}")
        for line in gold.get("must_keep", []):
            kept = _squash(line) in body
            self.count["keep_lines"] += 1
            self.count["keep_kept"] += kept
            if not kept:
                self.misses.append(f"{name}: body line lost {line[:60]!r}")

    def timexes(self, name: str, gold: dict, predicted: list[dict]) -> None:
        for expression, value in gold.get("timexes", []):
            found = any(similarity(words(expression), words(t.get("text"))) >= 0.3
                        and str(t.get("value") or "").startswith(value) for t in predicted)
            self.count["timexes"] += 1
            self.count["timex_ok"] += found
            if not found:
                self.misses.append(f"{name}: timex {expression!r} -> {value} not found")

    def metadata(self, gold: dict, record: dict) -> None:
        if gold.get("title"):
            self.count["titles"] += 1
            self.count["title_ok"] += words(record.get("title")) == words(gold["title"])
        if gold.get("outlet"):
            self.count["outlets"] += 1
            self.count["outlet_ok"] += words(gold["outlet"])[0] in words(record.get("outlet"))

    def metrics(self) -> dict[str, float]:
        c = self.count
        out: dict[str, float] = {"articles": c["articles"], "gold_quotes": c["gold_quotes"],
                                 "pred_quotes": c["pred_quotes"]}
        for key in THRESHOLDS:
            precision = _ratio(c[f"pred_hit_{key}"], c["pred_quotes"])
            recall = _ratio(c[f"gold_hit_{key}"], c["gold_quotes"])
            speaker = _ratio(c[f"speaker_{key}"], c[f"gold_hit_{key}"])
            e2e_p, e2e_r = precision * speaker, _ratio(c[f"speaker_{key}"], c["gold_quotes"])
            out |= {f"quote_p_{key}": precision, f"quote_r_{key}": recall,
                    f"quote_f1_{key}": _ratio(2 * precision * recall, precision + recall),
                    f"speaker_acc_{key}": speaker, f"kind_acc_{key}": _ratio(c[f"kind_{key}"], c[f"gold_hit_{key}"]),
                    f"e2e_f1_{key}": _ratio(2 * e2e_p * e2e_r, e2e_p + e2e_r)}
        for name, total in (("date_exact", "dated"), ("date_near", "dated"), ("date_year", "dated"),
                            ("date_confident_ok", "dated_confident"),
                            ("boiler_removed", "boiler_lines"), ("keep_kept", "keep_lines"),
                            ("timex_ok", "timexes"), ("title_ok", "titles"), ("outlet_ok", "outlets")):
            if c[total]:
                out[name] = c[name] / c[total]
        if c["dated"] and not c["dated_confident"]:
            out["date_confident_ok"] = 1.0  # no confident answer, so none wrong
        return out


def evaluate(articles: Iterable[Article | dict], gold: Iterable[dict]) -> Scores:
    """Score article records (or their dicts) against gold records, matched by file name."""
    by_file = {}
    for article in articles:
        record = article.to_dict() if isinstance(article, Article) else article
        by_file[Path(str(record.get("source", ""))).name] = record
    tally = _Tally()
    for g in gold:
        name = g["file"]
        record = by_file.get(name)
        tally.count["articles"] += 1
        if record is None:
            tally.misses.append(f"{name}: no prediction")
            record = {}
        tally.quotes(name, g.get("quotes", []), record.get("quotes") or [])
        tally.date(name, g, record.get("published") or {})
        tally.text(name, g, record.get("text", ""))
        tally.timexes(name, g, record.get("timexes") or [])
        tally.metadata(g, record)
    return Scores(tally.metrics(), tally.misses)


def read_gold(path: str | Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def read_floors(path: str | Path) -> dict[str, float]:
    """``METRIC=VALUE`` lines; ``#`` starts a comment."""
    floors = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, value = line.partition("=")
            floors[name.strip()] = float(value)
    return floors


def evaluate_paths(paths: Iterable[str], gold_path: str | Path, *, jobs: int = 1) -> Scores:
    """Run the pipeline over ``paths`` and score the articles against the gold file."""
    from .pipeline import extract_paths

    articles = [a for a in extract_paths(paths, jobs=jobs) if isinstance(a, Article)]
    return evaluate(articles, read_gold(gold_path))
