"""Tests for veille.language: identification among a candidate set wider than the supported one."""

from __future__ import annotations

import pytest

from veille.language import UNDETERMINED, candidate_languages, identify_language

FRENCH = (
    "Des hommes armés ont attaqué mardi soir un poste de gendarmerie dans le nord du pays, "
    "tuant deux agents, selon une source sécuritaire locale."
)
ENGLISH = (
    "Armed men attacked a police station in the north of the country on Tuesday evening, "
    "killing two officers, a local security source said."
)
GERMAN = (
    "Bewaffnete Männer haben am Dienstagabend eine Polizeiwache im Norden des Landes "
    "angegriffen und dabei zwei Beamte getötet, teilte eine örtliche Sicherheitsquelle mit."
)
ARABIC = "هاجم مسلحون مساء الثلاثاء مركزا للشرطة في شمال البلاد وقتلوا اثنين من عناصره بحسب مصدر أمني محلي."


@pytest.mark.parametrize(
    ("text", "expected"),
    [(FRENCH, "fr"), (ENGLISH, "en"), (GERMAN, "de"), (ARABIC, "ar")],
)
def test_identifies_short_paragraphs(text, expected):
    code, probability = identify_language(text)
    assert code == expected
    assert 0.5 < probability <= 1.0


def test_unsupported_language_is_reported_not_forced_into_supported_set():
    assert identify_language(GERMAN, supported=("fr", "en"))[0] == "de"


@pytest.mark.parametrize("text", ["", "   \n ", "Paris", "12 000 -- 2020-01-18 / 14:30"])
def test_short_or_letterless_text_is_undetermined(text):
    assert identify_language(text) == (UNDETERMINED, 0.0)


def test_supported_languages_are_always_candidates():
    assert {"fr", "en", "de", "ar"} <= set(candidate_languages(("fr", "en")))
    assert "ro" in candidate_languages(("fr", "ro"))


def test_extra_supported_language_can_be_identified():
    romanian = (
        "Oameni înarmați au atacat marți seara un post de poliție din nordul țării, "
        "ucigând doi agenți."
    )
    assert identify_language(romanian, supported=("fr", "en"))[0] != "ro"
    assert identify_language(romanian, supported=("fr", "en", "ro"))[0] == "ro"


def test_unknown_language_code_is_a_clear_error():
    with pytest.raises(ValueError, match="xx"):
        identify_language(ENGLISH, supported=("en", "xx"))


def test_long_text_is_scored_on_its_start():
    code, probability = identify_language(FRENCH * 2 + " " + ENGLISH * 200)
    assert code == "en"
    code, _ = identify_language(FRENCH * 80 + " " + ENGLISH * 200)
    assert code == "fr"
