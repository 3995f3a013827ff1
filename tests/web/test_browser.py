"""The review app in real headless Chromium (Debian's ``chromium``), served by uvicorn.

Log in, reject a claim and see the audit entry, merge two incidents, re-run
resolution and see the merged result; two reviewers at once (409); hostile
article text stays inert; no request leaves 127.0.0.1. Skipped when chromium or
playwright is missing, except under ``CI=true`` (the fixture of tests/report).
Screenshots go to ``build/test-artifacts/``.
"""
from __future__ import annotations

import socket
import threading
import time

import pytest
from argon2 import PasswordHasher

from civcas import api
from civcas.review import users as _users
from report.test_browser import ARTIFACTS, browser  # noqa: F401  (the chromium fixture)

from .conftest import PASSWORD, fill

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The app over a fresh test ledger, served by uvicorn on a free loopback port."""
    import uvicorn

    from civcas.web import create_app

    hasher, _users.HASHER = _users.HASHER, PasswordHasher(time_cost=1, memory_cost=1024,
                                                         parallelism=1)
    try:
        url = fill(f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}")
    finally:
        _users.HASHER = hasher
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(url, secret_key="test-secret-key-of-at-least-32-bytes!"),
                                           host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", url
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def open_page(browser, served):  # noqa: F811
    """A function giving a new page (own cookies) with requests, dialogs and errors recorded."""
    base, _ = served
    contexts = []

    def make():
        context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base)
        contexts.append(context)
        pg = context.new_page()
        pg.requests, pg.dialogs, pg.errors = [], [], []
        pg.on("request", lambda r: pg.requests.append(r.url))
        pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))
        context.route("**/*", lambda route: route.continue_()
                      if route.request.url.startswith(base) else route.abort())
        return pg

    yield make
    for context in contexts:
        context.close()


def log_in(pg, name: str) -> None:
    pg.goto("/incidents")
    assert "/login?next=" in pg.url
    pg.fill("input[name=name]", name)
    pg.fill("input[name=password]", PASSWORD)
    pg.click("form.login button[type=submit]")
    pg.wait_for_url("**/incidents")


def open_incident(pg, search: str) -> str:
    pg.goto(f"/incidents?q={search}")
    rows = pg.locator("tr.incident-row")
    assert rows.count() == 1
    incident_id = rows.first.get_attribute("data-id")
    rows.first.locator("td").nth(1).click()  # the row itself is a link (app.js)
    pg.wait_for_url(f"**/incidents/{incident_id}")
    return incident_id


# (tests run in this order on one ledger: the merge comes last but one)
def test_hostile_article_text_is_inert_and_list_sorts(open_page):
    pg = open_page()
    log_in(pg, "vic")
    open_incident(pg, "melta")
    assert pg.evaluate("typeof window.pwned") == "undefined"
    assert pg.dialogs == [] and pg.errors == []
    assert pg.locator("main img").count() == 0 and pg.locator("main script").count() == 0
    assert "<script>window.pwned=1</script>" in pg.locator("blockquote.sentence").inner_text()
    assert pg.locator('a[href^="javascript"]').count() == 0
    assert pg.locator("#review").count() == 0  # a viewer gets no review forms
    pg.goto("/incidents")
    pg.click('th a[data-sort="killed"]')
    pg.wait_for_load_state()
    first = pg.locator("tr.incident-row td").nth(3).inner_text()
    pg.click('th a[data-sort="killed"]')
    pg.wait_for_load_state()
    assert pg.locator("tr.incident-row td").nth(3).inner_text() != first
    pg.select_option("#filters select[name=country]", "IQ")  # app.js submits on change
    pg.wait_for_url("**country=IQ**")
    assert pg.locator("tr.incident-row").count() == 1
    pg.screenshot(path=str(ARTIFACTS / "web-list.png"), full_page=True)


def test_reject_a_claim_see_the_audit_entry_merge_and_reresolve(open_page, served):
    _, url = served
    pg = open_page()
    log_in(pg, "rita")
    assert pg.locator("tr.incident-row").count() == 3
    korva = open_incident(pg, "korva")
    assert pg.locator("article.claim").count() == 3
    assert pg.locator("blockquote.sentence mark").count() == 3
    army = pg.locator("article.claim", has=pg.get_by_text("the army", exact=True))
    army.locator(".reject-form input[name=reason]").fill("a denial, not a count")
    army.locator(".reject-form button").click()
    pg.wait_for_load_state()
    assert "rejected" in pg.locator(".flash").inner_text()
    audit = pg.locator("#audit tr.audit-entry")
    assert audit.count() == 1
    assert "judge:reject_claim" in audit.first.inner_text()
    assert "rita" in audit.first.inner_text() and "a denial, not a count" in audit.first.inner_text()
    assert pg.locator("#rejected article.claim").count() == 1
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "web-rejected.png"), full_page=True)

    pg.goto("/incidents?q=melta")
    melta = pg.locator("tr.incident-row").first.get_attribute("data-id")
    pg.goto(f"/incidents/{korva}")
    pg.check(f'#merge-form .neighbours input[value="{melta}"]')  # offered: same day, 4 km
    pg.fill("#merge-form input[name=reason]", "one raid on two villages")
    pg.click("#merge-form button[type=submit]")
    pg.wait_for_load_state()
    assert "merged" in pg.locator(".flash").inner_text()
    merged_url = pg.url
    assert pg.locator("#claims article.claim").count() == 3  # korva's 2 left + melta's 1

    api.resolve(db=url)  # the machine runs again: the judgements still apply
    pg.goto(merged_url)
    assert pg.locator("#claims article.claim").count() == 3
    assert pg.locator("#rejected article.claim").count() == 1
    kinds = pg.eval_on_selector_all("tr.judgement", "rows => rows.map(r => r.dataset.kind)")
    assert sorted(kinds) == ["merge", "reject_claim"]
    assert pg.locator("#audit tr.audit-entry").count() == 2
    pg.goto("/incidents?admin1=Homs")
    assert pg.locator("tr.incident-row").count() == 1
    pg.goto(merged_url)
    pg.screenshot(path=str(ARTIFACTS / "web-merged.png"), full_page=True)
    assert pg.errors == [] and pg.dialogs == []
    assert all(u.startswith(served[0]) for u in pg.requests)


def test_two_reviewers_the_later_save_gets_409(open_page):
    one, two = open_page(), open_page()
    log_in(one, "rita")
    log_in(two, "rex")
    darin = open_incident(one, "darin")
    two.goto(f"/incidents/{darin}")
    one.select_option("#grade-form select[name=grade]", "fair")
    one.fill("#grade-form input[name=reason]", "council list of names")
    one.click("#grade-form button[type=submit]")
    one.wait_for_load_state()
    assert one.locator("#grade").inner_text() == "fair"
    two.select_option("#grade-form select[name=grade]", "discounted")
    two.fill("#grade-form input[name=reason]", "single source")
    with two.expect_response(lambda r: r.request.method == "POST") as posted:
        two.click("#grade-form button[type=submit]")
    assert posted.value.status == 409
    assert "changed since you loaded it" in two.locator(".message").inner_text()
    two.screenshot(path=str(ARTIFACTS / "web-conflict.png"), full_page=True)
    two.click("#back")  # "Reload the incident"
    two.wait_for_url(f"**/incidents/{darin}")
    assert two.locator("#grade").inner_text() == "fair"
