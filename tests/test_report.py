"""Tests of the HTML report and of the building blocks it shares with the web app.

The corpus and the stand-in for the analysis stage come from ``test_web``.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from test_web import ARTICLES, IMG, SCRIPT, build_store, positions  # noqa: F401  (positions is a fixture)

from onrecord.errors import QueryError
from onrecord.report import build_report
from onrecord.report.html import Span, context_bounds, highlight, layout, period, quote_in_context, timeline_svg
from onrecord.store import open_store


@pytest.fixture
def report(tmp_path: Path, positions) -> str:  # noqa: F811
    with open_store(build_store(tmp_path / "report.db")) as store:
        return build_report(store)


def _section(report: str, number: int) -> str:
    start = report.index(f'id="p-{number}"')
    end = report.find('<section', start + 1)
    return report[start:end]


def test_report_is_self_contained(report: str) -> None:
    assert report.startswith("<!doctype html>")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", report, re.I)
    assert "<script" not in report.lower() and "<link" not in report.lower()
    assert "@import" not in report and "url(" not in report
    assert "<style>" in report and "svg.timeline" in report  # the stylesheet is inlined
    assert "Content-Security-Policy" in report and "default-src 'none'" in report


def test_report_draws_one_marker_per_statement(report: str) -> None:
    assert _section(report, 1).count('<g class="marker"') == 3
    assert _section(report, 2).count('<g class="marker"') == 1
    first = _section(report, 1)
    assert first.count("<svg class=\"timeline\"") == 1
    assert "Condition: only if the border question is included" in first  # the hover text


def test_report_holds_the_speakers_table(report: str) -> None:
    table = report[report.index('<table class="data speakers">'):]
    rows = re.findall(r"<tr>\s*<td><b>([^<]*)</b>", table)
    assert rows[0] == "Pavel Orlen" and len(rows) == 3 and "Mara Tolvik" in rows


def test_report_shows_each_quote_highlighted_in_context(report: str) -> None:
    statement = _section(report, 1)
    assert re.search(r'<mark class="quote sp-0" data-speaker="Pavel Orlen">We are ready for talks', statement)
    assert "spokesman Pavel Orlen told reporters in Velgrad" in statement  # the text around it
    assert "new condition: the border question" in statement  # what changed
    assert "corpus/aaaa1111aaaa1111.txt" in statement  # the source


def test_report_escapes_untrusted_text(report: str) -> None:
    assert SCRIPT not in report and IMG not in report and not re.search(r"<img\b", report, re.I)
    assert "Rejection &lt;script&gt;alert(1)&lt;/script&gt;" in report
    assert "&lt;img src=x onerror=alert(1)&gt;" in report


def test_report_with_a_query_keeps_the_matching_positions(tmp_path: Path, positions) -> None:  # noqa: F811
    with open_store(build_store(tmp_path / "report.db")) as store:
        html = build_report(store, "border")
        assert "Varnia is ready for talks" in html and "Rejection" not in html
        assert "Positions matching “border”" in html
        with pytest.raises(QueryError):
            build_report(store, '"unterminated')


def test_report_without_positions_still_lists_speakers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import onrecord.analysis

    monkeypatch.setattr(onrecord.analysis, "find_positions", lambda store, speaker=None: [], raising=False)
    with open_store(build_store(tmp_path / "report.db")) as store:
        html = build_report(store)
    assert "No positions found in this database" in html and "Pavel Orlen" in html


# --- the shared building blocks -----------------------------------------------------------------


def test_highlight_escapes_text_and_marks_only_the_spans() -> None:
    text = "a <b>x</b> said: <i>yes</i> & no"
    start = text.index("<i>")
    html = highlight(text, [Span(start, start + len("<i>yes</i>"), "<Ann>", "sp-1", "q1", 'note "x"')])
    assert html == (
        'a &lt;b&gt;x&lt;/b&gt; said: <mark class="quote sp-1" data-speaker="&lt;Ann&gt;" id="q1" '
        'title="note &#34;x&#34;">&lt;i&gt;yes&lt;/i&gt;</mark> &amp; no'
    )


def test_highlight_clips_overlaps_and_slices_across_paragraphs() -> None:
    text = "one two three four"
    spans = [Span(4, 13, "A", "sp-0", "qa"), Span(8, 18, "B", "sp-1")]
    assert str(highlight(text, spans)) == (
        'one <mark class="quote sp-0" data-speaker="A" id="qa">two three</mark>'
        '<mark class="quote sp-1" data-speaker="B"> four</mark>'
    )
    # A paragraph that starts inside a quote marks its part, without the anchor.
    assert str(highlight(text, spans[:1], 8, 18)) == '<mark class="quote sp-0" data-speaker="A">three</mark> four'


def test_context_stays_in_the_paragraph_and_on_word_edges() -> None:
    text = "First paragraph.\nSome words before the quote here and some words after it.\nNext one."
    start = text.index("the quote")
    a, b = context_bounds(text, start, start + 9, radius=12)
    assert text[a:b] == "before the quote here and"  # cut words are left out
    a, b = context_bounds(text, start, start + 9, radius=500)
    assert text[a:b] == "Some words before the quote here and some words after it."


def test_quote_in_context_falls_back_to_the_quote_text() -> None:
    statement = {"text": "We are ready", "article_id": "gone"}
    assert str(quote_in_context(statement, None)) == '<mark class="quote sp-0">We are ready</mark>'
    moved = {"text": ARTICLES[0].quotes[0].text, "start": 99999, "end": 100010}  # stale offsets
    assert "<mark" in quote_in_context(moved, ARTICLES[0]) and "told reporters" in quote_in_context(moved, ARTICLES[0])


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2021-03-14", (dt.date(2021, 3, 14), dt.date(2021, 3, 14))),
        ("2021-02", (dt.date(2021, 2, 1), dt.date(2021, 2, 28))),
        ("2020", (dt.date(2020, 1, 1), dt.date(2020, 12, 31))),
        ("2021-02-30", None),
        ("soon", None),
        (None, None),
    ],
)
def test_period_of_partial_dates(value: str | None, expected) -> None:
    assert period(value) == expected


def _statements(*dates: str | None, speaker: str = "A") -> list[dict]:
    return [{"date": d, "speaker": speaker, "text": f"q{i}", "condition": f"if {i}", "outlets": ["O"],
             "article_id": "x", "source": "s"} for i, d in enumerate(dates)]


def test_layout_orders_by_date_and_stacks_same_day_statements() -> None:
    t = layout(_statements("2019-01-01", "2021-06-01", "2021-06-01", None) + _statements("2020", speaker="B"))
    assert len(t.markers) == 5 and [r.speaker for r in t.rows] == ["A", "B"]
    first, second, third, undated, yearly = t.markers
    assert first.x < second.x < undated.x
    assert third.x == second.x and (second.lane, third.lane) == (0, 1)  # same day: stacked, not overlapping
    assert third.y > second.y
    assert undated.x == t.undated_x and yearly.period is not None  # a year is drawn as a band
    assert [tick.label for tick in t.ticks] == ["2019", "2020", "2021"]


def test_timeline_svg_has_one_marker_per_statement_and_escapes() -> None:
    statements = _statements("2019-01-01", "2019-02-01", speaker=SCRIPT)
    statements[0]["condition"] = IMG
    svg = str(timeline_svg(statements, caption="T"))
    assert svg.count('<g class="marker"') == 2
    assert SCRIPT not in svg and IMG not in svg and "&lt;script&gt;" in svg
    assert timeline_svg([]) == ""
