#!/usr/bin/env python3
"""Build the list of common Arabic words civcas uses to tell an unknown place name from a word.

    pip install -c requirements.lock -e '.[geo-build]'
    python tools/build_wordlist_ar.py          # writes src/civcas/extract/data/common_words_ar.txt.gz

A word is kept when its Zipf frequency in Arabic text is at least ``--min-zipf`` (3.5: about once
in three hundred thousand words) in ``wordfreq`` 3.1.1; words are stored folded as the Arabic reader
folds them (civcas.vocab.arabic.fold: one alef, hamza seats, ta marbuta as ha, alef maqsura as ya),
so "المدينة" and "المدينه" are one entry. Well-known places are frequent too (دمشق، حلب): the
reader asks the gazetteer first and consults this list only for a name the gazetteer lacks
("شرق الشجاعية": the quarter, "شرق البلاد": "the country", a word).

The output is deterministic: same packages, same bytes.
"""
from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from civcas.vocab.arabic import fold  # noqa: E402

OUT = ROOT / "src" / "civcas" / "extract" / "data" / "common_words_ar.txt.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--min-zipf", type=float, default=3.5)
    args = parser.parse_args()
    words = sorted({fold(w) for w in top_n_list("ar", 100000)
                    if " " not in w and zipf_frequency(w, "ar") >= args.min_zipf
                    and all("\u0621" <= c <= "\u064a" for c in fold(w))})
    data = ("\n".join(words) + "\n").encode("utf-8")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", filename="", mtime=0) as fh:
        fh.write(data)
    print(f"{len(words)} words -> {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
