"""One set of rules for every judgement, whichever door it comes through.

Each bad correction a reviewer could send (low above high, a figure too large for any
database, a date that is not in the calendar or is in the future, no reason, a value
outside the guide's enums) is refused by the review form (400), the JSON API (400/422)
and ``civcas judge`` (exit 2, one line); nothing is stored, and the exports of the ledger
still work. A bad correction stored before these rules (an old ledger) is skipped, never
applied."""
from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from civcas import api, cli
from civcas.records import Judgement
from civcas.store import Ledger

from .conftest import incident_of, login

runner = CliRunner()
TOMORROW_BUT_ONE = (datetime.now(UTC).date() + timedelta(days=2)).isoformat()

# field values a form or a JSON body may carry, each wrong; the code the rules answer
BAD = [
    ({"low": "20", "high": "10"}, "E470"),
    ({"low": "99999999999999999999999"}, "E461"),
    ({"high": "10000001"}, "E461"),
    ({"low": "-3"}, "E424"),
    ({"low": "12.5"}, "E423"),
    ({"low": "twelve"}, "E423"),
    ({"event_date": "2017-02-30"}, "E463"),
    ({"event_date": "tomorrow"}, "E462"),
    ({"event_date": TOMORROW_BUT_ONE}, "E464"),
    ({"event_date": "2021-03-05/2021-03-01"}, "E466"),
    ({"event_date": "1850-01-01"}, "E465"),
    ({"victims": "villagers"}, "E425"),
    ({"outcome": "died"}, "E425"),
    ({"qualifier": "roughly"}, "E425"),
    ({"scope": "war"}, "E425"),
    ({"colour": "red"}, "E422"),
    ({"source": ""}, "E468"),
    ({"place": "x" * 301}, "E451"),
    ({"perpetrator": "line\nbreak"}, "E467"),
]


def state(url: str):
    """Everything a refused judgement must leave as it was."""
    with Ledger(url) as ledger:
        return (ledger.judgements(), len(ledger.audit_log()), ledger.incidents(),
                ledger.claims())


def exports_work(url: str) -> None:
    csv = api.export("claims", "csv", db=url).decode("utf-8")
    assert csv.count("\n") > 3
    table = pq.read_table(io.BytesIO(api.export("incidents", "parquet", db=url)))
    assert table.num_rows == 3


@pytest.mark.parametrize("fields, code", BAD, ids=[c + ":" + ",".join(f) for f, c in BAD])
def test_a_bad_correction_is_refused_by_every_door(client, ledger_url, fields, code):
    token = login(client, "rita")  # (a login is an audit entry too)
    before = state(ledger_url)
    darin = incident_of(client, "darin")
    claim = darin["claim_list"][0]["id"]

    form = {"csrf_token": token, "version": darin["version"], "claim": claim,
            "reason": "from the council's list", **fields}
    r = client.post(f"/incidents/{darin['id']}/correct", data=form)
    # the form sends only the correctable fields: an unknown one changes nothing (E458)
    assert r.status_code == 400 and (code if code != "E422" else "E458") in r.text, r.text

    r = client.post("/api/judgements", headers={"X-CSRF-Token": token},
                    json={"kind": "correct_claim", "incident": darin["id"],
                          "version": darin["version"], "target": claim, "fields": fields,
                          "reason": "from the council's list"})
    assert r.status_code in (400, 422) and r.json()["code"] == code, r.text

    pairs = [f"{k}={v}" for k, v in fields.items()]
    result = runner.invoke(cli.app, ["judge", "correct", claim, *pairs, "--reason", "list",
                                     "--db", ledger_url])
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1 and f"[{code}]" in result.output
    assert "Traceback" not in result.output

    with pytest.raises(api.JudgementError) as err:
        api.judge("correct_claim", claim, {"fields": fields}, user="py", reason="list",
                  db=ledger_url)
    assert err.value.code == code
    assert state(ledger_url) == before
    exports_work(ledger_url)


def test_low_above_the_claims_high_is_refused_when_only_low_is_sent(client, ledger_url):
    token = login(client, "rita")
    darin = incident_of(client, "darin")  # the council's 3 civilians: low 3, high 3
    claim = darin["claim_list"][0]["id"]
    before = state(ledger_url)
    r = client.post(f"/incidents/{darin['id']}/correct",
                    data={"csrf_token": token, "version": darin["version"], "claim": claim,
                          "low": "20", "reason": "typo"})
    assert r.status_code == 400 and "E471" in r.text
    assert state(ledger_url) == before
    r = client.post(f"/incidents/{darin['id']}/correct",
                    data={"csrf_token": token, "version": darin["version"], "claim": claim,
                          "low": "20", "high": "25", "reason": "the council's second list"})
    assert r.status_code == 303
    assert api.incident(darin["id"], db=ledger_url) is not None


@pytest.mark.parametrize("kind, target, payload", [
    ("set_grade", "INC", {"grade": "confirmed"}),
    ("reject_claim", "CLAIM", None),
    ("correct_claim", "CLAIM", {"fields": {"low": "3"}}),
    ("split", "INC", {"claims": ["CLAIM"]}),
])
@pytest.mark.parametrize("reason", ["", "   "])
def test_every_judgement_needs_a_reason(client, ledger_url, kind, target, payload, reason):
    token = login(client, "rita")
    darin = incident_of(client, "darin")
    ids = {"INC": darin["id"], "CLAIM": darin["claim_list"][0]["id"]}
    payload = {k: [ids.get(c, c) for c in v] if isinstance(v, list) else v
               for k, v in (payload or {}).items()}
    before = state(ledger_url)
    with pytest.raises(api.JudgementError) as err:
        api.judge(kind, ids[target], payload, user="py", reason=reason, db=ledger_url)
    assert err.value.code == "E455"
    body = {"kind": kind, "incident": darin["id"], "version": darin["version"],
            "target": ids["CLAIM"], "reason": reason, "fields": payload.get("fields"),
            "grade": payload.get("grade"), "claims": payload.get("claims")}
    r = client.post("/api/judgements", headers={"X-CSRF-Token": token}, json=body)
    assert r.status_code == 400 and r.json()["code"] == "E455"
    assert state(ledger_url) == before


@pytest.mark.parametrize("args", [
    ["grade", "INC", "confirmed"],
    ["grade", "INC", "excellent", "--reason", "video"],
    ["reject-claim", "CLAIM"],
    ["merge", "INC", "INC", "--reason", "same"],
])
def test_the_cli_refuses_what_the_web_refuses(client, ledger_url, args):
    login(client, "vic")
    darin = incident_of(client, "darin")
    ids = {"INC": darin["id"], "CLAIM": darin["claim_list"][0]["id"]}
    before = state(ledger_url)
    result = runner.invoke(cli.app, ["judge", *[ids.get(a, a) for a in args],
                                     "--db", ledger_url])
    assert result.exit_code == 2 and result.output.startswith("civcas: error: [E4")
    assert result.output.count("\n") == 1
    assert state(ledger_url) == before


def test_a_bad_correction_stored_before_the_rules_is_skipped(client, ledger_url):
    """An old ledger may hold one: it is not applied, and the exports still work."""
    login(client, "vic")
    darin = incident_of(client, "darin")
    claim = darin["claim_list"][0]
    with Ledger(ledger_url) as ledger:
        ledger.add_judgement(Judgement(
            id="Jold", kind="correct_claim", target=claim["id"],
            payload={"fields": {"low": 10**23, "high": 11}}, user="old",
            at=datetime(2020, 1, 1), reason="before the rules"))
    api.resolve(db=ledger_url)
    exports_work(ledger_url)
    again = incident_of(client, "darin")
    assert again["claim_list"][0]["low"] == claim["low"]
    assert again["killed"]["low"] == darin["killed"]["low"]
