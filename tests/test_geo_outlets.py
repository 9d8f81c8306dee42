"""The outlet's home country as a cue to where an article's places are."""

import pytest

from veille.extract.mentions import PlaceMention
from veille.geo.gazetteer import default_gazetteer
from veille.geo.outlets import outlet_countries
from veille.geo.resolve import resolve_places
from veille.pipeline import Pipeline
from veille.records import Article


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


@pytest.mark.parametrize("outlet, url, expected", [
    ("L'Orient-Le Jour", None, {"LB"}),
    ("an nahar", None, {"LB"}),  # case, article and hyphen folded
    ("Enab Baladi; Reuters", None, {"SY"}),  # a wire beside a national outlet adds nothing
    ("Al Ghad (Jordan); Naharnet", None, {"JO", "LB"}),
    ("Yemen Monitor", None, {"YE"}),  # a country's name inside the outlet's name
    ("The Sudanese Chronicle", None, {"SD"}),  # ... or its demonym
    ("Reuters", None, set()),
    ("France 24", None, set()),  # reports on the world, though its name holds a country's
    ("BBC", "https://www.bbc.co.uk/news/a", set()),  # a worldwide outlet: its domain is not read
    (None, "https://news.example.lb/2020/protest", {"LB"}),
    ("Some Blog", "https://some.example.ml/x", {"ML"}),
    (None, "https://channel.example.tv/x", set()),  # .tv is sold to anyone
    (None, "https://example.com/x", set()),
    (None, None, set()),
    ("", "not a url", set()),
])
def test_outlet_countries(gazetteer, outlet, url, expected):
    assert outlet_countries(outlet, url, gazetteer) == frozenset(expected)


def _tripoli(text, gazetteer, outlet_countries=frozenset()):
    mentions = [PlaceMention(start=text.index(name), end=text.index(name) + len(name), text=name, token_start=0,
                             token_end=1) for name in ("Tripoli", "Libya") if name in text]
    return resolve_places(mentions, text, "en", gazetteer, outlet_countries=outlet_countries)[mentions[0]]


def test_the_outlets_country_picks_the_namesake(gazetteer):
    text = "Hundreds of shopkeepers marched through Tripoli on Monday over the price of bread."
    assert _tripoli(text, gazetteer).iso3 == "LBY"  # the bigger namesake, with nothing else to go on
    assert _tripoli(text, gazetteer, frozenset({"LB"})).iso3 == "LBN"


def test_the_text_outweighs_the_outlet(gazetteer):
    text = "Hundreds of shopkeepers marched through Tripoli, the Libyan capital, over the price of bread."
    assert _tripoli(text, gazetteer, frozenset({"LB"})).iso3 == "LBY"
    text = "Hundreds of shopkeepers marched through Tripoli in Libya on Monday over the price of bread."
    assert _tripoli(text, gazetteer, frozenset({"LB"})).iso3 == "LBY"


def test_the_pipeline_reads_the_articles_outlet():
    text = "Dozens of taxi drivers blocked the main road into Tripoli on Tuesday, protesting against fuel prices."
    pipeline = Pipeline(languages=("en",))
    located = {}
    for outlet in ("Reuters", "Naharnet"):
        article = Article(id=f"tripoli-{outlet}", text=text, language="en", outlet=outlet)
        [result] = pipeline.process([article])
        located[outlet] = {event.location.iso3 for event in result.events if event.location}
    assert located == {"Reuters": {"LBY"}, "Naharnet": {"LBN"}}
