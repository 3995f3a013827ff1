"""Login, logout, sessions, roles and CSRF."""
from __future__ import annotations

from .conftest import PASSWORD, csrf_of, incident_of, login, make_client


def test_pages_redirect_to_login_and_api_says_401(client):
    r = client.get("/incidents?grade=weak")
    assert r.status_code == 303 and r.headers["location"] == "/login?next=%2Fincidents%3Fgrade%3Dweak"
    assert client.get("/incidents/Iabc").status_code == 303
    r = client.get("/api/incidents")
    assert r.status_code == 401 and r.json() == {"detail": "[E611] log in first (POST /api/login)",
                                                  "code": "E611"}


def test_login_sets_a_safe_cookie_and_logout_ends_the_session(client):
    page = client.get("/login?next=/incidents%3Fgrade%3Dweak")
    assert 'name="next" value="/incidents?grade=weak"' in page.text
    r = client.post("/login", data={"name": "rita", "password": PASSWORD, "next": "/incidents?grade=weak",
                                    "csrf_token": csrf_of(page.text)})
    assert r.status_code == 303 and r.headers["location"] == "/incidents?grade=weak"
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    me = client.get("/api/me").json()
    assert me["name"] == "rita" and me["role"] == "reviewer"
    assert client.get("/incidents").status_code == 200
    r = client.post("/logout", data={"csrf_token": me["csrf_token"]})
    assert r.status_code == 303 and r.headers["location"] == "/login"
    assert client.get("/incidents").status_code == 303
    assert client.get("/api/me").status_code == 401


def test_wrong_password_unknown_user_and_foreign_next(client):
    page = client.get("/login")
    token = csrf_of(page.text)
    for name, password in (("rita", "wrong password"), ("nobody", PASSWORD)):
        r = client.post("/login", data={"name": name, "password": password, "csrf_token": token})
        assert r.status_code == 401 and "[E616] wrong name or password" in r.text
    r = client.post("/login", data={"name": "rita", "password": PASSWORD, "csrf_token": token,
                                    "next": "//evil.example/x"})
    assert r.headers["location"] == "/incidents"
    assert client.post("/api/login", json={"name": "rita", "password": "nope"}).status_code == 401


def test_login_needs_the_csrf_token(client):
    client.get("/login")
    r = client.post("/login", data={"name": "rita", "password": PASSWORD})
    assert r.status_code == 403 and "CSRF" in r.text
    assert client.get("/api/me").status_code == 401


def test_secure_cookie_flag(ledger_url):
    from fastapi.testclient import TestClient

    from civcas.web import create_app

    with TestClient(create_app(ledger_url, secret_key="test-secret-key-of-at-least-32-bytes!", secure_cookies=True),
                    base_url="https://testserver", follow_redirects=False) as c:
        assert "secure" in c.get("/login").headers["set-cookie"].lower()


def test_api_login_and_csrf_header(client):
    r = client.post("/api/login", json={"name": "rex", "password": PASSWORD})
    assert r.status_code == 200
    token = r.json()["csrf_token"]
    inc = incident_of(client, "darin")
    body = {"kind": "set_grade", "incident": inc["id"], "version": inc["version"],
            "grade": "fair", "reason": "council list"}
    assert client.post("/api/judgements", json=body).status_code == 403
    assert client.post("/api/judgements", json=body,
                       headers={"X-CSRF-Token": "forged"}).status_code == 403
    r = client.post("/api/judgements", json=body, headers={"X-CSRF-Token": token})
    assert r.status_code == 201 and r.json()["user"] == "rex"


def test_unauthenticated_writes(client):
    inc_id = "I0000000000"
    r = client.post(f"/incidents/{inc_id}/grade", data={"grade": "fair", "version": "v",
                                                       "reason": "r"})
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    r = client.post("/api/judgements", json={"kind": "set_grade", "incident": inc_id})
    assert r.status_code == 401


def test_viewer_reads_but_may_not_write(client):
    token = login(client, "vic")
    inc = incident_of(client, "korva")
    page = client.get(f"/incidents/{inc['id']}")
    assert page.status_code == 200 and "Reject" not in page.text and 'id="review"' not in page.text
    r = client.post(f"/incidents/{inc['id']}/reject", data={
        "claim": inc["claim_list"][0]["id"], "version": inc["version"], "csrf_token": token})
    assert r.status_code == 403 and "only reviewers and admins" in r.text
    r = client.post("/api/judgements", headers={"X-CSRF-Token": token}, json={
        "kind": "reject_claim", "incident": inc["id"], "version": inc["version"],
        "target": inc["claim_list"][0]["id"]})
    assert r.status_code == 403
    assert client.get("/api/users").status_code == 403
    assert client.get("/users").status_code == 403
    assert incident_of(client, "korva")["judgements"] == []


def test_form_without_csrf_token_is_refused(client):
    token = login(client, "rita")
    inc = incident_of(client, "korva")
    data = {"claim": inc["claim_list"][0]["id"], "version": inc["version"], "reason": "x"}
    assert client.post(f"/incidents/{inc['id']}/reject", data=data).status_code == 403
    r = client.post(f"/incidents/{inc['id']}/reject", data={**data, "csrf_token": token + "x"})
    assert r.status_code == 403
    assert client.post("/logout").status_code == 403
    assert incident_of(client, "korva")["judgements"] == []


def test_admin_sees_users(client):
    login(client, "ada")
    names = {u["name"]: u["role"] for u in client.get("/api/users").json()}
    assert names == {"ada": "admin", "rita": "reviewer", "rex": "reviewer", "vic": "viewer"}
    assert "password" not in client.get("/api/users").text
    page = client.get("/users")
    assert page.status_code == 200 and "rita" in page.text


def test_a_removed_role_applies_at_once(ledger_url):
    from civcas import api as users

    with make_client(ledger_url) as c:
        login(c, "rex")
        assert c.get("/api/me").json()["role"] == "reviewer"
        users.add_user("rex", "viewer", PASSWORD, db=ledger_url, update=True)
        assert c.get("/api/me").status_code == 401  # a changed user logs in again
        login(c, "rex")
        assert c.get("/api/me").json()["role"] == "viewer"
