"""The review desk's pages: the queue as the front page, "reviewed by X at T", the list's
queue and reviewed filters, CSV/JSON exports of any filtered list, the map's data, the audit
log page with filters, one grade palette, and `civcas incidents --limit --sort --reviewed`."""
from __future__ import annotations

import csv
import io

from typer.testing import CliRunner

from civcas import api, cli

from .conftest import incident_of, login

runner = CliRunner()


def grade(client, token, inc, value, reason="checked the council's list"):
    r = client.post(f"/incidents/{inc['id']}/grade", data={
        "csrf_token": token, "version": inc["version"], "grade": value, "reason": reason})
    assert r.status_code == 303, r.text


def test_the_queue_is_the_front_page_and_reviewing_moves_an_incident_out(client):
    token = login(client, "rita")
    page = client.get("/")
    assert page.status_code == 200 and 'id="queues"' in page.text
    assert 'data-queue="unreviewed"' in page.text and 'data-queue="single_source"' in page.text
    first = client.get("/incidents", params={"queue": "unreviewed"}).text
    assert first.count('class="incident-row"') == 3
    darin = incident_of(client, "darin")
    grade(client, token, darin, "fair")
    left = client.get("/incidents", params={"queue": "unreviewed"}).text
    assert left.count('class="incident-row"') == 2 and darin["id"] not in left
    done = client.get("/incidents", params={"reviewed": "1"}).text
    assert done.count('class="incident-row"') == 1 and "rita" in done
    page = client.get(f"/incidents/{darin['id']}").text
    assert "Reviewed by <strong>rita</strong>" in page
    other = incident_of(client, "melta")
    assert "Not reviewed yet" in client.get(f"/incidents/{other['id']}").text
    assert client.get("/incidents", params={"queue": "nonsense"}).status_code == 400
    assert client.get("/incidents", params={"reviewed": "maybe"}).status_code == 400


def test_single_source_and_the_sort_by_review(client):
    login(client, "vic")
    single = client.get("/incidents", params={"queue": "single_source"}).text
    assert incident_of(client, "darin")["id"] in single  # one council
    page = client.get("/incidents", params={"sort": "reviewed"})
    assert page.status_code == 200


def test_exports_of_the_filtered_list(client):
    login(client, "vic")
    r = client.get("/incidents.csv", params={"country": "SY", "sort": "killed"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 2 and {x["country"] for x in rows} == {"SY"}
    assert int(rows[0]["killed_best"] or 0) >= int(rows[1]["killed_best"] or 0)
    every = client.get("/incidents.json").json()
    assert len(every) == 3 and {"id", "grade", "reviewed_by", "flags"} <= set(every[0])
    page = client.get("/incidents", params={"country": "SY"}).text
    assert 'href="/incidents.csv?country=SY"' in page


def test_the_map_draws_the_filtered_incidents_offline(client):
    login(client, "vic")
    page = client.get("/map", params={"country": "IQ"}).text
    assert 'src="/vendor/leaflet.js"' in page and "http" not in page.split("<main>")[1]
    data = client.get("/map.json", params={"country": "IQ"}).json()
    assert len(data["points"]) == 1 and data["outlines"]["outlines"]
    assert data["colours"] == api.GRADE_COLOURS
    assert client.get("/vendor/leaflet.js").status_code == 200
    assert client.get("/vendor/other.js").status_code == 404


def test_one_grade_palette(client):
    css = client.get("/grades.css").text
    for g, colour in api.GRADE_COLOURS.items():
        if g:
            assert f"--{g}: {colour};" in css
    from civcas.report.data import GRADE_COLOURS as REPORT
    assert REPORT is api.GRADE_COLOURS


def test_the_audit_page_filters_and_is_not_for_viewers(client):
    token = login(client, "rita")
    darin = incident_of(client, "darin")
    grade(client, token, darin, "fair", reason="council list")
    page = client.get("/audit").text
    assert 'data-action="judge:set_grade"' in page and "council list" in page
    assert 'data-action="login:ok"' in page
    only = client.get("/audit", params={"action": "login:"}).text
    assert 'data-action="judge:set_grade"' not in only and 'data-action="login:ok"' in only
    assert "council list" in client.get("/audit", params={"who": "rita",
                                                          "target": darin["id"]}).text
    assert client.get("/audit", params={"since": "yesterday"}).status_code == 400
    entries = client.get("/api/audit/all", params={"action": "judge:"}).json()
    assert [e["action"] for e in entries] == ["judge:set_grade"]
    login(client, "vic")
    assert client.get("/audit").status_code == 403


def test_cli_incidents_limit_sort_and_review_filters(client, ledger_url):
    token = login(client, "rita")
    grade(client, token, incident_of(client, "darin"), "fair")
    r = runner.invoke(cli.app, ["incidents", "--limit", "1", "--sort", "killed", "--db",
                                ledger_url])
    assert r.exit_code == 0 and "1 shown; 3 of 3 incidents" in r.output
    r = runner.invoke(cli.app, ["incidents", "--unreviewed", "--db", ledger_url])
    assert r.exit_code == 0 and "2 of 3 incidents" in r.output and "Darin" not in r.output
    r = runner.invoke(cli.app, ["incidents", "--reviewed", "--json", "--db", ledger_url])
    assert r.exit_code == 0 and "Darin" in r.output
    r = runner.invoke(cli.app, ["incidents", "--sort", "colour", "--db", ledger_url])
    assert r.exit_code == 2 and "[E155]" in r.output
    r = runner.invoke(cli.app, ["incidents", "--queue", "single_source", "--db", ledger_url])
    assert r.exit_code == 0
