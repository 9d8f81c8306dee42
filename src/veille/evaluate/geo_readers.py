"""Read geoparsing gold sets: GeoWebNews XML and the LGL / TR-News / GeoVirus sister format."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path


class GoldFormatError(ValueError):
    """The file is not a geoparsing gold set veille can read."""


@dataclass(frozen=True)
class GoldToponym:
    """One annotated toponym: its span in the article text and, when resolved, its coordinates."""

    start: int
    end: int
    name: str
    latitude: float | None
    longitude: float | None
    geonameid: int | None
    kind: str = ""  # GeoWebNews' type: Literal, Metonymic, ..., Literal_Expression (a common noun)


@dataclass(frozen=True)
class GoldArticle:
    """One article of a gold set with its toponyms."""

    article_id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value and value.strip() else None
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value and value.strip() else None
    except ValueError:
        return None


def _gwn_toponym(element: ET.Element) -> GoldToponym:
    """GeoWebNews: start, end, extractedName, geonamesID, latitude, longitude as child elements."""
    return GoldToponym(
        start=int(element.findtext("start")), end=int(element.findtext("end")),
        name=element.findtext("extractedName") or element.findtext("normalisedName") or "",
        latitude=_float(element.findtext("latitude")), longitude=_float(element.findtext("longitude")),
        geonameid=_int(element.findtext("geonamesID")), kind=(element.findtext("type") or "").strip(),
    )


def _sister_toponym(element: ET.Element) -> GoldToponym:
    """LGL, TR-News, GeoVirus: start, end, phrase, and a gaztag with geonameid, lat and lon."""
    gaztag = element.find("gaztag")
    lat = lon = geonameid = None
    if gaztag is not None:
        lat, lon = _float(gaztag.findtext("lat")), _float(gaztag.findtext("lon"))
        geonameid = _int(gaztag.get("geonameid"))
    return GoldToponym(start=int(element.findtext("start")), end=int(element.findtext("end")),
                       name=element.findtext("phrase") or "", latitude=lat, longitude=lon, geonameid=geonameid)


def _toponym(element: ET.Element) -> GoldToponym:
    if element.find("start") is None or element.find("end") is None:
        raise GoldFormatError("a <toponym> without <start> and <end>")
    try:
        if element.find("gaztag") is not None or element.find("phrase") is not None:
            return _sister_toponym(element)
        return _gwn_toponym(element)
    except (TypeError, ValueError) as exc:
        raise GoldFormatError(f"a <toponym> with unreadable offsets: {exc}") from exc


def read_geo_gold(path: Path | str) -> list[GoldArticle]:
    """Articles and toponyms of a GeoWebNews or LGL-style XML file."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise GoldFormatError(f"{path}: not well-formed XML ({exc})") from exc
    except OSError as exc:
        raise GoldFormatError(f"{path}: {exc.strerror or exc}") from exc
    articles = []
    for index, article in enumerate(root.iter("article")):
        text = article.findtext("text")
        if text is None:
            raise GoldFormatError(f"{path}: article {index} has no <text>")
        toponyms = tuple(_toponym(element) for element in article.iter("toponym"))
        article_id = article.get("docid") or article.get("file") or str(index)
        articles.append(GoldArticle(article_id, text, toponyms))
    if not articles:
        raise GoldFormatError(f"{path}: no <article> element")
    return articles
