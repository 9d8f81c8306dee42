"""A village from a pack the user installed outranks a namesake of the embedded data of the same size."""

from veille.geo.gazetteer import GazetteerEntry
from veille.geo.resolve import _Group, _prior


def _entry(source, population):
    return GazetteerEntry(geonameid=1, name="Umm Zaytun", country_code="SY", iso3="SYR", admin1_code="06",
                          admin1="Southland", latitude=32.7, longitude=36.1, population=population, feature="city",
                          source=source)


def test_an_installed_village_beats_a_small_namesake_but_not_a_city():
    group = _Group("umm zaytun|", "umm zaytun", [], [], True, "")
    village = _prior(_entry("OCHA test table", 0), group)
    assert village > _prior(_entry("geonames", 700), group)
    assert village < _prior(_entry("geonames", 200_000), group)
