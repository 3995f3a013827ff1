"""Two reviewers in two server processes judge the same incident at once: exactly one wins.

Each reviewer has a Desk of its own (its own engine, connections and cache, as
a separate ``civcas serve`` process would). Both saw the same incident version;
their judgements race into the database together. The version check and the
write are one transaction under the ledger's write lock, so the second one
finds the incident changed: Conflict (HTTP 409 in the app), nothing of it
stored. SQLite and PostgreSQL.
"""
from __future__ import annotations

import threading

import pytest

from civcas import api
from civcas.errors import Conflict
from civcas.records import Filters, User
from civcas.resolve import resolve
from civcas.api import Desk
from civcas.store import Ledger

from web.data import reports

RITA, REX = User("rita", "reviewer"), User("rex", "reviewer")


@pytest.fixture
def url(db_url):
    with Ledger(db_url) as ledger:
        list(ledger.ingest(reports()))
    api.resolve(db=db_url)
    return db_url


def race(url: str, actions, stale: bool, monkeypatch, q: str = "darin") -> list:
    """Run each action (desk, seen) -> judgement in its own thread with its own Desk, all
    released at once; returns what each returned or raised."""
    desks = [Desk(url) for _ in actions]
    seen = [d.incident(d.incidents(Filters(q=q)).incidents[0].id) for d in desks]
    if stale:  # each process's cached view is from before the other's write: only the
        for d in desks:  # database check can tell
            view = d._current()
            monkeypatch.setattr(d, "_current", lambda view=view: view)
    start = threading.Barrier(len(actions))
    out: list = [None] * len(actions)

    def run(i: int) -> None:
        start.wait()
        try:
            out[i] = actions[i](desks[i], seen[i])
        except Exception as exc:  # noqa: BLE001 - the test looks at it
            out[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(actions))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    for d in desks:
        d.close()
    return out


def grade(g: str, who: User):
    return lambda desk, seen: desk.judge("set_grade", seen.incident.id, user=who,
                                         incident_id=seen.incident.id, version=seen.version,
                                         payload={"grade": g}, reason=f"{who.name} says {g}")


def split(desk, seen):
    return desk.judge("split", seen.incident.id, user=REX, incident_id=seen.incident.id,
                      version=seen.version, payload={"claims": [seen.incident.claim_ids[-1]]}, reason="checked")


@pytest.mark.parametrize("stale", [True, False], ids=["stale-views", "fresh-views"])
def test_two_processes_judging_one_incident_exactly_one_wins(url, stale, monkeypatch):
    before = api.snapshot(db=url)
    out = race(url, [grade("weak", RITA), grade("contested", REX)], stale, monkeypatch)
    wins = [o for o in out if not isinstance(o, Exception)]
    lost = [o for o in out if isinstance(o, Exception)]
    assert len(wins) == 1 and len(lost) == 1, out
    assert isinstance(lost[0], Conflict) and "changed since you loaded it" in str(lost[0])
    after = api.snapshot(db=url)
    assert [j.id for j in after.judgements] == [*(j.id for j in before.judgements), wins[0].id]
    with Ledger(url) as ledger:  # the winner's judgement is applied, whole; the loser's nowhere
        judged = [a for a in ledger.audit_log() if a["action"].startswith("judge:")]
        assert [a["detail"]["judgement"] for a in judged] == [wins[0].id]
        full = resolve(ledger.documents(), ledger.claims(), ledger.judgements(), ledger.focus(),
                       ledger.successors())
        assert ledger.incidents() == list(full.incidents)
    darin = api.incidents(url, Filters(place="darin"))[0]
    assert darin.assessment.overridden_by == wins[0].id


def test_a_split_and_a_grade_at_once_one_conflicts(url, monkeypatch):
    out = race(url, [grade("weak", RITA), split], True, monkeypatch, q="korva")
    assert sorted(type(o).__name__ for o in out) == ["Conflict", "Judgement"], out
    assert len(api.snapshot(db=url).judgements) == 1


def test_the_app_answers_409_for_the_loser(url, monkeypatch):
    """The same race through the JSON API of two apps (two server processes)."""
    from fastapi.testclient import TestClient
    from argon2 import PasswordHasher

    from civcas.review import users as _users
    from civcas.web import create_app

    monkeypatch.setattr(_users, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024,
                                                         parallelism=1))
    for name in ("rita", "rex"):
        api.add_user(name, "reviewer", "pw-pw-pw-pw", db=url)
    clients = [TestClient(create_app(url, secret_key="test-secret-key-of-at-least-32-bytes!"), follow_redirects=False)
               for _ in range(2)]
    tokens, seen = [], []
    for c, name in zip(clients, ("rita", "rex")):
        c.__enter__()
        tokens.append(c.post("/api/login", json={"name": name, "password": "pw-pw-pw-pw"})
                      .json()["csrf_token"])
        inc = c.get("/api/incidents", params={"q": "darin"}).json()["incidents"][0]
        seen.append(c.get(f"/api/incidents/{inc['id']}").json())
    start = threading.Barrier(2)
    codes = [0, 0]

    def post(i: int) -> None:
        inc = seen[i]
        start.wait()
        r = clients[i].post("/api/judgements", headers={"X-CSRF-Token": tokens[i]},
                            json={"kind": "set_grade", "incident": inc["id"],
                                  "version": inc["version"], "grade": ["weak", "fair"][i],
                                  "reason": "race"})
        codes[i] = r.status_code

    threads = [threading.Thread(target=post, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    for c in clients:
        c.__exit__(None, None, None)
    assert sorted(codes) == [201, 409] or sorted(codes) == [200, 409], codes
    assert len(api.snapshot(db=url).judgements) == 1
