"""Syndication: copies of one wire story are found with MinHash and count as one statement."""
from __future__ import annotations

from onrecord.analysis.dedup import syndication_groups
from onrecord.analysis.positions import group_statements
from onrecord.analysis.statements import Parties, Statement, read
from onrecord.fingerprint import Fingerprint, fingerprint

WIRE = (
    "Norland is ready to restart talks with the Ostmark Federation if the new government in Ostburg "
    "is ready to do the same, a spokesman for President Ari Holt said on Tuesday. "
    "“We are counting on a new start,” spokesman Ben Sild told reporters. "
    "The new prime minister was sworn in on Thursday after an election that ended nine years of coalition rule. "
    "Relations between the neighbours have been frozen since clashes on the river border killed six soldiers. "
    "Trade between the two countries fell by half last year, according to customs data, and the only "
    "rail link between them carries freight alone. Diplomats said the change of government was the first "
    "real opening in years but warned that the river provinces could still block any deal."
)
COPIES = {
    "full": WIRE,
    "dateline": "NORDHAVEN, March 2 (NP) – " + WIRE.rsplit(" Diplomats", 1)[0],
    "blog": "(NP) - " + WIRE.replace("“", '"').replace("”", '"').rsplit(" Trade between", 1)[0],
}
def prints(texts):
    return [(key, fingerprint(text)) for key, text in texts]


OTHER = (
    "The city council voted on Monday to extend the ferry contract for five years, ending months of "
    "uncertainty for islanders who depend on the boat to reach the hospital, schools and work."
)


def test_shortened_copies_with_datelines_are_one_group():
    groups = syndication_groups(prints([*COPIES.items(), ("ferry", OTHER)]))
    assert len({groups[k] for k in COPIES}) == 1
    assert groups["ferry"] == "ferry"


def test_containment_sees_a_shortened_copy_inside_the_full_story():
    assert fingerprint(COPIES["blog"]).containment(fingerprint(WIRE)) > 0.8
    assert fingerprint(OTHER).containment(fingerprint(WIRE)) < 0.1


def test_a_stored_fingerprint_reads_back_the_same():
    wire = fingerprint(WIRE)
    stored = Fingerprint.from_bytes(wire.to_bytes(), wire.shingles)
    assert len(wire.to_bytes()) == 512
    assert stored.containment(fingerprint(COPIES["dateline"])) == wire.containment(fingerprint(COPIES["dateline"]))


def test_syndicated_copies_collapse_into_one_statement_with_their_outlets():
    parties = Parties([("Ben Sild", "PERSON", ["spokesman for Norlandic President Ari Holt"])])
    quote = "Norland is ready to restart talks with the Ostmark Federation"

    def statement(article: str, outlet: str, date: str) -> Statement:
        r = read(quote, speaker="Ben Sild", parties=parties)
        return Statement(article, f"{article}.txt", date, "Ben Sild", [outlet], quote, r.conditions, 0, len(quote),
                         r.actor, r.predicate, r.target, r.polarity, r.core, frozenset(r.words))

    statements = [statement("full", "Harbour Post", "2021-03-02"), statement("dateline", "City Ledger", "2021-03-02"),
                  statement("blog", "blog.example", "2021-03-02"), statement("earlier", "Evening Star", "2019-05-01")]
    groups = syndication_groups(prints([*COPIES.items(), ("earlier", OTHER)]))
    (position,) = group_statements(statements, copies=groups)
    assert len(position.statements) == 2
    wire = position.statements[1]
    assert sorted(wire.statement.outlets) == ["City Ledger", "Harbour Post", "blog.example"]
    assert len(wire.copies) == 2


def test_copies_alone_are_not_a_position():
    parties = Parties([("Ben Sild", "PERSON", ["Norlandic spokesman"])])
    quote = "Norland is ready to restart talks with Ostmark"
    r = read(quote, speaker="Ben Sild", parties=parties)
    statements = [Statement(a, a, "2021-03-02", "Ben Sild", [a], quote, None, 0, len(quote), r.actor, r.predicate,
                            r.target, r.polarity, r.core, frozenset(r.words)) for a in COPIES]
    assert group_statements(statements, copies=syndication_groups(prints(COPIES.items()))) == []
