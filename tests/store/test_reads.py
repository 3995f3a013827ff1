"""Reads narrowed by the database give what filtering the whole ledger gives."""
from __future__ import annotations

import random
from datetime import date, timedelta

from conftest import parquet_one_group

from civcas import api
from civcas.records import Filters
from civcas.store import Ledger

from .test_incremental import synthetic


def test_incidents_narrowed_by_sql_equal_the_filtered_ledger(db_url):
    with Ledger(db_url) as ledger:
        for _ in ledger.ingest(synthetic(22, 60)):  # (a ledger whose incidents include date ranges)
            pass
    api.resolve(db=db_url)
    with Ledger(db_url) as ledger:
        everything = ledger.incidents()
    assert any("/" in (i.event_date or "") for i in everything)  # ranges are covered
    rnd = random.Random(4)
    start = date(2019, 2, 20)
    for _ in range(25):
        since = start + timedelta(days=rnd.randrange(70))
        f = Filters(since=rnd.choice((None, since.isoformat())),
                    until=rnd.choice((None, (since + timedelta(days=rnd.randrange(14))).isoformat())),
                    grade=rnd.choice((None, "weak", "fair", "confirmed")))
        want = api.filter_incidents(everything, f)
        assert api.incidents(db=db_url, filters=f) == want, f
    assert api.incident_count(db=db_url) == len(everything)


def test_incident_claims_and_detail_read_only_their_claims(db_url):
    with Ledger(db_url) as ledger:
        for _ in ledger.ingest(synthetic(22, 30)):
            pass
    api.resolve(db=db_url)
    snap = api.snapshot(db=db_url)
    inc = max(snap.incidents, key=lambda i: len(i.claim_ids))
    api.judge("correct_claim", inc.claim_ids[0], {"fields": {"low": 77, "high": 80}}, user="t", reason="test", db=db_url)
    inc = api.incident(inc.id, db=db_url) if inc.id in {
        i.id for i in api.incidents(db=db_url)} else api.incidents(db=db_url)[0]
    claims, docs = api.incident_claims([inc], db=db_url)
    snap = api.snapshot(db=db_url)
    assert claims == {c.id: c for c in snap.claims if c.id in inc.claim_ids}
    assert set(docs) == {c.document_id for c in claims.values()}
    got, members, mdocs = api.incident_detail(inc.id, db=db_url)
    assert got == inc and [c.id for c in members] == list(inc.claim_ids)
    assert mdocs == docs


def test_a_report_with_filters_reads_and_shows_those_incidents(db_url, tmp_path):
    from typer.testing import CliRunner

    from civcas import cli
    with Ledger(db_url) as ledger:
        for _ in ledger.ingest(synthetic(23, 40)):
            pass
    api.resolve(db=db_url)
    full = api.snapshot(db=db_url)
    f = Filters(since="2019-03-10", until="2019-03-24")
    part = api.filtered_snapshot(f, db=db_url)
    assert part.incidents == tuple(api.filter_incidents(full.incidents, f))
    assert 0 < len(part.incidents) < len(full.incidents)
    wanted = {c for i in part.incidents for c in i.claim_ids} | {t.claim_id for t in full.tallies}
    assert part.claims == tuple(c for c in full.claims if c.id in wanted)
    assert part.tallies == full.tallies
    out = tmp_path / "r.html"
    r = CliRunner().invoke(cli.app, ["report", "--since", "2019-03-10", "--until", "2019-03-24",
                                     "-o", str(out), "--db", db_url])
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    shown = {i.id for i in full.incidents if i.id in html}
    assert shown == {i.id for i in part.incidents}
    bad = CliRunner().invoke(cli.app, ["report", "--since", "March", "--db", db_url])
    assert bad.exit_code == 2


def _spans(seed: int, n_docs: int = 60) -> list:
    """Reports of one claim each, dated by a day, a range of 1 to 60 days (a range longer than
    a window's 45 days falls back on the week before publication), reversed ranges, or no
    date, over a few months: incidents whose dates run as long as an incident's can."""
    from civcas.records import Claim, Document, ExtractionResult, Place
    rnd = random.Random(seed)
    start = date(2019, 1, 1)
    out = []
    for d in range(n_docs):
        day = start + timedelta(days=rnd.randrange(120))
        kind = rnd.random()
        if kind < 0.3:
            when: str | None = day.isoformat()
        elif kind < 0.85:
            end = day + timedelta(days=rnd.choice((1, 6, 20, 43, 44, 45, 59)))
            when = f"{day.isoformat()}/{end.isoformat()}"
            if rnd.random() < 0.1:
                when = f"{end.isoformat()}/{day.isoformat()}"
        else:
            when = None
        text = f"Report {d}."
        claim = Claim(outcome="killed", victims="civilians", low=d + 1, high=d + 1,
                      qualifier="exact", text=text, source="residents", place=None,
                      event_date=when, perpetrator=None, scope="incident", span=(0, 1),
                      sentence=text, id=f"s{d}c0", document_id=f"s{d}",
                      geo=Place(f"Town {d}", 30 + d * 0.5, 40.0, "SY", f"Gov {d}",
                                precision="village", geonames_id=50_000 + d))
        doc = Document(f"s{d}", f"Strike {d}", text, published=day + timedelta(days=50),
                       content_hash=f"s{d}")
        out.append(ExtractionResult(doc, (claim,), None))
    return out


def test_date_filters_narrowed_by_the_event_date_index_miss_nothing(db_url):
    from civcas.outputs.ledger import date_bounds
    from civcas.store.reading import EVENT_SPAN_DAYS, _day
    with Ledger(db_url) as ledger:
        for _ in ledger.ingest(_spans(5)):
            pass
    api.resolve(db=db_url)
    everything = api.incidents(db=db_url)
    bounds = [date_bounds(i.event_date) for i in everything]
    spans = [(last - first).days for first, last in bounds if first and last]
    # an incident's date is a window's label: never longer than the span the reads assume
    assert max(spans) == 44 and all(abs(s) < EVENT_SPAN_DAYS for s in spans)
    rnd = random.Random(6)
    days = [date(2018, 12, 1) + timedelta(days=k) for k in range(250)]
    for _ in range(60):
        since, until = rnd.choice(days), rnd.choice(days)
        f = Filters(since=rnd.choice((None, since.isoformat())),
                    until=rnd.choice((None, until.isoformat())))
        assert api.incidents(db=db_url, filters=f) == api.filter_incidents(everything, f), f
    # a value that is no plain ISO day is not used to narrow (the filter itself still applies)
    assert _day("2019-03-01", -45) == "2019-01-15" and _day("2019-03-01", 1) == "2019-03-02"
    assert _day("20190301", 1) is None and _day("0001-01-01", -45) is None


def test_the_whole_ledger_read_as_streams_gives_the_same_outputs(db_url, tmp_path):
    """The unfiltered report, the exports and the acknowledgment gap read the whole ledger by
    SQL streams without the ORM (decisions §15.11): the same records as the ORM's snapshot
    (documents without their text, which no output shows) and the same bytes."""
    import dataclasses
    from datetime import UTC, datetime

    from civcas import outputs, report
    from civcas.api import _read
    from civcas.assess.gap import acknowledgment_gaps
    with Ledger(db_url) as ledger:
        results = synthetic(24, 40)
        for _ in ledger.ingest(results):
            pass
        # a new version of one document: its older claims are followed by the judgements
        old = results[3]
        new = dataclasses.replace(old, document=dataclasses.replace(
            old.document, text=old.document.text + " Updated.",
            content_hash=old.document.content_hash + "v2"),
            claims=tuple(dataclasses.replace(c, id=c.id + "v2") for c in old.claims))
        for _ in ledger.ingest([new]):
            pass
    api.resolve(db=db_url)
    full = api.snapshot(db=db_url)
    api.judge("correct_claim", full.claims[0].id, {"fields": {"low": 77, "high": 80}},
              user="t", reason="test", db=db_url)
    api.judge("reject_claim", full.claims[5].id, user="t", reason="test", db=db_url)
    full = api.snapshot(db=db_url)
    assert len(full.documents) == 40 and any(c.low == 77 for c in full.claims)
    listed = _read.listed_snapshot(db=db_url)
    assert listed.documents == tuple(dataclasses.replace(d, text="", language="")
                                     for d in full.documents)
    assert (listed.claims, listed.incidents, listed.tallies, listed.judgements) == (
        full.claims, full.incidents, full.tallies, full.judgements)
    at = datetime(2026, 12, 7, tzinfo=UTC)
    assert report.render(listed, generated=at) == report.render(full, generated=at)
    for level, fmt in (("claims", "csv"), ("claims", "json"), ("claims", "geojson"),
                       ("incidents", "csv"), ("incidents", "json"), ("tallies", "csv")):
        assert outputs.export_bytes(listed, level, fmt) == outputs.export_bytes(full, level, fmt)
    assert api.export("incidents", "csv", layout="acled", db=db_url) == \
        outputs.export_bytes(full, "incidents", "csv", "acled")
    assert api.acknowledgment_gap(db=db_url) == acknowledgment_gaps(
        full.tallies, full.incidents, full.claims, None)


def test_exports_written_as_read_give_the_same_bytes(db_url, tmp_path, monkeypatch):
    """Every export written as it is read (the claims one claim at a time, joined to their
    incident and document by SQL, corrections applied claim by claim: decisions §15.13) gives
    the bytes of the whole snapshot's export, into a stream, a file and api.export alike."""
    import io

    from civcas import outputs
    with Ledger(db_url) as ledger:
        for _ in ledger.ingest(synthetic(25, 36)):
            pass
    api.resolve(db=db_url)
    claims = api.snapshot(db=db_url).claims
    api.judge("correct_claim", claims[2].id, {"fields": {"low": 61, "high": 64}},
              user="t", reason="test", db=db_url)
    api.judge("correct_claim", claims[2].id, {"fields": {"low": 62}}, user="t", reason="t",
              db=db_url)
    api.judge("reject_claim", claims[4].id, user="t", reason="test", db=db_url)
    full = api.snapshot(db=db_url)
    assert any(c.low == 62 and c.high == 64 for c in full.claims)
    cases = [("claims", f, None) for f in outputs.FORMATS] + [
        ("incidents", f, None) for f in outputs.FORMATS] + [
        ("incidents", "csv", "acled"), ("incidents", "json", "ucdp"), ("tallies", "csv", None),
        ("tallies", "json", None)]
    # no export reads a snapshot: claims and incidents one at a time
    monkeypatch.setattr("civcas.api._outputs.listed_snapshot", None)
    for level, fmt, layout in cases:
        want = outputs.export_bytes(full, level, fmt, layout)
        sink = io.BytesIO()
        api.export_to(sink, level, fmt, layout, db=db_url)
        assert sink.getvalue() == want, (level, fmt, layout)
        out = tmp_path / f"{level}.{fmt}"
        api.export_to(out, level, fmt, layout, db=db_url)
        assert out.read_bytes() == want, (level, fmt, layout)
        assert api.export(level, fmt, layout, db=db_url) == want


def test_the_claims_export_holds_one_fetch_not_the_ledger(tmp_path, monkeypatch):
    """The claims CSV written as read (decisions §15.13): its peak of traced memory does not
    grow with the ledger (fetched 50 rows at a time here), where the whole snapshot's does."""
    import os
    import tracemalloc

    from civcas import outputs
    from civcas.api import _read
    from civcas.store.reading import Sql

    monkeypatch.setattr(Sql.stream, "__defaults__", ((), (), 50))
    peaks = {}
    for n in (30, 240):
        url = f"sqlite:///{tmp_path / f'l{n}.db'}"
        with Ledger(url) as ledger:
            for _ in ledger.ingest(synthetic(27, n)):
                pass
        api.resolve(db=url)
        with open(os.devnull, "wb") as null:  # what a first export imports and caches
            api.export_to(null, "claims", "csv", db=url)
        for way in ("stream", "whole"):
            tracemalloc.start()
            if way == "stream":
                with open(os.devnull, "wb") as null:
                    api.export_to(null, "claims", "csv", db=url)
            else:
                outputs.export_bytes(_read.listed_snapshot(url), "claims", "csv")
            peaks[way, n] = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
    assert peaks["whole", 240] > 3 * peaks["whole", 30], peaks
    assert peaks["stream", 240] < 1.3 * peaks["stream", 30], peaks


def test_parquet_exports_in_row_groups_read_back_as_one_group(db_url, tmp_path, monkeypatch):
    """Parquet exports written a row group at a time (decisions §15.15), on both backends: the
    claims, incidents (civcas and UCDP layouts) and tallies read back with pyarrow equal to
    the whole table written at once in one row group."""
    import io

    import pyarrow.parquet as pq

    from civcas import outputs
    from civcas.outputs import formats

    with Ledger(db_url) as ledger:
        for _ in ledger.ingest(synthetic(26, 40)):
            pass
    api.resolve(db=db_url)
    claims = api.snapshot(db=db_url).claims
    api.judge("correct_claim", claims[1].id, {"fields": {"low": 53, "high": 58}},
              user="t", reason="test", db=db_url)
    full = api.snapshot(db=db_url)
    monkeypatch.setattr(formats, "ROW_GROUP_ROWS", 4)
    monkeypatch.setattr("civcas.api._outputs.listed_snapshot", None)  # read as streams
    for level, layout in (("claims", None), ("incidents", None), ("incidents", "ucdp"),
                          ("tallies", None)):
        whole = parquet_one_group(outputs.table(full, level, layout))
        out = tmp_path / f"{level}-{layout}.parquet"
        api.export_to(out, level, "parquet", layout, db=db_url)
        grouped = pq.ParquetFile(out)
        assert grouped.num_row_groups > 1, (level, layout)
        assert grouped.metadata.num_rows == pq.ParquetFile(io.BytesIO(whole)).metadata.num_rows
        assert grouped.read().equals(pq.read_table(io.BytesIO(whole))), (level, layout)
