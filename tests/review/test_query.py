"""Filters, sort orders and facets of the incident list (pure functions over records)."""
from __future__ import annotations

import pytest

from civcas.errors import ConfigError
from civcas.records import Assessment, Estimate, Incident, Place
from civcas.records import Filters
from civcas.review.query import Index, check, facets, filters_of


def inc(i: int, date: str | None, grade: str | None, killed: int | None, place=None,
        perps=(), sources=()) -> Incident:
    a = None if grade is None else Assessment(
        grade=grade, reasons=(), sources=tuple(sources),
        estimates=() if killed is None else (Estimate("killed", "civilians", killed, killed,
                                                      killed, "rule"),))
    return Incident(id=f"I{i:03d}", claim_ids=tuple(f"c{i}-{k}" for k in range(i % 3 + 1)),
                    event_date=date, place=place, perpetrators=tuple(perps),
                    title=f"incident {i}", assessment=a)


A = Place("Arbil Village", 36.1, 44.0, "IQ", "Erbil")
B = Place("Bayda", 35.0, 36.0, "SY", "Ḥamāh")
ITEMS = [
    inc(1, "2020-01-05", "weak", 3, A, ["Turkey"], ["monitor"]),
    inc(2, "2020-02-01/2020-02-03", "confirmed", 40, B, ["Russia"], ["a", "b", "c"]),
    inc(3, None, "fair", None, None),
    inc(4, "2019-12-30", None, None, B, ["Syrian government forces"]),
    inc(5, "2020-02-02", "weak", 12, B, ["Russia", "Syrian government forces"], ["x"]),
]


def ids(f: Filters) -> list[str]:
    return [r.incident.id for r in Index(ITEMS).select(check(f))]


@pytest.mark.parametrize("filters, expected", [
    (Filters(grade="weak"), ["I001", "I005"]),
    (Filters(country="sy"), ["I002", "I004", "I005"]),
    (Filters(admin1="hamah"), ["I002", "I004", "I005"]),  # accents and case folded
    (Filters(since="2020-02-03"), ["I002"]),  # an interval ends on the 3rd
    (Filters(until="2020-01-05"), ["I001", "I004"]),
    (Filters(since="2020-01-01", until="2020-01-31"), ["I001"]),
    (Filters(perpetrator="syrian"), ["I004", "I005"]),
    (Filters(q="bayda russia"), ["I002", "I005"]),
    (Filters(q="i003"), ["I003"]),
    (Filters(q="nowhere"), []),
])
def test_filters(filters, expected):
    assert sorted(ids(filters)) == expected


def test_sorts_put_unknown_values_last_both_ways():
    assert ids(Filters(sort="date", order="asc")) == ["I004", "I001", "I002", "I005", "I003"]
    assert ids(Filters(sort="date", order="desc")) == ["I005", "I002", "I001", "I004", "I003"]
    assert ids(Filters(sort="killed", order="desc")) == ["I002", "I005", "I001", "I003", "I004"]
    assert ids(Filters(sort="grade", order="asc"))[:2] == ["I002", "I003"]
    assert ids(Filters(sort="grade", order="asc"))[-1] == "I004"  # not assessed
    assert ids(Filters(sort="sources", order="desc"))[0] == "I002"
    assert ids(Filters(sort="place", order="asc"))[0] == "I001"


def test_pages():
    index = Index(ITEMS)
    page = index.page(Filters(per_page=2, page=3, sort="date", order="asc"))
    assert [i.id for i in page.incidents] == ["I003"]
    assert (page.total, page.all, page.pages) == (5, 5, 3)
    assert index.page(Filters(per_page=2, page=9)).incidents == ()


@pytest.mark.parametrize("values, message", [
    ({"grade": "great"}, "grade 'great'"), ({"since": "yesterday"}, "since 'yesterday'"),
    ({"until": "2020-13-01"}, "until"), ({"sort": "id; DROP"}, "sort"),
    ({"order": "up"}, "order"), ({"page": "two"}, "page 'two'"), ({"page": "0"}, "page 0"),
    ({"per_page": "501"}, "per_page 501"), ({"q": "x" * 201}, "q: longer than 200"),
])
def test_bad_values_raise_config_errors(values, message):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")):
        filters_of(values)


def test_of_drops_blanks_and_unknown_keys_and_params_round_trip():
    f = filters_of({"grade": "", "q": "  bayda ", "page": "2", "evil": "x", "country": None})
    assert f == Filters(q="bayda", page=2)
    assert f.params(page=3) == {"q": "bayda", "page": 3}
    assert filters_of(f.params()) == f


def test_facets():
    fa = facets(ITEMS)
    assert fa.grades == (("confirmed", 1), ("fair", 1), ("weak", 2))
    assert fa.countries == (("IQ", 1), ("SY", 3))
    assert fa.admin1 == (("IQ", "Erbil", 1), ("SY", "Ḥamāh", 3))
    assert fa.perpetrators[0] == ("Russia", 2)


def test_neighbours_same_country_within_days_nearest_first():
    from civcas.review.query import neighbours

    index = Index(ITEMS)
    near = neighbours(index, ITEMS[4], days=3, limit=5)  # I005: 2020-02-02, Bayda (SY)
    assert [i.id for i in near] == ["I002"]  # I001 is in Iraq; I004 a month before
    assert [i.id for i in neighbours(index, ITEMS[4], days=40, limit=5)] == ["I002", "I004"]
    assert neighbours(index, ITEMS[2], days=3, limit=5) == []  # undated


def test_review_queues_and_the_consistency_flags():
    from civcas.records import Stance
    from civcas.review.query import QUEUES, consistency, reviews_of

    spread = Incident("Ispread", ("a", "b"), "2021-03-01", "day",
                      Place("Korva", 34.1, 38.2, "SY", "Homs", precision="village"), (),
                      assessment=Assessment("fair", ("check: children killed 9 exceed civilians "
                                                     "killed 4",),
                                            (Estimate("killed", "civilians", 4, 10, 30, ""),),
                                            (Stance("Russia", "denied", "b"),),
                                            ("monitor", "medic")))
    plain = Incident("Iplain", ("c",), None, "unknown", None, (),
                     assessment=Assessment("weak", (), (), (), ("monitor",)))
    assert consistency(spread) == ["children killed 9 exceed civilians killed 4",
                                   "civilians killed: the claims disagree (4–30)"]
    assert consistency(plain) == []
    index = Index([spread, plain])
    in_queue = {q: [i for i in (spread, plain) if q in index.rows[[spread, plain].index(i)].queues]
                for q in QUEUES}
    assert [i.id for i in in_queue["flagged"]] == ["Ispread"]
    assert [i.id for i in in_queue["contested"]] == ["Ispread"]  # a belligerent denies
    assert [i.id for i in in_queue["single_source"]] == ["Iplain"]
    assert [i.id for i in in_queue["uncertain"]] == ["Iplain"]  # no date, no place

    class J:  # a judgement about claim "c" (its incident: Iplain)
        id, kind, target, user, at, payload = "J1", "reject_claim", "c", "rita", 5, {}
    reviews = reviews_of([spread, plain], [J()])
    assert reviews == {"Iplain": ("rita", 5)}
    index = Index([spread, plain], reviews=reviews)
    assert index.counts()["unreviewed"] == (1, 1)
    assert index.counts()["single_source"] == (1, 0)
    assert [i.id for i in index.page(Filters(reviewed=True)).incidents] == ["Iplain"]
    assert [i.id for i in index.page(Filters(queue="unreviewed")).incidents] == ["Ispread"]
