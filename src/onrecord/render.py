"""Render records as a table, CSV, JSON or JSON Lines (pure functions returning text)."""
from __future__ import annotations

import csv
import io
import json
import shutil
from typing import Any, Iterable, Sequence

FORMATS = ("table", "json", "csv")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return " ".join(str(value).split())


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str], width: int | None = None) -> str:
    """A plain fixed-width table that fits the terminal; long cells are cut with '…'."""
    if not rows:
        return "(no results)"
    width = width or shutil.get_terminal_size((120, 20)).columns
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    sizes = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    budget = max(width - 2 * (len(columns) - 1), 20)
    while sum(sizes) > budget and max(sizes) > 8:
        widest = sizes.index(max(sizes))
        sizes[widest] -= 1

    def line(values: Sequence[str]) -> str:
        return "  ".join(_fit(v, n) for v, n in zip(values, sizes)).rstrip()

    return "\n".join([line(columns), line(["-" * n for n in sizes]), *(line(r) for r in cells)])


def _fit(value: str, size: int) -> str:
    return value.ljust(size) if len(value) <= size else value[: size - 1] + "…"


def csv_text(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return out.getvalue().rstrip("\n")


def json_text(rows: Iterable[dict[str, Any]]) -> str:
    return json.dumps(list(rows), ensure_ascii=False, indent=2)


def jsonl_line(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False)


def render(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str]) -> str:
    """One listing in the format the user asked for."""
    if fmt == "json":
        return json_text(rows)
    if fmt == "csv":
        return csv_text(rows, columns)
    return table(rows, columns)
