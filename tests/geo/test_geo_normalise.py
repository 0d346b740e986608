from __future__ import annotations

import pytest

from migprofile.geo import match_key, normalise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Côte d’Ivoire", "cote d ivoire"),
        ("COTE D'IVOIRE", "cote d ivoire"),
        ("  États-Unis   d'Amérique ", "etats unis d amerique"),
        ("Bosnia & Herzegovina", "bosnia herzegovina"),
        ("Türkiye", "turkiye"),
        ("São Tomé and Príncipe", "sao tome and principe"),
        ("Åland", "aland"),
    ],
)
def test_normalise_latin(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_normalise_arabic_keeps_letters_and_unifies_variants() -> None:
    assert normalise("أفغانستان") == normalise("افغانستان") == "افغانستان"
    assert normalise("إسبانيا") == normalise("اسبانيا")
    assert normalise("الجمهوريّة العربيّة السّوريّة") == normalise("الجمهورية العربية السورية")
    assert normalise("عُمان") == "عمان"
    assert normalise("مصـــر") == "مصر"  # tatweel
    assert normalise("ليبيا،") == "ليبيا"  # Arabic comma
    assert normalise("الإمارات") == normalise("الامارات")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Gambia, The", "The Gambia"),
        ("Democratic Republic of the Congo (the)", "democratic republic of the congo"),
        ("Afghanistan (l')", "Afghanistan"),
        ("Pays-Bas (les)", "Pays Bas"),
        ("Trinidad & Tobago", "Trinidad and Tobago"),
        ("Dem. Rep. of the Congo", "Democratic Republic of the Congo"),
        ("St. Lucia", "Saint Lucia"),
    ],
)
def test_match_key_ignores_articles_conjunctions_abbreviations(a: str, b: str) -> None:
    assert match_key(a) == match_key(b)


def test_match_key_keeps_a_lone_article() -> None:
    assert match_key("La") == "la"
