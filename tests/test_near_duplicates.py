"""Near-duplicate linking: syndicated copies point to the first copy; different reports stay apart."""

from __future__ import annotations

from datetime import datetime

from veille.dedupe import duplicate_of, link_near_duplicates
from veille.dedupe.near_duplicates import shingles, signature
from veille.records import Article, text_id
from veille.store import Store

ORIGINAL = ("Gunmen attacked a checkpoint near Kirkuk on Sunday, killing three soldiers, a police officer said. "
            "The attackers fled towards the desert after an hour-long exchange of fire, and security forces "
            "closed the main road to the city while they searched nearby villages.")
COPY = "KIRKUK, Iraq (Gulf Wire) — " + ORIGINAL.replace("said.", "told reporters.") + " © Gulf Wire 2024."
OTHER = ("Police arrested twelve protesters in Basra on Monday after a sit-in outside the oil ministry; "
         "they were released in the evening without charge, their lawyer said.")
SAME_PLACE_OTHER_STORY = ("A checkpoint near Kirkuk was reopened on Tuesday after repairs, the governor's office said, "
                          "and traffic to the city resumed in the afternoon under heavy rain.")


def article(text: str, day: int, outlet: str) -> Article:
    return Article(id=text_id(text), text=text, outlet=outlet, published=datetime(2024, 3, day))


def test_signatures_see_copies_and_tell_reports_apart():
    assert signature(ORIGINAL).jaccard(signature(COPY)) > 0.7
    assert signature(ORIGINAL).jaccard(signature(SAME_PLACE_OTHER_STORY)) < 0.2
    assert shingles("Été à ÉTÉ") == {"ete a ete".encode()} and shingles("") == set()


def test_copies_link_to_the_first_copy_once(tmp_path):
    with Store(tmp_path / "d.db") as store:
        # Stored in the "wrong" order: the copy (published later) is processed first.
        for item in (article(COPY, 12, "Gulf Wire"), article(OTHER, 11, "Basra Post"),
                     article(ORIGINAL, 10, "Levant Wire"), article(SAME_PLACE_OTHER_STORY, 12, "Levant Wire")):
            store.save_article_events(item, [])
        assert link_near_duplicates(store) == 1
        assert duplicate_of(store) == {text_id(COPY): text_id(ORIGINAL)}
        assert link_near_duplicates(store) == 0  # idempotent
        third = article("(Sahel Notes) " + COPY, 13, "Sahel Notes")
        store.save_article_events(third, [])
        assert link_near_duplicates(store) == 1
        assert duplicate_of(store, [third.id]) == {third.id: text_id(ORIGINAL)}
