"""Bad rows stay bad rows: NULs, huge figures and numbers no backend can hold go in (cleaned,
or read as no figure) and never block the rest of the file, on SQLite and PostgreSQL."""
from __future__ import annotations

import json

from civcas import api
from civcas.extract.numbers import MAX_FIGURE
from civcas.ingest.document import storable
from civcas.records import Tally
from civcas.store import Ledger

ROWS = [
    {"id": "nul-1", "title": "Strike on a market",
     "text": "An air strike killed 14 civ\u0000ilians at a market in Saraqib on Monday, "
             "the civil defence said."},
    {"id": "big-1", "title": "A claim of billions",
     "text": "The militia's radio claimed that the war had killed 3 billion people, "
             "a figure nobody repeated."},
    {"id": "huge-1", "title": "Digits",
     "text": "Shelling killed " + "7" * 400 + " people in Ariha on Tuesday, activists said."},
    {"id": "sur-1", "title": "Broken text \ud800",
     "text": "Mortar fire killed 5 children in Douma on Wednesday, \udc00 medics said."},
    {"id": "ok-1", "title": "An ordinary report",
     "text": "Air strikes killed 9 civilians in Kafr Nabl on Thursday, a monitor said."},
]


def _write(path, rows):
    with open(path, "w", encoding="utf-8", errors="surrogatepass") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    return path


def test_every_row_goes_in_cleaned_on_both_backends(db_url, tmp_path):
    path = _write(tmp_path / "bad.jsonl", ROWS)
    summary = api.ingest([path], db=db_url)
    assert summary.failed == 0 and summary.new == len(ROWS)
    with Ledger(db_url) as ledger:
        docs = {d.id: d for d in ledger.documents()}
        claims = ledger.claims()
    assert "\x00" not in docs["nul-1"].text and "civilians" in docs["nul-1"].text
    by_doc: dict[str, list] = {}
    for c in claims:
        by_doc.setdefault(c.document_id, []).append(c)
    assert [c.low for c in by_doc["nul-1"]] == [14]  # the NUL no longer splits the word
    assert [c.low for c in by_doc["big-1"]] == [3_000_000_000]  # > 2**31: a BIGINT column
    assert all(c.low is None or c.low <= MAX_FIGURE for c in by_doc.get("huge-1", []))
    assert [c.low for c in by_doc["ok-1"]] == [9]
    assert "\ufffd" in docs["sur-1"].text
    assert api.ingest([path], db=db_url).unchanged == len(ROWS)  # a re-run finds them stored


def test_storable_removes_nuls_and_lone_surrogates():
    assert storable("a\x00b") == "ab"
    assert storable("x\ud800y") == "x\ufffdy"
    assert storable("plain") == "plain"
    assert storable("\U0001f600") == "\U0001f600"


def test_a_long_period_of_a_tally_is_stored_on_both_backends(db_url):
    """A tally's period is the sentence's own words ("since ... 2011", up to some 90
    characters): the column was 60 characters wide, which PostgreSQL refused (E411, the
    resolution lost); SQLite never checked. Migration 0010 made it text."""
    period = ("since the uprising against the president's four-decade family rule began "
              "in March 2011")
    assert len(period) > 60
    tally = Tally(asserter="a monitor", belligerent=None, victims="people", outcome="killed",
                  low=100001, high=None, as_of="2013-08-03", period=period, claim_id="c1",
                  document_id="d1")
    with Ledger(db_url) as ledger:
        ledger.replace_resolution([], [tally])
        assert ledger.tallies() == [tally]
