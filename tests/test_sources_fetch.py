"""http(s) inputs, against a local HTTP server: content types, errors, size limit, timeout, user agent."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.mixed_inputs import REPORTS, html_page, rss_feed
from veille.records import Article, Failure
from veille.sources import ReadLimits, read_sources
from veille.sources.fetch import USER_AGENT

PAGES = {
    "/page": ("text/html; charset=windows-1256", html_page("Mossoul", "قُتل ثلاثة جنود قرب الموصل يوم الاثنين، وفق "
                                                          "ما قاله مسؤول أمني محلي للصحفيين في المدينة.",
                                                          charset="windows-1256").encode("windows-1256")),
    "/feed": ("application/rss+xml", rss_feed([("Kirkuk", "https://g.example/1", REPORTS[1])]).encode()),
    "/big": ("text/html", b"<p>" + b"a" * 3000 + b"</p>"),
}


class Handler(BaseHTTPRequestHandler):
    seen_agents: list[str] = []

    def do_GET(self):  # noqa: N802 - the http.server API
        Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/slow":
            time.sleep(2)
        if self.path not in PAGES:
            self.send_error(404, "Not Found")
            return
        content_type, body = PAGES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_fetched_page_and_feed_become_articles(server):
    page, entry = read_sources([f"{server}/page", f"{server}/feed"])
    assert isinstance(page, Article) and "الموصل" in page.text and page.url == "https://levant.example/a"  # the canonical link wins
    assert isinstance(entry, Article) and entry.text == REPORTS[1] and entry.outlet == "Gulf Dispatch"
    assert Handler.seen_agents[-1] == USER_AGENT and "veille" in USER_AGENT


def test_fetch_errors_are_failures(server):
    missing, big, slow = read_sources([f"{server}/nope", f"{server}/big", f"{server}/slow"],
                                      limits=ReadLimits(fetch_timeout=0.5), max_bytes=1000)
    assert isinstance(missing, Failure) and missing.message == "HTTP 404 Not Found"
    assert big.message == "page too large: 3007 bytes > limit 1000"
    assert slow.message.startswith("cannot fetch") and "timed out" in slow.message
    (refused,) = read_sources(["http://127.0.0.1:9/closed"])
    assert refused.message.startswith("cannot fetch")
