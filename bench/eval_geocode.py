#!/usr/bin/env python3
"""Document focus vs FA-KES crowd-sourced locations, with geotext side by side.

For each of the 804 rows of ../shared/corpus/fa-kes.csv, run the real
pipeline (``civcas.api.extract_paths`` on the CSV: ingest, extraction, geo)
and compare the document's ``focus.admin1`` with the row's ``location`` (a
Syrian governorate or its capital; "damascus" also accepts Rif Dimashq).

Naive baseline: geotext (a gazetteer matcher on cities15000): the first city
it finds in the title+body, mapped to its governorate with civcas's own index
(resolved as a Syrian place, the fairest mapping we could give it).

Usage: python bench/eval_geocode.py [--csv PATH] [--show-errors N] [--limit N]
Exits 2 when the CSV is absent.
"""
from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from civcas import api, geo  # noqa: E402
from civcas.records import ExtractionResult  # noqa: E402

COLUMNS = {"id": "unit_id", "title": "article_title", "text": "article_content",
           "date": "date", "outlet": "source"}


def label_regions(label: str) -> set[str]:
    """Admin1 names a FA-KES location label stands for."""
    place = geo.resolve(f"{label} province", "Syria")
    names = {place.admin1} if place and place.admin1 else set()
    if label.strip().lower() == "damascus":
        rif = geo.resolve("Rif Dimashq province", "Syria")
        if rif and rif.admin1:
            names.add(rif.admin1)
    return names


def geotext_admin1(text: str) -> str | None:
    from geotext import GeoText

    for city in GeoText(text).cities:
        place = geo.resolve(city, "Syria")
        if place and place.admin1:
            return place.admin1
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--csv", default=str(ROOT.parent / "shared" / "corpus" / "fa-kes.csv"))
    ap.add_argument("--show-errors", type=int, default=0, metavar="N")
    ap.add_argument("--no-geotext", action="store_true")
    args = ap.parse_args()
    path = Path(args.csv)
    if not path.exists():
        print(f"eval_geocode: {path} not found", file=sys.stderr)
        return 2
    rows = {r["unit_id"]: r for r in csv.DictReader(path.open(encoding="utf-8"))}
    labels = {lab: label_regions(lab) for lab in {r["location"] for r in rows.values()}}
    missing = [lab for lab, names in labels.items() if not names]
    if missing:
        print(f"eval_geocode: labels the gazetteer cannot map: {missing}", file=sys.stderr)

    start = time.perf_counter()
    results = [r for r in api.extract_paths([path], columns=COLUMNS) if isinstance(r, ExtractionResult)]
    secs = time.perf_counter() - start
    ok = Counter()
    errors = []
    via = Counter()
    for res in results:
        row = rows.get(res.document.id)
        if row is None:
            continue
        want = labels[row["location"]]
        got = res.focus.admin1 if res.focus else None
        kind = "claims" if any(c.geo for c in res.claims) else "text" if res.focus else "none"
        via[kind] += 1
        ok["civcas"] += got in want
        ok[f"civcas/{kind}"] += got in want
        if got not in want:
            errors.append((res.document.id, row["location"], got, kind, res.document.title[:70]))
        if not args.no_geotext:
            gt = geotext_admin1(f"{row['article_title']}\n{row['article_content']}")
            ok["geotext"] += gt in want
    n = len(results)
    print(f"articles: {n} of {len(rows)} read; pipeline {secs:.1f} s")
    print(f"{'system':28} {'correct':>8} {'accuracy':>9}")
    print(f"{'civcas focus.admin1':28} {ok['civcas']:>8} {ok['civcas'] / n:>9.3f}")
    for kind in ("claims", "text", "none"):
        if via[kind]:
            print(f"{'  focus from ' + kind:28} {ok['civcas/' + kind]:>8} {ok['civcas/' + kind] / via[kind]:>9.3f}"
                  f"  (of {via[kind]})")
    if not args.no_geotext:
        print(f"{'geotext first city':28} {ok['geotext']:>8} {ok['geotext'] / n:>9.3f}")
    for e in errors[: args.show_errors]:
        print("  miss:", *e, sep=" | ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
