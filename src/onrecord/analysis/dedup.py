"""Syndication: near-duplicate articles (a wire story republished by several outlets) found with MinHash.

Each article has a MinHash over its word 5-shingles (``fingerprint.py``,
stored with the article); banding its hash values (LSH) proposes candidate
pairs, and a pair is a copy when the smaller article is
mostly contained in the larger one (containment is estimated from the
MinHash Jaccard and the two shingle counts), so that a shortened copy of a
wire story still joins the full one. Copies are grouped transitively.
Only the signatures are kept, never the texts.
"""
from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations
from typing import TYPE_CHECKING

import numpy as np

from ..fingerprint import NUM_PERM, Fingerprint, fingerprint

if TYPE_CHECKING:
    from ..store.base import Store

# Bands of ROWS hash values: two articles whose Jaccard is about (1 / BANDS) ** (1 / ROWS) = 0.29 or more
# share a band, so a shortened copy, whose Jaccard with the full story is low, is still a candidate.
ROWS = 3
BANDS = NUM_PERM // ROWS
MIN_CONTAINMENT = 0.6  # share of the shorter article's shingles found in the longer one


def syndication_groups(prints: Iterable[tuple[str, Fingerprint]]) -> dict[str, str]:
    """Group near-duplicate articles: (article id, fingerprint) pairs -> {article id: group id}.

    Every article is in the result; an article with no copy is its own group.
    The group id is the smallest article id of the group, so it is stable.
    """
    fingerprints: dict[str, Fingerprint] = {}
    for article_id, sig in prints:
        fingerprints.setdefault(article_id, sig)
    ids = list(fingerprints)
    parent = {a: a for a in ids}
    for i, j in _candidates(np.stack([fingerprints[a].values for a in ids])) if len(ids) > 1 else ():
        a, b = ids[i], ids[j]
        if fingerprints[a].containment(fingerprints[b]) >= MIN_CONTAINMENT:
            _union(parent, a, b)
    return {a: _root(parent, a) for a in ids}


def _candidates(values: np.ndarray) -> set[tuple[int, int]]:
    """Row pairs that agree on all ROWS values of at least one band (LSH), found with one sort."""
    n = len(values)
    if n < 2:
        return set()
    bands = values[:, : BANDS * ROWS].astype(np.uint64).reshape(n, BANDS, ROWS)
    # One 64-bit key per (row, band); a collision only adds a candidate, which containment then checks.
    keys = (bands * np.array([0x9E3779B1, 0x85EBCA77, 1], dtype=np.uint64)).sum(axis=2, dtype=np.uint64)
    keys ^= np.arange(BANDS, dtype=np.uint64) * np.uint64(0xC2B2AE3D27D4EB4F)
    flat = keys.ravel()
    order = np.argsort(flat, kind="stable")
    ordered = flat[order]
    pairs: set[tuple[int, int]] = set()
    for start in np.flatnonzero((ordered[1:] == ordered[:-1]) & np.r_[True, ordered[1:-1] != ordered[:-2]]):
        stop = start + 1
        while stop < len(ordered) and ordered[stop] == ordered[start]:
            stop += 1
        rows = sorted({int(k) // BANDS for k in order[start:stop]})
        pairs.update(combinations(rows, 2))
    return pairs


def _root(parent: dict[str, str], a: str) -> str:
    while parent[a] != a:
        parent[a] = parent[parent[a]]
        a = parent[a]
    return a


def _union(parent: dict[str, str], a: str, b: str) -> None:
    ra, rb = _root(parent, a), _root(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


def find_syndication(store: "Store", article_ids: Iterable[str] | None = None) -> dict[str, str]:
    """Syndication groups of the given stored articles (all articles when None).

    Fingerprints are stored with the articles; an article stored without one
    (by an older version) is fingerprinted from its text now.
    """
    ids = [a.id for a in store.articles()] if article_ids is None else sorted(set(article_ids))
    stored = store.fingerprints(ids)

    def prints() -> Iterable[tuple[str, Fingerprint]]:
        for article_id in ids:
            if article_id in stored:
                yield article_id, stored[article_id]
            elif (article := store.get(article_id)) is not None:
                yield article_id, fingerprint(article.text)

    return syndication_groups(prints())
