"""The JSON API, endpoint by endpoint and filter by filter, on SQLite and on PostgreSQL."""

from __future__ import annotations

import warnings

import pytest

from tests.web_fixtures import TEXT_A, db_url, known_db, shared_known_db  # noqa: F401  (fixtures)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from veille.web.app import create_app


@pytest.fixture(scope="module")
def client(shared_known_db):
    app = create_app(shared_known_db)
    with TestClient(app) as test_client:
        yield test_client
    app.state.engine.dispose()


def ids(client, **params) -> list[str]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return sorted(item["id"] for item in response.json()["items"])


ALL = ["ev-arrest", "ev-clash", "ev-drone", "ev-old", "ev-protest"]


@pytest.mark.parametrize("params, expected", [
    ({}, ALL),
    ({"date_from": "2024-03-12"}, ["ev-arrest", "ev-protest"]),
    ({"date_to": "2024-03-11"}, ["ev-clash", "ev-drone", "ev-old"]),
    ({"date_from": "2024-03-11", "date_to": "2024-03-11"}, ["ev-clash", "ev-drone"]),
    ({"bbox": "38,34,41,36"}, ["ev-clash", "ev-drone", "ev-old"]),
    ({"bbox": "39,35,41,36"}, ["ev-drone"]),
    ({"country": "Iraq"}, ["ev-arrest", "ev-protest"]),
    ({"country": "syr"}, ["ev-clash", "ev-drone", "ev-old"]),
    ({"admin1": "Homs"}, ["ev-clash", "ev-old"]),
    ({"admin1": "Homs,Basra"}, ["ev-arrest", "ev-clash", "ev-old", "ev-protest"]),
    ({"event_type": "Battles"}, ["ev-clash", "ev-old"]),
    ({"event_type": ["Battles", "Protests"]}, ["ev-arrest", "ev-clash", "ev-old", "ev-protest"]),
    ({"sub_event_type": "Air/drone strike"}, ["ev-drone"]),
    ({"actor": "islamic"}, ["ev-clash", "ev-old"]),
    ({"actor": "police"}, ["ev-arrest"]),
    ({"outlet": "Gulf Courier"}, ["ev-arrest", "ev-protest"]),
    ({"q": "palmyra"}, ["ev-clash", "ev-drone", "ev-old"]),  # the drone strike via its title
    ({"q": "deir"}, ["ev-drone"]),
    ({"q": "monitor"}, ["ev-clash"]),
    ({"q": "100%"}, []),
    ({"q": "_"}, []),
    ({"event_type": "Battles", "date_from": "2024-01-01", "country": "Syria"}, ["ev-clash"]),
])
def test_every_event_filter_selects_the_right_events(client, params, expected):
    assert ids(client, **params) == expected


def test_sorting_and_pagination_with_a_total(client):
    page = client.get("/api/events", params={"sort": "event_date", "order": "asc", "limit": 2}).json()
    assert page["total"] == 5 and [item["id"] for item in page["items"]] == ["ev-old", "ev-clash"]
    second = client.get("/api/events", params={"sort": "event_date", "order": "asc", "limit": 2, "offset": 2}).json()
    assert [item["id"] for item in second["items"]] == ["ev-drone", "ev-arrest"]
    by_deaths = client.get("/api/events", params={"sort": "fatalities", "order": "desc"}).json()["items"]
    assert by_deaths[0]["id"] == "ev-clash" and by_deaths[0]["fatalities"] == 4
    assert by_deaths[0]["outlet"] == "Levant Wire" and by_deaths[0]["title"] == "Clashes near Palmyra"


@pytest.mark.parametrize("query, fragment", [
    ("limit=501", "less than or equal to 500"),
    ("limit=0", "greater than or equal to 1"),
    ("offset=-1", "greater than or equal to 0"),
    ("sort=id;drop", "Input should be"),
    ("order=sideways", "Input should be"),
    ("date_from=2024-02-30", "valid date"),
    ("date_from=2024-03-12&date_to=2024-03-01", "is after"),
    ("bbox=1,2,3", "4 numbers"),
    ("bbox=a,b,c,d", "4 numbers"),
    ("bbox=0,50,10,40", "south > north"),
    ("actor=" + "x" * 201, "longer than 200"),
])
def test_bad_parameters_get_a_clear_422(client, query, fragment):
    response = client.get("/api/events?" + query)
    assert response.status_code == 422
    assert fragment in response.text


def test_event_detail_has_the_record_and_its_article(client):
    body = client.get("/api/events/ev-clash").json()
    assert body["event"]["claim"]["chain"][1]["name"] == "the monitor"
    assert body["event"]["evidence"]["fatalities"]["text"] == "four soldiers were killed"
    assert body["article"]["outlet"] == "Levant Wire" and body["incident_id"] is None
    assert client.get("/api/events/nope").status_code == 404


def test_article_has_text_events_and_spans_that_point_into_it(client):
    body = client.get("/api/articles/art-a").json()
    assert body["article"]["text"] == TEXT_A and body["article"]["published"] == "2024-03-12T08:00:00"
    assert sorted(event["id"] for event in body["events"]) == ["ev-clash", "ev-drone", "ev-old"]
    for event in body["events"]:
        for span in event["evidence"].values():
            assert TEXT_A[span["start"]:span["end"]] == span["text"]
    assert client.get("/api/articles/missing").status_code == 404


def test_daily_counts_by_type_and_by_region(client):
    rows = client.get("/api/counts/daily").json()["rows"]
    assert {"date": "2024-03-12", "key": "Protests", "count": 2, "fatalities": 0} in rows
    assert {"date": "2024-03-11", "key": "Battles", "count": 1, "fatalities": 4} in rows
    regions = client.get("/api/counts/daily", params={"group_by": "admin1", "country": "Syria"}).json()["rows"]
    assert {(r["date"], r["key"], r["count"]) for r in regions} == {
        ("2023-12-01", "Homs", 1), ("2024-03-11", "Homs", 1), ("2024-03-11", "Deir ez-Zor", 1)}
    assert client.get("/api/counts/daily", params={"group_by": "actor1"}).status_code == 422


def test_actor_network_counts_pairs(client):
    body = client.get("/api/actors/network").json()
    assert {(e["source"], e["target"], e["count"]) for e in body["edges"]} == {
        ("Military Forces of Syria", "Islamic State", 1), ("Protesters (Iraq)", "Police Forces of Iraq", 1)}
    assert {n["name"] for n in body["nodes"]} == {
        "Military Forces of Syria", "Islamic State", "Protesters (Iraq)", "Police Forces of Iraq"}
    assert client.get("/api/actors/network", params={"country": "Iraq"}).json()["edges"][0]["target"] == \
        "Police Forces of Iraq"


def test_facets_list_values_with_counts_and_the_date_range(client):
    body = client.get("/api/facets").json()
    assert body["total"] == 5 and body["date_min"] == "2023-12-01" and body["date_max"] == "2024-03-12"
    assert {"value": "Battles", "count": 2} in body["event_type"]
    assert {"value": "Gulf Courier", "count": 2} in body["outlet"]
    assert client.get("/api/facets", params={"country": "Iraq"}).json()["total"] == 2


def test_geojson_has_points_with_properties_and_honours_filters(client):
    response = client.get("/api/geojson", params={"event_type": "Protests"})
    assert response.headers["content-type"].startswith("application/geo+json")
    body = response.json()
    assert body["type"] == "FeatureCollection" and body["total"] == 2 and not body["truncated"]
    feature = body["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [47.78, 30.51]}
    assert feature["properties"]["event_type"] == "Protests"
    assert client.get("/api/geojson", params={"limit": 1}).json()["truncated"] is True


def test_incidents_empty_before_resolution(client):
    body = client.get("/api/incidents").json()
    assert body["total"] == 0 and body["items"] == []
    assert client.get("/api/incidents/1").status_code == 404


def test_incidents_and_their_reports_after_resolution(known_db):
    from veille.resolve.store import resolve_store
    from veille.store import Store

    with Store(known_db) as store:
        incidents = resolve_store(store)
        events = store.events()
    assert incidents
    incident = max(incidents, key=lambda i: i.n_reports)
    with TestClient(create_app(known_db)) as client:
        listed = client.get("/api/incidents").json()
        assert listed["total"] == len(incidents)
        assert incident.id in {item["id"] for item in listed["items"]}
        reports = client.get(f"/api/incidents/{incident.id}").json()["reports"]
        assert sorted(r["id"] for r in reports) == sorted(incident.event_ids)
        some_event = sorted(incident.event_ids)[0]
        assert client.get(f"/api/events/{some_event}").json()["incident_id"] == incident.id
    assert {e.id for e in events} >= set(incident.event_ids)


def test_the_api_is_read_only_and_sends_security_headers(client):
    assert client.post("/api/events").status_code == 405
    assert client.delete("/api/events/ev-clash").status_code == 405
    response = client.get("/")
    assert response.status_code == 200 and "script-src 'self'" in response.headers["content-security-policy"]
    assert client.get("/openapi.json").json()["paths"]["/api/events"]["get"]["summary"]
    assert client.get("/api/health").json()["ok"] is True


def test_basemap_admin1_codes_are_validated(client):
    assert client.get("/api/basemap/admin1", params={"iso3": "SY;R"}).status_code == 422
