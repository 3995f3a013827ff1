"""A judgement re-resolves only what it can affect, and the result is the full resolution's.

A synthetic ledger of a few hundred claims (villages close enough to chain,
governorates, places known by name only, claims with no place or date that
fall back on their document, cumulative claims, documents of several claims,
reports of a chemical attack)
takes a random sequence of judgements; after each one the stored incidents
and tallies equal a full resolution of the same ledger (SQLite and PostgreSQL).
"""
from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from civcas import api
from civcas.records import Claim, Document, ExtractionResult, Place
from civcas.resolve import resolve
from civcas.store import Ledger

SOURCES = ("SOHR", "activists", "civil defence", "SANA", "medical source", "residents")
PERPS = ("Russia", "US-led coalition", "Syrian government forces", None, None)
NAMED = ("Kafr Nabl", "Saraqib", "Maarat al-Numan", "Khan Shaykhun", "Ariha")


def places() -> list[Place]:
    out = []
    for g, (lat0, lon0) in enumerate(((35.6, 36.6), (36.2, 37.1))):
        for v in range(8):  # 0.015 deg apart: neighbours within 2 km chain into each other
            out.append(Place(f"Village {g}-{v}", lat0 + (v % 4) * 0.015, lon0 + (v // 4) * 0.03,
                             "SY", f"Gov {g}", precision="village", geonames_id=1000 * g + v))
        out.append(Place(f"District {g}", lat0 + 0.02, lon0 + 0.02, "SY", f"Gov {g}",
                         precision="district", geonames_id=9000 + g))
        out.append(Place(f"Gov {g}", lat0 + 0.1, lon0 + 0.1, "SY", f"Gov {g}",
                         precision="governorate", geonames_id=9900 + g))
    return out


def synthetic(seed: int, n_docs: int = 90) -> list[ExtractionResult]:
    rnd = random.Random(seed)
    geo = places()
    start = date(2019, 3, 1)
    events = [(rnd.choice(geo + list(NAMED)), start + timedelta(days=rnd.randrange(50)),
               rnd.choice(PERPS), rnd.randint(2, 40)) for _ in range(45)]
    results = []
    for d in range(n_docs):
        doc_id = f"doc{d}"
        # a fifth of the reports tell of a chemical attack (a rare means: it ties reports of
        # one place and day whatever their counts, resolve.consolidate.same_means)
        text = f"Report {doc_id} of a chemical attack." if rnd.random() < 0.2 else \
            f"Report {doc_id}."
        published = start + timedelta(days=rnd.randrange(55))
        claims = []
        for k in range(rnd.randint(1, 6)):
            where, day, perp, base = rnd.choice(events)
            roll = rnd.random()
            place = where.name if isinstance(where, Place) else where
            geo_of = where if isinstance(where, Place) and rnd.random() > 0.1 else None
            event_date = day.isoformat()
            if roll < 0.08:  # no place: its document's focus or nothing
                place, geo_of = None, None
            elif roll < 0.14:
                event_date = None  # the week before publication
            elif roll < 0.18:
                event_date = f"{day.isoformat()}/{(day + timedelta(days=rnd.randint(2, 20))).isoformat()}"
            cumulative = rnd.random() < 0.07
            low = base + rnd.randint(0, 4)
            claims.append(Claim(
                outcome=rnd.choice(("killed", "killed", "injured")),
                victims=rnd.choice(("civilians", "people", "children")), low=low,
                high=low + rnd.choice((0, 0, 3)), qualifier="exact", text=text,
                source=rnd.choice(SOURCES), place=place,
                event_date=None if cumulative else event_date, perpetrator=perp,
                scope="cumulative" if cumulative else "incident", span=(k, k + 1),
                sentence=text, id=f"{doc_id}c{k}", document_id=doc_id, geo=geo_of))
        focus = rnd.choice(geo) if rnd.random() < 0.5 else None
        doc = Document(doc_id, f"Strikes {d}", text, published=published, content_hash=doc_id)
        results.append(ExtractionResult(doc, tuple(claims), focus))
    return results


def full(url: str):
    with Ledger(url) as ledger:
        res = resolve(ledger.documents(), ledger.claims(), ledger.judgements(), ledger.focus(),
                      ledger.successors())
        return list(res.incidents), list(res.tallies), ledger.incidents(), ledger.tallies()


def random_judgement(rnd: random.Random, url: str, rejected: list[str]) -> tuple:
    incs = api.incidents(db=url)
    claims = [c.id for c in api.snapshot(db=url).claims]
    kind = rnd.choice(("reject_claim", "accept_claim", "correct_claim", "correct_claim",
                       "merge", "split", "set_grade"))
    if kind == "accept_claim" and rejected:
        return kind, rejected.pop(rnd.randrange(len(rejected))), None
    if kind == "reject_claim" or kind == "accept_claim":
        target = rnd.choice(claims)
        rejected.append(target)
        return "reject_claim", target, None
    if kind == "correct_claim":
        field = rnd.choice(("place", "event_date", "low", "scope", "perpetrator", "place"))
        day = date(2019, 3, 1) + timedelta(days=rnd.randrange(50))
        value = {"place": rnd.choice([*NAMED, "Village 0-1", ""]),
                 "event_date": rnd.choice([day.isoformat(), ""]),
                 "low": rnd.randint(1, 200), "scope": rnd.choice(("incident", "cumulative")),
                 "perpetrator": rnd.choice(("Russia", "Turkey", ""))}[field]
        fields = {field: value, "high": value} if field == "low" else {field: value}
        return kind, rnd.choice(claims), {"fields": fields}
    if kind == "merge":
        a, b = rnd.sample(incs, 2)
        return kind, f"{a.id},{b.id}", None
    if kind == "split":
        big = [i for i in incs if len(i.claim_ids) >= 2]
        inc = rnd.choice(big)
        moving = rnd.sample(inc.claim_ids, rnd.randint(1, len(inc.claim_ids) - 1))
        return kind, inc.id, {"claims": moving}
    return kind, rnd.choice(incs).id, {"grade": rnd.choice(("weak", "fair", "contested"))}


@pytest.mark.parametrize("seed", [1, 2])
def test_judgements_resolve_incrementally_as_in_full(db_url, seed):
    with Ledger(db_url) as ledger:
        for _ in ledger.ingest(synthetic(seed), batch=50):
            pass
    api.resolve(db=db_url)
    rnd = random.Random(seed)
    rejected: list[str] = []
    parts = []
    for step in range(30):
        kind, target, payload = random_judgement(rnd, db_url, rejected)
        api.judge(kind, target, payload, user="test", reason=f"step {step}", db=db_url)
        want_incs, want_tallies, got_incs, got_tallies = full(db_url)
        assert got_incs == want_incs, f"step {step}: {kind} {target} {payload}"
        assert got_tallies == want_tallies, f"step {step}: {kind} {target} {payload}"
        with Ledger(db_url) as ledger:
            last = [a for a in ledger.audit_log() if a["action"] == "resolve"][-1]
            parts.append(last["detail"].get("claims"))
        if step % 10 == 9:  # a full run in between changes nothing
            api.resolve(db=db_url)
            assert full(db_url)[2] == got_incs
    n = len(api.snapshot(db=db_url).claims)
    assert all(p is not None for p in parts)  # every judgement was resolved in part
    assert sum(parts) / len(parts) < n  # ... and less than the whole ledger


def test_a_ledger_resolved_without_items_is_resolved_in_full(db_url):
    with Ledger(db_url) as ledger:
        for _ in ledger.ingest(synthetic(3, 20)):
            pass
    api.resolve(db=db_url)
    with Ledger(db_url) as ledger:  # as a ledger from before migration 0004 would be
        ledger.replace_resolution(ledger.incidents(), ledger.tallies())
        assert not ledger.items_current()
    inc = next(i for i in api.incidents(db=db_url) if len(i.claim_ids) >= 2)
    api.judge("split", inc.id, {"claims": [inc.claim_ids[-1]]}, user="t", db=db_url, reason="checked")
    want, tallies, got, got_tallies = full(db_url)
    assert got == want and got_tallies == tallies
    with Ledger(db_url) as ledger:
        assert ledger.items_current()
