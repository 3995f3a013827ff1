"""The gazetteer remembers its lookups (issue 15, speed); adding places forgets them, and a caller
that changes the list it got back changes nothing the next caller sees."""
from __future__ import annotations

from civcas.geo.context import plausible_entries
from civcas.geo.index import Gazetteer
from civcas.geo.normalize import EXACT, FOLD, keys


def _gazetteer() -> Gazetteer:
    line = "9000001\tTestville\t35.0\t36.0\tSY\tSY.07\t\tP.PPL\t1200"
    return Gazetteer([line], {k: "0" for k in keys("Testville")})


def test_a_lookup_is_remembered_and_its_list_is_the_callers_own():
    gaz = _gazetteer()
    level, found = gaz.find("Testville")
    assert [e.name for e in found] == ["Testville"] and level
    found.clear()  # the caller's list: the memo keeps its own
    assert [e.name for e in gaz.find("Testville")[1]] == ["Testville"]
    assert gaz.find("Testvile", (EXACT,)) == ("", [])  # remembered per set of key levels
    assert [e.name for e in gaz.find("Testvile", (EXACT, FOLD))[1]] == ["Testville"]


def test_adding_places_forgets_what_was_remembered():
    gaz = _gazetteer()
    assert gaz.find("Newtown") == ("", [])
    assert plausible_entries(gaz, "Newtown") == ()
    gaz.add_rows(["9000002\tNewtown\t35.1\t36.1\tSY\tSY.07\t\tP.PPL\t300\tuser"], [["Newtown"]])
    assert [e.name for e in gaz.find("Newtown")[1]] == ["Newtown"]
    assert [e.origin for e in plausible_entries(gaz, "Newtown")] == ["user"]
