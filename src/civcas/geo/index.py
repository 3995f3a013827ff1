"""The gazetteer in memory: shipped GeoNames rows plus the user's own places.

The shipped data (``data/places.tsv.gz``, ``data/keys.tsv.gz``) is built by
``tools/build_gazetteer.py``; loading it is a dict of lookup keys -> row
numbers, with rows parsed on first use. User places (see :mod:`.userplaces`)
are appended after the shipped rows and indexed at load.
"""
from __future__ import annotations

import gzip
import logging
import math
import threading
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from ..errors import GazetteerError
from . import userplaces
from .normalize import LEVELS, SKEL, fold_key, keys

log = logging.getLogger(__name__)

REGION = frozenset("SY IQ TR LB JO IL PS SA IR KW YE EG".split())  # full detail in the data
FEATURE_PRECISION = {"A.PCLI": "country", "A.ADM1": "governorate", "A.ADM2": "district"}


class Entry(NamedTuple):
    """One gazetteer row."""

    row: int
    geonames_id: int | None
    name: str
    lat: float | None
    lon: float | None
    country: str
    admin1_code: str  # "SY.07"; "" for countries
    admin2: str
    feature: str  # GeoNames class.code: P.PPL, A.ADM1, A.ADM2, A.PCLI
    population: int
    origin: str = "geonames"

    @property
    def precision(self) -> str:
        return FEATURE_PRECISION.get(self.feature, "village")

    @property
    def rank(self) -> int:
        """Admin level, most general first: country 0, admin1 1, admin2 2, place 3."""
        return {"A.PCLI": 0, "A.ADM1": 1, "A.ADM2": 2}.get(self.feature, 3)

    @property
    def importance(self) -> float:
        """0..1: regions by level, places by population (2 million and up -> 1)."""
        if self.feature == "A.PCLI":
            return 1.0
        if self.feature == "A.ADM1":
            return 0.6
        if self.feature == "A.ADM2":
            return 0.4
        return min(1.0, math.log10(self.population + 10) / 6.3)


def _num(text: str) -> float | None:
    return float(text) if text else None


@dataclass
class Gazetteer:
    """Lookup keys -> rows. Use :func:`get` for the shared, lazily loaded instance."""

    lines: list[str]
    index: dict[str, str]
    user_path: Path | None = None
    shipped: int = 0
    load_seconds: float = 0.0

    def __post_init__(self) -> None:
        self._cache: dict[int, Entry] = {}
        self.shipped = self.shipped or len(self.lines)
        self.admin1: dict[str, int] = {}
        self.countries: dict[str, int] = {}
        for n, line in enumerate(self.lines):
            if "\tA.ADM1\t" in line or "\tA.PCLI\t" in line:
                e = self.entry(n)
                if e.feature == "A.ADM1":
                    self.admin1.setdefault(e.admin1_code, n)
                else:
                    self.countries.setdefault(e.country, n)

    @property
    def generic_words(self) -> frozenset[str]:
        """Fold keys of words that begin many multi-word names of the region ("Tal", "Deir",
        "Kafr", "Ain"...): alone, at the start of a longer name, they are not a place."""
        words = self.__dict__.get("_generic")
        if words is None:
            counts: dict[str, int] = {}
            for line in self.lines[: self.shipped]:
                f = line.split("\t", 5)
                if f[4] in REGION and " " in f[1]:
                    first = fold_key(f[1].split()[0])
                    counts[first] = counts.get(first, 0) + 1
            words = frozenset(w for w, n in counts.items() if n >= 8)
            self.__dict__["_generic"] = words
        return words

    def entry(self, row: int) -> Entry:
        e = self._cache.get(row)
        if e is None:
            f = self.lines[row].split("\t")
            e = Entry(row, int(f[0]) if f[0] else None, f[1], _num(f[2]), _num(f[3]), f[4], f[5],
                      f[6], f[7], int(f[8] or 0), f[9] if len(f) > 9 else "geonames")
            self._cache[row] = e
        return e

    def rows(self, key: str) -> list[int]:
        hit = self.index.get(key)
        return [int(x) for x in hit.split()] if hit else []

    def find(self, name: str, levels: tuple[str, ...] = LEVELS) -> tuple[str, list[Entry]]:
        """(level, entries) of the strictest key level of ``name`` with a hit; ("", []) if none
        (memoised: a report names the same places again and again; callers get their own list)."""
        memo = self.__dict__.setdefault("_find_memo", {})
        hit = memo.get((name, levels))
        if hit is None:
            hit = self._find(name, levels)
            if len(memo) < 100_000:
                memo[(name, levels)] = hit
        return hit[0], list(hit[1])

    def _find(self, name: str, levels: tuple[str, ...]) -> tuple[str, tuple[Entry, ...]]:
        for key in keys(name):
            if key[0] in levels:
                rows = self.rows(key)
                if rows:
                    return key[0], tuple(self.entry(r) for r in rows)
        return "", ()

    def match(self, name: str) -> list[tuple[str, Entry]]:
        """(level, entry) for exact and spelling-variant hits (vowel-variant ones only if none)."""
        memo = self.__dict__.setdefault("_match_memo", {})
        hit = memo.get(name)
        if hit is None:
            hit = self._match(name)
            if len(memo) < 100_000:
                memo[name] = hit
        return hit

    def _match(self, name: str) -> list[tuple[str, Entry]]:
        out: dict[int, str] = {}
        for key in keys(name):
            if key[0] == SKEL and out:
                break
            for r in self.rows(key):
                out.setdefault(r, key[0])
        return [(level, self.entry(r)) for r, level in out.items()]

    def admin1_name(self, code: str) -> str | None:
        row = self.admin1.get(code)
        return self.entry(row).name if row is not None else None

    def country_entry(self, cc: str) -> Entry | None:
        row = self.countries.get(cc)
        return self.entry(row) if row is not None else None

    def add_rows(self, lines: list[str], names: list[list[str]]) -> None:
        """Append rows (same columns as the shipped file) and index their names."""
        for memo in ("_match_memo", "_find_memo", "_plausible_memo", "_run_memo", "_known", "_arabic_memo"):
            self.__dict__.pop(memo, None)
        for line, nm in zip(lines, names):
            n = len(self.lines)
            self.lines.append(line)
            for name in dict.fromkeys(nm):
                for key in keys(name):
                    old = self.index.get(key)
                    self.index[key] = f"{old} {n}" if old else str(n)

    def info(self) -> dict[str, object]:
        data = resources.files(__package__) / "data"
        size = sum((data / f).stat().st_size for f in ("places.tsv.gz", "keys.tsv.gz"))  # type: ignore[attr-defined]
        return {
            "places": self.shipped, "user_places": len(self.lines) - self.shipped,
            "keys": len(self.index), "data_bytes": size, "data_dir": str(data),
            "user_file": str(self.user_path) if self.user_path else None,
            "load_seconds": round(self.load_seconds, 3),
        }


def _read_gz(name: str) -> str:
    try:
        blob = (resources.files(__package__) / "data" / name).read_bytes()
        return gzip.decompress(blob).decode("utf-8")
    except (OSError, EOFError) as exc:
        raise GazetteerError("E501", name=name, reason=exc) from None


# where the user's own places are kept unless told otherwise (setting ``user_places``)
USER_PLACES = Path("~/.local/share/civcas/places.csv")
_user_file = USER_PLACES.expanduser()

def user_file() -> Path:
    """Where ``civcas gazetteer add`` stores the user's places (:func:`use_user_places`)."""
    return _user_file


def use_user_places(path: Path) -> bool:
    """Read the user's places from ``path`` from now on; whether that is a new path (then
    the loaded gazetteer is stale: :func:`civcas.geo.use_user_places` reloads it)."""
    global _user_file
    path = Path(path).expanduser()
    if path == _user_file:
        return False
    _user_file = path
    return True


def load(user_path: Path | None = None) -> Gazetteer:
    """Read the shipped gazetteer and the user's places (a missing user file is fine)."""
    start = time.perf_counter()
    index = dict(line.split("\t", 1) for line in _read_gz("keys.tsv.gz").splitlines())
    lines = _read_gz("places.tsv.gz").splitlines()
    gaz = Gazetteer(lines, index)
    path = user_path if user_path is not None else user_file()
    gaz.user_path = path
    if path.exists():
        rows, names = userplaces.stored_rows(path, gaz)
        gaz.add_rows(rows, names)
    gaz.load_seconds = time.perf_counter() - start
    log.info("gazetteer loaded: %d places, %d keys in %.2f s", len(gaz.lines), len(index), gaz.load_seconds)
    return gaz


_LOCK = threading.Lock()
_SHARED: Gazetteer | None = None


def get() -> Gazetteer:
    """The shared gazetteer, loaded on first use."""
    global _SHARED
    if _SHARED is None:
        with _LOCK:
            if _SHARED is None:
                _SHARED = load()
    return _SHARED


def reset() -> None:
    """Forget the shared gazetteer (after adding places, or a settings change)."""
    global _SHARED
    with _LOCK:
        _SHARED = None
