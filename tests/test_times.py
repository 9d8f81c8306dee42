"""Date mentions: spans found in French and English text and resolved against the publication date."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from veille.extract.times import find_time_mentions
from veille.extract.times_calendar import infer_year, last_weekday, period_date

MON = date(2020, 1, 20)  # a Monday
SAT = date(2020, 1, 18)
EARLY_JAN = date(2020, 1, 5)
FEB = date(2020, 2, 10)
APR = date(2020, 4, 2)
JUNE = date(2020, 6, 1)

# (language, sentence, published, expected span, expected date, expected precision)
CASES = [
    ("fr", "Les rebelles ont attaqué le poste samedi 18 janvier.", MON, "samedi 18 janvier", date(2020, 1, 18), 1),
    ("fr", "Un convoi a été visé le 3 janvier près du fleuve.", MON, "le 3 janvier", date(2020, 1, 3), 1),
    ("fr", "Des obus sont tombés dans la nuit du 16 janvier sur le marché.", MON,
     "dans la nuit du 16 janvier", date(2020, 1, 16), 1),
    ("fr", "Les deux camps se sont affrontés dans la nuit du 17 au 18 janvier.", MON,
     "dans la nuit du 17 au 18 janvier", date(2020, 1, 17), 1),
    ("fr", "La milice a repoussé un assaut dans la soirée du vendredi 17 janvier.", MON,
     "dans la soirée du vendredi 17 janvier", date(2020, 1, 17), 1),
    ("fr", "Ce dimanche 19 janvier, la police a dispersé les manifestants.", MON,
     "Ce dimanche 19 janvier", date(2020, 1, 19), 1),
    ("fr", "Samedi, un drone a frappé un dépôt d'armes.", MON, "Samedi", date(2020, 1, 18), 1),
    ("fr", "Lundi, des tirs ont visé la caserne.", MON, "Lundi", date(2020, 1, 20), 1),
    ("fr", "Hier, deux soldats ont été blessés au nord du pays.", MON, "Hier", date(2020, 1, 19), 1),
    ("fr", "Avant-hier, un engin explosif a détruit un pont.", MON, "Avant-hier", date(2020, 1, 18), 1),
    ("fr", "Des coups de feu ont retenti hier soir dans le quartier.", MON, "hier soir", date(2020, 1, 19), 1),
    ("fr", "La semaine dernière, l'armée a repris le village.", MON, "La semaine dernière", date(2020, 1, 16), 2),
    ("fr", "En janvier, les affrontements se sont multipliés.", FEB, "En janvier", date(2020, 1, 15), 3),
    ("fr", "Début janvier, des renforts sont arrivés au front.", FEB, "Début janvier", date(2020, 1, 5), 3),
    ("fr", "Les pillages ont repris à la mi-décembre.", MON, "à la mi-décembre", date(2019, 12, 15), 3),
    ("fr", "Le mois dernier, trois écoles ont été incendiées.", MON, "Le mois dernier", date(2019, 12, 15), 3),
    ("fr", "Le 3 janvier 2020, une voiture piégée a explosé.", JUNE, "Le 3 janvier 2020", date(2020, 1, 3), 1),
    ("fr", "Un communiqué du 03/01/2020 annonce la trêve.", JUNE, "du 03/01/2020", date(2020, 1, 3), 1),
    ("fr", "Il y a trois jours, une embuscade a fait cinq morts.", MON, "Il y a trois jours", date(2020, 1, 17), 1),
    ("fr", "Le 28 décembre, un raid a visé la ville.", EARLY_JAN, "Le 28 décembre", date(2019, 12, 28), 1),
    ("fr", "Le 25 mars, des soldats ont été capturés.", MON, "Le 25 mars", date(2019, 3, 25), 1),
    ("fr", "Le 25 janvier, la trêve prendra fin.", MON, "Le 25 janvier", date(2020, 1, 25), 1),
    ("fr", "Le 1er janvier, des manifestants ont bloqué la route.", MON, "Le 1er janvier", date(2020, 1, 1), 1),
    ("fr", "Mardi soir, une attaque a visé un camp de déplacés.", MON, "Mardi soir", date(2020, 1, 14), 1),
    ("fr", "Samedi dernier, la foule a incendié un commissariat.", SAT, "Samedi dernier", date(2020, 1, 11), 1),
    ("fr", "Dans la nuit de samedi à dimanche, des hommes armés ont enlevé un maire.", MON,
     "Dans la nuit de samedi à dimanche", date(2020, 1, 18), 1),
    ("en", "Gunmen stormed the village on Saturday.", MON, "on Saturday", date(2020, 1, 18), 1),
    ("en", "Saturday's bombing killed four people.", MON, "Saturday", date(2020, 1, 18), 1),
    ("en", "The strike on January 18 destroyed a depot.", MON, "on January 18", date(2020, 1, 18), 1),
    ("en", "Militants ambushed a patrol on 18 January.", MON, "on 18 January", date(2020, 1, 18), 1),
    ("en", "Protesters gathered on Jan. 18 outside the ministry.", MON, "on Jan. 18", date(2020, 1, 18), 1),
    ("en", "Rockets hit the airport last night.", MON, "last night", date(2020, 1, 19), 1),
    ("en", "Yesterday, soldiers detained twelve men.", MON, "Yesterday", date(2020, 1, 19), 1),
    ("en", "Clashes erupted on Tuesday night in the old town.", MON, "on Tuesday night", date(2020, 1, 14), 1),
    ("en", "Last week, rebels seized two villages.", MON, "Last week", date(2020, 1, 16), 2),
    ("en", "Over the weekend, crowds looted the market.", MON, "Over the weekend", date(2020, 1, 18), 2),
    ("en", "In January, attacks on convoys rose sharply.", FEB, "In January", date(2020, 1, 15), 3),
    ("en", "Early March saw a wave of arrests.", APR, "Early March", date(2020, 3, 5), 3),
    ("en", "The killings went on until mid-December.", MON, "until mid-December", date(2019, 12, 15), 3),
    ("en", "The ministry list dated 2020-01-18 names the victims.", MON, "2020-01-18", date(2020, 1, 18), 1),
    ("en", "Three days ago, a car bomb exploded in the market.", MON, "Three days ago", date(2020, 1, 17), 1),
    ("en", "Two weeks ago, militia fighters burned a school.", MON, "Two weeks ago", date(2020, 1, 6), 2),
    ("en", "On Sunday, January 19, 2020, troops withdrew.", JUNE, "On Sunday, January 19, 2020", date(2020, 1, 19), 1),
    ("en", "A drone hit the base on the night of January 17-18.", MON,
     "on the night of January 17-18", date(2020, 1, 17), 1),
    ("en", "Last Monday, police fired tear gas at students.", MON, "Last Monday", date(2020, 1, 13), 1),
    ("en", "The attack on December 28 killed six.", EARLY_JAN, "on December 28", date(2019, 12, 28), 1),
    ("en", "The raid on May 5 left two dead.", JUNE, "on May 5", date(2020, 5, 5), 1),
    ("en", "Police arrested the 18th of January organisers.", MON, "the 18th of January", date(2020, 1, 18), 1),
]


@pytest.fixture(scope="module")
def nlp(nlp_fr, nlp_en):
    return {"fr": nlp_fr, "en": nlp_en}


@pytest.mark.parametrize(("language", "sentence", "published", "span", "expected", "precision"), CASES)
def test_single_date_is_found_and_resolved(nlp, language, sentence, published, span, expected, precision):
    doc = nlp[language](sentence)
    mentions = find_time_mentions(doc, language, published)
    assert [(m.text, m.date, m.precision) for m in mentions] == [(span, expected, precision)]


@pytest.mark.parametrize(("language", "sentence"), [(case[0], case[1]) for case in CASES])
def test_offsets_point_into_the_text(nlp, language, sentence):
    doc = nlp[language](sentence)
    for mention in find_time_mentions(doc, language, MON):
        assert doc.text[mention.start : mention.end] == mention.text
        tokens = doc[mention.token_start : mention.token_end]
        assert tokens.start_char <= mention.start and mention.end <= tokens.end_char
        assert len(tokens) >= 1


NEGATIVES = [
    ("fr", "La Force Qods a déployé des S-400 près de la base T-4."),
    ("fr", "Quelque 20 000 personnes ont fui la ville à 15h."),
    ("fr", "Le port de Marseille a rouvert et des marsouins ont été aperçus."),
    ("fr", "Les autorités ont recensé 18 blessés et 4 morts."),
    ("fr", "Les manifestants ont entamé une marche vers la capitale."),
    ("fr", "Quatre jours après que l'armée a quitté la ville, les pillages ont commencé."),
    ("en", "Rebels may attack the town again, officials warned."),
    ("en", "18 soldiers were killed and 20,000 people fled."),
    ("en", "Jan Egeland called for a ceasefire."),
    ("en", "Protesters may march on the capital at 3 p.m."),
    ("en", "The S-400 system was moved to the T-4 airbase."),
    ("en", "Fighting may resume in May, analysts said."),
]


@pytest.mark.parametrize(("language", "sentence"), NEGATIVES)
def test_no_date_in_non_date_text(nlp, language, sentence):
    assert find_time_mentions(nlp[language](sentence), language, MON) == []


def test_mentions_are_sorted_and_relative_counts_follow_the_previous_date(nlp_fr):
    doc = nlp_fr("Le 10 janvier, une mine a explosé. Quatre jours plus tard, une autre a sauté. Le lendemain, rien.")
    mentions = find_time_mentions(doc, "fr", MON)
    assert [m.text for m in mentions] == ["Le 10 janvier", "Quatre jours plus tard", "Le lendemain"]
    assert [m.date for m in mentions] == [date(2020, 1, 10), date(2020, 1, 14), date(2020, 1, 15)]
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


def test_relative_count_without_earlier_date_is_reported_unresolved(nlp_en):
    mentions = find_time_mentions(nlp_en("Four days later, the town fell."), "en", MON)
    assert [(m.text, m.date) for m in mentions] == [("Four days later", None)]


def test_without_publication_date_only_dates_with_a_year_resolve(nlp_fr, nlp_en):
    doc = nlp_fr("Le 3 janvier 2020, un attentat a eu lieu. Samedi, un autre. Le 18/01/2020, la trêve.")
    found = [(m.text, m.date) for m in find_time_mentions(doc, "fr", None)]
    assert found == [("Le 3 janvier 2020", date(2020, 1, 3)), ("Samedi", None), ("Le 18/01/2020", date(2020, 1, 18))]
    doc = nlp_en("Three days ago, on January 18, shelling resumed.")
    assert [(m.text, m.date) for m in find_time_mentions(doc, "en", None)] == [
        ("Three days ago", None),
        ("on January 18", None),
    ]


def test_publication_datetime_is_accepted(nlp_en):
    mentions = find_time_mentions(nlp_en("Yesterday, a mortar hit the camp."), "en", datetime(2020, 1, 20, 23, 45))
    assert [m.date for m in mentions] == [date(2020, 1, 19)]


def test_impossible_day_is_not_a_date(nlp_fr):
    assert find_time_mentions(nlp_fr("Le 31 février, rien ne s'est passé."), "fr", MON) == []


def test_numeric_dates_follow_the_language_order(nlp_fr, nlp_en):
    assert find_time_mentions(nlp_fr("Le 03/01/2020, la trêve."), "fr", JUNE)[0].date == date(2020, 1, 3)
    assert find_time_mentions(nlp_en("On 03/01/2020, a truce."), "en", JUNE)[0].date == date(2020, 3, 1)


def test_calendar_rules():
    assert last_weekday(5, MON) == date(2020, 1, 18)  # Saturday before a Monday
    assert last_weekday(0, MON) == MON  # same weekday: that day
    assert last_weekday(0, MON, shift=-1) == date(2020, 1, 13)
    assert infer_year(3, 15, MON) == date(2020, 3, 15)  # 55 days ahead: still this year
    assert infer_year(3, 25, MON) == date(2019, 3, 25)  # 65 days ahead: the year before
    assert infer_year(1, 18, date(2021, 1, 20), weekday=5) == date(2020, 1, 18)  # the year the weekday fits
    assert period_date("week", 0, MON) == MON  # this week's middle is after publication: clamped
    assert period_date("weekend", -1, SAT) == date(2020, 1, 11)


def test_night_named_by_two_weekdays_and_the_second_date_is_coded_on_the_first_day(nlp_fr, nlp_en):
    doc = nlp_fr("Dans la nuit de mardi à mercredi 15 janvier, un dépôt a brûlé.")
    assert [(m.text, m.date) for m in find_time_mentions(doc, "fr", FEB)] == [
        ("Dans la nuit de mardi à mercredi 15 janvier", date(2020, 1, 14))
    ]
    doc = nlp_en("Overnight Friday to Saturday, January 18, shells hit the port.")
    assert [(m.text, m.date) for m in find_time_mentions(doc, "en", FEB)] == [
        ("Overnight Friday to Saturday, January 18", date(2020, 1, 17))
    ]
