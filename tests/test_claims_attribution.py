"""Who says so, in French and English: pronouns and narrative infinitives, anaphora, hedges, denials."""

from __future__ import annotations

from veille.extract.attribution import find_hedge_mentions, find_source_mentions


def _sources(doc, language):
    return [(m.text, m.name, m.kind, m.cue) for m in find_source_mentions(doc, language)]


def _hedges(doc, language):
    return [h.text for h in find_hedge_mentions(doc, language)]


def test_french_pronoun_and_narrative_infinitive_point_back_to_the_named_official(nlp_fr):
    doc = nlp_fr("Karim Haddad, porte-parole du ministère, a déclaré que l'attaque avait échoué. "
                 "Les assaillants ont fui vers le nord, a-t-il précisé. Et lui d'ajouter que deux soldats ont été blessés.")
    found = _sources(doc, "fr")
    assert [name for _, name, _, _ in found] == ["Karim Haddad", "Karim Haddad", "Karim Haddad"]
    assert found[1][0] == "-il" and found[2][0] == "lui"
    assert {kind for _, _, kind, _ in found} == {"official"}


def test_french_narrative_infinitive_names_an_outlet(nlp_fr):
    doc = nlp_fr("Et Radio Oronte de poursuivre : « Deux soldats ont été tués près du pont. »")
    assert _sources(doc, "fr") == [("Radio Oronte", "Radio Oronte", "outlet", "verb")]


def test_french_anaphoric_phrase_after_selon(nlp_fr):
    doc = nlp_fr("Samir Khoury, gouverneur de la province, a annoncé un couvre-feu. "
                 "Selon la version donnée par ce responsable, des hommes armés avaient attaqué la mairie.")
    found = _sources(doc, "fr")
    assert found[-1][1:] == ("Samir Khoury", "official", "preposition")


def test_a_pronoun_with_no_named_speaker_before_it_is_no_source(nlp_en):
    doc = nlp_en("He said the convoy was hit twice near the bridge.")
    assert _sources(doc, "en") == []


def test_english_pronoun_points_back_to_the_speaker(nlp_en):
    doc = nlp_en("Colonel Adam Reyes, a spokesman for the coalition, said two drones were shot down. "
                 "A third drone hit a depot, he added.")
    found = _sources(doc, "en")
    assert [name for _, name, _, _ in found] == ["Colonel Adam Reyes", "Colonel Adam Reyes"]


def test_french_hedges_conditional_and_uncertainty(nlp_fr):
    assert "auraient" in _hedges(nlp_fr("Trois civils auraient été tués dans le bombardement."), "fr")
    assert _hedges(nlp_fr("Il semblerait que le convoi ait été visé."), "fr")
    assert "probablement" in _hedges(nlp_fr("L'attaque a probablement été menée par un drone."), "fr")
    assert "sans préciser" in _hedges(nlp_fr("Le site a rapporté l'attaque sans préciser le nombre de victimes."), "fr")
    assert _hedges(nlp_fr("Trois civils ont été tués dans le bombardement."), "fr") == []


def test_english_hedges(nlp_en):
    assert _hedges(nlp_en("Two fighters were reportedly killed."), "en") == ["reportedly"]
    assert _hedges(nlp_en("The allegedly abducted men were freed."), "en") == ["allegedly"]
    assert "It is unclear" in _hedges(nlp_en("It is unclear who fired the rockets."), "en")
    assert _hedges(nlp_en("Two fighters were killed."), "en") == []


def test_denials_in_both_languages(nlp_fr, nlp_en):
    fr = _sources(nlp_fr("Le ministère de la Défense a démenti toute frappe sur le village."), "fr")
    assert [(kind, cue) for _, _, kind, cue in fr] == [("official", "denial")]
    en = _sources(nlp_en("The Syrian Democratic Forces denied that civilians were killed."), "en")
    assert [cue for _, _, _, cue in en] == ["denial"]


def test_role_written_before_the_name_makes_an_official_speaker(nlp_fr, nlp_en):
    fr = find_source_mentions(nlp_fr("Hier, le ministre de l'Intérieur, Nadia Salem a annoncé trois arrestations."), "fr")
    assert [(m.name, m.kind, m.speaker) for m in fr] == [
        ("Nadia Salem", "official", "Nadia Salem, ministre de l'Intérieur")]
    en = find_source_mentions(nlp_en("The defence secretary, John Ames, said two drones were shot down."), "en")
    assert [(m.name, m.kind) for m in en] == [("John Ames", "official")]
