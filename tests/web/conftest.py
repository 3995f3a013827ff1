"""Fixtures of the web tests: a small ledger with users, the app, logged-in clients."""
from __future__ import annotations

import re

import pytest
from argon2 import PasswordHasher

from civcas import api
from civcas.review import users as _users
from civcas.store import Ledger

from .data import reports

PASSWORD = "correct horse"
USERS = {"ada": "admin", "rita": "reviewer", "rex": "reviewer", "vic": "viewer"}


@pytest.fixture(autouse=True)
def fast_hashes(monkeypatch):
    """Cheap argon2 parameters: the tests hash many passwords."""
    monkeypatch.setattr(_users, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024,
                                                         parallelism=1))
    monkeypatch.setattr(_users, "_dummy", [])


def fill(url: str) -> str:
    with Ledger(url) as ledger:
        list(ledger.ingest(reports()))
    api.resolve(db=url)
    for name, role in USERS.items():
        api.add_user(name, role, PASSWORD, db=url)
    return url


@pytest.fixture
def ledger_url(tmp_path):
    """A SQLite ledger with the test reports, resolved, and the test users."""
    return fill(f"sqlite:///{tmp_path / 'web.db'}")


@pytest.fixture
def any_ledger_url(db_url):
    """The same on SQLite and on PostgreSQL."""
    return fill(db_url)


def make_client(url: str):
    from fastapi.testclient import TestClient

    from civcas.web import create_app

    return TestClient(create_app(url, secret_key="test-secret-key-of-at-least-32-bytes!"), follow_redirects=False)


@pytest.fixture
def client(ledger_url):
    with make_client(ledger_url) as c:
        yield c


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def login(client, name: str, password: str = PASSWORD) -> str:
    """Log in through the form; return the session's CSRF token."""
    page = client.get("/login")
    r = client.post("/login", data={"name": name, "password": password,
                                    "csrf_token": csrf_of(page.text), "next": "/incidents"})
    assert r.status_code == 303, r.text
    return client.get("/api/me").json()["csrf_token"]


def incident_of(client, place: str) -> dict:
    items = client.get("/api/incidents", params={"q": place}).json()["incidents"]
    assert len(items) == 1, items
    return client.get(f"/api/incidents/{items[0]['id']}").json()
