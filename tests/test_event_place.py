"""Choosing an event's place among the mentions around it (texts written for these tests)."""

from veille.coding.event_place import choose_event_place, is_partial_name, place_roles
from veille.extract.mentions import PlaceMention
from veille.records import Place


def _mention(text: str, name: str, occurrence: int = 0, kind: str = "place") -> PlaceMention:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(name, start + 1)
    return PlaceMention(start=start, end=start + len(name), text=name, token_start=start, token_end=start + 1,
                        kind=kind)


def _place(name, iso3, admin1, lat, lon, precision=1) -> Place:
    return Place(name=name, admin1=admin1, iso3=iso3, latitude=lat, longitude=lon, geo_precision=precision)


def _choose(text, resolved, assigned_names=None):
    mentions = [m for m, _ in resolved]
    places = dict(resolved)
    roles = place_roles(text, mentions, places, "en")
    assigned = [m for m in mentions if assigned_names is None or m.text in assigned_names]
    chosen = choose_event_place(assigned, mentions, places, roles)
    return chosen.text if chosen else None


def test_a_namesake_abroad_gives_way_to_the_province_named_as_holding_it():
    text = "Gunmen attacked farmers in Oakfield in Northland province."
    resolved = [(_mention(text, "Oakfield"), _place("Oakfield", "FAR", "Elsewhere", 10.0, 10.0)),
                (_mention(text, "Northland"), _place("Northland", "HOM", "Northland", 40.0, 40.0, 3))]
    assert _choose(text, resolved) == "Northland"
    # between two towns of two countries close by, nothing tells which one is misread; the one told
    # as holding the other is the better known, so a far-off reading of the held one is the misread one
    text = "Gunmen attacked farmers in Oakfield in Northland."
    resolved = [(_mention(text, "Oakfield"), _place("Oakfield", "FAR", "Elsewhere", 40.5, 40.5)),
                (_mention(text, "Northland"), _place("Northland", "HOM", "Northland", 40.0, 40.0))]
    assert _choose(text, resolved) == "Oakfield"
    resolved[0] = (resolved[0][0], _place("Oakfield", "FAR", "Elsewhere", 10.0, 10.0))
    assert _choose(text, resolved) == "Northland"


def test_a_place_inside_the_province_named_after_it_is_kept():
    text = "Gunmen attacked farmers in Oakfield in Northland."
    resolved = [(_mention(text, "Oakfield"), _place("Oakfield", "HOM", "Northland", 40.2, 40.1)),
                (_mention(text, "Northland"), _place("Northland", "HOM", "Northland", 40.0, 40.0, 3))]
    assert _choose(text, resolved) == "Oakfield"


def test_a_fragment_of_a_longer_name_resolved_far_away_is_not_the_place():
    text = "Shelling hit Upper Millbrook in rural Eastvale."
    resolved = [(_mention(text, "Millbrook"), _place("Millbrook", "HOM", "Coast", 45.0, 45.0)),
                (_mention(text, "Eastvale"), _place("Eastvale", "HOM", "Plains", 40.0, 40.0, 2))]
    assert is_partial_name(text, resolved[0][0], "en")
    assert _choose(text, resolved) == "Eastvale"


def test_a_word_saying_what_kind_of_place_does_not_make_a_fragment():
    text = "Shelling hit Eastvale City at night."
    assert not is_partial_name(text, _mention(text, "Eastvale"), "en")


def test_the_first_word_of_a_sentence_does_not_make_a_fragment():
    text = "Protests. Eastvale saw a march."
    assert not is_partial_name(text, _mention(text, "Eastvale"), "en")


def test_where_reinforcements_came_from_is_not_where_they_arrived():
    text = "Reinforcements from Westport arrived in Eastvale."
    resolved = [(_mention(text, "Westport"), _place("Westport", "HOM", "Coast", 40.0, 39.0)),
                (_mention(text, "Eastvale"), _place("Eastvale", "HOM", "Plains", 40.0, 40.0))]
    assert _choose(text, resolved) == "Eastvale"


def test_a_stretch_from_one_place_to_another_starts_at_the_first():
    text = "Raids hit the road from Westport to Eastvale."
    resolved = [(_mention(text, "Westport"), _place("Westport", "HOM", "Coast", 40.0, 39.0)),
                (_mention(text, "Eastvale"), _place("Eastvale", "HOM", "Plains", 40.0, 40.0))]
    assert _choose(text, resolved) == "Westport"


def test_a_town_named_in_parentheses_beats_the_country():
    text = "Shells hit a village in western Farland (Millbrook, Northland)."
    resolved = [(_mention(text, "Farland", kind="country"), _place("Farland", "HOM", None, 41.0, 41.0, 3)),
                (_mention(text, "Millbrook"), _place("Millbrook", "HOM", "Northland", 40.1, 40.1)),
                (_mention(text, "Northland"), _place("Northland", "HOM", "Northland", 40.0, 40.0, 3))]
    assert _choose(text, resolved, assigned_names={"Farland"}) == "Millbrook"


def test_a_lone_place_abroad_gives_way_to_the_places_of_the_country_the_text_is_about():
    text = "Rioters blocked a highway in Westport at the Millbrook camp near Eastvale."
    resolved = [(_mention(text, "Westport"), _place("Westport", "HOM", "Coast", 40.0, 39.0)),
                (_mention(text, "Millbrook"), _place("Millbrook", "FAR", "Elsewhere", 10.0, 10.0)),
                (_mention(text, "Eastvale"), _place("Eastvale", "HOM", "Plains", 40.0, 40.0, 2))]
    assert _choose(text, resolved, assigned_names={"Millbrook"}) == "Westport"


def test_where_someone_came_from_steps_back_even_for_an_area():
    text = "A man from Westport was executed in Northland."
    resolved = [(_mention(text, "Westport"), _place("Westport", "HOM", "Coast", 40.0, 39.0)),
                (_mention(text, "Northland"), _place("Northland", "HOM", "Northland", 40.5, 39.5))]
    assert _choose(text, resolved) == "Northland"


def test_a_street_named_after_a_town_is_not_where_the_event_is():
    text = "A car bomb exploded in Millbrook street of Eastvale city."
    resolved = [(_mention(text, "Millbrook"), _place("Millbrook", "HOM", "Plains", 40.1, 40.1)),
                (_mention(text, "Eastvale"), _place("Eastvale", "HOM", "Plains", 40.0, 40.0))]
    assert _choose(text, resolved) == "Eastvale"


def test_an_area_holding_a_list_steps_back_for_its_places():
    text = "Airstrikes hit rural Millbrook and Westport in Northland countryside."
    resolved = [(_mention(text, "Millbrook"), _place("Millbrook", "HOM", "Northland", 40.1, 40.1, 2)),
                (_mention(text, "Westport"), _place("Westport", "FAR", "Elsewhere", 10.0, 10.0)),
                (_mention(text, "Northland"), _place("Northland", "HOM", "Northland", 40.0, 40.0))]
    # Westport is a namesake abroad; Northland still holds Millbrook, named in the same list
    assert _choose(text, resolved) == "Millbrook"


def test_a_neighbourhood_read_abroad_gives_way_to_the_town_holding_it():
    text = "Gunmen attacked farmers in the Oakfield neighbourhood in Northtown."
    resolved = [(_mention(text, "Oakfield"), _place("Oakfield", "FAR", "Elsewhere", 10.0, 10.0)),
                (_mention(text, "Northtown"), _place("Northtown", "HOM", "Northland", 40.0, 40.0))]
    assert _choose(text, resolved) == "Northtown"


def test_every_name_of_a_list_after_from_is_where_people_came_from():
    text = "Marchers from Oakfield, Elmwood and Pinecrest gathered in Northtown."
    resolved = [(_mention(text, "Oakfield"), _place("Oakfield", "HOM", "Northland", 40.3, 40.3)),
                (_mention(text, "Pinecrest"), _place("Pinecrest", "HOM", "Southland", 41.0, 41.0)),
                (_mention(text, "Northtown"), _place("Northtown", "HOM", "Northland", 40.0, 40.0))]
    assert _choose(text, resolved) == "Northtown"
    text = "Marchers from Oakfield gathered in Northtown and in Pinecrest."
    resolved = [(_mention(text, "Oakfield"), _place("Oakfield", "HOM", "Northland", 40.3, 40.3)),
                (_mention(text, "Northtown"), _place("Northtown", "HOM", "Northland", 40.0, 40.0)),
                (_mention(text, "Pinecrest"), _place("Pinecrest", "HOM", "Southland", 41.0, 41.0))]
    assert _choose(text, resolved) == "Northtown"


def test_a_district_beats_the_town_named_after_it_as_its_province():
    text = "Artillery shelling hit villages of Greenvale district in northern Farland (Northland)."
    district = Place(name="Greenvale", admin1="Northland", admin2="Greenvale", iso3="HOM", latitude=40.3,
                     longitude=40.3, geo_precision=3)
    resolved = [(_mention(text, "Greenvale"), district),
                (_mention(text, "Farland", kind="country"), _place("Farland", "HOM", None, 41.0, 41.0, 3)),
                (_mention(text, "Northland"), _place("Northland", "HOM", "Northland", 40.0, 40.0))]
    assert _choose(text, resolved) == "Greenvale"


def test_a_province_still_gives_way_to_the_town_in_parentheses():
    text = "Artillery shelling hit villages of Greenvale province in northern Farland (Millbrook)."
    resolved = [(_mention(text, "Greenvale"), _place("Greenvale", "HOM", "Greenvale", 40.3, 40.3, 3)),
                (_mention(text, "Farland", kind="country"), _place("Farland", "HOM", None, 41.0, 41.0, 3)),
                (_mention(text, "Millbrook"), _place("Millbrook", "HOM", "Greenvale", 40.0, 40.0))]
    assert _choose(text, resolved) == "Millbrook"


def test_a_place_told_west_of_another_but_read_far_off_in_another_province_is_a_namesake():
    text = "A mine exploded in Oakfield area west of Millbrook in the Northland countryside."
    resolved = [(_mention(text, "Oakfield"), _place("Oakfield", "HOM", "Southland", 40.0, 39.0)),
                (_mention(text, "Millbrook"), _place("Millbrook", "HOM", "Northland", 40.0, 39.7)),
                (_mention(text, "Northland"), _place("Northland", "HOM", "Northland", 40.2, 39.8, 3))]
    assert _choose(text, resolved, assigned_names={"Oakfield"}) == "Millbrook"


def test_a_place_told_west_of_another_and_read_close_to_it_is_kept():
    text = "A mine exploded in Oakfield area west of Millbrook in the Northland countryside."
    resolved = [(_mention(text, "Oakfield"), _place("Oakfield", "HOM", "Southland", 40.0, 39.6)),
                (_mention(text, "Millbrook"), _place("Millbrook", "HOM", "Northland", 40.0, 39.7)),
                (_mention(text, "Northland"), _place("Northland", "HOM", "Northland", 40.2, 39.8, 3))]
    assert _choose(text, resolved, assigned_names={"Oakfield"}) == "Oakfield"


def test_a_lone_namesake_abroad_gives_way_to_the_one_other_place_far_from_it():
    text = "Gunmen shot a trader in Oakfield, north of the port of Westport, in Westport."
    resolved = [(_mention(text, "Oakfield"), _place("Oakfield", "FAR", "Elsewhere", 10.0, 10.0)),
                (_mention(text, "Westport"), _place("Westport", "HOM", "Coast", 40.0, 39.0)),
                (_mention(text, "Westport", 1), _place("Westport", "HOM", "Coast", 40.0, 39.0))]
    assert _choose(text, resolved, assigned_names={"Oakfield"}) == "Westport"


def test_a_lone_place_across_a_border_close_by_is_no_namesake():
    text = "Gunmen shot a trader in Oakfield, north of the port of Westport, in Westport."
    resolved = [(_mention(text, "Oakfield"), _place("Oakfield", "FAR", "Elsewhere", 40.2, 39.1)),
                (_mention(text, "Westport"), _place("Westport", "HOM", "Coast", 40.0, 39.0)),
                (_mention(text, "Westport", 1), _place("Westport", "HOM", "Coast", 40.0, 39.0))]
    assert _choose(text, resolved, assigned_names={"Oakfield"}) == "Oakfield"


def test_a_note_in_parentheses_after_the_country_says_where_the_place_lies():
    text = "Air raids hit Oakfield area in northern Farland (Greenvale, Northland)."
    resolved = [(_mention(text, "Oakfield"), _place("Oakfield", "HOM", "Southland", 38.0, 38.0)),
                (_mention(text, "Farland", kind="country"), _place("Farland", "HOM", None, 41.0, 41.0, 3)),
                (_mention(text, "Greenvale"), _place("Greenvale", "HOM", "Northland", 40.1, 40.1)),
                (_mention(text, "Northland"), _place("Northland", "HOM", "Northland", 40.0, 40.0, 3))]
    assert _choose(text, resolved, assigned_names={"Oakfield"}) == "Greenvale"
    resolved[0] = (resolved[0][0], _place("Oakfield", "HOM", "Northland", 40.2, 40.2))
    assert _choose(text, resolved, assigned_names={"Oakfield"}) == "Oakfield"


def test_where_fighters_came_from_steps_back_for_the_province_they_reached():
    text = "Fighters from Westport arrived in Northland aboard a ship."
    resolved = [(_mention(text, "Westport"), _place("Westport", "HOM", "Coast", 40.0, 39.0)),
                (_mention(text, "Northland", kind="admin1"), _place("Northland", "HOM", "Northland", 40.5, 39.5, 3))]
    assert _choose(text, resolved) == "Northland"


def test_a_town_told_in_a_town_of_another_country_far_off_is_a_namesake():
    text = "Two families clashed in the town of Oakfield in Westport after a quarrel."
    resolved = [(_mention(text, "Oakfield"), _place("Oakfield", "FAR", "Elsewhere", 10.0, 10.0)),
                (_mention(text, "Westport"), _place("Westport", "HOM", "Coast", 40.0, 39.0))]
    assert _choose(text, resolved, assigned_names={"Oakfield"}) == "Westport"


def test_a_name_going_on_past_a_spaced_article_makes_a_fragment():
    text = "Protesters blocked the Millbrook el Hadid crossing in Eastvale."
    assert is_partial_name(text, _mention(text, "Millbrook"), "en")
    text = "Protesters blocked the Millbrook al-Hadid crossing in Eastvale."
    assert is_partial_name(text, _mention(text, "Millbrook"), "en")
    text = "Shelling hit Millbrook at Dawn Heights and Eastvale."  # "at" is no article
    assert not is_partial_name(text, _mention(text, "Millbrook"), "en")


def test_a_name_before_a_word_for_a_road_or_a_crossing_names_a_thoroughfare():
    from veille.coding.event_place import names_thoroughfare
    for text in ("Gunmen fired at the Millbrook junction east of Eastvale.",
                 "Protesters blocked the Millbrook intersection in Eastvale.",
                 "Protesters blocked the Millbrook-Eastvale highway."):
        assert names_thoroughfare(text, _mention(text, "Millbrook"), "en")
    text = "Gunmen fired at Millbrook, east of Eastvale."
    assert not names_thoroughfare(text, _mention(text, "Millbrook"), "en")
    # the road word is found past a two-word name joined by a hyphen, not only past its first word
    text = "Clashes broke out east of the Millbrook-Al Eastvale road (Oakfield, Northland)."
    assert names_thoroughfare(text, _mention(text, "Millbrook"), "en")


def test_a_province_tells_the_country_a_text_with_one_town_is_about():
    text = "Snipers shot a guard at Oakfield camp, on the outskirts of a village of Northland province."
    resolved = [(_mention(text, "Oakfield"), _place("Oakfield", "FAR", "Elsewhere", 10.0, 10.0)),
                (_mention(text, "Northland"), _place("Northland", "HOM", "Northland", 40.0, 40.0, 3))]
    roles = place_roles(text, [m for m, _ in resolved], dict(resolved), "en")
    assert roles[resolved[0][0]].foreign and not roles[resolved[1][0]].foreign
    assert _choose(text, resolved) == "Northland"
    # two towns of two countries far apart: nothing tells which one the text is about
    resolved[1] = (resolved[1][0], _place("Northland", "HOM", "Northland", 40.0, 40.0))
    roles = place_roles(text, [m for m, _ in resolved], dict(resolved), "en")
    assert roles[resolved[0][0]].foreign and roles[resolved[1][0]].foreign


def test_a_town_a_road_leads_to_is_a_thoroughfare_but_not_the_towns_of_a_stretch():
    from veille.coding.event_place import names_thoroughfare
    text = "Gunmen cut off the road linking Millbrook to Eastvale near Oakfield."
    assert names_thoroughfare(text, _mention(text, "Millbrook"), "en")
    assert names_thoroughfare(text, _mention(text, "Eastvale"), "en")
    assert not names_thoroughfare(text, _mention(text, "Oakfield"), "en")
    text = "A body was found on the highway to al-Eastvale."
    assert names_thoroughfare(text, _mention(text, "Eastvale"), "en")
    text = "A mine hit a car on the road between Millbrook and Eastvale."
    assert not names_thoroughfare(text, _mention(text, "Millbrook"), "en")
    assert not names_thoroughfare(text, _mention(text, "Eastvale"), "en")


def test_a_bare_name_read_as_a_province_does_not_tell_the_country():
    text = "Snipers shot a guard at Oakfield camp, on the outskirts of Northland."
    resolved = [(_mention(text, "Oakfield"), _place("Oakfield", "FAR", "Elsewhere", 10.0, 10.0)),
                (_mention(text, "Northland"), _place("Northland", "HOM", "Northland", 40.0, 40.0, 3))]
    roles = place_roles(text, [m for m, _ in resolved], dict(resolved), "en")
    assert roles[resolved[0][0]].foreign and roles[resolved[1][0]].foreign


def test_a_list_of_origins_goes_on_past_the_kind_of_place_of_its_first_name():
    text = "Fighters from Northland province and Brookton (Northland) arrived in Millbrook and clashed."
    resolved = [(_mention(text, "Northland"), _place("Northland", "HOM", "Northland", 40.0, 40.0, 3)),
                (_mention(text, "Brookton"), _place("Brookton", "HOM", "Northland", 40.1, 40.1)),
                (_mention(text, "Northland", 1), _place("Northland", "HOM", "Northland", 40.0, 40.0, 3)),
                (_mention(text, "Millbrook"), _place("Millbrook", "HOM", "Northland", 40.3, 40.2))]
    roles = place_roles(text, [m for m, _ in resolved], dict(resolved), "en")
    assert roles[resolved[1][0]].origin and not roles[resolved[3][0]].origin
    assert _choose(text, resolved) == "Millbrook"


def test_a_district_told_to_lie_beside_a_town_is_the_place_even_some_way_off():
    text = "An air raid hit Brook Vale district in the northeast of Oakfield (Oakfield) at dawn."
    district = Place(name="Brook Vale", admin1="Uplands", admin2="Brook Vale", iso3="HOM", latitude=40.3,
                     longitude=40.3, geo_precision=3)
    resolved = [(_mention(text, "Brook Vale"), district),
                (_mention(text, "Oakfield"), _place("Oakfield", "HOM", "Capital", 40.0, 40.0, 2)),
                (_mention(text, "Oakfield", 1), _place("Oakfield", "HOM", "Capital", 40.0, 40.0))]
    roles = place_roles(text, [m for m, _ in resolved], dict(resolved), "en")
    assert not roles[resolved[0][0]].misplaced  # about 42 km off: a district's middle, not a namesake
    assert _choose(text, resolved) == "Brook Vale"
    # a town told the same way so far off is a misread namesake
    resolved[0] = (resolved[0][0], _place("Brook Vale", "HOM", "Uplands", 40.3, 40.3))
    assert place_roles(text, [m for m, _ in resolved], dict(resolved), "en")[resolved[0][0]].misplaced


def test_names_after_from_the_towns_of_are_origins():
    text = "Reinforcements reached Millbrook from the towns of Oakfield and Brookton."
    resolved = [(_mention(text, "Millbrook"), _place("Millbrook", "HOM", "Northland", 40.3, 40.2, 3)),
                (_mention(text, "Oakfield"), _place("Oakfield", "HOM", "Northland", 40.0, 40.0)),
                (_mention(text, "Brookton"), _place("Brookton", "HOM", "Northland", 40.1, 40.1))]
    roles = place_roles(text, [m for m, _ in resolved], dict(resolved), "en")
    assert roles[resolved[1][0]].origin and roles[resolved[2][0]].origin
    assert _choose(text, resolved) == "Millbrook"
