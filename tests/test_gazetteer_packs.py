"""Gazetteer packs: GeoNames dumps and OCHA/HDX tables read, installed over HTTP, indexed with their source."""

import functools
import hashlib
import http.server
import json
import threading
import zipfile

import pytest
from typer.testing import CliRunner

from veille.cli import app
from veille.geo.gazetteer import Gazetteer
from veille.geo.packs import PackFormatError, installed_packs, read_pack, read_pack_source

# Rows written for these tests, in the 19-column GeoNames layout; the names are invented.
GEONAMES_ROWS = [
    ["990000001", "Tall Zuhur al-Waha", "Tall Zuhur al-Waha", "Tell Zouhour,Tal Zuhur", "35.912", "36.655", "P", "PPL",
     "SY", "", "12", "", "", "", "0", "", "300", "Asia/Damascus", "2024-01-01"],
    ["990000002", "Mahattat Nakhil Airbase", "Mahattat Nakhil Airbase", "", "34.52", "37.63", "S", "AIRB",
     "SY", "", "11", "", "", "", "0", "", "500", "Asia/Damascus", "2024-01-01"],
    ["990000003", "Jabal Sahil", "Jabal Sahil", "", "35.0", "36.0", "T", "MT",
     "SY", "", "02", "", "", "", "0", "", "900", "Asia/Damascus", "2024-01-01"],
]


def _dump(tmp_path, name="SY.txt"):
    path = tmp_path / name
    path.write_text("".join("\t".join(row) + "\n" for row in GEONAMES_ROWS), encoding="utf-8")
    return path


def _zip(tmp_path):
    archive = tmp_path / "SY.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.write(_dump(tmp_path), "SY.txt")
        handle.writestr("readme.txt", "written for the tests\n")
    return archive


def _ocha_geojson(tmp_path):
    features = [
        {"type": "Feature", "geometry": {"type": "MultiPoint", "coordinates": [[40.11, 36.77]]},
         "properties": {"NAME_EN": "Khirbat Nujum", "NAM_EN_REF": "Khirbet Noujoum", "NAME_ARA": "خربة نجوم",
                        "PCODE": "C9001", "ADMIN1_COD": "SY08", "ADMIN1_EN": "Al-Hasakeh",
                        "LATITUDE": 36.77, "LONGITUDE": 40.11}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [38.9, 35.1]},
         "properties": {"NAME_EN": "Umm Rimal", "NAME_ARA": "ARABIC", "PCODE": "C9002", "ADMIN1_COD": "SY11"}},
    ]
    raw = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode()
    raw = raw.replace(b"ARABIC", "أم رمال".encode()[:-1] + b"\xff")  # a broken byte, as in OCHA's own file
    path = tmp_path / "communities.geojson"
    path.write_bytes(raw)
    return path


def test_geonames_dump_keeps_towns_and_airbases_not_mountains(tmp_path):
    for source in (_dump(tmp_path), _zip(tmp_path)):
        places = read_pack_source(source)
        assert [p.name for p in places] == ["Tall Zuhur al-Waha", "Mahattat Nakhil Airbase"]
        assert places[0].admin1_code == "12" and "Tell Zouhour" in places[0].alternates


def test_ocha_geojson_and_csv(tmp_path):
    places = read_pack_source(_ocha_geojson(tmp_path))
    assert [(p.place_id, p.country_code) for p in places] == [("C9001", "SY"), ("C9002", "SY")]
    assert places[0].latitude == 36.77 and "خربة نجوم" in places[0].alternates
    assert places[1].latitude == 35.1 and places[1].longitude == 38.9  # from the geometry
    csv_path = tmp_path / "communities.csv"
    csv_path.write_text("admin4Name_en,admin4Name_ar,admin4Pcode,latitude,longitude\n"
                        "#loc+name,#loc+name+ar,#loc+code,#geo+lat,#geo+lon\n"
                        "Umm Rimal,أم رمال,SY1101,35.1,38.9\n", encoding="utf-8")
    [place] = read_pack_source(csv_path)
    assert (place.name, place.place_id, place.country_code, place.longitude) == ("Umm Rimal", "SY1101", "SY", 38.9)


def test_bad_files_are_refused_with_a_reason(tmp_path):
    bad = tmp_path / "SY.txt"
    bad.write_text("1\tonly\tthree\n", encoding="utf-8")
    with pytest.raises(PackFormatError, match="columns"):
        read_pack_source(bad)
    with pytest.raises(PackFormatError, match="format"):
        read_pack_source(tmp_path / "places.xlsx")


@pytest.fixture()
def dump_server(tmp_path):
    served = tmp_path / "served"
    served.mkdir()
    _zip(tmp_path).rename(served / "SY.zip")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/", served / "SY.zip"
    server.shutdown()
    server.server_close()


def test_install_add_list_and_the_index_records_sources(tmp_path, dump_server):
    url, archive = dump_server
    cache = tmp_path / "cache"
    runner = CliRunner()
    result = runner.invoke(app, ["gazetteer", "install", "SY", "--base-url", url, "--cache-dir", str(cache),
                                 "--no-build"])
    assert result.exit_code == 0, result.output
    assert hashlib.sha256(archive.read_bytes()).hexdigest() in result.output
    result = runner.invoke(app, ["gazetteer", "add", str(_ocha_geojson(tmp_path)), "--source", "OCHA test table",
                                 "--cache-dir", str(cache), "--no-build"])
    assert result.exit_code == 0, result.output
    assert [path.stem for path in installed_packs(cache)] == ["communities", "geonames-SY"]
    assert read_pack(installed_packs(cache)[0])[0]["source"] == "OCHA test table"
    listing = runner.invoke(app, ["gazetteer", "list", "--cache-dir", str(cache)])
    assert "geonames-SY" in listing.output and "OCHA test table" in listing.output

    missing = runner.invoke(app, ["gazetteer", "install", "IQ", "--base-url", url, "--cache-dir", str(cache)])
    assert missing.exit_code == 2 and "404" in missing.output

    gazetteer = Gazetteer.load(cache)
    [village] = [e for e in gazetteer.candidates("Tell Zouhour") if e.geonameid == 990000001]
    assert village.source.startswith("GeoNames SY.zip sha256:") and village.admin1 == "Idlib"
    [hamlet] = gazetteer.candidates("Khirbet Noujoum")
    assert hamlet.source == "OCHA test table" and hamlet.country_code == "SY"
    assert hamlet.admin1 == "Al-Hasakah"  # from the nearest known town
    assert gazetteer.candidates("خربة نجوم")[0].name == "Khirbat Nujum"
