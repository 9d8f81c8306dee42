"""The viewer in Debian's Chromium (Playwright) against `veille serve` on the sample corpus.

Map shows the events, a type filter and a timeline brush change what is shown, clicking an event
opens its highlighted evidence, and an article carrying script payloads stays inert text.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.web_fixtures import sample_db  # noqa: F401  (fixture)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOT_DIR = Path(__file__).resolve().parents[1] / "bench" / "out"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(sample_db):
    """`veille serve` in a subprocess on a free loopback port; yields its base URL."""
    port = free_port()
    command = [sys.executable, "-c", "from veille.cli import app; app()", "serve", "--db", sample_db, "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=dict(os.environ))
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
            if process.poll() is not None:
                raise RuntimeError(process.stdout.read().decode())
        else:
            raise RuntimeError("veille serve did not answer")
        # Load the base map once (it is compacted and cached on first use), as the page will.
        httpx.get(base + "/api/basemap/countries", timeout=120)
        httpx.get(base + "/api/basemap/admin1", params={"iso3": "SYR,IRQ"}, timeout=120)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def page(server):
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1500, "height": 950})
        tab.dialogs = []
        tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
        tab.goto(server + "/")
        wait_ready(tab, None, timeout_ms=120_000)  # first load: base map outlines, on a busy CI machine
        yield tab
        browser.close()


def wait_ready(tab, previous: str | None, timeout_ms: int = 45_000) -> str:
    """Wait until the page finished loading after the change that followed `previous`."""
    try:
        tab.wait_for_function(
            "prev => document.body.dataset.ready && document.body.dataset.ready !== prev", arg=previous,
            timeout=timeout_ms)
    except Exception:
        state = tab.evaluate("[document.body.dataset.ready, document.getElementById('status').textContent]")
        raise AssertionError(f"page not ready after {previous!r}: {state}") from None
    tab.wait_for_timeout(100)
    return tab.evaluate("document.body.dataset.ready")


def shown_on_map(tab) -> int:
    """Events drawn on the map: single points plus the counts of the clusters."""
    return tab.evaluate("""() => document.querySelectorAll('#map .event-point').length +
        [...document.querySelectorAll('#map .cluster')].reduce((n, c) => n + Number(c.dataset.count), 0)""")


def table_total(tab) -> int:
    return int(tab.inner_text("#status").split()[0])


def test_the_map_shows_every_located_event(page, server):
    located = httpx.get(server + "/api/geojson").json()["total"]
    assert located > 30
    assert shown_on_map(page) == located
    assert page.inner_text("#map-note").startswith(f"{located} events on the map")
    assert table_total(page) == httpx.get(server + "/api/events").json()["total"]


def test_a_type_filter_changes_the_map_and_the_table(page, server):
    ready = page.evaluate("document.body.dataset.ready")
    page.check("#types input[value='Protests']")
    ready = wait_ready(page, ready)
    protests = httpx.get(server + "/api/geojson", params={"event_type": "Protests"}).json()["total"]
    assert 0 < protests < httpx.get(server + "/api/geojson").json()["total"]
    assert shown_on_map(page) == protests
    types = page.eval_on_selector_all("#events tbody tr", "rows => rows.map(r => r.dataset.type)")
    assert types and set(types) == {"Protests"}
    page.click("#reset-filters")
    wait_ready(page, ready)


def test_a_timeline_brush_narrows_the_dates(page, server):
    total = table_total(page)
    ready = page.evaluate("document.body.dataset.ready")
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.93, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.985, y, steps=5)
    page.mouse.up()
    wait_ready(page, ready)
    label = page.inner_text("#brush-label")
    first, last = label.split(" to ")
    narrowed = table_total(page)
    assert 0 < narrowed < total
    dates = page.eval_on_selector_all("#events tbody tr td:first-child", "cells => cells.map(c => c.textContent)")
    assert dates and all(first <= d <= last for d in dates)
    expected = httpx.get(server + "/api/geojson", params={"date_from": first, "date_to": last}).json()["total"]
    assert shown_on_map(page) == expected
    ready = page.evaluate("document.body.dataset.ready")
    page.click("#clear-brush")
    wait_ready(page, ready)
    assert table_total(page) == total


def open_an_event_from_the_map(page) -> None:
    for _ in range(8):
        if page.locator("#map .event-point").count():
            page.locator("#map .event-point").first.click()
            return
        page.locator("#map .cluster").first.click()
        if page.locator("#detail .event-list a").count():
            page.locator("#detail .event-list a").first.click()
            return
    raise AssertionError("no event could be opened from the map")


def test_clicking_an_event_on_the_map_opens_its_highlighted_evidence(page):
    open_an_event_from_the_map(page)
    page.wait_for_selector("#detail mark.evidence", timeout=10_000)
    text = page.inner_text("#detail .article-text")
    marks = page.eval_on_selector_all("#detail mark.evidence", "ms => ms.map(m => [m.textContent, m.dataset.fields])")
    assert marks and all(mark_text in text for mark_text, _ in marks)
    assert any("trigger" in fields.split() for _, fields in marks)
    assert page.inner_text("#detail .claim")
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / "web_viewer.png"))


def test_the_article_with_script_payloads_stays_inert(page, server):
    found = httpx.get(server + "/api/events", params={"q": "Clash near Saraqib"}).json()["items"]
    xss_event = next(item for item in found if "<script>" in (item["title"] or ""))
    ready = page.evaluate("document.body.dataset.ready")
    page.fill("#f-q", "Clash near Saraqib")
    wait_ready(page, ready)
    page.click(f"#events tbody tr[data-id='{xss_event['id']}']")
    page.wait_for_selector("#detail .article-text", timeout=10_000)
    text = page.inner_text("#detail .article-text")
    assert "<script>alert('xss-script')</script>" in text
    assert "onerror=\"alert('xss-onerror')\"" in text
    assert "<script>alert('title')</script>" in page.text_content("#detail h3 cite")
    assert page.locator("#detail script, #detail img, #events img, #filters img").count() == 0
    assert "<img src=x onerror=alert('outlet')>" in page.inner_text("#f-outlet")
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert page.evaluate("document.querySelectorAll('script').length") == 5  # the page's own scripts only
