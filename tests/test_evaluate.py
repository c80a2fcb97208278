"""The evaluation code, and the quality gate on the bundled sample corpus."""
from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.demo import sample_dir
from onrecord.evaluate import evaluate, evaluate_paths, pair_quotes, read_floors, same_speaker, similarity, words

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "gold, predicted, score",
    [
        ("We are open to dialogue.", "“We are open to dialogue,”", 1.0),
        ("we are open to dialogue", "we are open", 0.6),
        ("Élan vital", "elan VITAL", 1.0),
        ("nothing alike", "", 0.0),
    ],
)
def test_similarity_is_matched_words_over_the_longer(gold, predicted, score):
    assert similarity(words(gold), words(predicted)) == pytest.approx(score)


@pytest.mark.parametrize(
    "predicted, gold, aliases, same",
    [
        ("Lena Varga", "Lena Varga", [], True),
        ("Varga", "Lena Varga", [], True),
        ("President Varga", "Lena Varga", [], True),
        ("Anna Varga", "Lena Varga", [], False),
        ("the ferry company", "Nordsund Ferries", ["the ferry company"], True),
        (None, "Lena Varga", [], False),
    ],
)
def test_same_speaker(predicted, gold, aliases, same):
    assert same_speaker(predicted, gold, aliases) is same


def test_quotes_pair_one_to_one_best_first():
    gold = [{"text": "the fees stay where they are"}, {"text": "we can run the full timetable"}]
    predicted = [{"text": "we can run the full timetable this winter"}, {"text": "the fees stay where they are"}]
    assert sorted(pair_quotes(gold, predicted, 0.8)) == [(0, 1)]
    assert sorted(pair_quotes(gold, predicted, 0.3)) == [(0, 1), (1, 0)]


def test_evaluate_counts_misses():
    gold = [{"file": "a.txt", "title": "Ferry deal", "published": "2021-02-09", "published_precision": "day",
             "boilerplate": ["Add a comment"], "must_keep": ["The port authority raised its fees"],
             "quotes": [{"speaker": "Lena Varga", "kind": "direct", "text": "only if the fees stay"}],
             "timexes": [["on Tuesday", "2021-02-09"]]}]
    record = {"source": "dir/a.txt", "title": "Ferry deal", "text": "The port authority raised its fees.",
              "published": {"value": "2021-02-10"}, "timexes": [{"text": "on Tuesday", "value": "2021-02-09"}],
              "quotes": [{"text": "only if the fees stay", "speaker": "Varga", "kind": "direct"}]}
    metrics = evaluate([record], gold).metrics
    assert metrics["quote_f1_03"] == 1.0 and metrics["speaker_acc_03"] == 1.0
    assert metrics["date_exact"] == 0.0 and metrics["date_near"] == 1.0
    assert metrics["boiler_removed"] == 1.0 and metrics["keep_kept"] == 1.0 and metrics["timex_ok"] == 1.0


def test_sample_corpus_stays_above_its_floors():
    """The quality gate that needs no ../shared: the whole pipeline on the bundled sample."""
    scores = evaluate_paths(sorted(str(p) for p in sample_dir().glob("*.txt")), sample_dir() / "sample.gold.jsonl")
    failed = scores.below(read_floors(ROOT / "eval" / "sample-floors.txt"))
    assert not failed, "\n".join(failed + scores.misses)


@pytest.mark.parametrize("half", ["dev", "heldout", "fresh", "kremlin", "blind2", "blind3", "final", "blind4", "blind5", "blind6", "blind7",
                                  "blind8", "blind9", "blind10", "blind11", "blind12", "blind13"])
def test_the_dating_set_stays_above_its_floors(half):
    """Publication dates on 30-40 composed news pages per set (eval/dates), most without a date line."""
    folder = ROOT / "eval" / "dates"
    scores = evaluate_paths(sorted(str(p) for p in (folder / half).glob("*.txt")), folder / f"{half}.gold.jsonl")
    lines = (ROOT / "eval" / "dates-floors.txt").read_text(encoding="utf-8").splitlines()
    floors = {name.strip(): float(value) for line in lines if line.startswith(f"{half}:")
              for name, _, value in [line.split(":", 1)[1].partition("=")]}
    failed = scores.below(floors)
    assert floors and not failed, "\n".join(failed)
