"""Resolution and ingest speed of the ledger.

    python bench/resolve_speed.py                 # synthetic 1k, 5k, 20k, 100k claims
    python bench/resolve_speed.py --sizes 1000 5000
    python bench/resolve_speed.py --fakes         # also ingest ../shared/corpus/fa-kes.csv
    python bench/resolve_speed.py --store 100000  # also resolve from a SQLite ledger
    python bench/resolve_speed.py --fakes --db postgresql+psycopg://postgres@127.0.0.1:5432/test

Synthetic claims: incidents of 1-5 claims each (different sources and figures)
in governorates of 40 villages 5 km apart over three years (one governorate
per 1,000 claims, so that the density of incidents stays constant),
10 % without geocoding (place names only), 5 % cumulative. Prints claims, incidents, seconds and
microseconds per claim, so that the growth (about linear) is visible.
"""
from __future__ import annotations

import argparse
import random
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


def bench_synthetic(sizes: list[int]) -> None:
    # CPU seconds beside wall seconds: on a shared machine the wall time says more about
    # the others' load than about the code
    print(f"{'claims':>8} {'incidents':>10} {'tallies':>8} {'seconds':>8} {'us/claim':>9} "
          f"{'cpu s':>8}")
    for n in sizes:
        docs, claims = synthetic(n)
        t, cpu = time.perf_counter(), time.process_time()
        res = resolve(docs, claims)
        dt, cpu = time.perf_counter() - t, time.process_time() - cpu
        print(f"{n:>8} {len(res.incidents):>10} {len(res.tallies):>8} {dt:>8.2f} "
              f"{dt / n * 1e6:>9.1f} {cpu:>8.2f}", flush=True)


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
    ap.add_argument("--fakes", action="store_true", help="ingest fa-kes.csv too")
    ap.add_argument("--store", type=int, metavar="N",
                    help="also resolve N synthetic claims stored in a SQLite ledger")
    ap.add_argument("--db", help="database for --fakes (default: a temporary SQLite file; "
                                 "a PostgreSQL database's ledger tables are dropped after)")
    args = ap.parse_args()
    bench_synthetic(args.sizes)
    if args.store:
        bench_store(args.store)
    if args.fakes:
        bench_fakes(args.db)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
