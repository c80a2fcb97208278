"""Quote extraction: one-sentence and one-paragraph cases, input text -> (speaker, cue, quote text).

All texts are invented for these tests (fictional names), in the styles of
politics, courts, business, sports and local news.
"""
from __future__ import annotations

import pytest

from onrecord import nlp
from onrecord.quotes import extract, find_marked
from onrecord.records import Paragraph


@pytest.fixture(scope="module")
def pipeline():
    return nlp.load()


def run(pipeline, text: str, kinds: tuple[str, ...] = ()):
    """Parse ``text`` (paragraphs separated by blank lines) and extract its quotes."""
    paragraphs, pos = [], 0
    for k, block in enumerate(text.split("\n\n")):
        start = text.index(block, pos)
        kind = kinds[k] if k < len(kinds) else "body"
        paragraphs.append(Paragraph(start, start + len(block), kind))
        pos = start + len(block)
    doc = pipeline(text)
    entities, quotes = extract(doc, paragraphs)
    for q in quotes:
        assert doc.text[q.start: q.end] == q.text
    return entities, quotes


def triples(quotes) -> list[tuple]:
    return [(q.speaker, q.cue, q.text) for q in quotes]


# -- quote marks --------------------------------------------------------------------------

MARK_CASES = [
    ('"We will appeal," she said.', ["We will appeal,"]),
    ("“We will appeal,” she said.", ["We will appeal,"]),
    ("'We will appeal,' she said.", ["We will appeal,"]),
    ("‘We will appeal,’ she said.", ["We will appeal,"]),
    ("«We will appeal», she said.", ["We will appeal"]),
    ("It's Tolvik's bakery, and the students' union has run it since the '90s.", []),
    ("They played rock 'n' roll at the students' union all night.", []),
    ("'It's Okafor's call now,' the coach said.", ["It's Okafor's call now,"]),
    ("“When the judge said ‘no bail’, we were stunned,” he said.",
     ["When the judge said ‘no bail’, we were stunned,"]),
    ("'The players' wages are too high,' the chairman said.", ["The players' wages are too high,"]),
    ('"The first part runs on', ["The first part runs on"]),
    ('He said,"We will appeal." Then he left.', ["We will appeal."]),
    ("‘The referee told us “no chance” before kick-off,’ the captain said.",
     ["The referee told us “no chance” before kick-off,"]),
    ("It has rained since the ‘90s, and we haven’t stopped ’em.", []),
    # a dropped closing mark: the next opening mark ends the quote at its last sentence end
    ('She said: "We lost today. She added: "We will be back," she said.', ["We lost today.", "We will be back,"]),
]


@pytest.mark.parametrize("text,expected", MARK_CASES)
def test_find_marked(text, expected):
    marked = find_marked(text, [Paragraph(0, len(text))])
    assert [text[m.start: m.end] for m in marked] == expected


# -- direct quotes and cue verbs -----------------------------------------------------------

DIRECT_CASES = [
    # courts
    ('"We will appeal the verdict," said defence lawyer Maria Okafor.',
     ("Maria Okafor", "said", "We will appeal the verdict,")),
    ('"The evidence is overwhelming," prosecutor Helen Achebe told the jury.',
     ("Helen Achebe", "told", "The evidence is overwhelming,")),
    # sports
    ("“The club has let the fans down,” Harlan Brecken told reporters.",
     ("Harlan Brecken", "told reporters", "The club has let the fans down,")),
    ("'We are not for sale,' the chief executive, Tomas Vell, said.",
     ("Tomas Vell", "said", "We are not for sale,")),
    # local news, guillemets
    ("«We have done nothing wrong with the budget», the mayor, Ines Albarra, insisted.",
     ("Ines Albarra", "insisted", "We have done nothing wrong with the budget")),
    # business: cue before the quote
    ('Chief financial officer Lina Osei stressed: "There will be no further job cuts this year."',
     ("Lina Osei", "stressed", "There will be no further job cuts this year.")),
    ("“Prices will keep rising until the spring,” warned economist Sara Lind.",
     ("Sara Lind", "warned", "Prices will keep rising until the spring,")),
    ("“It was a mistake to close the library,” Councillor Joe Pratt acknowledged.",
     ("Joe Pratt", "acknowledged", "It was a mistake to close the library,")),
    ('"We need a new stadium within five years," the club owner, Viktor Hale, wrote on social media.',
     ("Viktor Hale", "wrote", "We need a new stadium within five years,")),
    ('"The market has bottomed out," Aldo Ferri, chief executive of Ferri Group, '
     'was quoted as saying by the Daily Courier.',
     ("Aldo Ferri", "was quoted as saying", "The market has bottomed out,")),
    ('"We are ready to play on Sunday," the Morning Post quoted striker Kofi Mensah as saying.',
     ("Kofi Mensah", "quoted as saying", "We are ready to play on Sunday,")),
    ("“Why was the gate locked before kick-off?” asked one fan.",
     ("fan", "asked", "Why was the gate locked before kick-off?")),
    ('"Talks with the union were constructive," said the White House in a statement.',
     ("White House", "said", "Talks with the union were constructive,")),
    ('"We will not negotiate under threat," the ministry said in a statement.',
     ("ministry", "said", "We will not negotiate under threat,")),
    ('"The suspect is now in custody," a police spokesman said.',
     ("police spokesman", "said", "The suspect is now in custody,")),
    ('"My lawyer said that we would win easily," Marco Reyes told the court.',
     ("Marco Reyes", "told", "My lawyer said that we would win easily,")),
    ("“I have never seen a crowd like this,” tweeted the singer Ada Moss.",
     ("Ada Moss", "tweeted", "I have never seen a crowd like this,")),
    ("“Rents have doubled in ten years,” noted Grace Obi, who chairs the tenants' association.",
     ("Grace Obi", "noted", "Rents have doubled in ten years,")),
]


@pytest.mark.parametrize("text,expected", DIRECT_CASES)
def test_direct(pipeline, text, expected):
    _, quotes = run(pipeline, text)
    assert triples(quotes) == [expected]
    assert quotes[0].kind == "direct"


# -- several quotes, paragraphs, continuation ---------------------------------------------

def test_quote_after_attribution_continues_speaker(pipeline):
    _, quotes = run(pipeline, "“We played well,” said Marco Reyes. “But we did not take our chances.”")
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Marco Reyes", "We played well,"), ("Marco Reyes", "But we did not take our chances.")]


def test_paragraph_that_is_only_a_quote(pipeline):
    text = ("“The deal is done,” said Lina Osei, the company's finance director.\n\n"
            "“We expect the regulator to approve it within weeks.”")
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.cue) for q in quotes] == [("Lina Osei", "said"), ("Lina Osei", None)]


def test_quote_running_over_paragraphs(pipeline):
    text = ("“The first half was the worst we have played all season.\n\n"
            "“The second half was better, but it was too late,” said coach Dana Wills.")
    _, quotes = run(pipeline, text)
    assert [q.speaker for q in quotes] == ["Dana Wills", "Dana Wills"]
    assert quotes[0].text == "The first half was the worst we have played all season."


def test_quote_split_by_its_attribution(pipeline):
    _, quotes = run(pipeline, '"We are ready to talk," the minister, Ivo Stern, said, "but not at any price."')
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Ivo Stern", "We are ready to talk,"), ("Ivo Stern", "but not at any price.")]


def test_attribution_paragraph_ending_in_colon(pipeline):
    text = ("In a statement on Friday, the union leader Rosa Molina said:\n\n"
            "“We will strike until the wage offer improves.”")
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.cue) for q in quotes] == [("Rosa Molina", "said")]


def test_according_to_a_statement_names_its_issuer(pipeline):
    text = '"The factory will close in June," according to a statement from the Halvard Group.'
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.cue) for q in quotes] == [("Halvard Group", "according to")]


def test_direct_quote_in_headline(pipeline):
    text = "'We will win the league this year,' says coach\n\nThe club has won five games in a row."
    _, quotes = run(pipeline, text, ("headline", "body"))
    assert [(q.speaker, q.placement) for q in quotes] == [("coach", "headline")]


def test_unattributed_quote_goes_to_the_person_just_written_about(pipeline):
    text = "Coach Dana Wills was blunt after the match. “We were not good enough in any part of the pitch.”"
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.cue) for q in quotes] == [("Dana Wills", None)]


def test_colon_after_any_clause_introduces_the_quote(pipeline):
    text = '"We are ready for the final," said Tom Smith. Joe Jones disagreed: "They are not ready at all."'
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.cue) for q in quotes] == [("Tom Smith", "said"), ("Joe Jones", "disagreed")]


def test_pronoun_across_paragraphs(pipeline):
    text = ("Nora Blake, a teacher at the school, organised the protest on Friday.\n\n"
            "“We just want safe streets for our children,” she said.")
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.speaker_mention) for q in quotes] == [("Nora Blake", "she")]


def test_pronoun_prefers_subject(pipeline):
    text = ("Governor Ellen Marsh met Senator Paul Grady on Monday. "
            "She said the state would not raise taxes before the election.")
    _, quotes = run(pipeline, text)
    assert [q.speaker for q in quotes] == ["Ellen Marsh"]


def test_pronoun_gender_from_honorific(pipeline):
    text = ("Mr. Adam Cole and Ms. Petra Lind debated the plan at the town hall. "
            "“It will fail within a year,” she said.")
    _, quotes = run(pipeline, text)
    assert [q.speaker for q in quotes] == ["Petra Lind"]


def test_pronoun_gender_learned_from_the_text(pipeline):
    text = ("Tom Berg and Sara Lind met the board on Monday. Lind said her team was ready for the launch. "
            "Berg said his staff were not. “We need more time,” she said.")
    _, quotes = run(pipeline, text)
    assert [q.speaker for q in quotes] == ["Sara Lind", "Tom Berg", "Sara Lind"]


def test_nested_cue_inside_quote_is_not_a_second_quote(pipeline):
    _, quotes = run(pipeline, '"Our president has said that we are ready for talks," the envoy Omar Haddad said.')
    assert len(quotes) == 1 and quotes[0].speaker == "Omar Haddad"


def test_kremlin_statement_inverted_with_adding(pipeline):
    text = ("“Helmut Brandt stressed that the partnership is the most important factor for stability,” "
            "said the Chancellery in a statement, adding, “He confirmed that Vesland is open for dialogue.”")
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.kind) for q in quotes] == [("Chancellery", "direct"), ("Chancellery", "direct")]
    assert quotes[1].cue == "adding"


# -- indirect and mixed speech ------------------------------------------------------------

INDIRECT_CASES = [
    ("Mayor Ruth Bailey pointed out that the bridge had been closed twice this year.",
     ("Ruth Bailey", "pointed out", "the bridge had been closed twice this year")),
    ("Senator Paul Grady tweeted that the bill would pass next week.",
     ("Paul Grady", "tweeted", "the bill would pass next week")),
    ("Judge Amal Farouk noted that the defendant had shown no remorse.",
     ("Amal Farouk", "noted", "the defendant had shown no remorse")),
    ("Coach Ben Ortiz insisted his team was not tired after the long trip.",
     ("Ben Ortiz", "insisted", "his team was not tired after the long trip")),
    ("Inflation will fall below 3% by the end of the year, the central bank said on Thursday.",
     ("central bank", "said", "Inflation will fall below 3% by the end of the year")),
    ("According to police spokesperson Anne Riley, the suspect fled on foot towards the river.",
     ("Anne Riley", "according to", "the suspect fled on foot towards the river")),
    ("The suspect fled on foot towards the river, according to police.",
     ("police", "according to", "The suspect fled on foot towards the river")),
    ("Jana Novak told the court that she had never met the defendant.",
     ("Jana Novak", "told", "she had never met the defendant")),
    ("The plan was welcomed by shop owner Ruth Bailey, who said it would bring more customers.",
     ("Ruth Bailey", "said", "it would bring more customers")),
    ("Ortiz praised his players and said the title race was far from over.",
     ("Ortiz", "said", "the title race was far from over")),
    ("During the meeting with the owners on Tuesday, the players agreed to a pay cut, the union said.",
     ("union", "said", "the players agreed to a pay cut")),
    ("The Halvard Group said on Monday that profits had risen by 12%, pledging to raise its dividend.",
     ("Halvard Group", "said", "profits had risen by 12%")),
    ("The council said it would repair the road, while residents demanded a new bypass.",
     ("council", "said", "it would repair the road")),
    ("OSLO (Reuters) - The fund will sell its stake in the mine, the finance ministry said on Monday.",
     ("finance ministry", "said", "The fund will sell its stake in the mine")),
    ("Five plaintiffs said the new rules were unfair to small landlords.",
     ("Five plaintiffs", "said", "the new rules were unfair to small landlords")),
    ("Mr Okoro said the officer told him the car had been stolen from the car park.",
     ("Okoro", "said", "the officer told him the car had been stolen from the car park")),
    ("Judge Ines Vale, who said the law was clear, dismissed the case.",
     ("Ines Vale", "said", "the law was clear")),
]


@pytest.mark.parametrize("text,expected", INDIRECT_CASES)
def test_indirect(pipeline, text, expected):
    _, quotes = run(pipeline, text)
    assert triples(quotes) == [expected]
    assert quotes[0].kind == "indirect"


def test_adding_that_is_a_second_report(pipeline):
    text = ("The club is ready to sell its stadium to the city, a club spokesman said on Sunday, "
            "adding that the owner Ivo Stern would accept a fair offer.")
    _, quotes = run(pipeline, text)
    assert [(q.text, q.cue) for q in quotes] == [
        ("The club is ready to sell its stadium to the city", "said"),
        ("the owner Ivo Stern would accept a fair offer", "adding")]
    assert quotes[0].speaker == quotes[1].speaker == "club spokesman"


def test_adding_hung_on_the_quote_keeps_the_speaker(pipeline):
    text = ('When the judge asked Marr for his plea, he said, "I am an innocent man, Your Honor," '
            'adding, "I definitely plead not guilty."')
    _, quotes = run(pipeline, "Dr. Colin Marr appeared in court on Monday. " + text)
    assert [(q.speaker, q.cue) for q in quotes] == [("Colin Marr", "said"), ("Colin Marr", "adding")]


def test_participle_cue_takes_the_subject_of_its_verb(pipeline):
    text = 'Dr. Colin Marr pleaded not guilty on Monday, telling the judge, "I am an innocent man."'
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.cue) for q in quotes] == [("Colin Marr", "telling")]


def test_argued_adding(pipeline):
    _, quotes = run(pipeline, "Garcia argued that the contract was void, adding that his client would sue the city.")
    assert triples(quotes) == [("Garcia", "argued", "the contract was void"),
                               ("Garcia", "adding", "his client would sue the city")]


MIXED_CASES = [
    ('Tenant leader Rosa Molina said the ruling was "a victory for every tenant in this city."',
     "Rosa Molina", 'the ruling was "a victory for every tenant in this city'),
    ('Rosa Molina said the ruling was "a victory for tenants," citing the lower rents it would bring.',
     "Rosa Molina", 'the ruling was "a victory for tenants'),
    ('The union said the offer was "insulting" and would be rejected by its members.',
     "union", 'the offer was "insulting" and would be rejected by its members'),
    ('The coach said he did not "see any reason to panic" given the injuries to key players.',
     "coach", 'he did not "see any reason to panic'),
    ("Lars Berg said he hoped that “the factory reopens soon,” especially after the new orders from abroad.",
     "Lars Berg", "he hoped that “the factory reopens soon"),
]


@pytest.mark.parametrize("text,speaker,clause", MIXED_CASES)
def test_mixed(pipeline, text, speaker, clause):
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [(speaker, "mixed", clause)]


# -- scare quotes and things that are not statements --------------------------------------

NO_QUOTE_CASES = [
    "The minister is expected to announce that fuel duty will rise.",
    "The company declined to say how many jobs would go.",
    "Critics will argue that the plan is too expensive.",
    "He was told he would be released within a week.",
    "It is reported that the club will be sold before the season starts.",
    "Futures prices suggested investors expect a rate cut in June.",
    'Critics condemned what they called "harsh tactics" by the police.',
    "Reporters asked whether the minister would resign.",
    "The coach did not say whether he would stay at the club.",
    "The company reported a loss of $3 million for the quarter.",
    'She starred in "Gone With the Wind" in 1939.',
    "It's the fans' club, and it has been since the '90s.",
]


@pytest.mark.parametrize("text", NO_QUOTE_CASES)
def test_no_quote(pipeline, text):
    assert run(pipeline, text)[1] == []


def test_scare_quote_in_headline_is_dropped(pipeline):
    _, quotes = run(pipeline, "Club 'open to offers' for star striker\n\nThe club has rejected two bids.",
                    ("headline", "body"))
    assert quotes == []


def test_headline_report_without_quote_is_not_a_statement(pipeline):
    _, quotes = run(pipeline, "Mayor says city ready for new stadium\n\nThe city council met on Monday.",
                    ("headline", "body"))
    assert quotes == []


# -- speakers -----------------------------------------------------------------------------

def test_title_with_name(pipeline):
    entities, quotes = run(pipeline, "Chief Constable Mark Ellison said the investigation was continuing.")
    assert quotes[0].speaker == "Mark Ellison"
    assert quotes[0].speaker_mention == "Chief Constable Mark Ellison"
    assert "Chief Constable" in next(e for e in entities if e.name == "Mark Ellison").roles


def test_appositive_role(pipeline):
    text = "Tara Quinn, the council's head of planning, said the scheme would create 200 homes."
    entities, quotes = run(pipeline, text)
    assert quotes[0].speaker == "Tara Quinn"
    assert "council's head of planning" in next(e for e in entities if e.name == "Tara Quinn").roles


def test_role_noun_resolves_to_named_holder(pipeline):
    text = ('Finance Minister Olu Adeyemi presented the budget on Monday. '
            '"This is a budget for growth and jobs," the minister said.')
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.speaker_mention) for q in quotes] == [("Olu Adeyemi", "the minister")]


def test_role_noun_with_nationality(pipeline):
    text = ("Brazilian President Ana Lacerda met her Argentine counterpart Jorge Palma in Rosario.\n\n"
            "“We agreed on a new trade corridor,” the Brazilian leader said.")
    _, quotes = run(pipeline, text)
    assert quotes[0].speaker == "Ana Lacerda"


def test_qualified_role_noun_goes_to_the_person_just_quoted(pipeline):
    text = ("Jonas Dahl said on Monday that the border would stay open.\n\n"
            "The Norwegian leader added that talks with Sweden would resume in May.")
    _, quotes = run(pipeline, text)
    assert [q.speaker for q in quotes] == ["Jonas Dahl", "Jonas Dahl"]


def test_indefinite_role_matches_named_holder_of_same_role(pipeline):
    text = ("The club is ready to talk to the city, a Harbour FC spokesman said.\n\n"
            "“We want to stay in the city,” Harbour FC spokesman Leo Varga said.")
    _, quotes = run(pipeline, text)
    assert [q.speaker for q in quotes] == ["Leo Varga", "Leo Varga"]


def test_surname_resolves_to_full_name(pipeline):
    text = "Judge Amal Farouk opened the hearing. Farouk said the trial would resume on Monday."
    _, quotes = run(pipeline, text)
    assert quotes[0].speaker == "Amal Farouk"


def test_same_surname_stays_apart(pipeline):
    text = ('Anna Tolvik and her sister Mara Tolvik ran the bakery for twenty years. '
            '"We never gave up," Mara Tolvik said. Anna Tolvik said the bakery would reopen in May.')
    _, quotes = run(pipeline, text)
    assert [q.speaker for q in quotes] == ["Mara Tolvik", "Anna Tolvik"]


def test_organisation_speaker(pipeline):
    _, quotes = run(pipeline, "The Kremlin said in a statement that the talks had been constructive.")
    assert triples(quotes) == [("Kremlin", "said", "the talks had been constructive")]


def test_relayed_quote_names_the_speaker_not_the_agency(pipeline):
    text = "“The issue is closed,” the Vesland News Agency quoted Foreign Minister Piet Dross as saying."
    _, quotes = run(pipeline, text)
    assert quotes[0].speaker == "Piet Dross"


def test_pronoun_skips_names_in_the_reported_clause(pipeline):
    text = ("Halvard Group published its annual report on Monday. "
            "Profits in Norway will fall next year, it said.")
    _, quotes = run(pipeline, text)
    assert [q.speaker for q in quotes] == ["Halvard Group"]


def test_definite_organisation_noun_is_the_last_organisation_speaking(pipeline):
    text = ("The World Health Organization said it had verified 18 attacks on clinics. "
            "Most of the victims were nurses, the agency said.")
    _, quotes = run(pipeline, text)
    assert [q.speaker for q in quotes] == ["World Health Organization", "World Health Organization"]


def test_age_description_is_the_person_just_mentioned(pipeline):
    text = ("Striker Leo Brandt scored twice on Saturday.\n\n"
            "The 28-year-old said the team deserved the win after a hard month.")
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.speaker_mention) for q in quotes] == [("Leo Brandt", "The 28-year-old")]


def test_nationality_noun_is_the_person_just_mentioned(pipeline):
    text = ("United boss Gary Holt was unhappy with the referee after the defeat. "
            "“I have never seen a decision like that,” the Scot said.")
    _, quotes = run(pipeline, text)
    assert [q.speaker for q in quotes] == ["Gary Holt"]


def test_definite_role_without_holder_keeps_the_role(pipeline):
    text = ("A last-minute penalty from Kai Lund saved the draw.\n\n"
            "“It is a pleasure to be here,” the City manager said.")
    _, quotes = run(pipeline, text)
    assert [q.speaker for q in quotes] == ["City manager"]


def test_empty_and_quote_mark_only_texts(pipeline):
    for text in ("", "   ", '"', "“", "He said."):
        assert extract(pipeline(text), [Paragraph(0, len(text))]) == ([], [])


# -- placement ----------------------------------------------------------------------------

def test_quote_in_dek(pipeline):
    text = ("Harbour FC close in on title\n\n"
            "Coach Dana Wills says 'we have to keep winning at home to stay top'\n\n"
            "Harbour FC beat Lakeside 2-0 on Saturday.")
    _, quotes = run(pipeline, text, ("headline", "dek", "body"))
    assert [(q.speaker, q.placement) for q in quotes] == [("Dana Wills", "dek")]


def test_quote_in_caption(pipeline):
    text = ("Fans celebrate in the square.\n\n"
            "“This is the best day of my life,” said supporter Rui Costa.")
    _, quotes = run(pipeline, text, ("caption", "caption"))
    assert [(q.speaker, q.placement) for q in quotes] == [("Rui Costa", "caption")]


# -- conditions ---------------------------------------------------------------------------

CONDITION_CASES = [
    ('"We will sign the contract if the price is right," said Lars Berg.', "if the price is right"),
    ("The union said it would call off the strike only if the company raised wages.",
     "only if the company raised wages"),
    ('"We will return to the table as soon as the blockade is lifted," said envoy Omar Haddad.',
     "as soon as the blockade is lifted"),
    ("“Provided that the weather holds, the final will go ahead,” the organisers said.",
     "Provided that the weather holds"),
    ("The airline warned that flights would be cancelled unless the strike ended.", "unless the strike ended"),
    ("Moreau said he would testify on condition that his name was withheld.",
     "on condition that his name was withheld"),
    ("“We will talk to them when they are ready,” the spokeswoman said.", "when they are ready"),
    ("“When I was a boy, this field was a forest,” said farmer Tom Ashby.", None),
    ("The ministry said it was open to dialogue on the widest possible agenda.", None),
    ('"We have nothing to hide," Vell said when asked if the firm would publish its accounts.', None),
    ("The mayor said the city was open to talks, but only if the club paid for the new road.",
     "only if the club paid for the new road"),
    ("The union said any new deal must include a pay rise for nurses.", "must include a pay rise for nurses"),
    ("“That is when I play my best golf,” said Leo Brandt.", None),
    ("“There are times when I see the ball very clearly,” said Leo Brandt.", None),
    ("“We will keep fighting even if the board sells the club,” said Leo Brandt.", None),
]


@pytest.mark.parametrize("text,condition", CONDITION_CASES)
def test_condition(pipeline, text, condition):
    _, quotes = run(pipeline, text)
    assert len(quotes) == 1
    assert quotes[0].condition == condition
