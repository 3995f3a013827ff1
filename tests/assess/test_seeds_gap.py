"""The seed reports' gap story, checked on ../shared/corpus/seeds (read at run time, issue 11).

The US-led coalition's admitted civilian deaths form a dated series, 173 (2016-12-01) then 883
(2018-05-01:
"its overall death toll ... to at least 883" is its own figure); its 1,417 civilian casualties
(2021-12-08) stand beside it; Airwars' >= 6,259 (2018-05-01) is the monitor's campaign figure
and is charged to the coalition; the gap is at least 5,376. The 28 acknowledged for 2017 alone
and Amnesty's 300 for 11 attacks are labelled subsets and never the latest campaign totals.

Skipped when the shared corpus is not on this machine. A synthetic twin below (sentences of
ours) runs everywhere.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from civcas import api
from civcas.assess.gap import acknowledgment_gaps, subset
from civcas.records import Document
from civcas.resolve import resolve

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"


def _gap_of(docs):
    claims = [c for d in docs for c in api.extract_document(d)]
    res = resolve(docs, claims)
    gaps = acknowledgment_gaps(res.tallies, res.incidents, res.claims)
    return {(g.belligerent, g.victims, g.outcome): g for g in gaps}


def _check_story(gaps, admitted_latest, monitor_latest):
    killed = gaps[("US-led coalition", "civilians", "killed")]
    campaign = [t for t in killed.admitted if not subset(t)]
    assert [(t.low, t.as_of) for t in campaign] == [(173, "2016-12-01"),
                                                     (admitted_latest, "2018-05-01")]
    assert all("since" in (t.period or "").lower() for t in campaign)
    assert [t.low for t in campaign] == sorted(t.low for t in campaign)  # a series, in order
    assert any(subset(t) and t.low == 28 for t in killed.admitted)  # 2017 alone: labelled
    whole = [t for t in killed.monitors if not subset(t)]
    assert [t.asserter for t in whole][-1] == "Airwars" and whole[-1].low == monitor_latest
    assert all(t.asserter != "Amnesty International" for t in whole)  # 11 attacks: a subset
    assert killed.gap_low == monitor_latest - admitted_latest and killed.gap_high is None
    casualties = gaps[("US-led coalition", "civilians", "casualties")]
    assert [(t.low, t.as_of) for t in casualties.admitted] == [(1417, "2021-12-08")]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds not on this machine")
def test_the_seed_reports_tell_the_coalitions_story():
    docs = []
    for path in sorted(SEEDS.glob("*.txt")):
        for item in api.read_documents([str(path)]):
            assert isinstance(item, Document)
            docs.append(item)
    gaps = _gap_of(docs)
    _check_story(gaps, 883, 6259)
    assert gaps[("US-led coalition", "civilians", "killed")].gap_low >= 5376


def test_a_synthetic_campaign_story():
    def d(i, published, text):
        return Document(f"camp-{i}", f"Report {i}", text, published=date.fromisoformat(published),
                        outlet=f"outlet {i}", content_hash=f"camp-{i}")
    docs = [
        d(1, "2018-05-01",
          "Coalition strikes killed 9 civilians near Hajin on Monday, activists said. "
          "In its monthly report the US-led coalition admitted that 28 civilians died in its strikes "
          "during 2017. The admission lifted its own cumulative count of civilians killed by "
          "coalition raids since 2014 to at least 883. Airwars, a monitor based in London, "
          "estimates that at least 6,259 civilians have died in the air campaign."),
        d(3, "2016-12-01",
          "The new figure brings to 173 the number of civilians the US-led coalition has "
          "admitted to have killed since its air campaign began in 2014."),
        d(2, "2021-12-08",
          "The US-led coalition reported that its strikes have caused at least 1,417 civilian "
          "casualties since 2014."),
    ]
    _check_story(_gap_of(docs), 883, 6259)
