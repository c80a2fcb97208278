"""Time expressions: finding them, their tense, and resolving them against a publication date."""
from __future__ import annotations

import pytest

from onrecord.records import PublishedDate
from onrecord.timex import Mention, find_timexes, resolve, resolve_one


def only(text: str) -> Mention:
    found = find_timexes(text)
    assert len(found) == 1, [m.text for m in found]
    return found[0]


@pytest.mark.parametrize("text, words, kind, parts", [
    ("The envoy said on Sunday, January 24, that talks were possible.", "on Sunday, January 24", "date",
     {"weekday": 6, "month": 1, "day": 24, "year": None}),
    ("Officials met on 3 May 2019 in Oslo.", "on 3 May 2019", "date", {"day": 3, "month": 5, "year": 2019}),
    ("Published: 15.05.2019 12:30", "15.05.2019 12:30", "date", {"day": 15, "month": 5, "year": 2019, "time": "12:30"}),
    ("Posted 2021-01-24T08:15 by the desk", "2021-01-24T08:15", "date", {"year": 2021, "month": 1, "day": 24}),
    ("Updated 03/04/2022 at noon", "03/04/2022", "date", {"month": 3, "day": 4, "year": 2022}),
    ("A picture taken on July 16, 2018, shows the port.", "on July 16, 2018", "date", {"month": 7, "day": 16, "year": 2018}),
    ("The talks ended on Sept. 9.", "on Sept. 9", "date", {"month": 9, "day": 9}),
    ("The mayor spoke after the November 3 vote in the city.", "the November 3 vote", "date", {"month": 11, "day": 3}),
    ("The pact runs out in 2026.", "in 2026", "year", {"year": 2026}),
    ("Turnout in the 2016 regional election was low.", "the 2016 regional election", "year", {"year": 2016}),
    ("The council met last week.", "last week", "relative", {"unit": "week", "offset": -1}),
    ("The council met earlier this month.", "earlier this month", "relative", {"unit": "month", "offset": 0}),
    ("The firm was founded three years ago.", "three years ago", "relative", {"unit": "year", "offset": -3}),
    ("The minister resigned yesterday.", "yesterday", "relative", {"unit": "day", "offset": -1}),
    ("Works will start in early March.", "in early March", "month", {"month": 3}),
    ("Prices rose in March 2020.", "in March 2020", "month", {"month": 3, "year": 2020}),
    ("Voters will decide on Monday.", "on Monday", "weekday", {"weekday": 0}),
    ("He flew home last Friday.", "last Friday", "weekday", {"weekday": 4, "offset": -1}),
    ("The choir sang on Orthodox Easter.", "on Orthodox Easter", "holiday", {"holiday": "orthodox easter"}),
    ("They exchanged New Year greetings.", "New Year", "holiday", {"holiday": "new year"}),
])
def test_finds_each_kind(text: str, words: str, kind: str, parts: dict) -> None:
    m = only(text)
    assert (m.text, m.kind) == (words, kind)
    assert text[m.start:m.end] == m.text
    for key, value in parts.items():
        assert getattr(m, key) == value, key


@pytest.mark.parametrize("text", [
    "Officials may meet again soon.",
    "Biden would seek a 5-year extension to the deal.",
    "Thousands will march through the centre. March with us, the poster said.",
    "The Sunday Times reported the story first.",
    "The helpline is open 24/7.",
    "The home side won 3-1 after extra time.",
    "Some 2,026 people signed the petition.",
    "The ministry sent 2024 troops to the border.",
    "Prime Minister Theresa May, 62, spoke first.",
    "A letter from May reached the committee.",
    "They recalled Bloody Sunday and Black Friday sales.",
    "Resolution 2231 and flight 2019 were discussed.",
    "The plan could undermine the Good Friday Agreement, and the Christmas Island centre will stay open.",
])
def test_no_false_hits(text: str) -> None:
    assert find_timexes(text) == []


@pytest.mark.parametrize("text, tense, scheduled", [
    ("The spokesman said on Sunday that talks would go on.", "past", False),
    ("Leaders will meet on Monday in Paris.", "future", False),
    ("The treaty is due to expire on February 5.", "future", True),
    ("It was up to them whether to hold a new meeting in 2019.", "future", False),
    ("The plant was built in 1986 near the river.", "past", False),
    ("She calls 2016 an example.", None, False),
    ("The summit is set for June 16 in Geneva.", "future", False),
    ("The stockpile is to be eliminated or removed in the first half of 2014.", "future", False),
    ("He warned that if Russia interfered in 2020 ties would suffer.", None, False),
    ("The final step was pushed back by four weeks to 19 July.", None, False),
    ("It trimmed its forecasts for China to 5.0 percent in 2023 and 4.2 percent in 2024.", "future", False),
    ("He will be the oldest president when he is inaugurated on January 20.", "future", False),
    ("Leaders are expected to adopt them at a summit on 29 April.", "future", False),
])
def test_tense_from_the_clause(text: str, tense: str | None, scheduled: bool) -> None:
    m = find_timexes(text)[0]
    assert (m.tense, m.scheduled) == (tense, scheduled)


SUNDAY = PublishedDate("2021-01-24", "day")  # a Sunday


@pytest.mark.parametrize("text, value", [
    ("The envoy said on Sunday that talks were possible.", "2021-01-24"),
    ("The envoy spoke on Friday.", "2021-01-22"),
    ("Leaders will meet on Monday.", "2021-01-25"),
    ("Leaders meet next Tuesday.", "2021-01-26"),
    ("He called last Sunday.", "2021-01-17"),
    ("Putin congratulated him after the November 3 vote.", "2020-11-03"),
    ("The treaty is due to expire on February 5.", "2021-02-05"),
    ("The panel met on December 30.", "2020-12-30"),
    ("The hearing is set for January 27.", "2021-01-27"),
    ("Protests were held on Saturday, January 23.", "2021-01-23"),
    ("The White House said last week that it agreed.", "2021-W02"),
    ("Sales fell earlier this month.", "2021-01"),
    ("Prices rose last year.", "2020"),
    ("The minister resigned yesterday.", "2021-01-23"),
    ("The firm was founded three years ago.", "2018"),
    ("Works will start in March.", "2021-03"),
    ("They spoke on Christmas.", "2020-12-25"),
    ("The pact runs out in 2026.", "2026"),
    ("Published: 15.05.2019 12:30", "2019-05-15T12:30"),
])
def test_resolves_against_the_publication_date(text: str, value: str) -> None:
    [expr] = resolve(find_timexes(text), SUNDAY)
    assert expr.value == value
    assert expr.anchor == "2021-01-24"


@pytest.mark.parametrize("text, anchor, value", [
    ("The envoy said on Sunday that talks were possible.", "2023-12", "2023-12"),
    ("Sales fell last month.", "2023-12", "2023-11"),
    ("The panel met on November 30.", "2023-12", "2023-11-30"),
    ("Prices rose last year.", "2023", "2022"),
    ("The envoy spoke on Friday.", None, None),
    ("The treaty was signed on May 26, 1972.", None, "1972-05-26"),
])
def test_partial_or_missing_anchor(text: str, anchor: str | None, value: str | None) -> None:
    assert resolve_one(find_timexes(text)[0], anchor) == value


@pytest.mark.parametrize("text, words, kind, parts", [
    ("Ties are worse than at any time since the ’90s, the envoy said.", "the ’90s", "decade", {"year": 1990}),
    ("Trade peaked in the late '90s.", "the late '90s", "decade", {"year": 1990}),
    ("Talks broke down in the spring of 2016.", "in the spring of 2016", "season", {"year": 2016, "season": "SP"}),
    ("The plant will reopen next spring.", "next spring", "season", {"season": "SP", "offset": 1}),
    ("In February last year, the spokesman spoke.", "In February last year", "month",
     {"month": 2, "year_offset": -1}),
    ("Shares rose on Thursday, the last day of February.", "on Thursday, the last day of February", "date",
     {"month": 2, "weekday": 3, "last_day": True}),
    ("It was the last game of the 2018-19 season.", "the 2018-19 season", "year", {"year": 2018, "end_year": 2019}),
    ("Relations have been frozen since 2016, when clashes broke out.", "since 2016", "year", {"year": 2016}),
    ("Russians vote on March 15-17.", "on March 15-17", "date", {"month": 3, "day": 15}),
])
def test_finds_new_kinds(text: str, words: str, kind: str, parts: dict) -> None:
    m = only(text)
    assert (m.text, m.kind) == (words, kind)
    for key, value in parts.items():
        assert getattr(m, key) == value, key


def test_years_before_a_comma_are_found() -> None:
    found = [m.text for m in find_timexes("Trade fell to $310 million in 2020, about a third of its 2015 level.")]
    assert found[0] == "in 2020" and "2015" in found[1]


@pytest.mark.parametrize("text, tense, anterior", [
    ("The vote had been due to take place on Thursday, September 15, but was postponed.", "past", True),
    ("The verdict had first been expected on Thursday, July 2.", "past", True),
    ("The union has called a rally for Saturday, November 24.", "future", False),
    ("The president promised the fans a parade on Saturday, June 1.", "future", False),
    ("The treaty was due to expire on February 5.", None, False),
    # "said" only reports: the clause's own verb looks ahead, so "ahead of" still does
    ("Analysts said Beijing was likely to raise pressure ahead of the inauguration on May 20.", "future", False),
    ("Analysts said prices rose ahead of the vote on May 20.", None, False),
    ("The document sets a ceasefire starting at 00:00 Kyiv time on Feb. 15.", "future", False),
])
def test_tense_of_plans(text: str, tense: str | None, anterior: bool) -> None:
    m = find_timexes(text)[0]
    assert (m.tense, m.anterior) == (tense, anterior)


@pytest.mark.parametrize("text, value", [
    ("Trade peaked in the late '90s.", "199"),
    ("Talks broke down in the spring of 2016.", "2016-SP"),
    ("Prices rose last summer.", "2020-SU"),
    ("The plant will reopen next spring.", "2021-SP"),
    ("In February last year, the spokesman spoke.", "2020-02"),
    ("The offer was first made last October.", "2020-10"),
    ("It was the last game of the 2018-19 season.", "2018"),
])
def test_resolves_new_kinds(text: str, value: str) -> None:
    [expr] = resolve(find_timexes(text), SUNDAY)
    assert expr.value == value


def test_last_day_of_a_month_depends_on_the_year() -> None:
    m = find_timexes("Shares rose on the last day of February.")[0]
    assert resolve_one(m, "2024-03-01") == "2024-02-29" and resolve_one(m, "2023-03-02") == "2023-02-28"


@pytest.mark.parametrize("text, anchor, value", [
    ("The envoy spoke on Friday.", "2023", "2023"),
    ("The minister resigned yesterday.", "2023-12", "2023-12"),
    ("The panel met on March 5.", "2023", "2023-03-05"),
    ("Prices rose last summer.", "2023-12", "2023-SU"),
])
def test_best_partial_value_against_a_coarse_anchor(text: str, anchor: str, value: str) -> None:
    assert resolve_one(find_timexes(text)[0], anchor) == value


@pytest.mark.parametrize("words", ["this morning", "this evening", "tonight"])
def test_a_part_of_today_is_the_day_itself(words: str) -> None:
    m = find_timexes(f"The minister resigned {words} in a letter.")[0]
    assert (m.kind, m.unit, m.offset) == ("relative", "day", 0)
