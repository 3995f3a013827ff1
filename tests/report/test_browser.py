"""The report in real headless Chromium (Debian's ``chromium``), opened from ``file://``.

Skipped with a message when chromium or playwright is missing, except under
``CI=true``, where they fail. Install the browser with ``make browser``.
Screenshots go to ``build/test-artifacts/``.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from civcas.report import render

from outputs.fixtures import make_snapshot

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _unavailable(why: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{why} (browser tests must run under CI=true)", pytrace=False)
    pytest.skip(f"{why}: run `make browser` (apt-get install -y chromium) to run the browser tests")


@pytest.fixture(scope="module")
def browser():
    executable = shutil.which("chromium")
    if executable is None:
        _unavailable("chromium is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def report_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render(make_snapshot()), encoding="utf-8")
    return path


@pytest.fixture
def page(browser, report_file):
    """The report loaded from file://, with every request, dialog and error recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.requests, pg.dialogs, pg.errors = [], [], []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith(("file:", "data:")) else route.abort())
    pg.goto(report_file.as_uri())
    pg.wait_for_selector("html[data-civcas-ready]", timeout=10_000)
    yield pg
    context.close()


def _visible_rows(pg) -> list[str]:
    return pg.eval_on_selector_all(
        "#incidents tbody tr", "rows => rows.filter(r => !r.hidden).map(r => r.dataset.anchor)")


def test_map_timeline_gap_and_rows_render(page):
    assert page.locator("#map path.civcas-outline").count() >= 3  # Syria, Iraq, neighbours
    assert page.locator("#map path.civcas-marker").count() == 5  # the 6th is unlocated
    assert page.locator("#map path.grade-confirmed").count() == 1
    assert page.locator("#timeline polygon.band").count() == 1
    assert page.locator("#timeline .period").count() >= 4
    assert page.locator("svg.gap-chart").count() == 2
    assert page.locator("tr.incident-row").count() == 6
    marks = 0
    for n in range(1, 7):  # an incident's claims are drawn when it is opened
        page.evaluate(f"window.location.hash = 'incident-{n}'")
        page.wait_for_selector(f"article.incident#incident-{n}")
        marks += page.locator("article.incident .claim mark").count()
    assert marks == 9
    page.locator("tr.incident-row a").first.click()
    assert page.locator("article.incident").count() == 1
    assert page.errors == []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
    page.locator("#map").screenshot(path=str(ARTIFACTS / "report-map.png"))


def test_region_outlines_under_the_incidents(page):
    syria = page.locator("#map path.civcas-region.region-SY")
    assert syria.count() == 15  # 14 governorates and the UNDOF zone
    # Iraq's southernmost governorates lie beyond 3 degrees of the fixture's incidents
    assert 12 <= page.locator("#map path.civcas-region.region-IQ").count() < 18
    # drawn beneath: every region path comes before every marker in the map's SVG
    assert page.evaluate("""() => {
        const regions = [...document.querySelectorAll('#map path.civcas-region')];
        const first = document.querySelector('#map path.civcas-marker');
        return regions.length > 0 && regions.every(r =>
            r.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""")
    aleppo = page.evaluate("""() => [...document.querySelectorAll('#map path.region-SY')]
        .findIndex(p => p.getBoundingClientRect().width > 0)""")
    assert aleppo >= 0
    syria.nth(aleppo).dispatch_event("mouseover")
    tip = page.locator(".leaflet-tooltip.civcas-region-tip")
    tip.wait_for(timeout=5_000)
    assert tip.inner_text().endswith("(SY)")
    syria.nth(aleppo).dispatch_event("mouseout")
    # labels from zoom 7 on (the fixture's view), none when zoomed out
    assert page.evaluate("() => document.querySelectorAll('.civcas-region-label').length") > 0
    page.locator("#map .leaflet-control-zoom-out").click()
    page.locator("#map .leaflet-control-zoom-out").click()
    # wait for the zoom to settle rather than a fixed time: a loaded machine animates slower
    page.wait_for_function("() => document.querySelectorAll('.civcas-region-label').length === 0", timeout=10_000)
    assert page.locator(".civcas-region-label").count() == 0
    assert page.locator("#map path.civcas-region").count() > 0
    page.locator("#map").screenshot(path=str(ARTIFACTS / "report-regions.png"))
    page.locator("#map .leaflet-control-zoom-in").click()
    page.locator("#map .leaflet-control-zoom-in").click()
    page.wait_for_function("() => document.querySelectorAll('.civcas-region-label').length > 0", timeout=10_000)
    assert page.locator(".civcas-region-label").count() > 0
    # a click on an incident still opens its popup, not the region's
    page.locator("#map path.grade-confirmed").dispatch_event("click")
    assert "Strike on a market in Raqqa" in page.locator(".leaflet-popup-content").inner_text()
    assert page.errors == []
    offending = [u for u in page.requests if not u.startswith(("file:", "data:"))]
    assert offending == []


def test_no_network_request(page):
    page.locator("#map path.civcas-region").first.dispatch_event("mouseover")
    page.locator("#map path.civcas-marker").first.dispatch_event("click")
    page.mouse.wheel(0, 2000)
    page.wait_for_timeout(300)
    assert page.requests, "the page itself should have been requested"
    offending = [u for u in page.requests if not u.startswith(("file:", "data:"))]
    assert offending == []


def test_popup_shows_the_claims(page):
    marker = page.locator("#map path.grade-confirmed")
    marker.dispatch_event("click")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5_000)
    text = popup.inner_text()
    assert "Strike on a market in Raqqa" in text
    assert "9–18" in text and "Civil Monitor Group" in text and "confirmed" in text
    page.locator("#map").screenshot(path=str(ARTIFACTS / "report-popup.png"))


def test_sorting(page):
    killed = page.locator("#incidents thead th").nth(5)
    killed.locator("button").click()
    assert killed.get_attribute("aria-sort") == "ascending"
    assert _visible_rows(page)[-1] == "incident-3"  # Mosul, best 25
    killed.locator("button").click()
    assert killed.get_attribute("aria-sort") == "descending"
    assert _visible_rows(page)[0] == "incident-3"
    date_th = page.locator("#incidents thead th").nth(0)
    date_th.locator("button").click()
    assert _visible_rows(page)[0] == "incident-6"  # undated first
    assert _visible_rows(page)[1:] == [f"incident-{i}" for i in range(1, 6)]


def test_filtering(page):
    page.select_option("#filter-grade", "weak")
    assert _visible_rows(page) == ["incident-2", "incident-4"]
    page.select_option("#filter-grade", "")
    page.select_option("#filter-country", "IQ")
    assert _visible_rows(page) == ["incident-3", "incident-4"]
    page.select_option("#filter-country", "")
    page.fill("#filter-text", "idlib")
    assert _visible_rows(page) == ["incident-5"]
    assert page.inner_text("#filter-count") == "1 of 6 incidents"
    page.fill("#filter-text", "")
    assert len(_visible_rows(page)) == 6


def test_hostile_article_text_is_inert(page):
    assert page.dialogs == []
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0
    page.evaluate("window.location.hash = 'incident-2'")
    title = page.locator("#incident-2 h3").text_content()
    assert "<script>window.__pwned = 1; alert(1)</script>" in title
    assert 'onerror="window.__pwned=2"' in title
    page.locator("#map path.grade-weak").first.dispatch_event("click")
    page.locator(".leaflet-popup-content").wait_for(timeout=5_000)
    page.wait_for_timeout(200)
    assert page.dialogs == [] and page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator('a[href^="javascript"]').count() == 0


def test_hostile_article_through_the_real_ledger_is_inert(browser, tmp_path):
    from civcas import api

    article = tmp_path / "in" / "hostile.txt"
    article.parent.mkdir()
    article.write_text(
        "Strike on Aleppo market <script>alert('title')</script>\n\n"
        "An air strike on a market in Aleppo killed 12 civilians on Monday, "
        "<img src=x onerror=alert(1)> the Syrian Observatory for Human Rights said. "
        "<script>window.__pwned = 1; alert(2)</script>\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    api.ingest([article.parent], db=db)
    report = api.report(tmp_path / "report.html", db=db)
    context = browser.new_context()
    pg = context.new_page()
    dialogs, requests = [], []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.on("request", lambda r: requests.append(r.url))
    pg.goto(report.as_uri())
    pg.wait_for_selector("html[data-civcas-ready]", timeout=10_000)
    markers = pg.locator("#map path.civcas-marker")
    for i in range(markers.count()):
        markers.nth(i).dispatch_event("click")
    pg.wait_for_timeout(300)
    assert dialogs == []
    assert pg.evaluate("typeof window.__pwned") == "undefined"
    assert pg.locator("img").count() == 0
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
    assert pg.locator("tr.incident-row").count() >= 1
    pg.locator("tr.incident-row a").first.click()
    pg.wait_for_selector("article.incident")
    text = pg.locator("#details-section").text_content()
    assert "<img src=x onerror=alert(1)>" in text  # shown as text, not run
    context.close()


def test_ten_thousand_incidents_page_by_page(browser, tmp_path):
    """A big ledger: the table shows 100 rows a page, sorts and filters all of them."""
    from outputs.fixtures import many_incidents

    path = tmp_path / "big.html"
    path.write_text(render(many_incidents(3000)), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(path.as_uri())
    pg.wait_for_selector("html[data-civcas-ready]", timeout=30_000)
    assert pg.locator("tr.incident-row").count() == 100
    assert pg.inner_text("#page-info") == "page 1 of 30"
    pg.click("#page-next")
    assert pg.inner_text("#page-info") == "page 2 of 30"
    killed = pg.locator("#incidents thead th").nth(5)
    killed.locator("button").click()
    assert pg.inner_text("#page-info") == "page 1 of 30"
    values = [int(v) for v in pg.eval_on_selector_all(
        "#incidents tbody td:nth-child(6)", "cells => cells.map(c => c.dataset.sort)")]
    assert values == sorted(values)
    pg.locator("tr.incident-row a").first.click()
    pg.wait_for_selector("article.incident .claim")
    assert errors == []
    context.close()
