"""Casualty and arrest counts from numbers and number words, French and English."""

import pytest

from veille.extract.quantities import find_quantity_mentions


def _counts(doc, language):
    return [(m.kind, m.value) for m in find_quantity_mentions(doc, language)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Deux soldats et trois civils ont été tués lundi près de Saraqib.", [("fatalities", 5)]),
        ("L'explosion a fait sept morts et douze blessés.", [("fatalities", 7), ("injured", 12)]),
        ("Les militaires ont interpellé cinq personnes au marché.", [("arrested", 5)]),
        ("L'attaque a tué 14 combattants, en blessant un autre.", [("fatalities", 14), ("injured", 1)]),
        ("Aucune victime n'est à déplorer après le tir de roquette.", [("fatalities", 0), ("injured", 0)]),
        ("Des dizaines de personnes ont été tuées dans le bombardement.", [("fatalities", 12)]),
        ("Un groupe de 50 hommes avec six chars a attaqué la position.", []),
        ("La roquette a été tirée le 18 janvier contre la base T-4.", []),
        # a count under a demonstrative sums up deaths told before: no new toll
        ("Le ministre a dénoncé ces trois assassinats devant la presse.", []),
        ("Le ministre a dénoncé trois assassinats devant la presse.", [("fatalities", 3)]),
    ],
)
def test_french_counts(nlp_fr, text, expected):
    assert _counts(nlp_fr(text), "fr") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Two soldiers and three civilians were killed and 12 people were wounded.",
         [("fatalities", 5), ("injured", 12)]),
        ("Police arrested five suspects in a dawn raid.", [("arrested", 5)]),
        ("No one was killed in the rocket attack on the base.", [("fatalities", 0)]),
        ("The car bomb killed a farmer near the checkpoint.", [("fatalities", 1)]),
        ("Dozens of fighters died in the battle for the town.", [("fatalities", 12)]),
        ("Rebels fired 40 rockets at the airport over three days.", []),
        ("The strike killed 1,200 people, officials said.", [("fatalities", 1200)]),
        ("The envoy said these two killings would not go unpunished.", []),
    ],
)
def test_english_counts(nlp_en, text, expected):
    assert _counts(nlp_en(text), "en") == expected


def test_evidence_offsets_match_text(nlp_en):
    doc = nlp_en("In the evening, gunmen killed four shepherds and wounded two others near the well.")
    for mention in find_quantity_mentions(doc, "en"):
        assert doc.text[mention.start : mention.end] == mention.text
