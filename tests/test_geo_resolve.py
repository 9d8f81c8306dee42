"""Resolving place mentions to GeoNames places with the article's context."""

import pytest

from veille.extract.mentions import PlaceMention
from veille.extract.places import find_place_mentions
from veille.geo.gazetteer import default_gazetteer
from veille.geo.resolve import distance_km, resolve_places

TRUTH = {  # GeoNames coordinates of the towns
    "SYR": {"Daraa": (32.62, 36.10), "Deir ez-Zor": (35.34, 40.14), "Qamishli": (37.05, 41.23),
            "Hasakah": (36.50, 40.75), "Idlib": (35.93, 36.63)},
    "IRQ": {"Kirkuk": (35.47, 44.39), "Hawija": (35.33, 43.77)},
}
SPELLINGS = [
    ("SYR", "Daraa", ["Dar'a", "Daraa", "Deraa"]),
    ("SYR", "Deir ez-Zor", ["Deir ez-Zor", "Deir-ez-Zor", "Dayr az Zawr"]),
    ("SYR", "Qamishli", ["Qamichli", "Qamishli", "Al Qamishli"]),
    ("SYR", "Hasakah", ["Hassaké", "Hasakah", "Al Hasakah"]),
    ("SYR", "Idlib", ["Idleb", "Idlib"]),
    ("IRQ", "Kirkuk", ["Kirkouk", "Kirkuk"]),
    ("IRQ", "Hawija", ["al-Hawija", "Hawija", "Al Hawijah"]),
]


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


def _resolve_one(text, name, gazetteer, language="fr", kind="place"):
    start = text.index(name)
    mention = PlaceMention(start=start, end=start + len(name), text=name, token_start=0, token_end=1, kind=kind)
    return resolve_places([mention], text, language, gazetteer).get(mention)


@pytest.mark.parametrize("iso3, town, spelling", [(iso3, town, s) for iso3, town, group in SPELLINGS for s in group])
def test_spellings_resolve_to_the_town(gazetteer, iso3, town, spelling):
    place = _resolve_one(f"Des combats ont éclaté à {spelling} samedi.", spelling, gazetteer)
    assert place is not None and place.iso3 == iso3
    assert distance_km(place.latitude, place.longitude, *TRUTH[iso3][town]) < 25
    assert place.geo_precision == 1
    assert place.mention.text == spelling


def test_province_of_idlib_is_the_admin1_region(nlp_fr, gazetteer):
    text = "L'armée a bombardé la province d'Idlib dimanche."
    mentions = find_place_mentions(nlp_fr(text), "fr", gazetteer)
    place = resolve_places(mentions, text, "fr", gazetteer)[mentions[0]]
    assert (place.name, place.admin1, place.iso3, place.geo_precision) == ("Idlib", "Idlib", "SYR", 3)
    assert place.geonameid == gazetteer.admin1("SY", "12").geonameid


def test_kirkuk_governorate_is_the_admin1_region(nlp_en, gazetteer):
    text = "Gunmen attacked a checkpoint in Kirkuk governorate."
    mentions = find_place_mentions(nlp_en(text), "en", gazetteer)
    place = resolve_places(mentions, text, "en", gazetteer)[mentions[0]]
    assert (place.name, place.iso3, place.geo_precision) == ("Kirkuk", "IRQ", 3)
    assert place.country == "Iraq"


@pytest.mark.parametrize("text, name, language", [
    ("Un drone s'est écrasé à l'est de Homs.", "Homs", "fr"),
    ("Un drone s'est écrasé près de Homs.", "Homs", "fr"),
    ("A drone crashed 20 km north of Homs.", "Homs", "en"),
    ("A drone crashed near Homs.", "Homs", "en"),
])
def test_near_a_town_has_precision_two(gazetteer, text, name, language):
    place = _resolve_one(text, name, gazetteer, language)
    assert (place.name, place.geo_precision) == ("Homs", 2)


def test_country_mention_is_precision_three(gazetteer):
    place = _resolve_one("Les troupes sont entrées en Syrie.", "Syrie", gazetteer, kind="country")
    assert (place.name, place.iso3, place.geo_precision, place.admin1) == ("Syria", "SYR", 3, None)


def test_country_named_in_the_article_disambiguates(nlp_fr, gazetteer):
    lebanon = "Une explosion a secoué Tripoli jeudi. Le Liban a décrété un deuil national."
    libya = "Une explosion a secoué Tripoli jeudi. La Libye a décrété un deuil national."
    for text, iso3 in ((lebanon, "LBN"), (libya, "LBY")):
        mentions = find_place_mentions(nlp_fr(text), "fr", gazetteer)
        places = {mention.text: place for mention, place in resolve_places(mentions, text, "fr", gazetteer).items()}
        assert places["Tripoli"].iso3 == iso3


def test_nearby_places_pull_an_ambiguous_name(gazetteer):
    text = "Des affrontements à Tripoli et à Beyrouth."
    start = text.index("Tripoli")
    tripoli = PlaceMention(start=start, end=start + 7, text="Tripoli", token_start=0, token_end=1)
    start = text.index("Beyrouth")
    beirut = PlaceMention(start=start, end=start + 8, text="Beyrouth", token_start=2, token_end=3)
    places = resolve_places([tripoli, beirut], text, "fr", gazetteer)
    assert places[beirut].iso3 == "LBN" and places[tripoli].iso3 == "LBN"


def test_demonym_is_not_resolved(gazetteer):
    assert _resolve_one("Syrian forces advanced.", "Syrian", gazetteer, "en") is None
    assert _resolve_one("Les forces syriennes avancent.", "syriennes", gazetteer) is None


def test_unknown_name_is_left_out(gazetteer):
    assert _resolve_one("Ils ont fui vers Zzyzxqor.", "Zzyzxqor", gazetteer) is None


def test_contracted_article_resolves_cairo(gazetteer):
    place = _resolve_one("Une réunion s'est tenue au Caire hier.", "Caire", gazetteer)
    assert place.iso3 == "EGY" and distance_km(place.latitude, place.longitude, 30.06, 31.25) < 25


def test_same_name_as_province_and_as_town_in_one_article(nlp_fr, gazetteer):
    text = "Des frappes ont visé la province d'Idlib. Plus tard, un marché de la ville d'Idlib a brûlé."
    mentions = find_place_mentions(nlp_fr(text), "fr", gazetteer)
    places = resolve_places(mentions, text, "fr", gazetteer)
    assert [places[mention].geo_precision for mention in mentions] == [3, 1]


def test_bare_province_spelling_means_its_namesake_city(gazetteer):
    place = _resolve_one("Des combats ont eu lieu à Racca.", "Racca", gazetteer)
    assert (place.iso3, place.geo_precision) == ("SYR", 1)
    assert distance_km(place.latitude, place.longitude, 35.95, 39.01) < 25


@pytest.mark.parametrize("name, iso3, truth", [
    ("Alep", "SYR", (36.20, 37.16)), ("Mossoul", "IRQ", (36.34, 43.13)), ("Beyrouth", "LBN", (33.89, 35.50)),
    ("Khan Cheikhoun", "SYR", (35.44, 36.65)), ("Palmyre", "SYR", (34.56, 38.28)),
])
def test_french_exonyms(gazetteer, name, iso3, truth):
    place = _resolve_one(f"Des combats ont eu lieu à {name}.", name, gazetteer)
    assert place.iso3 == iso3 and distance_km(place.latitude, place.longitude, *truth) < 25


@pytest.mark.parametrize("actor_country, iso3", [("IRQ", "IRQ"), ("RUS", "RUS")])
def test_actors_country_picks_the_namesake(gazetteer, actor_country, iso3):
    text = "Militiamen ambushed a convoy near Samarra on Sunday."
    start = text.index("Samarra")
    mention = PlaceMention(start=start, end=start + 7, text="Samarra", token_start=0, token_end=1)
    place = resolve_places([mention], text, "en", gazetteer, actor_countries=frozenset({actor_country}))[mention]
    assert place.iso3 == iso3


def test_two_doubtful_small_towns_far_apart_do_not_drop_each_other(gazetteer):
    text = "Marchers walked through el Hermel towards the Saray square on Friday."
    mentions = [PlaceMention(start=text.index(name), end=text.index(name) + len(name), text=name, token_start=0,
                             token_end=1) for name in ("el Hermel", "Saray")]
    places = resolve_places(mentions, text, "en", gazetteer)
    assert places[mentions[0]].iso3 == "LBN"


def test_a_town_is_not_dropped_for_lying_far_from_a_doubtful_namesake_beside_it(gazetteer):
    text = "Clashes broke out in the town of Taara in the countryside of As-Sweida."
    mentions = [PlaceMention(start=text.index(name), end=text.index(name) + len(name), text=name, token_start=0,
                             token_end=1) for name in ("Taara", "As-Sweida")]
    places = resolve_places(mentions, text, "en", gazetteer)
    assert places[mentions[1]].iso3 == "SYR"
