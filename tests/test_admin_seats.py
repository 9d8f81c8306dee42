"""Places known only at province level are put at the province's seat."""

from veille.geo.admin_seats import at_division_seats, division_seat
from veille.geo.gazetteer import default_gazetteer
from veille.records import Place


def _division(name, iso2):
    return next(e for e in default_gazetteer().candidates(name) if e.feature == "admin1" and e.country_code == iso2)


def test_a_listed_seat_is_used():
    assert division_seat(_division("Al Anbar", "IQ"), default_gazetteer()).name == "Ramadi"


def test_a_namesake_town_seats_a_division_without_a_listed_seat():
    assert division_seat(_division("Idlib", "SY"), default_gazetteer()).name == "Idlib"


def test_a_province_place_moves_to_its_seat_and_keeps_its_precision():
    gazetteer = default_gazetteer()
    anbar = _division("Al Anbar", "IQ")
    place = Place(name=anbar.name, admin1=anbar.admin1, iso3="IRQ", latitude=anbar.latitude,
                  longitude=anbar.longitude, geonameid=anbar.geonameid, geo_precision=3)
    town = Place(name="Hit", admin1="Al Anbar", iso3="IRQ", latitude=33.64, longitude=42.83, geonameid=1,
                 geo_precision=1)
    moved = at_division_seats({"province": place, "town": town}, gazetteer)
    assert moved["province"].name == "Ramadi" and moved["province"].geo_precision == 3
    assert moved["province"].admin1 == "Al Anbar"
    assert moved["town"] == town
