"""Counties, abbreviated states, constituent countries, capitals, and toponyms the gazetteer lacks."""

import pytest

from veille.extract.mentions import PlaceMention
from veille.geo.abbreviations import expand_abbreviation
from veille.geo.fallback import focus, inner_names
from veille.geo.gazetteer import default_gazetteer
from veille.geo.resolve import distance_km, resolve_places
from veille.records import Place


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


def _mentions(text, *names):
    return [PlaceMention(start=text.index(n), end=text.index(n) + len(n), text=n, token_start=0, token_end=1)
            for n in names]


def _resolve(text, names, gazetteer, gold_spans=False):
    mentions = _mentions(text, *names)
    places = resolve_places(mentions, text, "en", gazetteer, demonyms_as_places=gold_spans)
    return [places.get(mention) for mention in mentions]


def test_abbreviations_match_only_with_their_dots():
    assert expand_abbreviation("Calif.") == ("US", "California")
    assert expand_abbreviation("B.C.") == ("CA", "British Columbia")
    assert expand_abbreviation("Calif") is None
    assert expand_abbreviation("Man") is None  # "Man." is Manitoba; the word is not


def test_abbreviated_state_resolves_to_the_state(gazetteer):
    text = "The fire spread near Sacramento, Calif., on Monday."
    place = _resolve(text, ["Calif."], gazetteer, gold_spans=True)[0]
    assert place.name == "California" and place.iso3 == "USA" and place.geo_precision == 3


def test_us_county_resolves_near_its_towns(gazetteer):
    text = "Deputies in Cuyahoga County searched the lake shore."
    place = _resolve(text, ["Cuyahoga County"], gazetteer)[0]
    assert place.iso3 == "USA" and distance_km(place.latitude, place.longitude, 41.5, -81.7) < 60
    assert place.admin2 == place.name  # a county is its own second-order division


def test_a_town_beats_its_namesake_district():
    from veille.geo.gazetteer import GazetteerEntry
    from veille.geo.candidate_filters import without_namesake_divisions

    town = GazetteerEntry(1, "Sample", "YE", "YEM", "02", None, 13.0, 45.0, 0, "city")
    district = GazetteerEntry(2, "Sample", "YE", "YEM", "02", None, 13.1, 45.1, 20_000, "admin2")
    elsewhere = GazetteerEntry(3, "Sample", "GB", "GBR", "ENG", None, 51.0, 0.5, 900_000, "admin2")
    assert without_namesake_divisions([town, district, elsewhere]) == [town, elsewhere]


def test_constituent_country_is_its_own_division(gazetteer):
    place = _resolve("Floods hit Wales and England.", ["England"], gazetteer)[0]
    assert place.name == "England" and place.admin1 == "England"


def test_capital_wins_over_its_namesakes(gazetteer):
    text = "Talks in Washington and Ottawa ended without a deal."
    place = _resolve(text, ["Washington"], gazetteer)[0]
    assert distance_km(place.latitude, place.longitude, 38.9, -77.0) < 50


def test_country_named_in_the_article_still_beats_the_capital(gazetteer):
    text = "A blast shook Tripoli. Lebanon declared a day of mourning."
    place = _resolve(text, ["Tripoli", "Lebanon"], gazetteer)[0]
    assert place.iso3 == "LBN"


def test_inner_names_skip_generic_words():
    text = "They met at the Springfield Memorial Hospital."
    mention = _mentions(text, "Springfield Memorial Hospital")[0]
    assert [run.text for run in inner_names(mention, "en")] == ["Springfield"]


def test_unlisted_toponym_takes_the_place_named_inside_it(gazetteer):
    text = "Crowds gathered outside Toronto City Hall on Friday."
    place = _resolve(text, ["Toronto City Hall"], gazetteer, gold_spans=True)[0]
    assert place.iso3 == "CAN" and distance_km(place.latitude, place.longitude, 43.7, -79.4) < 30


def test_unlisted_toponym_falls_back_on_the_town_named_before_it(gazetteer):
    text = "In Leeds, police closed Quarry Mount Terrace after the fire."
    leeds, street = _resolve(text, ["Leeds", "Quarry Mount Terrace"], gazetteer, gold_spans=True)
    assert street.name == leeds.name and street.geo_precision == 2
    running = _resolve(text, ["Leeds", "Quarry Mount Terrace"], gazetteer)
    assert running[1] is None  # in running text a name the gazetteer lacks stays unplaced


def test_focus_prefers_the_last_local_place_before_the_mention():
    def place(name, admin1, precision):
        return Place(name=name, admin1=admin1, latitude=0.0, longitude=0.0, geo_precision=precision)

    mentions = [PlaceMention(start=s, end=s + 3, text="abc", token_start=0, token_end=1) for s in (0, 10, 20)]
    places = {mentions[0]: place("Country", None, 3), mentions[1]: place("Town", "Prov", 1),
              mentions[2]: place("Other", "Prov", 1)}
    assert focus(places, 15).name == "Town"
    assert focus(places, 5).name in {"Town", "Other"}
    assert focus({mentions[0]: places[mentions[0]]}, 5).name == "Country"


def test_thinly_settled_division_takes_its_label_point():
    from veille.geo.gazetteer_build import _division_point, _same_division

    towns_centre = (49.5, -123.0)  # towns crowded in the south
    label = (54.7, -124.7, "Sample Province")
    assert _division_point(towns_centre, label, "Sample Province") == (54.7, -124.7)
    assert _division_point((54.0, -124.0), label, "Sample Province") == (54.0, -124.0)  # close: towns' centre
    assert _division_point(towns_centre, (54.7, -124.7, "Other Place"), "Sample Province") == towns_centre
    assert _same_division("Gansu", "Gansu Sheng") and _same_division("Krasnoyarsk", "Krasnoyarskiy")
    assert not _same_division("Ha Noi", "An Giang")


def test_label_points_are_read_from_the_resource(tmp_path):
    from veille.geo.admin1_world import label_points, write_label_points

    source = tmp_path / "admin1.json"
    source.write_text('{"features": [{"properties": {"gn_a1_code": "XX.01", "latitude": 1.5, "longitude": 2.5, '
                      '"name": "One"}}, {"properties": {"gn_a1_code": "XX.02", "latitude": 1, "longitude": 2}}, '
                      '{"properties": {"gn_a1_code": "XX.02", "latitude": 3, "longitude": 4}}]}', encoding="utf-8")
    out = tmp_path / "points.tsv"
    assert write_label_points(source, out) == 1  # a code shared by two features is left out
    assert "XX\t01\t1.500\t2.500\tOne" in out.read_text(encoding="utf-8")
    points = label_points()
    assert points[("CA", "02")][2] == "British Columbia"


def test_focus_keeps_to_the_article_main_country():
    def place(name, iso3):
        return Place(name=name, admin1="Prov", iso3=iso3, latitude=0.0, longitude=0.0, geo_precision=1)

    mentions = [PlaceMention(start=s, end=s + 3, text="abc", token_start=0, token_end=1) for s in (0, 10, 20, 30)]
    places = {mentions[0]: place("Home", "AAA"), mentions[1]: place("Home two", "AAA"),
              mentions[2]: place("Abroad", "BBB"), mentions[3]: place("Home", "AAA")}
    assert focus(places, 25).name == "Home"  # the most named town of the main country
    two = {mentions[0]: place("Home", "AAA"), mentions[1]: place("Home two", "AAA")}
    assert focus(two, 25).name == "Home two"  # a tie: the one named last before the mention
    assert focus(two, 0).name == "Home"  # ... else the first after it


def test_focus_keeps_to_the_main_province_and_else_the_main_country():
    def place(name, admin1, iso3="AAA", precision=1):
        return Place(name=name, admin1=admin1, iso3=iso3, latitude=0.0, longitude=0.0, geo_precision=precision)

    mentions = [PlaceMention(start=s, end=s + 3, text="abc", token_start=0, token_end=1) for s in range(0, 60, 10)]
    places = {mentions[0]: place("State", "North", precision=3), mentions[1]: place("Namesake", "South"),
              mentions[2]: place("Namesake", "South"), mentions[3]: place("Town", "North"),
              mentions[4]: place("Village", "North")}
    assert focus(places, 55).name == "Village"  # the province named most, not the town named most
    del places[mentions[4]]
    assert focus(places, 55).name == "Town"  # a province named outright weighs as two of its towns
    abroad = {mentions[0]: Place(name="Country", iso3="AAA", latitude=0, longitude=0, geo_precision=3),
              mentions[1]: Place(name="Country", iso3="AAA", latitude=0, longitude=0, geo_precision=3),
              mentions[2]: place("Far town", "Prov", iso3="BBB")}
    assert focus(abroad, 25).name == "Country"
    abroad[mentions[3]] = place("Far town", "Prov", iso3="BBB")
    assert focus(abroad, 35).name == "Far town"  # two of its towns outweigh a country named twice


def test_an_acronym_is_no_namesake_village(gazetteer):
    text = "Officials in Leeds said the OAS had written to them."
    leeds, oas = _resolve(text, ["Leeds", "OAS"], gazetteer, gold_spans=True)
    assert oas.name == leeds.name  # no village "Oas": the known toponym falls back on the article's town
    assert _resolve("Talks in the US went on.", ["US"], gazetteer)[0].iso3 == "USA"


def test_a_stray_namesake_on_gold_spans_gives_way_to_the_article_place(gazetteer):
    text = "Shelling hit Damascus and the Ghouta on Sunday."
    damascus, ghouta = _resolve(text, ["Damascus", "Ghouta"], gazetteer, gold_spans=True)
    assert ghouta.iso3 == "SYR" and distance_km(ghouta.latitude, ghouta.longitude, 33.5, 36.3) < 100


def test_an_unrelated_alias_of_a_small_town_yields_to_a_namesake():
    from veille.geo.gazetteer import GazetteerEntry
    from veille.geo.candidate_filters import unrelated_alias

    def town(name, population):
        return GazetteerEntry(1, name, "US", "USA", "AZ", None, 33.0, -111.0, population, "city")

    assert unrelated_alias(town("Mesa Verde", 5_000), "heiden")  # listed under a founder's name
    assert not unrelated_alias(town("Daraa", 90_000), "deraa")  # a spelling variant keeps its first sound
    assert not unrelated_alias(town("Qamishli", 90_000), "kamishli")
    assert not unrelated_alias(town("Metropolis", 500_000), "heiden")  # a big town's aliases are kept


def test_focus_prefers_a_town_to_a_province():
    mentions = [PlaceMention(start=s, end=s + 3, text="abc", token_start=0, token_end=1) for s in (0, 10)]
    places = {mentions[0]: Place(name="Town", admin1="Prov", iso3="AAA", latitude=0, longitude=0, geo_precision=1),
              mentions[1]: Place(name="Prov", admin1="Prov", iso3="AAA", latitude=0, longitude=0, geo_precision=3)}
    assert focus(places, 20).name == "Town"


def test_country_code_and_adjective_forms(gazetteer):
    text = "Delegates from the USA met Philippine officials in the Philippines."
    usa, philippine, philippines = _resolve(text, ["USA", "Philippine", "Philippines"], gazetteer, gold_spans=True)
    assert usa.iso3 == "USA" and philippine.iso3 == "PHL" and philippines.iso3 == "PHL"
    assert gazetteer.demonym_country("Philippine") == "PH" and gazetteer.demonym_country("Philippines") is None
    assert _resolve(text, ["Philippine"], gazetteer)[0] is None  # in running text an adjective places nothing


def test_a_lone_alias_stays_only_for_a_sizeable_town():
    from veille.geo.candidate_filters import plausible_candidates
    from veille.geo.gazetteer import GazetteerEntry

    def town(name, population):
        return GazetteerEntry(1, name, "SY", "SYR", "04", None, 34.5, 38.3, population, "city")

    assert plausible_candidates([town("Tadmur", 51_000)], "Palmyre")  # an exonym
    assert plausible_candidates([town("Mountain View", 1_000)], "Passage") == []  # a hamlet under a stray alias
    assert plausible_candidates([town("Oas", 5_000)], "OAS") == []


def test_an_acronym_is_no_namesake_county_either(gazetteer):
    [place] = _resolve("Fighting between AAS and a rival faction went on all night.", ["AAS"], gazetteer)
    assert place is None or place.iso3 != "NOR"  # Ås, a Norwegian municipality, is no reading of a group's initials


def test_a_landmark_known_to_be_a_toponym_stands_for_its_town(gazetteer):
    text = "A statement from the White House came as flights left Heathrow Cargo Terminal for Lagos."
    white_house, cargo = _resolve(text, ["White House", "Heathrow Cargo Terminal"], gazetteer, gold_spans=True)
    assert white_house.iso3 == "USA" and distance_km(white_house.latitude, white_house.longitude, 38.9, -77.0) < 30
    assert cargo.iso3 == "GBR" and distance_km(cargo.latitude, cargo.longitude, 51.5, -0.1) < 40
    running = _resolve(text, ["White House"], gazetteer)[0]
    assert running.iso3 == "USA"  # in running text too, never a town reached through a translation of it


def test_a_demonym_inside_an_unlisted_name_says_whose_it_is_not_where(gazetteer):
    text = "Protesters in Leeds marched from the Polish Embassy Leeds Office to the Polish Quarter; the Polish Foreign Ministry replied."
    leeds, office, quarter, ministry = _resolve(
        text, ["Leeds", "Polish Embassy Leeds Office", "Polish Quarter", "Polish Foreign Ministry"], gazetteer,
        gold_spans=True)
    assert office.name == leeds.name and quarter.name == leeds.name  # the town named inside, else the focus
    text = "In Leeds, Poland opened the Consulate of Poland near the station."
    consulate = _resolve(text, ["Leeds", "Poland", "Consulate of Poland"], gazetteer, gold_spans=True)[2]
    assert consulate.name == "Leeds"  # a mission abroad: the country named in it is whose it is
    assert ministry.iso3 == "POL" and distance_km(ministry.latitude, ministry.longitude, 52.2, 21.0) < 30  # Warsaw


def test_named_areas_and_peoples_of_provinces_on_known_toponyms(gazetteer):
    text = "Sicilians and Serbs watched reports from the Niger Delta and the Soviet Union's old Bosnia."
    names = ["Sicilians", "Serbs", "Niger Delta", "Soviet Union", "Bosnia"]
    sicilians, serbs, delta, soviet, bosnia = _resolve(text, names, gazetteer, gold_spans=True)
    assert sicilians.iso3 == "ITA" and sicilians.name == "Sicily"
    assert serbs.iso3 == "SRB" and soviet.iso3 == "RUS" and bosnia.iso3 == "BIH"
    assert delta.iso3 == "NGA" and delta.geo_precision == 3
    running = _resolve(text, names, gazetteer)
    assert running[0] is None and running[2].iso3 == "NGA"  # in running text a people places nothing, an area does


def test_an_inner_name_must_be_spelled_as_the_place_is(gazetteer):
    text = "In Leeds, crowds queued at the Museum of Ice Cream all weekend."
    leeds, museum = _resolve(text, ["Leeds", "Museum of Ice Cream"], gazetteer, gold_spans=True)
    assert museum.name == leeds.name  # "Ice" only loosely matches far-off towns: the article's town stands in


def test_every_landmark_and_local_demonym_finds_its_place(gazetteer):
    from veille.geo.areas import demonym_homes, named_area, shared_area
    from veille.geo.landmarks import landmark_town
    from veille.resources import load_yaml

    for item in load_yaml("geo", "landmarks.yaml"):
        for name in item["names"]:
            town = landmark_town(name, gazetteer)
            assert town is not None and town.country_code == item["country"], name
    for item in load_yaml("geo", "local_demonyms.yaml"):
        for name in item["names"]:
            homes = demonym_homes(name, gazetteer)
            assert item["country"] in {home.country_code for home in homes}, name
    for item in load_yaml("geo", "areas.yaml"):
        area = (shared_area if item.get("shared") else named_area)(item["name"], gazetteer)
        assert area.country_code == item["country"] and -90 <= area.latitude <= 90, item["name"]


def test_a_school_named_after_its_state_is_at_the_article_town_in_that_state(gazetteer):
    text = "Police in Fort Collins said Colorado State University stayed closed, as did the Colorado House."
    town, school, house = _resolve(text, ["Fort Collins", "Colorado State University", "Colorado House"],
                                   gazetteer, gold_spans=True)
    assert (school.name, school.geo_precision) == (town.name, 2)
    assert house.name == "Colorado" and house.geo_precision == 3


def test_a_school_named_after_another_state_stays_at_that_state(gazetteer):
    text = "Police in Fort Collins said a student of Ohio State University was hurt."
    _, school = _resolve(text, ["Fort Collins", "Ohio State University"], gazetteer, gold_spans=True)
    assert school.name == "Ohio" and school.geo_precision == 3


def test_an_unlisted_facility_lies_in_the_town_named_right_after_it(gazetteer):
    text = "Fresno growers met Fresno buyers, and the Ace Bakery in Tacoma sold out; Zed Hall, Fresno stayed shut."
    names = [("Fresno", text.index("Fresno")), ("Fresno", text.index("Fresno buyers")), ("Ace Bakery", None),
             ("Tacoma", None), ("Zed Hall", None)]
    mentions = [PlaceMention(start=start if start is not None else text.index(name),
                             end=(start if start is not None else text.index(name)) + len(name), text=name,
                             token_start=0, token_end=1) for name, start in names]
    places = resolve_places(mentions, text, "en", gazetteer, demonyms_as_places=True)
    bakery, hall = places[mentions[2]], places[mentions[4]]
    assert (bakery.name, bakery.geo_precision) == ("Tacoma", 2)
    assert hall.name == "Fresno"


def test_a_big_town_abroad_inside_a_facility_name_is_a_brand_not_its_place(gazetteer):
    text = "Cairo parents said the Liverpool Academy had raised its fees; Cairo officials agreed."
    cairo, academy = _resolve(text, ["Cairo", "Liverpool Academy"], gazetteer, gold_spans=True)
    assert academy.iso3 == "EGY" and academy.name == cairo.name
    london = _resolve("Fans at the Liverpool Academy in London cheered.", ["Liverpool Academy"], gazetteer,
                      gold_spans=True)[0]
    assert london.name == "Liverpool"


def test_a_known_toponym_read_as_a_far_small_town_of_the_article_country_takes_its_focus(gazetteer):
    text = "Growers from Fresno and Bakersfield met at Hubbard on Sunday."
    fresno, _, hubbard = _resolve(text, ["Fresno", "Bakersfield", "Hubbard"], gazetteer, gold_spans=True)
    assert hubbard.admin1 == "California" and hubbard.geo_precision == 2
    running = _resolve(text, ["Fresno", "Bakersfield", "Hubbard"], gazetteer)[2]
    assert running is not None and running.admin1 != "California"  # in running text the town stays


def test_a_far_small_town_abroad_from_the_other_places_is_kept_on_known_toponyms(gazetteer):
    text = "Officials in Fresno and Bakersfield discussed aid to Manbij in Syria."
    *_, manbij, _ = _resolve(text, ["Fresno", "Bakersfield", "Manbij", "Syria"], gazetteer, gold_spans=True)
    assert manbij.iso3 == "SYR" and manbij.geo_precision == 1



def test_a_province_named_in_a_note_is_the_province_not_its_namesake_district(gazetteer):
    # Sa'dah is both a governorate and a district inside it; a town of the note lies near the district
    assert any(e.feature == "admin2" and e.country_code == "YE" for e in gazetteer.candidates("Sa'dah"))
    text = "Airstrikes hit farms in Sahar district (Sa'dah) at dawn."
    town, province = _mentions(text, "Sahar", "Sa'dah")
    province = PlaceMention(start=province.start, end=province.end, text=province.text, token_start=0, token_end=1,
                            kind="admin1")
    places = resolve_places([town, province], text, "en", gazetteer, actor_countries=frozenset({"YEM"}))
    assert places[province].admin2 is None and places[province].admin1 == "Sa'dah"
