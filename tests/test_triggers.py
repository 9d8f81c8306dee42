"""Event triggers from the per-language lexicons."""

import pytest

from veille.extract.lexicon_match import PhraseLexicon, fold
from veille.extract.triggers import find_trigger_mentions


def test_fold_strips_accents_and_unifies_apostrophes():
    assert fold("Tués") == "tues"
    assert fold("l’armée") == "l'armee"


def test_phrase_lexicon_prefers_longest_match(nlp_en):
    lexicon = PhraseLexicon({"short": ["car"], "long": ["car bomb"]}, lambda t: t.split())
    hits = lexicon.find(nlp_en("A car bomb went off near a parked car."))
    assert [(h.label, h.entry) for h in hits] == [("long", "car bomb"), ("short", "car")]


@pytest.mark.parametrize(
    "text, concepts",
    [
        ("Des avions ont mené des frappes aériennes sur le village.", ["airstrike"]),
        ("Les rebelles ont pris pour cible un poste de l'armée.", ["attack"]),
        ("Des affrontements ont éclaté entre les deux groupes.", ["clash"]),
        ("La police a arrêté trois hommes.", ["arrest"]),
        ("Des centaines de personnes ont manifesté devant le gouvernorat.", ["protest"]),
        ("Un engin explosif a explosé au passage du convoi.", ["explosion", "explosion"]),
    ],
)
def test_french_triggers(nlp_fr, text, concepts):
    assert [m.concept for m in find_trigger_mentions(nlp_fr(text), "fr")] == concepts


@pytest.mark.parametrize(
    "text, concepts",
    [
        ("Warplanes carried out airstrikes on the town.", ["airstrike"]),
        ("Gunmen kidnapped a teacher on the road.", ["abduction"]),
        ("Hundreds of people protested outside the ministry.", ["protest"]),
        ("The army deployed reinforcements to the border.", ["deploy", "deploy"]),
        ("The weather was calm and the market reopened.", []),
        ("The army's sweep near the river left three militants dead.", ["kill"]),
        ("The militia turned two schools into military barracks.", ["base"]),
        ("The brigade ended its affiliation with the alliance.", ["deploy"]),
        ("Helicopters dropped barrel bombs on the village.", ["airstrike"]),
    ],
)
def test_english_triggers(nlp_en, text, concepts):
    assert [m.concept for m in find_trigger_mentions(nlp_en(text), "en")] == concepts


def test_trigger_carries_default_sub_event_type_and_offsets(nlp_en):
    doc = nlp_en("A roadside bomb hit a patrol.")
    (bomb, patrol) = find_trigger_mentions(doc, "en")
    assert bomb.sub_event_type == "Remote explosive/landmine/IED"
    assert doc.text[bomb.start : bomb.end] == bomb.text == "roadside bomb"


@pytest.mark.parametrize("text, concepts", [
    ("Gunmen attacked an army checkpoint outside the town.", ["attack"]),
    ("Insurgents ambushed a military convoy on the highway.", ["attack"]),
    ("Rebels fired on a patrol near the river.", ["fire"]),
    ("The army set up a checkpoint outside the town.", ["deploy"]),  # a deployment of its own
    ("A convoy of troops reached the town on Monday.", ["deploy"]),
])
def test_a_force_hit_by_violence_is_its_target_not_a_deployment(nlp_en, text, concepts):
    assert [m.concept for m in find_trigger_mentions(nlp_en(text), "en")] == concepts


def test_a_checkpoint_attacked_in_french_is_the_target(nlp_fr):
    doc = nlp_fr("Des hommes armés ont attaqué une patrouille de l'armée près du village.")
    assert [m.concept for m in find_trigger_mentions(doc, "fr")] == ["attack"]
