"""One event per place of a listed set, and ACLED rows sharing a note paired with those events (texts written here)."""

import pytest

from veille.evaluate.acled_gold import AcledGold
from veille.evaluate.acled_score import RowOutcome
from veille.evaluate.shared_notes import pair_shared_notes, place_copies
from veille.pipeline import Pipeline
from veille.records import Article, Event, Place, Span


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(languages=("en", "fr"))


def _events(pipeline, text, language="en"):
    article = Article(id=f"t{abs(hash(text))}", text=text, language=language)
    return next(iter(pipeline.process([article]))).events


def _placed(events):
    return [(e.location.name if e.location else None, e.fatalities) for e in events]


def test_an_event_told_at_three_towns_is_three_events_sharing_the_toll(pipeline):
    events = _events(pipeline, "On 3 March 2021, the army fought rebels in Homs, Hama and Idlib, killing ten fighters.")
    assert len(events) == 3
    assert sorted(e.location.name for e in events) == sorted(["Homs", "Ḩamāh", "Idlib"])
    # ACLED divides a shared toll evenly, the remainder going to the first places named
    by_name = {e.location.name: e.fatalities for e in events}
    assert [by_name["Homs"], by_name["Ḩamāh"], by_name["Idlib"]] == [4, 3, 3]
    assert len({e.id for e in events}) == 3
    assert all(e.evidence["location"].text in ("Homs", "Hama", "Idlib") for e in events)


def test_a_protest_in_three_cities_is_three_protests_in_french_too(pipeline):
    events = _events(pipeline, "Le 3 mars 2021, des manifestants se sont rassemblés à Alep, Homs et Damas contre la vie chère.",
                     "fr")
    assert sorted(e.location.name for e in events) == ["Aleppo", "Damascus", "Homs"]


def test_places_joined_by_or_or_framing_a_border_stay_one_event(pipeline):
    assert len(_events(pipeline, "On 3 March 2021, the army fought rebels in Homs or Hama, killing four.")) == 1
    events = _events(pipeline, "On 3 March 2021, the army fought rebels at the border between Homs and Hama, killing 4.")
    assert len(events) == 1 and events[0].fatalities == 4


def test_two_places_with_no_and_are_a_place_and_its_area(pipeline):
    events = _events(pipeline, "On 3 March 2021, a roadside bomb killed two soldiers near Saraqib, Idlib.")
    assert len(events) == 1


def test_villages_the_gazetteer_lacks_take_their_bracketed_district(pipeline):
    text = ("On 4 May 2021, artillery hit Wadi Qarrabt (Qaatabah, Ad Dali) and Jabal Zummur (Al Qabbaytah, Lahij), "
            "killing 5 fighters.")
    events = _events(pipeline, text)
    assert len(events) == 2
    assert {e.location.name for e in events} == {"Qa‘ţabah", "Al Qabbaytah"}
    assert sorted(e.fatalities for e in events) == [2, 3]
    copy = next(e for e in events if e.evidence["location"].text == "Al Qabbaytah")
    assert copy.location.geo_precision >= 2  # the village lies in the district: "part of" it, never a town hit


def _gold(row, notes, location, lat, lon):
    return AcledGold(row=row, event_id=f"X{row}", notes=notes, event_date=None, published=None, region="R",
                     country="C", iso3="CCC", event_type="Battles", sub_event_type="Armed clash", actor1="A",
                     actor2="B", inter1=1, inter2=2, interaction=12, admin1="", location=location, latitude=lat,
                     longitude=lon, fatalities=0, time_precision=1)


def _event(eid, name, lat, lon, trigger=(10, 16)):
    return Event(id=eid, article_id="a", event_type="Battles", sub_event_type="Armed clash",
                 location=Place(name=name, latitude=lat, longitude=lon),
                 trigger=Span(start=trigger[0], end=trigger[1], text="fought"))


def test_rows_sharing_a_note_are_paired_one_to_one_with_the_events_at_its_places():
    note = "A note telling of fighting at two places."
    main, copy = _event("m", "North", 10.0, 10.0), _event("c", "South", 0.0, 0.0)
    other = _event("o", "South", 0.0, 0.0, trigger=(30, 36))  # another trigger: not a copy of the main event
    copies = place_copies(main, [main, copy, other])
    assert copies == [main, copy]
    rows = [RowOutcome(_gold(1, note, "South", 0.1, 0.1), main, 3), RowOutcome(_gold(2, note, "North", 10.1, 10.1), main, 3),
            RowOutcome(_gold(3, "Another note.", "South", 0.1, 0.1), main, 1)]
    paired = pair_shared_notes(rows, [copies, copies, [main]])
    assert [o.predicted.id for o in paired] == ["c", "m", "m"]  # a lone row keeps its main event
    # more rows than places: the rows left over keep the main event
    rows.append(RowOutcome(_gold(4, note, "East", 5.0, 5.0), main, 3))
    paired = pair_shared_notes(rows, [copies, copies, [main], copies])
    assert sorted(o.predicted.id for o in paired[:2] + paired[3:]) == ["c", "m", "m"]


def test_a_fragment_of_a_bracketed_other_name_is_no_place_of_the_list():
    from veille.coding.event_place import PlaceRole
    from veille.coding.place_split import split_listed_places
    from veille.extract.mentions import PlaceMention

    text = "Shells hit Kafr Xa [Old Foo] and Yb villages (Townly, Provinz)."

    def mention(name):
        start = text.index(name)
        return PlaceMention(start=start, end=start + len(name), text=name, token_start=0, token_end=1)

    foo, town, province = mention("Foo"), mention("Townly"), mention("Provinz")
    role = dict(partial=False, thoroughfare=False, misplaced=False, foreign=False, container=False, origin=False)
    roles = {foo: PlaceRole(**{**role, "partial": True}), town: PlaceRole(**{**role, "container": True}),
             province: PlaceRole(**{**role, "container": True})}
    places = {foo: Place(name="Foo", latitude=1.0, longitude=1.0), town: Place(name="Townly", latitude=20.0, longitude=20.0),
              province: Place(name="Provinz", admin1="Provinz", latitude=20.5, longitude=20.5, geo_precision=3)}
    event = _event("e", "Townly", 20.0, 20.0, trigger=(6, 10)).model_copy(
        update={"evidence": {"location": Span(start=town.start, end=town.end, text="Townly")}, "fatalities": 4})
    split = split_listed_places(text, [event], [foo, town, province], places, roles, lambda offset: (0, len(text)), "en")
    assert [e.location.name for e in split] == ["Townly"] and split[0].fatalities == 4
    # the same list whose first entry is sound is two events sharing the toll
    roles[foo] = PlaceRole(**role)
    split = split_listed_places(text, [event], [foo, town, province], places, roles, lambda offset: (0, len(text)), "en")
    assert sorted((e.location.name, e.fatalities) for e in split) == [("Foo", 2), ("Townly", 2)]


def test_entries_of_a_list_may_each_open_with_their_own_preposition(pipeline):
    text = "On 3 March 2021, the army shelled rebels in Homs governorate, and on the Hama front, killing six."
    events = _events(pipeline, text)
    assert sorted(_placed(events)) == [("Homs", 3), ("Ḩamāh", 3)]
    # with no "and", a comma and a preposition still tell a place and its area, not a list
    assert len(_events(pipeline, "On 3 March 2021, the army shelled rebels in Saraqib, in Idlib, killing six.")) == 1
