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
