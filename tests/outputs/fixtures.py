"""A small hand-built ledger for the export and report tests.

Six incidents in Syria and Iraq with every grade but one, claims with their
sentences and spans, documents (one carrying hostile markup), and the tallies
of a belligerent's admissions against two monitors' counts over a year.
Every text here was written for these tests.
"""
from __future__ import annotations

from datetime import date, datetime, timezone

from civcas.records import (
    Assessment,
    Claim,
    Document,
    Estimate,
    Incident,
    Judgement,
    LedgerSnapshot,
    Place,
    Stance,
    Tally,
)

HOSTILE = '<script>window.__pwned = 1; alert(1)</script><img src=x onerror="window.__pwned=2">'

PLACES = {
    "raqqa": Place("Raqqa", 35.95, 39.01, "SY", "Raqqa", "Raqqa District", 163915, "P.PPLA",
                   "village", 0.92, "Raqqa"),
    "tabqa": Place("Tabqa", 35.84, 38.55, "SY", "Raqqa", "Al-Thawrah District", 163806, "P.PPL",
                   "village", 0.81, "Tabqa"),
    "idlib": Place("Idlib Governorate", 35.75, 36.63, "SY", "Idlib", None, 169387, "A.ADM1",
                   "governorate", 0.66, "Idlib province"),
    "mosul": Place("Mosul", 36.34, 43.13, "IQ", "Nineveh", "Mosul District", 99072, "P.PPLA",
                   "village", 0.95, "west Mosul"),
    "hit": Place("Hit", 33.64, 42.83, "IQ", "Anbar", "Hit District", 95446, "P.PPLA2",
                 "village", 0.74, "Hit"),
}

DOCS = {
    "d1": Document(
        "d1", "Strikes hit a market in Raqqa",
        "Warplanes struck a crowded market in Raqqa on Monday. At least 14 civilians were killed "
        "and 20 wounded, the Civil Monitor Group said. The Coalition said it was reviewing the "
        "report.",
        date(2024, 3, 5), "Example Wire", "https://news.example.org/raqqa-market", "a/d1.txt"),
    "d2": Document(
        "d2", "Raqqa market toll rises",
        "The toll from Monday's strike on the Raqqa market rose to 18 dead, according to the "
        "Local Rights Office. The Coalition acknowledged that 9 civilians were killed.",
        date(2024, 3, 7), "Daily Example", "https://daily.example.com/raqqa-toll", "a/d2.txt"),
    "d3": Document(
        "d3", "Shelling near Tabqa " + HOSTILE,
        "Shelling near Tabqa killed 6 people, residents said. " + HOSTILE + " The army denied "
        "any involvement.",
        date(2024, 4, 11), "Example Wire", "javascript:alert(1)", "a/d3.csv#4"),
    "d4": Document(
        "d4", "West Mosul strike",
        "=HYPERLINK(\"http://evil.example\") An air strike in west Mosul killed between 25 and 40 "
        "civilians, the Civil Monitor Group said. Iraqi forces said the dead were fighters.",
        date(2024, 5, 2), "Mosul Example", "https://mosul.example.net/strike", "a/d4.html"),
    "d5": Document(
        "d5", "Hit car bomb",
        "A car bomb in Hit killed 3 people on Friday, police said.",
        date(2024, 6, 15), None, None, "a/d5.txt"),
    "d6": Document(
        "d6", "Idlib raids",
        "Raids in Idlib province killed about 11 civilians last week, activists said. "
        "Both the Coalition and Russian forces were blamed.",
        date(2024, 7, 20), "Example Wire", "https://news.example.org/idlib", "a/d6.txt"),
    "d7": Document(
        "d7", "Coalition monthly report",
        "The Coalition said its strikes had unintentionally killed 35 civilians since 2023. "
        "The Civil Monitor Group puts the number at 410 civilians.",
        date(2024, 8, 1), "Example Wire", "https://news.example.org/monthly", "a/d7.txt"),
}


def _claim(cid: str, doc: str, phrase: str, *, outcome="killed", victims="civilians", low,
           high, qualifier="exact", source="", place=None, event_date=None, perpetrator=None,
           scope="incident", geo=None) -> Claim:
    text = DOCS[doc].text
    start = text.index(phrase)
    stop = text.rfind(". ", 0, start)
    s_start = 0 if stop < 0 else stop + 2
    s_end = text.find(". ", start)
    s_end = len(text) if s_end < 0 else s_end + 1
    return Claim(outcome, victims, low, high, qualifier, phrase, source, place, event_date,
                 perpetrator, scope, (start, start + len(phrase)), text[s_start:s_end], s_start,
                 cid, doc, geo)


CLAIMS = (
    _claim("c1", "d1", "At least 14 civilians were killed", low=14, high=None,
           qualifier="at_least", source="Civil Monitor Group", place="Raqqa",
           event_date="2024-03-04", perpetrator="Coalition", geo=PLACES["raqqa"]),
    _claim("c2", "d1", "20 wounded", outcome="injured", low=20, high=20,
           source="Civil Monitor Group", place="Raqqa", event_date="2024-03-04",
           perpetrator="Coalition", geo=PLACES["raqqa"]),
    _claim("c3", "d2", "rose to 18 dead", victims="people", low=18, high=18,
           source="Local Rights Office", place="Raqqa", event_date="2024-03-04",
           perpetrator="Coalition", geo=PLACES["raqqa"]),
    _claim("c4", "d2", "9 civilians were killed", low=9, high=9, source="Coalition",
           place="Raqqa", event_date="2024-03-04", perpetrator="Coalition", geo=PLACES["raqqa"]),
    _claim("c5", "d3", "killed 6 people", victims="people", low=6, high=6,
           source="residents", place="Tabqa", event_date="2024-04-10", perpetrator="army",
           geo=PLACES["tabqa"]),
    _claim("c6", "d4", "killed between 25 and 40 civilians", low=25, high=40,
           qualifier="range", source="Civil Monitor Group", place="west Mosul",
           event_date="2024-05-01", perpetrator="Iraqi forces", geo=PLACES["mosul"]),
    _claim("c7", "d5", "killed 3 people", victims="people", low=3, high=3, source="police",
           place="Hit", event_date="2024-06-14", perpetrator=None, geo=PLACES["hit"]),
    _claim("c8", "d6", "killed about 11 civilians", low=11, high=11, qualifier="about",
           source="activists", place="Idlib province", event_date="2024-07-08/2024-07-14",
           perpetrator="Coalition; Russian forces", geo=PLACES["idlib"]),
    _claim("c9", "d7", "killed 35 civilians", low=35, high=35, source="Coalition",
           event_date=None, perpetrator="Coalition", scope="cumulative"),
    _claim("c10", "d7", "410 civilians", low=410, high=410, source="Civil Monitor Group",
           perpetrator="Coalition", scope="cumulative"),
)


def _est(outcome, victims, low, best, high, rule, *ids):
    return Estimate(outcome, victims, low, best, high, rule, tuple(ids))


INCIDENTS = (
    Incident(
        "inc-raqqa-0304", ("c1", "c2", "c3", "c4"), "2024-03-04", "day", PLACES["raqqa"],
        ("Coalition",), ("d1", "d2"), "Strike on a market in Raqqa",
        Assessment("confirmed", ("the Coalition acknowledged civilian deaths",
                                 "2 independent sources"),
                   (_est("killed", "civilians", 9, 14, 18, "lowest credible figure as best", "c1",
                         "c3", "c4"),
                    _est("injured", "civilians", 20, 20, 20, "single figure", "c2")),
                   (Stance("Coalition", "acknowledged", "c4"),),
                   ("Civil Monitor Group", "Local Rights Office"))),
    Incident(
        "inc-tabqa-0410", ("c5",), "2024-04-10", "day", PLACES["tabqa"], ("army",), ("d3",),
        "Shelling near Tabqa " + HOSTILE,
        Assessment("weak", ("single source",),
                   (_est("killed", "people", 6, 6, 6, "single figure", "c5"),),
                   (Stance("army", "denied", None),), ("residents",))),
    Incident(
        "inc-mosul-0501", ("c6",), "2024-05-01", "day", PLACES["mosul"], ("Iraqi forces",),
        ("d4",), "Air strike in west Mosul",
        Assessment("discounted", ("the belligerent says the dead were fighters",),
                   (_est("killed", "civilians", 25, 25, 40, "range of one claim", "c6"),),
                   (Stance("Iraqi forces", "denied", None),), ("Civil Monitor Group",),
                   overridden_by="j1")),
    Incident(
        "inc-hit-0614", ("c7",), "2024-06-14", "day", PLACES["hit"], (), ("d5",),
        "Car bomb in Hit",
        Assessment("weak", ("single source", "perpetrator unknown"),
                   (_est("killed", "people", 3, 3, 3, "single figure", "c7"),), (), ("police",))),
    Incident(
        "inc-idlib-0708", ("c8",), "2024-07-08/2024-07-14", "week", PLACES["idlib"],
        ("Coalition", "Russian forces"), ("d6",), "Raids in Idlib province",
        Assessment("contested", ("two belligerents blamed",),
                   (_est("killed", "civilians", 10, 11, 12, "about: +/-10%", "c8"),),
                   (Stance("Coalition", "no_comment", None),
                    Stance("Russian forces", "no_comment", None)), ("activists",))),
    Incident(
        "inc-nowhere-0801", ("c9",), None, "unknown", None, ("Coalition",), ("d7",),
        "Unlocated strikes", Assessment("fair", ("2 independent sources",),
                                        (_est("killed", "civilians", 2, None, None, "lower bound"),),
                                        (), ("a", "b"))),
)

TALLIES = (
    Tally("Coalition", "Coalition", "civilians", "killed", 20, 20, "2024-01-31", "since 2023",
          "", ""),
    Tally("Coalition", "Coalition", "civilians", "killed", 28, 28, "2024-04-30", "since 2023",
          "", ""),
    Tally("Coalition", "Coalition", "civilians", "killed", 35, 35, "2024-08-01", "since 2023",
          "c9", "d7"),
    Tally("Civil Monitor Group", "Coalition", "civilians", "killed", 250, 300, "2024-02-15",
          "since 2023", "", ""),
    Tally("Civil Monitor Group", "Coalition", "civilians", "killed", 410, 410, "2024-08-01",
          "since 2023", "c10", "d7"),
    Tally("Local Rights Office", "Coalition", "civilians", "killed", 330, 380, "2024-05-20",
          None, "", ""),
    Tally("Civil Monitor Group", "Russian forces", "civilians", "killed", 120, 150,
          "2024-06-30", None, "", ""),
    Tally("=cmd|' /C calc'!A0", None, "people", "killed", 1, None, None, None, "", ""),
)

JUDGEMENTS = (
    Judgement("j1", "set_grade", "inc-mosul-0501", (("grade", "discounted"),), "reviewer1",
              datetime(2024, 5, 10, 9, 30, tzinfo=timezone.utc), "fighters confirmed by two sources"),
)


def make_snapshot() -> LedgerSnapshot:
    """The fixture ledger."""
    return LedgerSnapshot(tuple(DOCS.values()), CLAIMS, INCIDENTS, TALLIES, JUDGEMENTS)


def many_incidents(n: int) -> LedgerSnapshot:
    """``n`` copies of the fixture incidents with fresh ids (for size and speed checks)."""
    import dataclasses

    base = make_snapshot()
    incidents = []
    for i in range(n):
        src = base.incidents[i % len(base.incidents)]
        incidents.append(dataclasses.replace(src, id=f"{src.id}-{i}"))
    return dataclasses.replace(base, incidents=tuple(incidents))
