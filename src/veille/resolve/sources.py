"""Independent sources behind an incident: relays of one original source and syndicated copies count once."""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Mapping

from veille.extract.lexicon_match import fold
from veille.records import Article, Event
from veille.resolve.compatibility import rules
from veille.resources import SUPPORTED_LANGUAGES, lexicon

_WORD = re.compile(r"\w+")
_GENERIC = re.compile(r"^(?:(?:le|la|les|l'|the)\s+)?(?:site|agence|agency|journal|chaine|television|"
                      r"quotidien|news agency|website|outlet)\s+(?:\w+\s+)?(?=[A-Z])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    """Folded source name -> canonical name, from every language's attribution resource."""
    table: dict[str, str] = {}
    for language in SUPPORTED_LANGUAGES:
        for canonical, names in (lexicon(language, "attribution").get("source_aliases") or {}).items():
            table[fold(canonical)] = fold(canonical)
            for name in names:
                table[fold(name)] = fold(canonical)
    return table


def source_key(name: str) -> str:
    """A comparable key for a source name: "le site syrien Levant.info" and "Levant.info" give one key."""
    stripped = _GENERIC.sub("", name.strip())
    folded = fold(stripped)
    return _aliases().get(folded) or _aliases().get(fold(name)) or folded


def origin_of(event: Event, article: Article | None) -> str:
    """The original source of a report: the innermost named link of its claim chain, else its outlet."""
    named = [source for source in event.claim.chain if source.kind != "anonymous"]
    if named:
        return source_key(named[-1].name)
    if article is not None and article.outlet:
        return source_key(article.outlet)
    return "article:" + event.article_id


def _shingles(text: str, size: int = 5) -> set[int]:
    words = _WORD.findall(text.casefold())
    return {hash(tuple(words[i : i + size])) for i in range(max(1, len(words) - size + 1))}


def _syndicated(a: Article, b: Article, threshold: float) -> bool:
    first, second = _shingles(a.text), _shingles(b.text)
    return len(first & second) / max(1, len(first | second)) >= threshold


def independent_source_groups(events: list[Event], articles: Mapping[str, Article]) -> list[list[str]]:
    """Groups of origins that are one source: the same origin, or articles that copy one dispatch."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    origin_by_article: dict[str, str] = {}
    for event in events:
        origin = origin_of(event, articles.get(event.article_id))
        find(origin)
        if event.article_id in origin_by_article:
            parent[find(origin)] = find(origin_by_article[event.article_id])
        else:
            origin_by_article[event.article_id] = origin
    with_text = [articles[a] for a in origin_by_article if a in articles]
    threshold = float(rules()["syndication_jaccard"])
    for i, first in enumerate(with_text):
        for second in with_text[i + 1 :]:
            a, b = find(origin_by_article[first.id]), find(origin_by_article[second.id])
            if a != b and _syndicated(first, second, threshold):
                parent[a] = b
    groups: dict[str, list[str]] = {}
    for key in list(parent):
        groups.setdefault(find(key), []).append(key)
    return sorted(sorted(group) for group in groups.values())
