"""The record of DESIGN.md: Article, Span, Actor, Place, Claim, Event, Incident and Failure models."""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Modality = Literal["asserted", "negated", "future", "hypothetical", "historical"]
Attribution = Literal["direct", "reported", "anonymous", "none"]


def normalise_text(text: str) -> str:
    """Return the text in NFC with unified line ends and collapsed outer whitespace."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def text_id(text: str) -> str:
    """Return the article id of a text: sha256 of its normalised form, whitespace folded."""
    folded = " ".join(normalise_text(text).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


class Record(BaseModel):
    """Base of all records: strict field names, JSON-friendly."""

    model_config = ConfigDict(extra="forbid")


class Span(Record):
    """A stretch of an article's text: character offsets and the text they cover."""

    start: int
    end: int
    text: str


class Article(Record):
    """One report as read from a source."""

    id: str
    url: str | None = None
    outlet: str | None = None
    published: datetime | None = None
    language: str | None = None
    title: str | None = None
    text: str
    source_path: str | None = None


class Actor(Record):
    """A party to an event, named the ACLED way."""

    name: str
    inter: int | None = None
    country: str | None = None
    mention: Span | None = None


class Place(Record):
    """A resolved location of an event."""

    name: str
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    iso3: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    geo_precision: int = 1
    mention: Span | None = None


class Source(Record):
    """One link of a claim chain: an outlet, agency, official body or unnamed source."""

    name: str
    kind: Literal["outlet", "agency", "official", "monitor", "anonymous", "person", "other"] = "other"
    mention: Span | None = None


class Claim(Record):
    """Who says an event happened, through whom, and how firmly."""

    chain: list[Source] = Field(default_factory=list)
    speaker: str | None = None
    attribution: Attribution = "none"
    hedged: bool = False
    hedge: Span | None = None
    denied: bool = False
    denial: Span | None = None


class Event(Record):
    """One coded event with its arguments and the evidence for each filled field."""

    id: str
    article_id: str
    event_type: str
    sub_event_type: str
    plover_type: str | None = None
    plover_mode: str | None = None
    actor1: Actor | None = None
    assoc_actor_1: Actor | None = None
    actor2: Actor | None = None
    assoc_actor_2: Actor | None = None
    inter1: int | None = None
    inter2: int | None = None
    interaction: int | None = None
    event_date: date | None = None
    time_precision: int | None = None
    location: Place | None = None
    fatalities: int | None = None
    injured: int | None = None
    arrested: int | None = None
    modality: Modality = "asserted"
    claim: Claim = Field(default_factory=Claim)
    evidence: dict[str, Span] = Field(default_factory=dict)
    confidence: float = 0.5
    trigger: Span | None = None


class ReportedValue(Record):
    """One value of an incident's field and the events (reports) that give it."""

    value: Any
    reports: list[str]


class Disagreement(Record):
    """A field on which an incident's reports differ, with every value and its reports."""

    field: str
    values: list[ReportedValue]


class Incident(Record):
    """Events from one or more articles judged to be the same happening, with merged fields."""

    id: str
    event_ids: list[str]
    article_ids: list[str]
    event_type: str
    sub_event_type: str
    event_date: date | None = None
    location: Place | None = None
    actor1: str | None = None
    actor2: str | None = None
    fatalities: int | None = None
    injured: int | None = None
    arrested: int | None = None
    values: dict[str, list[ReportedValue]] = Field(default_factory=dict)
    n_reports: int = 1
    n_independent_sources: int = 1
    sources: list[str] = Field(default_factory=list)
    first_reported: datetime | None = None
    first_report: str | None = None
    disagreements: list[Disagreement] = Field(default_factory=list)


class Failure(Record):
    """An input or article that could not be processed, and why."""

    article_id: str | None = None
    source: str
    stage: str
    message: str
    detail: str | None = None


class Skipped(Record):
    """An article that was read but not processed, e.g. in an unsupported language."""

    article_id: str
    source: str
    reason: str
    language: str | None = None
