"""Numbers with their nouns in each language's grammar (``profiles/counted.yaml``): an item that
printed "1 accords", "1 countries" or, in Arabic, "5 بلدا" (the 11–99 form after 3–10) fails."""

from __future__ import annotations

import pytest

from migprofile.profiles.counted import counted, vocabulary


@pytest.mark.parametrize(("n", "expected"), [
    (1, "بلد واحد"), (2, "بلدين"), (3, "3 بلدان"), (10, "10 بلدان"), (11, "11 بلداً"),
    (99, "99 بلداً"), (100, "100 بلد"), (103, "103 بلدان"), (111, "111 بلداً")])
def test_arabic_counts_follow_the_number(n: int, expected: str) -> None:
    assert counted("countries_with", n, "ar") == expected


@pytest.mark.parametrize(("lang", "one", "many"), [
    ("fr", "1 accord bilatéral de main-d'œuvre signé", "12 accords bilatéraux de main-d'œuvre"),
    ("en", "1 bilateral labour agreement signed", "12 bilateral labour agreements"),
    ("es", "1 acuerdo bilateral de trabajo firmado", "12 acuerdos bilaterales de trabajo"),
    ("ar", "اتفاق عمل ثنائي واحد", "12 اتفاق عمل ثنائياً")])
def test_singular_and_plural(lang: str, one: str, many: str) -> None:
    assert counted("labour_agreements", 1, lang) == one
    assert counted("labour_agreements", 12, lang).startswith(many)


def test_every_counted_noun_has_every_language_and_an_other_form() -> None:
    for key, forms in vocabulary().items():
        assert set(forms) >= {"fr", "en", "ar", "es"}, key
        for lang, by_category in forms.items():
            assert "other" in by_category, (key, lang)
            assert all("{n}" in text for cat, text in by_category.items()
                       if not (lang == "ar" and cat in ("one", "two"))), (key, lang)


def test_numbers_are_written_as_the_language_writes_them() -> None:
    from migprofile.i18n import format_number

    assert counted("years", 1500, "fr") == f"{format_number(1500, 'fr')} ans"
    assert counted("years", 1500, "en") == "1,500 years"


@pytest.mark.parametrize(("n", "expected"), [
    (3604, "3,604 ملايين دولار"), (6924, "6,924 مليون دولار"), (2, "مليوني دولار")])
def test_arabic_millions_follow_the_number(n: int, expected: str) -> None:
    assert counted("millions_short", n, "ar") == expected


def test_french_million_singular() -> None:
    assert counted("usd_millions", 1, "fr") == "1 million de dollars des États-Unis"
    assert counted("millions_short", 3604, "fr").endswith("millions")
