"""Resolution in worker processes gives exactly the serial result (random ledgers).

Ledgers of a few hundred claims over several regions (villages close enough to
chain, a district and a governorate each, places known by name only and shared
between regions, claims with no place or date, cumulative claims, documents of
several claims and a focus, shared sentences and figures) over months with gaps,
and random judgements (corrections, rejections, merges, splits, grades): the
incidents, tallies, features and corrected claims of ``resolve_parallel`` with
two workers equal those of ``resolve``.
"""
from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest

from civcas.records import Claim, Document, Judgement, Place
from civcas.resolve import claim_features, parallel, resolve
from civcas.resolve.parallel import parts, resolve_parallel

SOURCES = ("SOHR", "activists", "civil defence", "SANA", "medical source", "residents")
PERPS = ("Russia", "US-led coalition", "Syrian government forces", "a suicide bomber", None)
NAMED = ("Kafr Nabl", "Saraqib", "Maarat al-Numan", "Milis", "Meles", "Ariha")


def places(regions: int) -> list[Place]:
    out = []
    for g in range(regions):
        r = "ABCDEFGHJK"[g]
        lat0, lon0 = 32.0 + 1.5 * (g % 4), 36.0 + 1.5 * (g // 4)
        for v in range(6):  # 0.015 deg apart: neighbours within 2 km chain into each other
            out.append(Place(f"Village {r}{v}", lat0 + (v % 3) * 0.015, lon0 + (v // 3) * 0.05,
                             "SY", f"Gov {g}", precision="village", geonames_id=1000 * g + v))
        out.append(Place(f"District {r}", lat0 + 0.02, lon0 + 0.02, "SY", f"Gov {g}",
                         precision="district", geonames_id=9000 + g))
        out.append(Place(f"Province {r}", lat0 + 0.45, lon0 + 0.1, "SY", f"Gov {g}",
                         precision="governorate", geonames_id=9900 + g))
    return out


def ledger(seed: int, n_docs: int = 160, regions: int = 6
           ) -> tuple[list[Document], list[Claim], dict[str, Place]]:
    rnd = random.Random(seed)
    geo = places(regions)
    start = date(2019, 3, 1)
    # bursts of events months apart, so that time cuts parts too
    per = len(geo) // regions
    events = [[(rnd.choice(geo[g * per:(g + 1) * per] + [NAMED[g % len(NAMED)]]),
                start + timedelta(days=rnd.choice((0, 120, 400)) + rnd.randrange(40)),
                rnd.choice(PERPS), rnd.randint(2, 40)) for _ in range(12)]
              for g in range(regions)]
    docs, claims, focus = [], [], {}
    shared = [f"Shelling hit the market, killing {n} people, a monitor said today."
              for n in (21, 25, 30)]
    for d in range(n_docs):
        doc_id = f"doc{d}"
        region = rnd.randrange(regions)  # a report is mostly about one region
        anchor = rnd.choice(events[region])[1]
        published = anchor + timedelta(days=rnd.randrange(6))
        for k in range(rnd.randint(1, 5)):
            where, day, perp, base = rnd.choice(
                events[region if rnd.random() < 0.97 else rnd.randrange(regions)])
            roll = rnd.random()
            place = where.name if isinstance(where, Place) else where
            geo_of = where if isinstance(where, Place) and rnd.random() > 0.15 else None
            event_date: str | None = day.isoformat()
            if roll < 0.08:  # no place: its document's focus or nothing
                place, geo_of = None, None
            elif roll < 0.14:
                event_date = None  # the week before publication
            elif roll < 0.18:
                end = day + timedelta(days=rnd.randint(2, 20))
                event_date = f"{day.isoformat()}/{end.isoformat()}"
            cumulative = rnd.random() < 0.07
            low = base + rnd.randint(0, 4)
            sentence = rnd.choice(shared) if rnd.random() < 0.1 else f"Report {doc_id} {k}."
            claims.append(Claim(
                outcome=rnd.choice(("killed", "killed", "injured")),
                victims=rnd.choice(("civilians", "people", "children")), low=low,
                high=low + rnd.choice((0, 0, 3)), qualifier="exact", text=sentence,
                source=rnd.choice(SOURCES), place=place,
                event_date=None if cumulative else event_date, perpetrator=perp,
                scope="cumulative" if cumulative else "incident", span=(k, k + 1),
                sentence=sentence, id=f"{doc_id}c{k}", document_id=doc_id, geo=geo_of))
        if rnd.random() < 0.5:
            focus[doc_id] = rnd.choice(geo[region * per:(region + 1) * per])
        docs.append(Document(doc_id, f"Strikes {d}", f"Report {doc_id}.", published=published,
                             content_hash=doc_id))
    return docs, claims, focus


def judgements(seed: int, claims: list[Claim], n: int = 25) -> list[Judgement]:
    rnd = random.Random(seed)
    ids = [c.id for c in claims]
    out = []
    for i in range(n):
        kind = rnd.choice(("reject_claim", "correct_claim", "merge", "split", "set_grade"))
        payload: dict = {}
        target = rnd.choice(ids)
        if kind == "correct_claim":
            field = rnd.choice(("place", "event_date", "low", "perpetrator"))
            value = {"place": rnd.choice([*NAMED, "Village A1"]),
                     "event_date": (date(2019, 3, 1) + timedelta(days=rnd.randrange(60))
                                    ).isoformat(),
                     "low": rnd.randint(1, 200),
                     "perpetrator": rnd.choice(("Russia", "Turkey"))}[field]
            payload = {"fields": {field: value, "high": value} if field == "low"
                       else {field: value}}
        elif kind in ("merge", "split"):
            payload = {"claims": tuple(rnd.sample(ids, rnd.randint(2, 3)))}
        elif kind == "set_grade":
            payload = {"claims": tuple(rnd.sample(ids, 2)),
                       "grade": rnd.choice(("weak", "fair", "contested"))}
        out.append(Judgement(f"j{i}", kind, target, payload, "tester",
                             datetime(2020, 1, 1, tzinfo=UTC) + timedelta(minutes=i)))
    return out


def same(a, b) -> None:
    assert a.incidents == b.incidents
    assert a.tallies == b.tallies
    assert a.features == b.features
    assert a.claims == b.claims
    assert a.rejected == b.rejected


@pytest.fixture
def small_bins(monkeypatch):
    monkeypatch.setattr(parallel, "BIN_CLAIMS", 10)  # many bins, so that parts are apart


@pytest.mark.parametrize("seed", range(6))
def test_workers_give_the_serial_result_on_random_ledgers(seed, small_bins):
    docs, claims, focus = ledger(seed)
    judged = judgements(seed, claims) if seed % 2 else []
    serial = resolve(docs, claims, judged, focus)
    assert len(serial.incidents) > 20
    same(resolve_parallel(docs, claims, judged, focus, workers=2, min_claims=0), serial)


def test_parts_are_several_and_cover_every_clustered_claim():
    docs, claims, focus = ledger(3, regions=8)
    found = claim_features(claims, set(), {d.id: d for d in docs}, focus)
    feats = [found[c.id] for c in claims]
    got = parts(feats)
    assert len(got) > 3
    assert sorted(n for p in got for n in p) == [n for n, f in enumerate(feats) if f.item]


def test_one_worker_or_a_small_ledger_is_the_serial_resolution():
    docs, claims, focus = ledger(4, n_docs=40)
    serial = resolve(docs, claims, (), focus)
    same(resolve_parallel(docs, claims, (), focus, workers=1, min_claims=0), serial)
    same(resolve_parallel(docs, claims, (), focus, workers=2), serial)  # below min_claims


def test_civcas_resolve_with_workers_stores_the_serial_result(tmp_path, monkeypatch, small_bins):
    from civcas import api
    from civcas.records import ExtractionResult
    from civcas.store import Ledger

    docs, claims, focus = ledger(5, n_docs=80)
    url = f"sqlite:///{tmp_path / 'l.db'}"
    with Ledger(url, create=True) as store:
        for _ in store.ingest(ExtractionResult(d, tuple(c for c in claims if c.document_id == d.id),
                                               focus.get(d.id)) for d in docs):
            pass
    monkeypatch.setattr(parallel, "MIN_CLAIMS", 0)
    one = api.resolve(db=url, workers=1)
    listed = [(i.id, i.claim_ids, i.assessment) for i in api.incidents(db=url)]
    two = api.resolve(db=url, workers=2)
    same(two, one)
    assert [(i.id, i.claim_ids, i.assessment) for i in api.incidents(db=url)] == listed
