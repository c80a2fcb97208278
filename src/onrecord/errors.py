"""The library's exceptions; ``cli.py`` and ``web/`` map them to messages and exit codes."""
from __future__ import annotations


class OnrecordError(Exception):
    """Base of every error onrecord raises on purpose."""


class InputError(OnrecordError):
    """A file, or one item inside it, cannot be read as an article."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(OnrecordError):
    """The database cannot be opened, migrated or written."""


class QueryError(OnrecordError):
    """A search or filter the user gave is malformed (bad FTS syntax, bad date)."""


class ModelError(OnrecordError):
    """The spaCy pipeline cannot be loaded."""
