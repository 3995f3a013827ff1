"""Extraction in worker processes gives what one process gives, in the same order; a document
over its time budget is a failure with its reason (E302) and the batch goes on."""
from __future__ import annotations

import json
import time

from civcas import api
from civcas.api import _extract
from civcas.store import Ledger

from .test_concurrent_ingest import reports


def _corpus(tmp_path, n=30):
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in reports(0, n)), encoding="utf-8")
    return path


def test_workers_extract_what_one_process_extracts_in_order(tmp_path):
    path = _corpus(tmp_path)
    one = list(api.extract_paths([path], workers=1))
    two = list(api.extract_paths([path], workers=2))
    assert two == one and len(one) == 30


def test_ingest_with_workers_stores_the_same_ledger(tmp_path):
    path = _corpus(tmp_path)
    urls = [f"sqlite:///{tmp_path / f'w{n}.db'}" for n in (1, 2)]
    for n, url in zip((1, 2), urls):
        assert api.ingest([path], db=url, workers=n).new == 30
    states = []
    for url in urls:
        with Ledger(url) as ledger:
            states.append(([d.id for d in ledger.documents()], ledger.claims(), ledger.incidents()))
    assert states[0] == states[1]


def test_a_document_over_its_budget_is_a_failure_and_the_rest_goes_in(tmp_path, monkeypatch):
    path = _corpus(tmp_path, 3)
    real = _extract.extract_document

    def slow(doc):
        if doc.id == "r1":
            time.sleep(5)
        return real(doc)

    monkeypatch.setattr(_extract, "extract_document", slow)
    monkeypatch.setenv("CIVCAS_EXTRACT_SECONDS", "1")
    t0 = time.perf_counter()
    summary = api.ingest([path], db=f"sqlite:///{tmp_path / 'b.db'}", workers=1)
    assert time.perf_counter() - t0 < 4.5
    assert summary.new == 2 and summary.failed == 1
    assert "E302" in summary.failures[0].reason and "1 s" in summary.failures[0].reason


def test_workers_keep_the_order_of_documents_and_failures_across_tasks(tmp_path, monkeypatch):
    """Documents go to the workers a few per task: a row that cannot be read, between them, still
    comes out in its place, and every document in its own."""
    from civcas.api import _parallel

    rows = [json.dumps(r) for r in reports(0, 23)]
    rows.insert(12, '{"id": "broken", "text": ')  # an unreadable row among the documents
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    one = list(api.extract_paths([path], workers=1))
    monkeypatch.setattr(_parallel, "POOL_CHUNK", 3)
    two = list(api.extract_paths([path], workers=2))
    assert two == one and len(one) == 24
    assert sum(1 for r in two if not hasattr(r, "claims")) == 1
