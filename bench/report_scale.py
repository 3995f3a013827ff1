"""The offline HTML report of a 10,000-incident ledger: its size, how long it takes to write,
and how long headless Chromium takes to make it usable.

    python bench/report_scale.py                      # 10,000 incidents, 3 loads
    python bench/report_scale.py --incidents 2000 --loads 5

Reuses bench/web_load.py's synthetic ledger (``build/bench-web-N.db``). Writes the report
to ``build/bench-report-N.html``, then opens it ``--loads`` times in Debian's headless
``chromium`` (Playwright) from file:// and measures, per load: the ``load`` event, and
*interactive*: the time until a click on the incident table's killed header has sorted it
(the page answers input). Prints size and medians beside the targets (< 5 MB, < 2 s).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import web_load  # noqa: E402  (the synthetic ledger of bench/web_load.py)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--incidents", type=int, default=10_000)
    ap.add_argument("--loads", type=int, default=3)
    args = ap.parse_args()
    from civcas import api

    url = web_load.build(web_load.ROOT / "build" / f"bench-web-{args.incidents}.db",
                         args.incidents)
    out = web_load.ROOT / "build" / f"bench-report-{args.incidents}.html"
    t = time.perf_counter()
    api.report(out, db=url)
    write_s = time.perf_counter() - t
    size = out.stat().st_size
    executable = shutil.which("chromium")
    if executable is None:
        print(f"report: {size / 1e6:.2f} MB written in {write_s:.1f} s; chromium missing: "
              "no load times", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    loads, ready = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable,
                                    args=["--headless", "--no-sandbox", "--disable-gpu"])
        for _ in range(args.loads):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            t = time.perf_counter()
            page.goto(out.as_uri(), wait_until="load", timeout=120_000)
            loads.append(time.perf_counter() - t)
            page.locator("#incidents thead th").nth(5).locator("button").click(timeout=120_000)
            page.wait_for_function("document.querySelector('#incidents thead th:nth-child(6)')"
                                   ".getAttribute('aria-sort') !== null", timeout=120_000)
            ready.append(time.perf_counter() - t)
            page.close()
        browser.close()
    print(f"{args.incidents} incidents: report {size / 1e6:.2f} MB (target < 5 MB: "
          f"{'met' if size < 5e6 else 'NOT met'}), written in {write_s:.1f} s")
    print(f"chromium, {args.loads} loads from file://, median: load event "
          f"{statistics.median(loads):.2f} s, interactive (a sort answered) "
          f"{statistics.median(ready):.2f} s (target < 2 s: "
          f"{'met' if statistics.median(ready) < 2 else 'NOT met'})")
    print("each load (load event / interactive, s): "
          + ", ".join(f"{a:.2f} / {b:.2f}" for a, b in zip(loads, ready, strict=True)))
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} CPUs, load average {load[0]:.1f} {load[1]:.1f} "
          f"{load[2]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
