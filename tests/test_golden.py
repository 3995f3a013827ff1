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


def test_an_extraction_crash_is_reported_and_the_batch_goes_on(tmp_path, monkeypatch):
    from civcas import api
    from civcas.api import _extract
    from civcas.records import ExtractionResult, ReadFailure

    (tmp_path / "a.txt").write_text("Bad one\nAt least 5 people were killed, activists said.\n")
    (tmp_path / "b.txt").write_text("Good one\nAt least 7 people were killed, activists said.\n")
    real = _extract.extract_document

    def flaky(doc):
        if doc.id == "a":
            raise RuntimeError("boom")
        return real(doc)

    monkeypatch.setattr(_extract, "extract_document", flaky)  # the one api.extract_paths calls
    out = list(api.extract_paths([tmp_path]))
    assert isinstance(out[0], ReadFailure) and "boom" in out[0].reason and "a.txt" in out[0].origin
    assert isinstance(out[1], ExtractionResult) and out[1].claims[0].low == 7
