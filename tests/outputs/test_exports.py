"""Exports: every level, format and layout loads into pandas, GeoJSON is valid, CSV is safe."""
from __future__ import annotations

import io
import json

import pytest
from conftest import parquet_one_group

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


@pytest.mark.parametrize("level,layout", TABLES)
def test_parquet_in_row_groups_reads_back_as_the_one_group_file(level, layout):
    """Parquet written a row group at a time (decisions §15.15): the same schema and values as
    the whole table written at once; a table of one group is the same bytes."""
    import pyarrow.parquet as pq

    from civcas.outputs.formats import parquet_into

    t = table(SNAP, level, layout)
    whole = parquet_one_group(t)
    assert export_bytes(SNAP, level, "parquet", layout) == whole
    sink = io.BytesIO()
    parquet_into(t, sink, group_rows=3)
    grouped = pq.ParquetFile(io.BytesIO(sink.getvalue()))
    assert grouped.num_row_groups == -(-len(t.rows) // 3) > 1
    assert pq.ParquetFile(io.BytesIO(whole)).num_row_groups == 1
    assert grouped.schema_arrow == pq.read_schema(io.BytesIO(whole))
    assert grouped.read().equals(pq.read_table(io.BytesIO(whole)))


def test_a_parquet_table_larger_than_a_group_is_written_in_several():
    import datetime as dt

    import pyarrow.parquet as pq

    from civcas.outputs.formats import ROW_GROUP_ROWS
    from civcas.outputs.rows import TALLY_COLUMNS

    n = 2 * ROW_GROUP_ROWS + 7
    rows = tuple({"asserter": f"Monitor {i % 7}", "belligerent": None if i % 5 else "Army",
                  "low": i, "high": None if i % 3 else i + 2,
                  "as_of": dt.date(2019, 1, 1) + dt.timedelta(days=i % 900),
                  "period": "ألوية" if i % 11 == 0 else None} for i in range(n))
    t = Table("tallies", TALLY_COLUMNS, rows)
    grouped = write(t, "parquet")
    f = pq.ParquetFile(io.BytesIO(grouped))
    assert f.num_row_groups == 3
    assert [f.metadata.row_group(k).num_rows for k in range(3)] == [
        ROW_GROUP_ROWS, ROW_GROUP_ROWS, 7]
    assert f.read().equals(pq.read_table(io.BytesIO(parquet_one_group(t))))
    one = Table("tallies", TALLY_COLUMNS, rows[:ROW_GROUP_ROWS])  # one group, several batches
    assert write(one, "parquet") == parquet_one_group(one)


def test_a_parquet_table_of_one_group_is_the_same_bytes_with_long_texts():
    """Batches of Arrow columns cut where the writer's own batches are: a long text column's
    data pages (1 MB) and dictionary fall back where the whole table's did."""
    from civcas.outputs.rows import TALLY_COLUMNS

    rows = tuple({"asserter": f"Monitor {i}", "period": f"since {i} " + "the war began " * 30,
                  "low": i} for i in range(9_000))
    t = Table("tallies", TALLY_COLUMNS, rows)
    assert write(t, "parquet") == parquet_one_group(t)


def test_a_parquet_stream_failing_part_way_is_no_whole_file():
    """Into a stream (stdout), a Parquet export that fails after some row groups has no footer:
    what was written never reads as a whole, shorter file."""
    import pyarrow.parquet as pq

    from civcas.outputs.formats import parquet_into

    t = table(SNAP, "claims", None)

    def failing():
        for k, row in enumerate(t.rows):
            if k == 7:
                raise RuntimeError("the server went away")
            yield row

    sink = io.BytesIO()
    with pytest.raises(RuntimeError):
        parquet_into(Table("claims", t.columns, failing()), sink, group_rows=2)
    assert sink.getvalue().startswith(b"PAR1") and len(sink.getvalue()) > 1000  # three groups
    with pytest.raises(Exception, match="(?i)parquet|footer|magic|size"):
        pq.read_table(io.BytesIO(sink.getvalue()))
