"""The ledger workflow on a real database: ingest, resolve, judge, snapshot (SQLite and PostgreSQL)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import sysconfig
import textwrap

import pytest

from civcas import api
from civcas.api import _extract
from civcas.records import Filters
from civcas.errors import JudgementError, NotFound
from civcas.store import Ledger
from resolve.scenarios import acknowledged_report, cumulative_reports, neighbouring_villages, strike_reports


def store(url, results):
    with Ledger(url) as ledger:
        return [s for _, s in ledger.ingest(results)]


def test_strike_reports_resolve_to_one_graded_incident(db_url):
    store(db_url, strike_reports() + cumulative_reports() + acknowledged_report())
    api.resolve(db=db_url)
    incs = api.incidents(db=db_url)
    assert len(incs) == 2
    barqa = api.incidents(db_url, Filters(place="barqa"))[0]
    e = next(e for e in barqa.assessment.estimates if e.victims == "civilians")
    assert (e.low, e.best, e.high) == (22, 25, 31)
    assert barqa.assessment.stances[0].stance == "denied"
    assert api.incident(barqa.id, db=db_url) == barqa
    assert [i.assessment.grade for i in api.incidents(db_url, Filters(grade="confirmed"))] == ["confirmed"]
    assert api.incidents(db_url, Filters(since="2020-04-01", until="2020-05-31")) == [barqa]
    assert [t.low for t in api.tallies(db=db_url)] == [173, 883]
    snap = api.snapshot(db=db_url)
    assert len(snap.documents) == 6 and len(snap.incidents) == 2 and len(snap.tallies) == 2
    assert {c.id for c in snap.claims} >= set(barqa.claim_ids)


def test_reingest_and_reresolve_change_nothing(db_url):
    assert store(db_url, strike_reports()) == ["new"] * 3
    api.resolve(db=db_url)
    before = api.snapshot(db=db_url)
    assert store(db_url, strike_reports()) == ["unchanged"] * 3
    api.resolve(db=db_url)
    after = api.snapshot(db=db_url)
    assert after.incidents == before.incidents and after.claims == before.claims


def test_judgements_survive_reingest_and_reresolution(db_url):
    store(db_url, neighbouring_villages() + strike_reports())
    api.resolve(db=db_url)
    a, b = sorted(api.incidents(db_url, Filters(since="2020-06-01")), key=lambda i: i.place.name)
    barqa = api.incidents(db_url, Filters(until="2020-05-31"))[0]
    drop = barqa.claim_ids[-1]
    api.judge("reject_claim", drop, user="ana", reason="duplicate", db=db_url)
    api.judge("correct_claim", a.claim_ids[0], {"fields": {"low": "10", "high": "10"}},
              user="ana", reason="hospital list", db=db_url)
    j = api.judge("merge", f"{a.id},{b.id}", user="ben", reason="same raid", db=db_url)
    assert j.user == "ben" and j.reason == "same raid" and j.at is not None
    merged = api.incidents(db_url, Filters(since="2020-06-01"))
    assert len(merged) == 1
    api.judge("set_grade", merged[0].id, {"grade": "fair"}, user="ben", reason="video",
              db=db_url)

    def check():
        m, = api.incidents(db_url, Filters(since="2020-06-01"))
        assert m.assessment.grade == "fair" and m.assessment.overridden_by
        e = m.assessment.estimates[0]
        assert (e.low, e.high) == (4, 10)  # corrected 9 -> 10; 4 and 10 never summed
        assert drop not in api.incidents(db_url, Filters(until="2020-05-31"))[0].claim_ids
        assert len(api.snapshot(db=db_url).judgements) == 4

    check()
    store(db_url, neighbouring_villages() + strike_reports() + acknowledged_report())
    api.resolve(db=db_url)
    check()
    m, = api.incidents(db_url, Filters(since="2020-06-01"))
    api.judge("split", m.id, {"claims": [b.claim_ids[0]]}, user="ana", db=db_url, reason="checked")
    api.resolve(db=db_url)
    assert len(api.incidents(db_url, Filters(since="2020-06-01"))) == 2


def test_bad_judgements_change_nothing(db_url):
    store(db_url, neighbouring_villages())
    api.resolve(db=db_url)
    before = api.snapshot(db=db_url)
    with Ledger(db_url) as ledger:
        audit = len(ledger.audit_log())
    inc = before.incidents[0]
    with pytest.raises(NotFound, match="incident 'Inope'"):
        api.judge("set_grade", "Inope", {"grade": "fair"}, db=db_url, reason="checked")
    with pytest.raises(NotFound, match="no such incident"):
        api.incident("Inope", db=db_url)
    with pytest.raises(NotFound, match="claim 'nope'"):
        api.judge("reject_claim", "nope", db=db_url, reason="checked")
    with pytest.raises(JudgementError, match="grade 'great'"):
        api.judge("set_grade", inc.id, {"grade": "great"}, db=db_url, reason="checked")
    with pytest.raises(JudgementError, match="field 'colour'"):
        api.judge("correct_claim", inc.claim_ids[0], {"fields": {"colour": "red"}}, db=db_url, reason="checked")
    with pytest.raises(JudgementError, match="not a whole number"):
        api.judge("correct_claim", inc.claim_ids[0], {"fields": {"low": "many"}}, db=db_url, reason="checked")
    with pytest.raises(JudgementError, match="two or more"):
        api.judge("merge", inc.id, db=db_url, reason="checked")
    with pytest.raises(JudgementError, match="leave at least one"):
        api.judge("split", inc.id, {"claims": list(inc.claim_ids)}, db=db_url, reason="checked")
    assert api.snapshot(db=db_url) == before
    with Ledger(db_url) as ledger:
        assert len(ledger.audit_log()) == audit


def _write_reports(folder, n):
    folder.mkdir()
    for i in range(n):
        (folder / f"report-{i:03d}.txt").write_text(
            f"Strike on Village{i} kills {i + 3} civilians\n\n"
            f"An air strike on the village of Village{i} killed {i + 3} civilians on "
            f"Monday, activists said. The strike hit a bakery.\n", encoding="utf-8")


def test_ingest_files_idempotent_and_failures_stored(db_url, tmp_path, monkeypatch):
    _write_reports(tmp_path / "in", 4)
    (tmp_path / "in" / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    first = api.ingest([tmp_path / "in"], db=db_url)
    assert (first.new, first.unchanged, first.failed) == (4, 0, 1)
    assert first.failures[0].origin.endswith("broken.txt")
    def no_extraction(document):
        raise AssertionError(f"{document.id} is stored: it must not be extracted again")

    monkeypatch.setattr(_extract, "extract_document", no_extraction)  # what api.ingest calls
    second = api.ingest([tmp_path / "in"], db=db_url)
    assert (second.new, second.unchanged, second.failed, second.claims) == (0, 4, 1, 0)
    with Ledger(db_url) as ledger:
        assert ledger.counts()["documents"] == 4 and ledger.counts()["versions"] == 4
        assert [f.origin for f in ledger.failures()] == [first.failures[0].origin]


KILLER = textwrap.dedent("""
    import os, signal, sys
    from civcas import api
    from civcas.api import _extract
    real = _extract.read_documents
    def dying(paths, **options):  # SIGKILL while reading document N (batch in flight)
        for n, item in enumerate(real(paths, **options), 1):
            if n == int(sys.argv[3]):
                os.kill(os.getpid(), signal.SIGKILL)
            yield item
    _extract.read_documents = dying  # what api.ingest reads through
    api.ingest([sys.argv[1]], db=sys.argv[2], batch=3, workers=1)  # one process: reads as it stores
""")


@pytest.mark.slow
def test_sigkill_mid_ingest_then_rerun_stores_every_document_once(db_url, tmp_path):
    _write_reports(tmp_path / "in", 10)
    script = tmp_path / "killer.py"
    script.write_text(KILLER)
    proc = subprocess.run([sys.executable, str(script), str(tmp_path / "in"), db_url, "8"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    with Ledger(db_url) as ledger:
        committed = ledger.counts()["documents"]
    assert committed == 6  # two batches of 3 committed; the batch in flight lost
    env = {**os.environ, "CIVCAS_DB": db_url}
    civcas = os.path.join(sysconfig.get_path("scripts"), "civcas")
    rerun = subprocess.run([civcas, "ingest", str(tmp_path / "in")],
                           capture_output=True, text=True, timeout=120, env=env)
    assert rerun.returncode == 0, rerun.stderr
    with Ledger(db_url) as ledger:
        docs = ledger.documents(current=False)
        assert sorted(d.id for d in docs) == [f"report-{i:03d}" for i in range(10)]
        assert len({c.id for c in ledger.claims()}) == len(ledger.claims())
    summary = api.ingest([tmp_path / "in"], db=db_url)
    assert (summary.new, summary.unchanged) == (0, 10)


def test_judgements_follow_a_document_to_its_new_version(db_url):
    from dataclasses import replace as _replace

    from conftest import make_result

    reports = neighbouring_villages()
    store(db_url, reports)
    api.resolve(db=db_url)
    barqa = api.incidents(db_url, Filters(place="barqa"))[0]
    api.judge("correct_claim", barqa.claim_ids[0], {"fields": {"perpetrator": "Russia"}},
              user="ana", db=db_url, reason="checked")
    api.judge("set_grade", barqa.id, {"grade": "fair"}, user="ana", db=db_url, reason="checked")
    first = reports[0]
    text = first.document.text + " The toll may rise."
    c = first.claims[0]
    newer = make_result(first.document.id, text, [dict(
        phrase="killed 9 civilians", low=9, high=9, source=c.source, place=c.place,
        event_date=c.event_date, geo=c.geo)], published="2020-06-09")
    newer = _replace(newer, claims=tuple(_replace(x, text=c.text) for x in newer.claims))
    assert store(db_url, [newer]) == ["changed"]
    api.resolve(db=db_url)
    now = api.incidents(db_url, Filters(place="barqa"))[0]
    assert now.claim_ids[0] != barqa.claim_ids[0]  # the new version's claim
    assert now.perpetrators == ("Russia",)  # the correction followed it
    assert now.assessment.grade == "fair" and now.assessment.overridden_by


@pytest.mark.slow
def test_sigkill_of_the_civcas_ingest_command_then_rerun(db_url, tmp_path):
    """`civcas ingest` itself killed with SIGKILL once a batch is committed; a re-run completes."""
    import time

    from sqlalchemy import create_engine, text

    _write_reports(tmp_path / "in", 300)
    civcas = os.path.join(sysconfig.get_path("scripts"), "civcas")
    proc = subprocess.Popen([civcas, "ingest", str(tmp_path / "in"), "--db", db_url,
                             "--batch", "5"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    engine = create_engine(db_url)
    deadline = time.monotonic() + 120
    committed = 0
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            try:
                with engine.connect() as conn:
                    committed = conn.execute(text("SELECT count(*) FROM documents")).scalar()
            except Exception:  # noqa: BLE001 - tables not created yet
                committed = 0
            if committed >= 5:
                proc.send_signal(signal.SIGKILL)
                break
            time.sleep(0.02)
        proc.wait(timeout=60)
    finally:
        engine.dispose()
    assert proc.returncode == -signal.SIGKILL, "ingest finished before it could be killed"
    with Ledger(db_url) as ledger:
        assert 5 <= ledger.counts()["documents"] < 300
    rerun = subprocess.run([civcas, "ingest", str(tmp_path / "in"), "--db", db_url],
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with Ledger(db_url) as ledger:
        ids = [d.id for d in ledger.documents(current=False)]
        assert sorted(ids) == [f"report-{i:03d}" for i in range(300)]
        claims = ledger.claims()
        assert len({c.id for c in claims}) == len(claims)
