"""Resolution and ingest speed of the ledger.

    python bench/resolve_speed.py                 # synthetic 1k, 5k, 20k, 100k claims
    python bench/resolve_speed.py --sizes 1000 5000
    python bench/resolve_speed.py --sizes 1000000 --variants plain 1 2 --repeats 3
    python bench/resolve_speed.py --fakes         # also ingest ../shared/corpus/fa-kes.csv
    python bench/resolve_speed.py --store 100000  # also resolve from a SQLite ledger
    python bench/resolve_speed.py --fakes --db postgresql+psycopg://postgres@127.0.0.1:5432/test

Synthetic claims: incidents of 1-5 claims each (different sources and figures)
in governorates of 40 villages 5 km apart over three years (one governorate
per 1,000 claims, so that the density of incidents stays constant),
10 % without geocoding (place names only), 5 % cumulative. Prints claims, incidents, seconds and
microseconds per claim, so that the growth (about linear) is visible; per variant
(``plain``: ``resolve()``; ``N``: ``resolve_parallel`` with N workers), each run in a
fresh process, alternating: wall and CPU seconds (workers included), peak RSS, and a
digest of incidents, tallies and features (the same digest: the same result).
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from civcas.records import Claim, Document, Place
from civcas.resolve import resolve

SOURCES = ("Syrian Observatory for Human Rights", "activists", "civil defence", "SANA",
           "medical source", "reporter", "residents", "local council")
PERPS = ("Russia", "US-led coalition", "Syrian government forces", "Turkey", None)


def synthetic(n: int, seed: int = 1) -> tuple[list[Document], list[Claim]]:
    rnd = random.Random(seed)
    govs = max(1, n // 1000)  # a bigger ledger covers more land, at the same density
    villages = [Place(f"Qarya {g}-{v}", 30 + (g % 30) * 1.0 + (v % 8) * 0.045,
                      30 + (g // 30) * 1.0 + (v // 8) * 0.045, "SY", f"Governorate {g}",
                      precision="village", geonames_id=g * 100000 + v)
                for g in range(govs) for v in range(40)]
    start = date(2016, 1, 1)
    docs: list[Document] = []
    claims: list[Claim] = []
    while len(claims) < n:
        place = rnd.choice(villages)
        day = start + timedelta(days=rnd.randrange(3 * 365))
        perp = rnd.choice(PERPS)
        size = rnd.randint(1, 5)
        base = rnd.randint(1, 60)
        for k in range(size):
            doc_id = f"d{len(docs)}"
            text = f"Report {doc_id} about {place.name}."
            docs.append(Document(doc_id, f"Strike on {place.name}", text,
                                 published=day + timedelta(days=1), content_hash=doc_id))
            cumulative = rnd.random() < 0.05
            geo = None if rnd.random() < 0.1 else place
            low = base + rnd.randint(0, 5)
            claims.append(Claim(
                outcome="killed", victims=rnd.choice(("civilians", "people", "children")),
                low=low, high=low, qualifier="exact", text=text, source=SOURCES[k % len(SOURCES)],
                place=place.name, event_date=None if cumulative else day.isoformat(),
                perpetrator=perp, scope="cumulative" if cumulative else "incident",
                span=(0, len(text)), sentence=text, id=f"c{len(claims)}", document_id=doc_id,
                geo=geo))
    return docs, claims[:n]


def bench_synthetic(sizes: list[int], variants: list[str], repeats: int = 1) -> None:
    """Each size by each variant, alternating, each run in a fresh process: ``plain`` is
    ``resolve()`` as the store called it before; ``N`` is ``resolve_parallel`` with N
    workers (1: one process, garbage collection paused). CPU seconds include the workers'."""
    # CPU seconds beside wall seconds: on a shared machine the wall time says more about
    # the others' load than about the code
    print(f"{'claims':>8} {'variant':>8} {'incidents':>10} {'tallies':>8} {'seconds':>8} "
          f"{'us/claim':>9} {'cpu s':>8} {'RSS MiB':>8} {'worker':>7} digest", flush=True)
    for n in sizes:
        runs: dict[str, list[dict]] = {v: [] for v in variants}
        for _ in range(repeats):
            for v in variants:
                out = subprocess.run([sys.executable, __file__, "--child", str(n), v],
                                     capture_output=True, text=True,
                                     env=dict(os.environ, PYTHONHASHSEED="0"))  # digests
                if out.returncode != 0:
                    print(f"{n:>8} {v:>8} failed: {out.stderr.strip().splitlines()[-1:]}")
                    continue
                r = json.loads(out.stdout.strip().splitlines()[-1])
                runs[v].append(r)
                print(f"{n:>8} {v:>8} {r['incidents']:>10} {r['tallies']:>8} "
                      f"{r['wall']:>8.2f} {r['wall'] / n * 1e6:>9.1f} {r['cpu']:>8.2f} "
                      f"{r['rss']:>8.0f} {r['worker_rss']:>7.0f} {r['digest']}", flush=True)
        if repeats > 1:
            for v, rs in runs.items():
                if rs:
                    print(f"{n:>8} {v:>8} median of {len(rs)}: wall "
                          f"{statistics.median(r['wall'] for r in rs):.2f} s, cpu "
                          f"{statistics.median(r['cpu'] for r in rs):.2f} s", flush=True)


def child(n: int, variant: str) -> None:
    from civcas.resolve.parallel import resolve_parallel

    docs, claims = synthetic(n)
    t, cpu = time.perf_counter(), _cpu()
    if variant == "plain":
        res = resolve(docs, claims)
    else:
        res = resolve_parallel(docs, claims, workers=int(variant), min_claims=0)
    dt, cpu = time.perf_counter() - t, _cpu() - cpu
    digest = hashlib.sha1()
    for part in (res.incidents, res.tallies, res.features):
        for x in part:
            digest.update(repr(_canonical(x)).encode())
    print(json.dumps({"wall": dt, "cpu": cpu, "incidents": len(res.incidents),
                      "tallies": len(res.tallies), "digest": digest.hexdigest()[:12],
                      "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "worker_rss": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))


def _canonical(x: object) -> object:
    """A record as nested tuples, sets sorted (a set's repr depends on how it was built)."""
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return (type(x).__name__, *(_canonical(getattr(x, f.name))
                                    for f in dataclasses.fields(x)))
    if isinstance(x, (set, frozenset)):
        return ("set", *sorted(repr(_canonical(v)) for v in x))
    if isinstance(x, (list, tuple)):
        return tuple(_canonical(v) for v in x)
    if isinstance(x, dict):
        return ("dict", *sorted((repr(k), repr(_canonical(v))) for k, v in x.items()))
    return x


def _cpu() -> float:
    """CPU seconds of this process and of its reaped children (the workers)."""
    me, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def bench_store(n: int) -> None:
    """``civcas resolve`` on a SQLite ledger of n synthetic claims: load, resolve, store."""
    from civcas import api
    from civcas.records import ExtractionResult
    from civcas.store import Ledger

    docs, claims = synthetic(n)
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        by_doc.setdefault(c.document_id, []).append(c)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/synthetic.db"
        t = time.perf_counter()
        with Ledger(url) as ledger:
            for _ in ledger.ingest((ExtractionResult(d, tuple(by_doc.get(d.id, ())))
                                    for d in docs), batch=500):
                pass
        stored = time.perf_counter() - t
        t = time.perf_counter()
        res = api.resolve(db=url)
        dt = time.perf_counter() - t
        print(f"store {n} synthetic claims: {stored:.1f} s; resolve from the database "
              f"(load, resolve, assess, store {len(res.incidents)} incidents): {dt:.1f} s")


def bench_fakes(db: str | None) -> None:
    from civcas import api

    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "fa-kes.csv"
    if not corpus.exists():
        corpus = Path("/work/shared/corpus/fa-kes.csv")
    with tempfile.TemporaryDirectory() as tmp:
        url = db or f"sqlite:///{tmp}/fakes.db"
        cols = {"id": "unit_id", "title": "article_title", "text": "article_content",
                "outlet": "source", "date": "date"}
        t = time.perf_counter()
        s = api.ingest([corpus], db=url, columns=cols)
        dt = time.perf_counter() - t
        print(f"fa-kes ingest into {url.split(':')[0]}: {s.documents} documents "
              f"({s.new} new, {s.failed} failed), {s.claims} claims, {s.incidents} incidents, "
              f"{s.tallies} tallies in {dt:.1f} s")
        t = time.perf_counter()
        again = api.ingest([corpus], db=url, columns=cols)
        print(f"fa-kes re-ingest: {again.unchanged} unchanged, {again.new} new "
              f"in {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        api.resolve(db=url)
        print(f"fa-kes re-resolve (load, resolve, store): {time.perf_counter() - t:.2f} s")
        if db:
            from sqlalchemy import create_engine, text

            from civcas.store.engine import tables
            eng = create_engine(url)
            with eng.begin() as conn:
                for name in tables(eng):
                    conn.execute(text(f'DROP TABLE IF EXISTS "{name}" CASCADE'))
            eng.dispose()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000, 20000, 100000])
    ap.add_argument("--variants", nargs="+", default=["plain", "1", "2"],
                    help="plain: resolve() alone; N: resolve_parallel with N workers")
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--child", nargs=2, metavar=("N", "VARIANT"), help=argparse.SUPPRESS)
    ap.add_argument("--fakes", action="store_true", help="ingest fa-kes.csv too")
    ap.add_argument("--store", type=int, metavar="N",
                    help="also resolve N synthetic claims stored in a SQLite ledger")
    ap.add_argument("--db", help="database for --fakes (default: a temporary SQLite file; "
                                 "a PostgreSQL database's ledger tables are dropped after)")
    args = ap.parse_args()
    if args.child:
        child(int(args.child[0]), args.child[1])
        return
    bench_synthetic(args.sizes, args.variants, args.repeats)
    if args.store:
        bench_store(args.store)
    if args.fakes:
        bench_fakes(args.db)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
