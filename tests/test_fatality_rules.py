"""ACLED fatality conventions on sentences we write: which number counts the dead, ranges, breakdowns,
shared killed-and-wounded tolls, single victims, deaths without a number, denied or natural deaths."""

from datetime import datetime

import pytest

from veille.extract.quantities import find_quantity_mentions
from veille.pipeline import Pipeline
from veille.records import Article


def _deaths(doc, language):
    return [m.value for m in find_quantity_mentions(doc, language) if m.kind == "fatalities"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Gunmen opened fire on a bus, killing between 2 and 4 passengers.", [2]),
        ("12 rebels were reported killed, including a commander.", [12]),
        ("The attack left 4 people dead, among them 1 officer and 3 farmers.", [4]),
        ("The troops repelled the raid, killing and injuring dozens of fighters.", [6]),
        ("The troops repelled the raid, killing and injuring several fighters.", [10]),
        ("During the raid, three fighters were killed, wounded or captured.", []),
        ("Jets struck the camp, killing or wounding 4 militants.", []),
        ("A boy was killed when 2 old shells exploded in a yard.", [1]),
        ("Gunmen shot dead a farmer and his son near the well.", [2]),
        ("Two women and an old man were killed when the raid began.", [3]),
        ("A man was shot dead by 4 gunmen outside his shop.", [1]),
        ("Unidentified gunmen assassinated a judge in the city.", [1]),
        ("Gunmen attempted to assassinate a judge in the city.", []),
        ("The army shelled the village, incurring fatalities.", [10]),
        ("Gunmen shot at an ambulance, with no resulting injuries or fatalities.", []),
        ("A resident died from coronavirus on Monday.", []),
        ("The army raided the hideout, leaving 3 militants dead.", [3]),
        ("A soldier was found dead in his house.", [1]),
        ("The bodies of 2 farmers were found near the river.", [2]),
        ("1 guard was shot and killed by snipers.", [1]),
        ("Gunmen ambushed the convoy, taking 11 hostages and killing several of the drivers.", [10]),
        ("A gunman was killed in the nine-minute gun battle.", [1]),
        ("Two mobs clashed over a field. 1 killed, 7 injured.", [1]),
        ("Two masked men riding a motorcycle executed two young traders in the market.", [2]),
        ("A man was beaten to death outside his home by 15 men.", [1]),
        ("Two militias fought over grazing land. 120 people were injured, 1 killed and 40 went missing.", [1]),
        ("Gunmen attacked two men in the market. Both victims died.", [2]),
        ("On 9 May, in Rivertown, Eastshire, a man and a boy were killed by a gunman firing from a car.", [2]),
    ],
)
def test_english_fatality_conventions(nlp_en, text, expected):
    assert _deaths(nlp_en(text), "en") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Les tirs ont tué entre 2 et 4 passagers.", [2]),
        ("Douze rebelles ont été tués, dont un commandant.", [12]),
        ("Les rebelles ont tué et blessé des dizaines de soldats.", [6]),
        ("Trois militants ont été tués, blessés ou capturés.", []),
        ("Un homme a été abattu par quatre hommes armés.", [1]),
        ("Des hommes armés ont tenté d'assassiner un juge.", []),
        ("Les combats ont fait des morts des deux côtés.", [10]),
        ("Un habitant est mort du coronavirus.", []),
        ("Les affrontements ont entraîné la mort du commandant.", [1]),
        ("L'explosion du dépôt a tué trois ouvriers et en a blessé une dizaine.", [3]),
        ("Cinq combattants, une coalition de groupes armés, ont été tués dans une frappe.", [5]),
        ("Un homme a été battu à mort par des villageois.", [1]),
    ],
)
def test_french_fatality_conventions(nlp_fr, text, expected):
    assert _deaths(nlp_fr(text), "fr") == expected


def test_a_killed_and_wounded_toll_is_split_between_both_kinds(nlp_en):
    mentions = find_quantity_mentions(nlp_en("The strike killed and wounded 20 people."), "en")
    assert sorted((m.kind, m.value) for m in mentions) == [("fatalities", 10), ("injured", 10)]


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(languages=("en",))


def test_the_dead_go_with_the_violent_event_not_with_the_destruction_told_beside_it(pipeline):
    text = ("On 3 June 2021, rebel forces repelled a government incursion near Homs, killing several soldiers "
            "and destroying two trucks.")
    article = Article(id="t", text=text, published=datetime(2021, 6, 4), language="en")
    events = next(iter(pipeline.process([article]))).events
    by_type = {e.event_type: e.fatalities for e in events}
    assert by_type["Battles"] == 10
    assert by_type.get("Strategic developments") is None


def _event(text, trigger, event_type, place, place_word=None, fatalities=None):
    from datetime import date

    from veille.records import Event, Place, Span

    start = text.index(trigger)
    evidence = {}
    if place_word is not None:
        at = text.index(place_word)
        evidence["location"] = Span(start=at, end=at + len(place_word), text=place_word)
    if fatalities is not None:
        evidence["fatalities"] = Span(start=start, end=start + len(trigger), text=trigger)
    return Event(id=trigger, article_id="a", event_type=event_type, sub_event_type="x", event_date=date(2021, 6, 3),
                 location=Place(name=place[0], geonameid=place[1]), fatalities=fatalities, evidence=evidence,
                 trigger=Span(start=start, end=start + len(trigger), text=trigger))


def test_a_toll_told_in_the_next_sentence_belongs_to_the_attack_unless_it_names_another_place():
    from veille.coding.followups import carry_casualties_back

    text = "Gunmen attacked a checkpoint near Westville. Three soldiers were killed."
    attack = _event(text, "attacked", "Battles", ("Westville", 1), "Westville")
    toll = _event(text, "killed", "Violence against civilians", ("Eastshire", 2), fatalities=3)
    assert carry_casualties_back(text, [attack, toll])[0].fatalities == 3

    text = "Gunmen attacked a checkpoint near Westville. In Northtown, three soldiers were killed."
    attack = _event(text, "attacked", "Battles", ("Westville", 1), "Westville")
    toll = _event(text, "killed", "Violence against civilians", ("Northtown", 3), "Northtown", fatalities=3)
    assert carry_casualties_back(text, [attack, toll])[0].fatalities is None


@pytest.mark.parametrize("text, language", [
    ("Insurgents shelled the village of Kafr Nabl on Sunday. Four civilians were killed and nine wounded.", "en"),
    ("Des insurgés ont bombardé le village de Kafr Nabl dimanche. Quatre civils ont été tués et neuf blessés.", "fr"),
])
def test_a_toll_told_apart_is_the_earlier_events_toll_not_a_second_event(text, language):
    article = Article(id=f"told-apart-{language}", text=text, published=datetime(2021, 6, 7), language=language)
    events = next(iter(Pipeline(languages=("en", "fr")).process([article]))).events
    assert [(e.sub_event_type, e.fatalities, e.injured) for e in events] == [
        ("Shelling/artillery/missile attack", 4, 9)]
    assert events[0].actor2 is not None and events[0].actor2.name.startswith("Civilians")
    assert events[0].interaction == 27  # rebels against civilians


def test_a_later_killing_with_its_own_perpetrator_stays_an_event(pipeline):
    text = "Insurgents shelled the village of Kafr Nabl on Sunday. Later, soldiers shot dead four civilians there."
    article = Article(id="own-perpetrator", text=text, published=datetime(2021, 6, 7), language="en")
    events = next(iter(pipeline.process([article]))).events
    assert len(events) == 2
