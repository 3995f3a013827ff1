"""Migration 0009: one ``places`` row per gazetteer entry, the mention (precision, confidence,
note) on the claim, focus or incident that uses it. A 0007-style ledger with one row per
(entry, mention, confidence, ...) upgrades without any claim, focus or incident losing its
place, and later ingests reuse the entry's row."""
from __future__ import annotations

from alembic import command
from alembic.config import Config
from conftest import make_result
from sqlalchemy import func, select, text

from civcas.records import Place
from civcas.store import Ledger
from civcas.store.engine import MIGRATIONS, create
from civcas.store.models import PlaceRow

SARAQIB = dict(name="Saraqib", lat=35.86, lon=36.8, country="SY", admin1="Idlib",
               admin2="Saraqib District", geonames_id=163115, feature="P.PPL", origin="geonames")
ARIHA = dict(name="Ariha", lat=35.81, lon=36.61, country="SY", admin1="Idlib", admin2=None,
             geonames_id=173193, feature="P.PPLA2", origin="geonames")
GHOUTA = dict(name="Eastern Ghouta", lat=None, lon=None, country="SY", admin1=None, admin2=None,
              geonames_id=None, feature=None, origin="mention")
# how each old row used its entry: (entry, precision, confidence, mention, note)
OLD_ROWS = {
    1: (SARAQIB, "village", 0.8, "Saraqib", None),
    2: (SARAQIB, "village", 0.61, "the town of Saraqib", None),
    3: (SARAQIB, "district", 0.4, "Tell Hamra", "not in the gazetteer; placed at Saraqib"),
    4: (ARIHA, "village", 0.9, "Ariha", None),
    5: (GHOUTA, "region", 0.0, "Eastern Ghouta", None),
    6: (SARAQIB, "village", 0.8, "Saraqib", None),  # a copy: the old upsert race could leave one
}


def _place(pk: int) -> Place:
    entry, precision, confidence, mention, note = OLD_ROWS[pk]
    return Place(**entry, precision=precision, confidence=confidence, mention=mention, note=note)


def _alembic(url: str, target: str, down: bool = False) -> None:
    engine = create(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, target)
    engine.dispose()


def _old_ledger(url: str) -> None:
    """A ledger at 0007 whose places table has a row per use of an entry."""
    _alembic(url, "0007_scale")
    engine = create(url)
    with engine.begin() as c:
        for pk, (entry, precision, confidence, mention, note) in OLD_ROWS.items():
            c.execute(text(
                'INSERT INTO places (pk, key, name, lat, lon, country, admin1, admin2, geonames_id,'
                ' feature, "precision", confidence, mention, origin, note) VALUES (:pk, :key, :name,'
                ' :lat, :lon, :country, :admin1, :admin2, :geonames_id, :feature, :precision,'
                ' :confidence, :mention, :origin, :note)'),
                {**entry, "pk": pk, "key": f"old{pk}", "precision": precision,
                 "confidence": confidence, "mention": mention, "note": note})
        for pk, focus in ((1, 2), (2, 4), (3, None)):
            c.execute(text(
                "INSERT INTO documents (pk, doc_id, version, content_hash, title, text, published,"
                " focus_pk, is_current, ingested_at, pending) VALUES (:pk, :id, 1, :h, '', 'x',"
                " NULL, :focus, :t, '2020-01-01 00:00:00', :f)"),
                {"pk": pk, "id": f"d{pk}", "h": f"h{pk}", "focus": focus, "t": True, "f": False})
        for pk, (doc, place) in enumerate(((1, 1), (1, 2), (2, 3), (2, 4), (3, 6), (3, None)), 1):
            c.execute(text(
                "INSERT INTO claims (pk, claim_id, document_pk, outcome, victims, low, high,"
                " qualifier, text, source, scope, span_start, span_end, sentence, sentence_start,"
                " place_pk) VALUES (:pk, :cid, :doc, 'killed', 'civilians', 3, 3, 'exact', 'three',"
                " 'medics', 'incident', 0, 5, 'three', 0, :place)"),
                {"pk": pk, "cid": f"c{pk}", "doc": doc, "place": place})
        for i, place in enumerate((3, 5, None)):
            c.execute(text(
                "INSERT INTO incidents (id, event_date, date_precision, place_pk, perpetrators,"
                " document_ids, title, position) VALUES (:id, '2018-03-01', 'day', :place, '[]',"
                " '[]', '', :i)"), {"id": f"i{i}", "place": place, "i": i})
        if c.dialect.name == "postgresql":  # rows given their pk: move the sequences past them
            for table in ("places", "documents", "claims"):
                c.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'pk'), "
                               f"(SELECT max(pk) FROM {table}))"))
    engine.dispose()


CLAIM_PLACES = {"c1": 1, "c2": 2, "c3": 3, "c4": 4, "c5": 6, "c6": None}


def _check(url: str) -> None:
    with Ledger(url) as ledger:
        got = {c.id: c.geo for c in ledger.claims()}
        assert got == {c: (_place(pk) if pk else None) for c, pk in CLAIM_PLACES.items()}
        assert ledger.focus() == {"d1": _place(2), "d2": _place(4)}
        assert {i.id: i.place for i in ledger.incidents()} == {
            "i0": _place(3), "i1": _place(5), "i2": None}
        with ledger._session() as s:
            names = sorted(s.scalars(select(PlaceRow.name)))
        assert names == ["Ariha", "Eastern Ghouta", "Saraqib"]  # one row per entry


def test_upgrade_keeps_every_place_and_mention_with_one_row_per_entry(db_url):
    _old_ledger(db_url)
    _check(db_url)  # Ledger() migrates to the head
    # a later ingest naming Saraqib another way reuses its row
    text_ = "Shelling killed four civilians in Saraqib."
    again = Place(**SARAQIB, precision="village", confidence=0.7, mention="Saraqib city")
    result = make_result("d9", text_, [{"phrase": "four civilians", "low": 4, "high": 4,
                                        "geo": again}], focus=again)
    with Ledger(db_url) as ledger:
        list(ledger.ingest([result]))
        with ledger._session() as s:
            assert s.scalar(select(func.count()).select_from(PlaceRow)) == 3
        assert [c.geo for c in ledger.claims() if c.document_id == "d9"] == [again]
        assert ledger.focus()["d9"] == again


def test_downgrade_and_upgrade_again_lose_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'l.db'}"
    _old_ledger(url)
    _alembic(url, "head")
    _alembic(url, "0007_scale", down=True)
    engine = create(url)
    with engine.connect() as c:  # the old shape: one row per distinct use, old-style columns
        rows = c.execute(text('SELECT name, "precision", confidence, mention FROM places')).all()
    engine.dispose()
    assert sorted(rows) == sorted({(e["name"], p, cf, m) for e, p, cf, m, _n in OLD_ROWS.values()})
    _check(url)
