"""The review app shows the machine's confidence: the front page lists the incidents whose
claims it is least sure of (least sure first), the list has a sortable column, the incident
page shows each claim's confidence, the JSON API and the exports carry it."""
from __future__ import annotations

import csv
import io

import pytest

from civcas import api
from civcas.store import Ledger
from store.test_confidence import reports

from .conftest import PASSWORD, login, make_client


@pytest.fixture
def client(tmp_path):
    url = f"sqlite:///{tmp_path / 'sure.db'}"
    with Ledger(url) as ledger:
        list(ledger.ingest(reports()))
    api.resolve(db=url)
    api.add_user("rita", "reviewer", PASSWORD, db=url)
    with make_client(url) as c:
        yield c


def ids(client, **params):
    return {i["place"]["name"]: i["id"] for i in
            client.get("/api/incidents", params=params).json()["incidents"]}


def test_front_page_lists_the_least_sure_and_the_queue_links_sort_by_confidence(client):
    token = login(client, "rita")
    page = client.get("/").text
    assert 'data-queue="low_confidence"' in page
    unsure = page.split('id="unsure"')[1].split("</table>")[0]
    assert unsure.count('class="incident-row"') == 1 and "Ziran" in unsure and "0.12" in unsure
    assert "queue=low_confidence&amp;reviewed=0&amp;sort=confidence&amp;order=asc" in page
    listed = client.get("/incidents", params={"sort": "confidence", "order": "asc"}).text
    rows = listed.split('class="incident-row"')[1:]
    assert ["Ziran" in rows[0], "Halva" in rows[1], "Ossar" in rows[2]] == [True] * 3
    assert "0.12" in rows[0] and "0.93" in rows[1] and 'data-sort="confidence"' in listed
    # reviewing it takes it off the "least sure, not reviewed yet" list
    ziran = client.get(f"/api/incidents/{ids(client)['Ziran']}").json()
    r = client.post(f"/incidents/{ziran['id']}/grade", data={
        "csrf_token": token, "version": ziran["version"], "grade": "weak",
        "reason": "one resident's post, no other report"})
    assert r.status_code == 303, r.text
    unsure = client.get("/").text.split('id="unsure"')[1].split("</table>")[0]
    assert 'class="incident-row"' not in unsure


def test_incident_page_shows_each_claims_confidence(client):
    login(client, "rita")
    found = ids(client)
    page = client.get(f"/incidents/{found['Ziran']}").text
    assert page.count('<dd class="confidence">') == 2
    assert "0.31" in page and "0.12" in page and page.count("low-confidence") == 2
    halva = client.get(f"/incidents/{found['Halva']}").text
    assert "0.93" in halva and "low-confidence" not in halva
    ossar = client.get(f"/incidents/{found['Ossar']}").text
    assert '<dd class="confidence"><span class="muted">unknown</span>' in ossar


def test_json_api_and_exports_carry_the_confidence(client):
    login(client, "rita")
    assert list(ids(client, queue="low_confidence")) == ["Ziran"]
    assert list(ids(client, sort="confidence", order="asc")) == ["Ziran", "Halva", "Ossar"]
    detail = client.get(f"/api/incidents/{ids(client)['Halva']}").json()
    assert [c["confidence"] for c in detail["claim_list"]] == [0.93]
    rows = list(csv.DictReader(io.StringIO(client.get("/incidents.csv",
                                                      params={"sort": "confidence",
                                                              "order": "asc"}).text)))
    assert [r["lowest_confidence"] for r in rows] == ["0.12", "0.93", ""]
