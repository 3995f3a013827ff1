"""The user's own places: ``civcas gazetteer add places.csv``.

Input CSV columns (header required, any order, case-insensitive):
``name``, ``alternate names`` (separated by ``|`` or ``;``; optional), ``lat``,
``lon``, ``admin1`` (a region name or GeoNames code such as ``SY.07``;
optional), ``country`` (ISO 3166 alpha-2 code or a country name).

Every row of the input is checked before anything is written; a bad row
raises :class:`~civcas.errors.PlacesFileError` naming the file, row and field,
and the stored file is left as it was. The stored file (setting
``user_places``) is a CSV of the same columns, rewritten atomically (a
temporary file then a rename). A place added again (same name, country and
admin1) replaces the stored one instead of adding a duplicate.
"""
from __future__ import annotations

import csv
import io
import logging
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import PlacesFileError
from ..records import PlacesAdded
from .normalize import exact_key

if TYPE_CHECKING:
    from .index import Gazetteer

log = logging.getLogger(__name__)

COLUMNS = ("name", "alternate_names", "lat", "lon", "admin1", "country")
_ALIASES = {"alternate names": "alternate_names", "alternatenames": "alternate_names",
            "alt_names": "alternate_names", "alternate_name": "alternate_names",
            "latitude": "lat", "longitude": "lon", "lng": "lon", "long": "lon"}
MAX_ROWS = 100_000


@dataclass(frozen=True)
class UserPlace:
    name: str
    alternate_names: tuple[str, ...]
    lat: float
    lon: float
    admin1: str  # as stored: the region's name ("" when none)
    admin1_code: str
    country: str  # ISO alpha-2

    @property
    def identity(self) -> tuple[str, str, str]:
        return (exact_key(self.name), self.country, self.admin1_code)

    def line(self) -> str:
        return "\t".join(["", self.name, str(self.lat), str(self.lon), self.country,
                          self.admin1_code, "", "P.PPL", "0", "user"])

    def csv_row(self) -> list[str]:
        return [self.name, "|".join(self.alternate_names), repr(self.lat), repr(self.lon),
                self.admin1, self.country]


def _header(fieldnames: Sequence[str] | None, path: Path) -> dict[str, str]:
    if not fieldnames:
        raise PlacesFileError("E511", path=path, columns=", ".join(COLUMNS))
    cols = {}
    for raw in fieldnames:
        name = (raw or "").strip().lower()
        name = _ALIASES.get(name, name.replace(" ", "_"))
        cols[name] = raw
    for need in ("name", "lat", "lon", "country"):
        if need not in cols:
            raise PlacesFileError("E512", path=path, column=need, columns=", ".join(COLUMNS))
    return cols


def _coord(value: str, field: str, bound: float, where: str) -> float:
    try:
        x = float(value.strip())
    except ValueError:
        raise PlacesFileError("E513", where=where, field=field, value=value) from None
    if not -bound <= x <= bound or x != x:
        raise PlacesFileError("E514", where=where, field=field, value=x, bound=bound)
    return x


def _country(value: str, gaz: Gazetteer, where: str) -> str:
    v = value.strip()
    if len(v) == 2 and v.upper() in gaz.countries:
        return v.upper()
    _level, found = gaz.find(v) if v else ("", [])
    for e in found:
        if e.feature == "A.PCLI":
            return e.country
    raise PlacesFileError("E515", where=where, value=value)


def _admin1(value: str, cc: str, gaz: Gazetteer, where: str) -> tuple[str, str]:
    v = value.strip()
    if not v:
        return "", ""
    if v.upper() in gaz.admin1 and v.upper().startswith(cc + "."):
        return gaz.admin1_name(v.upper()) or v, v.upper()
    _level, found = gaz.find(v)
    for e in found:
        if e.feature == "A.ADM1" and e.country == cc:
            return e.name, e.admin1_code
    raise PlacesFileError("E516", where=where, value=value, country=cc)


def parse(text: str, path: Path, gaz: Gazetteer) -> list[UserPlace]:
    """Every row of a places CSV, checked; raises PlacesFileError on the first bad one."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    cols = _header(reader.fieldnames, path)
    out = []
    for n, raw in enumerate(reader, start=2):
        where = f"{path}: row {n}"
        if n > MAX_ROWS:
            raise PlacesFileError("E517", where=where, limit=MAX_ROWS)
        if None in raw:
            raise PlacesFileError("E518", where=where)

        def get(field: str, raw: dict[str, str] = raw) -> str:
            return (raw.get(cols[field]) or "") if field in cols else ""

        if not any(v and v.strip() for v in raw.values()):
            continue  # blank line
        name = " ".join(get("name").split())
        if not name or not exact_key(name):
            raise PlacesFileError("E519", where=where)
        if len(name) > 200:
            raise PlacesFileError("E520", where=where, limit=200)
        alts = tuple(dict.fromkeys(
            " ".join(a.split()) for a in get("alternate_names").replace(";", "|").split("|")
            if a.strip()))
        lat = _coord(get("lat"), "lat", 90, where)
        lon = _coord(get("lon"), "lon", 180, where)
        cc = _country(get("country"), gaz, where)
        admin1, code = _admin1(get("admin1"), cc, gaz, where)
        out.append(UserPlace(name, alts, lat, lon, admin1, code or "", cc))
    return out


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlacesFileError("E521", path=path, reason=exc.reason, byte=exc.start) from None
    except OSError as exc:
        raise PlacesFileError("E522", path=path, action="read", reason=exc.strerror or exc) from None


def stored(path: Path, gaz: Gazetteer) -> list[UserPlace]:
    return parse(_read(path), path, gaz) if path.exists() else []


def stored_rows(path: Path, gaz: Gazetteer) -> tuple[list[str], list[list[str]]]:
    """Gazetteer rows and names of the stored user places."""
    places = stored(path, gaz)
    return [p.line() for p in places], [[p.name, *p.alternate_names] for p in places]


def add_places(csv_path: str | Path, gaz: Gazetteer, store: Path) -> PlacesAdded:
    """Check every row of ``csv_path``, then merge it into ``store`` atomically."""
    src = Path(csv_path)
    new = parse(_read(src), src, gaz)
    old = stored(store, gaz)
    merged = {p.identity: p for p in old}
    replaced = sum(1 for p in new if p.identity in merged)
    for p in new:
        merged[p.identity] = p
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for p in merged.values():
        w.writerow(p.csv_row())
    store.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".places-", suffix=".csv", dir=store.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(buf.getvalue())
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, store)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise PlacesFileError("E522", path=store, action="write", reason=exc.strerror or exc) from None
    log.info("%s: %d places added, %d replaced, %d stored", src, len(new) - replaced, replaced, len(merged))
    return PlacesAdded(len(new) - replaced, replaced, len(merged), store)
