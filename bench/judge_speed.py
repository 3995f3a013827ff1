"""Time of one reviewer judgement (``civcas.api.judge``) on ledgers of 1,000 and 10,000 incidents.

    python bench/judge_speed.py                       # SQLite, 1,000 and 10,000 incidents
    python bench/judge_speed.py --incidents 1000 --repeat 7
    python bench/judge_speed.py --db postgresql+psycopg://postgres@127.0.0.1:5432/test
    python bench/judge_speed.py --full                # also time a full `civcas resolve`

The ledger holds the synthetic claims of ``bench/resolve_speed.py`` (about 3
claims per incident), stored and resolved once. Then a cycle of judgements
(reject a claim, accept it back, correct a figure, set a grade, split an
incident, merge two) is timed one by one; prints the median (and the range)
of each kind and of all, in seconds per judgement.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from resolve_speed import synthetic  # noqa: E402

from civcas import api  # noqa: E402
from civcas.records import Claim, ExtractionResult  # noqa: E402
from civcas.store import Ledger  # noqa: E402

CLAIMS_PER_INCIDENT = 3.06  # synthetic(): 1,000 claims give about 327 incidents


def build(url: str, incidents: int) -> int:
    docs, claims = synthetic(int(incidents * CLAIMS_PER_INCIDENT))
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        by_doc.setdefault(c.document_id, []).append(c)
    with Ledger(url) as ledger:
        for _ in ledger.ingest((ExtractionResult(d, tuple(by_doc.get(d.id, ()))) for d in docs),
                               batch=1000):
            pass
    return len(api.resolve(db=url).incidents)


def one_cycle(url: str, rnd: random.Random) -> list[tuple[str, float]]:
    """Six judgements of different kinds; (kind, seconds) of each."""
    incs = [i for i in api.incidents(db=url) if len(i.claim_ids) >= 2]
    out = []

    def timed(kind: str, target: str, payload: dict | None = None) -> None:
        t = time.perf_counter()
        api.judge(kind, target, payload, user="bench", reason="bench", db=url)
        out.append((kind, time.perf_counter() - t))

    a, b, c = rnd.sample(incs, 3)
    claim = a.claim_ids[-1]
    timed("reject_claim", claim)
    timed("accept_claim", claim)
    timed("correct_claim", b.claim_ids[0], {"fields": {"low": rnd.randint(1, 99)}})
    timed("set_grade", c.id, {"grade": "weak"})
    d = api.incident(rnd.choice([i for i in api.incidents(db=url)
                                 if len(i.claim_ids) >= 2]).id, db=url)
    timed("split", d.id, {"claims": [d.claim_ids[-1]]})
    e, f = rnd.sample(api.incidents(db=url), 2)
    timed("merge", f"{e.id},{f.id}")
    return out


def bench(url: str, incidents: int, repeat: int, full: bool) -> None:
    t = time.perf_counter()
    made = build(url, incidents)
    print(f"{made} incidents stored and resolved in {time.perf_counter() - t:.1f} s", flush=True)
    rnd = random.Random(7)
    times: dict[str, list[float]] = {}
    for _ in range(repeat):
        for kind, dt in one_cycle(url, rnd):
            times.setdefault(kind, []).append(dt)
    every = [x for v in times.values() for x in v]
    for kind, v in [*times.items(), ("all", every)]:
        print(f"  {kind:<14} median {statistics.median(v):7.3f} s  "
              f"(min {min(v):.3f}, max {max(v):.3f}, n={len(v)})", flush=True)
    if full:
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            api.resolve(db=url)
            runs.append(time.perf_counter() - t)
        print(f"  full resolve   median {statistics.median(runs):7.3f} s", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--incidents", type=int, nargs="*", default=[1000, 10000])
    ap.add_argument("--repeat", type=int, default=5, help="cycles of six judgements (default 5)")
    ap.add_argument("--db", help="a PostgreSQL URL (a fresh schema per size, dropped after); "
                                 "default: a temporary SQLite file")
    ap.add_argument("--full", action="store_true", help="also time a full resolution")
    args = ap.parse_args()
    for n in args.incidents:
        print(f"--- {n} incidents, {'PostgreSQL' if args.db else 'SQLite'}", flush=True)
        if args.db:
            from sqlalchemy import create_engine, text

            schema = "bench_" + uuid.uuid4().hex[:10]
            admin = create_engine(args.db)
            with admin.begin() as conn:
                conn.execute(text(f"CREATE SCHEMA {schema}"))
            sep = "&" if "?" in args.db else "?"
            try:
                bench(f"{args.db}{sep}options=-csearch_path%3D{schema}", n, args.repeat, args.full)
            finally:
                with admin.begin() as conn:
                    conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
                admin.dispose()
        else:
            with tempfile.TemporaryDirectory() as tmp:
                bench(f"sqlite:///{tmp}/judge.db", n, args.repeat, args.full)


if __name__ == "__main__":
    main()
