"""Analysis over the stored record: statements, positions, syndication and timelines.

- :mod:`.statements`: each quote read as a proposition (actor, predicate, target, polarity, condition).
- :mod:`.positions`: statements grouped into positions across articles, outlets and years.
- :mod:`.dedup`: syndicated copies of one story found with MinHash.
- :mod:`.timeline`: the statements matching a query, in date order, with what changed.
"""
from .dedup import find_syndication, syndication_groups
from .positions import Change, Entry, Position, find_positions, group_statements, same_position
from .statements import Parties, Statement, read
from .timeline import TimelineEntry, build_timeline, timeline, to_markdown

__all__ = [
    "Change",
    "Entry",
    "Parties",
    "Position",
    "Statement",
    "TimelineEntry",
    "build_timeline",
    "find_positions",
    "find_syndication",
    "group_statements",
    "read",
    "same_position",
    "syndication_groups",
    "timeline",
    "to_markdown",
]
