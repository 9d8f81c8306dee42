"""Incidents and their reports, read from an `incidents` table when the database has one."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, MetaData, Table, func, inspect, select

from veille.store.schema import articles, events


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def _link(conn: Connection) -> tuple[Table, Table, Any, Any] | None:
    """The incidents table, and where events name their incident: a link table or events.incident_id."""
    names = set(inspect(conn).get_table_names())
    if "incidents" not in names:
        return None
    meta = MetaData()
    incidents = Table("incidents", meta, autoload_with=conn)
    for name in sorted(names - {"incidents"}):
        table = Table(name, meta, autoload_with=conn)
        if "incident_id" in table.c and "event_id" in table.c:
            return incidents, table, table.c.incident_id, table.c.event_id
    stored = Table("events", meta, autoload_with=conn)
    if "incident_id" in stored.c:
        return incidents, stored, stored.c.incident_id, stored.c.id
    return None


def list_incidents(conn: Connection, limit: int, offset: int) -> dict[str, Any]:
    """A page of incidents (all their columns), or `available: false` when none are stored."""
    link = _link(conn)
    if link is None:
        return {"available": False, "total": 0, "items": []}
    incidents = link[0]
    key = incidents.primary_key.columns.values()[0]
    total = conn.execute(select(func.count()).select_from(incidents)).scalar_one()
    rows = conn.execute(select(incidents).order_by(key).limit(limit).offset(offset)).mappings()
    items = [{name: _json_value(value) for name, value in row.items()} for row in rows]
    return {"available": True, "total": int(total), "items": items}


def incident_detail(conn: Connection, incident_id: str) -> dict[str, Any] | None:
    """One incident with its reports (event summaries with their outlets), or None."""
    link = _link(conn)
    if link is None:
        return None
    incidents, table, incident_column, event_column = link
    key = incidents.primary_key.columns.values()[0]
    row = conn.execute(select(incidents).where(key == incident_id)).mappings().first()
    if row is None:
        return None
    event_ids = select(event_column).where(incident_column == incident_id)
    reports = conn.execute(
        select(events.c.id, events.c.article_id, events.c.event_date, events.c.event_type,
               events.c.sub_event_type, events.c.fatalities, events.c.location, events.c.source,
               articles.c.outlet, articles.c.title, articles.c.published)
        .select_from(events.outerjoin(articles, articles.c.id == events.c.article_id))
        .where(events.c.id.in_(event_ids)).order_by(articles.c.published, events.c.id)
    ).mappings()
    return {"incident": {name: _json_value(value) for name, value in row.items()},
            "reports": [{name: _json_value(value) for name, value in r.items()} for r in reports]}


def incident_of_event(conn: Connection, event_id: str) -> str | None:
    """The id of the incident an event belongs to, or None."""
    link = _link(conn)
    if link is None:
        return None
    _, table, incident_column, event_column = link
    value = conn.execute(select(incident_column).where(event_column == event_id)).scalar()
    return None if value is None else str(value)
