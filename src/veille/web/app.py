"""The FastAPI app: a read-only JSON API over the store and the one-page viewer."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Iterator, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Connection, Engine, inspect
from sqlalchemy.exc import SQLAlchemyError

from veille import __version__
from veille.store.connection import open_engine
from veille.store.schema import events
from veille.web import basemap, incidents, queries
from veille.web.filters import SORTABLE, EventFilters, FilterError, make_filters

STATIC = Path(__file__).parent / "static"
MAX_PAGE = 500
MAX_POINTS = 20_000
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def _filters(
    date_from: Annotated[date | None, Query(description="First day (ISO date), inclusive.")] = None,
    date_to: Annotated[date | None, Query(description="Last day (ISO date), inclusive.")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees.")] = None,
    country: Annotated[list[str] | None, Query(description="Country name or ISO alpha-3; repeat or comma-separate.")] = None,
    admin1: Annotated[list[str] | None, Query(description="First-level region name.")] = None,
    event_type: Annotated[list[str] | None, Query(description="ACLED event type.")] = None,
    sub_event_type: Annotated[list[str] | None, Query(description="ACLED sub-event type.")] = None,
    actor: Annotated[str | None, Query(description="Part of an actor's name (either side).")] = None,
    outlet: Annotated[list[str] | None, Query(description="Publishing outlet.")] = None,
    q: Annotated[str | None, Query(description="Free text over place, actors, sources and titles.")] = None,
) -> EventFilters:
    try:
        return make_filters(date_from=date_from, date_to=date_to, bbox=bbox, country=country, admin1=admin1,
                            event_type=event_type, sub_event_type=sub_event_type, actor=actor, outlet=outlet, q=q)
    except FilterError as error:
        raise HTTPException(status_code=422, detail=str(error)) from None


def _connection(request: Request) -> Iterator[Connection]:
    with request.app.state.engine.connect() as conn:
        yield conn


Filters = Annotated[EventFilters, Depends(_filters)]
Conn = Annotated[Connection, Depends(_connection)]


def create_app(db: str | Engine) -> FastAPI:
    """Build the app over a database URL, a SQLite path or an engine; only reads are offered."""
    engine = db if isinstance(db, Engine) else _open_existing(db)
    _ensure_event_indexes(engine)
    app = FastAPI(title="veille", version=__version__,
                  description="Read-only API over veille's events: filters, evidence, counts, actors, GeoJSON.")
    app.state.engine = engine
    app.add_middleware(GZipMiddleware, minimum_size=2048)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.get("/api/events", summary="A page of events matching the filters")
    def list_events(
        filters: Filters, conn: Conn,
        sort: Annotated[Literal[SORTABLE], Query()] = "event_date",  # type: ignore[valid-type]
        order: Annotated[Literal["asc", "desc"], Query()] = "desc",
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> JSONResponse:
        # The page is plain JSON already: skip FastAPI's generic encoder, the costliest step of this hot path.
        page = queries.event_page(conn, filters, sort=sort, descending=order == "desc", limit=limit, offset=offset)
        return JSONResponse(page)

    @app.get("/api/events/{event_id}", summary="One event: the whole record, its article and incident")
    def get_event(event_id: str, conn: Conn) -> dict[str, Any]:
        found = queries.event_detail(conn, event_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
        found["incident_id"] = incidents.incident_of_event(conn, event_id)
        return found

    @app.get("/api/articles/{article_id}", summary="One article: text, metadata, events and evidence spans")
    def get_article(article_id: str, conn: Conn) -> dict[str, Any]:
        found = queries.article_detail(conn, article_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no article {article_id!r}")
        return found

    @app.get("/api/counts/daily", summary="Events per day and per type or region")
    def counts_daily(
        filters: Filters, conn: Conn,
        group_by: Annotated[Literal["event_type", "sub_event_type", "country", "admin1"], Query()] = "event_type",
    ) -> dict[str, Any]:
        return {"group_by": group_by, "rows": queries.daily_counts(conn, filters, group_by)}

    @app.get("/api/actors/network", summary="Who acts against whom, with counts")
    def actors_network(filters: Filters, conn: Conn,
                       limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 200) -> dict[str, Any]:
        return queries.actor_network(conn, filters, limit)

    @app.get("/api/facets", summary="Filter values with counts and the date range")
    def get_facets(filters: Filters, conn: Conn) -> dict[str, Any]:
        return queries.facets(conn, filters)

    @app.get("/api/geojson", summary="Located events as a GeoJSON FeatureCollection")
    def get_geojson(filters: Filters, conn: Conn,
                    limit: Annotated[int, Query(ge=1, le=MAX_POINTS)] = 5000) -> JSONResponse:
        points, total = queries.event_points(conn, filters, limit)
        collection = {"type": "FeatureCollection", "total": total, "truncated": total > len(points),
                      "features": [_feature(point) for point in points]}
        return JSONResponse(collection, media_type="application/geo+json")

    @app.get("/api/incidents", summary="Incidents: events merged across reports")
    def list_incidents(conn: Conn, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
                       offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
        return incidents.list_incidents(conn, limit, offset)

    @app.get("/api/incidents/{incident_id}", summary="One incident with its reports")
    def get_incident(incident_id: str, conn: Conn) -> dict[str, Any]:
        found = incidents.incident_detail(conn, incident_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no incident {incident_id!r}")
        return found

    @app.get("/api/basemap/countries", summary="Country outlines (Natural Earth) for the offline map")
    def basemap_countries() -> dict[str, Any]:
        return _basemap(basemap.countries)

    @app.get("/api/basemap/admin1", summary="Admin-1 outlines of some countries (ISO alpha-3)")
    def basemap_admin1(iso3: Annotated[list[str], Query(max_length=60)]) -> dict[str, Any]:
        codes = [code.strip().upper() for value in iso3 for code in value.split(",") if code.strip()]
        if any(len(code) != 3 or not code.isalpha() for code in codes):
            raise HTTPException(status_code=422, detail="iso3 must be ISO 3166 alpha-3 codes such as SYR,IRQ")
        return _basemap(lambda: basemap.admin1(codes))

    @app.get("/api/health", summary="Database reachable, event count")
    def health(conn: Conn) -> dict[str, Any]:
        return {"ok": True, "version": __version__, "tables": sorted(inspect(conn).get_table_names())}

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _basemap(load) -> dict[str, Any]:
    try:
        return load()
    except FileNotFoundError as error:
        raise HTTPException(status_code=404, detail=str(error)) from None


def _feature(point: dict[str, Any]) -> dict[str, Any]:
    properties = {key: value for key, value in point.items() if key not in ("latitude", "longitude")}
    return {"type": "Feature", "id": point["id"], "properties": properties,
            "geometry": {"type": "Point", "coordinates": [point["longitude"], point["latitude"]]}}


def _ensure_event_indexes(engine: Engine) -> None:
    """Add the filter indexes to a database made before they existed (skipped if it cannot be written)."""
    try:
        for index in events.indexes:
            index.create(engine, checkfirst=True)
    except SQLAlchemyError as error:
        logging.getLogger(__name__).warning("could not add the event indexes: %s", error)


def _open_existing(db: str) -> Engine:
    """Open a database for reading; a SQLite path must exist (serving must not create an empty file)."""
    if "://" not in db and not Path(db).expanduser().is_file():
        raise FileNotFoundError(f"no database at {db}")
    return open_engine(db)
