#!/usr/bin/env python3
"""Build the list of common English words civcas uses to tell place names from headline words.

    pip install -c requirements.lock -e '.[geo-build]'
    python tools/build_wordlist.py             # writes src/civcas/extract/data/common_words.txt.gz

A word is kept when it is both
- frequent in English text: a Zipf frequency of at least ``--min-zipf`` (2.5: about once in three
  million words) in ``wordfreq`` 3.1.1, and
- an English dictionary word: its form, or its stem after a plain inflection (-s, -es, -ies, -ed,
  -ing, -ly, -er, -est), is a headword of GCIDE (the GNU Collaborative International Dictionary
  of English) in ``english-words`` 2.0.2.

Frequency keeps out rare dictionary words that are also village names ("Hass", "Hader"); the
dictionary keeps out frequent names ("Khalid", "Hara"). A few places survive both (Aleppo, Jordan,
Harem): the extractor asks the gazetteer first, so a known place is never a common word.

The output is deterministic: same packages, same bytes.
"""
from __future__ import annotations

import argparse
import gzip
from pathlib import Path

from english_words import get_english_words_set
from wordfreq import top_n_list, zipf_frequency

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "civcas" / "extract" / "data" / "common_words.txt.gz"
_ENDINGS = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""),
            ("s", ""), ("ly", ""), ("er", ""), ("est", ""))


def in_dictionary(word: str, headwords: set[str]) -> bool:
    if word in headwords:
        return True
    for ending, repl in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)] + repl
            if stem in headwords or (not repl and stem[-1] == stem[-2] and stem[:-1] in headwords):
                return True  # "shelling" -> "shell"
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--min-zipf", type=float, default=2.5)
    args = parser.parse_args()
    headwords = get_english_words_set(["gcide"], alpha=True, lower=True)
    words = sorted(w for w in top_n_list("en", 200000)
                   if w.isascii() and w.isalpha() and len(w) > 1
                   and zipf_frequency(w, "en") >= args.min_zipf and in_dictionary(w, headwords))
    data = ("\n".join(words) + "\n").encode("ascii")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", filename="", mtime=0) as fh:
        fh.write(data)
    print(f"{len(words)} words -> {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
