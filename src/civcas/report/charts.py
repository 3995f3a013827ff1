"""The report's two charts as SVG geometry computed in Python (no chart library).

- :func:`timeline`: civilian deaths per month (per week when the incidents
  span less than four months) as a low-high band with the best estimate.
- :func:`gaps`: per belligerent, its own cumulative admissions against each
  monitor's tallies over time, and the latest gap.

Both return plain dicts for the template; labels are escaped there.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta

from ..assess.gap import acknowledgment_gaps
from ..outputs import ledger as L
from ..records import Tally

WIDTH, HEIGHT = 720, 220
PAD_L, PAD_R, PAD_T, PAD_B = 48, 40, 12, 28
SERIES_COLOURS = ("#1b7837", "#2166ac", "#c51b7d", "#8c510a", "#01665e", "#762a83")
ADMISSION_COLOUR = "#111111"


def _nice_max(v: float) -> int:
    if v <= 5:
        return 5
    step = 10 ** (len(str(int(v))) - 1)
    for m in (1, 2, 2.5, 5, 10):
        if v <= m * step:
            return int(m * step)
    return int(10 * step)


def tick_label(value: float) -> str:
    """An axis label that fits the chart's margin: 950, 9,500, 95k, 2.5M (a 6-digit label
    was clipped)."""
    n = round(value)
    if abs(n) < 10_000:
        return f"{n:,}"
    if abs(n) < 1_000_000:
        return f"{n / 1000:.4g}k"
    return f"{n / 1_000_000:.4g}M"


def _yticks(ymax: int) -> list[tuple[float, str]]:
    return [(_y(ymax * i / 4, ymax), tick_label(ymax * i / 4)) for i in range(5)]


def _y(v: float, ymax: int) -> float:
    return round(HEIGHT - PAD_B - (HEIGHT - PAD_T - PAD_B) * (v / ymax if ymax else 0), 1)


def _bucket(d: date, weekly: bool) -> date:
    return d - timedelta(days=d.weekday()) if weekly else d.replace(day=1)


def _next(d: date, weekly: bool) -> date:
    if weekly:
        return d + timedelta(days=7)
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def timeline(views: list[dict]) -> dict:
    """Killed per period over the dated, not discounted incidents, as a low-high band."""
    dated = [v for v in views if v["date_sort"] and v["grade"] != "discounted"
             and (v["killed"]["low"] is not None or v["killed"]["high"] is not None)]
    skipped = sum(1 for v in views if v["grade"] != "discounted") - len(dated)
    if not dated:
        return {"empty": True, "weekly": False, "skipped": skipped}
    days = sorted(date.fromisoformat(v["date_sort"]) for v in dated)
    weekly = (days[-1] - days[0]).days < 120
    sums: dict[date, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for v in dated:
        k = v["killed"]
        low = k["low"] if k["low"] is not None else 0
        high = k["high"] if k["high"] is not None else max(low, k["best"] or 0)
        best = k["best"] if k["best"] is not None else low
        s = sums[_bucket(date.fromisoformat(v["date_sort"]), weekly)]
        s[0] += low
        s[1] += best
        s[2] += high
        s[3] += 1
    buckets = [_bucket(days[0], weekly)]
    while buckets[-1] < _bucket(days[-1], weekly):
        buckets.append(_next(buckets[-1], weekly))
    ymax = _nice_max(max(sums[b][2] for b in buckets) if buckets else 1)
    span = WIDTH - PAD_L - PAD_R
    step = span / max(len(buckets) - 1, 1)
    xs = [round(PAD_L + i * step, 1) if len(buckets) > 1 else PAD_L + span / 2
          for i in range(len(buckets))]
    top = [f"{x},{_y(sums[b][2], ymax)}" for x, b in zip(xs, buckets)]
    bottom = [f"{x},{_y(sums[b][0], ymax)}" for x, b in reversed(list(zip(xs, buckets)))]
    label_every = max(1, len(buckets) // 8)
    points = []
    for i, (x, b) in enumerate(zip(xs, buckets)):
        low, best, high, n = sums[b]
        name = f"week of {b.isoformat()}" if weekly else b.strftime("%Y-%m")
        points.append({
            "x": x, "y": _y(best, ymax), "label": name if i % label_every == 0 else "",
            "title": f"{name}: {low}–{high} killed (best {best}) in {n} incident"
                     + ("s" if n != 1 else ""),
            "band_x": round(x - step / 2, 1), "band_w": round(step, 1) if len(xs) > 1 else 40,
        })
    return {
        "empty": False, "weekly": weekly, "width": WIDTH, "height": HEIGHT,
        "band": " ".join(top + bottom),
        "best": " ".join(f"{p['x']},{p['y']}" for p in points), "points": points,
        "yticks": _yticks(ymax), "x0": PAD_L, "x1": WIDTH - PAD_R, "y0": HEIGHT - PAD_B,
        "skipped": skipped,
    }


def _series_points(tallies: list[Tally]) -> list[tuple[date, int | None, int | None]]:
    pts = []
    for t in tallies:
        d, _ = L.date_bounds(t.as_of)
        if d is not None and (t.low is not None or t.high is not None):
            pts.append((d, t.low, t.high))
    # in date and figure order; a figure not told sorts after one told on the same day (a
    # plain tuple sort fails on None beside a number: "at least 40" beside "40 to 52")
    return sorted(pts, key=lambda p: (p[0], p[1] is None, p[1] or 0, p[2] is None, p[2] or 0))


def gaps(tallies: tuple[Tally, ...], incidents: tuple = (), claims: tuple = ()) -> list[dict]:
    """One chart per belligerent that has admissions or monitor tallies of killed.

    Which tallies are admissions and which are monitors', and the gap, come from
    :func:`civcas.assess.gap.acknowledgment_gaps` (the ``civcas gap`` command's function).
    """
    # one series per (asserter, victim group): "civilians" and "people" totals are not mixed
    by_bell: dict[str, dict[tuple[str, str], list[Tally]]] = defaultdict(lambda: defaultdict(list))
    admitted_keys: set[tuple[str, str, str]] = set()
    records: dict[str, list] = defaultdict(list)
    for g in acknowledgment_gaps(tallies, incidents, claims):
        if g.outcome != "killed":
            continue
        records[g.belligerent].append(g)
        for t in g.admitted:
            by_bell[g.belligerent][(t.asserter, t.victims)].append(t)
            admitted_keys.add((g.belligerent, t.asserter, t.victims))
        for t in g.monitors:
            by_bell[g.belligerent][(t.asserter, t.victims)].append(t)
    charts = []
    for bell in sorted(by_bell):
        series_in = {a: _series_points(ts) for a, ts in by_bell[bell].items()}
        series_in = {a: p for a, p in series_in.items() if p}
        if not series_in:
            continue
        all_pts = [p for pts in series_in.values() for p in pts]
        d0 = min(p[0] for p in all_pts)
        d1 = max(p[0] for p in all_pts)
        total = max((d1 - d0).days, 1)
        ymax = _nice_max(max(max(x for x in (lo, hi) if x is not None) for _, lo, hi in all_pts))
        span = WIDTH - PAD_L - PAD_R

        def xof(d: date, d0: date = d0, d1: date = d1, total: int = total,
                span: int = span) -> float:
            return round(PAD_L + span * ((d - d0).days / total if d1 > d0 else 0.5), 1)

        series, colour_i = [], 0
        groups = Counter(a for a, _ in series_in)
        for key in sorted(series_in, key=lambda k: ((bell, *k) not in admitted_keys, k)):
            asserter = key[0] if groups[key[0]] == 1 else f"{key[0]} ({key[1]})"
            admission = (bell, *key) in admitted_keys
            colour = ADMISSION_COLOUR if admission else SERIES_COLOURS[colour_i % 6]
            colour_i += 0 if admission else 1
            marks = []
            for d, lo, hi in series_in[key]:
                lo_v = lo if lo is not None else hi
                hi_v = hi if hi is not None else lo
                marks.append({"x": xof(d), "y_low": _y(lo_v or 0, ymax),
                              "y_high": _y(hi_v or 0, ymax),
                              "title": f"{asserter}, as of {d.isoformat()}: "
                                       f"{L.format_range(lo, hi)} killed"})
            line = " ".join(f"{m['x']},{m['y_high']}" for m in marks)
            last = series_in[key][-1]
            series.append({"asserter": asserter, "admission": admission, "colour": colour,
                           "marks": marks, "line": line, "latest_date": last[0].isoformat(),
                           "latest": L.format_range(last[1], last[2]),
                           "latest_low": last[1], "latest_high": last[2]})
        charts.append({
            "belligerent": bell, "series": series, "width": WIDTH, "height": HEIGHT,
            "yticks": _yticks(ymax), "x0": PAD_L, "x1": WIDTH - PAD_R, "y0": HEIGHT - PAD_B,
            "xlabels": [(xof(d), d.isoformat()) for d in _date_ticks(d0, d1)],
            "gap": _gap(records[bell]),
        })
    return charts


def _date_ticks(d0: date, d1: date, n: int = 5) -> list[date]:
    """Up to ``n`` evenly spaced dates from d0 to d1 (just d0 when they are the same day)."""
    if d1 <= d0:
        return [d0]
    days = (d1 - d0).days
    count = min(n, days + 1)
    return sorted({d0 + timedelta(days=round(days * i / (count - 1))) for i in range(count)})


def _gap(records: list) -> str:
    """The latest gap in words (civilians first); "" when one side is missing."""
    for g in sorted(records, key=lambda g: g.victims != "civilians"):
        if g.gap_low is None or not g.admitted or not g.monitors:
            continue
        whole_a = [t for t in g.admitted if not (t.period or "").startswith("subset:")]
        whole_m = [t for t in g.monitors if not (t.period or "").startswith("subset:")]
        if not whole_a or not whole_m:
            continue  # subsets (one year, some attacks) are never the latest campaign total
        a = max(whole_a, key=lambda t: (t.as_of or "", max(
            x for x in (t.low, t.high, -1) if x is not None)))
        m = max(whole_m, key=lambda t: (t.as_of or "", max(
            x for x in (t.low, t.high, -1) if x is not None)))
        return (f"{m.asserter} ({m.as_of}) counts {L.format_range(g.gap_low, g.gap_high)} more "
                f"killed than {a.asserter} admits ({a.as_of}).")
    return ""
