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


def test_quote_over_three_paragraphs_is_one_speaker_direct(pipeline):
    text = ("Coach Dana Wills did not hide her anger after the defeat.\n\n"
            "“We were slow in the first half and careless in the second.\n\n"
            "“Nobody can say we deserved anything today.\n\n"
            "“We will look at every goal on Monday,” she said.")
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.kind) for q in quotes] == [("Dana Wills", "direct")] * 3


def test_quote_running_on_after_a_report(pipeline):
    text = ("Spokeswoman Ines Kavala said the sanctions had cost the economy 1.4 billion dollars.\n\n"
            "“We are not asking for favours. We are asking for normal conditions.\n\n"
            "“Nobody negotiates with a gun on the table,” she said.")
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.kind) for q in quotes] == [
        ("Ines Kavala", "indirect"), ("Ines Kavala", "direct"), ("Ines Kavala", "direct")]


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


# -- nominal reported speech: a stance verb with a propositional noun object ---------------

NOMINAL_CASES = [
    ("During the interview, spokesman Ivo Ralston underscored the president's desire for a trade deal "
     "that protects local farmers.",
     ("Ivo Ralston", "underscored", "the president's desire for a trade deal that protects local farmers")),
    ("The nurses' union reiterated its readiness for talks with the hospital board.",
     ("nurses' union", "reiterated", "its readiness for talks with the hospital board")),
    ("Coach Dana Wills voiced support for the plan to build a new stadium by the river.",
     ("Dana Wills", "voiced", "support for the plan to build a new stadium by the river")),
    ("Finance Minister Olu Adeyemi stressed the need for lower public borrowing and a smaller deficit.",
     ("Olu Adeyemi", "stressed", "the need for lower public borrowing and a smaller deficit")),
    ("Mayor Ruth Bailey expressed hope for a quick end to the bus drivers' strike.",
     ("Ruth Bailey", "expressed", "hope for a quick end to the bus drivers' strike")),
    ("Defence lawyer Maria Okafor outlined her client's preference for a trial by jury, "
     "particularly after the publicity around the case.",
     ("Maria Okafor", "outlined", "her client's preference for a trial by jury")),
    ("Chairman Tomas Vell disclosed the board's aspiration for a new training ground in the north of the city.",
     ("Tomas Vell", "disclosed", "the board's aspiration for a new training ground in the north of the city")),
]


@pytest.mark.parametrize("text,expected", NOMINAL_CASES)
def test_nominal_report(pipeline, text, expected):
    _, quotes = run(pipeline, text)
    assert triples(quotes) == [expected]
    assert quotes[0].kind == "indirect"


def test_nominal_report_with_quoted_fragment_is_mixed(pipeline):
    text = 'The regulator expressed concern about "a worrying pattern of late payments" by the bank.'
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.kind) for q in quotes] == [("regulator", "mixed")]
    assert quotes[0].text.startswith("concern about")


# -- where a reported clause starts and ends ----------------------------------------------

CLAUSE_CASES = [
    # a postposed cue the parser hung on the reported clause, with a condition before it
    ("The club is ready to sell the stadium at any price, as long as the buyer keeps it open for football, "
     "chairman Tomas Vell said on Friday, rejecting an offer from a property group.",
     "Tomas Vell",
     "The club is ready to sell the stadium at any price, as long as the buyer keeps it open for football"),
    # "said A, and that B" with no quoted words: one report
    ("Asked whether the offer still stood, the minister said it did, and that it now also covered energy prices.",
     "minister", "it did, and that it now also covered energy prices"),
    # a semicolon ends the report
    ("In 2022 the envoy, Mara Lind, said talks must include the border; and in 2023 the spokeswoman made "
     "sanctions a precondition.",
     "Mara Lind", "talks must include the border"),
    # "but only ..." restricts the report even when the parser hangs it on "said"
    ("President Teodor Malm said on Monday that the country was ready for talks, but only within a settlement "
     "that covers the border, the sanctions and transit together.",
     "Teodor Malm", "the country was ready for talks, but only within a settlement that covers the border, "
                    "the sanctions and transit together"),
    # the speaker's next act is not part of what was reported
    ("Labour Minister Alina Voss said the government would not intervene for now but urged both sides to return "
     "to the table.",
     "Alina Voss", "the government would not intervene for now"),
    ("Spokesman Pavel Orlen said the country was ready for talks if the new government was ready too, and called "
     "the sanctions an obstacle.",
     "Pavel Orlen", "the country was ready for talks if the new government was ready too"),
    ("The governor said the state had never mishandled the funds but did not mention the audit.",
     "governor", "the state had never mishandled the funds"),
    ("The sheriff said deputies arrested the driver and charged him with reckless driving.",
     "sheriff", "deputies arrested the driver and charged him with reckless driving"),
    # a date right after the cue is the cue's, even when the parser puts it in the reported clause
    ("President Dana Holt said on Tuesday she would veto any bill that cuts school funding.",
     "Dana Holt", "she would veto any bill that cuts school funding"),
]


@pytest.mark.parametrize("text,speaker,clause", CLAUSE_CASES)
def test_reported_clause_bounds(pipeline, text, speaker, clause):
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.text) for q in quotes] == [(speaker, clause)]


def test_coordinated_reports_each_with_a_fragment_are_two_quotes(pipeline):
    text = ('In a statement, the mining company said the strike was causing "irreversible damage" to its '
            'equipment, and that it was ready to resume talks "at any moment".')
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [
        ("mining company", "mixed", 'the strike was causing "irreversible damage" to its equipment'),
        ("mining company", "mixed", 'it was ready to resume talks "at any moment')]


def test_coordinated_report_with_one_fragment_is_one_quote(pipeline):
    text = ('Rail spokesman Ivo Brand met reporters on Monday. The spokesman said technical talks between the '
            'two rail companies were continuing and that a decision could come "within weeks".')
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.kind) for q in quotes] == [("Ivo Brand", "mixed")]
    assert quotes[0].text.startswith("technical talks") and quotes[0].text.endswith("within weeks")


def test_quoted_words_at_the_end_stay_in_the_clause(pipeline):
    text = 'Union chairman Rolf Brenn said the results showed the pilots had been "right all along" about pay.'
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [
        ("Rolf Brenn", "mixed", 'the results showed the pilots had been "right all along" about pay')]


def test_narrator_aside_after_the_fragment_is_cut(pipeline):
    text = ('Mayor Ines Albarra told the council that the city is ready for talks on a "wide-ranging agenda" '
            'as relations with the region are at their worst in years.')
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Ines Albarra", 'the city is ready for talks on a "wide-ranging agenda')]


def test_quote_reported_by_its_cue_is_not_a_second_report(pipeline):
    text = ("Governor Ada Brenner opened the fair on Saturday. “Nobody will sell this valley,” the governor said, "
            "in a reference to the demand, first made last November, that the sanctions be lifted.")
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [
        ("Ada Brenner", "direct", "Nobody will sell this valley,")]


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
    # findings, not statements: polls and surveys speak for no one
    "Opinion polls suggest that most voters back the mayor's plan for the harbour.",
    "A survey of 2,000 tenants suggested that rents had doubled in ten years.",
    # stance verbs without a propositional object, and objects that are no stance
    "The minister visited the plant on Monday and signed the offer for new equipment.",
    "The report stressed the importance of early testing in schools.",
    "The club expressed its thanks to the fans who travelled to the final.",
]


@pytest.mark.parametrize("text", NO_QUOTE_CASES)
def test_no_quote(pipeline, text):
    assert run(pipeline, text)[1] == []


def test_headline_says_spokesman_is_the_spokesman_named_below(pipeline):
    text = ('Harbour FC ready to sell stadium "as soon as" the city allows, says spokesman\n\n'
            "The club will sell its stadium as soon as the city allows, spokesman Leo Varga said on Monday.")
    _, quotes = run(pipeline, text, ("headline", "body"))
    assert [(q.speaker, q.placement) for q in quotes] == [("Leo Varga", "headline"), ("Leo Varga", "body")]


def test_subject_split_off_by_the_parser_stays_in_the_clause(pipeline):
    text = ('Varnel ready for talks "as soon as" Dorvia\'s crisis allows, says spokesman\n\n'
            "Varnel is ready for talks, spokesman Leo Varga said on Monday.")
    _, quotes = run(pipeline, text, ("headline", "body"))
    assert [(q.speaker, q.text) for q in quotes if q.placement == "body"] == [
        ("Leo Varga", "Varnel is ready for talks")]


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


def test_name_in_apposition_to_a_role_subject_the_ner_missed(pipeline):
    text = ('Holt, 61, has made education the centrepiece of her presidency. '
            'Her spokeswoman, Ana Ruiz, said the president "means every word."')
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.speaker_mention) for q in quotes] == [("Ana Ruiz", "Her spokeswoman")]


def test_relaying_agency_is_not_the_speaker(pipeline):
    text = ("Ambassador Mara Lindqvist spoke to reporters after the vote. The Vantor agency quoted Lindqvist as "
            "saying that talks had stalled.\n\n“We can wait a little longer,” Vantor quoted her as saying.")
    entities, quotes = run(pipeline, text)
    assert [q.speaker for q in quotes] == ["Mara Lindqvist", "Mara Lindqvist"]
    assert next(e for e in entities if e.name == "Vantor").type == "ORG"


def test_according_to_after_a_cue_only_relays(pipeline):
    text = ('Bus fares were "not up for negotiation", Transport Minister Ola Brekke said, '
            'according to the Nordpost news agency.')
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.cue, q.kind) for q in quotes] == [("Ola Brekke", "said", "mixed")]


def test_surname_the_ner_missed_is_an_antecedent(pipeline):
    text = ("Club spokesman Pavel Orlen answered questions first. Federal President Anselm Korr spoke later "
            "and set the date of the vote.\n\nOrlen dismissed the accusation. "
            "“We have no favourite in this election,” he said.")
    _, quotes = run(pipeline, text)
    assert [q.speaker for q in quotes] == ["Pavel Orlen"]


def test_document_without_issuer_is_no_speaker(pipeline):
    text = ("The Halvard Group published its annual results on Monday. "
            "“Profits will rise again next year,” the statement said.")
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.speaker_mention) for q in quotes] == [("Halvard Group", "the statement")]


def test_court_document_without_issuer_is_no_speaker(pipeline):
    text = "Acme Foods was sued in federal court on Monday. The lawsuit alleges that Acme hid defects in its ovens."
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.speaker_mention) for q in quotes] == [(None, "The lawsuit")]


def test_abstract_subject_is_no_speaker(pipeline):
    text = ("Rail spokesman Ivo Brand met reporters on Monday.\n\n"
            '"We want a decision before the summer." Technical talks continued on Tuesday.')
    _, quotes = run(pipeline, text)
    assert [q.speaker for q in quotes] == ["Ivo Brand"]


def test_organisation_described_by_apposition(pipeline):
    text = ("Skyvel, Norland's national airline, reported its first annual profit in four years on Thursday. "
            "The Brekkstad-based carrier said revenue had risen by a fifth.")
    _, quotes = run(pipeline, text)
    assert [q.speaker for q in quotes] == ["Skyvel"]


def test_lower_case_role_tagged_as_proper_noun(pipeline):
    text = ("Prime Minister Ilse Varga-Holm opened the harvest festival on Saturday. "
            "“Nobody will sell this valley,” the prime minister said.")
    _, quotes = run(pipeline, text)
    assert [q.speaker for q in quotes] == ["Ilse Varga-Holm"]


def test_role_noun_does_not_reach_a_holder_named_later(pipeline):
    text = ("President Teodor Malm spoke for four hours on Monday.\n\n"
            "The Norlandic leader said he had asked his ministers to prepare a draft agreement.\n\n"
            "Opposition leader Lena Dross said the plan was late.")
    _, quotes = run(pipeline, text)
    assert [q.speaker for q in quotes] == ["Teodor Malm", "Lena Dross"]


def test_relative_pronoun_subject_of_a_participle_cue(pipeline):
    text = ('Lena Dross, who came to power in 2021 promising "a fresh look at every old quarrel", '
            "has taken a harder line since May.")
    _, quotes = run(pipeline, text)
    assert [(q.speaker, q.cue) for q in quotes] == [("Lena Dross", "promising")]


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
    # the condition is the whole clause, whatever word follows the marker (the parser may take
    # "required" for the clause's verb)
    ("Norland is fully ready for normalising relations with Vesland as soon as required internal political "
     "conditions emerge in Brekkstad for this, the president said.",
     "as soon as required internal political conditions emerge in Brekkstad for this"),
    ("The court said the trial would resume once requested medical reports reach the judge.",
     "once requested medical reports reach the judge"),
    ("The club said it would sell the stadium as soon as required planning permissions are granted by the city.",
     "as soon as required planning permissions are granted by the city"),
    ("The union said workers would return only if agreed pay rises are paid in full.",
     "only if agreed pay rises are paid in full"),
    ("The minister said taxes would be cut provided that projected revenues hold up.",
     "provided that projected revenues hold up"),
    ("The airline said flights would resume on condition that revised safety checks are completed.",
     "on condition that revised safety checks are completed"),
    ("The mayor said the bridge would reopen once repaired steel beams arrive from the mill.",
     "once repaired steel beams arrive from the mill"),
    ("“We will stay as long as existing agreements are respected,” the envoy said.",
     "as long as existing agreements are respected"),
    ("The company said it would hire 200 people if the families who live near the site agree to the plan.",
     "if the families who live near the site agree to the plan"),
    ("“Unless signed contracts arrive by Friday, the yard will close,” said Lars Berg.",
     "Unless signed contracts arrive by Friday"),
    ("“If needed, the army will help to clear the roads,” the governor said.", "If needed"),
    ("The ministry said it was ready to resume talks as soon as possible.", None),
    ("Her office said the mayor would address the council on Tuesday, March 4, when she is expected to present "
     "the budget.", None),
]


@pytest.mark.parametrize("text,condition", CONDITION_CASES)
def test_condition(pipeline, text, condition):
    _, quotes = run(pipeline, text)
    assert len(quotes) == 1
    assert quotes[0].condition == condition
