"""Choose actor1 (who acted) and actor2 (who was acted on) of an event from its actor mentions."""

from __future__ import annotations

from spacy.tokens import Doc

from veille.coding.grouping import EventCandidate, mention_distance
from veille.coding.roles import actor_role
from veille.extract.mentions import ActorMention
from veille.records import Actor, Span

COUNTRY_SUFFIXED_ROLES = {"civilian", "protester", "rioter", "unidentified"}
STATE_FORCE_NAMES = {"Military Forces", "Police Forces"}  # "the army" with no nationality: the event's country


def _actor(mention: ActorMention, country_name: str | None, iso3: str | None) -> Actor:
    name, country = mention.name, mention.country
    if mention.role_hint in COUNTRY_SUFFIXED_ROLES and country_name and "(" not in name:
        name = f"{name} ({country_name})"  # ACLED style: "Civilians (Syria)", "Protesters (Iraq)"
        country = country or iso3
    elif name in STATE_FORCE_NAMES and mention.country is None and country_name:
        name, country = f"{name} of {country_name}", iso3
    return Actor(
        name=name,
        inter=mention.inter,
        country=country,
        mention=Span(start=mention.start, end=mention.end, text=mention.text),
    )


def _role(doc: Doc, mention: ActorMention, candidate: EventCandidate, language: str) -> str | None:
    for trigger in [candidate.anchor, *[t for t in candidate.triggers if t is not candidate.anchor]]:
        role = actor_role(doc, mention, trigger, language)
        if role:
            return role
    return None


def assign_actors(
    doc: Doc,
    candidate: EventCandidate,
    mentions: list[ActorMention],
    language: str,
    country_name: str | None,
    iso3: str | None = None,
) -> tuple[Actor | None, Actor | None, dict[str, Span]]:
    """Return (actor1, actor2, evidence): parse roles first, then the nearest unplaced actors fill gaps."""
    ranked = sorted(mentions, key=lambda m: mention_distance(doc, m, candidate))
    agents, patients, others = [], [], []
    for mention in ranked:
        role = _role(doc, mention, candidate, language)
        (agents if role == "agent" else patients if role == "patient" else others).append(mention)
    slots: list[ActorMention | None] = [agents[0] if agents else None, patients[0] if patients else None]
    leftovers = agents[1:] + patients[1:] + sorted(others, key=lambda m: m.start)
    for mention in leftovers:
        chosen = {m.name for m in slots if m is not None}
        if mention.name in chosen:
            continue
        if slots[0] is None:
            slots[0] = mention
        elif slots[1] is None:
            slots[1] = mention
    if slots[0] is not None and slots[1] is not None and slots[0].name == slots[1].name:
        slots[1] = None
    evidence: dict[str, Span] = {}
    actors = []
    for field_name, mention in zip(("actor1", "actor2"), slots):
        if mention is None:
            actors.append(None)
            continue
        evidence[field_name] = Span(start=mention.start, end=mention.end, text=mention.text)
        actors.append(_actor(mention, country_name, iso3))
    if actors[0] is not None and actors[1] is not None and actors[0].name == actors[1].name:
        actors[1] = None  # "Russian officers" and "Russian targets" in one sentence are one party
        evidence.pop("actor2", None)
    return actors[0], actors[1], evidence
