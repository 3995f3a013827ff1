"""Failed logins are counted by user name and by client address (in the ledger, so every
process shares them): 5 for one name lock it (429 with Retry-After), the same answer whether
the user exists or not; an address is refused only after many more; a correct password
resets the name's count."""
from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from civcas.web import create_app

from .conftest import PASSWORD, csrf_of


@pytest.fixture
def now():
    return [datetime(2026, 1, 1, 12, 0)]


def client_at(url: str, now: list, address: str = "10.0.0.1") -> TestClient:
    c = TestClient(create_app(url, secret_key="test-secret-key-of-at-least-32-bytes!"), follow_redirects=False,
                   client=(address, 40000))
    c.app.state.throttle.clock = lambda: now[0]
    c.app.state.throttle.step = 0  # no slowing in tests (see test_failures_are_slowed)
    return c


def api_login(c, name, password):
    return c.post("/api/login", json={"name": name, "password": password})


def form_login(c, name, password):
    token = csrf_of(c.get("/login").text)
    return c.post("/login", data={"name": name, "password": password, "csrf_token": token})


def test_five_failures_for_a_name_refuse_it_with_429(ledger_url, now):
    with client_at(ledger_url, now) as c, client_at(ledger_url, now, "10.0.0.2") as other:
        for i in range(5):
            assert api_login(c if i % 2 else other, "rita", "wrong").status_code == 401
            now[0] += timedelta(seconds=10)
        r = api_login(c, "rita", PASSWORD)  # the right password is refused too
        assert r.status_code == 429 and "Too many failed logins" in r.json()["detail"]
        assert 0 < int(r.headers["retry-after"]) <= 15 * 60
        r = form_login(other, "rita", PASSWORD)
        assert r.status_code == 429 and "Too many failed logins" in r.text
        assert int(r.headers["retry-after"]) > 0
        assert api_login(c, "rex", PASSWORD).status_code == 200  # another name: fine
        now[0] += timedelta(minutes=15)  # the first failures leave the window
        assert api_login(c, "rita", PASSWORD).status_code == 200


def test_failures_from_an_address_over_its_limit_refuse_it(ledger_url, now):
    with client_at(ledger_url, now) as c, client_at(ledger_url, now, "10.0.0.9") as far:
        c.app.state.throttle.address_limit = 5  # default 100: a proxy's address is shared
        for name in ("a1", "b2", "c3", "d4", "e5"):
            assert form_login(c, name, "guess").status_code == 401
        assert api_login(c, "rex", PASSWORD).status_code == 429
        assert form_login(c, "vic", PASSWORD).status_code == 429
        assert api_login(far, "rex", PASSWORD).status_code == 200  # another address


def test_a_success_resets_the_names_count(ledger_url, now):
    with client_at(ledger_url, now) as c:
        c.app.state.throttle.limit = 10  # the address's count is not what is tested here
        for _ in range(4):
            assert api_login(c, "rita", "wrong").status_code == 401
        assert api_login(c, "rita", PASSWORD).status_code == 200
        for _ in range(4):
            assert api_login(c, "rita", "wrong").status_code == 401
        assert api_login(c, "rita", PASSWORD).status_code == 200
        c.app.state.throttle.limit = 5
        for _ in range(5):
            api_login(c, "rita", "wrong")
        assert api_login(c, "rita", PASSWORD).status_code == 429


def test_a_locked_out_guesser_learns_nothing_about_who_exists(ledger_url, now):
    answers = {}
    for name in ("rita", "nobody"):
        with client_at(ledger_url, now, f"10.1.0.{len(answers)}") as c:
            first = [api_login(c, name, "wrong") for _ in range(5)]
            assert {r.status_code for r in first} == {401}
            assert {r.json()["detail"] for r in first} == {"[E616] wrong name or password"}
            api = api_login(c, name, "wrong")
            form = form_login(c, name, "wrong")
            answers[name] = (api.status_code, api.json(), api.headers["retry-after"],
                             form.status_code, form.headers["retry-after"],
                             re.sub(r'name="csrf_token" value="[^"]+"', "",
                                    form.text.replace(name, "NAME")))
    assert answers["rita"] == answers["nobody"]
    assert answers["rita"][0] == 429


def test_failures_are_slowed_before_they_are_refused(ledger_url, now):
    with client_at(ledger_url, now) as c:
        throttle = c.app.state.throttle
        throttle.step = 0.5  # seconds added per failure beyond the second
        assert [throttle.failed("x", "1.2.3.4") for _ in range(4)] == [0, 0, 0.5, 1.0]
        assert throttle.refused("x", "1.2.3.4") == 0
        throttle.failed("x", "1.2.3.4")
        assert throttle.refused("x", "1.2.3.4") == 15 * 60
