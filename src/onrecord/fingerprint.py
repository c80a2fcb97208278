"""Text fingerprints for finding syndicated copies: MinHash over word 5-shingles.

A fingerprint is computed once, when an article is stored, so that finding
the copies among the articles of a query reads 512 bytes per article instead
of re-hashing its text. The grouping itself is in ``analysis.dedup``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

SHINGLE = 5  # words per shingle: long enough that shared phrases of unrelated articles rarely collide
NUM_PERM = 128
_SEED = 1
_SCHEME = "affine32"  # 32-bit hash values, named so that a later datasketch default cannot change them
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True, eq=False)
class Fingerprint:
    """The MinHash values of an article's shingles (NUM_PERM uint32), and how many shingles it has."""

    values: np.ndarray
    shingles: int

    def to_bytes(self) -> bytes:
        return self.values.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, shingles: int) -> "Fingerprint":
        return cls(np.frombuffer(data, dtype="<u4"), shingles)

    def jaccard(self, other: "Fingerprint") -> float:
        return float(np.count_nonzero(self.values == other.values)) / len(self.values)

    def containment(self, other: "Fingerprint") -> float:
        """Estimated share of the smaller shingle set that the other one contains."""
        jaccard = self.jaccard(other)
        small = min(self.shingles, other.shingles)
        if not small:
            return 0.0
        # |A ∩ B| = J (|A| + |B|) / (1 + J)
        return min(1.0, jaccard * (self.shingles + other.shingles) / (1 + jaccard) / small)


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """The word ``size``-grams of ``text``, case- and punctuation-folded (curly vs straight quotes alike)."""
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def fingerprint(text: str) -> Fingerprint:
    grams = shingles(text)
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    minhash.update_batch(list(grams))
    return Fingerprint(np.asarray(minhash.hashvalues, dtype=np.uint32), len(grams))
