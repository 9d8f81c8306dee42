"""Events known only at country level are put at the capital (texts written for these tests)."""


def test_an_event_known_only_at_country_level_is_put_at_the_capital():
    from veille.pipeline import Pipeline
    from veille.records import Article

    text = "On 4 March 2021, the government of Turkey announced a nationwide curfew for the weekend."
    events = next(Pipeline(languages=("en",)).process([Article(id="c", text=text, language="en")])).events
    assert events and events[0].location.name == "Ankara" and events[0].location.geo_precision == 3
    assert events[0].evidence["location"].text == "Turkey"
    text = "On 4 March 2021, the governor of Izmir announced a curfew for the weekend in Turkey."
    events = next(Pipeline(languages=("en",)).process([Article(id="d", text=text, language="en")])).events
    assert events and events[0].location.name == "İzmir"
