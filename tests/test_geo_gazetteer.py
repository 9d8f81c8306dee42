"""The gazetteer index: GeoNames places, written admin1 and country names, the disk cache."""

import pytest

from veille.geo import gazetteer as gazetteer_module
from veille.geo.gazetteer import Gazetteer, default_gazetteer
from veille.geo.gazetteer_build import CITY, _Builder
from veille.geo.resolve import distance_km
from veille.resources import load_yaml


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


def _city(gazetteer, name, country_code):
    found = [entry for entry in gazetteer.candidates(name)
             if entry.feature == "city" and entry.country_code == country_code]
    return max(found, key=lambda entry: entry.population)


@pytest.mark.parametrize("name, country, admin1_code, admin1", [
    ("Idlib", "SY", "12", "Idlib"), ("Homs", "SY", "11", "Homs"), ("Kirkuk", "IQ", "13", "Kirkuk"),
    ("Baghdad", "IQ", "07", "Baghdad"), ("Hawija", "IQ", "13", "Kirkuk"), ("Qamishli", "SY", "01", "Al-Hasakah"),
])
def test_cities_carry_their_admin1_code_and_english_name(gazetteer, name, country, admin1_code, admin1):
    city = _city(gazetteer, name, country)
    assert (city.admin1_code, city.admin1) == (admin1_code, admin1)
    assert city.source == "geonames"


def test_every_written_admin1_division_exists_in_the_data(gazetteer):
    for country_code, divisions in load_yaml("geo", "admin1.yaml").items():
        for code, info in divisions.items():
            entry = gazetteer.admin1(country_code, str(code))
            assert entry is not None, (country_code, code)
            assert entry.name == info["name"] and entry.feature == "admin1"


def test_admin1_point_is_the_population_weighted_centre_of_its_places(gazetteer):
    idlib = gazetteer.admin1("SY", "12")
    assert 35.4 < idlib.latitude < 36.4 and 36.2 < idlib.longitude < 37.0
    baghdad = gazetteer.admin1("IQ", "07")
    assert distance_km(baghdad.latitude, baghdad.longitude, 33.34, 44.40) < 30


def test_country_by_iso2_and_iso3(gazetteer):
    assert gazetteer.country("SY") == gazetteer.country("SYR")
    syria = gazetteer.country("syr")
    assert (syria.name, syria.iso3, syria.feature) == ("Syria", "SYR", "country")
    assert gazetteer.country("XX") is None


@pytest.mark.parametrize("name, code", [
    ("Syrie", "SY"), ("Irak", "IQ"), ("États-Unis", "US"), ("Etats-Unis", "US"), ("Russie", "RU"),
    ("Turquie", "TR"), ("Israël", "IL"), ("Liban", "LB"), ("Yémen", "YE"), ("Jordanie", "JO"),
    ("Arabie saoudite", "SA"), ("Iran", "IR"), ("U.K.", "GB"),
])
def test_french_and_english_country_names_find_the_country(gazetteer, name, code):
    assert gazetteer.country(code) in gazetteer.candidates(name)


def test_french_alternate_names_of_cities_are_indexed(gazetteer):
    assert _city(gazetteer, "Kirkouk", "IQ").name == "Kirkuk"
    assert _city(gazetteer, "Bagdad", "IQ").name == "Baghdad"


def test_loose_key_is_only_a_fallback(gazetteer):
    assert gazetteer.lookup("Idlib")[1] is True
    found, strict = gazetteer.lookup("Edleb")
    assert strict is False and any(entry.name == "Idlib" for entry in found)
    assert gazetteer.candidates("Xqzvwy") == []


def _tiny_tables():
    builder = _Builder()
    row = builder.add_row(1, "Testville", "SY", "12", 35.0, 36.0, 1000, CITY)
    builder.add_names(row, ["Testville", "Tesstville"])
    return builder.tables(country_rows={}, admin1_rows={}, iso3={"SY": "SYR"}, admin1_names={})


def test_index_is_built_once_then_read_from_the_cache(tmp_path, monkeypatch):
    builds = []
    monkeypatch.setattr(gazetteer_module, "build_tables", lambda: builds.append(1) or _tiny_tables())
    first = Gazetteer.load(tmp_path)
    second = Gazetteer.load(tmp_path)
    assert len(builds) == 1 and list(tmp_path.glob("gazetteer-*.pickle"))
    assert second.candidates("Testville") == first.candidates("Testville")
    assert second.candidates("testville")[0].iso3 == "SYR"


def test_corrupt_cache_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setattr(gazetteer_module, "build_tables", _tiny_tables)
    Gazetteer.load(tmp_path)
    for path in tmp_path.glob("gazetteer-*.pickle"):
        path.write_bytes(b"not a pickle")
    assert Gazetteer.load(tmp_path).candidates("Testville")


def test_building_removes_caches_of_older_versions(tmp_path, monkeypatch):
    monkeypatch.setattr(gazetteer_module, "build_tables", _tiny_tables)
    stale = tmp_path / "gazetteer-0-000000000000.pickle"
    stale.write_bytes(b"old")
    Gazetteer.load(tmp_path)
    assert not stale.exists() and len(list(tmp_path.glob("gazetteer-*.pickle"))) == 1
