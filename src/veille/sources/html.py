"""Read HTML pages into Articles: main text, title, date, outlet and URL found by trafilatura."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from trafilatura import bare_extraction

from veille.records import Article, Failure
from veille.sources.encoding import decode_any
from veille.sources.failures import read_failure
from veille.sources.metadata import ArticleDefaults, build_article

# trafilatura logs every page it finds empty; veille reports those as failures instead.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def read_html(data: bytes, source: str, defaults: ArticleDefaults) -> Iterator[Article | Failure]:
    """Yield the one Article of an HTML file, or a Failure saying why there is none."""
    html = decode_any(data, source)
    if isinstance(html, Failure):
        yield html
        return
    yield html_article(html, source, defaults)


def html_article(html: str, source: str, defaults: ArticleDefaults, url: str | None = None) -> Article | Failure:
    """Return the Article of one page's HTML; url is where it was fetched from (a fallback for the page's own)."""
    if not html.strip():
        return read_failure(source, "empty file")
    try:
        document = bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                   include_tables=False)
    except Exception as error:  # noqa: BLE001 - trafilatura/lxml raise many kinds on broken markup
        return read_failure(source, f"cannot parse HTML: {type(error).__name__}", detail=str(error))
    if document is None or not (document.text or "").strip():
        return read_failure(source, "no main text found in the HTML page")
    fields = {
        "title": document.title,
        "published": document.date,
        "url": document.url or url,
        "outlet": document.sitename or document.hostname,
        "language": document.language,
    }
    return build_article(fields, _without_title_line(document.text, document.title), source, defaults)


def _without_title_line(text: str, title: str | None) -> str:
    """Drop the first line when it only repeats the title (trafilatura keeps the page's <h1>)."""
    first, _, rest = text.partition("\n")
    if title and first.strip() == title.strip() and rest.strip():
        return rest
    return text
