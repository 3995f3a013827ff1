"""The extractor's calibrated confidence per claim: stored at ingest (migration 0008), read
back on SQLite and PostgreSQL, NULL for claims stored before it; the review queue
``low_confidence`` and the sort ``confidence`` in `civcas incidents`."""
from __future__ import annotations

import json
from datetime import datetime

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from conftest import make_result
from typer.testing import CliRunner

from civcas import api, cli
from civcas.records import Filters, Place
from civcas.store import Ledger
from civcas.store import engine as _engine

runner = CliRunner()
HALVA = Place("Halva", 35.01, 36.52, "SY", "Hama", precision="village", geonames_id=811)
ZIRAN = Place("Ziran", 36.31, 43.02, "IQ", "Nineveh", precision="village", geonames_id=812)
OSSAR = Place("Ossar", 34.61, 38.91, "SY", "Homs", precision="village", geonames_id=813)


def reports():
    """Three strikes in three places: the machine is sure of Halva, unsure of Ziran, and
    has no confidence at all for Ossar (as for a claim stored before migration 0008)."""
    return [
        make_result("halva", "A shell hit the market in Halva on Sunday, killing 7 "
                             "civilians, the town's doctors said.", [
            dict(phrase="killing 7 civilians", low=7, high=7, source="the town's doctors",
                 place="Halva", event_date="2022-05-01", geo=HALVA, confidence=0.93)]),
        make_result("ziran", "Perhaps 20 people were hurt and 2 civilians killed in Ziran "
                             "on Monday, a resident wrote.", [
            dict(phrase="2 civilians killed", low=2, high=2, source="a resident",
                 place="Ziran", event_date="2022-06-06", geo=ZIRAN, confidence=0.31),
            dict(phrase="20 people were hurt", outcome="injured", victims="people", low=20,
                 high=20, qualifier="approximately", source="a resident", place="Ziran",
                 event_date="2022-06-06", geo=ZIRAN, confidence=0.12)]),
        make_result("ossar", "An air raid on Ossar killed 4 civilians on Tuesday, the "
                             "council said.", [
            dict(phrase="killed 4 civilians", low=4, high=4, source="the council",
                 place="Ossar", event_date="2022-07-05", geo=OSSAR)]),
    ]


def test_confidence_round_trips_and_unknown_stays_unknown(db_url):
    with Ledger(db_url) as ledger:
        list(ledger.ingest(reports()))
        by_source = {(c.source, c.outcome): c.confidence for c in ledger.claims()}
        assert by_source == {("the town's doctors", "killed"): 0.93,
                             ("a resident", "killed"): 0.31, ("a resident", "injured"): 0.12,
                             ("the council", "killed"): None}
        assert sorted(ledger.claim_confidences().values()) == [0.12, 0.31, 0.93]
    api.resolve(db=db_url)
    inc, claims, _ = api.incident_detail(
        api.incidents(db=db_url, filters=Filters(place="Ziran"))[0].id, db=db_url)
    assert sorted(c.confidence for c in claims) == [0.12, 0.31]


def test_the_low_confidence_queue_and_the_sort_least_sure_first(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'c.db'}"
    with Ledger(url) as ledger:
        list(ledger.ingest(reports()))
    api.resolve(db=url)

    def places(**f):
        return [i.place.name for i in api.incidents(db=url, filters=Filters(**f),
                                                    sort="sort" in f)]

    assert places(queue="low_confidence") == ["Ziran"]  # 0.12 < 0.4; Ossar: unknown
    # least sure first; unknown confidence last, whatever the order
    assert places(sort="confidence", order="asc") == ["Ziran", "Halva", "Ossar"]
    assert places(sort="confidence", order="desc") == ["Halva", "Ziran", "Ossar"]
    monkeypatch.setenv("CIVCAS_LOW_CONFIDENCE", "0.95")  # the threshold is a setting
    assert places(queue="low_confidence", sort="confidence", order="asc") == ["Ziran", "Halva"]
    with api.Desk(url) as desk:
        assert desk.low_confidence == 0.95
        assert desk.queues()["low_confidence"] == (2, 2)
        assert sorted(desk.confidences().values()) == [0.12, 0.93]
    monkeypatch.setenv("CIVCAS_LOW_CONFIDENCE", "1.5")
    try:
        api.incidents(db=url, filters=Filters(queue="low_confidence"))
        raise AssertionError("a threshold above 1 was accepted")
    except api.ConfigError as exc:
        assert "CIVCAS_LOW_CONFIDENCE" in str(exc) and "between 0 and 1" in str(exc)


def test_cli_sort_confidence_is_least_sure_first_and_json_carries_it(tmp_path):
    url = f"sqlite:///{tmp_path / 'c.db'}"
    with Ledger(url) as ledger:
        list(ledger.ingest(reports()))
    api.resolve(db=url)
    r = runner.invoke(cli.app, ["incidents", "--db", url, "--sort", "confidence", "--json"])
    assert r.exit_code == 0, r.output
    got = json.loads(r.stdout)
    assert [i["place"]["name"] for i in got] == ["Ziran", "Halva", "Ossar"]
    assert sorted(c["confidence"] for c in got[0]["claims"]) == [0.12, 0.31]
    assert got[2]["claims"][0]["confidence"] is None
    r = runner.invoke(cli.app, ["incidents", "--db", url, "--queue", "low_confidence"])
    assert r.exit_code == 0 and "1 of 3 incidents" in r.stdout, r.output
    r = runner.invoke(cli.app, ["show", got[0]["id"], "--db", url])
    assert r.exit_code == 0 and "0.12" in r.stdout and "confidence" in r.stdout, r.output


def _alembic(connection: sa.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(_engine.MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def test_a_0007_ledger_upgrades_keeping_every_row_with_confidence_null(db_url):
    engine = _engine.create(db_url)
    with engine.begin() as conn:
        command.upgrade(_alembic(conn), "0007_scale")
    now = datetime(2026, 1, 2, 3, 4, 5)
    with engine.begin() as conn:
        assert "confidence" not in {c["name"] for c in sa.inspect(conn).get_columns("claims")}
        conn.execute(sa.text(
            "INSERT INTO documents (doc_id, version, content_hash, title, text, is_current, "
            "ingested_at, pending) VALUES ('old-doc', 1, 'h1', 'Old', 'Nine died in Teyma.', "
            ":t, :now, :f)"), {"t": True, "f": False, "now": now})
        pk = conn.execute(sa.text("SELECT pk FROM documents")).scalar()
        conn.execute(sa.text(
            "INSERT INTO claims (claim_id, document_pk, outcome, victims, low, high, qualifier,"
            " text, source, place, event_date, perpetrator, scope, span_start, span_end, "
            "sentence, sentence_start) VALUES ('c-old', :pk, 'killed', 'civilians', 9, 9, "
            "'exact', 'Nine died', 'a witness', 'Teyma', '2019-01-01', NULL, 'incident', 0, 9,"
            " 'Nine died in Teyma.', 0)"), {"pk": pk})
    engine.dispose()
    with Ledger(db_url) as ledger:  # opening it migrates to the head (0008 and on)
        (claim,) = ledger.claims()
        assert (claim.id, claim.low, claim.high, claim.source, claim.place, claim.event_date,
                claim.span, claim.sentence) == ("c-old", 9, 9, "a witness", "Teyma",
                                                "2019-01-01", (0, 9), "Nine died in Teyma.")
        assert claim.confidence is None and ledger.claim_confidences() == {}
        (doc,) = ledger.documents()
        assert (doc.id, doc.text) == ("old-doc", "Nine died in Teyma.")
        with ledger.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() \
                >= "0008_claim_confidence"
        list(ledger.ingest(reports()[:1]))  # new claims get their confidence beside it
        assert sorted((c.id == "c-old", c.confidence) for c in ledger.claims()) == [
            (False, 0.93), (True, None)]


def test_exports_carry_each_claims_confidence(tmp_path):
    import csv
    import io

    import pandas as pd

    url = f"sqlite:///{tmp_path / 'c.db'}"
    with Ledger(url) as ledger:
        list(ledger.ingest(reports()))
    api.resolve(db=url)
    rows = list(csv.DictReader(io.StringIO(api.export("claims", "csv", db=url).decode())))
    assert sorted((r["source"], r["confidence"]) for r in rows) == [
        ("a resident", "0.12"), ("a resident", "0.31"), ("the council", ""),
        ("the town's doctors", "0.93")]
    table = pd.read_parquet(io.BytesIO(api.export("claims", "parquet", db=url)))
    assert str(table["confidence"].dtype) == "float64"
    assert sorted(table["confidence"].dropna()) == [0.12, 0.31, 0.93]
