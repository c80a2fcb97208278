"""The whole pipeline over varied pages: every article comes out whole, with sound offsets."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from onrecord.demo import sample_dir
from onrecord.pipeline import process
from onrecord.records import Article, Document, Failure

PAGES = Path(__file__).parent / "fixtures" / "pages"


def _check_offsets(article: Article) -> None:
    text = article.text
    for p in article.paragraphs:
        assert 0 <= p.start <= p.end <= len(text)
    for q in article.quotes:
        assert text[q.start:q.end] == q.text, q
    for t in article.timexes:
        assert text[t.start:t.end] == t.text, t


def _run(documents: list[Document], jobs: int = 1) -> list[Article | Failure]:
    return list(process(documents, jobs=jobs))


def test_every_hand_written_page_gives_a_sound_article():
    documents = [Document(source=str(p), text=p.read_text(encoding="utf-8")) for p in sorted(PAGES.glob("*.txt"))]
    results = _run(documents)
    assert [r.source for r in results] == [d.source for d in documents]
    failures = [r for r in results if isinstance(r, Failure)]
    assert not failures, failures
    for article in results:
        _check_offsets(article)


def _shuffled_pages(n: int, seed: int) -> list[Document]:
    """Pages made of paragraphs of the sample corpus in random order: unusual contexts for every stage."""
    rng = random.Random(seed)
    pool = [b.strip() for p in sorted(sample_dir().glob("*.txt"))
            for b in p.read_text(encoding="utf-8").split("\n\n") if len(b.split()) >= 8]
    return [Document(source=f"shuffled/{seed}-{i}.txt", text="\n\n".join(rng.sample(pool, rng.randint(3, 12))))
            for i in range(n)]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_shuffled_pages_never_break_a_stage(seed):
    results = _run(_shuffled_pages(12, seed))
    failures = [r for r in results if isinstance(r, Failure)]
    assert not failures, failures
    for article in results:
        _check_offsets(article)


def test_hostile_markup_in_plain_text_stays_text():
    text = ("Council approves harbour budget\n\n"
            "The council approved the budget on Tuesday. <script>alert(1)</script> "
            "\"We will <img src=x onerror=alert(1)> fund the ferries,\" the mayor said.\n\n"
            "The vote was 7 to 2.")
    (article,) = _run([Document(source="hostile.txt", text=text)])
    assert isinstance(article, Article)
    assert "<script>alert(1)</script>" in article.text  # kept verbatim as text; escaping is the viewer's job
    _check_offsets(article)


def test_parallel_results_equal_serial_results():
    documents = _shuffled_pages(70, 9)  # more than two chunks, so workers really start
    serial = [r.to_dict() for r in _run(documents, jobs=1)]
    parallel = [r.to_dict() for r in _run(documents, jobs=2)]
    assert parallel == serial


def test_pages_with_chrome_and_a_story_title_never_break_a_stage():
    """The benchmark's page shape (chrome, "Story N: ..." headline, 8-14 paragraphs); seed 7 once broke entities."""
    rng = random.Random(7)
    pool = [b.strip() for p in sorted(sample_dir().glob("*.txt"))
            for b in p.read_text(encoding="utf-8").split("\n\n") if len(b.split()) >= 15]
    pages = []
    for i in range(26):
        body = rng.sample(pool, rng.randint(8, min(14, len(pool))))
        title = f"Story {i}: " + " ".join(body[0].split()[:8])
        pages.append(Document(source=f"story/{i}.txt", text="\n\n".join(["Share this article", title, *body])))
    failures = [r for r in _run(pages) if isinstance(r, Failure)]
    assert not failures, failures


def test_the_fast_attribute_rules_match_exactly_what_spacys_matcher_matches():
    from onrecord import nlp as nlp_stage

    nlp = nlp_stage.load()
    ruler = nlp.get_pipe("attribute_ruler")
    matcher_match = type(ruler).match.__get__(ruler)  # the ruler's own, Matcher-based method
    texts = [
        "I ain't got nothin' to say, y' know, and I'd rather not, he said.",
        "She doesn't think it's over: \"We're ready, we've waited, and they'll see.\"",
        "The ministers, who had been told that it was done, did not say whether it will be.",
        "  Spaces   and\n\nbreaks -- plus a tab\tand 'quotes' that aren't closed",
    ] + [p.read_text(encoding="utf-8") for p in sorted(sample_dir().glob("*.txt"))[:3]]
    for doc in nlp.pipe(texts):
        assert ruler.match(doc) == matcher_match(doc)
    assert "match" in vars(ruler)  # the fast one is in place
