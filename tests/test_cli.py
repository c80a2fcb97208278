"""The onrecord command, through its real entry point."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from onrecord.cli import main

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
FERRY = str(ARTICLES / "harbour-ferry.txt")
COURT = str(ARTICLES / "court-ruling.txt")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "test.db")


def test_console_script_help_lists_every_command():
    result = subprocess.run([sys.executable, "-m", "onrecord", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    for command in ("extract", "ingest", "articles", "show", "search", "quotes", "speakers", "positions",
                    "timeline", "report", "serve", "evaluate", "demo"):
        assert command in result.stdout


@pytest.mark.parametrize("command", ["extract", "ingest", "articles", "show", "search", "quotes", "speakers",
                                     "positions", "timeline", "report", "serve", "evaluate", "demo"])
def test_every_command_has_help(capsys, command):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: onrecord" in capsys.readouterr().out


def test_extract_prints_one_jsonl_record_per_article(capsys):
    code, out, _ = run(capsys, "extract", FERRY, COURT, "--format", "jsonl")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [Path(r["source"]).name for r in records] == ["harbour-ferry.txt", "court-ruling.txt"]
    ferry = records[0]
    assert ferry["title"] == "Ferry operator promises winter timetable if port fees are frozen"
    assert "Sign up for our morning newsletter" in ferry["removed"]
    assert "newsletter" not in ferry["text"]
    for quote in ferry["quotes"]:
        assert ferry["text"][quote["start"]:quote["end"]] == quote["text"]
    assert any(q["speaker"] == "Lena Varga" for q in ferry["quotes"])
    assert set(ferry) >= {"source", "title", "outlet", "wire", "published", "text", "removed", "entities",
                          "quotes", "timexes"}


def test_extract_from_stdin(capsys, monkeypatch):
    data = Path(FERRY).read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(capsys, "extract", "-")
    assert code == 0
    assert json.loads(out)["title"].startswith("Ferry operator")


def test_bad_file_is_reported_and_the_batch_goes_on(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, out, err = run(capsys, "extract", str(empty), FERRY)
    assert code == 1
    assert "empty.txt" in err and "empty" in err
    assert len(out.splitlines()) == 1


def test_ingest_twice_is_a_no_op(capsys, db):
    code, out, _ = run(capsys, "--db", db, "ingest", FERRY, COURT)
    assert code == 0
    assert "read 2, new 2, duplicates 0, failed 0" in out
    code, out, _ = run(capsys, "--db", db, "ingest", FERRY, COURT)
    assert "read 2, new 0, duplicates 2, failed 0" in out


def test_ingest_reports_failures_and_exits_1(capsys, db, tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    code, out, err = run(capsys, "--db", db, "ingest", str(binary), FERRY)
    assert code == 1
    assert "image.txt" in err
    assert "new 1" in out and "failed 1" in out


def test_listing_commands_in_every_format(capsys, db):
    run(capsys, "--db", db, "ingest", FERRY, COURT)
    code, out, _ = run(capsys, "--db", db, "articles", "--format", "json")
    assert code == 0
    articles = json.loads(out)
    assert len(articles) == 2
    code, out, _ = run(capsys, "--db", db, "articles", "--format", "csv")
    assert len(list(csv.DictReader(io.StringIO(out)))) == 2
    code, out, _ = run(capsys, "--db", db, "search", "ferry", "--format", "json")
    assert [hit["title"] for hit in json.loads(out)][0].startswith("Ferry operator")
    code, out, _ = run(capsys, "--db", db, "quotes", "--speaker", "Varga", "--format", "json")
    assert code == 0 and json.loads(out)
    assert all(row["speaker"] == "Lena Varga" for row in json.loads(out))
    code, out, _ = run(capsys, "--db", db, "speakers", "--format", "table")
    assert "Lena Varga" in out
    code, out, _ = run(capsys, "--db", db, "show", articles[0]["id"][:8])
    assert code == 0 and articles[0]["title"] in out


def test_search_with_broken_syntax_is_a_clear_error(capsys, db):
    run(capsys, "--db", db, "ingest", FERRY)
    code, _, err = run(capsys, "--db", db, "search", '"unbalanced')
    assert code == 1
    assert err.startswith("onrecord: error:")


def test_show_unknown_id(capsys, db):
    run(capsys, "--db", db, "ingest", FERRY)
    code, _, err = run(capsys, "--db", db, "show", "ffffffffffff")
    assert code == 1 and "no article" in err


def test_demo_builds_a_fresh_database(capsys, tmp_path):
    db = str(tmp_path / "demo.db")
    code, out, _ = run(capsys, "--db", db, "demo", "--quiet")
    assert code == 0
    assert "failed 0" in out
    assert "Most quoted speakers" in out and "Position:" in out
    code, out, _ = run(capsys, "--db", db, "demo", "--quiet")
    assert "duplicates 0" in out  # fresh each time
