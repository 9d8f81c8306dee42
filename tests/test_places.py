"""Finding toponyms in parsed French and English sentences."""

import pytest

from veille.extract.places import find_place_mentions
from veille.geo.gazetteer import default_gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


def _mentions(nlp, language, text, gazetteer):
    doc = nlp(text)
    mentions = find_place_mentions(doc, language, gazetteer)
    for mention in mentions:
        assert mention.text == doc.text[mention.start:mention.end]
        assert doc[mention.token_start:mention.token_end].text.endswith(mention.text)
    return {mention.text: mention for mention in mentions}


def test_hyphenated_arabic_names_are_found_whole(nlp_fr, gazetteer):
    text = "Une patrouille a été visée près de la localité d'al-Hawija, au sud de Kirkouk."
    found = _mentions(nlp_fr, "fr", text, gazetteer)
    assert set(found) == {"al-Hawija", "Kirkouk"}
    assert found["al-Hawija"].kind == "place"


def test_multiword_names_with_lowercase_particles(nlp_en, gazetteer):
    found = _mentions(nlp_en, "en", "Shelling was reported in Deir ez-Zor and in Ras al-Ain overnight.", gazetteer)
    assert {"Deir ez-Zor", "Ras al-Ain"} <= set(found)


def test_a_spaced_lowercase_article_opens_a_name(nlp_en, gazetteer):
    found = _mentions(nlp_en, "en", "Gunmen shot two men in al Bab on Friday.", gazetteer)
    assert "al Bab" in found


def test_province_cue_makes_an_admin1_mention(nlp_fr, nlp_en, gazetteer):
    french = _mentions(nlp_fr, "fr", "Des frappes ont visé la province d'Idlib mardi.", gazetteer)
    assert french["Idlib"].kind == "admin1"
    assert _mentions(nlp_en, "en", "Two men were arrested in Kirkuk governorate.", gazetteer)["Kirkuk"].kind == "admin1"


def test_countries_are_country_mentions(nlp_fr, gazetteer):
    found = _mentions(nlp_fr, "fr", "Le convoi est passé de Syrie en Irak, puis aux États-Unis selon eux.", gazetteer)
    assert {name: mention.kind for name, mention in found.items()} == {
        "Syrie": "country", "Irak": "country", "États-Unis": "country"}


def test_demonyms_are_not_places(nlp_fr, nlp_en, gazetteer):
    fr = _mentions(nlp_fr, "fr", "Les Américains et les soldats syriens sont restés. Les Russes aussi.", gazetteer)
    en = _mentions(nlp_en, "en", "Syrian and Russian troops met Iraqi officers.", gazetteer)
    assert fr == {} and en == {}


def test_people_and_organisations_are_not_places(nlp_fr, gazetteer):
    text = "Selon Mike Pompeo, le Front al-Nosra a pris le village de Maarzaf près de Hama."
    found = _mentions(nlp_fr, "fr", text, gazetteer)
    assert "Mike" not in found and "Pompeo" not in found and "Nosra" not in found
    assert "Hama" in found


def test_capitalised_common_words_are_not_villages(nlp_fr, gazetteer):
    text = "Mais Source a dit Lundi que la Résistance est Forte. Initialement, Comment savoir ?"
    assert _mentions(nlp_fr, "fr", text, gazetteer) == {}


def test_sentence_initial_article_does_not_swallow_a_country(nlp_fr, gazetteer):
    found = _mentions(nlp_fr, "fr", "La Russie a répondu. Le Caire aussi.", gazetteer)
    assert "Russie" in found and found["Russie"].kind == "country"
    assert "Le Caire" in found


def test_contracted_article_name_is_found(nlp_fr, gazetteer):
    assert "Caire" in _mentions(nlp_fr, "fr", "Une réunion s'est tenue au Caire hier.", gazetteer)


def test_village_tagged_as_a_person_is_kept_after_a_place_cue(nlp_en, gazetteer):
    found = _mentions(nlp_en, "en", "Mortar fire hit the outskirts of Tal Tamr on Tuesday.", gazetteer)
    assert "Tal Tamr" in found


def test_a_village_told_as_lying_in_a_province_is_kept_whatever_the_tagger_says(nlp_en, gazetteer):
    # the small English model tags this village a person
    found = _mentions(nlp_en, "en", "Regime forces shelled Taftanaz in Idlib using artillery fire.", gazetteer)
    assert {"Taftanaz", "Idlib"} <= set(found)


def test_no_word_of_an_organisation_name_is_a_place(nlp_en, gazetteer):
    found = _mentions(nlp_en, "en", "Fighters of Sultan Murad Division clashed near Idlib.", gazetteer)
    assert set(found) == {"Idlib"}
    found = _mentions(nlp_en, "en", "Gunmen from Aleppo Shield Forces clashed near Idlib.", gazetteer)
    assert set(found) == {"Idlib"}


def test_a_name_qualifying_a_currency_or_a_weapon_places_nothing(nlp_en, gazetteer):
    text = "Traders in Homs complained that the US dollar had risen again; a Molotov cocktail hit a shop."
    found = _mentions(nlp_en, "en", text, gazetteer)
    assert "Homs" in found
    assert "US" not in found and "Molotov" not in found
    found = _mentions(nlp_en, "en", "Officials from the US met traders in Homs.", gazetteer)
    assert {"US", "Homs"} <= set(found)


def test_a_name_tagged_as_a_person_is_a_place_in_a_location_note_or_before_a_word_for_a_place(nlp_en, gazetteer):
    # the small English model tags these district names as people
    found = _mentions(nlp_en, "en", "Fighters clashed on the Sirwah front (Sirwah, Marib) overnight.", gazetteer)
    assert {"Sirwah", "Marib"} <= set(found)


def test_the_seat_of_a_local_government_is_a_place(nlp_en, gazetteer):
    # the small English model tags "X Governorship" as one organisation
    found = _mentions(nlp_en, "en", "On Monday, Hama Governorship announced a new curfew.", gazetteer)
    assert "Hama" in found and found["Hama"].kind == "admin1"


def test_a_loose_spelling_is_a_place_before_a_word_for_a_kind_of_place(nlp_en, gazetteer):
    found = _mentions(nlp_en, "en", "Troops were sent to Suqutra island on Monday.", gazetteer)
    assert "Suqutra" in found


def test_a_name_before_a_comma_is_found_when_the_tagger_runs_the_entity_past_it(nlp_en, gazetteer):
    found = _mentions(nlp_en, "en", "On Sunday, in Baalbek, Military police closed the market in Lebanon.", gazetteer)
    assert "Baalbek" in found


def test_a_possessive_province_is_a_place(nlp_en, gazetteer):
    found = _mentions(nlp_en, "en", "Teachers in al Muthanna's main city went on strike.", gazetteer)
    assert "al Muthanna" in found


def test_a_capitalised_word_for_a_local_government_names_a_place(nlp_en, gazetteer):
    found = _mentions(nlp_en, "en", "Protesters gathered in front of the Baalbek Governorate offices on Friday.", gazetteer)
    assert "Baalbek" in found


def test_the_place_an_office_serves_is_a_place(nlp_en, gazetteer):
    text = "Officials of the Health Office of Homs said the clinic closed."
    assert any(ent.label_ == "ORG" and "Homs" in ent.text for ent in nlp_en(text).ents)  # the case this rule is for
    assert "Homs" in _mentions(nlp_en, "en", text, gazetteer)


def test_a_name_closing_the_text_is_judged_without_reading_past_its_end(nlp_en, gazetteer):
    # a credit line with no full stop ends many pages: the word after the name does not exist
    doc = nlp_en("Residents said the market in Aleppo reopened on Monday. New York Times")
    assert [m.text for m in find_place_mentions(doc, "en", gazetteer)] == ["Aleppo"]


def test_what_guns_pound_is_a_place_whatever_the_tagger_says(nlp_fr, gazetteer):
    # the French tagger reads a lone unknown name after "bombardé" as a person's
    assert "Saraqib" in _mentions(nlp_fr, "fr", "Des rebelles ont bombardé Saraqib dimanche.", gazetteer)
    assert "Saraqib" in _mentions(nlp_fr, "fr", "L'armée a pilonné Saraqib toute la nuit.", gazetteer)
    assert _mentions(nlp_fr, "fr", "Des hommes armés ont blessé Karim Haddad dimanche.", gazetteer) == {}


def test_the_ends_of_a_road_named_by_them_are_places_whatever_the_tagger_says(nlp_en, gazetteer):
    for text in ("A driver was shot dead on the Raqqa - Tabqa road on Monday.",
                 "A driver was shot dead on the Raqqa-Tabqa road on Monday."):
        names = [m.text for m in find_place_mentions(nlp_en(text), "en", gazetteer)]
        assert names == ["Raqqa", "Tabqa"]
