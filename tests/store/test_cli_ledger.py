"""The ledger commands: ingest, incidents, show, tallies, judge (SQLite and PostgreSQL)."""
from __future__ import annotations

import json
import logging

import pytest
from typer.testing import CliRunner

import civcas.settings
from civcas import api
from civcas import cli
from civcas.records import Filters
from civcas.store import Ledger
from resolve.scenarios import cumulative_reports, neighbouring_villages, strike_reports

runner = CliRunner()


@pytest.fixture(autouse=True)
def restore_logging(monkeypatch):
    """The CLI configures logging and reads CIVCAS_* variables; leave both as they were."""
    for setting in civcas.settings.SETTINGS.values():
        monkeypatch.delenv(setting.env, raising=False)
    root, ours = logging.getLogger(), logging.getLogger("civcas")
    saved = (list(root.handlers), root.level, ours.level)
    yield
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])
    ours.setLevel(saved[2])


def run(*args, env=None):
    return runner.invoke(cli.app, list(args), env=env)


def seeded(url):
    with Ledger(url) as ledger:
        list(ledger.ingest(strike_reports() + neighbouring_villages() + cumulative_reports()))
    api.resolve(db=url)
    return url


def test_ingest_prints_a_summary_and_is_idempotent(db_url, tmp_path):
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    (tmp_path / "a.txt").write_text("Strike on Barqa\n\nAn air strike on Barqa killed 9 "
                                    "civilians on Monday, activists said.\n")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00binary\x00" * 40)
    r = run("ingest", str(tmp_path), "--db", db_url)
    assert r.exit_code == 0, r.output
    assert "documents new" in r.stdout and "incidents" in r.stdout
    assert "bad.txt" in r.stderr
    again = run("ingest", str(tmp_path), env={"CIVCAS_DB": db_url})
    assert again.exit_code == 0
    row = again.stdout.strip().splitlines()[-1].split()
    assert row[:4] == ["0", "0", "1", "1"]  # new, changed, unchanged, failed


def test_ingest_nothing_readable_exits_1(db_url, tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00binary\x00" * 40)
    assert run("ingest", str(tmp_path / "bad.txt"), "--db", db_url).exit_code == 1


def test_incidents_table_filters_and_json(db_url):
    seeded(db_url)
    r = run("incidents", "--db", db_url)
    assert r.exit_code == 0 and "Barqa" in r.stdout and "22–31" in r.stdout
    assert "3 of 3 incidents" in r.stdout
    r = run("incidents", "--db", db_url, "--place", "salma", "--json")
    data = json.loads(r.stdout)
    assert [d["place"]["name"] for d in data] == ["Salma"]
    r = run("incidents", "--db", db_url, "--grade", "fair", "--json")
    inc, = json.loads(r.stdout)
    for key in ("id", "date", "place", "perpetrator", "grade", "reasons", "civilians_killed",
                "civilians_injured", "stances", "sources", "claims"):
        assert key in inc
    assert set(inc["place"]) >= {"name", "admin1", "country", "lat", "lon", "precision"}
    assert {k: inc["civilians_killed"][k] for k in ("low", "best", "high")} == {
        "low": 22, "best": 25, "high": 31}
    assert inc["stances"] == [{"belligerent": "Russia", "stance": "denied",
                               "claim_id": inc["stances"][0]["claim_id"]}]
    claim = inc["claims"][0]
    assert set(claim) >= {"document", "span", "sentence", "source", "outcome", "victims", "low",
                          "high"}
    assert run("incidents", "--db", db_url, "--since", "2020-06-01", "--until",
               "2020-06-30", "--json").stdout.count('"id": "I') == 2


def test_show_and_tallies(db_url):
    seeded(db_url)
    inc = api.incidents(db_url, Filters(grade="fair"))[0]
    r = run("show", inc.id, "--db", db_url)
    assert r.exit_code == 0
    for text in ("grade: fair", "stance: Russia: denied", "Russian Defence Ministry",
                 "rule:", "wire barqa"):
        assert text in r.stdout
    r = run("tallies", "--db", db_url, "--json")
    series, = json.loads(r.stdout)
    assert [p["low"] for p in series["points"]] == [173, 883]
    assert "173 (2016-12-10); 883 (2018-04-30)" in run("tallies", "--db", db_url).stdout


def test_judge_commands(db_url):
    seeded(db_url)
    a, b = api.incidents(db_url, Filters(since="2020-06-01"))
    r = run("judge", "merge", a.id, b.id, "--reason", "same raid", "--user", "ana", "--db", db_url)
    assert r.exit_code == 0 and "by ana" in r.stdout
    m, = api.incidents(db_url, Filters(since="2020-06-01"))
    assert run("judge", "grade", m.id, "fair", "--reason", "checked", "--db", db_url).exit_code == 0
    assert api.incident(m.id, db=db_url).assessment.grade == "fair"
    assert run("judge", "correct", m.claim_ids[0], "low=3", "--reason", "checked", "--db", db_url).exit_code == 0
    assert run("judge", "split", m.id, m.claim_ids[0], "--reason", "checked", "--db", db_url).exit_code == 0
    assert run("judge", "reject-claim", m.claim_ids[0], "--reason", "checked", "--db", db_url).exit_code == 0
    assert len(api.snapshot(db=db_url).judgements) == 5


def test_errors_are_one_line_and_exit_2(db_url):
    seeded(db_url)
    before = api.snapshot(db=db_url)
    r = run("show", "Inothing", "--db", db_url)
    assert r.exit_code == 2 and "no such incident" in r.stderr and "Traceback" not in r.output
    r = run("judge", "grade", before.incidents[0].id, "great", "--db", db_url)
    assert r.exit_code == 2 and "not one of" in r.stderr
    r = run("judge", "correct", before.claims[0].id, "nonsense", "--db", db_url)
    assert r.exit_code == 2
    r = run("incidents", "--since", "yesterday", "--db", db_url)
    assert r.exit_code == 2 and "[E153] since 'yesterday'" in r.stderr
    assert api.snapshot(db=db_url) == before


def test_bad_database_url_is_a_clear_error(tmp_path):
    r = run("incidents", "--db", "nonsense")
    assert r.exit_code == 2 and "database URL 'nonsense'" in r.stderr
    r = run("incidents", env={"CIVCAS_DB": f"sqlite:///{tmp_path}/no/such/dir.db"})
    assert r.exit_code == 2 and "no ledger there yet" in r.stderr
    r = run("ingest", str(tmp_path), env={"CIVCAS_DB": f"sqlite:///{tmp_path}/no/such/dir.db"})
    assert r.exit_code == 2 and "does not exist" in r.stderr
    r = run("tallies", "--db", f"sqlite:///{tmp_path}/typo.db")
    assert r.exit_code == 2 and "no ledger there yet" in r.stderr
    assert not (tmp_path / "typo.db").exists()


def test_help_lists_the_ledger_commands():
    out = run("--help").stdout
    for name in ("ingest", "incidents", "show", "tallies", "judge", "resolve"):
        assert name in out
