#!/usr/bin/env python3
"""Our own annotations of more FA-KES articles, one data file per set, kept without the articles' words.

Sets (`--set`, default fakes-x):
  fakes-x  60 articles, annotated before the Hard cases of GUIDE.md were settled; headline-only
           figures were left out. Used to fit the decisions (`tools/train_decisions.py --extra`).
  fakes-y  40 articles chosen at random (random.Random(20261207)) among those in no other set, annotated
           on 2026-12-07 by reading each article before any civcas run, by GUIDE.md with its Hard cases.
           A validation set: never fit or tune on it, and report only its figures, not its errors.
  fakes-z  40 articles chosen at random (random.Random(20261208)) among those in no other set, annotated
           on 2026-12-07 the same way (read before any civcas run, GUIDE.md with its Hard cases). A development
           and training set: fit weights on it (`--extra`) and read its errors.

The project may not hold corpus text, so `tools/data/<set>.json` stores each claim's fields with
its `text` replaced by character offsets into the article's `article_content` (or title) in
`../shared/corpus/fa-kes.csv`. `unpack` rebuilds, in a folder of your choice, the corpus files
("title\\n\\ncontent", as the shared corpora are written) and the gold files (GUIDE.md's format) that
`tools/train_decisions.py --extra fakes-x=CORPUS:GOLD` and `../shared/eval/score.py` read.

    python tools/extra_gold.py unpack /tmp/fakes-x                          # -> /tmp/fakes-x/corpus, /gold
    python tools/extra_gold.py unpack /tmp/fakes-y --set fakes-y
    python tools/extra_gold.py unpack /tmp/fakes-z --set fakes-z
    python tools/extra_gold.py pack CORPUS_DIR GOLD_DIR --set fakes-y       # (how a data file was made)
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "tools" / "data"
CSV = ROOT.parent / "shared" / "corpus" / "fa-kes.csv"
SETS = {
    "fakes-x": "Our own annotations of 60 more FA-KES articles (\"fakes-x\"), kept without the articles' words.",
    "fakes-y": "Our own annotations of 40 more FA-KES articles (\"fakes-y\", a validation set), kept without "
               "the articles' words.",
    "fakes-z": "Our own annotations of 40 more FA-KES articles (\"fakes-z\", a development and training set), "
               "kept without the articles' words.",
}
_LEAD = ("outcome", "victims", "low", "high", "qualifier")


def data_path(name: str) -> Path:
    return DATA_DIR / f"{name}.json"


def _rows(path: Path) -> dict[str, dict]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["unit_id"]: r for r in csv.DictReader(fh)}


def _where(text: str, row: dict) -> tuple[str, int]:
    """The field ("content" first, else "title") holding `text`, and where it starts."""
    for where in ("content", "title"):
        start = row[f"article_{where}"].find(text)
        if start >= 0:
            return where, start
    raise ValueError(f"fakes-{row['unit_id']}: text not in the article: {text!r}")


def pack(corpus: Path, gold: Path, csv_path: Path, data: Path, about: str) -> int:
    """`corpus` is not read: the articles come from the CSV; it names the folder the gold was made on."""
    rows = _rows(csv_path)
    out = []
    for g in sorted(gold.glob("*.json")):
        doc = json.loads(g.read_text(encoding="utf-8"))
        row = rows[doc["id"].removeprefix("fakes-")]
        claims = []
        for c in doc["claims"]:
            c = dict(c)
            text = c.pop("text")
            where, start = _where(text, row)
            claims.append({**c, "at": [where, start, start + len(text)]})
        out.append({"id": doc["id"], "published": doc.get("published"), "claims": claims})
    data.parent.mkdir(parents=True, exist_ok=True)
    data.write_text(json.dumps({"about": about, "documents": out}, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(out)} documents, {sum(len(d['claims']) for d in out)} claims -> {data}")
    return 0


def _claim(c: dict, text: str) -> dict:
    """The claim in GUIDE.md's field order: outcome, victims, low, high, qualifier, text, then the rest."""
    rest = {k: v for k, v in c.items() if k not in _LEAD and k != "at"}
    return {**{k: c[k] for k in _LEAD}, "text": text, **rest}


def unpack(dest: Path, csv_path: Path, data: Path) -> int:
    if not csv_path.is_file():
        print(f"extra_gold: {csv_path}: not found (pass --csv)", file=sys.stderr)
        return 2
    rows = _rows(csv_path)
    documents = json.loads(data.read_text(encoding="utf-8"))["documents"]
    (dest / "corpus").mkdir(parents=True, exist_ok=True)
    (dest / "gold").mkdir(parents=True, exist_ok=True)
    for doc in documents:
        row = rows[doc["id"].removeprefix("fakes-")]
        (dest / "corpus" / f"{doc['id']}.txt").write_text(f"{row['article_title']}\n\n{row['article_content']}",
                                                          encoding="utf-8")
        claims = []
        for c in doc["claims"]:
            where, s, e = c["at"]
            claims.append(_claim(c, row[f"article_{where}"][s:e]))
        gold = {"id": doc["id"], "published": doc["published"], "claims": claims}
        (dest / "gold" / f"{doc['id']}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"{len(documents)} documents -> {dest}/corpus, {dest}/gold")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n".join(__doc__.splitlines()[2:12]))
    ap.add_argument("--csv", type=Path, default=CSV)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("pack")
    p.add_argument("corpus", type=Path)
    p.add_argument("gold", type=Path)
    u = sub.add_parser("unpack")
    u.add_argument("dest", type=Path)
    for s in (p, u):
        s.add_argument("--set", dest="set_name", choices=sorted(SETS), default="fakes-x",
                       help="which annotation set (default fakes-x)")
        s.add_argument("--csv", type=Path, default=argparse.SUPPRESS, help="the FA-KES CSV (default %(default)s)")
    args = ap.parse_args(argv)
    data = data_path(args.set_name)
    if args.cmd == "pack":
        return pack(args.corpus, args.gold, args.csv, data, SETS[args.set_name])
    return unpack(args.dest, args.csv, data)


if __name__ == "__main__":
    raise SystemExit(main())
