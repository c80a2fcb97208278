"""Syndication: near-duplicate articles (a wire story republished by several outlets) found with MinHash.

Each article becomes a MinHash over its word 5-shingles; a MinHashLSH index
proposes candidate pairs, and a pair is a copy when the smaller article is
mostly contained in the larger one (containment is estimated from the
MinHash Jaccard and the two shingle counts), so that a shortened copy of a
wire story still joins the full one. Copies are grouped transitively.
Only the signatures are kept, never the texts.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from datasketch import MinHashLSH

from ..fingerprint import NUM_PERM, Fingerprint, fingerprint

if TYPE_CHECKING:
    from ..store.base import Store

LSH_THRESHOLD = 0.3  # candidate recall for shortened copies, whose Jaccard with the full story is low
MIN_CONTAINMENT = 0.6  # share of the shorter article's shingles found in the longer one


def syndication_groups(prints: Iterable[tuple[str, Fingerprint]]) -> dict[str, str]:
    """Group near-duplicate articles: (article id, fingerprint) pairs -> {article id: group id}.

    Every article is in the result; an article with no copy is its own group.
    The group id is the smallest article id of the group, so it is stable.
    """
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    seen: dict[str, Fingerprint] = {}
    parent: dict[str, str] = {}
    for article_id, sig in prints:
        if article_id in seen:
            continue
        parent[article_id] = article_id
        for other in lsh.query(sig.minhash):
            if sig.containment(seen[other]) >= MIN_CONTAINMENT:
                _union(parent, article_id, other)
        lsh.insert(article_id, sig.minhash)
        seen[article_id] = sig
    return {a: _root(parent, a) for a in parent}


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
