"""The report as HTML text: self-contained, escaped, with ranges and grades (no browser)."""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import time

from civcas.records import LedgerSnapshot
from civcas.report import render
from civcas.report.data import json_for_script, safe_url

from outputs.fixtures import HOSTILE, make_snapshot, many_incidents

HTML = render(make_snapshot())


def test_json_for_script_cannot_close_the_script_or_open_a_comment():
    text = json_for_script({"t": "</script><!-- x --> & \u2028\u2029 </SCRIPT"})
    for bad in ("</", "<!--", "\u2028", "\u2029", "<", ">"):
        assert bad not in text
    assert json.loads(text) == {"t": "</script><!-- x --> & \u2028\u2029 </SCRIPT"}


def test_article_markup_is_escaped_everywhere():
    assert HOSTILE not in HTML
    assert "<img src=x" not in HTML and 'onerror="window' not in HTML
    assert HTML.count("<script") == 3  # data block, Leaflet, the report's own script
    assert "&lt;script&gt;window.__pwned = 1" in HTML


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
    assert "Killed: 9–18</strong> (best 14) civilians, grade confirmed" in HTML
    assert "Killed: 2–?</strong>" in HTML  # no upper bound reported
    assert '<td class="n" data-sort="14">9–18</td>' in HTML


def test_claims_side_by_side_with_highlighted_figures():
    assert "<mark>At least 14 civilians were killed</mark>" in HTML
    assert "<mark>rose to 18 dead</mark>" in HTML
    assert HTML.count('class="claim"') == 9  # every claim of an incident (c10 is in none)


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
    assert page.count('class="incident-row"') == 1000
    assert elapsed < 10
    assert len(page.encode()) < 8_000_000


def test_gap_series_keep_victim_groups_apart():
    from civcas.records import Tally
    from civcas.report import charts

    snap = make_snapshot()
    extra = Tally("Civil Monitor Group", "Coalition", "people", "killed", 900, 900, "2024-07-01")
    chart = next(c for c in charts.gaps(snap.tallies + (extra,)) if c["belligerent"] == "Coalition")
    names = [s["asserter"] for s in chart["series"]]
    assert names[0] == "Coalition"  # the admissions first
    assert "Civil Monitor Group (civilians)" in names and "Civil Monitor Group (people)" in names


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
