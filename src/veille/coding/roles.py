"""Who did it and to whom: the role of an actor mention relative to an event trigger, from the parse."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from veille.extract.lexicon_match import compiled_lexicon, fold
from veille.extract.mentions import ActorMention, TriggerMention
from veille.resources import lexicon, load_yaml

AGENT_DEPS = {"nsubj", "obl:agent", "agent", "csubj"}
PATIENT_DEPS = {"obj", "dobj", "nsubj:pass", "nsubjpass", "iobj", "obl:arg"}
MAX_PATH = 4


@lru_cache(maxsize=None)
def _markers(language: str) -> tuple[frozenset[str], frozenset[str]]:
    table = lexicon(language, "triggers")
    return (frozenset(fold(w) for w in table.get("agent_markers", [])),
            frozenset(fold(w) for w in table.get("patient_markers", [])))


@lru_cache(maxsize=1)
def _of_is_patient() -> frozenset[str]:
    return frozenset(load_yaml("concepts.yaml").get("of_is_patient", []))


def _case_word(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ in {"case", "prep", "mark"} or child.pos_ == "ADP":
            return fold(child.text)
    if token.head.pos_ == "ADP":  # English attaches the noun under its preposition
        return fold(token.head.text)
    return None


def _path_to(token: Token, target: Token) -> list[Token] | None:
    """Tokens from `token` up to (excluding) `target`, when target governs token within MAX_PATH steps."""
    path = []
    while token.i != target.i:
        path.append(token)
        if token.head.i == token.i or len(path) > MAX_PATH:
            return None
        token = token.head
    return path


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj:pass", "nsubjpass", "aux:pass", "auxpass"} for c in verb.children) or (
        "Pass" in verb.morph.get("Voice")
    )


def actor_role(doc: Doc, actor: ActorMention, trigger: TriggerMention, language: str) -> str | None:
    """'agent', 'patient' or None, from the dependency path between the actor and the trigger."""
    head = doc[trigger.head]
    agent_markers, patient_markers = _markers(language)
    actor_head = _mention_head(doc, actor)
    path = _path_to(actor_head, head)
    if path:
        top = path[-1]
        dep = top.dep_
        if dep in AGENT_DEPS:
            return "agent"
        if dep in PATIENT_DEPS:
            return "patient"
        case = _case_word(top)
        if case in patient_markers and not (case in agent_markers and trigger.concept not in _of_is_patient()):
            return "patient"
        if case in agent_markers:
            return "patient" if trigger.concept in _of_is_patient() else "agent"
        if dep == "amod":  # "Israeli strikes", "frappes israéliennes"
            return "agent"
    governor = head.head if head.dep_ not in {"ROOT"} else None
    if governor is not None and _path_to(actor_head, governor):
        counter = compiled_lexicon(language, "triggers", "counter_verbs").find(doc, governor.i, governor.i + 1)
        top = _path_to(actor_head, governor)[-1]
        if top.dep_ in AGENT_DEPS:
            return "patient" if counter else "agent"
    return None


def _mention_head(doc: Doc, mention) -> Token:
    """The token of a mention whose head lies outside it."""
    for i in range(mention.token_start, mention.token_end):
        h = doc[i].head.i
        if h == i or h < mention.token_start or h >= mention.token_end:
            return doc[i]
    return doc[mention.token_start]


def passive_subject_is_patient(doc: Doc, trigger: TriggerMention) -> bool:
    """True when the trigger verb is passive ("were killed"), so its subject is the target."""
    return _is_passive(doc[trigger.head])
