"""The first counts of an attack are no rival of the toll it rose to (issue 11).

Reports written for these tests (invented places, outlets and figures).
"""
from __future__ import annotations

from conftest import make_result

from civcas.records import Place
from civcas.resolve import resolve

TOWN = Place("Qasr Nur", 36.52, 37.95, "SY", "Wadi", precision="village", geonames_id=301)
DAY = "2022-05-07"


def claim(phrase, low, **kw):
    return dict(phrase=phrase, low=low, high=None, qualifier=kw.pop("qualifier", "at_least"),
                event_date=DAY,
                geo=TOWN, place="Qasr Nur", victims=kw.pop("victims", "people"),
                source=kw.pop("source", "Syrian Observatory for Human Rights"), **kw)


def reports(rose: bool = True):
    first = make_result("first", "A car bomb hit buses in Qasr Nur on Saturday, killing at least "
                        "22 people, a monitor said.", [claim("at least 22 people", 22)],
                        published=DAY)
    wire = make_result("wire", "State media said at least 24 people were killed when a car bomb "
                       "hit buses in Qasr Nur on Saturday.",
                       [claim("at least 24 people", 24, source="state media")], published=DAY)
    words = "the death toll rose to at least 112" if rose else "at least 112 were killed"
    later = make_result("later", f"In Qasr Nur {words}, up from 22, after Saturday's car bomb on "
                        "the buses, the monitor said.", [
                            claim("at least 112", 112),
                            claim("22", 22, qualifier="exact")],
                        published="2022-05-08")
    # the earlier count in that sentence goes with the first reports (no rival figure there)
    return [first, wire, later]


def incidents(results):
    return resolve([r.document for r in results], [c for r in results for c in r.claims]).incidents


def test_the_first_counts_join_the_toll_they_rose_to():
    [inc] = incidents(reports())
    est = next(e for e in inc.assessment.estimates
               if e.outcome == "killed" and e.victims == "civilians")
    assert (est.low, est.high) == (22, 112)


def test_without_a_rising_toll_the_far_larger_count_stays_apart():
    assert len(incidents(reports(rose=False))) == 2
