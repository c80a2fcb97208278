"""onrecord: who said what, when, and on what conditions, from news articles."""
from __future__ import annotations

__version__ = "0.1.0"
