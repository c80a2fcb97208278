"""Timeline: statements matching a query, in date order, copies merged, each change against the previous one."""
from __future__ import annotations

import pytest

from onrecord.analysis.timeline import timeline, to_markdown
from onrecord.records import Article, Entity, Paragraph, PublishedDate, Quote
from onrecord.store import open_store

LEAD = "Varnia is ready for talks with Kestria"
STORIES = [
    # (id, outlet, published, text, condition)
    ("a2023", "Velgrad Times", "2023-11", f"{LEAD}, provided that the sanctions are lifted first, Varga said.",
     "provided that the sanctions are lifted first"),
    ("a2017", "Harbour Gazette", "2017-10-12", f"{LEAD} on a broad agenda, Varga said on Thursday.", None),
    ("a2021", "Harbour Gazette", "2021-02-02",
     f"{LEAD} if the new government is ready to do the same, Varga said. The new cabinet was sworn in last week "
     "after an election that ended years of coalition rule, and diplomats called it a real opening.",
     "if the new government is ready to do the same"),
    ("b2021", "Continental Ledger", "2021-02-02",
     f"VELGRAD (MP) - {LEAD} if the new government is ready to do the same, Varga said. The new cabinet was "
     "sworn in last week after an election that ended years of coalition rule, and diplomats called it a real opening.",
     "if the new government is ready to do the same"),
    ("c2019", "Pulse", "2019-03-15", "The harbour will reopen in spring, the mayor said.", None),
]


def _article(id_: str, outlet: str, published: str, text: str, condition: str | None) -> Article:
    end = text.index(", Varga said") if "Varga" in text else text.index(", the mayor")
    start = text.index("Varnia") if "Varnia" in text else 0
    speaker = "Lena Varga" if "Varga" in text else "mayor"
    quote = Quote(text[start:end], start, end, "indirect", speaker=speaker, condition=condition)
    precision = "day" if len(published) == 10 else "month"
    return Article(id=id_ * 2, source=f"{id_}.txt", text=text, outlet=outlet,
                   published=PublishedDate(published, precision, 0.9), paragraphs=[Paragraph(0, len(text))],
                   entities=[Entity("Lena Varga", "PERSON", roles=["Varnian foreign minister"]),
                             Entity("Kestria", "GPE")], quotes=[quote])


@pytest.fixture()
def store():
    with open_store(":memory:") as s:
        s.add_many(_article(*story) for story in STORIES)
        yield s


def test_entries_in_date_order_with_copies_merged(store):
    entries = timeline(store, "talks", by_meaning=False)
    assert [e.date for e in entries] == ["2017-10-12", "2021-02-02", "2023-11"]
    assert sorted(entries[1].outlets) == ["Continental Ledger", "Harbour Gazette"]
    assert len(entries[1].copies) == 1


def test_each_entry_keeps_its_source_offsets(store):
    for e in timeline(store, "talks", by_meaning=False):
        article = store.get(e.article_id)
        assert article.text[e.start : e.end] == e.text


def test_change_against_the_previous_statement_of_the_position(store):
    first, second, third = timeline(store, "talks", by_meaning=False)
    assert first.position == second.position == third.position is not None
    assert first.change is None
    assert second.change.added == ["government", "ready"] and second.change.dropped == ["broad", "agenda"]
    assert "sanctions" in third.change.added


def test_since_until_and_no_match(store):
    assert [e.date for e in timeline(store, "talks", since="2018", until="2022", by_meaning=False)] == ["2021-02-02"]
    assert timeline(store, "ferry", by_meaning=False) == []


def test_markdown_cites_every_quote(store):
    text = to_markdown(timeline(store, "talks", by_meaning=False))
    lines = text.splitlines()
    assert lines[0].startswith("| Date | Speaker")
    assert len(lines) == 2 + 3
    assert "a2017a2017:0-" in text and "adds: government" in text
