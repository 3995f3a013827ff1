"""The read-only ledger (SQLAlchemy Core, no ORM) reads what the ORM-based ledger stored.

:class:`civcas.store.Reader` backs ``civcas show``, ``civcas incidents`` and the other reads
of :mod:`civcas.api`; here its claims, documents, focus places and successors are checked
against the ledger's own ORM reads of the whole ledger (``Ledger.claims``, ``documents``,
``focus``), with new document versions, judgements and places, on both backends.
"""
from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from civcas import api
from civcas.errors import NotFound, StoreError
from civcas.records import ExtractionResult, Judgement
from civcas.store import Ledger, Reader

from .test_incremental import synthetic

SRC = Path(__file__).resolve().parents[2] / "src"


def _with_new_versions(results: list[ExtractionResult]) -> list[ExtractionResult]:
    """New versions of every fifth document: the first claim unchanged, the others with a
    figure one higher (no successor), the focus dropped."""
    out = []
    for r in results[::5]:
        doc = dataclasses.replace(r.document, text=r.document.text + " Updated.",
                                  content_hash=r.document.content_hash + "-v2")
        claims = tuple(dataclasses.replace(c, id=f"{c.id}-v2", low=(c.low or 0) + (k > 0),
                                           high=(c.high or 0) + (k > 0))
                       for k, c in enumerate(r.claims))
        out.append(ExtractionResult(doc, claims, None))
    return out


def test_the_reader_reads_what_the_ledger_stored(db_url):
    results = synthetic(31, 40)
    with Ledger(db_url) as ledger:
        for _ in ledger.ingest(results):
            pass
        for _ in ledger.ingest(_with_new_versions(results)):
            pass
    api.resolve(db=db_url)
    some = api.incidents(db=db_url)[0]
    api.judge("set_grade", some.id, {"grade": "weak"}, user="t", reason="a test", db=db_url)
    with Ledger(db_url) as ledger:
        claims, docs, focus = ledger.claims(), ledger.documents(), ledger.focus()
        incidents, tallies = ledger.incidents(), ledger.tallies()
        judged = ledger.judgements()
    assert len(judged) == 1 and focus and any(c.geo for c in claims)

    with Reader(db_url) as reader:
        assert reader.engine is None  # at the newest schema: the driver alone, no engine
        assert reader.claims_of(c.id for c in claims) == claims
        got_docs, got_focus = reader.documents_of(d.id for d in docs)
        assert sorted(got_docs, key=lambda d: d.id) == sorted(docs, key=lambda d: d.id)
        assert got_focus == focus
        assert reader.incidents() == incidents and reader.tallies() == tallies
        assert reader.incident(some.id) == next(i for i in incidents if i.id == some.id)
        assert reader.incident_count() == len(incidents)
        assert reader.judgements() == judged and reader.pending_count() == 0
        successors = reader.successors()
    versioned = [r for r in results[::5] if r.claims]
    assert successors == {r.claims[0].id: f"{r.claims[0].id}-v2" for r in versioned}


def test_the_reader_never_creates_a_ledger(tmp_path):
    missing = tmp_path / "none.db"
    with pytest.raises(NotFound):
        Reader(f"sqlite:///{missing}")
    assert not missing.exists()


def test_a_file_that_is_no_ledger_is_the_engines_error_and_stays_as_it_was(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"not a database at all\n" * 100)
    with pytest.raises(StoreError, match="E411"):
        Reader(f"sqlite:///{path}")
    assert path.read_bytes() == b"not a database at all\n" * 100


def test_a_ledger_is_read_without_sqlalchemy(db_url):
    url = db_url
    with Ledger(url) as ledger:
        for _ in ledger.ingest(synthetic(33, 12)):
            pass
    api.resolve(db=url)
    code = ("import sys; from civcas.store import Reader; r = Reader(sys.argv[1]); "
            "n = len(r.incidents()); print(n, [m for m in sys.modules if m.startswith('sqlalchemy')])")
    out = subprocess.run([sys.executable, "-c", code, url], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(SRC)}, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split(" ", 1) == [str(api.incident_count(db=url)), "[]\n"]


def test_judgements_read_by_the_reader_keep_their_payload_and_time(db_url):
    with Ledger(db_url) as ledger:
        for _ in ledger.ingest(synthetic(32, 10)):
            pass
        at = datetime(2026, 12, 7, 13, 45, 34, 123456, tzinfo=UTC).replace(tzinfo=None)
        j = Judgement(id="J1", kind="correct_claim", target="doc1c0",
                      payload={"fields": {"low": 3, "high": 4}}, user="rev", at=at,
                      reason="read again")
        ledger.add_judgement(j)
    with Reader(db_url) as reader:
        assert reader.judgements() == [j]
