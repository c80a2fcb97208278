"""Syndication: near-duplicate articles (a wire story republished by several outlets) found with MinHash.

Each article becomes a MinHash over its word 5-shingles; a MinHashLSH index
proposes candidate pairs, and a pair is a copy when the smaller article is
mostly contained in the larger one (containment is estimated from the
MinHash Jaccard and the two shingle counts), so that a shortened copy of a
wire story still joins the full one. Copies are grouped transitively.
Only the signatures are kept, never the texts.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from datasketch import MinHash, MinHashLSH

if TYPE_CHECKING:
    from ..store.base import Store

SHINGLE = 5  # words per shingle: long enough that shared phrases of unrelated articles rarely collide
NUM_PERM = 128
LSH_THRESHOLD = 0.3  # candidate recall for shortened copies, whose Jaccard with the full story is low
MIN_CONTAINMENT = 0.6  # share of the shorter article's shingles found in the longer one
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """The word ``size``-grams of ``text``, case- and punctuation-folded (curly vs straight quotes alike)."""
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str) -> tuple[MinHash, int]:
    """The MinHash of an article's shingles and how many shingles it has."""
    grams = shingles(text)
    minhash = MinHash(num_perm=NUM_PERM)
    minhash.update_batch(list(grams))
    return minhash, len(grams)


def containment(a: tuple[MinHash, int], b: tuple[MinHash, int]) -> float:
    """Estimated share of the smaller shingle set that the other one contains."""
    jaccard = a[0].jaccard(b[0])
    small = min(a[1], b[1])
    if not small:
        return 0.0
    # |A ∩ B| = J (|A| + |B|) / (1 + J)
    return min(1.0, jaccard * (a[1] + b[1]) / (1 + jaccard) / small)


def syndication_groups(texts: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Group near-duplicate articles: (article id, text) pairs -> {article id: group id}.

    Every article is in the result; an article with no copy is its own group.
    The group id is the smallest article id of the group, so it is stable.
    """
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    signatures: dict[str, tuple[MinHash, int]] = {}
    parent: dict[str, str] = {}
    for article_id, text in texts:
        if article_id in signatures:
            continue
        sig = signature(text)
        parent[article_id] = article_id
        for other in lsh.query(sig[0]):
            if containment(sig, signatures[other]) >= MIN_CONTAINMENT:
                _union(parent, article_id, other)
        lsh.insert(article_id, sig[0])
        signatures[article_id] = sig
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


def stored_texts(store: "Store", article_ids: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(id, text) of stored articles, one at a time, so that texts are never all in memory."""
    for article_id in article_ids:
        article = store.get(article_id)
        if article is not None:
            yield article.id, article.text


def find_syndication(store: "Store", article_ids: Iterable[str] | None = None) -> dict[str, str]:
    """Syndication groups of the given stored articles (all articles when None)."""
    ids = [a.id for a in store.articles()] if article_ids is None else sorted(set(article_ids))
    return syndication_groups(stored_texts(store, ids))
