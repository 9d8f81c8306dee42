"""Sub-event type rules (ACLED codebook distinctions) on sentences we write, in English and French."""

from __future__ import annotations

from datetime import datetime

import pytest

from veille.pipeline import Pipeline
from veille.records import Article


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(languages=("en", "fr"))


def _first(pipeline, text, language="en"):
    article = Article(id="t", text=text, published=datetime(2020, 5, 12), language=language)
    events = next(iter(pipeline.process([article]))).events
    assert events, text
    return min(events, key=lambda e: e.trigger.start)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On 3 May 2020, a mob lynched a man accused of stealing a goat in Kano.", "Mob violence"),
        ("On 3 May 2020, rival bands of villagers clashed over a field boundary near Patna.", "Mob violence"),
        ("On 3 May 2020, rioters set fire to a bank in Jericho.", "Mob violence"),
        ("On 3 May 2020, rioters set fire to a bank in Jericho during a protest against the closure of accounts.",
         "Violent demonstration"),
        ("On 3 May 2020, residents protested in Nablus and threw stones at the police.", "Violent demonstration"),
    ],
)
def test_crowd_violence_outside_a_demonstration_is_mob_violence(pipeline, text, expected):
    assert _first(pipeline, text).sub_event_type == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On 3 May 2020, nurses protested in Lahore against the arrest of a union leader and demanded his release.",
         "Peaceful protest"),
        ("On 3 May 2020, nurses protested in Lahore. Police arrested ten of them.", "Protest with intervention"),
        ("On 3 May 2020, residents protested in Aden and security forces opened fire on the protesters.",
         "Excessive force against protesters"),
        ("On 3 May 2020, residents blocked the main road in Uvira to demand electricity.", "Peaceful protest"),
        ("On 3 May 2020, residents blocked the main road in Uvira with burning tires to demand electricity.",
         "Violent demonstration"),
    ],
)
def test_what_met_a_protest_decides_its_sub_event_type(pipeline, text, expected):
    assert _first(pipeline, text).sub_event_type == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On 3 May 2020, rebels fired grenade launchers at army positions near Avdiivka.",
         "Shelling/artillery/missile attack"),
        ("On 3 May 2020, a man threw a grenade at a police post in Srinagar.", "Grenade"),
        ("On 3 May 2020, rebels fired mortars and small arms at army positions near Avdiivka.", "Armed clash"),
        ("On 3 May 2020, monitors recorded 40 projectiles fired in both directions near Avdiivka.", "Armed clash"),
        ("On 3 May 2020, monitors recorded 40 explosions near Avdiivka.", "Shelling/artillery/missile attack"),
        ("On 3 May 2020, a roadside bomb exploded near a patrol in Kirkuk.", "Remote explosive/landmine/IED"),
    ],
)
def test_weapons_and_reciprocal_fire(pipeline, text, expected):
    assert _first(pipeline, text).sub_event_type == expected


def test_rape_during_an_attack_is_sexual_violence(pipeline):
    event = _first(pipeline, "On 3 May 2020, militiamen attacked a village near Bunia and raped two women.")
    assert event.sub_event_type == "Sexual violence"


def test_state_forces_retaking_a_town_regain_territory(pipeline):
    event = _first(pipeline, "On 3 May 2020, the army recaptured the town of Quissanga from insurgents.")
    assert event.sub_event_type == "Government regains territory"


def test_a_chemical_in_a_torture_report_is_not_a_chemical_weapon(pipeline):
    event = _first(pipeline, "On 3 May 2020, guards beat a prisoner and burned his face with a chemical in Caracas.")
    assert event.sub_event_type != "Chemical weapon"


def test_victims_named_as_kidnapped_do_not_make_an_abduction(pipeline):
    event = _first(pipeline, "On 3 May 2020, families of kidnapped men staged a sit-in in front of the court in Kirkuk.")
    assert event.sub_event_type == "Peaceful protest"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le 3 mai 2020, une foule a lynché un homme accusé de vol à Bunia.", "Mob violence"),
        ("Le 3 mai 2020, des manifestants ont lancé des pierres sur la police à Bamako lors d'une manifestation.",
         "Violent demonstration"),
        ("Le 3 mai 2020, des enseignants ont manifesté à Dakar. La police a arrêté dix manifestants.",
         "Protest with intervention"),
        ("Le 3 mai 2020, les rebelles ont pilonné des positions de l'armée au mortier et aux armes légères.",
         "Armed clash"),
    ],
)
def test_french_cues(pipeline, text, expected):
    assert _first(pipeline, text, "fr").sub_event_type == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On 3 May 2020, IS militants arrested a camp manager near Deir ez-Zor.", "Abduction/forced disappearance"),
        ("On 3 May 2020, the SDF arrested a camp manager near Deir ez-Zor.", "Arrests"),
        ("On 3 May 2020, police arrested a camp manager in Idlib.", "Arrests"),
        ("On 3 May 2020, gendarmes seized rifles and ammunition in a house in Hakkari.", "Disrupted weapons use"),
        ("On 3 May 2020, gunmen seized cattle from a farm in Zamfara.", "Looting/property destruction"),
    ],
)
def test_who_detains_or_seizes_decides_the_type(pipeline, text, expected):
    assert _first(pipeline, text).sub_event_type == expected


def test_fighting_that_ends_in_taking_a_town_is_a_territory_change(pipeline):
    event = _first(pipeline, "On 3 May 2020, after heavy clashes with rebels, the army regained control of Kamanyola.")
    assert event.sub_event_type == "Government regains territory"


def test_killed_suicide_bombers_are_victims_not_the_weapon(pipeline):
    event = _first(pipeline, "On 3 May 2020, Iraqi troops killed two suicide bombers near Badush.")
    assert event.sub_event_type != "Suicide bomb"


def test_a_weapon_word_inside_an_organisation_name_is_no_instrument(pipeline):
    event = _first(pipeline, "On 3 May 2020, gunmen shot dead an officer of the Air Force Intelligence in Daraa.")
    assert event.sub_event_type != "Air/drone strike"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On 3 May 2020, villagers beat up four men accused of theft near Dhar.", "Mob violence"),
        ("On 3 May 2020, residents attacked health workers with stones in Chipuac.", "Mob violence"),
    ],
)
def test_ordinary_people_attacking_are_a_mob(pipeline, text, expected):
    assert _first(pipeline, text).sub_event_type == expected


def test_civilian_victims_do_not_make_a_mob(pipeline):
    event = _first(pipeline, "On 3 May 2020, the bodies of two civilians with gunshot wounds were found near Daraa.")
    assert event.sub_event_type == "Attack"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On 3 May 2020, a rebel drone dropped a grenade over army trenches near Hnutove.", "Air/drone strike"),
        ("On 3 May 2020, a militant hurled a hand grenade into a police post in Mogadishu. "
         "The police responded with gunfire.", "Armed clash"),
    ],
)
def test_grenades_from_drones_and_grenades_answered_with_fire(pipeline, text, expected):
    assert _first(pipeline, text).sub_event_type == expected


def test_burning_tyres_on_a_blocked_road_make_a_violent_demonstration(pipeline):
    event = _first(pipeline, "On 3 May 2020, residents demonstrated in Colon and set rubber tires on fire.")
    assert event.sub_event_type == "Violent demonstration"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On 3 May 2020, border guards fired shots into the air near the river crossing at Kipoi.", "Other"),
        ("On 3 May 2020, 300 families evacuated their village near Mamasapano.", "Other"),
        ("On 3 May 2020, about 200 villagers were displaced after fighting near Paletwa.", "Other"),
        ("On 3 May 2020, rebels withdrew from the town of Kamanyola.", "Non-violent transfer of territory"),
    ],
)
def test_non_violent_developments(pipeline, text, expected):
    assert _first(pipeline, text).sub_event_type == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On 3 May 2020, students protested in Tripoli against the killing of a demonstrator last week.",
         "Peaceful protest"),
        ("On 3 May 2020, residents demonstrated in Bamako and torched a police station. "
         "Police fired live ammunition at the demonstrators.", "Violent demonstration"),
    ],
)
def test_lethal_force_counts_only_against_a_peaceful_crowd(pipeline, text, expected):
    assert _first(pipeline, text).sub_event_type == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On 3 May 2020, two communities clashed over a temple loudspeaker in Roorkee.", "Mob violence"),
        ("On 3 May 2020, an alleged pickpocket was beaten up by locals in Joao Pessoa.", "Mob violence"),
        ("On 3 May 2020, five men beat a shopkeeper with sticks and stones in Chembur.", "Mob violence"),
        ("On 3 May 2020, gunmen shot and killed a shopkeeper in Chembur.", "Attack"),
    ],
)
def test_unarmed_crowds(pipeline, text, expected):
    assert _first(pipeline, text).sub_event_type == expected


def test_riots_told_as_background_do_not_make_a_protest_violent(pipeline):
    event = _first(pipeline, "On 3 May 2020, demonstrators assembled in Sidon against the jailing of activists after "
                             "the recent riots, and asked for stolen public money to be returned.")
    assert event.sub_event_type == "Peaceful protest"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On 3 May 2020, IS fighters killed a soldier near Qara Tepe.", "Armed clash"),
        ("On 3 May 2020, gunmen opened fire on a police patrol in Jarablus.", "Armed clash"),
        ("On 3 May 2020, IS fighters killed a shepherd near Qara Tepe.", "Attack"),
    ],
)
def test_who_was_hit_separates_attacks_from_clashes(pipeline, text, expected):
    assert _first(pipeline, text).sub_event_type == expected


def test_violence_named_as_the_grievance_or_an_earlier_event_is_background(pipeline):
    event = _first(pipeline, "On 3 May 2020, Rosario residents banged pans in a protest against freeing inmates "
                             "after the jail riots.")
    assert event.sub_event_type == "Peaceful protest"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On 3 May 2020, a pair of armed men clashed with a police patrol in Zamora.", "Armed clash"),
        ("On 3 May 2020, rival bands of villagers clashed with stones and rifles in a disputed border area.",
         "Armed clash"),
    ],
)
def test_firearms_make_a_clash_not_a_brawl(pipeline, text, expected):
    assert _first(pipeline, text).sub_event_type == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On 3 May 2020, observers counted 30 blasts and several bursts of small-arms fire near Mineralne.",
         "Armed clash"),
        ("On 3 May 2020, pro-government forces responded to rebel shelling near Sirwah.", "Armed clash"),
        ("On 3 May 2020, soldiers opened fire with heavy machine guns and small arms on rebel positions near Vasylivka.",
         "Armed clash"),
    ],
)
def test_small_arms_and_replies_make_a_clash(pipeline, text, expected):
    assert _first(pipeline, text).sub_event_type == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On 3 May 2020, monitors recorded 12 gunshots from small arms near Popasna.", "Armed clash"),
        ("On 3 May 2020, the army carried out an operation against IS near Tikrit, leaving two militants dead.",
         "Armed clash"),
        ("On 3 May 2020, five people died as inter-clan violence flared in Afdere.", "Armed clash"),
    ],
)
def test_more_ways_to_tell_a_fight(pipeline, text, expected):
    assert _first(pipeline, text).sub_event_type == expected


def test_french_intercommunal_violence_is_a_clash(pipeline):
    event = _first(pipeline, "Le 3 mai 2020, des violences intercommunautaires ont fait cinq morts près de Djugu.", "fr")
    assert event.sub_event_type == "Armed clash"
