"""The user's own places: civcas gazetteer add."""
from __future__ import annotations

import pytest

from civcas import geo
from civcas.errors import PlacesFileError

GOOD = """name,alternate names,lat,lon,admin1,country
Tal Qurmuz,Tell Qurmuz|Tal Kurmuz,34.61,40.93,Deir ez-Zor,SY
Khirbat Umm Zaytun,,36.02,37.51,Aleppo,Syria
"""


def write(tmp_path, text, name="places.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_added_places_resolve_from_then_on(tmp_path, user_places):
    assert geo.resolve("Tal Qurmuz", "Syria") is None
    report = geo.add_places(write(tmp_path, GOOD))
    assert (report.added, report.replaced, report.total) == (2, 0, 2)
    assert report.path == user_places and user_places.exists()
    p = geo.resolve("Tal Qurmuz", "Air strikes hit Syria.")
    assert p.origin == "user" and p.admin1 == "Deir ez-Zor" and p.country == "SY"
    assert (p.lat, p.lon) == (34.61, 40.93) and p.geonames_id is None
    assert geo.resolve("Tell Qurmuz").name == "Tal Qurmuz"  # alternate name
    assert geo.resolve("Tal Kurmoz").name == "Tal Qurmuz"  # and its spelling variants
    assert geo.is_known_place("Tal Qurmuz") == "village"
    assert geo.info()["user_places"] == 2


def test_adding_again_replaces_instead_of_duplicating(tmp_path, user_places):
    geo.add_places(write(tmp_path, GOOD))
    moved = GOOD.replace("34.61,40.93", "34.62,40.94")
    report = geo.add_places(write(tmp_path, moved, "again.csv"))
    assert (report.added, report.replaced, report.total) == (0, 2, 2)
    assert len(user_places.read_text().splitlines()) == 3  # header + 2
    assert [p.lat for p in geo.lookup("Tal Qurmuz")] == [34.62]


@pytest.mark.parametrize("row, field", [
    ("Bad Lat,,north,40.9,,SY", "lat"),
    ("Bad Lat,,95,40.9,,SY", "lat"),
    ("Bad Lon,,34.6,200,,SY", "lon"),
    (",,34.6,40.9,,SY", "name"),
    ("No Country,,34.6,40.9,,Atlantis", "country"),
    ("Bad Region,,34.6,40.9,Ruritania,SY", "admin1"),
])
def test_a_bad_row_names_file_row_and_field_and_stores_nothing(tmp_path, user_places, row, field):
    geo.add_places(write(tmp_path, GOOD))
    before = user_places.read_bytes()
    bad = write(tmp_path, GOOD + "Fine Place,,35.0,38.0,,SY\n" + row + "\n", "bad.csv")
    with pytest.raises(PlacesFileError) as err:
        geo.add_places(bad)
    msg = str(err.value)
    assert "bad.csv" in msg and "row 5" in msg and f"'{field}'" in msg
    assert user_places.read_bytes() == before  # nothing stored, nothing lost
    assert geo.resolve("Fine Place") is None or geo.resolve("Fine Place").origin != "user"


def test_missing_columns_and_unreadable_files(tmp_path):
    with pytest.raises(PlacesFileError, match="missing column 'lat'"):
        geo.add_places(write(tmp_path, "name,lon,country\nX,1,SY\n"))
    with pytest.raises(PlacesFileError, match="no header"):
        geo.add_places(write(tmp_path, ""))
    with pytest.raises(PlacesFileError, match="cannot read"):
        geo.add_places(tmp_path / "absent.csv")
    binary = tmp_path / "b.csv"
    binary.write_bytes(b"name,lat,lon,country\n\xff\xfe,1,2,SY\n")
    with pytest.raises(PlacesFileError, match="not UTF-8"):
        geo.add_places(binary)


def test_a_damaged_stored_file_is_reported_not_ignored(tmp_path, user_places):
    geo.add_places(write(tmp_path, GOOD))
    user_places.write_text(user_places.read_text() + "Broken,,x,y,,SY\n")
    geo.reload()
    with pytest.raises(PlacesFileError, match="places.csv: row 4: field 'lat'"):
        geo.resolve("Tal Qurmuz")
