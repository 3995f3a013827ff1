"""Speed-ups of resolution that must not change its answers (issue 15): the second pass's
candidate pairs filed by each member's own grid cell equal those of the eight cells around it,
and the pairs found in bulk (:mod:`civcas.resolve.pairs`) those of the filing in sets;
the distance shortcut agrees with the haversine; remembered windows and locations equal fresh
ones."""
from __future__ import annotations

import random
from collections import defaultdict
from datetime import date
from itertools import combinations

from civcas.records import Claim, Location, Place
from civcas.resolve import consolidate, scope
from civcas.resolve.consolidate import Summary
from civcas.resolve.features import (
    NEAR_KM,
    REACH_DAYS,
    _within,
    km,
    location,
    near_place,
    same_place,
    skeletons,
    window,
)
from civcas.resolve.pairs import NEAR_CELL_DEG
from civcas.vocab import names


def _loc(rnd: random.Random, n: int) -> Location:
    if rnd.random() < 0.2:  # a name only
        name = rnd.choice(["Tell Hamra", "Kafr Nabl", "Hamra", "Nabl al-Sharqi", "Zor"])
        return Location(name=name, key=name.lower(), tokens=frozenset(name.lower().split()),
                        precision="village", country="SY", admin1=None)
    lat = 35 + rnd.randrange(12) * 0.07 + rnd.random() * 0.01
    lon = 36 + rnd.randrange(12) * 0.07 + rnd.random() * 0.01
    precision = rnd.choice(["village", "village", "district", "governorate"])
    return Location(name=f"P{n}", key=f"p{n}", tokens=frozenset({f"p{n}"}), precision=precision,
                    country="SY", admin1=rnd.choice(["01", "02", None]), lat=lat, lon=lon)


def _summaries(seed: int, n: int = 120) -> list[Summary]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        spots = []
        for _ in range(rnd.randint(1, 3)):
            start = 736000 + rnd.randrange(60)
            spots.append((_loc(rnd, rnd.randrange(40)), start, start + rnd.randint(2, 9), None))
        out.append(Summary(i, [], spots[0][0], spots))
    return out


def _file_admin(blocks: dict, coarse: dict, i: int, loc: Location, week: int) -> None:
    """File member ``i`` under its admin1 region for ``week`` (and as a coarse member when it is finer)."""
    if loc.admin1:
        blocks[("admin", week, loc.country, loc.admin1)].add(i)
        if loc.rank >= 3:
            coarse[(week, loc.country, loc.admin1)].add(i)


def _admin_pairs(key: tuple, members: set[int], coarse: dict, pairs: set[tuple[int, int]]) -> bool:
    """The pairs of an admin block (a coarse member with each other member); whether ``key`` is one."""
    if key[0] != "admin":
        return False
    for c in coarse.get(key[1:], ()):
        pairs.update((min(c, m), max(c, m)) for m in members if m != c)
    return True


def _nine_cell_pairs(summaries: list[Summary]) -> set[tuple[int, int]]:
    """The pairs as the pass filed them before (main at 9212a99): each member under its own
    cell and the eight around it, beside its name, words and admin1."""
    blocks: dict[tuple, set[int]] = defaultdict(set)
    coarse: dict[tuple, set[int]] = defaultdict(set)
    for i, s in enumerate(summaries):
        for loc, start, end, _ in s.spots:
            keys: set[tuple] = {("name", loc.key)}
            if loc.lat is not None and loc.lon is not None:
                cx, cy = int(loc.lat // NEAR_CELL_DEG), int(loc.lon // NEAR_CELL_DEG)
                keys |= {("cell", cx + dx, cy + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
            else:
                words = frozenset(t for t in loc.tokens
                                  if t not in names.COMMON_TOKENS and not t.isdigit())
                keys |= {("word", t) for t in words} | {("word", "~" + s)
                                                         for s in skeletons(words)}
            for week in range((start - REACH_DAYS) // 7, (end + REACH_DAYS) // 7 + 1):
                for k in keys:
                    blocks[(week, *k)].add(i)
                _file_admin(blocks, coarse, i, loc, week)
    pairs: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        if not _admin_pairs(key, members, coarse, pairs):
            pairs.update(combinations(sorted(members), 2))
    return pairs


def test_candidate_pairs_by_own_cell_equal_those_of_the_nine_cells():
    for seed in range(8):
        summaries = _summaries(seed)
        got = list(consolidate._candidates(summaries))
        assert got == sorted(got) and len(got) == len(set(got))
        assert set(got) == _nine_cell_pairs(summaries), seed


def _set_pairs(summaries: list[Summary]) -> list[tuple[int, int]]:
    """The pairs as the pass filed them in Python sets (main at b7728a6), each member under its
    own cell, the cells up to two away paired."""
    ahead = tuple((dx, dy) for dx in range(0, 3) for dy in range(-2, 3) if dx > 0 or dy > 0)

    def words_of(tokens: frozenset[str]) -> frozenset[str]:
        found = frozenset(t for t in tokens if t not in names.COMMON_TOKENS and not t.isdigit())
        return found | {"~" + s for s in skeletons(found)}

    blocks: dict[tuple, set[int]] = defaultdict(set)
    cells: dict[tuple[int, int, int], set[int]] = defaultdict(set)
    coarse: dict[tuple, set[int]] = defaultdict(set)
    worded: dict[tuple, set[int]] = defaultdict(set)
    for i, s in enumerate(summaries):
        for loc, start, end, _ in s.spots:
            keys: set[tuple] = {("name", loc.key)}
            home = None
            words = words_of(loc.tokens)
            if loc.lat is not None and loc.lon is not None:
                home = int(loc.lat // NEAR_CELL_DEG), int(loc.lon // NEAR_CELL_DEG)
            else:
                keys |= {("word", w) for w in words}
            for week in range((start - REACH_DAYS) // 7, (end + REACH_DAYS) // 7 + 1):
                for k in keys:
                    blocks[(week, *k)].add(i)
                if home is not None:
                    cells[(week, *home)].add(i)
                    for w in words:
                        worded[(week, "word", w)].add(i)
                _file_admin(blocks, coarse, i, loc, week)
    pairs: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        if _admin_pairs(key, members, coarse, pairs):
            continue
        if key[1] == "word":
            for c in worded.get(key, ()):
                pairs.update((min(c, m), max(c, m)) for m in members if m != c)
        pairs.update(combinations(sorted(members), 2))
    for (week, cx, cy), members in cells.items():
        pairs.update(combinations(sorted(members), 2))
        for dx, dy in ahead:
            for o in cells.get((week, cx + dx, cy + dy), ()):
                pairs.update((min(m, o), max(m, o)) for m in members if m != o)
    return sorted(pairs)


def _mixed_loc(rnd: random.Random, shared: list[Location]) -> Location:
    """A location as resolution makes them: often one object shared by many members; names
    with and without coordinates sharing words; negative coordinates, several countries."""
    if shared and rnd.random() < 0.4:
        return rnd.choice(shared)
    name = rnd.choice(["Tell Hamra", "Kafr Nabl", "Hamra", "Nabl al-Sharqi", "Zor", "Hamra 2",
                       "Milis", "Meles", "P1", "P2"])
    tokens = frozenset(name.lower().split())
    precision = rnd.choice(["point", "village", "village", "district", "governorate"])
    country = rnd.choice(["SY", "SY", "IQ", None])
    admin1 = rnd.choice(["01", "02", None])
    if rnd.random() < 0.3:
        loc = Location(name=name, key=name.lower(), tokens=tokens, precision=precision,
                       country=country, admin1=admin1)
    else:
        lat = rnd.choice([35.0, -0.3, 0.1]) + rnd.randrange(10) * 0.13 + rnd.random() * 0.01
        lon = rnd.choice([36.0, -0.5]) + rnd.randrange(10) * 0.13 + rnd.random() * 0.01
        loc = Location(name=name, key=name.lower(), tokens=tokens, precision=precision,
                       country=country, admin1=admin1, lat=lat, lon=lon)
    shared.append(loc)
    return loc


def test_pairs_found_in_bulk_equal_the_filing_in_sets():
    for seed in range(40):
        rnd = random.Random(seed)
        shared: list[Location] = []
        summaries = []
        for i in range(rnd.choice([0, 1, 2, 30, 150])):
            spots = []
            for _ in range(rnd.randint(1, 4)):
                start = 736000 + rnd.randrange(rnd.choice([20, 90, 400]))
                spots.append((_mixed_loc(rnd, shared), start, start + rnd.randint(0, 12), None))
            summaries.append(Summary(i, [], spots[0][0], spots))
        got = list(consolidate._candidates(summaries))
        assert got == _set_pairs(summaries), seed
        assert all(type(i) is int and type(j) is int for i, j in got)


def test_the_distance_shortcut_agrees_with_the_haversine():
    rnd = random.Random(3)
    for _ in range(5000):
        a = Location(name="a", key="a", tokens=frozenset("a"), precision="village",
                     country="SY", admin1=None, lat=35 + rnd.random(), lon=36 + rnd.random())
        b = Location(name="b", key="b", tokens=frozenset("b"), precision="district",
                     country="SY", admin1=None,
                     lat=a.lat + rnd.uniform(-0.3, 0.3), lon=a.lon + rnd.uniform(-0.3, 0.3))
        for limit in (1.0, 2.0, 20.0, NEAR_KM, 75.0):
            assert _within(a, b, limit) == (km(a, b) <= limit)
        assert near_place(a, b) == (km(a, b) <= NEAR_KM)
        assert same_place(a, b) == (km(a, b) <= 20.0)


def test_remembered_windows_and_locations_equal_fresh_ones():
    place = Place("Qarya", 35.1, 36.2, "SY", "Idlib", precision="village", geonames_id=7)
    text = "Shelling killed 5 civilians in Qarya."

    def claim(event_date: str | None) -> Claim:
        return Claim(outcome="killed", victims="civilians", low=5, high=5, qualifier="exact",
                     text=text, source="activists", place="Qarya", event_date=event_date,
                     perpetrator=None, scope="incident", span=(0, len(text)), sentence=text,
                     id="c", document_id="d", geo=place)

    published = date(2018, 3, 4)
    a, b = window(claim("2018-03-02"), published), window(claim("2018-03-02"), None)
    assert a == b and a.start == date(2018, 3, 2).toordinal() - 1 and a.precision == "day"
    assert window(claim(None), published).label == "2018-02-25/2018-03-04"
    assert window(claim("2018-01-01/2018-03-30"), published) is None
    first = location(claim(None), None)
    again = location(claim("2018-03-02"), None)
    assert first == again and first.place == place and first.rank == 1


def _old_running_total(c: Claim) -> bool:
    """:func:`scope.running_total` as main had it at b7728a6 (patterns compiled per call)."""
    import re

    if c.scope == "cumulative":
        return True
    before, span, after = scope._around(c, 160, 110)
    clause = re.split(r"[.;:]|\bwhile\b|\bbut\b", span + after, maxsplit=1)[0]
    if scope._AFTER.search(clause):
        return True
    opening = re.split(r"[.;:,]", before)[-1]
    if scope._PERIOD_BEFORE.search(opening):
        return True
    return bool(scope._BEFORE.match(c.sentence)) and len(before) < 150 and not re.search(
        r"[.;]", before)


def test_scope_rules_with_compiled_patterns_give_the_old_answers():
    pieces = ["Since Saturday", "since dawn", ", ", ". ", "; ", ": ", " while ", " but ", "so far",
              " to date", "over the past three weeks", "Shelling", " killed ", "12 civilians",
              " have become refugees", " were displaced", " arrested", " in Idlib", " and",
              "Seven days of air strikes", " had left 75 dead", " in this month alone", "x" * 60]
    rnd = random.Random(5)
    for _ in range(3000):
        sentence = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 9)))
        a = rnd.randrange(len(sentence) + 1)
        b = rnd.randrange(a, len(sentence) + 1)
        c = Claim(outcome="killed", victims="civilians", low=1, high=1, qualifier="exact",
                  text=sentence[a:b], source=None, place=None, event_date=None,
                  perpetrator=None, scope=rnd.choice(["incident", "incident", "cumulative"]),
                  span=(a, b), sentence=sentence)
        assert scope.running_total(c) == _old_running_total(c), (sentence, a, b)


def test_pairs_tied_in_bulk_are_those_the_rules_may_merge():
    from civcas.resolve import pairs

    rnd = random.Random(11)
    # short sentences (no sentence key) naming a site or a means; long ones shared word for word
    sentences = ["Shelling hit the hospital.", "A chemical attack hit.", "Strikes hit the market.",
                 "Shelling hit the town.", "Shelling hit the town.",
                 "Warplanes killed 25 civilians in the village, the observatory said."]
    summaries = []
    for i in range(60):
        claims = []
        for k in range(rnd.randint(0, 3)):
            shared = rnd.random() < 0.15  # a report of several attacks: only its document ties
            text = "Shelling hit the town." if shared else rnd.choice(sentences)
            n = 5 if shared else rnd.choice([5, 6, 7, 8, 25])
            claims.append(Claim(outcome=rnd.choice(["killed", "injured"]), victims="people",
                                low=n, high=n, qualifier="exact", text=text, source=None,
                                place=None, event_date=rnd.choice([None, "2018-03-02"]),
                                perpetrator=None, scope="incident", span=(0, len(text)),
                                sentence=text, id=f"c{i}-{k}",
                                document_id=f"d{rnd.randrange(9)}" if shared else f"d{i}-{k}"))
        summaries.append(Summary(i, claims, None, []))
    first, second = zip(*[(i, j) for i in range(60) for j in range(i + 1, 60)])
    import numpy as np

    got = pairs.tied(summaries, np.array(first), np.array(second), chunk=97).tolist()
    want = [not consolidate._untied(summaries[i], summaries[j]) for i, j in zip(first, second)]
    assert got == want and any(got) and not all(got)
