"""Entities: one canonical name per person, roles, types, and what a speaker mention refers to.

All texts are invented for these tests (fictional names).
"""
from __future__ import annotations

import pytest

from onrecord import cues, nlp
from onrecord.entities import Discourse, Registry, clean_name


@pytest.fixture(scope="module")
def pipeline():
    return nlp.load()


def registry(pipeline, text: str) -> Registry:
    return Registry(pipeline(text))


def entity(reg: Registry, name: str):
    return reg.entities[name]


def test_person_variants_share_the_longest_full_name(pipeline):
    reg = registry(pipeline, (
        "Norwegian Prime Minister Halvor Dahl arrived in Bergen on Monday. "
        "Dahl met the mayor. Prime Minister Dahl later spoke to reporters, and Halvor Dahl's aides said little."))
    persons = [e for e in reg.entities.values() if e.type == "PERSON"]
    assert [e.name for e in persons] == ["Halvor Dahl"]
    assert "Dahl" in persons[0].aliases
    assert "Norwegian Prime Minister" in persons[0].roles


def test_people_sharing_a_surname_stay_apart(pipeline):
    reg = registry(pipeline, (
        "Anna Tolvik and her sister Mara Tolvik ran the bakery. Mara Tolvik left in May, "
        "and Anna Tolvik kept it open."))
    names = {e.name for e in reg.entities.values() if e.type == "PERSON"}
    assert names == {"Anna Tolvik", "Mara Tolvik"}


def test_surname_alone_goes_to_the_nearest_full_name(pipeline):
    doc = pipeline("Anna Tolvik opened the shop. Mara Tolvik arrived later. Tolvik said business was slow.")
    reg = Registry(doc)
    surname = next(t for t in doc if t.text == "Tolvik" and doc[t.i - 1].text == ".")
    assert reg.key_at(surname) == "Mara Tolvik"


def test_title_swallowed_into_person_span_becomes_a_role(pipeline):
    reg = registry(pipeline, "Ministry spokeswoman Ilse Varga said the talks had ended.")
    assert entity(reg, "Ilse Varga").roles == ["Ministry spokeswoman"]


def test_multiword_title_role(pipeline):
    reg = registry(pipeline, "US Special Counsel Dana Holt filed the report on Friday.")
    assert entity(reg, "Dana Holt").roles == ["US Special Counsel"]


def test_appositive_role(pipeline):
    reg = registry(pipeline, "Piet Dross, Vesland's ambassador to the United Nations, said the vote was unfair.")
    assert entity(reg, "Piet Dross").roles == ["Vesland's ambassador to the United Nations"]


def test_role_before_name_in_apposition(pipeline):
    reg = registry(pipeline, "The club's chief executive, Tomas Vell, said the stadium would be sold.")
    assert "club's chief executive" in entity(reg, "Tomas Vell").roles


def test_honorific_is_not_a_role(pipeline):
    reg = registry(pipeline, "Mr Tomas Vell said the stadium would be sold.")
    assert entity(reg, "Tomas Vell").roles == []


def test_possessive_is_stripped(pipeline):
    reg = registry(pipeline, "Halvor Dahl's government fell on Tuesday. Dahl's allies were stunned.")
    assert "Dahl's" not in entity(reg, "Halvor Dahl").aliases


def test_institution_is_an_organisation(pipeline):
    reg = registry(pipeline, "The Kremlin said on Sunday that the White House had not replied.")
    assert entity(reg, "Kremlin").type == "ORG"
    assert entity(reg, "White House").type == "ORG"


def test_country_variants_share_one_name(pipeline):
    reg = registry(pipeline, "The U.S. said on Monday it would reply. The United States has not set a date.")
    assert "United States" in reg.entities
    assert "U.S." not in reg.entities


def test_acronym_joins_its_organisation(pipeline):
    reg = registry(pipeline, (
        "The Federal Aviation Authority grounded the planes on Monday. "
        "The FAA said the ban would last a week."))
    assert "FAA" not in reg.entities
    assert "FAA" in entity(reg, "Federal Aviation Authority").aliases


def test_person_tagged_as_place_is_a_person(pipeline):
    reg = registry(pipeline, "Vassko Nemirov, Vesland's ambassador to the United Nations, said the vote was unfair.")
    assert entity(reg, "Vassko Nemirov").type == "PERSON"


def test_name_tagged_as_place_with_an_age_is_a_person(pipeline):
    reg = registry(pipeline, "Today, Lirra, 12, represents her school. “I wanted to become like them,” said Lirra.")
    assert entity(reg, "Lirra").type == "PERSON"


def test_headline_capitals_do_not_make_people(pipeline):
    doc = pipeline("Lund Seeks Constructive Talks With Unions\n\nMayor Peter Lund met union leaders on Monday.")
    reg = Registry(doc, lambda i: doc[i].idx < doc.text.index("\n\n"))
    assert [e.name for e in reg.entities.values() if e.type == "PERSON"] == ["Peter Lund"]


def test_clean_name():
    assert clean_name("Putin's") == "Putin"
    assert clean_name("U.S.") == "U.S."
    assert clean_name("Halvor Dahl.") == "Halvor Dahl"


# -- discourse ----------------------------------------------------------------------------

def test_pronoun_takes_nearest_subject(pipeline):
    doc = pipeline("Governor Ellen Marsh met Senator Paul Grady. She said the talks went well.")
    reg = Registry(doc)
    disc = Discourse(reg, lambda i: False)
    she = next(t for t in doc if t.lower_ == "she")
    assert disc.pronoun(she) == "Ellen Marsh"


def test_role_noun_matches_title_with_nationality(pipeline):
    doc = pipeline("Brazilian President Ana Lacerda met Argentine President Jorge Palma. "
                   "The Argentine leader spoke first.")
    reg = Registry(doc)
    disc = Discourse(reg, lambda i: False)
    leader = next(t for t in doc if t.lower_ == "leader")
    assert disc.by_role(leader, definite=True) == "Jorge Palma"


def test_role_noun_synonym_envoy_ambassador(pipeline):
    doc = pipeline("Piet Dross, Vesland's ambassador to the United Nations, spoke on Monday. "
                   "The Vesland envoy was angry.")
    reg = Registry(doc)
    disc = Discourse(reg, lambda i: False)
    envoy = next(t for t in doc if t.lower_ == "envoy")
    assert disc.by_role(envoy, definite=True) == "Piet Dross"


def test_nation_keys():
    assert cues.nation_key("Russian") == cues.nation_key("Russia's")
    assert cues.nation_key("American") == cues.nation_key("U.S.")
    assert cues.nation_key("French") != cues.nation_key("German")


def test_verb_lemma_repairs():
    assert cues.verb_lemma("hop", "hoped") == "hope"
    assert cues.verb_lemma("say", "said") == "say"
    assert cues.verb_lemma("tweet", "tweeted") == "tweet"


# -- NER repairs ----------------------------------------------------------------------------

def test_lone_surname_the_ner_missed_is_a_mention(pipeline):
    doc = pipeline("Prime Minister Henrik Aaldermann lost his majority on Friday.\n\n"
                   "Aaldermann, who is running for a third term, has made the border a campaign issue.")
    reg = Registry(doc)
    surname = next(t for t in doc if t.text == "Aaldermann" and t.i > 5)
    assert reg.key_at(surname) == "Henrik Aaldermann"


def test_surname_inside_a_longer_name_is_not_the_person(pipeline):
    doc = pipeline("Chief executive Lina Orlen spoke first. Orlen Shipping said the route would close.")
    reg = Registry(doc)
    shipping = next(t for t in doc if t.text == "Shipping")
    assert reg.key_at(shipping) != "Lina Orlen"


def test_organisation_named_by_its_appositive(pipeline):
    reg = registry(pipeline, "Aerovik, Norland's national airline, reported a profit on Thursday.")
    assert entity(reg, "Aerovik").type == "ORG"


def test_agency_that_relays_a_quote_is_an_organisation(pipeline):
    text = "“We can wait,” the Vantor agency quoted her as saying. Vantor quoted her again later."
    reg = registry(pipeline, text)
    assert entity(reg, "Vantor").type == "ORG"


def test_person_title_with_names_tagged_as_organisation_is_a_person(pipeline):
    reg = registry(pipeline, "Spokeswoman Ines Kavala said the sanctions had cost the economy dearly.")
    assert entity(reg, "Ines Kavala").type == "PERSON"
    assert "Spokeswoman" in entity(reg, "Ines Kavala").roles


def test_role_never_runs_across_a_paragraph_or_a_quotation(pipeline):
    reg = registry(pipeline, "Brandt-Lenz: ‘No talks over the heads of the provinces’\n\n"
                             "Prime Minister Sofie Brandt-Lenz ruled out any talks on Saturday.")
    assert entity(reg, "Sofie Brandt-Lenz").roles == ["Prime Minister"]


def test_role_noun_prefers_a_holder_mentioned_before(pipeline):
    doc = pipeline("President Teodor Malm spoke for four hours. The Norlandic leader said he was ready. "
                   "Opposition leader Lena Dross said the plan was late.")
    reg = Registry(doc)
    disc = Discourse(reg, lambda i: False)
    leader = next(t for t in doc if t.lower_ == "leader")
    assert disc.by_role(leader, definite=True) == "Teodor Malm"


def test_object_pronoun_is_not_its_own_clause_subject(pipeline):
    doc = pipeline("Mara Lind met Anna Berg on Monday. Berg thanked her for the visit.")
    reg = Registry(doc)
    disc = Discourse(reg, lambda i: False)
    her = next(t for t in doc if t.lower_ == "her")
    assert disc.pronoun(her, exclude=frozenset({"Anna Berg"})) == "Mara Lind"
