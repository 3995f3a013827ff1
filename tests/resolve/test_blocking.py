"""Blocking keeps resolution about linear: comparisons per claim do not grow with the ledger."""
from __future__ import annotations

import random
import sys
from datetime import date, timedelta

import pytest

from civcas.records import Claim, Document, Place
from civcas.resolve import features, resolve


def ledger(n: int, seed: int = 7):
    """n claims of incidents spread over places and time at a constant density."""
    rnd = random.Random(seed)
    govs = max(1, n // 1000)  # more claims cover more land, at the same density
    places = [Place(f"Qarya {g}-{v}", 30 + g + (v % 8) * 0.045, 30 + (v // 8) * 0.045, "SY",
                    f"Gov {g}", precision="village", geonames_id=g * 10000 + v)
              for g in range(govs) for v in range(40)]
    docs, claims = [], []
    while len(claims) < n:
        p, day = rnd.choice(places), date(2016, 1, 1) + timedelta(days=rnd.randrange(1000))
        for k in range(rnd.randint(1, 4)):
            doc = Document(f"d{len(docs)}", "t", f"text {len(docs)}", published=day,
                           content_hash=str(len(docs)))
            docs.append(doc)
            claims.append(Claim("killed", "civilians", 5 + k, 5 + k, "exact", "x", f"s{k}",
                                p.name, day.isoformat(), None, "incident", (0, 1), "x",
                                id=f"c{len(claims)}", document_id=doc.id,
                                geo=p if k % 5 else None))
    return docs, claims[:n]


def comparisons(n: int, monkeypatch) -> float:
    calls = 0
    real = features.same_place

    def counting(a, b):
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(sys.modules["civcas.resolve.cluster"], "same_place", counting)
    docs, claims = ledger(n)
    res = resolve(docs, claims)
    assert len(res.incidents) < n
    return calls / n


@pytest.mark.slow
def test_comparisons_per_claim_stay_flat(monkeypatch):
    small, big = comparisons(2000, monkeypatch), comparisons(16000, monkeypatch)
    assert big < 2 * small + 2, (small, big)


def test_one_place_one_day_is_one_incident_whatever_the_order():
    docs, claims = ledger(40)
    p = claims[0].geo or Place("Qarya 0-0", 30.0, 30.0, "SY", "Gov 0", geonames_id=1)
    same = [Claim("killed", "civilians", 5, 5, "exact", "x", f"s{i}", p.name, "2016-03-03",
                  None, "incident", (0, 1), "x", id=f"z{i}", document_id=docs[i].id, geo=p)
            for i in range(6)]
    forward = resolve(docs, same).incidents
    backward = resolve(docs, list(reversed(same))).incidents
    assert len(forward) == len(backward) == 1
