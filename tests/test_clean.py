"""The plain-text cleaner: chrome out, body in, title/outlet/wire found."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from onrecord.clean import LineStats, clean, clean_extracted

PAGES = Path(__file__).parent / "fixtures" / "pages"


def _page(*lines: str) -> str:
    return "\n\n".join(lines)


BODY = (
    "The city council voted on Tuesday to extend the night bus service to the harbour district, "
    "after two years of complaints from shift workers.",
    "Councillor Ana Reyes said the change would cost less than the overtime paid to taxi drivers last winter.",
    "The new timetable starts next month and will be reviewed after six months, the council said.",
)


@pytest.mark.parametrize(
    "chrome",
    [
        "Add a comment",
        "Sort by",
        "Comments are closed",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "There are no comments yet. Add your comment to start the conversation.",
        "Download the Harbour Gazette App!",
        "Sign up for our morning newsletter",
        "SHARE THIS ARTICLE",
        "READ ALSO: Mayor opens new library in the old customs house",
        "Related: Ferry fares to rise in spring",
        "Photo: J. Doe/Meridian Press",
        "Photo from Google",
        "Stock quotes supplied by Barchart",
        "Quotes delayed at least 20 minutes.",
        "By accessing this page, you agree to the following",
        "Privacy Policy and Terms and Conditions.",
        "© 2022 Lantern Media. All rights reserved.",
        "We use cookies to improve your experience on our site.",
        "Home » News » Local",
        "News / Politics / Europe",
        "www.harbourgazette.com",
        "Loading",
        "Advertisement",
        "Hi, what are you looking for?",
        "This is AI generated summarization, which may have errors. For context, always refer to the full article.",
        "MAYOR'S BUDGET PLAN FACES REVOLT AS COUNCILLORS DEMAND SPENDING CUTS, SOURCES SAY",
        "Type and press Enter to search",
        "HRBR  Harbour Holdings  12.40  -1.3%",
        "Politics · Economy · Region · Culture · Sport",
        "Trending",
        "OK, got it",
        "Your email will not be shown publicly. Fields marked * are required",
        "Get the day's top stories in your inbox every morning.",
        "You are reading 2 of 5 free articles this month. Subscribe for unlimited access.",
        "Top Stories  Local  World  Harbour  Politics  Business",
    ],
)
def test_chrome_line_is_removed(chrome):
    cleaned = clean(_page("Night buses to run until 3 a.m. from next month", chrome, *BODY))
    assert chrome not in cleaned.text
    assert chrome in cleaned.removed


@pytest.mark.parametrize(
    "body_line",
    [
        "The court said the comment section of the site was closed after threats.",
        "Share prices in Velgrad rose 3% after the announcement, the exchange said.",
        "\"We will not back down,\" she said.",
        "The vote is due on Thursday.",
        "Implications for the harbour",
    ],
)
def test_body_line_with_chrome_words_is_kept(body_line):
    cleaned = clean(_page("Night buses to run until 3 a.m. from next month", BODY[0], body_line, *BODY[1:]))
    assert body_line in cleaned.text


def test_headline_printed_twice_is_kept_once_with_its_kicker():
    raw = _page("Local transport", "Night buses to run until 3 a.m. from next month", "Meridian Press",
                "Night buses to run until 3 a.m. from next month", *BODY)
    cleaned = clean(raw)
    assert cleaned.title == "Night buses to run until 3 a.m. from next month"
    assert cleaned.text.count(cleaned.title) == 1
    assert [p.kind for p in cleaned.paragraphs[:2]] == ["kicker", "headline"]
    assert "Meridian Press" in cleaned.removed


@pytest.mark.parametrize(
    "lines, outlet",
    [
        ((*BODY[:-1], BODY[-1] + " – HarbourGazette.com"), "Harbour Gazette"),
        ((*BODY, "Download the Lantern App!"), "Lantern"),
        ((*BODY, "© 2021 The Daily Lantern. All rights reserved."), "The Daily Lantern"),
        ((*BODY, "Velgrad Today's website can also be accessed at the following alternate addresses:"), "Velgrad Today"),
        (BODY, None),
    ],
)
def test_outlet_from_signature(lines, outlet):
    cleaned = clean(_page("Night buses to run until 3 a.m. from next month", *lines))
    assert cleaned.outlet == outlet
    assert ".com" not in cleaned.text


@pytest.mark.parametrize(
    "lines, wire",
    [
        (("Reuters", *BODY), "Reuters"),
        (("VELGRAD, May 15 (MP) – " + BODY[0], *BODY[1:]), "MP"),
        (("Photo: Sputnik/A. Petrov/Kremlin via Reuters", *BODY), None),
        (BODY, None),
    ],
)
def test_wire(lines, wire):
    assert clean(_page("Night buses to run until 3 a.m. from next month", *lines)).wire == wire


@pytest.mark.parametrize("masthead, outlet", [("THE VELGRAD LEDGER", "The Velgrad Ledger"),
                                              ("Northline News", "Northline News"),
                                              ("VARNIA TODAY · English edition", "Varnia Today")])
def test_masthead_names_the_outlet_and_is_removed(masthead, outlet):
    cleaned = clean(_page(masthead, "Night buses to run until 3 a.m. from next month", *BODY))
    assert cleaned.outlet == outlet
    assert cleaned.title == "Night buses to run until 3 a.m. from next month"
    assert masthead in cleaned.removed


def _kinds(cleaned):
    return {cleaned.text[p.start:p.end]: p.kind for p in cleaned.paragraphs}


@pytest.mark.parametrize("caption", [
    "In this file photo taken on July 16, 2016, Mayor Ana Reyes cuts the ribbon at the depot. (AFP)",
    "[Photo caption: Ferries wait in the harbour at Port Aven. (Stringer/File)]",
    "HARBOUR. Mayor Ana Reyes attends the opening of the new depot.",
])
def test_caption_is_kept_and_marked(caption):
    cleaned = clean(_page("Night buses to run until 3 a.m. from next month", caption, *BODY))
    assert _kinds(cleaned)[caption] == "caption"


@pytest.mark.parametrize("lead", [
    "U.S. President Ana Reyes cancelled a planned meeting with the council on Thursday, citing the strike.",
    "MOSCOW. The ministry will expel 60 diplomats, the foreign minister told reporters on Thursday.",
])
def test_a_lead_opening_with_capitals_is_no_caption(lead):
    cleaned = clean(_page("Ministry to expel 60 diplomats, close consulate in St. Petersburg", lead, *BODY))
    assert _kinds(cleaned)[lead] != "caption"
    assert cleaned.title == "Ministry to expel 60 diplomats, close consulate in St. Petersburg"


@pytest.mark.parametrize("chrome", [
    "HARBOUR NEWS - Atlantic Broadcast Network",
    "Port Aven Gazette | Part of the Coastal Media Network",
    "Harbour Wire Digest",
    "News from around the coast, updated around the clock",
    "Live: Traffic and weather updates",
    "City reporter | 8:14 AM PDT",
    "[Video: Council leader explains the plan (1:58)]",
    "Local  Sports  Business  World  Opinion  e-Edition",
    "URL: https://www.harbourgazette.example/local/2024/05/12/night-buses",
    "Independent reporting on the harbour district",
    "A blog about buses, ferries and the people who ride them",
    "International Edition in English",
    "Follow topic: Harbour transport",
    "Breaking: Ferry strike called off — live updates ›",
    "Story cluster: Night buses · 214 articles",
])
def test_the_headline_is_not_the_sites_own_line(chrome):
    title = "Night buses to run until 3 a.m. from next month, Twitter users cheer"
    cleaned = clean(_page(chrome, title, *BODY))
    assert cleaned.title == title


@pytest.mark.parametrize("title", [
    "Council fired its transport chief. Now drivers want him back",
    "Court strikes down Reyes v. Harbour ruling; buses stop within hours",
])
def test_headlines_with_a_full_stop_inside(title):
    assert clean(_page("HARBOUR GAZETTE", title, *BODY)).title == title


def test_paragraph_offsets_point_into_text():
    cleaned = clean(_page("Night buses to run until 3 a.m. from next month", "Share", *BODY, "Loading"))
    assert [cleaned.text[p.start:p.end] for p in cleaned.paragraphs] == [cleaned.title, *BODY]


def test_lines_repeated_across_pages_of_a_run_are_removed():
    chrome = "Velgrad Evening Post Roku"
    stats = LineStats()
    pages = [_page(f"Story number {i} about the harbour district", *BODY, chrome) for i in range(3)]
    for page in pages:
        stats.add_page(page)
    assert chrome not in clean(pages[0], stats=stats).text


def test_extracted_html_text_is_not_cleaned_again():
    cleaned = clean_extracted("\n\n".join(BODY), title="Night buses")
    assert cleaned.removed == []
    assert cleaned.paragraphs[0].kind == "headline"
    assert cleaned.text.endswith(BODY[-1])


def _without_signature(line: str) -> str:
    """A body line as kept: an outlet signature ("– Tambuli.com", "| The Daily Lantern") is split off."""
    return re.sub(r"\s+[–—|]\s*[A-Z][\w .&'-]*$", "", line) if re.search(r"[.!?\"”]\s+[–—|]\s*[A-Z]", line) else line


def _labelled_pages():
    labels = PAGES / "labels.jsonl"
    if not labels.exists():
        return []
    return [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_hand_written_pages_clean_well():
    """Tuning set: at least 30 hand-written pages in several site styles, scored like the seed gate."""
    pages = _labelled_pages()
    assert len(pages) >= 30
    stats = LineStats()
    raws = {p["file"]: (PAGES / p["file"]).read_text(encoding="utf-8") for p in pages}
    for raw in raws.values():
        stats.add_page(raw)
    misses, removed, kept, titles = [], 0, 0, 0
    n_boiler = sum(len(p["boilerplate"]) for p in pages)
    n_keep = sum(len(p["keep"]) for p in pages)
    for page in pages:
        cleaned = clean(raws[page["file"]], stats=stats)
        body = " ".join(cleaned.text.split())
        for line in page["boilerplate"]:
            gone = " ".join(line.split()) not in body
            removed += gone
            if not gone:
                misses.append(f"{page['file']}: kept chrome {line!r}")
        for line in page["keep"]:
            ok = " ".join(_without_signature(line).split()) in body
            kept += ok
            if not ok:
                misses.append(f"{page['file']}: lost body {line!r}")
        titles += cleaned.title == page["title"]
        if cleaned.title != page["title"]:
            misses.append(f"{page['file']}: title {cleaned.title!r} != {page['title']!r}")
    report = "\n".join(misses)
    assert removed / n_boiler >= 0.97, report
    assert kept / n_keep >= 0.98, report
    assert titles / len(pages) >= 0.95, report


def test_a_dateline_alone_on_its_line_leaves_the_text_but_reaches_dating():
    page = (
        "Harbour Wire - English News\n\n"
        "Coalition wins Lysander vote by a wide margin\n\n"
        "Port Aven, Jan. 9 (HW)\n\n"
        "The governing coalition won Saturday's parliamentary election in Lysander by a wide margin, "
        "official results showed on Sunday, handing Prime Minister Ora Venn a third term.\n\n"
        '"The voters have spoken clearly," Venn told supporters in the capital late on Saturday.'
    )
    cleaned = clean(page)
    assert "Port Aven, Jan. 9 (HW)" not in cleaned.text
    assert cleaned.stamps == ["Port Aven, Jan. 9 (HW)"]


def test_the_pages_own_address_on_the_first_line_reaches_dating_but_related_links_do_not():
    page = (
        "https://www.harbourledger.example/business/2024/06/05/rate-cut/\n\n"
        "Harbour Ledger\n\n"
        "Central bank cuts its key rate for the first time in four years\n\n"
        "The central bank of Lysander cut its key interest rate by a quarter point on Wednesday, the first "
        "cut in four years, and said further easing was likely if inflation kept falling.\n\n"
        "Related\n\n"
        "https://www.harbourledger.example/business/2024/06/12/banks-follow/"
    )
    cleaned = clean(page)
    assert cleaned.stamps == ["https://www.harbourledger.example/business/2024/06/05/rate-cut/"]


def test_a_prose_tagline_above_the_headline_does_not_hide_it():
    title = "Night buses to run until 3 a.m. from next month"
    page = _page("HARBOUR NOTES\nTransport news, minus the spin. A one-person blog.", "Home  |  About  |  Contact",
                 title, "Posted on May 12, 2024 by Ann Reyes", *BODY)
    assert clean(page).title == title


@pytest.mark.parametrize("tagline", [
    "Selmport's news source since 1889",
    "HARBOUR LEDGER — Lysander news in English",
    "Finland's English-language news since 2009",
    "Analysis and commentary on transatlantic security",
    "The independent EU affairs briefing",
    "News from Havana to Port of Spain",
])
def test_a_sites_tagline_is_not_the_headline(tagline):
    title = "Night buses to run until 3 a.m. from next month"
    page = _page(tagline, "Home  |  About  |  Contact", title, *BODY)
    assert clean(page).title == title


def test_a_headline_ending_in_since_a_year_is_still_the_headline():
    title = "Trump wins Wisconsin, first Republican to carry state since 1984"
    assert clean(_page("Politics", title, *BODY)).title == title
