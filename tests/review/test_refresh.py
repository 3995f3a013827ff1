"""After a judgement the desk's cache re-reads only the incidents it replaced, and shows
exactly what a fresh desk (reading everything) shows: list, sorts, filters, facets, homes."""
from __future__ import annotations

import pytest

from civcas import api
from civcas.records import User
from civcas.api import Desk, _desk
from civcas.records import Filters
from civcas.store import Ledger

from web.data import reports

RITA = User("rita", "reviewer")
SORTS = [Filters(sort=s, order=o) for s in ("date", "killed", "grade", "place", "claims",
                                            "sources", "confidence") for o in ("asc", "desc")]


@pytest.fixture
def url(tmp_path):
    url = f"sqlite:///{tmp_path / 'refresh.db'}"
    with Ledger(url) as ledger:
        list(ledger.ingest(reports()))
    api.resolve(db=url)
    return url


def same_as_fresh(desk: Desk, url: str) -> None:
    with Desk(url) as fresh:
        for f in (*SORTS, Filters(grade="weak"), Filters(q="darin"), Filters(country="SY")):
            a, b = desk.incidents(f), fresh.incidents(f)
            assert [i.id for i in a.incidents] == [i.id for i in b.incidents], f
            assert a.incidents == b.incidents and (a.total, a.all) == (b.total, b.all)
        assert desk.facets() == fresh.facets()
        assert desk.judgements() == fresh.judgements()
        view, other = desk._current(), fresh._current()
        assert view.home == other.home and view.by_id == other.by_id


def test_judgements_refresh_only_what_they_touched(url, monkeypatch):
    from civcas import api as users

    with Desk(url) as desk:
        desk.incidents()
        loads = []
        real = _desk._View.load
        monkeypatch.setattr(_desk._View, "load",
                            classmethod(lambda cls, ledger, rev, *more: (
                                ledger is desk.ledger and loads.append(rev))
                                or real(ledger, rev, *more)))

        def seen(q):
            (inc,) = desk.incidents(Filters(q=q)).incidents
            return desk.incident(inc.id)

        darin = seen("darin")
        desk.judge("set_grade", darin.incident.id, user=RITA, incident_id=darin.incident.id,
                   version=darin.version, payload={"grade": "weak"}, reason="r")
        same_as_fresh(desk, url)
        korva = seen("korva")
        desk.judge("reject_claim", korva.claims[0].id, user=RITA,
                   incident_id=korva.incident.id, version=korva.version, reason="dup")
        same_as_fresh(desk, url)
        a, b = desk.incidents(Filters(sort="date")).incidents[:2]
        va = desk.incident(a.id)
        desk.judge("merge", f"{a.id},{b.id}", user=RITA, incident_id=a.id,
                   version=va.version, reason="same attack")
        users.add_user("newbie", "viewer", "a password!", db=url)  # no incident changes
        same_as_fresh(desk, url)
        merged = desk.incident(desk.follow(a.claim_ids))
        if len(merged.incident.claim_ids) > 1:
            desk.judge("split", merged.incident.id, user=RITA,
                       incident_id=merged.incident.id, version=merged.version,
                       payload={"claims": [merged.incident.claim_ids[-1]]}, reason="two")
            same_as_fresh(desk, url)
        assert loads == []  # never a full reload
        api.resolve(db=url)  # a full resolution: the desk reloads everything
        same_as_fresh(desk, url)
        assert len(loads) == 1
