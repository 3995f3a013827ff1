#!/usr/bin/env python3
"""Geocoding speed: gazetteer load time, resolutions/s and is_known_place lookups/s.

- load: a fresh ``civcas.geo.index.load()`` (shipped data + user places), median of --repeat runs;
- resolve: ``civcas.geo.resolve(mention, context)`` over place mentions found in FA-KES
  articles (../shared/corpus/fa-kes.csv; a built-in list when absent), with the context
  of their article computed once beforehand (as the pipeline does); median of --repeat passes;
- is_known_place: the extractor's cheap check, on the same names.

Usage: python bench/geo_speed.py [--csv PATH] [--repeat 5] [--limit 200]
"""
from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from civcas import geo  # noqa: E402
from civcas.geo import context as _context  # noqa: E402
from civcas.geo import index  # noqa: E402

FALLBACK = ["Aleppo", "Deir Ezzor", "Dayr az Zawr", "Mayadin", "Al-Mayadeen", "Raqa", "Idleb",
            "Hajin", "Douma", "Homs", "Tal Qurmuz", "Suran", "zzqxj", "Syria", "Mosul"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--csv", default=str(ROOT.parent / "shared" / "corpus" / "fa-kes.csv"))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--limit", type=int, default=200, help="articles whose mentions are used")
    args = ap.parse_args()

    loads = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        index.load()
        loads.append(time.perf_counter() - start)
    gaz = index.get()

    work: list[tuple[str, _context.Context]] = []
    path = Path(args.csv)
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                if i >= args.limit:
                    break
                ctx = geo.text_context(f"{row['article_title']}\n{row['article_content']}")
                work.extend((m.text, ctx) for m in ctx.mentions)
                work.append(("Khirbat Zumurrud", ctx))  # an unknown village per article
    if not work:
        ctx = geo.text_context("Air strikes hit Syria's Deir ez-Zor province.")
        work = [(m, ctx) for m in FALLBACK] * 100
    names = [m for m, _c in work]

    rates, known_rates = [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for mention, ctx in work:
            geo.resolve(mention, ctx)
        rates.append(len(work) / (time.perf_counter() - start))
        gaz.__dict__.pop("_known", None)  # cold cache each pass
        start = time.perf_counter()
        for name in names:
            geo.is_known_place(name)
        known_rates.append(len(names) / (time.perf_counter() - start))
    resolved = sum(1 for m, c in work if geo.resolve(m, c) is not None)
    info = gaz.info()
    print(f"gazetteer: {info['places']} places, {info['keys']} keys, "
          f"{info['data_bytes'] / 1e6:.1f} MB shipped data")
    print(f"load time (median of {args.repeat}):        {statistics.median(loads):.3f} s"
          f"   (runs: {', '.join(f'{x:.3f}' for x in loads)})")
    print(f"resolutions/s (median of {args.repeat}):     {statistics.median(rates):,.0f}"
          f"   over {len(work)} mentions ({resolved} resolved)")
    print(f"is_known_place/s (median, cold cache): {statistics.median(known_rates):,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
