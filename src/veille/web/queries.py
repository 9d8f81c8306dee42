"""Read-only queries behind the API: event pages, details, daily counts, actor network, facets."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, and_, func, select

from veille.store.schema import articles, events
from veille.web.filters import EventFilters, conditions

SUMMARY_COLUMNS = (
    events.c.id, events.c.article_id, events.c.event_date, events.c.time_precision,
    events.c.event_type, events.c.sub_event_type, events.c.plover_type,
    events.c.actor1, events.c.actor2, events.c.interaction,
    events.c.country, events.c.iso3, events.c.admin1, events.c.location,
    events.c.latitude, events.c.longitude, events.c.geo_precision,
    events.c.fatalities, events.c.modality, events.c.confidence, events.c.source,
)
GROUPINGS = {"event_type": events.c.event_type, "sub_event_type": events.c.sub_event_type,
             "country": events.c.country, "admin1": events.c.admin1}


def _joined(filters: EventFilters, *columns, with_articles: bool = False):
    """SELECT columns FROM events (LEFT JOIN articles when needed) WHERE filters."""
    source = events
    if with_articles or filters.needs_articles:
        source = events.outerjoin(articles, articles.c.id == events.c.article_id)
    query = select(*columns).select_from(source)
    found = conditions(filters)
    return query.where(and_(*found)) if found else query


def _summary(row) -> dict[str, Any]:
    item = dict(row._mapping)
    if item.get("event_date") is not None:
        item["event_date"] = item["event_date"].isoformat()
    return item


def event_page(
    conn: Connection, filters: EventFilters, *, sort: str, descending: bool, limit: int, offset: int
) -> dict[str, Any]:
    """One page of event summaries with the total number of matching events."""
    total = conn.execute(_joined(filters, func.count()).order_by(None)).scalar_one()
    column = events.c[sort]
    # NULLS LAST (not `column IS NULL` first) lets the date index drive the ordering.
    ordering = [(column.desc() if descending else column.asc()).nulls_last(), events.c.id]
    query = _joined(filters, *SUMMARY_COLUMNS, articles.c.outlet, articles.c.title, with_articles=True)
    rows = conn.execute(query.order_by(*ordering).limit(limit).offset(offset))
    return {"total": int(total), "limit": limit, "offset": offset, "items": [_summary(row) for row in rows]}


def event_points(conn: Connection, filters: EventFilters, limit: int) -> tuple[list[dict[str, Any]], int]:
    """Located events (for the map and GeoJSON), newest first, and how many match in all."""
    located = [events.c.latitude.is_not(None), events.c.longitude.is_not(None)]
    total = conn.execute(_joined(filters, func.count()).where(*located)).scalar_one()
    query = _joined(filters, *SUMMARY_COLUMNS, articles.c.outlet, with_articles=True).where(*located)
    rows = conn.execute(query.order_by(events.c.event_date.desc(), events.c.id).limit(limit))
    return [_summary(row) for row in rows], int(total)


def event_detail(conn: Connection, event_id: str) -> dict[str, Any] | None:
    """The whole stored event record with its article's metadata, or None."""
    row = conn.execute(
        select(events.c.record, articles.c.outlet, articles.c.title, articles.c.url, articles.c.published)
        .select_from(events.outerjoin(articles, articles.c.id == events.c.article_id))
        .where(events.c.id == event_id)
    ).first()
    if row is None:
        return None
    published = row.published.isoformat() if row.published else None
    return {"event": row.record, "article": {"outlet": row.outlet, "title": row.title, "url": row.url,
                                             "published": published}}


def article_detail(conn: Connection, article_id: str) -> dict[str, Any] | None:
    """An article's text and metadata with its events and their evidence spans, or None."""
    row = conn.execute(select(articles).where(articles.c.id == article_id)).mappings().first()
    if row is None:
        return None
    records = conn.execute(
        select(events.c.record).where(events.c.article_id == article_id).order_by(events.c.id)
    ).scalars().all()
    article = {key: row[key] for key in ("id", "url", "outlet", "language", "title", "text", "status")}
    article["published"] = row["published"].isoformat() if row["published"] else None
    return {"article": article, "events": list(records)}


def daily_counts(conn: Connection, filters: EventFilters, group_by: str) -> list[dict[str, Any]]:
    """Events per day and per group (type or region): the "66 attacks on 18 January" view."""
    key = GROUPINGS[group_by]
    query = _joined(filters, events.c.event_date, key.label("key"), func.count().label("count"),
                    func.sum(events.c.fatalities).label("fatalities"))
    query = query.where(events.c.event_date.is_not(None)).group_by(events.c.event_date, key)
    rows = conn.execute(query.order_by(events.c.event_date, key))
    return [{"date": r.event_date.isoformat(), "key": r.key, "count": int(r.count),
             "fatalities": int(r.fatalities or 0)} for r in rows]


def actor_network(conn: Connection, filters: EventFilters, limit: int) -> dict[str, Any]:
    """Who acts against whom: actor pairs with event counts and fatalities, and the actors."""
    query = _joined(filters, events.c.actor1, events.c.actor2, events.c.inter1, events.c.inter2,
                    func.count().label("count"), func.sum(events.c.fatalities).label("fatalities"))
    query = query.where(events.c.actor1.is_not(None), events.c.actor2.is_not(None))
    query = query.group_by(events.c.actor1, events.c.actor2, events.c.inter1, events.c.inter2)
    rows = conn.execute(query.order_by(func.count().desc(), events.c.actor1, events.c.actor2).limit(limit))
    edges, nodes = [], {}
    for r in rows:
        edges.append({"source": r.actor1, "target": r.actor2, "count": int(r.count),
                      "fatalities": int(r.fatalities or 0)})
        for name, inter in ((r.actor1, r.inter1), (r.actor2, r.inter2)):
            node = nodes.setdefault(name, {"name": name, "inter": inter, "events": 0})
            node["events"] += int(r.count)
    return {"nodes": sorted(nodes.values(), key=lambda n: (-n["events"], n["name"])), "edges": edges}


def _counted(conn: Connection, column, filters: EventFilters, limit: int = 200) -> list[dict[str, Any]]:
    query = _joined(filters, column.label("value"), func.count().label("count"), with_articles=True)
    query = query.where(column.is_not(None)).group_by(column).order_by(func.count().desc(), column).limit(limit)
    return [{"value": r.value, "count": int(r.count)} for r in conn.execute(query)]


def facets(conn: Connection, filters: EventFilters) -> dict[str, Any]:
    """Values to offer in the filter controls, with counts, and the date range."""
    first, last, total = conn.execute(
        _joined(filters, func.min(events.c.event_date), func.max(events.c.event_date), func.count())
    ).one()
    return {
        "total": int(total),
        "date_min": first.isoformat() if first else None,
        "date_max": last.isoformat() if last else None,
        "event_type": _counted(conn, events.c.event_type, filters),
        "sub_event_type": _counted(conn, events.c.sub_event_type, filters),
        "country": _counted(conn, events.c.country, filters),
        "admin1": _counted(conn, events.c.admin1, filters),
        "outlet": _counted(conn, articles.c.outlet, filters),
        "iso3": _counted(conn, events.c.iso3, filters),
    }
