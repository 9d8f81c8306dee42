"""Benchmark corpus: realistic-length French and English articles made by varying the bundled sample."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

from veille.records import Article
from veille.resources import resource_path
from veille.sources import read_sources

SMALL_NUMBER = re.compile(r"\b([1-9][0-9]?)\b")


def sample_articles() -> list[Article]:
    """The bundled sample corpus, read the way `veille run` reads it."""
    return [a for a in read_sources([str(resource_path("sample", "articles"))]) if isinstance(a, Article)]


def _paragraphs(article: Article) -> list[str]:
    return [p.strip() for p in article.text.split("\n\n") if p.strip()]


def vary_article(n: int, base: Article, others: list[Article], rng: random.Random) -> dict:
    """One article of 450-700 words: a sample article, paragraphs of others in its language, numbers varied."""
    paragraphs = _paragraphs(base)
    lead, rest = paragraphs[0], paragraphs[1:]
    for other in rng.sample(others, k=3):
        rest.extend(_paragraphs(other)[1:])
    rng.shuffle(rest)
    kept, words = [lead], len(lead.split())
    target = rng.randint(450, 700)
    for paragraph in rest:
        if words >= target:
            break
        kept.append(paragraph)
        words += len(paragraph.split())
    text = SMALL_NUMBER.sub(lambda m: str(rng.randint(1, 40)), "\n\n".join(kept))
    published = base.published + timedelta(days=n % 365) if base.published else None
    return {"id": f"bench-{n:06d}", "text": text, "language": base.language, "outlet": base.outlet,
            "title": base.title, "published": published.isoformat() if published else None}


def generate_records(count: int, seed: int = 8) -> Iterator[dict]:
    """Yield `count` article records (JSON Lines fields), French and English alternating."""
    rng = random.Random(seed)
    by_language: dict[str, list[Article]] = {}
    for article in sample_articles():
        by_language.setdefault(article.language, []).append(article)
    languages = sorted(by_language)
    for n in range(count):
        pool = by_language[languages[n % len(languages)]]
        base = pool[(n // len(languages)) % len(pool)]
        yield vary_article(n, base, [a for a in pool if a is not base], rng)


def write_jsonl(path: Path, count: int, seed: int = 8) -> Path:
    """Write a generated corpus of `count` articles to a JSON Lines file, one record at a time."""
    with path.open("w", encoding="utf-8") as handle:
        for record in generate_records(count, seed):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
