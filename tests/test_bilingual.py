"""Golden file: an Arabic and an English report of one strike (examples/bilingual, written by us)
ingested together resolve to one incident, with the same claims from each.

Regenerate after an intended change with:
    CIVCAS_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/test_bilingual.py
and review the diff of tests/golden/bilingual_incidents.json like any other change.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from typer.testing import CliRunner

from civcas.cli import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "bilingual"
GOLDEN = Path(__file__).parent / "golden" / "bilingual_incidents.json"


def _claims(doc: dict) -> list[tuple]:
    return sorted((c["outcome"], c["victims"], c["low"], c["high"], c["source"], c["event_date"], c["perpetrator"],
                   c["scope"]) for c in doc["claims"])


def test_both_languages_give_the_same_claims():
    result = CliRunner().invoke(app, ["extract", "--jsonl", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    docs = {d["id"]: d for d in map(json.loads, result.stdout.splitlines())}
    ar, en = docs["2019-07-22_maarat_ar"], docs["2019-07-22_maarat_en"]
    assert ar["language"] == "ar" and en["language"] == "en"
    assert _claims(ar) == _claims(en) and len(_claims(ar)) == 3


def test_an_arabic_and_an_english_report_of_one_strike_are_one_incident(tmp_path):
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    runner = CliRunner()
    done = runner.invoke(app, ["ingest", str(SAMPLE), "--db", db])
    assert done.exit_code == 0, done.output
    listed = runner.invoke(app, ["incidents", "--db", db, "--json"])
    assert listed.exit_code == 0, listed.output
    if os.environ.get("CIVCAS_REGEN_GOLDEN"):
        GOLDEN.write_text(listed.stdout, encoding="utf-8")
    got = json.loads(listed.stdout)
    assert len(got) == 1 and got[0]["civilians_killed"]["best"] == 15
    assert got == json.loads(GOLDEN.read_text(encoding="utf-8"))
