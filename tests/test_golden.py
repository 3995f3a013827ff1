"""Golden file: the full `civcas extract --jsonl` output on the bundled sample.

Regenerate after an intended change with:
    CIVCAS_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
and review the diff of tests/golden/sample.jsonl like any other change.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from typer.testing import CliRunner

from civcas.cli import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample"
GOLDEN = Path(__file__).parent / "golden" / "sample.jsonl"


def _run() -> str:
    result = CliRunner().invoke(app, ["extract", "--jsonl", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_sample_output_matches_golden_file():
    out = _run()
    if os.environ.get("CIVCAS_REGEN_GOLDEN"):
        GOLDEN.write_text(out, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8")
    got_docs = [json.loads(line) for line in out.splitlines()]
    want_docs = [json.loads(line) for line in expected.splitlines()]
    assert [d["id"] for d in got_docs] == [d["id"] for d in want_docs]
    for got, want in zip(got_docs, want_docs):
        assert got == want, f"document {want['id']} differs from the golden file"


def test_sample_spans_point_into_their_sentences():
    docs = [json.loads(line) for line in _run().splitlines()]
    assert len(docs) >= 15
    assert sum(len(d["claims"]) for d in docs) >= 50
    for d in docs:
        for c in d["claims"]:
            s, e = c["span"]
            assert 0 <= s < e
            assert c["text"] in c["sentence"]
