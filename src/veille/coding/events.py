"""Assemble coded Event records from an article's mentions: types, actors, place, date, counts, claim."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from spacy.tokens import Doc

from veille.coding.actor_defaults import acled_country_name, apply_actor_conventions
from veille.coding.actors import assign_actors
from veille.coding.casualty_owner import move_counts_to_violent_events
from veille.coding.claims import build_claim
from veille.coding.event_place import PlaceRole, choose_event_place, place_roles
from veille.coding.followups import carry_casualties_back
from veille.coding.merge import merge_retold_events
from veille.coding.place_split import split_listed_places
from veille.coding.grouping import EventCandidate, assign_to_candidates, group_triggers, mention_distance
from veille.coding.subtypes import refine_sub_event_type
from veille.coding.taxonomy import event_type_of, interaction_code, plover_of
from veille.extract.mentions import ArticleMentions, PlaceMention, TimeMention
from veille.extract.modality import trigger_modality
from veille.records import Article, Event, Place, Span

HISTORICAL_AFTER_DAYS = 30  # an event dated this long before publication is background, not news
CARRY_SENTENCES = 2  # a casualty count in a trigger-less sentence joins the event this many sentences back


@dataclass
class _Context:
    """What one article's coding needs at hand."""

    article: Article
    doc: Doc
    language: str
    mentions: ArticleMentions
    places: dict[PlaceMention, Place]
    published: date | None

    @cached_property
    def text(self) -> str:
        """The Doc's text, built once: spaCy rebuilds Doc.text from the tokens on every access."""
        return self.doc.text

    @cached_property
    def place_roles(self) -> dict[PlaceMention, PlaceRole]:
        """What the text says of each resolved place mention: a name fragment, an area holding another, ..."""
        return place_roles(self.text, self.mentions.places, self.places, self.language)


def _span(mention) -> Span:
    return Span(start=mention.start, end=mention.end, text=mention.text)


def event_id(article_id: str, trigger_start: int, trigger_end: int) -> str:
    """Stable event id: the article id and the trigger's character span."""
    digest = hashlib.sha256(f"{article_id}:{trigger_start}:{trigger_end}".encode()).hexdigest()
    return digest[:32]


def paragraph_bounds(text: str, offset: int) -> tuple[int, int]:
    """Character range of the paragraph (line) holding `offset`."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end == -1 else end


def code_events(
    article: Article,
    doc: Doc,
    language: str,
    mentions: ArticleMentions,
    places: dict[PlaceMention, Place],
) -> list[Event]:
    """Turn one article's mentions into Events, one per event candidate, duplicates within it merged."""
    published = article.published.date() if article.published else None
    ctx = _Context(article, doc, language, mentions, places, published)
    candidates = group_triggers(doc, mentions.triggers)
    if not candidates:
        return []
    by_kind = {
        "actors": assign_to_candidates(doc, mentions.actors, candidates),
        "times": assign_to_candidates(doc, mentions.times, candidates),
        "places": assign_to_candidates(doc, [p for p in mentions.places if p in places], candidates),
        "quantities": assign_to_candidates(doc, mentions.quantities, candidates),
    }
    _carry_quantities(doc, mentions, candidates, by_kind["quantities"])
    events: list[Event] = []
    previous: Event | None = None
    for index, candidate in enumerate(candidates):
        event = _code_candidate(ctx, candidate, {k: v.get(index, []) for k, v in by_kind.items()}, previous)
        if event is not None:
            events.append(event)
            previous = event
    text = ctx.text
    merged = merge_retold_events(carry_casualties_back(text, move_counts_to_violent_events(text, events)))
    return split_listed_places(text, merged, mentions.places, places, ctx.place_roles, _sentence_bounds(doc),
                               language)


def _sentence_bounds(doc: Doc):
    """A lookup of the (start, end) characters of the sentence holding a character offset."""
    bounds = [(s.start_char, s.end_char) for s in doc.sents]

    def sentence_of(offset: int) -> tuple[int, int]:
        return next((b for b in bounds if b[0] <= offset < b[1]), (offset, offset))
    return sentence_of


def _carry_quantities(doc: Doc, mentions: ArticleMentions, candidates: list[EventCandidate], assigned: dict) -> None:
    """Counts in a sentence with no trigger ("the operations left two dead") join the latest event before."""
    sentences = list(doc.sents)
    text = doc.text  # rebuilt by spaCy on every access: once here, not per candidate and quantity
    sentence_of = {s.start: n for n, s in enumerate(sentences)}
    claimed = {id(q) for qs in assigned.values() for q in qs}
    for quantity in mentions.quantities:
        if id(quantity) in claimed:
            continue
        sent = doc[quantity.token_start].sent
        number = sentence_of[sent.start]
        earlier = [
            (i, c) for i, c in enumerate(candidates)
            if 0 < number - sentence_of[c.sentence[0]] <= CARRY_SENTENCES
            and doc[c.sentence[0]].idx >= text.rfind("\n\n", 0, quantity.start) + 1
        ]
        if earlier:
            index, _ = earlier[-1]
            if not any(q.kind == quantity.kind for q in assigned.get(index, [])):
                assigned.setdefault(index, []).append(quantity)


def _code_candidate(ctx: _Context, candidate: EventCandidate, args: dict, previous: Event | None) -> Event | None:
    doc, anchor = ctx.doc, candidate.anchor
    sent = doc[candidate.sentence[0] : candidate.sentence[1]]
    evidence: dict[str, Span] = {"trigger": _span(anchor)}
    location, place_mention = _choose_place(ctx, candidate, args["places"])
    if location is not None:
        evidence["location"] = _span(place_mention)
    iso3 = location.iso3 if location else None
    country_name = acled_country_name(iso3, location.country if location else None)
    actor1, actor2, actor_evidence = assign_actors(doc, candidate, args["actors"], ctx.language, country_name, iso3)
    evidence.update(actor_evidence)
    sub_event_type = refine_sub_event_type(doc, candidate, actor1, actor2, ctx.language)
    actor1, assoc_actor_1, actor2 = apply_actor_conventions(
        event_type_of(sub_event_type), sub_event_type, actor1, actor2, country_name, iso3, _span(anchor))
    for field_name, actor in (("actor1", actor1), ("assoc_actor_1", assoc_actor_1), ("actor2", actor2)):
        if actor is not None and actor.mention is not None:
            evidence[field_name] = actor.mention
        else:
            evidence.pop(field_name, None)
    event_date, precision, time_mention = _choose_date(ctx, args["times"], previous, anchor.start, candidate)
    if time_mention is not None:
        evidence["event_date"] = _span(time_mention)
    counts = {}
    for kind in ("fatalities", "injured", "arrested"):
        found = [q for q in args["quantities"] if q.kind == kind]
        if found:
            chosen = max(found, key=lambda q: q.value)
            counts[kind] = chosen.value
            evidence[kind] = _span(chosen)
    modality, cue = trigger_modality(doc, anchor, ctx.language)
    if cue is not None:
        span = doc[cue[0] : cue[1]]
        evidence["modality"] = Span(start=span.start_char, end=span.end_char, text=span.text)
    if modality == "asserted" and event_date and ctx.published and ctx.published - event_date > timedelta(
        days=HISTORICAL_AFTER_DAYS
    ):
        modality = "historical"
    paragraph = paragraph_bounds(ctx.text, sent.start_char)
    following = doc[sent.end].sent if sent.end < len(doc) else None
    claim, claim_evidence = build_claim(
        ctx.article.outlet, (sent.start_char, sent.end_char), paragraph, ctx.mentions.sources, ctx.mentions.hedges,
        next_sentence_end=following.end_char if following is not None else sent.end_char,
    )
    evidence.update(claim_evidence)
    plover_type, plover_mode = plover_of(sub_event_type)
    inter1 = actor1.inter if actor1 else None
    inter2 = actor2.inter if actor2 else None
    confidence = _confidence(actor1, location, time_mention, modality, claim.hedged)
    return Event(
        id=event_id(ctx.article.id, anchor.start, anchor.end),
        article_id=ctx.article.id,
        event_type=event_type_of(sub_event_type),
        sub_event_type=sub_event_type,
        plover_type=plover_type,
        plover_mode=plover_mode,
        actor1=actor1,
        assoc_actor_1=assoc_actor_1,
        actor2=actor2,
        inter1=inter1,
        inter2=inter2,
        interaction=interaction_code(inter1, inter2),
        event_date=event_date,
        time_precision=precision,
        location=location,
        fatalities=counts.get("fatalities"),
        injured=counts.get("injured"),
        arrested=counts.get("arrested"),
        modality=modality,
        claim=claim,
        evidence=evidence,
        confidence=confidence,
        trigger=_span(anchor),
    )


def _choose_place(ctx: _Context, candidate: EventCandidate, assigned: list[PlaceMention]):
    """The place tied to the event or told in its sentence (events told together happen together: "a car bomb
    blew up at a checkpoint in Mosul"), see choose_event_place; else the latest clean town before it in its
    paragraph."""
    first, last = candidate.sentence
    in_sentence = [p for p in ctx.mentions.places if p in ctx.places and first <= p.token_start < last]
    best = choose_event_place(assigned, in_sentence, ctx.places, ctx.place_roles)
    if best is not None:
        return ctx.places[best], best
    sent_start = ctx.doc[candidate.sentence[0]].idx
    paragraph_start = paragraph_bounds(ctx.text, sent_start)[0]
    before = [p for p in ctx.mentions.places if p in ctx.places and paragraph_start <= p.start < sent_start
              and not (ctx.place_roles[p].partial or ctx.place_roles[p].misplaced)]
    towns = [p for p in before if ctx.places[p].geo_precision == 1] or before
    if towns:
        return ctx.places[towns[-1]], towns[-1]
    return None, None


def _choose_date(ctx: _Context, assigned: list[TimeMention], previous: Event | None, trigger_start: int,
                 candidate: EventCandidate | None = None):
    """The event's own date mention; else the previous event's date; else the latest date written before the
    event (a report's opening "On 9 May, ..." sets the scene for what follows); else publication."""
    dated = [t for t in assigned if t.date is not None]
    if dated:
        # the most precise, then the nearest to the trigger: "said on Sunday they repelled an attack on Saturday"
        def nearness(t: TimeMention) -> int:
            return mention_distance(ctx.doc, t, candidate) if candidate else abs(t.start - trigger_start)

        best = min(dated, key=lambda t: (t.precision, nearness(t)))
        return best.date, best.precision, best
    if previous is not None and previous.event_date is not None:
        return previous.event_date, max(previous.time_precision or 1, 2), None
    before = [t for t in ctx.mentions.times if t.date is not None and t.end <= trigger_start]
    if before:
        latest = max(before, key=lambda t: t.start)
        return latest.date, latest.precision, latest
    if ctx.published is not None:
        return ctx.published, 2, None
    return None, None, None


def _confidence(actor1, location, time_mention, modality: str, hedged: bool) -> float:
    """A rough 0..1 score of how complete and firm the coding is (calibrated in a later issue)."""
    score = 0.35 + 0.2 * (actor1 is not None) + 0.2 * (location is not None) + 0.15 * (time_mention is not None)
    if modality != "asserted":
        score -= 0.1
    if hedged:
        score -= 0.1
    return round(max(0.05, min(score, 0.95)), 2)
