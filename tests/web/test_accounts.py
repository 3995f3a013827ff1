"""Accounts that behave: a lockout per account with exponential back-off (another account
behind the same address still logs in), a high per-address limit, trusted proxies, `civcas
user unlock|remove|list`, login attempts in the audit log and the access log, a secret key
of at least 32 bytes (generated and stored when none is set)."""
from __future__ import annotations

import json
import logging
import os
import stat
from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from civcas import api, cli
from civcas.store import Ledger
from civcas.web import create_app

from .conftest import PASSWORD

KEY = "test-secret-key-of-at-least-32-bytes!"
runner = CliRunner()


@pytest.fixture
def now():
    return [datetime(2026, 1, 1, 12, 0)]


def client(url, now, address="10.0.0.1", **options) -> TestClient:
    c = TestClient(create_app(url, secret_key=KEY, **options), follow_redirects=False,
                   client=(address, 40000))
    c.app.state.throttle.clock = lambda: now[0]
    c.app.state.throttle.step = 0
    return c


def login(c, name, password, **headers):
    return c.post("/api/login", json={"name": name, "password": password}, headers=headers)


def test_two_accounts_behind_one_address(ledger_url, now):
    """Five bad guesses for rita lock rita, not the admin who shares her proxy's address."""
    with client(ledger_url, now, "192.0.2.10") as proxy:
        for _ in range(5):
            assert login(proxy, "rita", "wrong").status_code == 401
        assert login(proxy, "rita", PASSWORD).status_code == 429
        assert login(proxy, "ada", PASSWORD).status_code == 200
        assert login(proxy, "rex", PASSWORD).status_code == 200


def test_the_lockout_doubles_with_each_further_failure(ledger_url, now):
    with client(ledger_url, now) as c:
        for _ in range(5):
            login(c, "rita", "wrong")
        first = int(login(c, "rita", PASSWORD).headers["retry-after"])
        assert 14 * 60 < first <= 15 * 60
        now[0] += timedelta(minutes=15, seconds=1)
        assert login(c, "rita", "wrong").status_code == 401  # the lock is over: one more try
        second = int(login(c, "rita", PASSWORD).headers["retry-after"])
        assert 29 * 60 < second <= 30 * 60
        now[0] += timedelta(minutes=30, seconds=1)
        login(c, "rita", "wrong")
        assert 59 * 60 < int(login(c, "rita", PASSWORD).headers["retry-after"]) <= 60 * 60


def test_user_unlock_ends_the_lockout_and_is_audited(ledger_url, now):
    with client(ledger_url, now) as c:
        for _ in range(5):
            login(c, "rita", "wrong")
        assert login(c, "rita", PASSWORD).status_code == 429
        r = runner.invoke(cli.app, ["user", "unlock", "rita", "--db", ledger_url])
        assert r.exit_code == 0 and "5 failed login(s) forgotten" in r.output
        assert login(c, "rita", PASSWORD).status_code == 200
    r = runner.invoke(cli.app, ["user", "unlock", "nobody", "--db", ledger_url])
    assert r.exit_code == 2 and "[E405]" in r.output and r.output.count("\n") == 1
    with Ledger(ledger_url) as ledger:
        assert any(e["action"] == "user:unlock" and e["target"] == "rita"
                   for e in ledger.audit_log())


def test_user_remove_ends_the_sessions_and_keeps_the_judgements(ledger_url, now):
    with client(ledger_url, now) as c:
        assert login(c, "rex", PASSWORD).status_code == 200
        assert c.get("/api/me").status_code == 200
        r = runner.invoke(cli.app, ["user", "remove", "rex", "--db", ledger_url])
        assert r.exit_code == 0, r.output
        assert c.get("/api/me").status_code == 401
        assert login(c, "rex", PASSWORD).status_code == 401
    r = runner.invoke(cli.app, ["user", "list", "--db", ledger_url])
    assert "rex" not in r.output and "rita\treviewer" in r.output
    r = runner.invoke(cli.app, ["user", "remove", "rex", "--db", ledger_url])
    assert r.exit_code == 2 and "[E405]" in r.output


def test_trusted_proxies_name_the_client(ledger_url, now):
    with client(ledger_url, now, "10.9.9.9", trusted_proxies="10.9.9.9") as c:
        c.app.state.throttle.address_limit = 3
        for name in ("a1", "b2", "c3"):
            login(c, name, "x", **{"X-Forwarded-For": "203.0.113.5"})
        assert login(c, "rex", PASSWORD, **{"X-Forwarded-For": "203.0.113.5"}).status_code == 429
        assert login(c, "rex", PASSWORD, **{"X-Forwarded-For": "203.0.113.6"}).status_code == 200
    with client(ledger_url, now, "10.8.8.8") as c:  # not trusted: the header is ignored
        c.app.state.throttle.address_limit = 3
        for name in ("d4", "e5", "f6"):
            login(c, name, "x", **{"X-Forwarded-For": "203.0.113.7"})
        assert login(c, "rex", PASSWORD, **{"X-Forwarded-For": "203.0.113.8"}).status_code == 429


def test_login_attempts_are_in_the_audit_log_and_the_access_log(ledger_url, now, caplog):
    with caplog.at_level(logging.INFO, logger="civcas.access"), client(ledger_url, now) as c:
        login(c, "rita", "wrong")
        login(c, "correct horse battery", "typed into the name field")
        login(c, "rita", PASSWORD)
        c.get("/api/incidents")
    with Ledger(ledger_url) as ledger:
        logins = [e for e in ledger.audit_log() if e["action"].startswith("login:")]
    assert [(e["action"], e["target"]) for e in logins] == [
        ("login:failed", "rita"), ("login:failed", "(no such user)"), ("login:ok", "rita")]
    assert all(e["detail"]["address"] == "10.0.0.1" for e in logins)
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "civcas.access"]
    assert not any("correct horse battery" in json.dumps(x) for x in lines)
    request = next(x for x in lines if x.get("path") == "/api/incidents")
    assert request["user"] == "rita" and request["status"] == 200 and request["ms"] >= 0
    assert {x.get("event") for x in lines} >= {"login:failed", "login:ok"}


def test_a_short_secret_key_is_refused_and_a_missing_one_is_generated_once(tmp_path,
                                                                           monkeypatch):
    url = f"sqlite:///{tmp_path / 'k.db'}"
    with pytest.raises(api.ConfigError, match="E115"):
        create_app(url, secret_key="abc")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    first = api.secret_key()
    path = api.secret_key_file()
    assert len(first) >= 32 and path.read_text().strip() == first
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert api.secret_key() == first  # the next start signs with the same key
    monkeypatch.setenv("CIVCAS_SECRET_KEY", "short")
    r = runner.invoke(cli.app, ["serve", "--db", url])
    assert r.exit_code == 2 and "[E115]" in r.output
