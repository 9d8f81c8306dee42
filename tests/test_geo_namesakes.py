"""Choosing between towns of one name with the article's other places."""

import pytest

from veille.extract.mentions import PlaceMention
from veille.geo.gazetteer import default_gazetteer
from veille.geo.resolve import resolve_places


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


def _resolve(text, names, gazetteer):
    mentions = [PlaceMention(start=text.index(n), end=text.index(n) + len(n), text=n, token_start=0, token_end=1)
                for n in names]
    places = resolve_places(mentions, text, "en", gazetteer, demonyms_as_places=True)
    return [places.get(mention) for mention in mentions]


def test_a_big_city_of_the_article_country_beats_a_small_namesake_near_its_other_places(gazetteer):
    text = "Houston and Dallas won at home in Texas, while Portland lost on the road."
    *_, portland = _resolve(text, ["Houston", "Dallas", "Texas", "Portland"], gazetteer)
    assert (portland.name, portland.admin1) == ("Portland", "Oregon")


def test_a_big_city_abroad_gains_nothing_on_a_namesake_of_the_article_country(gazetteer):
    text = "Iraqi troops ambushed militants near Samarra."
    samarra, = _resolve(text, ["Samarra"], gazetteer)
    assert samarra.iso3 == "IRQ"


def test_a_bare_name_is_the_county_the_article_names_in_full(gazetteer):
    text = "Suffolk County police closed the beach; Suffolk officials said it would reopen."
    county, bare = _resolve(text, ["Suffolk County", "Suffolk"], gazetteer)
    assert (bare.name, bare.latitude, bare.longitude) == (county.name, county.latitude, county.longitude)
    assert bare.admin1 == "New York"


def test_a_town_inside_the_county_named_in_full_stays_the_town(gazetteer):
    text = "Los Angeles County deputies and Los Angeles police met downtown."
    county, town = _resolve(text, ["Los Angeles County", "Los Angeles"], gazetteer)
    assert county.name != town.name and town.geo_precision == 1


def test_two_doubtful_towns_of_one_country_settle_each_other_on_known_toponyms(gazetteer):
    text = "A man stabbed in Dundalk last month is being held at a hospital in Dundrum."
    dundalk, dundrum = _resolve(text, ["Dundalk", "Dundrum"], gazetteer)
    assert dundalk.iso3 == dundrum.iso3 == "IRL"


def test_a_name_listed_among_states_is_the_state(gazetteer):
    text = "Snow fell across Idaho, Utah, Oregon and Washington overnight."
    *_, washington = _resolve(text, ["Idaho", "Utah", "Oregon", "Washington"], gazetteer)
    assert (washington.name, washington.geo_precision) == ("Washington", 3)
    assert washington.admin1 == "Washington"


def test_a_name_listed_among_countries_is_the_country(gazetteer):
    text = "Delegates from Armenia, Azerbaijan and Georgia met on Monday."
    *_, georgia = _resolve(text, ["Armenia", "Azerbaijan", "Georgia"], gazetteer)
    assert georgia.iso3 == "GEO"


def test_a_bare_washington_alone_is_the_capital(gazetteer):
    washington, = _resolve("Officials in Washington said talks would resume.", ["Washington"], gazetteer)
    assert (washington.admin1, washington.geo_precision) == ("District of Columbia", 1)


def test_a_name_the_article_also_abbreviates_as_a_state_is_the_state(gazetteer):
    text = "SPOKANE, Wash. - The crew has worked all over Washington and in Washington, D.C., this year."
    *_, washington, _ = _resolve(text, ["SPOKANE", "Wash.", "Washington", "Washington, D.C."], gazetteer)
    assert (washington.admin1, washington.geo_precision) == ("Washington", 3)


def test_a_town_named_like_its_province_stays_the_town_beside_the_province(gazetteer):
    text = "Shelling hit Idlib province on Monday; in Idlib itself, markets closed."
    first, second = text.index("Idlib"), text.rindex("Idlib")
    mentions = [PlaceMention(start=start, end=start + 5, text="Idlib", token_start=0, token_end=1)
                for start in (first, second)]
    places = resolve_places(mentions, text, "en", gazetteer, demonyms_as_places=True)
    assert [places[mention].geo_precision for mention in mentions] == [3, 1]


def test_a_mid_sized_city_reached_by_an_unrelated_alias_yields_to_a_town_of_that_name(gazetteer):
    venice, = _resolve("Tourists crowded into Venice on Sunday.", ["Venice"], gazetteer)
    assert venice.name == "Venice"


def test_a_loose_spelling_match_abroad_from_all_the_article_places_is_dropped_however_big(gazetteer):
    text = "Storms hit Honolulu and Maui on Friday."
    mentions = [PlaceMention(start=text.index(n), end=text.index(n) + len(n), text=n, token_start=0, token_end=1)
                for n in ("Honolulu", "Maui")]
    places = resolve_places(mentions, text, "en", gazetteer)
    assert places[mentions[0]].name == "Honolulu" and mentions[1] not in places


def test_clock_times_in_a_country_zone_hint_at_that_country(gazetteer):
    from veille.geo.time_zones import time_zone_countries
    assert time_zone_countries("Doors open at 7 a.m. CT on Friday.") == {"US"}
    assert time_zone_countries("Polls close at 6pm AEST.") == {"AU"}
    assert time_zone_countries("In 2020 CT scans rose; 7 am et 8 pm et plus.") == frozenset()
    text = "Tickets for the Birmingham festival go on sale at 7 a.m. CT today."
    birmingham, = _resolve(text, ["Birmingham"], gazetteer)
    assert birmingham.admin1 == "Alabama"
