"""Scope end to end: running totals go to tallies, displaced/arrested/missing are no harm (issue 11).

Every sentence here is written for the test.
"""
from __future__ import annotations

from datetime import date

import pytest
from conftest import make_claim

from civcas import api
from civcas.records import Document
from civcas.resolve import resolve
from civcas.resolve.scope import cumulative, not_harm, running_total


@pytest.mark.parametrize("sentence,phrase,total", [
    ("Since Saturday at least 70 civilians have been killed in air raids on the town.",
     "at least 70 civilians have been killed", True),
    ("More than 300 civilians have been killed in the east of the city since the truce "
     "collapsed on 3 May.", "More than 300 civilians have been killed", True),
    ("Government jets have killed 4,000 civilians since they began bombing the province.",
     "killed 4,000 civilians", True),
    ("The raids have killed 52 people so far, the monitor said.", "killed 52 people", True),
    ("Shelling over the past three weeks killed 140 people in the district.",
     "killed 140 people", True),
    # one day's attack
    ("Nineteen people died in strikes on the market since dawn, rescuers said.",
     "Nineteen people died", False),
    # "since" names a time after that attack, not a period of harm
    ("It was the worst day in the town since a bombing on Tuesday that killed 31 civilians.",
     "killed 31 civilians", False),
    ("An air strike killed 9 people in Barqa on Monday.", "killed 9 people", False),
    # a stretch of days longer than one attack's few, before the figure
    ("Seven days of air strikes across the province have left more than 75 civilians dead.",
     "more than 75 civilians", True),
    ("Weeks of shelling have killed 210 people in the enclave.", "killed 210 people", True),
    ("Two days of shelling killed 14 people in the town.", "killed 14 people", False),
    ("Shelling killed 12 people on Monday, the worst in five years of war.", "killed 12 people",
     False),
])
def test_running_totals_are_cumulative(sentence, phrase, total):
    c = make_claim(sentence, phrase)
    assert running_total(c) is total and cumulative(c) is total


@pytest.mark.parametrize("sentence,phrase,reason", [
    ("The war has killed 200,000 people while more than three million have become refugees.",
     "more than three million", "refugees"),
    ("Around five million sought refuge in neighbouring countries.", "five million", "refuge"),
    ("Police said 40 people were arrested after the blast.", "40 people", "arrested"),
    ("Activists said 12 men were missing after the raid.", "12 men", "missing"),
    ("A strike on the camp killed 9 displaced people.", "killed 9 displaced people", None),
    ("The strikes killed 9 people and displaced 200 families.", "killed 9 people", None),
])
def test_displaced_arrested_and_missing_are_no_casualties(sentence, phrase, reason):
    got = not_harm(make_claim(sentence, phrase))
    assert (got is None) if reason is None else (reason in got)


def test_a_running_total_and_a_refugee_count_never_make_an_incident():
    text = ("An air strike on the market of Saraqib killed 11 civilians on Tuesday, the Syrian "
            "Observatory for Human Rights said. Since the offensive began in April, government "
            "and Russian jets have killed more than 900 civilians in the province, the monitor "
            "said. More than 400,000 people have fled their homes.")
    doc = Document("saraqib", "Strike on Saraqib market", text, published=date(2019, 6, 5),
                   outlet="a wire", content_hash="saraqib")
    claims = api.extract_document(doc)
    res = resolve([doc], claims)
    figures = sorted(c.low for i in res.incidents for cid in i.claim_ids
                     for c in claims if c.id == cid and c.low is not None)
    assert figures and max(figures) == 11  # no incident of 900 or of 400,000
    assert all(t.low is None or t.low < 400_000 for t in res.tallies)  # no tally of the fled
    totals = [t for t in res.tallies if t.low == 900 or t.low == 901]
    assert len(totals) == 1 and totals[0].period and "since" in totals[0].period.lower()
