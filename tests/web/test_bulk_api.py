"""Bulk correction through the JSON API (``POST /api/judgements/bulk``): the rules of every
judgement, all or none (one bad field: 422 naming it, nothing stored), the version check,
CSRF and roles as the other JSON writes."""
from __future__ import annotations

import pytest

from civcas import api

from .conftest import incident_of, login
from .test_undo_bulk import with_sarba  # noqa: F401 - the fixture

URL = "/api/judgements/bulk"


@pytest.fixture
def rita(client, with_sarba):  # noqa: F811 - the fixture
    token = login(client, "rita")
    inc = incident_of(client, "sarba")
    return client, token, inc, with_sarba


def post(client, token, body, **headers):
    return client.post(URL, json=body, headers={"X-CSRF-Token": token, **headers})


def count(url):
    return len(api.snapshot(db=url).judgements)


def test_a_bulk_correction_is_stored_for_every_claim(rita):
    client, token, inc, url = rita
    claims = [c["id"] for c in inc["claim_list"]]
    r = post(client, token, {"incident": inc["id"], "version": inc["version"], "claims": claims,
                             "fields": {"perpetrator": "Syrian government forces",
                                        "event_date": "2021-05-01"},
                             "reason": "the school's director named the day and the jets"})
    assert r.status_code == 201, r.text
    out = r.json()
    assert [j["kind"] for j in out["judgements"]] == ["correct_claim", "correct_claim"]
    assert sorted(j["target"] for j in out["judgements"]) == sorted(claims)
    assert {j["user"] for j in out["judgements"]} == {"rita"}
    after = client.get(f"/api/incidents/{out['incident']}").json()
    assert {(c["perpetrator"], c["event_date"]) for c in after["claim_list"]} == {
        ("Syrian government forces", "2021-05-01")}
    assert {c["corrected"]["event_date"] for c in after["claim_list"]} == {"2021-05-02"}
    # the version may come as If-Match (the incident page's ETag)
    etag = client.get(f"/api/incidents/{out['incident']}").headers["ETag"]
    r = post(client, token, {"incident": out["incident"], "claims": claims,
                             "fields": {"scope": "incident"}, "reason": "one attack"},
             **{"If-Match": etag})
    assert r.status_code == 201, r.text


@pytest.mark.parametrize("fields, reason, field, code", [
    ({"perpetrator": "Syrian government forces", "event_date": "2021-02-30"}, "r",
     "event_date", "E463"),
    ({"perpetrator": "Syrian government forces", "event_date": "tomorrow"}, "r",
     "event_date", "E462"),
    ({"low": 99999999999999999999999}, "r", "low", "E461"),
    ({"low": -1}, "r", "low", "E424"),
    ({"low": 20, "high": 10}, "r", "low", "E470"),
    ({"casualties": 3}, "r", "casualties", "E422"),
    ({"victims": "martians"}, "r", "victims", "E425"),
    ({"source": ""}, "r", "source", "E468"),
    ({"outcome": None}, "r", "outcome", "E469"),
    ({"perpetrator": "Syrian government forces"}, "   ", "reason", "E455"),
    ({}, "r", None, "E458"),
])
def test_one_bad_field_is_422_naming_it_and_nothing_is_stored(rita, fields, reason, field, code):
    client, token, inc, url = rita
    before = count(url)
    r = post(client, token, {"incident": inc["id"], "version": inc["version"],
                             "claims": [c["id"] for c in inc["claim_list"]], "fields": fields,
                             "reason": reason})
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["code"] == code and body["detail"].startswith(f"[{code}]")
    if field is not None:
        assert body["field"] == field
    assert count(url) == before
    assert incident_of(client, "sarba")["claim_list"] == inc["claim_list"]


def test_all_or_none_when_one_claim_cannot_take_the_value(rita):
    """low 3 suits the 4 children (4-4) but would leave the 2 women with low 3 above high 2."""
    client, token, inc, url = rita
    women = next(c["id"] for c in inc["claim_list"] if c["victims"] == "women")
    before = count(url)
    r = post(client, token, {"incident": inc["id"], "version": inc["version"],
                             "claims": [c["id"] for c in inc["claim_list"]],
                             "fields": {"low": 3}, "reason": "r"})
    assert r.status_code == 422 and r.json()["code"] == "E471", r.text
    assert r.json()["field"] == women
    # a claim of another incident, and a claim named twice
    darin = incident_of(client, "darin")["claim_list"][0]["id"]
    r = post(client, token, {"incident": inc["id"], "version": inc["version"],
                             "claims": [inc["claim_list"][0]["id"], darin],
                             "fields": {"scope": "incident"}, "reason": "r"})
    assert r.status_code == 422 and r.json()["code"] == "E431" and r.json()["field"] == darin
    assert count(url) == before


def test_version_csrf_and_roles_as_the_other_json_writes(rita):
    client, token, inc, url = rita
    body = {"incident": inc["id"], "version": inc["version"],
            "claims": [c["id"] for c in inc["claim_list"]],
            "fields": {"scope": "incident"}, "reason": "one attack"}
    before = count(url)
    assert client.post(URL, json=body).status_code == 403  # no CSRF token
    assert post(client, "forged", body).status_code == 403
    no_version = {**body, "version": None}
    r = post(client, token, no_version)
    assert r.status_code == 422 and r.json()["code"] == "E459"
    assert post(client, token, {**body, "version": "0" * 16}).status_code == 409
    assert post(client, token, {**body, "incident": "Inope"}).status_code in (404, 409)
    assert post(client, token, {**body, "claims": ["x"] * 201}).status_code == 422
    assert count(url) == before
    client.post("/logout", data={"csrf_token": token})
    assert client.post(URL, json=body).status_code == 401
    vic = login(client, "vic")
    assert post(client, vic, body).status_code == 403
    assert count(url) == before
