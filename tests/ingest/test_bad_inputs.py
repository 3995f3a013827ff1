"""Ingest loses nothing quietly: the bad-input corpus in ``tests/ingest/badinput``.

The corpus (written for these tests): an empty file, a binary file, a report that is not
valid UTF-8, one over ``--max-bytes 4000``, an HTML page that is only nested tags, a CSV
with an unclosed quote between good rows, a JSONL file with a cut line, a line that is no
object and a line with a byte that is not UTF-8; and one good report. Every bad file or
row is one line on stderr naming it, every good document is stored, and the summary
counts both. Then the CLI's other one-line errors (exit 2, no traceback).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from civcas import api, cli
from civcas.store import Ledger

HERE = Path(__file__).parent / "badinput"
runner = CliRunner()
GOOD = {"good-report", "c1", "c3", "c4", "j1", "j4"}
BAD = {  # file (and row) -> the reason's code
    "binary.txt": "E202",
    "empty.txt": "E211",
    "invalid-utf8.txt": "E231",
    "oversized.txt": "E241",
    "nested-tags.html": "E214",
    "broken-quoting.csv:row 2": "E228",
    "broken-lines.jsonl:line 2": "E223",
    "broken-lines.jsonl:line 3": "E224",
    "broken-lines.jsonl:line 4": "E232",
}


def civcas(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(Path(sys.executable).parent / "civcas"), *args],
                          capture_output=True, text=True, timeout=300)


def test_the_bad_input_corpus_ingests_with_one_line_per_bad_file_or_row(tmp_path):
    db = f"sqlite:///{tmp_path / 'bad.db'}"
    r = civcas("ingest", str(HERE), "--max-bytes", "4000", "--db", db)
    assert r.returncode == 0, r.stderr
    lines = r.stderr.splitlines()
    assert len(lines) == len(BAD), r.stderr  # no library's warning line, no traceback
    for where, code in BAD.items():
        hits = [line for line in lines if f"badinput/{where}: [{code}]" in line]
        assert len(hits) == 1, (where, r.stderr)
    with Ledger(db) as ledger:
        assert {d.id for d in ledger.documents()} == GOOD
    # the summary counts both (documents new ... failed)
    row = next(line for line in r.stdout.splitlines() if line.strip()[:1].isdigit())
    assert row.split()[:4] == [str(len(GOOD)), "0", "0", str(len(BAD))]


def test_a_stated_encoding_reads_what_utf8_cannot(tmp_path):
    r = runner.invoke(cli.app, ["extract", "--jsonl", "--encoding", "cp1252",
                                str(HERE / "invalid-utf8.txt")])
    assert r.exit_code == 0 and '"id": "invalid-utf8"' in r.output
    r = runner.invoke(cli.app, ["extract", "--encoding", "no-such-codec",
                                str(HERE / "good-report.txt")])
    assert r.exit_code == 2 and r.output.count("\n") == 1 and "[E114]" in r.output


def test_an_unclosed_quote_swallows_no_good_row(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text('id,text\n'
                    'a,"Mortar fire killed a boy in Binnish on Monday, his family said."\n'
                    'b,"A quote that never closes, killed two\n'
                    'c,"A drone hit a car near Taftanaz on Tuesday, killing two men, rescuers said."\n'
                    'd,"Shelling wounded four women in Ariha on Friday, a medic said."\n',
                    encoding="utf-8")
    items = list(api.read_documents([path]))
    assert [getattr(i, "id", None) or i.origin for i in items] == ["a", f"{path}:row 2", "c",
                                                                    "d"]
    assert "[E228]" in items[1].reason


def test_a_csv_row_that_is_not_utf8_is_its_own_failure(tmp_path):
    path = tmp_path / "enc.csv"
    path.write_bytes(b'id,text\n'
                     b'a,"Shelling of Ariha killed a girl on Monday, a doctor said."\n'
                     b'b,"Caf\xe9 hit in Idlib, killing two people, residents said."\n'
                     b'c,"A raid on Binnish wounded three men on Friday, a medic said."\n')
    items = list(api.read_documents([path]))
    assert [getattr(i, "id", None) or i.origin for i in items] == ["a", f"{path}:row 2", "c"]
    assert "[E235]" in items[1].reason
    fixed = list(api.read_documents([path], encoding="cp1252"))
    assert [d.id for d in fixed] == ["a", "b", "c"] and "Caf\u00e9" in fixed[1].text


def test_nothing_is_created_when_nothing_could_be_read(tmp_path):
    ledger = tmp_path / "ledger.db"
    r = civcas("ingest", str(tmp_path / "no" / "such"), "--db", f"sqlite:///{ledger}")
    assert r.returncode == 1 and "[E206]" in r.stderr and "Traceback" not in r.stderr
    assert not ledger.exists()
    r = civcas("ingest", str(HERE / "empty.txt"), str(HERE / "binary.txt"),
               "--db", f"sqlite:///{ledger}")
    assert r.returncode == 1 and not ledger.exists()


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    db = f"sqlite:///{tmp_path_factory.mktemp('out') / 'l.db'}"
    api.ingest([HERE / "good-report.txt"], db=db)
    return db


@pytest.mark.parametrize("args, code", [
    (["report", "-o", "/nonexistent/dir/r.html"], "E148"),
    (["report", "-o", "/tmp"], "E147"),
    (["export", "-o", "/nonexistent/x.csv"], "E148"),
    (["export", "--format", "parquet", "-o", "/tmp"], "E147"),
])
def test_output_paths_that_cannot_be_written_are_one_line(ledger, args, code):
    r = runner.invoke(cli.app, [*args, "--db", ledger])
    assert r.exit_code == 2, r.output
    assert r.output.count("\n") == 1 and f"[{code}]" in r.output and r.exception is not None
    assert not Path("/nonexistent").exists()
