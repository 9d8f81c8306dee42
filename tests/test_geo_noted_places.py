"""Names opening a "(Town, Province)" note that the mention finder left out (texts written for these tests)."""

import pytest

from veille.extract.mentions import PlaceMention
from veille.geo.containment import noted_places
from veille.geo.gazetteer import default_gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


@pytest.mark.parametrize("spelling", ["At Tuhayta", "At Tuhayat", "Tuhyta"])
def test_a_town_in_a_note_is_read_inside_the_province_named_after_it(gazetteer, spelling):
    text = f"Shells fell on farms of a hamlet (unnamed) in the west ({spelling}, Al Hudaydah) on Friday."
    found = noted_places(text, [], gazetteer)
    assert len(found) == 1
    start, end, entry = found[0]
    assert text[start:end] == spelling and entry.country_code == "YE" and entry.admin1 == "Al Hudaydah"


def test_a_name_the_province_does_not_hold_is_left_alone(gazetteer):
    assert noted_places("Shells fell on farms (Paris, Al Hudaydah) on Friday.", [], gazetteer) == []


def test_a_name_already_found_is_left_to_its_mention(gazetteer):
    text = "Shells fell on farms (At Tuhayta, Al Hudaydah) on Friday."
    start = text.index("At Tuhayta")
    mention = PlaceMention(start=start, end=start + 10, text="At Tuhayta", token_start=0, token_end=1)
    assert noted_places(text, [mention], gazetteer) == []


def test_the_pipeline_places_an_event_at_the_noted_town():
    from veille.pipeline import Pipeline
    from veille.records import Article

    text = "On 3 May 2021, gunmen shelled farms in Wadi Zzyq area (Tuhyta, Al Hudaydah), injuring two farmers."
    result = next(Pipeline(languages=("en",)).process([Article(id="n", text=text, language="en")]))
    places = [event.location for event in result.events if event.location is not None]
    assert places and places[0].country == "Yemen" and places[0].mention.text == "Tuhyta"


def test_a_name_found_but_not_placed_takes_the_noted_town(nlp_en, gazetteer):
    from veille.geo.containment import with_noted_places

    text = "Shells fell on farms (Raizh, Sadah) on Friday."
    doc = nlp_en(text)
    start = text.index("Raizh")
    mention = PlaceMention(start=start, end=start + 5, text="Raizh", token_start=5, token_end=6)
    mentions, places = with_noted_places(doc, [mention], {}, gazetteer)
    assert mentions == [mention] and places[mention].iso3 == "YEM" and places[mention].admin1 == "Sa'dah"


def test_a_found_fragment_of_the_noted_name_takes_the_noted_town(nlp_en, gazetteer):
    from veille.geo.containment import with_noted_places

    text = "Shells fell on farms (At Tuhayat, Al Hudaydah) on Friday."
    start = text.index("Tuhayat")
    mention = PlaceMention(start=start, end=start + 7, text="Tuhayat", token_start=6, token_end=7)
    mentions, places = with_noted_places(nlp_en(text), [mention], {}, gazetteer)
    assert mentions == [mention] and places[mention].admin1 == "Al Hudaydah"


@pytest.mark.parametrize(("text", "name", "province"), [
    ("Mortars hit farms across As Selw district (Taizz) overnight.", "As Selw", "Taizz"),  # vowels spelt otherwise
    ("Guards shelled hamlets of Rzaih district (Sa'dah) on Monday.", "Rzaih", "Sa'dah"),  # two letters swapped
    ("Fighting went on along the Nihm front (Sanaa Governorate) all week.", "Nihm", "Sanaa Governorate"),
])
def test_an_area_told_as_lying_in_a_province_is_read_inside_it(gazetteer, text, name, province):
    found = noted_places(text, [], gazetteer)
    assert len(found) == 1
    start, end, entry = found[0]
    assert text[start:end] == name and entry.country_code == "YE" and entry.admin1 == province


def test_an_area_the_province_does_not_hold_is_left_alone(gazetteer):
    assert noted_places("Mortars hit farms across Paris district (Taizz) overnight.", [], gazetteer) == []


def test_a_note_may_name_the_governorate_around_the_capital_by_the_capital_s_name(gazetteer):
    text = "Clashes went on in a valley (Nihm, Sanaa) overnight."
    found = noted_places(text, [], gazetteer)
    assert len(found) == 1 and found[0][2].admin1 == "Sanaa Governorate"
    # the bare name is still the capital
    from veille.geo.resolve import resolve_places
    text = "Protesters marched in Sanaa on Friday."
    start = text.index("Sanaa")
    mention = PlaceMention(start=start, end=start + 5, text="Sanaa", token_start=0, token_end=1)
    place = resolve_places([mention], text, "en", gazetteer)[mention]
    assert place.name == "Sanaa" and place.admin1 == "Amanat al Asimah"


@pytest.mark.parametrize("text", [
    "Troops held the line on As Selw front in the south-east of Taizz governorate for a week.",
    "Mortars hit As Selw district in Taizz province at dawn.",
    "Mortars Hit As Selw district (Taizz) at dawn.",  # capitalised words before the name are no part of it
])
def test_an_area_told_as_lying_in_a_province_further_on_is_read_inside_it(gazetteer, text):
    found = noted_places(text, [], gazetteer)
    assert len(found) == 1
    start, end, entry = found[0]
    assert text[start:end] == "As Selw" and entry.admin1 == "Taizz"
