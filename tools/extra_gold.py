#!/usr/bin/env python3
"""Our own annotations of 60 more FA-KES articles ("fakes-x"), kept without the articles' words.

The project may not hold corpus text, so `tools/data/fakes-x.json` stores each claim's fields with
its `text` replaced by character offsets into the article's `article_content` (or title) in
`../shared/corpus/fa-kes.csv`. `unpack` rebuilds, in a folder of your choice, the corpus files
("title\\n\\ncontent", as the shared corpora are written) and the gold files (GUIDE.md's format) that
`tools/train_decisions.py --extra fakes-x=CORPUS:GOLD` and `../shared/eval/score.py` read.

    python tools/extra_gold.py unpack /tmp/fakes-x            # -> /tmp/fakes-x/corpus, /tmp/fakes-x/gold
    python tools/extra_gold.py pack CORPUS_DIR GOLD_DIR        # (how the data file was made)

The annotation followed ../shared/gold/GUIDE.md, with one known difference: figures given only in
a headline were left out.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tools" / "data" / "fakes-x.json"
CSV = ROOT.parent / "shared" / "corpus" / "fa-kes.csv"


def _rows(path: Path) -> dict[str, dict]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["unit_id"]: r for r in csv.DictReader(fh)}


def pack(corpus: Path, gold: Path, csv_path: Path) -> int:
    rows = _rows(csv_path)
    out = []
    for g in sorted(gold.glob("*.json")):
        doc = json.loads(g.read_text(encoding="utf-8"))
        row = rows[doc["id"].removeprefix("fakes-")]
        claims = []
        for c in doc["claims"]:
            c = dict(c)
            text = c.pop("text")
            where = "content" if text in row["article_content"] else "title"
            start = row[f"article_{where}"].index(text)
            claims.append({**c, "at": [where, start, start + len(text)]})
        out.append({"id": doc["id"], "published": doc.get("published"), "claims": claims})
    DATA.parent.mkdir(parents=True, exist_ok=True)
    DATA.write_text(json.dumps({"about": __doc__.splitlines()[0], "documents": out}, ensure_ascii=False, indent=1),
                    encoding="utf-8")
    print(f"{len(out)} documents, {sum(len(d['claims']) for d in out)} claims -> {DATA}")
    return 0


def unpack(dest: Path, csv_path: Path) -> int:
    if not csv_path.is_file():
        print(f"extra_gold: {csv_path}: not found (pass --csv)", file=sys.stderr)
        return 2
    rows = _rows(csv_path)
    data = json.loads(DATA.read_text(encoding="utf-8"))
    (dest / "corpus").mkdir(parents=True, exist_ok=True)
    (dest / "gold").mkdir(parents=True, exist_ok=True)
    for doc in data["documents"]:
        row = rows[doc["id"].removeprefix("fakes-")]
        (dest / "corpus" / f"{doc['id']}.txt").write_text(f"{row['article_title']}\n\n{row['article_content']}",
                                                          encoding="utf-8")
        claims = []
        for c in doc["claims"]:
            c = dict(c)
            where, s, e = c.pop("at")
            text = row[f"article_{where}"][s:e]
            claims.append({k: (text if k == "text" else v) for k, v in
                           [("outcome", c["outcome"]), ("victims", c["victims"]), ("low", c["low"]),
                            ("high", c["high"]), ("qualifier", c["qualifier"]), ("text", None)]
                           + [(k, v) for k, v in c.items() if k not in ("outcome", "victims", "low", "high", "qualifier")]})
        gold = {"id": doc["id"], "published": doc["published"], "claims": claims}
        (dest / "gold" / f"{doc['id']}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"{len(data['documents'])} documents -> {dest}/corpus, {dest}/gold")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", type=Path, default=CSV)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("pack")
    p.add_argument("corpus", type=Path)
    p.add_argument("gold", type=Path)
    u = sub.add_parser("unpack")
    u.add_argument("dest", type=Path)
    args = ap.parse_args(argv)
    return pack(args.corpus, args.gold, args.csv) if args.cmd == "pack" else unpack(args.dest, args.csv)


if __name__ == "__main__":
    raise SystemExit(main())
