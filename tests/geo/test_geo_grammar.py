"""Names take their grammar from data/reference/areas/grammar.csv: articles, elision,
locative prepositions in French, the English article."""

from __future__ import annotations

import pytest

from migprofile.geo import grammar


@pytest.mark.parametrize(("code", "name", "subject", "of", "located"), [
    ("DEU", "Allemagne", "l'Allemagne", "de l'Allemagne", "en Allemagne"),
    ("MAR", "Maroc", "le Maroc", "du Maroc", "au Maroc"),
    ("USA", "États-Unis", "les États-Unis", "des États-Unis", "aux États-Unis"),
    ("FRA", "France", "la France", "de la France", "en France"),
    ("ISR", "Israël", "Israël", "d'Israël", "en Israël"),
    ("CUB", "Cuba", "Cuba", "de Cuba", "à Cuba"),
    ("TUR", "Turquie", "la Turquie", "de la Turquie", "en Turquie"),
    ("PSE", "État de Palestine", "l'État de Palestine", "de l'État de Palestine",
     "dans l'État de Palestine"),
])
def test_french_names(code: str, name: str, subject: str, of: str, located: str) -> None:
    assert grammar.subject(code, name, "fr") == subject
    assert grammar.of(code, name, "fr") == of
    assert grammar.located(code, name, "fr") == located


@pytest.mark.parametrize(("code", "name", "expected"), [
    ("USA", "United States", "the United States"), ("PHL", "Philippines", "the Philippines"),
    ("NLD", "Netherlands", "the Netherlands"), ("RUS", "Russia", "Russia"),
    ("SYR", "Syria", "Syria"), ("DEU", "Germany", "Germany"),
])
def test_english_article(code: str, name: str, expected: str) -> None:
    assert grammar.subject(code, name, "en") == expected


def test_number_and_arabic_gender() -> None:
    assert grammar.is_plural("PHL", "fr") and not grammar.is_plural("DEU", "fr")
    assert not grammar.is_feminine("MAR", "ar") and grammar.is_feminine("DEU", "ar")


@pytest.mark.parametrize(("code", "name", "subject", "of", "located"), [
    ("MAR", "Marruecos", "Marruecos", "de Marruecos", "en Marruecos"),
    ("USA", "Estados Unidos", "los Estados Unidos", "de los Estados Unidos",
     "en los Estados Unidos"),
    ("GBR", "Reino Unido", "el Reino Unido", "del Reino Unido", "en el Reino Unido"),
    ("PER", "Perú", "el Perú", "del Perú", "en el Perú"),
    ("IND", "India", "la India", "de la India", "en la India"),
    ("CYM", "Islas Caimán", "las Islas Caimán", "de las Islas Caimán", "en las Islas Caimán"),
    ("SLV", "El Salvador", "El Salvador", "de El Salvador", "en El Salvador"),
    ("PSE", "Estado de Palestina", "el Estado de Palestina", "del Estado de Palestina",
     "en el Estado de Palestina"),
])
def test_spanish_names(code: str, name: str, subject: str, of: str, located: str) -> None:
    assert grammar.subject(code, name, "es") == subject
    assert grammar.of(code, name, "es") == of
    assert grammar.located(code, name, "es") == located


def test_spanish_number_and_gender() -> None:
    assert grammar.is_plural("USA", "es") and not grammar.is_plural("MAR", "es")
    assert grammar.is_feminine("FRA", "es") and not grammar.is_feminine("MAR", "es")
    assert grammar.is_plural("PHL", "es") and grammar.subject("PHL", "Filipinas", "es") == \
        "Filipinas"


def test_a_region_takes_the_bare_spanish_locative() -> None:
    assert grammar.located("UN:002", "África", "es") == "en África"


def test_the_sweep_catches_a_spanish_name_without_its_article() -> None:
    from migprofile.profiles.invariants import ES_BARE
    assert ES_BARE.search("personas nacidas en Estados Unidos")
    assert ES_BARE.search("procedentes de el Perú")
    for text in ("nacidas en los Estados Unidos", "del Reino Unido", "de El Salvador",
                 "en la India"):
        assert not ES_BARE.search(text), text
