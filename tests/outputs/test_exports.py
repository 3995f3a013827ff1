"""Exports: every level, format and layout loads into pandas, GeoJSON is valid, CSV is safe."""
from __future__ import annotations

import io
import json

import pytest

from civcas.errors import ConfigError
from civcas.outputs import FORMATS, all_columns, export_bytes, table
from civcas.outputs.formats import neutralise, write
from civcas.outputs.rows import Table

from .fixtures import HOSTILE, INCIDENTS, make_snapshot

pd = pytest.importorskip("pandas")

SNAP = make_snapshot()
TABLES = [("claims", None), ("incidents", None), ("incidents", "acled"), ("incidents", "ucdp"),
          ("tallies", None)]


def _frame(level, layout, fmt):
    data = export_bytes(SNAP, level, fmt, layout)
    if fmt == "csv":
        return pd.read_csv(io.BytesIO(data))
    if fmt == "json":
        return pd.read_json(io.BytesIO(data), orient="records", dtype=False)
    return pd.read_parquet(io.BytesIO(data))


@pytest.mark.parametrize("level,layout", TABLES)
@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_loads_into_pandas_with_one_row_per_record(level, layout, fmt):
    df = _frame(level, layout, fmt)
    expected = table(SNAP, level, layout)
    assert list(df.columns) == expected.names
    assert len(df) == len(expected.rows) == {"claims": 10, "incidents": 6, "tallies": 8}[level]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_dtypes_are_sane(fmt):
    df = _frame("incidents", None, fmt)
    for col in ("latitude", "longitude", "killed_low", "killed_best", "killed_high", "n_claims"):
        assert pd.api.types.is_numeric_dtype(df[col]), col
    assert df["n_claims"].tolist() == [4, 1, 1, 1, 1, 1]
    assert df["incident_id"].tolist() == [i.id for i in INCIDENTS]
    raqqa = df.set_index("incident_id").loc["inc-raqqa-0304"]
    assert (raqqa["killed_low"], raqqa["killed_best"], raqqa["killed_high"]) == (9, 14, 18)
    assert pd.isna(df.set_index("incident_id").loc["inc-nowhere-0801", "latitude"])


def test_parquet_keeps_dates_and_integers():
    import pyarrow.parquet as pq

    schema = pq.read_schema(io.BytesIO(export_bytes(SNAP, "incidents", "parquet", "ucdp")))
    assert str(schema.field("date_start").type) == "date32[day]"
    assert str(schema.field("best").type) == "int64"
    assert str(schema.field("latitude").type) == "double"


def test_acled_and_ucdp_layouts():
    acled = _frame("incidents", "acled", "csv").set_index("event_id_cnty")
    row = acled.loc["inc-idlib-0708"]
    assert row["event_date"] == "2024-07-08" and row["time_precision"] == 2
    assert row["geo_precision"] == 3 and row["fatalities"] == 10
    assert row["actor1"] == "Coalition; Russian forces"
    assert acled.loc["inc-hit-0614", "actor1"] == "Unidentified"
    ucdp = _frame("incidents", "ucdp", "csv").set_index("id")
    m = ucdp.loc["inc-mosul-0501"]
    assert (m["low"], m["best"], m["high"], m["deaths_civilians"]) == (25, 25, 40, 25)
    assert m["date_prec"] == 1 and m["where_prec"] == 1 and m["adm_1"] == "Nineveh"
    assert pd.isna(ucdp.loc["inc-tabqa-0410", "deaths_civilians"])  # "people", not civilians
    assert ucdp.loc["inc-idlib-0708", "where_prec"] == 4


def test_tallies_tell_admissions_from_monitors():
    df = _frame("tallies", None, "csv")
    kinds = dict(zip(zip(df["asserter"], df["as_of"]), df["kind"]))
    assert kinds[("Coalition", "2024-08-01")] == "admission"
    assert kinds[("Civil Monitor Group", "2024-08-01")] == "monitor"


@pytest.mark.parametrize("level", ["claims", "incidents"])
def test_geojson_is_a_feature_collection_in_lon_lat_order(level):
    doc = json.loads(export_bytes(SNAP, level, "geojson"))
    assert doc["type"] == "FeatureCollection"
    rows = table(SNAP, level).rows
    located = [r for r in rows if r["latitude"] is not None]
    assert len(doc["features"]) == len(located)
    assert doc["civcas:omitted"] == len(rows) - len(located) > 0
    for f, r in zip(doc["features"], located):
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        assert f["geometry"]["coordinates"] == [r["longitude"], r["latitude"]]
        assert "latitude" not in f["properties"]
    mosul = next(f for f in doc["features"] if f["properties"].get("location") == "Mosul")
    lon, lat = mosul["geometry"]["coordinates"]
    assert 42 < lon < 44 and 36 < lat < 37  # Mosul, not the Indian Ocean


def test_csv_neutralises_formulas_from_article_text():
    text = export_bytes(SNAP, "claims", "csv").decode("utf-8")
    df = pd.read_csv(io.StringIO(text), dtype=str)
    sentences = df["sentence"].dropna().tolist()
    assert any(s.startswith("'=HYPERLINK") for s in sentences)
    assert not any(s.startswith(("=", "+", "-", "@")) for col in df.columns
                   for s in df[col].dropna())
    tallies = export_bytes(SNAP, "tallies", "csv").decode("utf-8")
    assert "'=cmd|" in tallies and "\n=cmd" not in tallies and ",=cmd" not in tallies


def test_csv_keeps_negative_numbers_as_numbers():
    assert neutralise("-12") == "'-12"  # text cells only; numeric columns are not text
    from civcas.outputs.formats import to_csv
    from civcas.outputs.rows import Table

    out = to_csv(Table("t", (("longitude", "float"), ("note", "str")),
                       ({"longitude": -3.5, "note": "+1 more"},))).decode()
    assert out.splitlines()[1] == "-3.5,'+1 more"


def test_hostile_text_survives_round_trip_as_data():
    df = _frame("incidents", None, "json")
    assert HOSTILE in df.set_index("incident_id").loc["inc-tabqa-0410", "title"]


@pytest.mark.parametrize("level,fmt,layout,message", [
    ("victims", "csv", None, "--level"),
    ("claims", "xlsx", None, "--format"),
    ("incidents", "csv", "gdelt", "--layout"),
    ("claims", "csv", "acled", "incidents only"),
    ("tallies", "geojson", None, "coordinates"),
])
def test_bad_options_raise_config_error(level, fmt, layout, message):
    with pytest.raises(ConfigError, match=message):
        export_bytes(SNAP, level, fmt, layout)


def test_every_format_is_exported():
    assert set(FORMATS) == {"csv", "json", "geojson", "parquet"}
    assert set(all_columns()) == {"claims", "incidents", "incidents/acled", "incidents/ucdp",
                                  "tallies"}


def test_empty_ledger_exports_headers_only():
    from civcas.records import LedgerSnapshot

    empty = LedgerSnapshot()
    assert export_bytes(empty, "incidents", "csv").decode().count("\n") == 1
    assert json.loads(export_bytes(empty, "claims", "geojson"))["features"] == []
    assert len(pd.read_parquet(io.BytesIO(export_bytes(empty, "tallies", "parquet")))) == 0


def test_rows_written_one_at_a_time_are_the_whole_documents_bytes():
    """JSON and GeoJSON written a row at a time (decisions §15.13) are json.dumps of the whole
    list and collection: line breaks, quotes, U+2028, Arabic and no rows at all."""
    cols = (("name", "str"), ("latitude", "float"), ("longitude", "float"), ("n", "int"))
    texts = ["a\nb", 'say "x"', "line\u2028sep", "حلب", "", "\\", "\t=1"]
    rows = tuple({"name": t, "latitude": (None if k % 3 == 0 else 36.2 + k),
                  "longitude": -1.5 * k, "n": k} for k, t in enumerate(texts))
    for chosen in (rows, rows[:1], ()):
        t = Table("t", cols, chosen)
        records = [dict(r) for r in chosen]
        assert export_json(t) == (json.dumps(records, ensure_ascii=False, indent=1) + "\n").encode()
        features = [{"type": "Feature", "geometry": {"type": "Point",
                                                     "coordinates": [r["longitude"], r["latitude"]]},
                     "properties": {"name": r["name"], "n": r["n"]}}
                    for r in records if r["latitude"] is not None]
        want = {"type": "FeatureCollection", "features": features,
                "civcas:omitted": len(records) - len(features)}
        assert export_geojson(t) == (json.dumps(want, ensure_ascii=False) + "\n").encode()
        # a table whose rows are made as they are read gives the same bytes
        assert export_json(Table("t", cols, iter(chosen))) == export_json(t)


def export_json(t):
    return write(t, "json")


def export_geojson(t):
    return write(t, "geojson")
