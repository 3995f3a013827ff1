"""The report as HTML text: self-contained, escaped, with ranges and grades (no browser)."""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import time
from datetime import date

from civcas.records import LedgerSnapshot
from civcas.report import render
from civcas.report.data import json_for_script, safe_url, unpack

from outputs.fixtures import HOSTILE, make_snapshot, many_incidents

HTML = render(make_snapshot())


def embedded(page: str) -> dict:
    """The data block the report's script draws the table and the claims from."""
    block = re.search(r'<script type="application/json" id="civcas-data">(.*?)</script>', page,
                      flags=re.S).group(1)
    data = json.loads(block)
    return {**data, **unpack(data)}


DATA = embedded(HTML)


def test_json_for_script_cannot_close_the_script_or_open_a_comment():
    text = json_for_script({"t": "</script><!-- x --> & \u2028\u2029 </SCRIPT"})
    for bad in ("</", "<!--", "\u2028", "\u2029", "<", ">"):
        assert bad not in text
    assert json.loads(text) == {"t": "</script><!-- x --> & \u2028\u2029 </SCRIPT"}


def test_article_markup_is_escaped_everywhere():
    assert HOSTILE not in HTML
    assert "<img src=x" not in HTML and 'onerror="window' not in HTML
    assert HTML.count("<script") == 3  # data block, Leaflet, the report's own script
    assert "\\u003cscript\\u003ewindow.__pwned = 1" in HTML  # in the data, as text
    assert any(HOSTILE in i["t"] for i in DATA["incidents"])


def test_only_http_links_become_links():
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("https://a.example/x") == "https://a.example/x"
    assert 'href="javascript' not in HTML.lower()


def test_no_network_resource_anywhere():
    lowered = HTML.lower()
    for pattern in (r'\ssrc\s*=\s*"https?:', r"url\(\s*['\"]?https?:", r"@import", r"<link\b",
                    r"fonts\.googleapis", r"tile\.openstreetmap"):
        assert not re.search(pattern, lowered), pattern


def test_content_security_policy_allows_only_the_inlined_scripts():
    csp = html.unescape(
        re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', HTML).group(1))
    assert "default-src 'none'" in csp
    scripts = re.findall(r"<script>(.*?)</script>", HTML, flags=re.S)
    assert len(scripts) == 2
    for s in scripts:
        digest = base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1]


def test_numbers_are_ranges_with_grades():
    raqqa = next(i for i in DATA["incidents"] if i["k"]["r"] == "9–18")
    assert (raqqa["k"]["b"], raqqa["k"]["v"], raqqa["g"], raqqa["ks"]) == (
        14, "civilians", "confirmed", 14)
    assert any(i["k"]["r"] == "2–?" for i in DATA["incidents"])  # no upper bound reported


def test_every_claim_and_document_is_embedded_once():
    marks = [c[6] for c in DATA["claims"]]
    assert "At least 14 civilians were killed" in marks and "rose to 18 dead" in marks
    assert len(DATA["claims"]) == 9  # every claim of an incident (c10 is in none)
    assert sorted(c for i in DATA["incidents"] for c in i["cl"]) == list(range(9))
    ids = [d[0] for d in DATA["docs"]]
    assert len(ids) == len(set(ids))
    assert all(0 <= p["i"] < len(DATA["incidents"]) and "c" not in p for p in DATA["points"])


def test_gap_section_compares_admissions_and_monitors():
    assert "Civil Monitor Group (2024-08-01) counts 375–375 more killed than Coalition admits" in HTML


def test_empty_ledger_renders():
    page = render(LedgerSnapshot())
    assert "No dated incident with a count." in page
    assert "0 of 0 incidents" in page


def test_size_and_speed_with_many_incidents():
    started = time.perf_counter()
    page = render(many_incidents(1000))
    elapsed = time.perf_counter() - started
    assert len(embedded(page)["incidents"]) == 1000
    assert elapsed < 10
    assert len(page.encode()) < 1_500_000  # every claim once, no row or article of HTML
    assert '"z":"' in page  # a big ledger's table data is gzipped in the page


def test_gap_series_keep_victim_groups_apart():
    from civcas.records import Tally
    from civcas.report import charts

    snap = make_snapshot()
    extra = Tally("Civil Monitor Group", "Coalition", "people", "killed", 900, 900, "2024-07-01")
    chart = next(c for c in charts.gaps(snap.tallies + (extra,)) if c["belligerent"] == "Coalition")
    names = [s["asserter"] for s in chart["series"]]
    assert names[0] == "Coalition"  # the admissions first
    assert "Civil Monitor Group (civilians)" in names and "Civil Monitor Group (people)" in names


def test_gap_series_of_one_day_with_and_without_an_upper_figure():
    from civcas.records import Tally
    from civcas.report import charts

    snap = make_snapshot()
    same_day = (Tally("Civil Monitor Group", "Coalition", "civilians", "killed", 40, None,
                      "2024-07-01"),
                Tally("Civil Monitor Group", "Coalition", "civilians", "killed", 40, 52,
                      "2024-07-01"))
    assert charts._series_points(list(same_day)) == [
        (date(2024, 7, 1), 40, 52), (date(2024, 7, 1), 40, None)]
    assert any(c["belligerent"] == "Coalition" for c in charts.gaps(snap.tallies + same_day))


def test_the_headline_counts_confirmed_and_fair_incidents_and_shows_the_rest_beside_it():
    from civcas.records import LedgerSnapshot
    from civcas.report.data import summary

    def view(grade, low, high):
        return {"grade": grade, "killed": {"low": low, "high": high}, "lat": None,
                "perpetrators": "unknown", "date_sort": ""}

    views = [view("fair", 10, 12), view("confirmed", 3, 3), view("weak", 1400, 1400),
             view("contested", 50, None), view("discounted", 7, 7)]
    s = summary(views, LedgerSnapshot())
    assert s["killed_range"] == "13–15"  # fair + confirmed only
    assert s["killed_all_range"].startswith("1463")  # all but discounted; open-ended high


def test_axis_labels_fit_the_margin():
    from civcas.report.charts import tick_label

    assert [tick_label(v) for v in (0, 950, 9_500, 62_500, 250_000, 1_500_000)] == [
        "0", "950", "9,500", "62.5k", "250k", "1.5M"]
    assert all(len(tick_label(v)) <= 6 for v in range(0, 10_000_000, 12_345))
