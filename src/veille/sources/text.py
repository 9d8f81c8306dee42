"""Read plain-text and Markdown articles, with optional YAML front matter, into Articles."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml

from veille.records import Article, Failure
from veille.sources.failures import read_failure
from veille.sources.metadata import ArticleDefaults, build_article
from veille.sources.raw import decode_text_file

OPENING_FENCE = re.compile(r"---[ \t]*\n")
CLOSING_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$\n?", re.MULTILINE)


class FrontMatterError(ValueError):
    """Front matter that is not closed, not YAML, or not a mapping."""


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split `---`-fenced YAML front matter from the body; no fence at the top means no front matter."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    opening = OPENING_FENCE.match(text)
    if not opening:
        return {}, text
    closing = CLOSING_FENCE.search(text, opening.end())
    if not closing:
        raise FrontMatterError("malformed front matter: no closing '---' line")
    block = text[opening.end() : closing.start()]
    try:
        fields = yaml.safe_load(block)
    except yaml.YAMLError as error:
        raise FrontMatterError(f"malformed front matter: {describe_yaml_error(error)}") from None
    if fields is None:
        fields = {}
    if not isinstance(fields, dict):
        kind = type(fields).__name__
        raise FrontMatterError(f"malformed front matter: expected 'key: value' lines, got {kind}")
    return {str(key): value for key, value in fields.items()}, text[closing.end() :]


def describe_yaml_error(error: yaml.YAMLError) -> str:
    """Return a one-line YAML error with its line number counted in the file (after the opening fence)."""
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    mark = getattr(error, "problem_mark", None)
    if mark is None:
        return problem
    return f"{problem} (line {mark.line + 2} of the file)"


def read_text(data: bytes, source: str, defaults: ArticleDefaults) -> Iterator[Article | Failure]:
    """Yield the one Article of a text file, or a Failure when it cannot be read."""
    text = decode_text_file(data, source)
    if isinstance(text, Failure):
        yield text
        return
    try:
        fields, body = split_front_matter(text)
    except FrontMatterError as error:
        yield read_failure(source, str(error))
        return
    yield build_article(fields, body, source, defaults)
