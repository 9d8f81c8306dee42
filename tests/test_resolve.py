"""Incident resolution on hand-made events: what merges, what stays apart, what an incident keeps."""

from __future__ import annotations

from datetime import date, datetime, timezone

from veille.records import Actor, Article, Claim, Event, Place, Source
from veille.resolve import resolve_events
from veille.resolve.incidents import incident_by_event

SARAQIB = dict(name="Saraqib", latitude=35.862, longitude=36.804, iso3="SYR", country="Syria", geo_precision=1)
IDLIB = dict(name="Idlib", latitude=35.931, longitude=36.631, iso3="SYR", country="Syria", geo_precision=1)
MOSUL = dict(name="Mosul", latitude=36.335, longitude=43.119, iso3="IRQ", country="Iraq", geo_precision=1)


def article(article_id: str, outlet: str, hour: int, text: str | None = None) -> Article:
    return Article(id=article_id, outlet=outlet, text=text or f"report {article_id}",
                   published=datetime(2024, 3, 11, hour, tzinfo=timezone.utc))


def event(article_id: str, *, day: int = 11, place=SARAQIB, sub_type="Shelling/artillery/missile attack",
          event_type="Explosions/Remote violence", actors=("Military Forces of Syria",), fatalities=None,
          chain=(), precision=1) -> Event:
    actor_records = [Actor(name=name) for name in actors]
    return Event(
        id=f"{article_id}-e", article_id=article_id, event_type=event_type, sub_event_type=sub_type,
        event_date=date(2024, 3, day), time_precision=precision,
        location=Place(**place) if place else None, fatalities=fatalities,
        actor1=actor_records[0] if actor_records else None,
        actor2=actor_records[1] if len(actor_records) > 1 else None,
        claim=Claim(chain=[Source(name=name, kind=kind) for name, kind in chain]),
    )


def groups(incidents) -> list[set[str]]:
    return sorted((set(i.article_ids) for i in incidents), key=lambda g: sorted(g))


def test_reports_of_one_happening_merge_and_a_lookalike_next_day_stays_apart():
    articles = {a.id: a for a in (article("a", "Levant Wire", 8), article("b", "Agence Orient", 9),
                                  article("c", "Levant Wire", 20))}
    events = [event("a", fatalities=3), event("b", fatalities=4),
              event("c", day=12, fatalities=1)]
    assert groups(resolve_events(events, articles)) == [{"a", "b"}, {"c"}]


def test_places_too_far_apart_types_of_other_families_and_other_dates_do_not_merge():
    events = [event("a"), event("b", place=MOSUL), event("c", sub_type="Peaceful protest", event_type="Protests",
                                                          actors=("Protesters (Syria)",)),
              event("d", day=13)]
    assert len(resolve_events(events)) == 4


def test_imprecise_date_allows_the_next_day_but_does_not_chain_precise_dates():
    events = [event("a", day=11), event("b", day=12, precision=2), event("c", day=13)]
    found = groups(resolve_events(events))
    assert {"a", "b"} in found and {"c"} in found


def test_nearby_place_and_related_type_merge_but_conflicting_actors_weigh_against():
    near = [event("a", place=SARAQIB, sub_type="Armed clash", event_type="Battles"),
            event("b", place=SARAQIB, sub_type="Attack", event_type="Violence against civilians")]
    assert len(resolve_events(near)) == 1
    conflicting = [event("a", place=SARAQIB, sub_type="Armed clash", event_type="Battles"),
                   event("b", place=IDLIB, sub_type="Attack", event_type="Violence against civilians",
                         actors=("Islamic State",))]
    assert len(resolve_events(conflicting)) == 2


def test_incident_keeps_every_value_its_reports_and_the_disagreements():
    articles = {a.id: a for a in (article("late", "Agence Orient", 12), article("early", "Levant Wire", 7))}
    found = resolve_events([event("late", fatalities=4), event("early", fatalities=2)], articles)
    assert len(found) == 1
    incident = found[0]
    assert incident.n_reports == 2
    assert incident.first_report == "early"
    assert incident.first_reported == datetime(2024, 3, 11, 7, tzinfo=timezone.utc)
    assert incident.fatalities == 2  # ACLED: the lowest figure when reports disagree
    values = {v.value: v.reports for v in incident.values["fatalities"]}
    assert values == {2: ["early-e"], 4: ["late-e"]}
    assert [d.field for d in incident.disagreements] == ["fatalities"]
    assert incident.location.name == "Saraqib" and incident.event_date == date(2024, 3, 11)
    assert incident_by_event(found) == {"late-e": incident.id, "early-e": incident.id}


def test_outlets_relaying_one_source_count_once_and_direct_reports_count_apart():
    articles = {a.id: a for a in (article("a", "Levant Wire", 8), article("b", "Agence Orient", 9),
                                  article("c", "Daily Crescent", 10))}
    relayed = [("Syrian Observatory for Human Rights", "monitor")]
    found = resolve_events([
        event("a", chain=[("Levant Wire", "outlet"), *relayed]),
        event("b", chain=[("Agence Orient", "outlet"), ("Observatoire syrien des droits de l'homme", "monitor")]),
        event("c", chain=[("Daily Crescent", "outlet")]),
    ], articles)
    assert len(found) == 1
    assert found[0].n_reports == 3
    assert found[0].n_independent_sources == 2


def test_syndicated_copies_count_once():
    dispatch = ("Syrian government artillery shelled the market of Saraqib on Monday, killing three civilians "
                "and wounding several others, rescuers said, as the shelling went on into the evening.")
    articles = {a.id: a for a in (article("a", "Levant Wire", 8, dispatch),
                                  article("b", "Daily Crescent", 9, dispatch + " More follows."),
                                  article("c", "Agence Orient", 10, "Un texte tout autre sur Saraqeb."))}
    found = resolve_events([event("a"), event("b"), event("c")], articles)
    assert [i.n_independent_sources for i in found] == [2]


def test_events_without_a_place_or_date_stay_alone():
    found = resolve_events([event("a", place=None), event("b", place=None), event("c")])
    assert len(found) == 3
    undated = event("d").model_copy(update={"event_date": None})
    assert len(resolve_events([undated, event("e")])) == 2


def test_an_unplaced_event_takes_its_article_place():
    first = event("a")
    second = event("a", place=None).model_copy(update={"id": "a-e2"})
    other = event("b", place=None)
    found = resolve_events([first, second, other, event("c")])
    assert {"a", "c"} in groups(found)
    assert {"b"} in groups(found)
