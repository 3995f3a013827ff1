"""Why a claim holds its values: the candidates each field's decision weighed, their probabilities
and reasons (``civcas extract --explain``, ``api.explain_text``), and a confidence per claim."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from civcas import api
from civcas.cli import app
from civcas.extract.decide import FIELDS, WORDS, model, words

REPORT = ("Air strikes killed 12 civilians in the town of Kafr Nabl on Thursday, the Syrian Observatory for "
          "Human Rights said. Russian jets carried out the raids, the monitor said.")


def test_every_field_of_every_claim_is_explained_with_its_candidates():
    (why,) = api.explain_text(REPORT, "2016-05-06")
    assert [f.field for f in why.fields] == list(FIELDS)
    by_field = {f.field: f for f in why.fields}
    assert by_field["source"].value == why.claim.source == "Syrian Observatory for Human Rights"
    assert by_field["place"].value == why.claim.place == "Kafr Nabl"
    for f in why.fields:
        probs = [c.probability for c in f.considered]
        assert f.considered[0].value == f.value  # the chosen one first
        assert probs == sorted(probs, reverse=True)
        assert abs(sum(probs) - 1) < 0.02  # one decision among the candidates
        assert len(f.considered) >= 2  # "none"/"reporter" is always a candidate
        assert all(c.origin for c in f.considered)
    assert any(r for c in by_field["place"].considered for r in c.reasons)


def test_explaining_changes_no_claim():
    plain = api.extract_text(REPORT, "2016-05-06")
    explained = [w.claim for w in api.explain_text(REPORT, "2016-05-06")]
    assert plain == explained


def test_a_claim_carries_a_confidence_between_0_and_1():
    (claim,) = api.extract_text(REPORT, "2016-05-06")
    assert claim.confidence is not None and 0.0 <= claim.confidence <= 1.0


def test_every_feature_the_decisions_weigh_is_said_in_words():
    keys = {k for f in model()["weights"].values() for k in f}
    assert keys
    for k in keys:
        said = words(k)
        assert said and (k not in said or "." not in k and k in WORDS), k  # never the raw feature name


def test_cli_explain_prints_the_candidates_and_json_lines_carry_them(tmp_path):
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    runner = CliRunner()
    table = runner.invoke(app, ["extract", "--explain", str(tmp_path / "r.txt")])
    assert table.exit_code == 0, table.output
    assert "claim 1:" in table.stdout and "confidence" in table.stdout
    for field in FIELDS:
        assert field in table.stdout
    lines = runner.invoke(app, ["extract", "--explain", "--jsonl", str(tmp_path / "r.txt")])
    assert lines.exit_code == 0, lines.output
    (record,) = [json.loads(x) for x in lines.stdout.splitlines()]
    (claim,) = record["claims"]
    assert [e["field"] for e in claim["explain"]] == list(FIELDS)
    place = next(e for e in claim["explain"] if e["field"] == "place")
    assert place["value"] == claim["place"] and place["candidates"][0]["value"] == claim["place"]
    assert {"value", "origin", "probability", "evidence", "reasons"} <= set(place["candidates"][0])
    plain = runner.invoke(app, ["extract", "--jsonl", str(tmp_path / "r.txt")])
    assert "explain" not in json.loads(plain.stdout)["claims"][0]  # only on request
