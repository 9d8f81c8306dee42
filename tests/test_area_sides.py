"""A province told by one of its sides is placed among its towns on that side."""

from veille.extract.mentions import PlaceMention
from veille.geo.area_sides import at_told_sides, side_point, told_side
from veille.geo.gazetteer import default_gazetteer
from veille.records import Place, Span


def _side(text: str, name: str, language: str = "en") -> float | None:
    start = text.index(name)
    return told_side(text, start, start + len(name), language)


def test_a_side_of_a_countryside_or_a_province_is_read_as_a_bearing():
    assert _side("Mortars fell on farms in the southern countryside of Hama on Friday.", "Hama") == 180
    assert _side("Drones were seen over the north-western countryside of Hama.", "Hama") == 315
    assert _side("A patrol was ambushed in northern Diyala province at dawn.", "Diyala") == 0
    assert _side("Crops burned in the eastern Aleppo countryside.", "Aleppo") == 90
    assert _side("An attack was repelled in the southeast of Taizz governorate.", "Taizz") == 135
    assert _side("Des obus sont tombés dans la campagne sud d'Idleb.", "Idleb", "fr") == 180
    assert _side("Des combats ont eu lieu dans le nord-ouest de la province de Hama.", "Hama", "fr") == 315


def test_no_side_without_an_area_word_or_for_a_town_itself():
    assert _side("A bomb went off in southern Hama on Friday.", "Hama") is None
    assert _side("A bomb went off in the southern part of Hama city.", "Hama") is None
    assert _side("A bomb went off near Hama.", "Hama") is None
    assert _side("A bomb went off south of Hama.", "Hama") is None
    assert _side("A bomb went off in the south of Hama on Friday.", "Hama") is None


def _mention(text: str, name: str) -> PlaceMention:
    start = text.index(name)
    return PlaceMention(start=start, end=start + len(name), text=name, token_start=0, token_end=1)


def _place(name: str, iso2: str, feature: str) -> Place:
    entry = next(e for e in default_gazetteer().candidates(name) if e.feature == feature and e.country_code == iso2)
    return Place(name=entry.name, admin1=entry.admin1, iso3=entry.iso3, latitude=entry.latitude,
                 longitude=entry.longitude, geonameid=entry.geonameid, geo_precision=2,
                 mention=Span(start=0, end=len(name), text=name))


def test_a_seat_standing_for_its_province_moves_to_that_side():
    text = "Shells hit villages in the northern countryside of Aleppo and in the western countryside of Manbij."
    aleppo, manbij = _place("Aleppo", "SY", "city"), _place("Manbij", "SY", "city")
    at_aleppo, at_manbij = _mention(text, "Aleppo"), _mention(text, "Manbij")
    moved = at_told_sides({at_aleppo: aleppo, at_manbij: manbij}, text, "en", default_gazetteer())
    assert moved[at_aleppo].latitude > aleppo.latitude + 0.1
    assert moved[at_aleppo].name == aleppo.name and moved[at_aleppo].geo_precision == 2
    assert moved[at_manbij] == manbij  # a town seating no province keeps its point


def test_the_side_point_lies_inside_the_province_on_that_side():
    gazetteer = default_gazetteer()
    province = next(e for e in gazetteer.candidates("Idlib") if e.feature == "admin1")
    seat = next(e for e in gazetteer.candidates("Idlib") if e.feature == "city" and e.country_code == "SY")
    lat, lon = side_point(province, seat, 180.0, gazetteer)
    assert 35.3 < lat < seat.latitude - 0.1 and 36.0 < lon < 37.2
