"""Refine an event's ACLED sub-event type from instruments, targets and actor kinds in its sentence."""

from __future__ import annotations

from spacy.tokens import Doc

from veille.coding.grouping import EventCandidate
from veille.coding.subtype_cues import cue_hits, has_cue, paragraph_end, paragraph_start
from veille.extract.lexicon_match import fold, folded_words
from veille.extract.triggers import concept_table
from veille.records import Actor
from veille.resources import load_yaml

CIVILIAN_INTER = 7
STATE_INTER = 1
RIOTER_INTER = 5
PROTESTER_INTER = 6
ORGANISED_INTERS = {1, 2, 8}  # state forces, rebels, foreign forces: never a mob
VIOLENT_TARGETED = {"attack", "kill", "injure", "clash", "fire"}
RECIPROCAL_OVERRIDES = {"shelling", "fire", "attack", "grenade"}
CROWD_INTERS = {5, 6}
NON_STATE_ARMED = {2, 3, 4}
SMALL_ARMS_OVERRIDES = {"shelling", "fire"}
STATE_SIDES = {1, 8}
AGENT_DEPS = {"nsubj"}
MAX_ANCESTORS = 8
VICTIM_CONCEPTS = {"kill", "injure", "attack"}
VICTIM_DEPS = {"dobj", "nsubjpass", "obj", "nsubj:pass"}
PROTESTER_WINDOW = 6  # tokens after a lethal-force cue in which the protesters it hit are named


def refine_sub_event_type(
    doc: Doc, candidate: EventCandidate, actor1: Actor | None, actor2: Actor | None, language: str
) -> str:
    """The concept's default sub-event type, changed by the cues its `refine` rules allow."""
    concept = concept_table()[candidate.concept]
    rules = concept.get("refine", [])
    concepts = {t.concept for t in candidate.triggers}
    start, end = candidate.sentence
    actors = [a for a in (actor1, actor2) if a is not None]
    if candidate.concept in RECIPROCAL_OVERRIDES and (
        "clash" in concepts or has_cue(doc, language, "reciprocal", start, _next_sentence_end(doc, end))
    ):
        return "Armed clash"  # "exchanged artillery fire", "the guards fired back": two sides fighting
    if candidate.concept == "grenade" and any(
            h.label == "air" for h in cue_hits(doc, language, "instruments", start, end)):
        return "Air/drone strike"  # a grenade dropped from a drone
    if candidate.concept in SMALL_ARMS_OVERRIDES and has_cue(doc, language, "small_arms", start, end):
        return "Armed clash"  # rifles and machine guns among the weapons: troops in contact, not a bombardment
    if candidate.concept == "suicide" and _bombers_were_hit(doc, candidate):
        return "Armed clash"  # "troops killed two suicide bombers": a fight with the attackers, no blast
    crowd = _crowd_violence(doc, candidate, actor1, actors, language)
    if crowd is not None:
        return crowd
    if "warning" in rules and has_cue(doc, language, "warning_shots", start, end):
        return "Other"  # shots into the air hit nobody: a show of force, not an attack or a clash
    tables = load_yaml("concepts.yaml")
    if "instrument" in rules:
        hits = [h for h in cue_hits(doc, language, "instruments", start, end)
                if not _is_victim(doc, h, candidate)]
        if hits:
            nearest = min(hits, key=lambda h: abs(h.token_start - candidate.anchor.head))
            return tables["instruments"][nearest.label]
        anchor = candidate.anchor
        if candidate.concept == "explosion" and has_cue(doc, language, "repeated_blasts", anchor.token_start,
                                                         anchor.token_end):
            if has_cue(doc, language, "small_arms", start, end):
                return "Armed clash"  # blasts and rifle shots counted together: a firefight
            return "Shelling/artillery/missile attack"  # many blasts counted, no bomb named: a bombardment
    if "target" in rules and candidate.concept in VIOLENT_TARGETED:
        targeted = _by_target(doc, candidate, actor1, actor2, language)
        if targeted is not None:
            return targeted
    if "protest" in rules:
        return _protest_outcome(doc, candidate, language, concept["sub_event_type"])
    if "blockade" in rules and _crowd_blocks_road(doc, candidate, actors, language):
        return _protest_outcome(doc, candidate, language, "Peaceful protest")
    if "territory" in rules and _state_takes_control(doc, candidate, actor1, language):
        return "Government regains territory"
    if "weapons" in rules and (actor1 is None or actor1.inter in STATE_SIDES) and has_cue(
            doc, language, "weapon_objects", start, end):
        return "Disrupted weapons use"  # arms caches seized or explosives destroyed: weapons taken out of use
    if "handover" in rules and not any(a.inter in ORGANISED_INTERS | NON_STATE_ARMED for a in actors) and has_cue(
            doc, language, "targets_civilian", start, end):
        return "Other"  # families evacuating a village transfer no territory: a displacement
    if "captor" in rules and actor1 is not None and actor1.inter in NON_STATE_ARMED and (
            actor1.name not in load_yaml("concepts.yaml").get("de_facto_authorities", ())):
        return "Abduction/forced disappearance"  # ACLED: states and de facto authorities arrest; armed groups abduct
    return concept["sub_event_type"]


def _is_victim(doc: Doc, hit, candidate: EventCandidate) -> bool:
    """Whether a weapon word is in what was hit ("killed two suicide bombers", "shot an Air Force officer")."""
    if candidate.concept not in VICTIM_CONCEPTS:
        return False
    anchor = doc[candidate.anchor.head]
    victims = [c for c in anchor.children if c.dep_ in VICTIM_DEPS]
    return any(v.left_edge.i <= hit.token_start and hit.token_end - 1 <= v.right_edge.i for v in victims)


def _victim_phrases(doc: Doc, candidate: EventCandidate, language: str) -> list[tuple[int, int]]:
    """Token ranges of what the trigger hit: its object, passive subject, or "on/against X" complement.

    Each range ends at the phrase's head noun, so what follows it ("a car passing near the base") is left out.
    """
    anchor = doc[candidate.anchor.head]
    heads = [c for c in anchor.children if c.dep_ in VICTIM_DEPS]
    for child in anchor.children:
        if child.dep_ == "prep" and fold(child.text) in folded_words(language, "triggers", "hit_prepositions"):
            heads.extend(g for g in child.children if g.dep_ == "pobj")
    return [(head.left_edge.i, head.i + 1) for head in heads]


def _bombers_were_hit(doc: Doc, candidate: EventCandidate) -> bool:
    """Whether the suicide bombers are the ones killed or wounded by another trigger of the candidate."""
    anchor = candidate.anchor
    for trigger in candidate.triggers:
        if trigger.concept in VICTIM_CONCEPTS:
            victims = [c for c in doc[trigger.head].children if c.dep_ in VICTIM_DEPS]
            if any(v.left_edge.i <= anchor.token_start and anchor.token_end - 1 <= v.right_edge.i for v in victims):
                return True
    return False


def _next_sentence_end(doc: Doc, token_end: int) -> int:
    """Token index where the sentence after the one ending at `token_end` ends (a reply is often told next)."""
    if token_end >= len(doc):
        return token_end
    return doc[token_end].sent.end


def _by_target(doc: Doc, candidate: EventCandidate, actor1: Actor | None, actor2: Actor | None,
               language: str) -> str | None:
    """Attack when civilians are the target, Armed clash when both sides are armed."""
    start, end = candidate.sentence
    for victim_start, victim_end in _victim_phrases(doc, candidate, language):  # what the trigger's object says first
        if has_cue(doc, language, "targets_armed", victim_start, victim_end):
            return "Armed clash"  # soldiers, police, fighters hit: ACLED codes a fight, not violence on civilians
        if has_cue(doc, language, "targets_civilian", victim_start, victim_end):
            return "Attack"
    civilian_target = actor2 is not None and actor2.inter == CIVILIAN_INTER
    civilian_words = has_cue(doc, language, "targets_civilian", start, end)
    armed_both = actor1 is not None and actor2 is not None and actor2.inter not in (CIVILIAN_INTER, None)
    if civilian_target or (civilian_words and not armed_both):
        return "Attack"
    if armed_both or (actor2 is not None and actor2.inter != CIVILIAN_INTER):
        return "Armed clash"
    return None


def _crowd_violence(doc: Doc, candidate: EventCandidate, actor1: Actor | None, actors: list[Actor],
                    language: str) -> str | None:
    """Violent demonstration or Mob violence when a crowd, not an organised armed group, did the violence.

    ACLED's codebook: a violent demonstration is a protest turned violent; mob violence is violence by
    an unorganised crowd outside any demonstration (lynchings, vigilante justice, brawls between
    groups or villages over a dispute).
    """
    start, end = candidate.sentence
    inters = {a.inter for a in actors}
    subject_inter = actor1.inter if actor1 is not None else None  # civilians who fight are a crowd, not victims
    organised = bool(inters & ORGANISED_INTERS)
    if candidate.concept == "riot":
        crowd = True
    elif candidate.concept == "clash":
        firearms = has_cue(doc, language, "armed_people", start, end) or has_cue(doc, language, "reciprocal", start, end)
        crowd = not firearms and (
            subject_inter in CROWD_INTERS | {CIVILIAN_INTER} or (not organised and bool(inters & CROWD_INTERS))
            or (not organised and _unarmed_crowd(doc, language, start, end, ("communal_dispute", "crowd_people"))))
    elif candidate.concept in VIOLENT_TARGETED:
        crowd = subject_inter == RIOTER_INTER or (  # "villagers beat up a thief"
            subject_inter == CIVILIAN_INTER and _is_agent(doc, actor1, candidate)) or (
            not organised and _unarmed_crowd(doc, language, start, end, ("crowd_weapons",)))
    else:
        crowd = False
    if not crowd:
        return None
    if has_cue(doc, language, "mob", start, end):
        return "Mob violence"
    paragraph = (paragraph_start(doc, start), paragraph_end(doc, end))
    if PROTESTER_INTER in inters or has_cue(doc, language, "protest_context", *paragraph):
        return "Violent demonstration"
    return "Mob violence"


def _is_agent(doc: Doc, actor: Actor, candidate: EventCandidate) -> bool:
    """Whether the actor's mention is the active subject of the trigger ("residents attacked ...")."""
    if actor.mention is None:
        return False
    anchor = candidate.anchor.head
    return any(
        (t.dep_ in AGENT_DEPS and t.head.i == anchor)
        or (t.head.dep_ == "agent" and t.head.head.i == anchor)  # "beaten up by locals"
        for t in doc.char_span(actor.mention.start, actor.mention.end, alignment_mode="expand") or ()
    )


def _unarmed_crowd(doc: Doc, language: str, start: int, end: int, cue_lists: tuple[str, ...]) -> bool:
    """Whether the sentence tells of people (groups, a dispute, sticks and stones) and of no firearms or militia."""
    if has_cue(doc, language, "armed_people", start, end):
        return False
    return any(has_cue(doc, language, cues, start, end) for cues in cue_lists)


def _protest_outcome(doc: Doc, candidate: EventCandidate, language: str, default: str) -> str:
    """What met the protest, read across its paragraph: lethal force, the crowd's violence, or police action."""
    start, end = candidate.sentence
    span = (start, paragraph_end(doc, end))  # what the police did is often told in the next sentence
    labels = {hit.label for hit in cue_hits(doc, language, "protest_cues", *span) if not _in_background(doc, hit, language)}
    tables = load_yaml("concepts.yaml")["protest_cues"]
    if "violent" in labels:
        return tables["violent"]  # a violent crowd stays a violent demonstration whatever the police did
    if "repression" in labels or _lethal_force_near_protesters(doc, language, *span):
        return tables["repression"]
    if "intervention" in labels:
        return tables["intervention"]
    if "custody" in labels and not has_cue(doc, language, "release_demand", *span):
        return tables["custody"]  # arrests at the protest, not the arrest the crowd protests against
    return default


def _in_background(doc: Doc, hit, language: str) -> bool:
    """Whether a cue sits under a preposition of cause or time ("against the arrest", "after the riots")."""
    prepositions = folded_words(language, "triggers", "background_prepositions")
    token = doc[hit.token_start]
    for _ in range(MAX_ANCESTORS):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.dep_ == "prep" and fold(token.text) in prepositions:
            return True
    return False


def _lethal_force_near_protesters(doc: Doc, language: str, start: int, end: int) -> bool:
    """Whether a lethal-force cue ("opened fire", "shot dead") is followed closely by the protesters it hit."""
    for hit in cue_hits(doc, language, "lethal_force", start, end):
        window_end = min(end, hit.token_end + PROTESTER_WINDOW)
        if has_cue(doc, language, "protesters", hit.token_end, window_end):
            return True
    return False


def _crowd_blocks_road(doc: Doc, candidate: EventCandidate, actors: list[Actor], language: str) -> bool:
    """Whether people, not armed forces, blocked a road or an entrance: a form of protest."""
    anchor = candidate.anchor
    if any(a.inter in ORGANISED_INTERS | NON_STATE_ARMED for a in actors):
        return False
    return has_cue(doc, language, "road_blocking", anchor.token_start, anchor.token_end)


def _state_takes_control(doc: Doc, candidate: EventCandidate, actor1: Actor | None, language: str) -> bool:
    """Whether the side taking control is the state: its actor, or state forces named before the trigger."""
    if actor1 is not None and actor1.inter == STATE_INTER:
        return True
    return has_cue(doc, language, "state_forces", candidate.sentence[0], candidate.anchor.token_start)
