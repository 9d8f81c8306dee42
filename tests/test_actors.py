"""Actor mentions: dictionary aliases, nationality rules, generic groups, negatives and offsets."""

from __future__ import annotations

import pytest

from veille.extract.actors import dictionary_actors, find_actor_mentions
from veille.resources import lexicon, load_yaml


@pytest.fixture(scope="module")
def pipelines(nlp_fr, nlp_en):
    return {"fr": nlp_fr, "en": nlp_en}


def actors_in(pipelines, language: str, text: str) -> list[tuple[str, str, str | None]]:
    doc = pipelines[language](text)
    return [(m.text, m.name, m.country) for m in find_actor_mentions(doc, language)]


FOUND = [
    # French: dictionary aliases
    ("fr", "Les combattants de Daech ont attaqué le village.", ("combattants de Daech", "Islamic State", None)),
    ("fr", "Un porte-parole a accusé l’EI de l’attaque.", ("EI", "Islamic State", None)),
    ("fr", "L'Etat islamique a revendiqué l'explosion.", ("Etat islamique", "Islamic State", None)),
    ("fr", "Les forces du Hachd al-Chaabi ont repoussé l'assaut.",
     ("forces du Hachd al-Chaabi", "Popular Mobilization Forces", "IRQ")),
    ("fr", "Les Unités de mobilisation populaire tiennent la route.",
     ("Unités de mobilisation populaire", "Popular Mobilization Forces", "IRQ")),
    ("fr", "Un responsable de l'organisation Badr a parlé.", ("organisation Badr", "Badr Organization", "IRQ")),
    ("fr", "Les Forces démocratiques syriennes (FDS) ont capturé un émir.",
     ("Forces démocratiques syriennes", "QSD: Syrian Democratic Forces", "SYR")),
    ("fr", "Des éléments du Front al-Nosra ont tiré des obus.",
     ("éléments du Front al-Nosra", "HTS: Hayat Tahrir al Sham", "SYR")),
    ("fr", "Les Gardiens de la révolution ont tiré des missiles.",
     ("Gardiens de la révolution", "Military Forces of Iran", "IRN")),
    ("fr", "Les forces du régime ont pilonné la ville.", ("forces du régime", "Military Forces of Syria", "SYR")),
    ("fr", "La coalition que dirige Washington a mené un raid.",
     ("coalition que dirige Washington", "Global Coalition Against Daesh", None)),
    # French: nationality and country rules
    ("fr", "Trois officiers russes sont morts près d'Idlib.", ("officiers russes", "Military Forces of Russia", "RUS")),
    ("fr", "L'aviation israélienne a frappé un dépôt.", ("aviation israélienne", "Military Forces of Israel", "ISR")),
    ("fr", "Les forces américaines ont bloqué la route.",
     ("forces américaines", "Military Forces of the United States", "USA")),
    ("fr", "Des avions de guerre turcs ont survolé la zone.",
     ("avions de guerre turcs", "Military Forces of Turkey", "TUR")),
    ("fr", "L'armée d'Israël a ouvert le feu.", ("armée d'Israël", "Military Forces of Israel", "ISR")),
    ("fr", "La police irakienne a arrêté trois suspects.", ("police irakienne", "Police Forces of Iraq", "IRQ")),
    ("fr", "Les frappes israéliennes ont visé un entrepôt.", ("israéliennes", "Military Forces of Israel", "ISR")),
    ("fr", "Les terroristes pro-Ankara ont attaqué un poste.",
     ("terroristes pro-Ankara", "JWS: Syrian National Army", "SYR")),
    ("fr", "Les États-Unis ont frappé un convoi.", ("États-Unis", "Military Forces of the United States", "USA")),
    ("fr", "Le convoi a été stoppé par les Américains.", ("Américains", "Military Forces of the United States", "USA")),
    # French: generic groups
    ("fr", "Des hommes armés non identifiés ont ouvert le feu.",
     ("hommes armés non identifiés", "Unidentified Armed Group", None)),
    ("fr", "Deux civils syriens ont été blessés.", ("civils syriens", "Civilians", "SYR")),
    ("fr", "Un berger a été tué par une mine.", ("berger", "Civilians", None)),
    ("fr", "Les manifestants ont bloqué le pont.", ("manifestants", "Protesters", None)),
    ("fr", "Des émeutiers ont incendié un bâtiment.", ("émeutiers", "Rioters", None)),
    ("fr", "L'armée a bombardé la colline.", ("armée", "Military Forces", None)),
    # English: dictionary aliases
    ("en", "ISIS claimed the bombing on Friday.", ("ISIS", "Islamic State", None)),
    ("en", "IS fighters attacked a checkpoint.", ("IS fighters", "Islamic State", None)),
    ("en", "The Hashd al-Shaabi deployed to the border.", ("Hashd al-Shaabi", "Popular Mobilization Forces", "IRQ")),
    ("en", "Kataib Hezbollah denied any role.", ("Kataib Hezbollah", "Kataib Hezbollah", "IRQ")),
    ("en", "Hayat Tahrir al-Sham shelled the town.", ("Hayat Tahrir al-Sham", "HTS: Hayat Tahrir al Sham", "SYR")),
    ("en", "The US-led coalition carried out a strike.",
     ("US-led coalition", "Global Coalition Against Daesh", None)),
    ("en", "Peshmerga forces repelled the attack.",
     ("Peshmerga forces", "Military Forces of Iraq (Kurdistan Regional Government)", "IRQ")),
    ("en", "Houthi rebels fired a missile.", ("Houthi rebels", "Military Forces of Yemen Supreme Political Council", "YEM")),
    # English: nationality and country rules
    ("en", "Russian troops entered the town.", ("Russian troops", "Military Forces of Russia", "RUS")),
    ("en", "Israeli jets struck a warehouse.", ("Israeli jets", "Military Forces of Israel", "ISR")),
    ("en", "US forces withdrew from the base.", ("US forces", "Military Forces of the United States", "USA")),
    ("en", "The Iraqi army retook the village.", ("Iraqi army", "Military Forces of Iraq", "IRQ")),
    ("en", "Iraq's army was ambushed.", ("Iraq's army", "Military Forces of Iraq", "IRQ")),
    ("en", "Turkish-backed fighters seized the village.",
     ("Turkish-backed fighters", "JWS: Syrian National Army", "SYR")),
    ("en", "The commander was killed by the United States.",
     ("United States", "Military Forces of the United States", "USA")),
    ("en", "Syrian police detained two men.", ("Syrian police", "Police Forces of Syria", "SYR")),
    # English: generic groups
    ("en", "Unidentified gunmen killed a shopkeeper.", ("Unidentified gunmen", "Unidentified Armed Group", None)),
    ("en", "A farmer was wounded by a landmine.", ("farmer", "Civilians", None)),
    ("en", "Three Iraqi civilians died in the blast.", ("Iraqi civilians", "Civilians", "IRQ")),
    ("en", "Demonstrators gathered outside the ministry.", ("Demonstrators", "Protesters", None)),
    ("en", "Rioters set fire to a police station.", ("Rioters", "Rioters", None)),
]


@pytest.mark.parametrize("language,text,expected", FOUND, ids=[f"{c[0]}:{c[1][:40]}" for c in FOUND])
def test_actor_found(pipelines, language, text, expected):
    assert expected in actors_in(pipelines, language, text)


NOT_ACTORS = [
    ("en", "A Russian journalist was wounded."),
    ("en", "The Syrian said he would return."),
    ("en", "Let us know what is happening, he said."),
    ("en", "The convoy passed near a US military base."),
    ("en", "Iraqi officials met in Erbil."),
    ("fr", "Un journaliste russe a été blessé."),
    ("fr", "Le Syrien est rentré chez lui."),
    ("fr", "Il est arrivé en Syrie lundi."),
    ("fr", "Un général de corps d'armée a pris sa retraite."),
    ("fr", "Les forces politiques irakiennes ont débattu."),
]


@pytest.mark.parametrize("language,text", NOT_ACTORS, ids=[f"{c[0]}:{c[1][:40]}" for c in NOT_ACTORS])
def test_no_actor(pipelines, language, text):
    assert actors_in(pipelines, language, text) == []


def test_capital_aliases_need_capitals(pipelines):
    assert actors_in(pipelines, "en", "This is it, and the IS group is weak.") == [("IS", "Islamic State", None)]


def test_coordinated_nationalities_give_one_actor_each(pipelines):
    found = actors_in(pipelines, "fr", "Les militaires russes et américains se sont affrontés.")
    assert [name for _, name, _ in found] == ["Military Forces of Russia", "Military Forces of the United States"]
    found = actors_in(pipelines, "en", "Russian and Syrian forces shelled the town.")
    assert [name for _, name, _ in found] == ["Military Forces of Russia", "Military Forces of Syria"]


def test_longest_match_wins(pipelines):
    assert actors_in(pipelines, "en", "Kataib Hezbollah and Hezbollah fighters met.") == [
        ("Kataib Hezbollah", "Kataib Hezbollah", "IRQ"),
        ("Hezbollah fighters", "Hezbollah", "LBN"),
    ]
    assert actors_in(pipelines, "fr", "L'Armée syrienne libre a reculé.") == [
        ("Armée syrienne libre", "Free Syrian Army", "SYR")
    ]


def test_place_name_is_not_an_actor_but_a_subject_is(pipelines):
    assert actors_in(pipelines, "en", "Fighting resumed in Syria.") == []
    assert actors_in(pipelines, "en", "Turkey shelled the border villages.") == [
        ("Turkey", "Military Forces of Turkey", "TUR")
    ]


@pytest.mark.parametrize(
    "language,text",
    [
        ("fr", "Selon l’OSDH, des avions russes et l'aviation syrienne ont frappé les positions de HTS, "
               "tuant quatre civils ; des hommes armés ont ensuite attaqué des manifestants."),
        ("en", "According to monitors, US-led coalition jets and Iraqi forces struck ISIS cells, while "
               "unknown gunmen killed two farmers and police dispersed protesters."),
    ],
)
def test_offsets_order_and_fields(pipelines, language, text):
    doc = pipelines[language](text)
    mentions = find_actor_mentions(doc, language)
    assert len(mentions) >= 5
    for mention in mentions:
        assert mention.text == doc.text[mention.start : mention.end]
        assert doc[mention.token_start : mention.token_end].text == mention.text
        assert mention.inter in range(1, 9)
        assert mention.role_hint in {"state", "rebel", "militia", "civilian", "protester", "rioter", "unidentified"}
    for left, right in zip(mentions, mentions[1:]):
        assert left.end <= right.start


def test_resources_are_consistent():
    shared = load_yaml("actors.yaml")
    names = [actor.name for actor in dictionary_actors()]
    assert len(names) == len(set(names))
    assert all(actor.inter in range(1, 9) for actor in dictionary_actors())
    for language in ("fr", "en"):
        rules = lexicon(language, "actors")
        for table in ("nationalities", "country_names", "capitals", "state_demonyms"):
            assert set(rules[table]) <= set(shared["countries"]), (language, table)
        assert set(rules["proxies"]) <= set(names)
        assert set(rules["groups"]) <= set(shared["generic"])
