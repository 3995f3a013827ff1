"""The second pass stays about linear: pairs it compares per claim do not grow with the ledger
(issue 11). 100,000 claims in under a minute: ``bench/resolve_speed.py --sizes 100000`` (kept
out of the suite, which must stay under ten minutes)."""
from __future__ import annotations

import sys

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
