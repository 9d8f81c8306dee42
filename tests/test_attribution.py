"""Sources named in the text and hedge words, French and English."""

import pytest

from veille.extract.attribution import find_hedge_mentions, find_source_mentions


def _sources(doc, language):
    return [(m.name, m.kind, m.cue) for m in find_source_mentions(doc, language)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Selon l'agence Sana, l'armée a repris le village.", [("agence Sana", "outlet", "preposition")]),
        ("Trois soldats ont été tués, a rapporté Radio Oronte.", [("Radio Oronte", "outlet", "verb")]),
        ("Selon des sources locales, les combats se poursuivent.",
         [("sources locales", "anonymous", "preposition")]),
        ("Karim Haddad, porte-parole du ministère de la Défense, a déclaré que l'attaque avait échoué.",
         [("Karim Haddad", "official", "verb")]),
    ],
)
def test_french_sources(nlp_fr, text, expected):
    assert _sources(nlp_fr(text), "fr") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Five people were killed, the Syrian Observatory for Human Rights said, citing local sources.",
         [("Syrian Observatory for Human Rights", "monitor", "verb"), ("local sources", "anonymous", "citing")]),
        ("According to Tigris Monitor, the convoy was ambushed.", [("Tigris Monitor", "monitor", "preposition")]),
        ("Witnesses said the market was hit twice.", [("Witnesses", "anonymous", "verb")]),
    ],
)
def test_english_sources(nlp_en, text, expected):
    assert _sources(nlp_en(text), "en") == expected


def test_pronoun_subject_is_not_a_source(nlp_en):
    assert _sources(nlp_en("He said the road was closed."), "en") == []


def test_hedges_include_french_conditional(nlp_fr):
    doc = nlp_fr("Quatre civils auraient été tués, probablement par un drone.")
    assert [h.text for h in find_hedge_mentions(doc, "fr")] == ["auraient", "probablement"]


def test_english_hedges_and_offsets(nlp_en):
    doc = nlp_en("The commander was reportedly killed in what is believed to be an Israeli strike.")
    hedges = find_hedge_mentions(doc, "en")
    assert [h.text for h in hedges] == ["reportedly", "believed to"]
    assert all(doc.text[h.start : h.end] == h.text for h in hedges)
