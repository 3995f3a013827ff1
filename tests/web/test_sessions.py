"""Sessions end on the server: a copied cookie is worth nothing after logout, a changed
user, idle time or age."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from civcas.store import Ledger
from civcas.store.models import SessionRow

from .conftest import login, make_client


def copy(client, ledger_url):
    """A second client holding a copy of ``client``'s session cookie."""
    other = make_client(ledger_url)
    other.__enter__()
    other.cookies.set("civcas_session", client.cookies.get("civcas_session"))
    return other


def test_a_copied_cookie_stops_working_after_logout(ledger_url):
    with make_client(ledger_url) as c:
        token = login(c, "rita")
        thief = copy(c, ledger_url)
        try:
            assert thief.get("/api/me").json()["name"] == "rita"
            assert c.post("/logout", data={"csrf_token": token}).status_code == 303
            assert thief.get("/api/me").status_code == 401
            assert thief.get("/incidents").status_code == 303
            r = thief.post("/api/judgements", json={"kind": "set_grade", "incident": "I1",
                                                    "version": "x", "grade": "weak",
                                                    "reason": "r"},
                           headers={"X-CSRF-Token": token})
            assert r.status_code == 401
        finally:
            thief.__exit__(None, None, None)


def test_api_logout_ends_the_session_too(ledger_url):
    with make_client(ledger_url) as c:
        token = login(c, "vic")
        thief = copy(c, ledger_url)
        try:
            assert c.post("/api/logout", headers={"X-CSRF-Token": token}).status_code == 204
            assert thief.get("/api/me").status_code == 401
        finally:
            thief.__exit__(None, None, None)


def test_user_add_update_ends_the_users_sessions_only(ledger_url):
    from civcas import api as users

    with make_client(ledger_url) as rita, make_client(ledger_url) as rex:
        login(rita, "rita")
        login(rex, "rex")
        thief = copy(rita, ledger_url)
        try:
            users.add_user("rita", "reviewer", "a new password", db=ledger_url, update=True)
            assert rita.get("/api/me").status_code == 401
            assert thief.get("/api/me").status_code == 401
            assert rex.get("/api/me").json()["name"] == "rex"
            login(rita, "rita", "a new password")
            assert rita.get("/api/me").status_code == 200
        finally:
            thief.__exit__(None, None, None)


def test_idle_and_absolute_expiry_with_an_injected_clock(ledger_url):
    now = [datetime(2026, 1, 1, 12, 0)]
    with make_client(ledger_url) as c:
        sessions = c.app.state.sessions
        sessions.clock = lambda: now[0]
        sessions.idle = timedelta(minutes=30)
        login(c, "rita")
        for _ in range(30):  # used every 25 minutes: never idle, but 12 hours at most
            now[0] += timedelta(minutes=25)
            if c.get("/api/me").status_code != 200:
                break
        assert now[0] - datetime(2026, 1, 1, 12, 0) == timedelta(hours=12, minutes=5)
        assert c.get("/api/me").status_code == 401
        login(c, "rita")
        now[0] += timedelta(minutes=29)
        assert c.get("/api/me").status_code == 200
        now[0] += timedelta(minutes=30)
        assert c.get("/api/me").status_code == 401
        assert c.get("/incidents").status_code == 303


def test_only_the_ids_hash_is_stored(ledger_url):
    with make_client(ledger_url) as c:
        login(c, "rita")
        with Ledger(ledger_url) as ledger, ledger._session() as s:
            rows = list(s.scalars(select(SessionRow)))
        assert len(rows) == 1 and rows[0].user == "rita" and len(rows[0].digest) == 64
        cookie = c.cookies.get("civcas_session")
        assert rows[0].digest not in cookie and "rita" not in cookie
