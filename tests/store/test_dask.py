"""Extraction on a Dask distributed cluster (a LocalCluster of 2 worker processes) gives what
one process gives, in order, and an ingest through it stores the same ledger."""
from __future__ import annotations

import json

import pytest

from civcas import api
from civcas.store import Ledger

from .test_concurrent_ingest import reports

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as c:
        yield c.scheduler_address


def test_a_local_cluster_extracts_what_one_process_extracts(cluster, tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in reports(0, 24)), encoding="utf-8")
    one = list(api.extract_paths([path], workers=1))
    assert list(api.extract_paths([path], dask=cluster)) == one
    urls = [f"sqlite:///{tmp_path / n}" for n in ("one.db", "dask.db")]
    api.ingest([path], db=urls[0], workers=1)
    api.ingest([path], db=urls[1], dask=cluster)
    got = []
    for url in urls:
        with Ledger(url) as ledger:
            got.append((ledger.documents(), ledger.claims(), ledger.incidents()))
    assert got[0] == got[1]


def test_tasks_of_a_few_documents_and_failures_between_them_come_back_in_order(
        cluster, tmp_path, monkeypatch):
    from civcas.api import _parallel

    monkeypatch.setattr(_parallel, "CHUNK", 5)  # 23 documents in 5 tasks, a failure between
    rows = [json.dumps(r) for r in reports(0, 23)]
    rows.insert(12, '{"id": "broken", "text": ')  # a row that is no JSON: a failure in its place
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    one = list(api.extract_paths([path], workers=1))
    got = list(api.extract_paths([path], dask=cluster))
    assert got == one
    assert [type(r).__name__ for r in got].count("ReadFailure") == 1
    assert sum(len(r.claims) for r in got if hasattr(r, "claims")) > 23
