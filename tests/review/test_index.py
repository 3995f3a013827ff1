"""The list's index keeps what it computed for one ledger revision (queue counts, filtered
lists, the dated rows for neighbours) and answers exactly what computing afresh answers; the
``low_confidence`` queue and the ``confidence`` sort."""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from civcas.records import Assessment, Estimate, Filters, Incident, Place
from civcas.review import query
from civcas.review.query import Index, check, neighbours


def incidents(n: int, seed: int) -> list[Incident]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        start = date(2020, 1, 1) + timedelta(days=rnd.randint(0, 200))
        span = rnd.choice([0, 0, 0, 2, 40])  # a few intervals, one of them long
        when = (start.isoformat() if span == 0 else
                f"{start.isoformat()}/{(start + timedelta(days=span)).isoformat()}")
        when = None if rnd.random() < 0.1 else when
        place = Place(f"Village {i % 17}", 34 + rnd.random(), 36 + rnd.random(),
                      rnd.choice(["SY", "IQ"]), "Somewhere", precision="village")
        killed = rnd.randint(0, 50)
        out.append(Incident(
            id=f"I{i:04d}", claim_ids=tuple(f"c{i}-{k}" for k in range(rnd.randint(1, 3))),
            event_date=when, place=None if rnd.random() < 0.1 else place,
            perpetrators=(), title=f"strike {i}",
            assessment=Assessment(rnd.choice(["weak", "fair", "contested"]), (),
                                  (Estimate("killed", "civilians", killed, killed, killed, ""),),
                                  (), tuple(f"s{k}" for k in range(rnd.randint(1, 3))))))
    return out


def brute_neighbours(items, incident, days, limit):
    """The linear scan neighbours() made before it bisected."""
    index = Index(items)
    me = query.row(incident)
    if not me.start:
        return []
    lo = (date.fromisoformat(me.start) - timedelta(days=days)).isoformat()
    hi = (date.fromisoformat(me.end) + timedelta(days=days)).isoformat()
    near = [r for r in index.ordered("date", "asc")
            if r.start and r.start <= hi and r.end >= lo and r.incident.id != incident.id
            and (not me.country or not r.country or r.country == me.country)]
    p = incident.place

    def distance(r):
        q = r.incident.place
        if p is None or q is None:
            return 1e9
        import math
        return math.hypot(p.lat - q.lat, (p.lon - q.lon) * math.cos(math.radians(p.lat)))

    near.sort(key=lambda r: (distance(r), abs(date.fromisoformat(r.start).toordinal()
                                             - date.fromisoformat(me.start).toordinal())))
    return [r.incident for r in near[:limit]]


def test_neighbours_by_bisection_equal_the_linear_scan():
    items = incidents(300, seed=5)
    index = Index(items)
    for incident in items:
        for days in (0, 3, 30):
            assert neighbours(index, incident, days, 8) == brute_neighbours(items, incident,
                                                                            days, 8)


def test_kept_lists_and_counts_equal_fresh_ones_and_stay_bounded():
    items = incidents(200, seed=9)
    confidences = {c: round(random.Random(c).random(), 2) for i in items for c in i.claim_ids}
    reviews = {items[3].id: ("rita", 1), items[8].id: ("rex", 2)}
    index = Index(items, reviews=reviews, confidences=confidences)
    asks = [Filters(sort=s, order=o, page=p) for s in query.SORTS for o in query.ORDERS
            for p in (1, 2)]
    asks += [Filters(queue=q, reviewed=False) for q in query.QUEUES]
    asks += [Filters(grade="weak", country="SY"), Filters(q="strike 1"), Filters(reviewed=True)]
    for _ in range(2):  # the second time from what the index kept
        for f in asks:
            fresh = Index(items, reviews=reviews, confidences=confidences)
            assert index.page(check(f)) == fresh.page(check(f)), f
    assert len(index._selected) <= query.SELECTED_KEPT
    assert index.counts() == Index(items, reviews=reviews, confidences=confidences).counts()
    counts = index.counts()
    counts["unreviewed"] = (0, 0)  # a caller's change does not reach the kept counts
    assert index.counts() != counts


def test_low_confidence_queue_and_confidence_sort():
    items = incidents(40, seed=2)
    confidences = {c: 0.9 for i in items for c in i.claim_ids}
    confidences[items[5].claim_ids[0]] = 0.2  # one unsure claim makes the incident unsure
    confidences[items[7].claim_ids[-1]] = 0.35
    for c in items[9].claim_ids:
        del confidences[c]  # none known: in no confidence queue, last in the sort
    index = Index(items, confidences=confidences, threshold=0.4)
    unsure = [r.incident.id for r in index.select(Filters(queue="low_confidence"))]
    assert sorted(unsure) == sorted([items[5].id, items[7].id])
    order = [r.incident.id for r in index.select(Filters(sort="confidence", order="asc"))]
    assert order[:2] == [items[5].id, items[7].id] and order[-1] == items[9].id
    desc = [r.incident.id for r in index.select(Filters(sort="confidence", order="desc"))]
    assert desc[-3:] == [items[7].id, items[5].id, items[9].id]
    assert index.lowest()[items[5].id] == 0.2 and items[9].id not in index.lowest()
    assert index.counts()["low_confidence"] == (2, 2)
    # patched and rejudged indexes keep the confidences and the threshold
    moved = replace(items[5], id="Inew")
    patched = index.patched({items[5].id}, [moved])
    assert sorted(r.incident.id for r in patched.select(Filters(queue="low_confidence"))) == \
        sorted([items[7].id, "Inew"])
    assert index.rejudged({items[5].id: ("rita", 1)}).counts()["low_confidence"] == (2, 1)
    strict = Index(items, confidences=confidences, threshold=0.3)
    assert [r.incident.id for r in strict.select(Filters(queue="low_confidence"))] == [
        items[5].id]
