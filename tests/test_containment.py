"""Places told as lying in a province are read as the namesake inside it (invented names and a small gazetteer)."""

from veille.extract.mentions import PlaceMention
from veille.geo.containment import container_pairs, fit_to_containers
from veille.geo.gazetteer import GazetteerEntry
from veille.records import Place


def _entry(geonameid, name, admin1_code, admin1, lat, lon, feature="city", population=0):
    return GazetteerEntry(geonameid=geonameid, name=name, country_code="SY", iso3="SYR", admin1_code=admin1_code,
                          admin1=admin1, latitude=lat, longitude=lon, population=population, feature=feature,
                          source="test")


class _SmallGazetteer:
    def __init__(self, entries):
        self.entries = entries

    def candidates(self, name):
        return [entry for entry in self.entries if entry.name == name]

    def country(self, code):
        return _entry(1, "Syria", "", None, 35.0, 38.0, feature="country")


NORTH_VILLAGE = _entry(11, "Umm Zaytun", "01", "Northland", 36.9, 41.0)
SOUTH_VILLAGE = _entry(12, "Umm Zaytun", "06", "Southland", 32.7, 36.1)
SOUTH_TOWN = _entry(13, "Southland", "06", "Southland", 32.6, 36.1, population=100_000)


def _mention(text, name):
    start = text.index(name)
    return PlaceMention(start=start, end=start + len(name), text=name, token_start=start, token_end=start + 1)


def _place(entry, precision=1):
    return Place(name=entry.name, admin1=entry.admin1, iso3="SYR", latitude=entry.latitude,
                 longitude=entry.longitude, geonameid=entry.geonameid, geo_precision=precision)


def test_a_village_told_as_lying_in_a_province_is_read_as_the_namesake_there():
    text = "Gunmen shot a farmer in Umm Zaytun in the western countryside of Southland."
    village, province = _mention(text, "Umm Zaytun"), _mention(text, "Southland")
    places = {village: _place(NORTH_VILLAGE), province: _place(SOUTH_TOWN)}
    assert container_pairs(text, [village, province], places, "en") == {village: province}
    fitted = fit_to_containers([village, province], places, text, "en",
                               _SmallGazetteer([NORTH_VILLAGE, SOUTH_VILLAGE, SOUTH_TOWN]))
    assert fitted[village].geonameid == 12 and fitted[village].admin1 == "Southland"
    assert fitted[province] == places[province]


def test_places_merely_listed_together_are_left_alone():
    text = "Shelling hit Umm Zaytun and then reached Southland."
    village, province = _mention(text, "Umm Zaytun"), _mention(text, "Southland")
    places = {village: _place(NORTH_VILLAGE), province: _place(SOUTH_TOWN)}
    assert container_pairs(text, [village, province], places, "en") == {}
    fitted = fit_to_containers([village, province], places, text, "en",
                               _SmallGazetteer([NORTH_VILLAGE, SOUTH_VILLAGE, SOUTH_TOWN]))
    assert fitted[village].geonameid == 11


def test_every_name_of_a_list_lies_in_the_area_named_after_it():
    text = "Airstrikes hit Umm Zaytun and Tal Warda in Southland."
    village, other, province = _mention(text, "Umm Zaytun"), _mention(text, "Tal Warda"), _mention(text, "Southland")
    other_entry = _entry(14, "Tal Warda", "06", "Southland", 32.8, 36.2)
    places = {village: _place(NORTH_VILLAGE), other: _place(other_entry), province: _place(SOUTH_TOWN)}
    fitted = fit_to_containers([village, other, province], places, text, "en",
                               _SmallGazetteer([NORTH_VILLAGE, SOUTH_VILLAGE, SOUTH_TOWN, other_entry]))
    assert fitted[village].geonameid == 12


def test_a_province_dropped_for_a_misread_village_comes_back():
    text = "Gunmen shot a farmer in Umm Zaytun in Southland."
    village, province = _mention(text, "Umm Zaytun"), _mention(text, "Southland")
    places = {village: _place(NORTH_VILLAGE)}  # the resolver kept only the village, read elsewhere
    southland = _entry(15, "Southland", "06", "Southland", 32.5, 36.3, feature="admin1", population=500_000)
    fitted = fit_to_containers([village, province], places, text, "en", _SmallGazetteer([NORTH_VILLAGE, southland]))
    assert fitted[province].geonameid == 15 and fitted[province].geo_precision == 3
    # a town of that name elsewhere is no evidence: only a province comes back
    fitted = fit_to_containers([village, province], places, text, "en", _SmallGazetteer([NORTH_VILLAGE, SOUTH_TOWN]))
    assert province not in fitted


def test_a_side_of_the_area_may_stand_between_a_place_and_its_container():
    village = NORTH_VILLAGE
    for text in ("Gunmen shot a farmer in Umm Zaytun area in western Southland.",
                 "Gunmen shot a farmer in Umm Zaytun village in the north-east of Southland."):
        inner, outer = _mention(text, "Umm Zaytun"), _mention(text, "Southland")
        places = {inner: _place(village), outer: _place(SOUTH_TOWN)}
        assert container_pairs(text, [inner, outer], places, "en") == {inner: outer}
    text = "Gunmen shot a farmer in Umm Zaytun and fled west to Southland."
    inner, outer = _mention(text, "Umm Zaytun"), _mention(text, "Southland")
    assert container_pairs(text, [inner, outer], {inner: _place(village), outer: _place(SOUTH_TOWN)}, "en") == {}


def test_a_list_stays_a_list_past_a_name_the_gazetteer_could_not_place():
    text = "Protesters gathered in Umm Zaytun, Southland, Qasr Nur and Tal Warda."
    village, town, other = _mention(text, "Umm Zaytun"), _mention(text, "Southland"), _mention(text, "Tal Warda")
    other_entry = _entry(14, "Tal Warda", "06", "Southland", 32.8, 36.2)
    places = {village: _place(NORTH_VILLAGE), town: _place(SOUTH_TOWN), other: _place(other_entry)}
    assert container_pairs(text, [village, town, other], places, "en") == {}
    text = "Protesters gathered in Umm Zaytun, Southland, Qasr Nur, Tal Warda."  # no list word: a place and its area
    village, town, other = _mention(text, "Umm Zaytun"), _mention(text, "Southland"), _mention(text, "Tal Warda")
    places = {village: _place(NORTH_VILLAGE), town: _place(SOUTH_TOWN), other: _place(other_entry)}
    assert container_pairs(text, [village, town, other], places, "en") == {village: town}


def test_a_word_for_a_kind_of_land_may_stand_between_a_place_and_its_container():
    for text in ("A mine exploded in Umm Zaytun desert in Southland.",
                 "Shells fell on Umm Zaytun plain in Southland."):
        inner, outer = _mention(text, "Umm Zaytun"), _mention(text, "Southland")
        places = {inner: _place(NORTH_VILLAGE), outer: _place(SOUTH_TOWN)}
        assert container_pairs(text, [inner, outer], places, "en") == {inner: outer}


def test_a_namesake_abroad_of_a_name_noted_in_a_province_is_dropped():
    abroad = GazetteerEntry(geonameid=21, name="Umm Zaytun", country_code="NE", iso3="NER", admin1_code="03",
                            admin1="Faraway", latitude=9.6, longitude=6.5, population=300_000, feature="city",
                            source="test")
    southland = _entry(15, "Southland", "06", "Southland", 32.5, 36.3, feature="admin1", population=500_000)
    town = _entry(14, "Tal Warda", "06", "Southland", 32.8, 36.2)
    far_town = GazetteerEntry(geonameid=22, name="Tal Warda", country_code="NE", iso3="NER", admin1_code="03",
                              admin1="Faraway", latitude=9.7, longitude=6.4, population=0, feature="city",
                              source="test")
    for text, other, dropped in (
            ("Shells hit Tal Warda and the port (Umm Zaytun, Southland) at dawn.", town, True),
            ("Shells hit Tal Warda and the port (al Umm Zaytun, Southland) at dawn.", town, True),
            # the text's other places lie where the first name was read: the province is the namesake
            ("Shells hit Tal Warda and the port (Umm Zaytun, Southland) at dawn.", far_town, False),
            ("Shells hit Tal Warda and Umm Zaytun, Southland and three other towns at dawn.", town, False),
            ("Shells hit the port (Umm Zaytun, Southland) at dawn.", None, True)):  # nothing else: trust the province
        village, province = _mention(text, "Umm Zaytun"), _mention(text, "Southland")
        places = {village: Place(name="Umm Zaytun", admin1="Faraway", iso3="NER", latitude=9.6, longitude=6.5,
                                 geonameid=21, geo_precision=1),
                  province: _place(southland, 3)}
        if other is not None:
            places[_mention(text, "Tal Warda")] = Place(
                name="Tal Warda", admin1=other.admin1, iso3=other.iso3, latitude=other.latitude,
                longitude=other.longitude, geonameid=other.geonameid, geo_precision=1)
        fitted = fit_to_containers(list(places), places, text, "en",
                                   _SmallGazetteer([abroad, southland, town, far_town]))
        assert (village not in fitted) is dropped, text
        assert fitted[province].geonameid == 15


def test_a_fort_named_before_a_note_lies_in_the_noted_area():
    text = "Gunmen fired at Umm Zaytun fort (Tal Warda, Southland) at night."
    inner, outer = _mention(text, "Umm Zaytun"), _mention(text, "Tal Warda")
    district = _entry(14, "Tal Warda", "06", "Southland", 32.8, 36.2)
    places = {inner: _place(NORTH_VILLAGE), outer: _place(district)}
    assert container_pairs(text, [inner, outer], places, "en") == {inner: outer}


def test_a_namesake_in_another_province_of_a_name_noted_in_a_province_is_dropped():
    text = "Airstrikes hit a hamlet (Umm Zaytun, Southland) at dawn."
    village, province = _mention(text, "Umm Zaytun"), _mention(text, "Southland")
    southland = _entry(15, "Southland", "06", "Southland", 32.5, 36.3, feature="admin1", population=500_000)
    places = {village: _place(NORTH_VILLAGE), province: _place(southland, 3)}
    fitted = fit_to_containers([village, province], places, text, "en", _SmallGazetteer([NORTH_VILLAGE, southland]))
    assert village not in fitted and fitted[province].geonameid == 15
    # the namesake inside the noted province is taken instead, as before
    fitted = fit_to_containers([village, province], places, text, "en",
                               _SmallGazetteer([NORTH_VILLAGE, SOUTH_VILLAGE, southland]))
    assert fitted[village].geonameid == 12


def test_a_city_noted_under_another_province_of_its_country_is_kept():
    text = "Protesters gathered in Northtown city (Northtown, Southland) at noon."
    city = _entry(31, "Northtown", "01", "Northland", 36.5, 40.5, population=200_000)
    inner = PlaceMention(start=text.index("Northtown,"), end=text.index("Northtown,") + 9, text="Northtown",
                         token_start=0, token_end=1)
    province = _mention(text, "Southland")
    southland = _entry(15, "Southland", "06", "Southland", 32.5, 36.3, feature="admin1", population=500_000)
    places = {inner: _place(city), province: _place(southland, 3)}
    fitted = fit_to_containers([inner, province], places, text, "en", _SmallGazetteer([city, southland]))
    assert fitted[inner].geonameid == 31  # the note filed a well-known city under the wrong province
