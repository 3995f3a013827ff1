"""The review desk in real headless Chromium: the queue as the front page, a bulk correction
of one sentence's claims, undo (itself a judgement), the audit log page, the map of the
filtered incidents (offline Leaflet, no request leaves 127.0.0.1) and the CSV export of a
filtered list. Its own ledger: the web test reports plus one sentence with two claims."""
from __future__ import annotations

import csv
import io
import threading
import time

import pytest
from argon2 import PasswordHasher
from conftest import make_result
from report.test_browser import ARTIFACTS, browser  # noqa: F401  (the chromium fixture)

from civcas.records import Place
from civcas.review import users as _users
from civcas.store import Ledger

from .conftest import fill
from .test_browser import (
    _free_port,
    log_in,
    open_incident,
    open_page,  # noqa: F401  (a page of this module's server)
)

pytestmark = pytest.mark.browser
SARBA = Place("Sarba", 35.500, 36.600, "SY", "Idlib", precision="village", geonames_id=904)
KEY = "test-secret-key-of-at-least-32-bytes!"


def sarba():
    text = ("Jets bombed a school in Sarba on Sunday, killing 4 children and 2 women, a "
            "teacher said.")
    common = dict(source="a teacher", place="Sarba", event_date="2021-05-02", geo=SARBA)
    return make_result("sarba-report", text, [
        dict(phrase="4 children", low=4, high=4, victims="children", **common),
        dict(phrase="2 women", low=2, high=2, victims="women", **common),
    ], published="2021-05-03", outlet="Idlib Echo")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    import uvicorn

    from civcas.web import create_app

    hasher, _users.HASHER = _users.HASHER, PasswordHasher(time_cost=1, memory_cost=1024,
                                                         parallelism=1)
    try:
        url = f"sqlite:///{tmp_path_factory.mktemp('desk') / 'desk.db'}"
        with Ledger(url) as ledger:
            list(ledger.ingest([sarba()]))
        fill(url)
    finally:
        _users.HASHER = hasher
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(url, secret_key=KEY), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", url
    server.should_exit = True
    thread.join(timeout=10)


def test_the_queue_is_the_front_page(open_page):  # noqa: F811
    pg = open_page()
    log_in(pg, "rita")
    pg.goto("/")
    assert pg.locator("#queues tr.queue").count() == 6
    # no claim of these reports carries a confidence: nobody is "least sure"
    assert pg.locator("#unsure tr.incident-row").count() == 0
    assert "unsure of" in pg.locator("#unsure").inner_text()
    unreviewed = pg.locator('#queues tr[data-queue="unreviewed"] td.left').inner_text()
    assert unreviewed == "4"
    assert pg.locator("#first tr.incident-row").count() == 4
    pg.click('#queues tr[data-queue="low_confidence"] a')
    pg.wait_for_url("**queue=low_confidence**sort=confidence&order=asc**")
    assert pg.locator("tr.incident-row").count() == 0
    pg.goto("/")
    pg.click('#queues tr[data-queue="single_source"] a')
    pg.wait_for_url("**queue=single_source**")
    assert pg.locator("tr.incident-row").count() >= 1
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.goto("/")
    pg.screenshot(path=str(ARTIFACTS / "web-queue.png"), full_page=True)
    assert pg.errors == []


def test_bulk_correction_then_undo_then_the_audit_page(open_page):  # noqa: F811
    pg = open_page()
    log_in(pg, "rita")
    open_incident(pg, "sarba")
    form = pg.locator("form.bulk-form").first
    assert form.locator('input[name="claims"]').count() == 2
    form.locator('input[name="perpetrator"]').fill("Syrian government forces")
    form.locator('input[name="reason"]').fill("the teacher's school was hit by the air force")
    form.locator('button[type="submit"]').click()
    pg.wait_for_load_state()
    assert "2 claims corrected" in pg.locator(".flash").inner_text()
    assert pg.locator("tr.judgement").count() == 2
    assert "Reviewed by rita" in pg.locator("#review-status").inner_text()
    assert "Syrian government forces" in pg.locator(".facts").inner_text()

    first = pg.locator("tr.judgement").first
    undone_id = first.get_attribute("data-id")
    first.locator('.undo-form input[name="reason"]').fill("wrong sentence")
    first.locator(".undo-form button").click()
    pg.wait_for_load_state()
    assert "undone" in pg.locator(".flash").inner_text()
    assert pg.locator(f'tr.judgement.undone[data-id="{undone_id}"]').count() == 1
    assert pg.locator('tr.judgement[data-kind="undo"]').count() == 1
    pg.screenshot(path=str(ARTIFACTS / "web-undo.png"), full_page=True)

    pg.goto("/audit?action=judge:")
    rows = pg.locator("#audit-log tr.audit-entry")
    assert rows.count() == 3  # two corrections and the undo, newest first
    assert rows.first.get_attribute("data-action") == "judge:undo"
    pg.select_option("#audit-filters select[name=action]", "login:")  # app.js submits
    pg.wait_for_url("**action=login**")
    assert all(a.startswith("login:") for a in pg.eval_on_selector_all(
        "#audit-log tr.audit-entry", "rows => rows.map(r => r.dataset.action)"))
    pg.screenshot(path=str(ARTIFACTS / "web-audit.png"), full_page=True)
    assert pg.errors == []


def test_the_map_and_the_export_of_a_filtered_list(open_page, served):  # noqa: F811
    base, _ = served
    pg = open_page()
    log_in(pg, "vic")
    pg.goto("/incidents?country=SY")
    assert pg.locator("tr.incident-row").count() == 3
    pg.click("#show-map")
    pg.wait_for_selector("#map[data-ready]")
    assert pg.locator("#map").get_attribute("data-ready") == "3"
    assert pg.locator("#map .leaflet-interactive").count() >= 3
    pg.screenshot(path=str(ARTIFACTS / "web-map.png"), full_page=True)
    pg.goto("/incidents?country=SY")
    with pg.expect_download() as got:
        pg.click("#export-csv")
    with open(got.value.path(), encoding="utf-8") as f:
        rows = list(csv.DictReader(io.StringIO(f.read())))
    assert len(rows) == 3 and {r["country"] for r in rows} == {"SY"}
    assert all(u.startswith(base) for u in pg.requests)
    assert pg.errors == [] and pg.dialogs == []
