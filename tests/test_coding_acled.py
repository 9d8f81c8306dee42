"""ACLED coding conventions on sentences we write: triggers, sub-event types, generic actors, inter codes."""

from __future__ import annotations

from datetime import datetime

import pytest

from veille.coding.actor_defaults import apply_actor_conventions
from veille.pipeline import Pipeline
from veille.records import Actor, Article, Span


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(languages=("en",))


def _events(pipeline, text):
    article = Article(id="t", text=text, published=datetime(2020, 5, 12), language="en")
    return next(iter(pipeline.process([article]))).events


def test_a_fire_is_not_an_attack_but_firing_at_people_is(pipeline):
    assert _events(pipeline, "A fire broke out in a warehouse in Mosul on Monday.") == []
    events = _events(pipeline, "On 2 May 2020, Israeli forces shot rubber-coated bullets at a group of farmers east of Khan Younis.")
    assert events[0].sub_event_type == "Attack"
    assert events[0].actor1.name == "Military Forces of Israel"
    assert events[0].inter1 == 8  # state forces acting outside their own country


def test_exchanged_artillery_is_a_clash_and_one_sided_shelling_is_not(pipeline):
    clash = _events(pipeline, "On 4 May 2020, Houthi forces exchanged artillery fire with pro-Hadi forces in Marib.")
    assert clash[0].sub_event_type == "Armed clash"
    shelling = _events(pipeline, "On 4 May 2020, regime forces fired rockets at the town of Kafranbel in Idlib.")
    assert shelling[0].sub_event_type == "Shelling/artillery/missile attack"


def test_opening_date_carries_to_later_sentences(pipeline):
    events = _events(pipeline, "On 3 May 2020, the army deployed troops around the town. "
                               "Two soldiers died when their truck struck a landmine.")
    assert {e.event_date.isoformat() for e in events} == {"2020-05-03"}


def test_protest_with_police_intervention_in_the_next_sentence(pipeline):
    events = _events(pipeline, "On 5 May 2020, teachers rallied outside the governorate building in Basra. "
                               "Police dispersed them with tear gas.")
    protest = events[0]
    assert protest.sub_event_type == "Protest with intervention"
    assert protest.actor1.name == "Protesters (Iraq)" and protest.inter1 == 6
    assert protest.actor2.name.startswith("Police Forces of Iraq")


def test_actor_conventions_without_parse():
    trigger = Span(start=0, end=5, text="rally")
    organiser = Actor(name="STC: Southern Transitional Council", inter=3, country="YEM")
    actor1, assoc, actor2 = apply_actor_conventions("Protests", "Peaceful protest", organiser, None, "Yemen", "YEM",
                                                    trigger)
    assert actor1.name == "Protesters (Yemen)" and assoc is organiser and actor2 is None
    actor1, _, actor2 = apply_actor_conventions("Violence against civilians", "Attack",
                                                Actor(name="Civilians (Syria)", inter=7), None, "Syria", "SYR",
                                                trigger)
    assert actor1.name == "Unidentified Armed Group (Syria)" and actor1.inter == 3
    assert actor2.name == "Civilians (Syria)"
    actor1, _, _ = apply_actor_conventions("Battles", "Armed clash", Actor(name="Military Forces of Turkey", inter=1,
                                           country="TUR"), None, "Syria", "SYR", trigger)
    assert actor1.inter == 8
