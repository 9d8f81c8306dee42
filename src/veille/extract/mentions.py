"""Plain mention records passed from the extractors to event coding."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Mention:
    """Base: a character span of the article text, with the token range it covers."""

    start: int
    end: int
    text: str
    token_start: int
    token_end: int


@dataclass(frozen=True)
class TriggerMention(Mention):
    """A word or phrase announcing an event, with the ACLED sub-event type it suggests."""

    sub_event_type: str = ""
    concept: str = ""
    head: int = 0


@dataclass(frozen=True)
class ActorMention(Mention):
    """A party named in the text, matched to a dictionary actor or a generic rule."""

    name: str = ""
    inter: int | None = None
    country: str | None = None
    role_hint: str | None = None  # "civilian", "protester", ... when the rule knows it


@dataclass(frozen=True)
class TimeMention(Mention):
    """A date expression resolved against the publication date."""

    date: date | None = None
    precision: int = 1  # ACLED time_precision: 1 day, 2 week, 3 month


@dataclass(frozen=True)
class QuantityMention(Mention):
    """A count of people killed, injured or arrested."""

    kind: str = ""  # fatalities | injured | arrested
    value: int = 0
    head: int = 0


@dataclass(frozen=True)
class PlaceMention(Mention):
    """A toponym found in the text, before gazetteer resolution."""

    kind: str = "place"  # place | country | admin1


@dataclass(frozen=True)
class SourceMention(Mention):
    """A source of information named with a reporting verb or preposition ("selon X")."""

    name: str = ""
    kind: str = "other"
    anonymous: bool = False
    speaker: str | None = None
    cue: str = ""


@dataclass(frozen=True)
class HedgeMention(Mention):
    """A word that weakens a claim ("probablement", "reportedly")."""


@dataclass
class ArticleMentions:
    """All mentions found in one article."""

    triggers: list[TriggerMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    quantities: list[QuantityMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    sources: list[SourceMention] = field(default_factory=list)
    hedges: list[HedgeMention] = field(default_factory=list)
