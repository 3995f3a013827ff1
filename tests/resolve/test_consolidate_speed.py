"""The second pass stays about linear: pairs it compares per claim do not grow with the ledger,
and 100,000 claims resolve in under a minute (issue 11)."""
from __future__ import annotations

import sys
import time

import pytest

from civcas.resolve import resolve

from .test_blocking import ledger


def pairs_per_claim(n: int, monkeypatch) -> float:
    calls = 0
    module = sys.modules["civcas.resolve.consolidate"]
    real = module.should_merge

    def counting(a, b):
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(module, "should_merge", counting)
    docs, claims = ledger(n)
    resolve(docs, claims)
    return calls / n


@pytest.mark.slow
def test_second_pass_pairs_per_claim_stay_flat(monkeypatch):
    small, big = pairs_per_claim(2000, monkeypatch), pairs_per_claim(16000, monkeypatch)
    assert big < 2 * small + 2, (small, big)


@pytest.mark.slow
def test_one_hundred_thousand_claims_in_under_a_minute():
    docs, claims = ledger(100_000)
    t0 = time.perf_counter()
    res = resolve(docs, claims)
    seconds = time.perf_counter() - t0
    print(f"100,000 claims: {len(res.incidents)} incidents in {seconds:.1f} s")
    assert seconds < 60, seconds
