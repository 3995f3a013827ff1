"""Reads narrowed by the database give what filtering the whole ledger gives."""
from __future__ import annotations

import random
from datetime import date, timedelta

from civcas import api
from civcas.records import Filters
from civcas.store import Ledger

from .test_incremental import synthetic


def test_incidents_narrowed_by_sql_equal_the_filtered_ledger(db_url):
    with Ledger(db_url) as ledger:
        for _ in ledger.ingest(synthetic(22, 60)):  # (a ledger whose incidents include date ranges)
            pass
    api.resolve(db=db_url)
    with Ledger(db_url) as ledger:
        everything = ledger.incidents()
    assert any("/" in (i.event_date or "") for i in everything)  # ranges are covered
    rnd = random.Random(4)
    start = date(2019, 2, 20)
    for _ in range(25):
        since = start + timedelta(days=rnd.randrange(70))
        f = Filters(since=rnd.choice((None, since.isoformat())),
                    until=rnd.choice((None, (since + timedelta(days=rnd.randrange(14))).isoformat())),
                    grade=rnd.choice((None, "weak", "fair", "confirmed")))
        want = api.filter_incidents(everything, f)
        assert api.incidents(db=db_url, filters=f) == want, f
    assert api.incident_count(db=db_url) == len(everything)


def test_incident_claims_and_detail_read_only_their_claims(db_url):
    with Ledger(db_url) as ledger:
        for _ in ledger.ingest(synthetic(22, 30)):
            pass
    api.resolve(db=db_url)
    snap = api.snapshot(db=db_url)
    inc = max(snap.incidents, key=lambda i: len(i.claim_ids))
    api.judge("correct_claim", inc.claim_ids[0], {"fields": {"low": 77, "high": 80}}, user="t", reason="test", db=db_url)
    inc = api.incident(inc.id, db=db_url) if inc.id in {
        i.id for i in api.incidents(db=db_url)} else api.incidents(db=db_url)[0]
    claims, docs = api.incident_claims([inc], db=db_url)
    snap = api.snapshot(db=db_url)
    assert claims == {c.id: c for c in snap.claims if c.id in inc.claim_ids}
    assert set(docs) == {c.document_id for c in claims.values()}
    got, members, mdocs = api.incident_detail(inc.id, db=db_url)
    assert got == inc and [c.id for c in members] == list(inc.claim_ids)
    assert mdocs == docs


def test_a_report_with_filters_reads_and_shows_those_incidents(db_url, tmp_path):
    from typer.testing import CliRunner

    from civcas import cli
    with Ledger(db_url) as ledger:
        for _ in ledger.ingest(synthetic(23, 40)):
            pass
    api.resolve(db=db_url)
    full = api.snapshot(db=db_url)
    f = Filters(since="2019-03-10", until="2019-03-24")
    part = api.filtered_snapshot(f, db=db_url)
    assert part.incidents == tuple(api.filter_incidents(full.incidents, f))
    assert 0 < len(part.incidents) < len(full.incidents)
    wanted = {c for i in part.incidents for c in i.claim_ids} | {t.claim_id for t in full.tallies}
    assert part.claims == tuple(c for c in full.claims if c.id in wanted)
    assert part.tallies == full.tallies
    out = tmp_path / "r.html"
    r = CliRunner().invoke(cli.app, ["report", "--since", "2019-03-10", "--until", "2019-03-24",
                                     "-o", str(out), "--db", db_url])
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    shown = {i.id for i in full.incidents if i.id in html}
    assert shown == {i.id for i in part.incidents}
    bad = CliRunner().invoke(cli.app, ["report", "--since", "March", "--db", db_url])
    assert bad.exit_code == 2
