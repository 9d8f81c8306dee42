"""Save and read incidents and the links from events to their incident."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Engine, delete, insert, select

from veille.records import Incident
from veille.store.schema import incident_events, incidents

ROW_CHUNK = 5000


def incident_row(incident: Incident) -> dict:
    """Return the `incidents` row: flat columns plus the whole incident as JSON."""
    place = incident.location
    return {
        "id": incident.id,
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        "event_date": incident.event_date,
        "iso3": place.iso3 if place else None,
        "location": place.name if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "fatalities": incident.fatalities,
        "n_reports": incident.n_reports,
        "n_independent_sources": incident.n_independent_sources,
        "first_reported": incident.first_reported,
        "record": incident.model_dump(mode="json"),
    }


def _insert_in_chunks(conn, table, rows: Sequence[dict]) -> None:
    for start in range(0, len(rows), ROW_CHUNK):
        conn.execute(insert(table), rows[start : start + ROW_CHUNK])


def replace_incidents(engine: Engine, found: Iterable[Incident]) -> int:
    """Replace all stored incidents and event links with `found`, in one transaction."""
    found = list(found)
    links = [{"event_id": e, "incident_id": incident.id} for incident in found for e in incident.event_ids]
    with engine.begin() as conn:
        conn.execute(delete(incident_events))
        conn.execute(delete(incidents))
        if found:
            _insert_in_chunks(conn, incidents, [incident_row(incident) for incident in found])
            _insert_in_chunks(conn, incident_events, links)
    return len(found)


def read_incidents(engine: Engine) -> list[Incident]:
    """Return stored incidents, most reported first, then by date."""
    query = select(incidents.c.record).order_by(incidents.c.n_reports.desc(), incidents.c.event_date, incidents.c.id)
    with engine.connect() as conn:
        return [Incident.model_validate(row.record) for row in conn.execute(query)]


def read_incident_links(engine: Engine) -> dict[str, str]:
    """Return {event id: incident id} for every linked event."""
    with engine.connect() as conn:
        return {row.event_id: row.incident_id for row in conn.execute(select(incident_events))}
