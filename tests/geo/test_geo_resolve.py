from __future__ import annotations

import pytest

from migprofile.errors import DataError, UnknownAreaError
from migprofile.geo import AreaRegistry


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("MAR", "MAR"), ("mar", "MAR"), ("MA", "MAR"), ("ma", "MAR"), ("504", "MAR"),
        ("WLD", "WLD"), ("OTH", "OTH"), ("UNK", "UNK"), ("STL", "STL"), ("OECD", "OECD"),
        ("EU27", "EU27"), ("UN:150", "UN:150"), ("un:150", "UN:150"), ("UN:2", "UN:002"),
        ("UN:002", "UN:002"), ("002", "UN:002"), ("2", "UN:002"), ("015", "UN:015"),
        ("001", "WLD"), ("WB:MEA", "WB:MEA"), ("wb:lmc", "WB:LMC"), ("MEA", "WB:MEA"),
        ("SUN", "SUN"), ("SU", "SUN"), ("810", "SUN"), ("YUG", "YUG"), ("CSK", "CSK"),
        ("SCG", "SCG"), ("ANT", "ANT"), ("AN", "ANT"), ("XK", "XKX"), ("XKX", "XKX"),
        ("830", "UN:830"), ("XCX", "UN:830"), ("OOO", "OTH"),
        # ISO 3166-3 codes of renamed countries
        ("ZAR", "COD"), ("TMP", "TLS"), ("ROM", "ROU"), ("BUR", "MMR"),
    ],
)
def test_resolve_codes(registry: AreaRegistry, text: str, code: str) -> None:
    assert registry.resolve(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Morocco", "MAR"), ("Maroc", "MAR"), ("المغرب", "MAR"),
        ("Spain", "ESP"), ("Espagne", "ESP"), ("إسبانيا", "ESP"), ("اسبانيا", "ESP"),
        ("Germany", "DEU"), ("Allemagne", "DEU"), ("ألمانيا", "DEU"),
        ("Algeria", "DZA"), ("Algérie", "DZA"), ("الجزائر", "DZA"),
        ("Kingdom of Morocco", "MAR"), ("le Royaume du Maroc", "MAR"), ("المملكة المغربية", "MAR"),
        ("Europe", "UN:150"), ("أوروبا", "UN:150"), ("Afrique", "UN:002"), ("Africa", "UN:002"),
        ("Northern Africa", "UN:015"), ("Afrique du Nord", "UN:015"),
        ("Afrique septentrionale", "UN:015"), ("شمال أفريقيا", "UN:015"),
        ("Sub-Saharan Africa", "UN:202"), ("Afrique subsaharienne", "UN:202"),
        ("Europe de l'Ouest", "UN:155"), ("Europe occidentale", "UN:155"),
        ("Latin America and the Caribbean", "UN:419"),
        ("Channel Islands", "UN:830"), ("Îles Anglo-Normandes", "UN:830"),
        ("World", "WLD"), ("Monde", "WLD"), ("العالم", "WLD"), ("Total", "WLD"),
        ("Soviet Union", "SUN"), ("URSS", "SUN"), ("Ex-Yougoslavie", "YUG"),
        ("Serbia and Montenegro", "SCG"), ("Tchécoslovaquie", "CSK"),
        ("Netherlands Antilles", "ANT"), ("Antilles néerlandaises", "ANT"),
        ("Middle East & North Africa", "WB:MEA"), ("Lower middle income", "WB:LMC"),
        ("Arab World", "WB:ARB"), ("Zone euro", "WB:EMU"),
        ("OCDE", "OECD"), ("Union européenne", "EU27"), ("European Union", "EU27"),
    ],
)
def test_resolve_names_in_three_languages(registry: AreaRegistry, text: str, code: str) -> None:
    assert registry.resolve(text) == code


BRIEF_ALIASES = {
    "USA": "USA", "Etats-Unis": "USA", "États-Unis d'Amérique": "USA",
    "United States of America": "USA", "République démocratique du Congo": "COD",
    "RD Congo": "COD", "Congo (Kinshasa)": "COD", "Côte d'Ivoire": "CIV",
    "Cote d'Ivoire": "CIV", "Ivory Coast": "CIV", "Espagne": "ESP", "Italie": "ITA",
    "Libye": "LBY", "Algérie": "DZA", "Royaume-Uni": "GBR", "UK": "GBR", "Türkiye": "TUR",
    "Turquie": "TUR", "Turkey": "TUR", "Syrie": "SYR", "Iran (Islamic Republic of)": "IRN",
    "Bolivia (Plurinational State of)": "BOL", "Venezuela (Bolivarian Republic of)": "VEN",
    "Republic of Korea": "KOR", "China, Hong Kong SAR": "HKG", "State of Palestine": "PSE",
    "Holy See": "VAT", "Other": "OTH", "Autres": "OTH", "Autres pays": "OTH",
    "Unknown": "UNK", "Stateless": "STL", "Total": "WLD", "World": "WLD",
    "Congo": "COG", "Congo - Brazzaville": "COG", "Congo - Kinshasa": "COD", "RDC": "COD",
    "Apatrides": "STL", "Inconnu": "UNK", "Reste du monde": "OTH",
}


@pytest.mark.parametrize(("text", "code"), sorted(BRIEF_ALIASES.items()))
def test_resolve_aliases(registry: AreaRegistry, text: str, code: str) -> None:
    assert registry.resolve(text) == code


@pytest.mark.parametrize(
    "text",
    ["côte d'ivoire", "COTE D IVOIRE", "Côte d’Ivoire", "  cote   d'ivoire ", "Cote-d'Ivoire",
     "CÔTE D'IVOIRE", "côte d'ivoire."],
)
def test_resolve_ignores_case_accents_punctuation_spaces(registry: AreaRegistry, text: str) -> None:
    assert registry.resolve(text) == "CIV"


def test_resolve_arabic_variants(registry: AreaRegistry) -> None:
    assert registry.resolve("الإمارات العربية المتحدة") == "ARE"
    assert registry.resolve("الامارات العربية المتحدة") == "ARE"
    assert registry.resolve("مصـر") == "EGY"


def test_unknown_name_raises(registry: AreaRegistry) -> None:
    with pytest.raises(UnknownAreaError) as info:
        registry.resolve("Atlantis")
    assert info.value.names == ["Atlantis"]
    assert isinstance(info.value, DataError)
    assert registry.try_resolve("Atlantis") is None
    assert registry.try_resolve("") is None
    assert registry.try_resolve("   ") is None


def test_resolve_many_lists_every_unknown_name_once(registry: AreaRegistry) -> None:
    names = ["Maroc", "Atlantis", "France", "Lemuria", "Atlantis", "Hyperborea"]
    with pytest.raises(UnknownAreaError) as info:
        registry.resolve_many(names, context="stock.csv")
    assert info.value.names == ["Atlantis", "Lemuria", "Hyperborea"]
    assert "stock.csv" in str(info.value)
    assert "'Lemuria'" in str(info.value)


def test_resolve_many_maps_each_name(registry: AreaRegistry) -> None:
    assert registry.resolve_many(["Maroc", "Spain", "إيطاليا", "Maroc"]) == {
        "Maroc": "MAR", "Spain": "ESP", "إيطاليا": "ITA"
    }


@pytest.mark.parametrize(
    ("code", "area"),
    [
        ("ALG", "DZA"), ("MOR", "MAR"), ("SPA", "ESP"), ("GFR", "DEU"), ("NET", "NLD"),
        ("UKN", "UNK"), ("STA", "STL"), ("GAZ", "PSE"), ("ICO", "CIV"), ("TMP", "TLS"),
        ("CUR", "CUW"), ("TIB", "TIB"),
        # UNHCR codes that are other countries' ISO codes
        ("AUS", "AUT"), ("ARE", "EGY"), ("MAR", "MTQ"), ("ANT", "ATG"),
        # ISO codes UNHCR shares pass through
        ("FRA", "FRA"), ("SYR", "SYR"),
    ],
)
def test_unhcr_codes(registry: AreaRegistry, code: str, area: str) -> None:
    assert registry.resolve(code, scheme="unhcr") == area
    assert registry.resolve(f"UNHCR:{code}") == area


def test_colliding_unhcr_codes_stay_iso_without_scheme(registry: AreaRegistry) -> None:
    assert [registry.resolve(c) for c in ("AUS", "ARE", "MAR", "ANT")] == [
        "AUS", "ARE", "MAR", "ANT"
    ]
    # non-colliding UNHCR codes also resolve bare
    assert registry.resolve("ALG") == "DZA"
    assert registry.resolve("UKN") == "UNK"


def test_world_bank_codes(registry: AreaRegistry) -> None:
    assert registry.resolve("CHI", scheme="wb") == "UN:830"
    assert registry.resolve("MEA", scheme="wb") == "WB:MEA"
    assert registry.resolve("WLD", scheme="wb") == "WLD"
    assert registry.resolve("MAR", scheme="wb") == "MAR"
    # CHI is China for UNHCR and the Channel Islands for the World Bank: bare, it is neither
    assert registry.try_resolve("CHI") is None
    assert registry.ambiguous_names() == {"chi": ("CHN", "UN:830")}


def test_an_ambiguous_name_resolves_to_nothing(registry: AreaRegistry) -> None:
    assert registry.try_resolve("Korea") is None
    assert registry.try_resolve("Corée") is None
