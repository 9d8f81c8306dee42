"""Modality of an event trigger: asserted, negated, future, hypothetical."""

import pytest

from veille.extract.modality import trigger_modality
from veille.extract.triggers import find_trigger_mentions


def _modality(doc, language):
    trigger = find_trigger_mentions(doc, language)[0]
    return trigger_modality(doc, trigger, language)[0]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Les rebelles ont attaqué la caserne dimanche.", "asserted"),
        ("Le groupe menace de lancer une offensive contre la ville.", "future"),
        ("L'armée n'a pas bombardé le quartier, selon le ministère.", "negated"),
        ("Ces frappes pourraient provoquer une escalade.", "hypothetical"),
    ],
)
def test_french_modality(nlp_fr, text, expected):
    assert _modality(nlp_fr(text), "fr") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Militants attacked the checkpoint on Sunday.", "asserted"),
        ("The group vowed to attack the base again.", "future"),
        ("The army did not shell the village.", "negated"),
        ("Officials warned that militants could attack the dam.", "hypothetical"),
    ],
)
def test_english_modality(nlp_en, text, expected):
    assert _modality(nlp_en(text), "en") == expected
