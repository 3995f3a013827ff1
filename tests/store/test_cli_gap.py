"""``civcas gap``: the acknowledgment gap from a ledger, as a table and as JSON (both databases)."""
from __future__ import annotations

import json

from conftest import make_result
from typer.testing import CliRunner

from civcas import api, cli
from civcas.store import Ledger
from resolve.scenarios import cumulative_reports, strike_reports

runner = CliRunner()


def monitor_reports():
    """An invented monitor's counts of the coalition's victims at three dates, and an
    unattributed total (no outlet, no url)."""
    out = []
    for n, (day, figure) in enumerate((("2016-11-30", 1500), ("2017-12-31", 5100),
                                       ("2018-05-31", 6200))):
        t = (f"The Network for Civilian Records said coalition strikes have killed {figure} "
             "civilians since 2014.")
        out.append(make_result(f"ncr-{n}", t, [dict(
            phrase=f"killed {figure} civilians", low=figure, high=figure,
            source="Network for Civilian Records", perpetrator="coalition strikes",
            scope="cumulative")], published=day, outlet="Wire One"))
    t = "Coalition raids have killed 40 civilians in all since 2014."
    out.append(make_result("bare-4411", t, [dict(phrase="killed 40 civilians", low=40, high=40,
               perpetrator="coalition raids", scope="cumulative")], published="2018-01-01"))
    return out


def seeded(url):
    with Ledger(url) as ledger:
        list(ledger.ingest(strike_reports() + cumulative_reports() + monitor_reports()))
    api.resolve(db=url)
    return url


def test_gap_json_and_table(db_url):
    url = seeded(db_url)
    r = runner.invoke(cli.app, ["gap", "--json", "--db", url])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    coalition = next(g for g in data if g["belligerent"] == "US-led coalition")
    assert set(coalition) == {"belligerent", "victims", "outcome", "admitted", "monitors", "gap",
                              "incidents"}
    assert [(p["asserter"], p["low"], p["as_of"]) for p in coalition["admitted"]] == [
        ("US-led coalition", 173, "2016-12-10"), ("US-led coalition", 883, "2018-04-30")]
    assert [p["low"] for p in coalition["monitors"]] == [1500, 5100, 6200]
    assert {p["asserter"] for p in coalition["monitors"]} == {"Network for Civilian Records"}
    assert coalition["gap"]["low"] == coalition["gap"]["high"] == 6200 - 883
    assert set(coalition["incidents"]) == {"graded", "graded_killed", "acknowledged", "conceded",
                                           "denied", "acknowledged_already_fair",
                                           "unacknowledged"}
    asserters = {p["asserter"] for g in data for p in g["admitted"] + g["monitors"]}
    assert not any(a.startswith(("bare-", "ncr-")) for a in asserters)  # never a document id
    russia = next(g for g in data if g["belligerent"] == "Russia")
    assert russia["incidents"]["graded"] and russia["incidents"]["denied"]
    assert russia["incidents"]["unacknowledged"] == russia["incidents"]["graded"]

    only = json.loads(runner.invoke(cli.app, ["gap", "--json", "--belligerent", "Pentagon",
                                              "--db", url]).stdout)
    assert [g["belligerent"] for g in only] == ["US-led coalition"]
    table = runner.invoke(cli.app, ["gap", "--db", url], env={"COLUMNS": "200"})
    assert table.exit_code == 0 and "5317" in table.stdout and "Russia" in table.stdout
