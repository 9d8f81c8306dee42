"""Fetch http(s) URLs politely: a timeout, a size limit and a user agent that says who is asking."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator

from veille import __version__
from veille.records import Article, Failure
from veille.sources.failures import read_failure
from veille.sources.limits import ReadLimits, over_limit

USER_AGENT = f"veille/{__version__} (conflict-event research; one request per URL given by the user)"


def is_url(path: str) -> bool:
    """True for an http:// or https:// address."""
    return path.lower().startswith(("http://", "https://"))


def fetch(url: str, limits: ReadLimits) -> tuple[bytes, str] | Failure:
    """Return a URL's body and content type, or a Failure (HTTP error, timeout, too large)."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=limits.fetch_timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limits.max_bytes:
                return read_failure(url, over_limit(int(declared), limits.max_bytes, "page"))
            data = response.read(limits.max_bytes + 1)
            content_type = response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        return read_failure(url, f"HTTP {error.code} {error.reason}")
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        return read_failure(url, f"cannot fetch: {reason}")
    if len(data) > limits.max_bytes:
        return read_failure(url, over_limit(len(data), limits.max_bytes, "page"))
    return data, content_type


def suffix_for_content_type(content_type: str, url: str) -> str:
    """The file suffix whose reader fits a fetched body: by content type, else by the URL's ending."""
    by_type = {"text/html": ".html", "application/xhtml+xml": ".html", "application/rss+xml": ".rss",
               "application/atom+xml": ".atom", "application/xml": ".xml", "text/xml": ".xml",
               "text/csv": ".csv", "application/x-ndjson": ".jsonl", "application/jsonl": ".jsonl",
               "text/plain": ".txt"}
    if content_type in by_type:
        return by_type[content_type]
    path = url.split("?", 1)[0].rsplit("/", 1)[-1]
    return "." + path.rsplit(".", 1)[-1].lower() if "." in path else ".html"


def fetched_results(url: str, results: Iterator[Article | Failure]) -> Iterator[Article | Failure]:
    """Give fetched articles the URL they came from when the page named none."""
    for item in results:
        if isinstance(item, Article) and not item.url:
            item = item.model_copy(update={"url": url})
        yield item
