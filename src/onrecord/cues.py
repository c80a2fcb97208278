"""Lexicons for quote attribution: cue verbs, role nouns, titles, demonyms.

These are general English news vocabularies, not fitted to any article. They
are matched on lower-cased lemmas (with a small inflection fallback because
the small spaCy pipeline mislemmatises some forms, e.g. "hoped" -> "hop").
"""
from __future__ import annotations

import re

# Verbs that introduce what someone said (direct or reported).
SPEECH_VERBS = frozenset("""
    say tell add stress note insist warn urge claim explain write tweet post announce
    confirm acknowledge argue recall reply ask underscore underline emphasize emphasise
    state declare comment remark reiterate repeat suggest predict admit deny maintain
    assert contend concede complain agree respond answer observe reveal disclose report
    testify rule conclude allege promise pledge vow threaten caution signal indicate hint
    mention continue counter retort quip joke boast lament estimate forecast advise proclaim
    assure reassure affirm concur muse recount inform brief remind exclaim dispute highlight
    specify clarify elaborate charge protest demand tout quote cite
""".split())

# Verbs that report a stance when their object is a propositional noun:
# "underscored Putin's desire for ...", "voiced support for ...", "reiterated calls for ...".
NOMINAL_CUE_VERBS = frozenset("""
    underscore underline stress emphasize emphasise reiterate repeat restate reaffirm outline voice
    express disclose reveal signal indicate convey declare state articulate affirm highlight renew
""".split())

# Head nouns whose phrase is a proposition someone holds (objects of NOMINAL_CUE_VERBS).
PROPOSITION_NOUNS = frozenset("""
    desire wish hope readiness willingness preparedness openness eagerness preference aspiration
    intention intent commitment determination resolve need necessity call demand opposition support
    backing concern refusal rejection condition offer proposal warning threat plan position view
    stance belief conviction confidence doubt skepticism scepticism optimism pessimism insistence
    objection unwillingness reluctance ambition expectation fear frustration disappointment regret
    criticism condemnation interest
""".split())

# Verbs of acts by a speaker towards others: "... and accused Velgrad of meddling", "... and called the plan a bluff".
SPEECH_ACT_VERBS = frozenset("""
    accuse call criticise criticize condemn blame dismiss reject describe welcome praise thank invite
    appeal denounce slam hail attack rebuke challenge defend question
""".split())

# "pointed out": the particle that makes this a speech verb.
PARTICLE_VERBS = {"point": "out"}

# Questions, not statements: kept for direct quotes, never as reported clauses.
QUESTION_VERBS = frozenset({"ask", "wonder", "inquire", "enquire", "question"})

# "TASS quoted Lavrov as saying": the object is the speaker, the subject only relays.
RELAY_VERBS = frozenset({"quote", "cite"})

# Objects that belong to the cue rather than being addressees worth dropping.
AUDIENCE_NOUNS = frozenset("""
    reporters journalists press media lawmakers legislators parliament senators congress
    audience crowd supporters students viewers listeners readers delegates investors
    analysts parliamentarians colleagues members correspondents interviewer
""".split())

# Nouns naming a written or spoken statement ("a statement saying", "according to a report by").
DOCUMENT_NOUNS = frozenset("""
    statement letter report message post tweet note release communique communiqué memo
    filing document documents court_documents transcript interview remarks comments speech
    announcement email video broadcast address testimony ruling judgment judgement order
    complaint lawsuit affidavit indictment decision verdict study survey poll analysis research
    assessment review audit investigation inquiry notice filing
""".split())

# Documents put out by the body or person the text is about ("The ministry issued a statement. ... the
# statement said"); court papers are not ("Acme was sued. The lawsuit alleges ..." is not Acme speaking).
ISSUED_NOUNS = frozenset("""
    statement letter report message post tweet note release communique communiqué memo transcript interview
    remarks comments speech announcement email video broadcast address
""".split())

# Documents that report findings, not statements: "polls suggest ...", "the study showed ...".
# Without an issuer ("a survey by X") they speak for no one.
FINDING_NOUNS = frozenset("""
    poll survey study research analysis assessment review audit data figure statistic number index
    census estimate forecast projection model simulation indicator chart graph table
""".split())

# Events, abstractions, texts of law and measurements: subjects that never speak ("talks were continuing",
# "the crisis allows", "the law says", "prices suggested").
NON_SOURCE_NOUNS = FINDING_NOUNS | frozenset("""
    talk negotiation meeting crisis situation conflict war election vote referendum deal agreement treaty
    accord pact decision move step measure policy law rule regulation legislation bill act constitution
    contract proposal plan evidence trend development change attack incident accident event process debate
    discussion summit visit trip crash fire storm weather record history future past price market rate sale
    growth economy future futures result outcome figure score situation issue question problem matter
    news story headline decline rise fall increase drop
    other others some many most few several both all
""".split())

# Speech verbs that just as often take a non-speaking subject ("the rally suggested", "the case highlights"):
# their subject must be a known kind of source.
WEAK_SPEECH_VERBS = frozenset("""
    suggest indicate signal reveal confirm predict estimate forecast show underscore underline highlight
    mean reflect hint
""".split())

# Role nouns grouped into classes of interchangeable descriptions of one person.
ROLE_CLASSES: dict[str, frozenset[str]] = {
    "leader": frozenset("""leader president premier chancellor king queen monarch emir sultan
        ruler dictator strongman head prime_minister pm taoiseach shah tsar czar""".split()),
    "spokesperson": frozenset("""spokesman spokeswoman spokesperson press_secretary mouthpiece
        representative aide""".split()),
    "envoy": frozenset("""envoy ambassador diplomat emissary representative negotiator
        delegate""".split()),
    "minister": frozenset("""minister secretary foreign_minister defence_minister
        defense_minister""".split()),
    "lawmaker": frozenset("""lawmaker legislator senator congressman congresswoman
        representative mp deputy councillor councilor councilman councilwoman
        assemblyman assemblywoman""".split()),
    "judge": frozenset("judge justice magistrate".split()),
    "lawyer": frozenset("lawyer attorney counsel barrister solicitor advocate".split()),
    "prosecutor": frozenset("prosecutor district_attorney attorney_general".split()),
    "executive": frozenset("""executive ceo chief_executive chairman chairwoman chair
        chairperson president founder director boss head owner manager md cfo coo
        cofounder co-founder""".split()),
    "coach": frozenset("coach manager trainer boss head_coach skipper".split()),
    "player": frozenset("""player striker forward midfielder defender goalkeeper keeper
        captain quarterback pitcher batter batsman bowler winger guard centre center
        athlete runner champion""".split()),
    "police": frozenset("""officer detective inspector sergeant constable sheriff deputy
        commissioner superintendent chief investigator""".split()),
    "official": frozenset("official officer bureaucrat administrator".split()),
    "mayor": frozenset("mayor governor premier".split()),
    "military": frozenset("general commander colonel admiral officer marshal".split()),
    "expert": frozenset("""expert analyst economist professor researcher scientist
        academic scholar strategist historian""".split()),
    "witness": frozenset("witness bystander onlooker".split()),
    "accused": frozenset("suspect defendant accused".split()),
    "plaintiff": frozenset("plaintiff claimant complainant".split()),
    "resident": frozenset("resident neighbour neighbor local villager".split()),
}

PERSON_ROLE_NOUNS: frozenset[str] = frozenset().union(*ROLE_CLASSES.values()) | frozenset("""
    counterpart candidate nominee activist campaigner protester victim survivor student
    teacher doctor nurse driver worker employee farmer pilot owner parent mother father
    son daughter wife husband son-in-law friend partner colleague actor actress singer
    musician artist writer author journalist reporter editor critic host presenter
    chef priest bishop pastor rabbi imam cleric pope cardinal economist adviser advisor
    consultant chief spokesperson commentator founder investor trader banker broker
    referee umpire fan supporter member secretary-general secretary_general treasurer
    auditor regulator inspector ombudsman official mediator envoy
""".split())

# Plural/group nouns that can speak ("officials said", "police said").
GROUP_NOUNS = frozenset("""
    officials police prosecutors investigators authorities sources experts analysts
    witnesses residents lawmakers diplomats researchers scientists economists organisers
    organizers critics activists protesters doctors lawyers attorneys officers
    spokespeople representatives leaders ministers members fans observers
""".split())

# People in general, who can be sources without a role ("a passenger said", "residents said").
PEOPLE_NOUNS = frozenset("""
    people person man woman boy girl child mother father parent family resident neighbour neighbor
    voter customer passenger worker employee staff insider source observer commentator campaigner
    organiser organizer participant user viewer owner fan local citizen taxpayer patient victim
    eyewitness relative survivor tourist visitor shopper driver traveller traveler pupil teenager
    schoolgirl schoolboy
""".split())

# Organisation nouns ("the company said", "the ministry said").
ORG_NOUNS = frozenset("""
    company firm club team ministry department agency government administration court
    council party union army military bank group organisation organization commission
    committee board university school hospital league federation association office
    embassy campaign authority regulator tribunal parliament senate congress cabinet
    kremlin presidency secretariat police navy airline carrier retailer manufacturer
    maker producer operator developer insurer lender broadcaster network newspaper
    publisher studio charity foundation institute centre center council municipality
    city county state county_council watchdog startup conglomerate
""".split())

# Titles that precede or replace a name; stripped from canonical names.
TITLE_WORDS = frozenset("""
    mr mrs ms miss mx dr prof professor sir dame lord lady madam mme mlle herr
    president vice prime minister foreign defence defense interior finance justice
    secretary state senator sen rep representative congressman congresswoman governor gov
    mayor judge justice chancellor king queen prince princess pope cardinal bishop
    archbishop rev reverend father rabbi imam sheikh general gen colonel col major maj
    captain capt lieutenant lt sergeant sgt admiral adm commander cmdr officer detective
    inspector chief coach ceo chairman chairwoman chair director ambassador envoy speaker
    leader premier special counsel attorney deputy spokesman spokeswoman spokesperson
    president-elect former acting interim late then new
""".split())

# Nationality nouns: "Spaniard Jon Rahm" (a title to strip), "the Scot said" (the person just mentioned).
DEMONYM_NOUNS = frozenset("""
    spaniard briton dane swede finn pole scot turk frenchman frenchwoman dutchman dutchwoman
    englishman englishwoman welshman welshwoman irishman irishwoman scotsman scotswoman kiwi aussie
    american australian canadian german italian russian ukrainian brazilian argentine argentinian
    nigerian kenyan ghanaian indian pakistani chinese japanese korean filipino mexican
""".split())

# Ministerial portfolios: "Minister for Health Koh" is no person named Health Koh.
PORTFOLIO_WORDS = frozenset("""
    health finance defence defense education interior trade industry transport labour labor
    environment agriculture energy culture sport tourism housing treasury
""".split())

TITLE_WORDS = TITLE_WORDS | DEMONYM_NOUNS | PORTFOLIO_WORDS

# Honorifics that reveal gender, for pronoun agreement.
MALE_TITLES = frozenset("mr sir lord king prince father herr monsieur m.".split())
FEMALE_TITLES = frozenset("mrs ms miss madam mme dame lady queen princess mlle".split())

# Metonyms for institutions that NER often tags PERSON/GPE/FAC.
INSTITUTIONS = frozenset("""
    kremlin pentagon white_house downing_street elysee élysée vatican bundestag knesset
    duma state_department whitehall capitol_hill blue_house quai_d'orsay élysée_palace
    number_10 no_10 foreign_office home_office
""".split())

# Short country names and their variants, to give GPE entities one canonical name.
GPE_ALIASES = {
    "us": "United States", "u.s.": "United States", "usa": "United States",
    "u.s.a.": "United States", "united states": "United States", "america": "United States",
    "united states of america": "United States", "the us": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "united kingdom": "United Kingdom",
    "un": "United Nations", "u.n.": "United Nations", "united nations": "United Nations",
    "eu": "European Union", "e.u.": "European Union", "european union": "European Union",
    "uae": "United Arab Emirates", "prc": "China", "dprk": "North Korea",
}

# Demonyms whose stem does not simply prefix the country name.
DEMONYMS = {
    "american": "united states", "us": "united states", "u.s.": "united states",
    "british": "united kingdom", "uk": "united kingdom", "u.k.": "united kingdom",
    "english": "england", "french": "france", "german": "germany", "dutch": "netherlands",
    "swiss": "switzerland", "swedish": "sweden", "danish": "denmark", "finnish": "finland",
    "polish": "poland", "spanish": "spain", "turkish": "turkey", "irish": "ireland",
    "scottish": "scotland", "welsh": "wales", "greek": "greece", "chinese": "china",
    "japanese": "japan", "vietnamese": "vietnam", "thai": "thailand", "filipino": "philippines",
    "philippine": "philippines", "pakistani": "pakistan", "israeli": "israel",
    "iraqi": "iraq", "saudi": "saudi arabia", "emirati": "united arab emirates",
    "kiwi": "new zealand", "norwegian": "norway", "portuguese": "portugal",
    "lebanese": "lebanon", "sudanese": "sudan", "taiwanese": "taiwan",
}

# Subordinators that open a condition clause (single tokens).
CONDITION_MARKS = frozenset({"if", "unless", "provided", "providing", "once", "when", "whenever"})
# Multiword condition openers, as lower-cased word sequences.
CONDITION_PHRASES = (
    ("as", "soon", "as"), ("as", "long", "as"), ("so", "long", "as"),
    ("on", "condition", "that"), ("on", "the", "condition", "that"),
    ("provided", "that"), ("providing", "that"), ("only", "if"),
    ("in", "case"), ("in", "the", "event", "that"), ("only", "when"), ("only", "after"),
)
# Requirement verbs after "must" that state terms ("must include Ukraine").
REQUIREMENT_VERBS = frozenset({"include", "involve", "cover", "address", "respect", "guarantee"})
# Temporal "when"/"once" count as conditions only with present-tense verbs ("when X is ready").
PRESENT_TAGS = frozenset({"VBZ", "VBP"})

# A cue under these reports no statement made: "will say", "is expected to announce", "declined to say".
IRREALIS_AUX = frozenset({"will", "would", "could", "may", "might", "should", "shall", "can", "'ll", "’ll"})
IRREALIS_HEADS = frozenset("""expect plan want refuse decline fail hope try intend likely set due wish
    need seek aim prepare""".split())

PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
PRONOUNS_GROUP = frozenset({"they", "them"})
PRONOUNS_THING = frozenset({"it"})

_IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "tells": "tell", "wrote": "write",
    "written": "write", "went": "go", "gone": "go", "spoke": "speak", "spoken": "speak",
    "hoped": "hope", "saying": "say", "telling": "tell",
}


def verb_lemma(lemma: str, text: str) -> str:
    """The lexicon lemma of a verb token, repairing common lemmatiser slips."""
    lemma = lemma.lower()
    if lemma in SPEECH_VERBS or lemma in PARTICLE_VERBS:
        return lemma
    word = text.lower()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("es", ""),
                         ("s", ""), ("ing", "e"), ("ing", "")):
        if word.endswith(suffix):
            stem = word[: -len(suffix)] + repl
            if stem in SPEECH_VERBS:
                return stem
    return lemma


def role_classes(word: str) -> set[str]:
    """The role classes a (lower-cased, underscore-joined) role noun belongs to."""
    return {name for name, words in ROLE_CLASSES.items() if word in words} or {word}


_DEMONYM_SUFFIXES = ("ians", "ian", "ans", "an", "ese", "ish", "i", "n")


def nation_key(word: str) -> str | None:
    """A comparable key for a country, demonym or capital-letter acronym ("Russian" ~ "Russia's")."""
    w = re.sub(r"(’s|'s|’|')$", "", word.lower())
    if w in DEMONYMS:
        return DEMONYMS[w]
    alias = GPE_ALIASES.get(w)
    if alias:
        return alias.lower()
    for suffix in _DEMONYM_SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: len(w) - len(suffix)][:4]
    return w[:4]

SOURCE_NOUNS = (PERSON_ROLE_NOUNS | GROUP_NOUNS | ORG_NOUNS | DOCUMENT_NOUNS | PEOPLE_NOUNS) - FINDING_NOUNS

# Pronouns that can stand for a speaker ("this suggests ..." cannot).
SPEAKER_PRONOUNS = frozenset("he she it they we i you him her them us me one who".split())
