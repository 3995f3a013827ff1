"""Review actions through the pages and the API: each is a judgement with who, when and why,
shown on the page, in the audit log, and still applied after re-ingest and re-resolution."""
from __future__ import annotations

import re

from civcas import api
from civcas.store import Ledger

from .conftest import incident_of, login, make_client
from .data import reports


def post(client, token, incident, action, **data):
    return client.post(f"/incidents/{incident['id']}/{action}",
                       data={"csrf_token": token, "version": incident["version"], **data})


def test_reject_claim_is_audited_and_shown(client):
    token = login(client, "rita")
    inc = incident_of(client, "korva")
    denial = next(c for c in inc["claim_list"] if c["source"] == "the army")
    r = post(client, token, inc, "reject", claim=denial["id"], reason="a denial, not a count")
    assert r.status_code == 303 and r.headers["location"] == f"/incidents/{inc['id']}"
    page = client.get(r.headers["location"]).text
    assert f"Claim {denial['id']} rejected." in page
    assert 'class="audit-entry"' in page and "judge:reject_claim" in page
    assert "a denial, not a count" in page and "rita" in page
    assert 'id="rejected"' in page and "Accept back" in page
    after = incident_of(client, "korva")
    assert denial["id"] not in [c["id"] for c in after["claim_list"]]
    assert [c["id"] for c in after["rejected"]] == [denial["id"]]
    (entry,) = after["audit"]
    assert entry["action"] == "judge:reject_claim" and entry["user"] == "rita"
    assert entry["detail"]["reason"] == "a denial, not a count"
    assert client.get("/api/audit", params={"incident": inc["id"]}).json() == after["audit"]
    (j,) = client.get("/api/judgements", params={"incident": inc["id"]}).json()
    assert j["kind"] == "reject_claim" and j["payload"]["incident"] == inc["id"]
    r = post(client, token, after, "accept", claim=denial["id"], reason="keep the denial")
    assert r.status_code == 303
    assert denial["id"] in [c["id"] for c in incident_of(client, "korva")["claim_list"]]


def test_correct_a_claims_fields(client):
    token = login(client, "rita")
    inc = incident_of(client, "darin")
    claim = inc["claim_list"][0]
    fields = {k: ("" if claim[k] is None else str(claim[k])) for k in (
        "outcome", "victims", "low", "high", "qualifier", "source", "place", "event_date",
        "perpetrator", "scope")}
    r = post(client, token, inc, "correct", claim=claim["id"], reason="council's list of names",
             **{**fields, "low": "4", "high": "4"})
    assert r.status_code == 303
    page = client.get(r.headers["location"]).text
    assert "corrected: low = 4, high = 4" in page and "the machine read low = 3, high = 3" in page
    after = incident_of(client, "darin")
    assert (after["claim_list"][0]["low"], after["claim_list"][0]["high"]) == (4, 4)
    assert after["claim_list"][0]["corrected"] == {"low": 3, "high": 3}
    assert (after["killed"]["low"], after["killed"]["high"]) == (4, 4)
    assert client.get(f"/api/claims/{claim['id']}").json()["low"] == 4
    r = post(client, token, after, "correct", claim=claim["id"], **{**fields, "low": "4",
                                                                     "high": "4"})
    assert r.status_code == 400 and "no field was changed" in r.text
    r = post(client, token, after, "correct", claim=claim["id"], **{**fields, "low": "many"})
    assert r.status_code == 400 and "not a whole number" in r.text


def test_merge_and_split(client):
    token = login(client, "rita")
    korva, melta = incident_of(client, "korva"), incident_of(client, "melta")
    page = client.get(f"/incidents/{korva['id']}").text
    offered = re.findall(r'name="others" value="(I[0-9a-f]+)"', page)
    assert offered == [melta["id"]]  # same day, same country; Darin (Iraq) is not offered
    r = post(client, token, korva, "merge", others=melta["id"], reason="one raid, two villages")
    assert r.status_code == 303
    merged = client.get("/api/incidents", params={"q": "homs"}).json()["incidents"]
    assert len(merged) == 1 and merged[0]["claims"] == 4
    inc = client.get(r.headers["location"].replace("/incidents/", "/api/incidents/")).json()
    assert {c["source"] for c in inc["claim_list"]} >= {"a medic", "hospital staff"}
    assert "one raid, two villages" in client.get(r.headers["location"]).text
    # the old id leads to the merged incident
    gone = korva["id"] if inc["id"] != korva["id"] else melta["id"]
    r2 = client.get(f"/incidents/{gone}")
    assert r2.status_code == 303 and r2.headers["location"] == f"/incidents/{inc['id']}"
    medic = next(c["id"] for c in inc["claim_list"] if c["source"] == "a medic")
    r = client.post(f"/incidents/{inc['id']}/split", data={
        "csrf_token": token, "version": inc["version"], "claims": [medic],
        "reason": "Melta was shelled, not bombed"})
    assert r.status_code == 303
    assert len(client.get("/api/incidents", params={"q": "homs"}).json()["incidents"]) == 2
    r = post(client, token, incident_of(client, "darin"), "merge", others="Inope", reason="x")
    assert r.status_code == 404 and "Inope" in r.text


def test_grade_override_needs_a_reason(client):
    token = login(client, "rita")
    inc = incident_of(client, "darin")
    r = post(client, token, inc, "grade", grade="fair")
    assert r.status_code == 400 and "give a reason" in r.text
    r = post(client, token, inc, "grade", grade="excellent", reason="x")
    assert r.status_code == 400 and "excellent" in r.text
    r = post(client, token, inc, "grade", grade="fair", reason="video of the site")
    assert r.status_code == 303
    after = incident_of(client, "darin")
    assert after["grade"] == "fair" and after["overridden_by"] == after["judgements"][0]["id"]
    page = client.get(f"/incidents/{inc['id']}").text
    assert "set by a reviewer" in page and "video of the site" in page


def test_later_save_gets_409_never_a_silent_overwrite(ledger_url):
    with make_client(ledger_url) as one, make_client(ledger_url) as two:
        t1, t2 = login(one, "rita"), login(two, "rex")
        seen1, seen2 = incident_of(one, "korva"), incident_of(two, "korva")
        assert seen1["version"] == seen2["version"]
        assert post(one, t1, seen1, "grade", grade="fair", reason="rita's view").status_code == 303
        r = post(two, t2, seen2, "grade", grade="discounted", reason="rex's view")
        assert r.status_code == 409
        assert "changed since you loaded it" in r.text and "by rita" in r.text
        assert "Nothing was saved" in r.text
        assert f'href="/incidents/{seen2["id"]}" id="back"' in r.text
        r = two.post("/api/judgements", headers={"X-CSRF-Token": t2, "If-Match": f'"{seen2["version"]}"'},
                     json={"kind": "set_grade", "incident": seen2["id"], "grade": "discounted",
                           "reason": "rex's view"})
        assert r.status_code == 409 and "changed since you loaded it" in r.json()["detail"]
        now = incident_of(two, "korva")
        assert now["grade"] == "fair" and len(now["judgements"]) == 1
        etag = two.get(f"/api/incidents/{now['id']}").headers["etag"]
        r = two.post("/api/judgements", headers={"X-CSRF-Token": t2, "If-Match": etag},
                     json={"kind": "set_grade", "incident": now["id"], "grade": "discounted",
                           "reason": "rex, having read rita's"})
        assert r.status_code == 201
        assert incident_of(one, "korva")["grade"] == "discounted"


def test_judgements_survive_reingest_and_reresolution(any_ledger_url):
    url = any_ledger_url
    with make_client(url) as c:
        token = login(c, "rita")
        korva, melta = incident_of(c, "korva"), incident_of(c, "melta")
        denial = next(x["id"] for x in korva["claim_list"] if x["source"] == "the army")
        assert post(c, token, korva, "reject", claim=denial, reason="denial").status_code == 303
        korva = incident_of(c, "korva")
        assert post(c, token, korva, "merge", others=melta["id"],
                    reason="one raid").status_code == 303
        merged = c.get("/api/incidents", params={"q": "homs"}).json()["incidents"][0]
        merged = c.get(f"/api/incidents/{merged['id']}").json()
        assert post(c, token, merged, "grade", grade="confirmed", reason="site visit").status_code == 303

        def check():
            (m,) = c.get("/api/incidents", params={"q": "homs"}).json()["incidents"]
            m = c.get(f"/api/incidents/{m['id']}").json()
            assert m["grade"] == "confirmed" and m["claims"] == 3
            assert denial not in [x["id"] for x in m["claim_list"]]
            assert [j["kind"] for j in m["judgements"]] == ["reject_claim", "merge", "set_grade"]
            assert len(m["audit"]) == 3

        check()
        api.resolve(db=url)
        check()
        with Ledger(url) as ledger:
            assert {s for _, s in ledger.ingest(reports())} == {"unchanged"}
        api.resolve(db=url)
        check()


def test_every_action_through_the_json_api(client):
    token = client.post("/api/login", json={"name": "rita", "password": "correct horse"}).json()[
        "csrf_token"]

    def judge(**body):
        return client.post("/api/judgements", json=body, headers={"X-CSRF-Token": token})

    darin = incident_of(client, "darin")
    claim = darin["claim_list"][0]["id"]
    r = judge(kind="correct_claim", incident=darin["id"], version=darin["version"],
              target=claim, fields={"perpetrator": "unknown group"}, reason="council")
    assert r.status_code == 201 and r.json()["payload"]["fields"] == {"perpetrator": "unknown group"}
    korva, melta = incident_of(client, "korva"), incident_of(client, "melta")
    r = judge(kind="merge", incident=korva["id"], version=korva["version"], target=melta["id"],
              reason="one raid")
    assert r.status_code == 201
    (merged,) = client.get("/api/incidents", params={"admin1": "Homs"}).json()["incidents"]
    merged = client.get(f"/api/incidents/{merged['id']}").json()
    medic = next(c["id"] for c in merged["claim_list"] if c["source"] == "a medic")
    r = judge(kind="split", incident=merged["id"], version=merged["version"], claims=[medic],
              reason="the medic speaks of another day")
    assert r.status_code == 201
    assert len(client.get("/api/incidents", params={"admin1": "Homs"}).json()["incidents"]) == 2
    r = judge(kind="split", incident=darin["id"], version="stale", claims=[claim], reason="x")
    assert r.status_code == 409
    r = judge(kind="explode", incident=darin["id"], version="x")
    assert r.status_code in (400, 409)
    r = judge(kind="reject_claim", incident=darin["id"])
    assert r.status_code == 400 and "version" in r.json()["detail"]
    r = client.post("/api/judgements", data={"kind": "x"}, headers={"X-CSRF-Token": token})
    assert r.status_code == 422


def test_an_empty_ledger(tmp_path):
    from civcas import api as users

    url = f"sqlite:///{tmp_path / 'empty.db'}"
    users.add_user("ada", "admin", "correct horse", db=url)
    with make_client(url) as c:
        login(c, "ada")
        r = c.get("/incidents")
        assert r.status_code == 200 and "No incident matches" in r.text and "0 of 0" in r.text
        assert c.get("/api/incidents").json()["total"] == 0
        assert c.get("/api/judgements").json() == []
        assert [e["action"] for e in c.get("/api/audit").json()] == ["user:add", "login:ok"]
