"""The ledger database: identity, versions, failures, bad URLs (SQLite and PostgreSQL)."""
from __future__ import annotations

import pytest
from conftest import make_result

from civcas.errors import ConfigError, StoreError
from civcas.records import Place, ReadFailure
from civcas.store import CHANGED, FAILED, NEW, UNCHANGED, Ledger

TEXT = "An air strike on Kafr Tala killed 12 civilians on Friday, the monitor said."
GEO = Place("Kafr Tala", 35.1, 36.2, "SY", "Idlib", precision="village", geonames_id=7)


def result(text=TEXT, doc_id="kafr-tala-1", **kw):
    return make_result(doc_id, text, [dict(phrase="killed 12 civilians", low=12, high=12,
                                           place="Kafr Tala", geo=GEO)], **kw)


def test_new_then_unchanged(db_url):
    with Ledger(db_url) as ledger:
        assert [s for _, s in ledger.ingest([result()])] == [NEW]
        assert [s for _, s in ledger.ingest([result()])] == [UNCHANGED]
        counts = ledger.counts()
        assert counts["documents"] == 1 and counts["versions"] == 1 and counts["claims"] == 1
        claim = ledger.claims()[0]
        assert claim.geo == GEO and claim.span == (TEXT.index("killed 12"), TEXT.index(" on Fri"))
        assert claim.sentence == TEXT and claim.document_id == "kafr-tala-1"


def test_changed_document_is_a_new_version_and_history_stays(db_url):
    changed = TEXT.replace("12", "14")
    with Ledger(db_url) as ledger:
        list(ledger.ingest([result()]))
        second = make_result("kafr-tala-1", changed, [dict(phrase="killed 14 civilians", low=14,
                                                           high=14, place="Kafr Tala")])
        assert [s for _, s in ledger.ingest([second])] == [CHANGED]
        assert [c.low for c in ledger.claims()] == [14]
        assert sorted(c.low for c in ledger.claims(current=False)) == [12, 14]
        versions = ledger.document_versions("kafr-tala-1")
        assert [(v, cur) for v, cur, _ in versions] == [(1, False), (2, True)]
        # the old text again: already stored, so unchanged; nothing flips or duplicates
        assert [s for _, s in ledger.ingest([result()])] == [UNCHANGED]
        assert [c.low for c in ledger.claims()] == [14]
        assert ledger.counts()["versions"] == 2


def test_two_texts_under_one_id_in_one_run_are_two_documents(db_url):
    other = result(text=TEXT + " Another article, same id.")
    with Ledger(db_url) as ledger:
        assert [s for _, s in ledger.ingest([result(), other])] == [NEW, NEW]
        ids = sorted(d.id for d in ledger.documents())
        assert ids[0] == "kafr-tala-1" and ids[1].startswith("kafr-tala-1#")
        assert [s for _, s in ledger.ingest([result(), other])] == [UNCHANGED, UNCHANGED]
        assert ledger.counts()["documents"] == 2


def test_same_url_new_id_is_a_version(db_url):
    with Ledger(db_url) as ledger:
        list(ledger.ingest([result(url="https://example.org/a")]))
        other = result(text=TEXT + " More later.", doc_id="renamed", url="https://example.org/a")
        assert [s for _, s in ledger.ingest([other])] == [CHANGED]
        assert [d.id for d in ledger.documents()] == ["renamed"]


def test_failure_is_stored_with_its_error_and_cleared_on_success(db_url):
    with Ledger(db_url) as ledger:
        fail = ReadFailure("kafr-tala-1.txt", "extraction failed: ValueError: boom")
        assert [s for _, s in ledger.ingest([fail])] == [FAILED]
        assert [s for _, s in ledger.ingest([fail])] == [FAILED]
        assert ledger.failures() == [fail]  # stored once, attempts counted
        list(ledger.ingest([result()]))  # origin kafr-tala-1.txt now reads fine
        assert ledger.failures() == []
        assert ledger.failures(unresolved=False) == [fail]


def test_exception_mid_batch_loses_only_the_batch(db_url):
    docs = [result(text=TEXT + f" Update {i}.", doc_id=f"d{i}") for i in range(7)]

    def items():
        yield from docs[:5]
        raise RuntimeError("crash")

    with Ledger(db_url) as ledger:
        with pytest.raises(RuntimeError):
            for _ in ledger.ingest(items(), batch=2):
                pass
        assert ledger.counts()["documents"] == 4  # two batches committed, the third lost
        statuses = [s for _, s in ledger.ingest(docs, batch=2)]
        assert statuses == [UNCHANGED] * 4 + [NEW] * 3
        assert ledger.counts()["documents"] == 7 and ledger.counts()["claims"] == 7


@pytest.mark.parametrize("url", ["nonsense", "mysql://u@h/db", "sqlite:////no/such/dir/x.db",
                                 "oracle+foo://x"])
def test_bad_url_is_a_config_error(url):
    with pytest.raises(ConfigError, match="database URL"):
        Ledger(url)


def test_unreachable_server_is_a_store_error():
    with pytest.raises(StoreError, match="cannot open"):
        Ledger("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
