"""The review desk over a real ledger: versions, conflicts, where incidents went, caching."""
from __future__ import annotations

import pytest

from civcas import api
from civcas.errors import Conflict, Forbidden, JudgementError, NotFound
from civcas.records import User
from civcas.api import Desk
from civcas.records import Filters
from civcas.store import Ledger

from web.data import reports

RITA, REX, VIC = User("rita", "reviewer"), User("rex", "reviewer"), User("vic", "viewer")


@pytest.fixture
def desk(tmp_path):
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    with Ledger(url) as ledger:
        list(ledger.ingest(reports()))
    api.resolve(db=url)
    with Desk(url) as d:
        yield d


def find(desk, q):
    (inc,) = desk.incidents(Filters(q=q)).incidents
    return desk.incident(inc.id)


def test_version_changes_with_any_judgement_about_the_incident(desk):
    korva, darin = find(desk, "korva"), find(desk, "darin")
    desk.judge("set_grade", darin.incident.id, user=RITA, incident_id=darin.incident.id,
               version=darin.version, payload={"grade": "fair"}, reason="r")
    assert desk.version(korva.incident.id) == korva.version  # another incident: unchanged
    assert desk.version(darin.incident.id) != darin.version
    with pytest.raises(Conflict, match="changed since you loaded it"):
        desk.judge("set_grade", darin.incident.id, user=REX, incident_id=darin.incident.id,
                   version=darin.version, payload={"grade": "weak"}, reason="r")


def test_rejecting_the_first_claim_renames_the_incident_and_locate_follows(desk):
    korva = find(desk, "korva")
    first = korva.incident.claim_ids[0]
    desk.judge("reject_claim", first, user=RITA, incident_id=korva.incident.id,
               version=korva.version, reason="checked")
    now = desk.follow(korva.incident.claim_ids[1:])
    assert now and now != korva.incident.id
    assert desk.home(first) is None
    assert desk.locate(korva.incident.id) is None  # its naming claim is in no incident
    with pytest.raises(Conflict, match="no longer exists"):
        desk.judge("set_grade", korva.incident.id, user=RITA, incident_id=korva.incident.id,
                   version=korva.version, payload={"grade": "fair"}, reason="r")
    again = desk.incident(now)
    assert [c.id for c in again.rejected] == [first]  # shown where it was rejected from


def test_merge_then_locate_and_judgement_checks(desk):
    korva, melta = find(desk, "korva"), find(desk, "melta")
    desk.judge("merge", f"{korva.incident.id},{melta.incident.id}", user=RITA,
               incident_id=korva.incident.id, version=korva.version, reason="checked")
    merged = desk.locate(melta.incident.id)
    assert merged == desk.locate(korva.incident.id)
    seen = desk.incident(merged)
    assert len(seen.incident.claim_ids) == 4 and seen.judgements[0].kind == "merge"
    with pytest.raises(JudgementError, match="is not a claim of incident"):
        desk.judge("reject_claim", "nope", user=RITA, incident_id=merged, version=seen.version, reason="checked")
    with pytest.raises(JudgementError, match="is not rejected"):
        desk.judge("accept_claim", seen.incident.claim_ids[0], user=RITA, incident_id=merged,
                   version=seen.version, reason="checked")
    with pytest.raises(Forbidden):
        desk.judge("set_grade", merged, user=VIC, incident_id=merged, version=seen.version,
                   payload={"grade": "fair"}, reason="checked")
    with pytest.raises(NotFound):
        desk.incident("Inope")


def test_reads_follow_writes_from_another_process(desk):
    before = desk.incidents().total
    darin = find(desk, "darin")
    api.judge("reject_claim", darin.incident.claim_ids[0], user="cli", db=desk.url, reason="checked")
    assert desk.incidents().total == before - 1


def test_claim_shows_corrections(desk):
    darin = find(desk, "darin")
    cid = darin.incident.claim_ids[0]
    desk.judge("correct_claim", cid, user=RITA, incident_id=darin.incident.id,
               version=darin.version, payload={"fields": {"low": "2"}}, reason="checked")
    claim, doc, was = desk.claim(cid)
    assert claim.low == 2 and was == {"low": 3} and doc.id == "darin-news"
    assert desk.incident(desk.home(cid)).corrected == {cid: {"low": 3}}
