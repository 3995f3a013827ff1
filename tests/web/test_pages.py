"""The pages and the API read side: list, filters, incident page, escaping, errors, schema."""
from __future__ import annotations

import re

import pytest

from civcas import api

from .conftest import csrf_of, incident_of, login, make_client


@pytest.fixture
def viewer(client):
    login(client, "vic")
    return client


def ids(client, **params) -> list[str]:
    r = client.get("/api/incidents", params=params)
    assert r.status_code == 200, r.text
    return [i["id"] for i in r.json()["incidents"]]


def titles(client, **params) -> list[str]:
    return [i["place"]["name"] for i in client.get("/api/incidents", params=params)
            .json()["incidents"]]


def test_list_filters_and_sorting(viewer):
    assert len(ids(viewer)) == 3
    assert titles(viewer, country="iq") == ["Darin"]
    assert sorted(titles(viewer, admin1="Homs")) == ["Korva", "Melta"]
    assert titles(viewer, perpetrator="islamic") == ["Darin"]
    assert titles(viewer, since="2021-04-01") == ["Darin"]
    assert sorted(titles(viewer, until="2021-03-31")) == ["Korva", "Melta"]
    assert titles(viewer, q="relief network") == ["Korva"]
    assert titles(viewer, sort="killed", order="desc") == ["Korva", "Melta", "Darin"]
    assert titles(viewer, sort="killed", order="asc") == ["Darin", "Melta", "Korva"]
    assert titles(viewer, sort="date", order="desc")[0] == "Darin"
    grades = {i["grade"] for i in viewer.get("/api/incidents").json()["incidents"]}
    for g in grades:
        assert ids(viewer, grade=g)
    page = viewer.get("/api/incidents", params={"per_page": 2, "page": 2}).json()
    assert (page["total"], page["pages"], len(page["incidents"])) == (3, 2, 1)


def test_list_page(viewer):
    r = viewer.get("/incidents", params={"country": "SY", "sort": "killed", "order": "asc"})
    assert r.status_code == 200
    rows = re.findall(r'<tr class="incident-row" data-id="(I[0-9a-f]+)"', r.text)
    assert len(rows) == 2 and "2 of 3" in r.text
    assert 'aria-sort="ascending"' in r.text
    assert "5 – 5 – 5" in r.text  # low – best – high
    r = viewer.get("/incidents", params={"q": "no such place"})
    assert "No incident matches these filters." in r.text


def test_incident_page_shows_assessment_claims_and_highlighted_spans(viewer):
    inc = incident_of(viewer, "korva")
    r = viewer.get(f"/incidents/{inc['id']}")
    assert r.status_code == 200
    page = r.text
    assert f"<code>{inc['id']}</code>" in page
    assert f'class="grade grade-{inc["grade"]}"' in page
    for reason in inc["reasons"]:
        assert str(reason).replace("'", "&#39;") in page or reason in page
    for e in inc["estimates"]:
        assert e["rule"].replace("'", "&#39;") in page
    assert page.count('<article class="card claim') == 3
    assert '<mark id="s-' in page and "killing 12 civilians</mark>" in page
    assert '<mark id="doc-' in page and '<span class="sentence">' in page
    assert "At least 14 civilians died</mark>" in page
    assert "Syrian government forces" in page
    assert "Wire Alpha" in page and 'href="https://example.org/korva"' in page
    assert "javascript:alert" not in page  # a bad url is not a link
    stance = inc["stances"]
    assert stance and stance[0]["belligerent"] in page


def test_hostile_article_text_is_inert(viewer, tmp_path, ledger_url):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hostile.txt").write_text(
        "Strike on Hatra <script>alert(1)</script>\n\n"
        "An air strike on the village of Hatra killed 7 civilians on Tuesday "
        '<img src=x onerror="alert(2)">, <b onmouseover=alert(3)>activists</b> said.\n',
        encoding="utf-8")
    api.ingest([tmp_path / "in"], db=ledger_url)
    melta = incident_of(viewer, "melta")
    pages = [viewer.get(f"/incidents/{melta['id']}").text, viewer.get("/incidents").text]
    hatra = [i for i in viewer.get("/api/incidents", params={"q": "hatra"}).json()["incidents"]]
    assert hatra, "the hostile report gave no incident"
    for inc in hatra:
        pages.append(viewer.get(f"/incidents/{inc['id']}").text)
    for page in pages:
        assert "<script>" not in page.replace('<script src="/static/app.js" defer></script>', "")
        assert "<img" not in page and "<b " not in page and "<b>" not in page
        assert not re.search(r"<[^>]*\son\w+=", page), "an event handler attribute got through"
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in pages[0]
    assert "onerror=&#34;window.pwned=2&#34;" in pages[0]
    assert "Post &lt;b&gt;Gamma&lt;/b&gt;" in pages[0]
    assert "default-src 'self'" in viewer.get("/incidents").headers["content-security-policy"]


@pytest.mark.parametrize("path", [
    "/incidents/1' OR '1'='1", "/incidents/I1;DROP TABLE incidents;--", "/incidents/%00",
    "/api/incidents/' UNION SELECT * FROM users --", "/api/claims/x' OR 1=1 --",
    "/claims/1 OR 1=1", "/api/judgements?incident=' OR 1=1 --",
    "/api/audit?incident=1); DELETE FROM audit_log; --",
])
def test_injection_looking_ids_are_404(viewer, path):
    r = viewer.get(path)
    assert r.status_code == (400 if "%00" in path else 404)
    assert "Traceback" not in r.text and "sqlalchemy" not in r.text.lower()


@pytest.mark.parametrize("params, status, count", [
    ({"q": "' OR 1=1 --"}, 200, 0), ({"perpetrator": "x'; DROP TABLE users; --"}, 200, 0),
    ({"country": "SY' OR '1'='1"}, 200, 0), ({"admin1": "\" OR \"\"=\""}, 200, 0),
    ({"grade": "weak' OR 1=1"}, 400, None), ({"since": "2021-01-01' OR 1=1"}, 400, None),
    ({"sort": "date; DROP TABLE incidents"}, 400, None), ({"order": "desc--"}, 400, None),
    ({"page": "1 OR 1=1"}, 422, None), ({"per_page": "-1"}, 422, None),
    ({"q": "x" * 5000}, 422, None),
])
def test_injection_looking_filters_are_4xx_or_empty(viewer, params, status, count):
    r = viewer.get("/api/incidents", params=params)
    assert r.status_code == status, r.text
    if count is not None:
        assert r.json()["total"] == count
    r = viewer.get("/incidents", params=params)
    assert r.status_code in (200, 400), r.status_code
    assert "Traceback" not in r.text
    assert len(ids(viewer)) == 3  # nothing dropped


def test_errors_never_show_a_traceback(ledger_url, monkeypatch):
    from fastapi.testclient import TestClient

    from civcas.api import Desk
    from civcas.web import create_app

    def boom(self, *a, **k):
        raise RuntimeError("secret internals")

    with TestClient(create_app(ledger_url, secret_key="test-secret-key-of-at-least-32-bytes!"), raise_server_exceptions=False,
                    follow_redirects=False) as c:
        login(c, "vic")
        monkeypatch.setattr(Desk, "incidents", boom)
        for path in ("/incidents", "/api/incidents"):
            r = c.get(path)
            assert r.status_code == 500
            assert "secret internals" not in r.text and "Traceback" not in r.text
            assert "reference" in r.text
        assert c.get("/nowhere").status_code == 404
        assert c.get("/api/nowhere").json() == {"detail": "no such resource"}
        assert c.put("/incidents").status_code == 405


def test_openapi_documents_the_api(client):
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    for path, method in [("/api/login", "post"), ("/api/logout", "post"), ("/api/me", "get"),
                         ("/api/incidents", "get"), ("/api/incidents/{incident_id}", "get"),
                         ("/api/claims/{claim_id}", "get"), ("/api/judgements", "get"),
                         ("/api/documents/{document_id}", "get"),
                         ("/api/judgements", "post"), ("/api/audit", "get"),
                         ("/api/users", "get")]:
        assert method in paths[path], (path, method)
    assert not [p for p in paths if not p.startswith("/api/")]  # pages stay out of it
    assert "409" in paths["/api/judgements"]["post"]["responses"]
    assert client.get("/docs").status_code == 404  # its page would load a CDN


def test_static_assets_are_served(client):
    assert "grade-confirmed" in client.get("/grades.css").text  # one palette (outputs)
    assert "incident-row" in client.get("/static/app.js").text


def test_app_on_postgresql_too(any_ledger_url):
    with make_client(any_ledger_url) as c:
        page = c.get("/login")
        for name in ("ri\x00ta", "rita'--"):  # PostgreSQL refuses NUL: never a 500
            r = c.post("/login", data={"name": name, "password": "x\x00",
                                       "csrf_token": csrf_of(page.text)})
            assert r.status_code == 401
        assert c.post("/api/login", json={"name": "v\x00", "password": "p"}).status_code == 401
        token = login(c, "rita")
        assert len(ids(c)) == 3
        inc = incident_of(c, "korva")
        assert c.get(f"/incidents/{inc['id']}").status_code == 200
        assert c.get("/incidents/x' OR 1=1").status_code == 404
        for path in ("/api/claims/%00", "/claims/a%00b", "/incidents/I%00",
                     "/api/incidents?q=%00", "/api/judgements?incident=x%00"):
            assert c.get(path).status_code in (400, 404), path
        for body in ({"kind": "merge", "target": "I\x00"}, {"kind": "set_grade",
                     "grade": "fair", "reason": "nul \x00 here"},
                     {"kind": "accept_claim", "target": "c\x00"}):
            r = c.post("/api/judgements", headers={"X-CSRF-Token": token},
                       json={"incident": inc["id"], "version": inc["version"], **body})
            assert r.status_code in (400, 404), (body, r.text)
        assert incident_of(c, "korva")["judgements"] == []


def test_document_api_gives_the_text_the_spans_point_into(viewer):
    inc = incident_of(viewer, "korva")
    for claim in inc["claim_list"]:
        doc = viewer.get(f"/api/documents/{claim['document']}").json()
        start, end = claim["span"]
        assert doc["text"][start:end] == claim["text"]
    assert viewer.get("/api/documents/nope").status_code == 404
