"""Undo (itself a judgement; an undo of an undo applies it again) and the bulk correction of
one sentence's claims (all or none, one version check), through the pages, the CLI and
Python; incremental re-resolution gives what a full one gives."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from civcas import api, cli
from civcas.records import Place
from civcas.store import Ledger

from .conftest import incident_of, login

runner = CliRunner()
SARBA = Place("Sarba", 35.500, 36.600, "SY", "Idlib", precision="village", geonames_id=904)


def sarba():
    from conftest import make_result

    text = ("Jets bombed a school in Sarba on Sunday, killing 4 children and 2 women, a "
            "teacher said.")
    common = dict(source="a teacher", place="Sarba", event_date="2021-05-02", geo=SARBA)
    return make_result("sarba-report", text, [
        dict(phrase="4 children", low=4, high=4, victims="children", **common),
        dict(phrase="2 women", low=2, high=2, victims="women", **common),
    ], published="2021-05-03", outlet="Idlib Echo")


@pytest.fixture
def with_sarba(ledger_url):
    with Ledger(ledger_url) as ledger:
        list(ledger.ingest([sarba()]))
    api.resolve(db=ledger_url)
    return ledger_url


def full_equals_incremental(url):
    with Ledger(url) as ledger:
        before = sorted(ledger.incidents(), key=lambda i: i.id)
    api.resolve(db=url)
    with Ledger(url) as ledger:
        assert sorted(ledger.incidents(), key=lambda i: i.id) == before


def test_bulk_correction_of_a_sentence(client, with_sarba):
    token = login(client, "rita")
    inc = incident_of(client, "sarba")
    page = client.get(f"/incidents/{inc['id']}").text
    assert page.count('class="bulk-form"') == 1
    claims = [c["id"] for c in inc["claim_list"]]
    r = client.post(f"/incidents/{inc['id']}/correct-sentence", data={
        "csrf_token": token, "version": inc["version"], "claims": claims,
        "perpetrator": "Syrian government forces", "scope": "", "reason": "air force school"})
    assert r.status_code == 303, r.text
    after = incident_of(client, "sarba")
    assert {c["perpetrator"] for c in after["claim_list"]} == {"Syrian government forces"}
    assert [j["kind"] for j in after["judgements"]] == ["correct_claim", "correct_claim"]
    full_equals_incremental(with_sarba)
    # all or none: one bad value, nothing stored; a stale version, 409
    n = len(api.snapshot(db=with_sarba).judgements)
    r = client.post(f"/incidents/{inc['id']}/correct-sentence", data={
        "csrf_token": token, "version": after["version"], "claims": claims,
        "event_date": "2021-02-30", "reason": "x"})
    assert r.status_code == 400 and "E463" in r.text
    r = client.post(f"/incidents/{inc['id']}/correct-sentence", data={
        "csrf_token": token, "version": inc["version"], "claims": claims,
        "place": "Sarba", "reason": "x"})
    assert r.status_code == 409
    r = client.post(f"/incidents/{inc['id']}/correct-sentence", data={
        "csrf_token": token, "version": after["version"], "claims": claims, "reason": "x"})
    assert r.status_code == 400 and "E458" in r.text
    assert len(api.snapshot(db=with_sarba).judgements) == n


def test_undo_and_redo_are_judgements(client, with_sarba):
    token = login(client, "rita")
    darin = incident_of(client, "darin")
    r = client.post(f"/incidents/{darin['id']}/grade", data={
        "csrf_token": token, "version": darin["version"], "grade": "confirmed",
        "reason": "video"})
    assert r.status_code == 303
    graded = incident_of(client, "darin")
    assert graded["grade"] == "confirmed"
    jid = graded["judgements"][0]["id"]
    r = client.post(f"/incidents/{darin['id']}/undo", data={
        "csrf_token": token, "version": graded["version"], "judgement": jid, "reason": ""})
    assert r.status_code == 400 and "E455" in r.text
    r = client.post(f"/incidents/{darin['id']}/undo", data={
        "csrf_token": token, "version": graded["version"], "judgement": jid,
        "reason": "the video is of another town"})
    assert r.status_code == 303
    undone = incident_of(client, "darin")
    assert undone["grade"] == darin["grade"]  # the machine's grade again
    assert [j["kind"] for j in undone["judgements"]] == ["set_grade", "undo"]
    page = client.get(f"/incidents/{darin['id']}").text
    assert f'class="judgement undone" data-kind="set_grade" data-id="{jid}"' in page
    full_equals_incremental(with_sarba)
    undo_id = undone["judgements"][1]["id"]
    r = runner.invoke(cli.app, ["judge", "undo", undo_id, "--reason", "it was that town",
                                "--db", with_sarba])
    assert r.exit_code == 0, r.output
    assert incident_of(client, "darin")["grade"] == "confirmed"  # the undo undone
    full_equals_incremental(with_sarba)
    r = runner.invoke(cli.app, ["judge", "undo", "Jnothing", "--reason", "x", "--db", with_sarba])
    assert r.exit_code == 2 and "[E408]" in r.output


def test_undo_a_merge(client, with_sarba):
    token = login(client, "rita")
    korva, melta = incident_of(client, "korva"), incident_of(client, "melta")
    r = client.post(f"/incidents/{korva['id']}/merge", data={
        "csrf_token": token, "version": korva["version"], "others": melta["id"],
        "reason": "one raid"})
    assert r.status_code == 303
    (merged,) = client.get("/api/incidents", params={"admin1": "Homs"}).json()["incidents"]
    merged = client.get(f"/api/incidents/{merged['id']}").json()
    jid = next(j["id"] for j in merged["judgements"] if j["kind"] == "merge")
    r = client.post(f"/incidents/{merged['id']}/undo", data={
        "csrf_token": token, "version": merged["version"], "judgement": jid,
        "reason": "two raids after all"})
    assert r.status_code == 303
    assert len(client.get("/api/incidents", params={"admin1": "Homs"}).json()["incidents"]) == 2
    full_equals_incremental(with_sarba)
