"""The flow for a batch of articles: language, parse, mentions, places, events; failures recorded, never raised."""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from spacy.tokens import Doc

from veille.coding.events import code_events
from veille.extract.actors import find_actor_mentions
from veille.extract.attribution import find_hedge_mentions, find_source_mentions
from veille.extract.mentions import ArticleMentions
from veille.extract.places import find_place_mentions
from veille.extract.quantities import find_quantity_mentions
from veille.extract.times import find_time_mentions
from veille.extract.triggers import find_trigger_mentions
from veille.geo.capitals import events_at_capitals
from veille.geo.gazetteer import Gazetteer, default_gazetteer
from veille.geo.admin_seats import at_division_seats
from veille.geo.area_sides import at_told_sides
from veille.geo.containment import fit_to_containers, with_noted_places
from veille.geo.outlets import outlet_countries
from veille.geo.resolve import resolve_places
from veille.language import identify_language
from veille.nlp import load_pipeline
from veille.records import Article, Event, Failure, Skipped
from veille.resources import SUPPORTED_LANGUAGES
from veille.time_budget import TimeBudgetExceeded, time_budget

MAX_ARTICLE_CHARS = 1_000_000
# Articles longer than this are parsed up to a paragraph or sentence end before it: coding time grows faster
# than linearly with length (measured: 20k chars 4 s, 39k chars 15 s of dense
# sentences), so this caps it.
MAX_PARSE_CHARS = 20_000
# Seconds the extractors and coders may spend on one parsed article before it is recorded as failed.
ARTICLE_SECONDS = 60.0


def parse_extent(text: str, limit: int = MAX_PARSE_CHARS) -> int:
    """How many leading characters of a text to parse: all of it, else up to a paragraph or sentence end."""
    if len(text) <= limit:
        return len(text)
    for boundary in ("\n", ". ", " "):
        cut = text.rfind(boundary, 0, limit)
        if cut >= limit // 2:
            return cut + len(boundary.rstrip())
    return limit


@dataclass
class ArticleResult:
    """What became of one article: its events, or why it was skipped or failed."""

    article: Article
    events: list[Event] = field(default_factory=list)
    skipped: Skipped | None = None
    failure: Failure | None = None
    notes: list[Failure] = field(default_factory=list)  # non-fatal: e.g. only part of the text was parsed


def extract_mentions(doc: Doc, language: str, gazetteer: Gazetteer) -> ArticleMentions:
    """Run every extractor over one parsed article."""
    return ArticleMentions(
        triggers=find_trigger_mentions(doc, language),
        actors=find_actor_mentions(doc, language),
        times=[],  # filled by the caller, which knows the publication date
        quantities=find_quantity_mentions(doc, language),
        places=find_place_mentions(doc, language, gazetteer),
        sources=find_source_mentions(doc, language),
        hedges=find_hedge_mentions(doc, language),
    )


class Pipeline:
    """Turns Articles into coded Events; spaCy pipelines and the gazetteer are loaded once."""

    def __init__(self, gazetteer: Gazetteer | None = None, languages: Iterable[str] = SUPPORTED_LANGUAGES,
                 max_parse_chars: int = MAX_PARSE_CHARS, article_seconds: float | None = ARTICLE_SECONDS,
                 model=None):
        self.languages = tuple(languages)
        self.max_parse_chars = max_parse_chars
        self.article_seconds = article_seconds
        self._gazetteer = gazetteer
        self.model = model  # optional trained coder (veille.train.apply.ModelCoder): recodes the events' types

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def warm_up(self) -> None:
        """Load the spaCy pipelines and the gazetteer now rather than on the first article."""
        for language in self.languages:
            load_pipeline(language)
        _ = self.gazetteer

    def language_of(self, article: Article) -> tuple[str, float]:
        """The article's language: its declared one when supported, else the identified one."""
        if article.language and article.language in self.languages:
            return article.language, 1.0
        return identify_language(article.text, self.languages)

    def code_doc(self, article: Article, doc: Doc, language: str) -> list[Event]:
        """Mentions, places and events of one parsed article."""
        mentions = extract_mentions(doc, language, self.gazetteer)
        mentions.times = find_time_mentions(doc, language, article.published)
        text = doc.text
        places = resolve_places(mentions.places, text, language, self.gazetteer,
                                actor_countries=frozenset(actor.country for actor in mentions.actors if actor.country),
                                outlet_countries=outlet_countries(article.outlet, article.url, self.gazetteer))
        mentions.places, places = with_noted_places(doc, mentions.places, places, self.gazetteer)
        places = at_division_seats(fit_to_containers(mentions.places, places, text, language, self.gazetteer),
                                   self.gazetteer)
        places = at_told_sides(places, text, language, self.gazetteer)
        events = code_events(article, doc, language, mentions, places)
        if self.model is not None:
            events = self.model.recode(article, doc, language, mentions, events)
        return events_at_capitals(events, self.gazetteer)

    def process(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[ArticleResult]:
        """Process articles in batches, yielding one result per article in input order."""
        iterator = iter(articles)
        while batch := list(islice(iterator, batch_size)):
            yield from self._process_batch(batch, batch_size)

    def _process_batch(self, batch: list[Article], batch_size: int) -> list[ArticleResult]:
        results = [ArticleResult(article) for article in batch]
        by_language: dict[str, list[int]] = {}
        for index, result in enumerate(results):
            article = result.article
            if len(article.text) > MAX_ARTICLE_CHARS:
                result.failure = _failure(article, "read", f"article too long: {len(article.text)} characters "
                                          f"> limit {MAX_ARTICLE_CHARS}")
                continue
            try:
                language, score = self.language_of(article)
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
                result.failure = _failure(article, "language", str(exc), exc)
                continue
            if language not in self.languages:
                result.skipped = Skipped(article_id=article.id, source=article.source_path or article.id,
                                         reason=f"unsupported language {language!r} (confidence {score:.2f})",
                                         language=language)
                continue
            result.article = article.model_copy(update={"language": language})
            by_language.setdefault(language, []).append(index)
        for language, indexes in by_language.items():
            self._parse_and_code(results, indexes, language, batch_size)
        return results

    def _parse_and_code(self, results: list[ArticleResult], indexes: list[int], language: str, batch_size: int):
        nlp = load_pipeline(language)
        parsed: dict[int, str] = {}
        for i in indexes:
            text = results[i].article.text
            parsed[i] = text[: parse_extent(text, self.max_parse_chars)]
            if len(parsed[i]) < len(text):
                results[i].notes.append(_failure(results[i].article, "limit", f"article cut: parsed the first "
                                                 f"{len(parsed[i])} of {len(text)} characters "
                                                 f"(limit {self.max_parse_chars})"))
        texts = ((parsed[i], i) for i in indexes)
        try:
            docs = list(nlp.pipe(texts, as_tuples=True, batch_size=batch_size))
        except Exception:  # noqa: BLE001 - retry one by one to isolate the article that breaks the parser
            docs = []
            for i in indexes:
                try:
                    docs.append((nlp(parsed[i]), i))
                except Exception as exc:  # noqa: BLE001
                    results[i].failure = _failure(results[i].article, "nlp", str(exc), exc)
        for doc, i in docs:
            try:
                with time_budget(self.article_seconds):
                    results[i].events = self.code_doc(results[i].article, doc, language)
            except TimeBudgetExceeded as exc:
                results[i].failure = _failure(results[i].article, "timeout", f"{exc} (extract and code)")
            except Exception as exc:  # noqa: BLE001 - recorded in failures, the run goes on
                results[i].failure = _failure(results[i].article, "extract", f"{type(exc).__name__}: {exc}", exc)


def _failure(article: Article, stage: str, message: str, exc: BaseException | None = None) -> Failure:
    detail = "".join(traceback.format_exception(exc)) if exc is not None else None
    return Failure(article_id=article.id, source=article.source_path or article.id, stage=stage,
                   message=message, detail=detail)
