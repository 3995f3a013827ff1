"""Incremental resolution of what each ingest adds equals a full resolution.

Random orders and sizes of batches of the synthetic ledger of
``test_incremental.py`` (villages that chain, governorates, places by name
only, claims with no place or date, cumulative claims), new versions of
stored documents, and judgements between batches; after every batch the
stored incidents (ids, members, order, assessments) and tallies equal a full
resolution of the same ledger, on SQLite and PostgreSQL.
"""
from __future__ import annotations

import random
from dataclasses import replace

import pytest

from civcas import api
from civcas.api._pending import resolve_pending
from civcas.records import ExtractionResult
from civcas.store import Ledger

from .test_incremental import full, random_judgement, synthetic


def _store(url: str, results: list[ExtractionResult], step: int) -> dict[str, int]:
    with Ledger(url) as ledger:
        for _ in ledger.ingest(results, batch=7):
            pass
        assert ledger.pending_count() == len({r.document.id for r in results})
        done = resolve_pending(ledger, batch=step)
        assert ledger.pending_count() == 0
        return done


def _new_version(r: ExtractionResult, n: int) -> ExtractionResult:
    doc = replace(r.document, text=r.document.text + f" Update {n}.",
                  content_hash=f"{r.document.id}-v{n}")
    claims = tuple(replace(c, id=f"{c.id}v{n}", low=(c.low or 0) + n) for c in r.claims[:-1])
    return ExtractionResult(doc, claims, r.focus)


@pytest.mark.parametrize("seed", [11, 12])
def test_batches_in_any_order_resolve_as_in_full(db_url, seed):
    rnd = random.Random(seed)
    results = synthetic(seed, 80)
    rnd.shuffle(results)
    rejected: list[str] = []
    parts = []
    while results:
        size = rnd.choice((1, 3, 8, 20))
        batch, results = results[:size], results[size:]
        if rnd.random() < 0.3 and parts:  # a new version of a stored document
            with Ledger(db_url) as ledger:
                stored = {d.id for d in ledger.documents()}
            old = [r for r in synthetic(seed, 80) if r.document.id in stored]
            batch.append(_new_version(rnd.choice(old), len(parts)))
        done = _store(db_url, batch, rnd.choice((1, 2, 5, 200)))
        parts.append(done["claims"])
        if rnd.random() < 0.3 and api.incidents(db=db_url):
            kind, target, payload = random_judgement(rnd, db_url, rejected)
            if kind != "split" or any(len(i.claim_ids) > 1 for i in api.incidents(db=db_url)):
                api.judge(kind, target, payload, user="t", reason="test", db=db_url)
        want_incs, _, got_incs, got_tallies = full(db_url)
        api.resolve(db=db_url)
        with Ledger(db_url) as ledger:
            assert got_incs == ledger.incidents(), f"after batch {len(parts)}"
            assert got_tallies == ledger.tallies(), f"after batch {len(parts)}"
            assert ledger.items_current()
    assert len(parts) > 5


def test_a_run_killed_before_resolving_is_finished_by_the_next(db_url):
    results = synthetic(5, 30)
    with Ledger(db_url) as ledger:  # stored, then "killed": nothing resolved
        for _ in ledger.ingest(results[:20]):
            pass
    assert api.pending(db=db_url) == 20
    assert api.incidents(db=db_url) == []
    with Ledger(db_url) as ledger:
        for _ in ledger.ingest(results[:20]):  # the re-run finds them unchanged ...
            pass
        resolve_pending(ledger, batch=6)  # ... and resolves what is pending
    assert api.pending(db=db_url) == 0
    got = api.incidents(db=db_url)
    api.resolve(db=db_url)
    assert got and got == api.incidents(db=db_url)


def test_resolve_pending_documents_and_a_full_resolve_clear_the_state(db_url):
    with Ledger(db_url) as ledger:
        for _ in ledger.ingest(synthetic(6, 17)[:12]):
            pass
    done = api.resolve_pending_documents(db=db_url, batch=5)
    assert done["documents"] == 12 and done["steps"] == 3 and api.pending(db=db_url) == 0
    with Ledger(db_url) as ledger:
        for _ in ledger.ingest(synthetic(6, 17)[12:]):
            pass
    assert api.pending(db=db_url) == 5
    api.resolve(db=db_url)
    assert api.pending(db=db_url) == 0


def test_a_judgement_on_a_stale_ledger_resolves_what_is_pending_first(db_url):
    with Ledger(db_url) as ledger:
        for _ in ledger.ingest(synthetic(8, 20)):
            pass
    api.resolve(db=db_url)
    with Ledger(db_url) as ledger:
        for _ in ledger.ingest(synthetic(9, 25)[20:]):
            pass
    assert api.pending(db=db_url) == 5
    inc = api.incidents(db=db_url)[0]
    api.judge("set_grade", inc.id, {"grade": "weak"}, user="t", reason="test", db=db_url)
    assert api.pending(db=db_url) == 0
    got = api.incidents(db=db_url)
    api.resolve(db=db_url)
    assert got == api.incidents(db=db_url)


def test_the_cli_warns_while_stale_and_resolve_pending_finishes(db_url):
    from typer.testing import CliRunner

    from civcas import cli
    runner = CliRunner()
    with Ledger(db_url) as ledger:  # stored, not resolved: an ingest killed before resolving
        for _ in ledger.ingest(synthetic(31, 9)):
            pass
    stale = runner.invoke(cli.app, ["incidents", "--db", db_url])
    assert stale.exit_code == 0
    assert "stale: 9 stored documents" in stale.stderr and "resolve --pending" in stale.stderr
    done = runner.invoke(cli.app, ["resolve", "--pending", "--db", db_url])
    assert done.exit_code == 0 and "9 pending documents resolved" in done.stdout
    fresh = runner.invoke(cli.app, ["incidents", "--db", db_url])
    assert fresh.exit_code == 0 and "stale" not in fresh.stderr
    assert api.pending(db=db_url) == 0
