#!/usr/bin/env python3
"""Fit the weights of the extractor's decisions (source, place, perpetrator, event date) on gold sets.

Each claim that matches a gold claim (same outcome, victims, low, high) gives, per field, a group of
candidates labelled by whether their value is the gold value (compared as ../shared/eval/score.py
compares). A conditional logit (softmax over each group's candidates, L2-regularised) is fitted by
gradient descent; since the account a later claim continues holds earlier choices, the extractor is
run again with the new weights and refitted (``--rounds``). Then:

- leave-one-set-out: weights fitted without a set, scored on it (accuracy of each field among its
  matched claims), printed per set — the figure that says whether a decision generalises;
- calibration: on those held-out predictions, a logistic regression of whether a claim is right
  (a gold claim with all four fields right) on the log-probabilities of its four decisions.

Writes src/civcas/extract/data/weights.json (``--out``). Reads ../shared (never shipped).
Usage: python tools/train_decisions.py [--sets dev,ood-dev,seeds] [--rounds 3] [--l2 0.002]

The shipped weights were fitted with our 60 extra FA-KES annotations (tools/extra_gold.py):

    python tools/extra_gold.py unpack /tmp/fakes-x
    python tools/train_decisions.py --rounds 3 --sets dev,ood-dev,seeds,fakes-x,ar-dev \
        --extra fakes-x=/tmp/fakes-x/corpus:/tmp/fakes-x/gold
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from civcas.extract.decide import RULES  # noqa: E402
from civcas.extract.pipeline import trace  # noqa: E402
from civcas.ingest import read_paths  # noqa: E402
from civcas.records import Document  # noqa: E402

FIELDS = ("source", "place", "perpetrator", "event_date")
CORPUS = {"dev": "fakes-dev", "dev2": "fakes-dev2", "ood-dev": "ood-dev", "seeds": "seeds", "ar-dev": "ar-dev"}


def scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("civcas_gold_score", shared / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def load_set(shared: Path, name: str, extra: dict[str, tuple[Path, Path]] | None = None) -> list[tuple[Document, dict]]:
    """The documents of a gold set with their gold; ``extra`` maps more set names to (corpus, gold) folders."""
    corpus, gold_dir = (extra or {}).get(name) or (shared / "corpus" / CORPUS[name], shared / "gold" / name)
    gold = {}
    for path in sorted(Path(gold_dir).glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        gold[doc["id"]] = doc
    out = []
    for doc in read_paths([Path(corpus)]):
        if isinstance(doc, Document) and doc.id in gold:
            out.append((doc, gold[doc.id]))
    return out


def groups_of(docs, weights, sc) -> tuple[dict[str, list], list[tuple[dict[str, float], bool]]]:
    """Per field, the labelled candidate groups of matched claims; and per claim (the features its
    confidence is read from, whether it is a gold claim with all fields right)."""
    groups: dict[str, list] = {f: [] for f in FIELDS}
    outcomes: list[tuple[dict[str, float], bool]] = []
    for doc, gold in docs:
        unmatched = list(gold["claims"])
        for expl, cands in trace(doc, weights):
            pc = expl.claim.to_dict()
            same = [g for g in unmatched if sc.key(g) == sc.key(pc)]
            if not same:
                outcomes.append((cands["confidence"], False))
                continue
            hit = max(same, key=lambda g: sc.overlap(g, pc))
            unmatched.remove(hit)
            right = True
            for fc in expl.fields:
                group = [(c.features, bool(sc.SAME[fc.field](hit.get(fc.field), c.value))) for c in cands[fc.field]]
                right = right and bool(sc.SAME[fc.field](hit.get(fc.field), fc.value))
                if any(y for _f, y in group) and not all(y for _f, y in group):
                    groups[fc.field].append(group)
            outcomes.append((cands["confidence"], right))
    return groups, outcomes


def fit(groups: list, l2: float, iters: int = 400, rate: float = 0.5, start: dict | None = None,
        fixed: dict[str, float] | None = None) -> dict[str, float]:
    """Conditional logit by gradient descent (Adagrad steps); returns feature -> weight. ``fixed``
    (the field's contract rules) add to the scores but are never fitted."""
    fixed = fixed or {}
    w: dict[str, float] = {k: v for k, v in (start or {}).items() if k not in fixed}
    g2: dict[str, float] = {}
    for _ in range(iters):
        grad: dict[str, float] = {k: l2 * v for k, v in w.items()}
        for group in groups:
            scores = [sum((w.get(k, 0.0) + fixed.get(k, 0.0)) * x for k, x in f.items()) for f, _y in group]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            p = [e / total for e in exps]
            good = sum(pi for pi, (_f, y) in zip(p, group) if y)
            if good <= 0:
                continue
            for pi, (f, y) in zip(p, group):
                coef = pi - (pi / good if y else 0.0)
                for k, x in f.items():
                    if k not in fixed:
                        grad[k] = grad.get(k, 0.0) + coef * x / len(groups)
        for k, gk in grad.items():
            g2[k] = g2.get(k, 0.0) + gk * gk
            w[k] = w.get(k, 0.0) - rate * gk / (math.sqrt(g2[k]) + 1e-8)
    return {k: round(v, 4) for k, v in sorted(w.items()) if abs(v) >= 1e-4}


def train(docs, sc, rounds: int, l2: float, start: dict | None, frozen: dict | None = None,
          kept: dict | None = None) -> dict[str, dict[str, float]]:
    """``rounds`` of fitting every field's weights; ``frozen`` (field -> feature -> weight) are kept as
    given, like the contract rules, and written out with the fitted ones; the fields in ``kept``
    (field -> weights) are not fitted at all: their weights stay as given."""
    weights = start
    frozen = frozen or {f: {} for f in FIELDS}
    kept = kept or {}
    if kept:
        weights = {**(weights or {f: {} for f in FIELDS}), **kept}
    for _ in range(rounds):
        groups, _outcomes = groups_of(docs, weights, sc)
        fitted: dict[str, dict[str, float]] = dict(kept)
        for f in FIELDS:
            if f in kept:
                continue
            fixed = dict(frozen.get(f, {}))
            for k, v in RULES.get(f, {}).items():
                fixed[k] = fixed.get(k, 0.0) + v
            fitted[f] = {**frozen.get(f, {}), **fit(groups[f], l2, start=(weights or {}).get(f), fixed=fixed)}
        weights = fitted
    return weights or {}


def shared_part(weights: dict) -> dict[str, dict[str, float]]:
    """The features every language shares (no ``lang|`` prefix): what ``--freeze-shared`` keeps."""
    return {f: {k: v for k, v in weights.get(f, {}).items() if "|" not in k} for f in FIELDS}


def accuracy(docs, weights, sc) -> dict[str, float]:
    hits = {f: 0 for f in FIELDS}
    n = 0
    for doc, gold in docs:
        unmatched = list(gold["claims"])
        for expl, _c in trace(doc, weights):
            pc = expl.claim.to_dict()
            same = [g for g in unmatched if sc.key(g) == sc.key(pc)]
            if not same:
                continue
            hit = max(same, key=lambda g: sc.overlap(g, pc))
            unmatched.remove(hit)
            n += 1
            for f in FIELDS:
                hits[f] += bool(sc.SAME[f](hit.get(f), pc.get(f)))
    return {f: round(hits[f] / n, 3) if n else 0.0 for f in FIELDS} | {"claims": n}


def calibrator(points: list[tuple[dict[str, float], bool]], l2: float = 0.01, iters: int = 2000) -> dict:
    """Logistic regression of "right" on a claim's confidence features (``decide.confidence_features``)
    over the held-out predictions of leave-one-set-out: {"bias": b, "weights": {feature: w}}."""
    keys = sorted({k for f, _y in points for k in f})
    xs = [[f.get(k, 0.0) for k in keys] for f, _y in points]
    ys = [float(y) for _f, y in points]
    w, b = [0.0] * len(keys), 0.0
    g2w, g2b = [1e-8] * len(keys), 1e-8
    for _ in range(iters):
        gw, gb = [l2 * x for x in w], 0.0
        for x, y in zip(xs, ys):
            z = max(-30.0, min(30.0, b + sum(a * v for a, v in zip(w, x))))
            err = 1 / (1 + math.exp(-z)) - y
            gb += err / len(xs)
            for i, v in enumerate(x):
                if v:
                    gw[i] += err * v / len(xs)
        g2b += gb * gb
        b -= 0.5 * gb / math.sqrt(g2b)
        for i, g in enumerate(gw):
            g2w[i] += g * g
            w[i] -= 0.5 * g / math.sqrt(g2w[i])
    return {"bias": round(b, 4), "weights": {k: round(a, 4) for k, a in zip(keys, w)}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--sets", default="dev,ood-dev,seeds")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--warm", action="store_true", help="start from the shipped weights (default: from zero)")
    ap.add_argument("--l2", type=float, default=0.002)
    ap.add_argument("--out", default=str(ROOT / "src" / "civcas" / "extract" / "data" / "weights.json"))
    ap.add_argument("--no-cv", action="store_true", help="skip leave-one-set-out (and calibration)")
    ap.add_argument("--calibrate-only", action="store_true",
                    help="keep the shipped weights; refit only the confidence calibration on the held-out "
                         "predictions of leave-one-set-out fits of the same recipe")
    ap.add_argument("--freeze-shared", action="store_true",
                    help="keep the shipped weights every language shares and fit only the languages' own "
                         "offsets (lang|feature); keeps the shipped confidence calibration (implies --no-cv)")
    ap.add_argument("--fields", default=",".join(FIELDS),
                    help="the fields to fit (default all); the others keep the shipped weights as they are")
    ap.add_argument("--extra", action="append", default=[], metavar="NAME=CORPUS:GOLD",
                    help="another gold set (folders of texts and of gold JSON), usable in --sets")
    args = ap.parse_args()
    shared = Path(args.shared)
    sc = scorer(shared)
    extra = {}
    for spec in args.extra:
        name, _, dirs = spec.partition("=")
        corpus, _, gold = dirs.partition(":")
        extra[name] = (Path(corpus), Path(gold))
    sets = {name: load_set(shared, name, extra) for name in args.sets.split(",")}
    shipped = ROOT / "src" / "civcas" / "extract" / "data" / "weights.json"
    current = json.loads(shipped.read_text(encoding="utf-8")) if shipped.exists() else {}
    start = current.get("weights") if args.warm else {f: {} for f in FIELDS}
    frozen = shared_part(current.get("weights", {})) if args.freeze_shared else None
    if args.freeze_shared:
        args.no_cv, start = True, current.get("weights")
    fields = [f for f in args.fields.split(",") if f]
    if any(f not in FIELDS for f in fields):
        print(f"train_decisions: --fields {args.fields}: each must be one of {', '.join(FIELDS)}", file=sys.stderr)
        return 2
    kept = {f: current.get("weights", {}).get(f, {}) for f in FIELDS if f not in fields}
    held_out: list[tuple[dict[str, float], bool]] = []
    if not args.no_cv and len(sets) > 1:
        print(f"{'held out':10} " + " ".join(f"{f:>12}" for f in FIELDS) + "   claims")
        for name, docs in sets.items():
            rest = [x for other, ds in sets.items() if other != name for x in ds]
            weights = train(rest, sc, args.rounds, args.l2, start, kept=kept)
            acc = accuracy(docs, weights, sc)
            print(f"{name:10} " + " ".join(f"{acc[f]:>12.3f}" for f in FIELDS) + f"   {acc['claims']}")
            held_out += groups_of(docs, weights, sc)[1]
    if held_out:
        Path(args.out).with_suffix(".held_out.json").write_text(json.dumps(held_out), encoding="utf-8")
    everything = [x for ds in sets.values() for x in ds]
    if args.calibrate_only:
        weights = current["weights"]
    else:
        weights = train(everything, sc, args.rounds, args.l2, start, frozen, kept)
    acc = accuracy(everything, weights, sc)
    print(f"{'all (fit)':10} " + " ".join(f"{acc[f]:>12.3f}" for f in FIELDS) + f"   {acc['claims']}")
    how = ("shared weights kept from the previous fit, languages' offsets fitted; confidence as before"
           if args.freeze_shared else "confidence calibrated on leave-one-set-out predictions")
    about = f"fitted by tools/train_decisions.py on {args.sets} (rounds {args.rounds}, l2 {args.l2}); {how}"
    if kept:
        about = (f"{', '.join(fields)} fitted by tools/train_decisions.py on {args.sets} (rounds {args.rounds}, "
                 f"l2 {args.l2}); {', '.join(kept)} kept from the previous fit ({current.get('about', '')}); {how}")
    if args.calibrate_only:
        about = current.get("about", "") + f"; confidence recalibrated on leave-one-set-out predictions over {args.sets}"
    out = {"about": about,
           "weights": weights, "confidence": calibrator(held_out) if held_out else current.get("confidence", {})}
    Path(args.out).write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
