from __future__ import annotations

import csv
from pathlib import Path

import pytest

from migprofile.errors import DataError, NotFoundError, UnknownAreaError
from migprofile.geo import AreaRegistry, NamePriority, default_registry
from migprofile.model.core import Area, AreaKind, Grouping
from migprofile.model.text import LocalizedText


def _iso3_codes(areas_dir: Path) -> list[str]:
    with (areas_dir / "countries.csv").open(encoding="utf-8") as fh:
        return [row["iso3"] for row in csv.DictReader(fh)]


def test_every_iso3_has_names_in_three_languages(
    registry: AreaRegistry, areas_dir: Path
) -> None:
    codes = _iso3_codes(areas_dir)
    assert len(codes) == 249
    for code in codes:
        area = registry.get(code)
        assert area.kind is AreaKind.COUNTRY
        assert {lang: bool(area.names.get(lang)) for lang in ("fr", "en", "ar")} == {
            "fr": True, "en": True, "ar": True
        }, code


def test_every_area_has_names_in_three_languages(registry: AreaRegistry) -> None:
    missing = [
        (a.code, lang) for a in registry.areas() for lang in ("fr", "en", "ar")
        if not a.names.get(lang)
    ]
    # World Bank lending groupings whose Arabic name is not written (see regions.yaml)
    assert {code for code, _ in missing} <= {
        "WB:IDB", "WB:TEA", "WB:TEC", "WB:TLA", "WB:TMN", "WB:TSA", "WB:TSS"
    }
    assert {lang for _, lang in missing} <= {"ar"}


@pytest.mark.parametrize(
    ("code", "lang", "name"),
    [
        ("MAR", "fr", "Maroc"), ("MAR", "en", "Morocco"), ("MAR", "ar", "المغرب"),
        ("COD", "fr", "République démocratique du Congo"),
        ("COD", "en", "Democratic Republic of the Congo"),
        ("COD", "ar", "جمهورية الكونغو الديمقراطية"),
        ("COG", "fr", "Congo"), ("COG", "en", "Congo"), ("COG", "ar", "الكونغو"),
        ("HKG", "en", "China, Hong Kong SAR"), ("PSE", "fr", "État de Palestine"),
        ("VAT", "en", "Holy See"), ("KNA", "en", "Saint Kitts and Nevis"),
        ("UN:150", "fr", "Europe"), ("UN:015", "en", "Northern Africa"),
        ("UN:419", "en", "Latin America and the Caribbean"),
        ("WLD", "fr", "Monde"), ("STL", "ar", "عديمو الجنسية"), ("SUN", "fr", "URSS"),
    ],
)
def test_display_names(registry: AreaRegistry, code: str, lang: str, name: str) -> None:
    assert registry.name(code, lang) == name


def test_display_names_are_fit_for_print(registry: AreaRegistry) -> None:
    odd = [
        (a.code, lang, a.names[lang]) for a in registry.countries() for lang in a.names
        if " - " in a.names[lang] or "&" in a.names[lang] or "St. " in a.names[lang]
        or "R.A.S." in a.names[lang]
    ]
    assert odd == []


def test_display_names_resolve_back_to_their_area(registry: AreaRegistry) -> None:
    # World Bank aggregates give way to the UN region or grouping of the same name
    wrong = [
        (a.code, lang, registry.try_resolve(a.names[lang]))
        for a in registry.areas() if not a.code.startswith("WB:") for lang in a.names
        if registry.try_resolve(a.names[lang]) != a.code
    ]
    assert wrong == []


def test_get_and_contains(registry: AreaRegistry) -> None:
    area = registry.get("MAR")
    assert (area.iso2, area.m49, area.region, area.subregion) == ("MA", 504, "UN:002", "UN:015")
    assert "MAR" in registry and "UN:150" in registry and "XYZ" not in registry
    assert registry.get("mar") is area
    with pytest.raises(NotFoundError) as info:
        registry.get("XYZ")
    assert (info.value.kind, info.value.key) == ("area", "XYZ")
    with pytest.raises(NotFoundError):
        registry.name("XYZ", "fr")


def test_iso2_and_region_of(registry: AreaRegistry) -> None:
    assert registry.iso2("MAR") == "MA"
    assert registry.iso2("UN:150") is None
    assert registry.region_of("MAR") == "UN:002"
    assert registry.region_of("FRA") == "UN:150"
    assert registry.region_of("UN:015") == "UN:002"
    assert registry.region_of("UN:002") is None
    assert registry.region_of("ATA") is None
    assert registry.region_of("XKX") == "UN:150"


def test_region_membership(registry: AreaRegistry) -> None:
    assert "MAR" in registry.members("UN:015")
    assert "MAR" in registry.members("UN:002")
    assert "MAR" not in registry.members("UN:202")
    assert set(registry.members("UN:015")) == {"DZA", "EGY", "ESH", "LBY", "MAR", "SDN", "TUN"}
    assert "SEN" in registry.members("UN:011") and "SEN" in registry.members("UN:202")
    assert set(registry.members("UN:830")) == {"GGY", "JEY"}
    assert set(registry.members("UN:002")) == (
        set(registry.members("UN:015")) | set(registry.members("UN:202"))
    )
    regions = [a for a in registry.areas() if a.kind is AreaKind.REGION]
    assert len(regions) == 30
    assert all(registry.members(r.code) for r in regions)
    countries_with_region = [c for c in registry.countries() if c.region]
    assert len(countries_with_region) == len(registry.countries()) - 1  # Antarctica has none


def test_grouping_members(registry: AreaRegistry) -> None:
    oecd, eu = registry.members("OECD"), registry.members("EU27")
    assert len(oecd) == 38 and len(set(oecd)) == 38
    assert len(eu) == 27 and "GBR" not in eu and "HRV" in eu
    assert {"MEX", "TUR", "USA", "CRI"} <= set(oecd)
    assert registry.members("SUN")[0] == "ARM" and len(registry.members("SUN")) == 15
    assert set(registry.members("CSK")) == {"CZE", "SVK"}
    assert "MAR" in registry.members("WB:MEA") and "MAR" in registry.members("WB:LMC")
    assert "MAR" in registry.members("WB:ARB")
    assert registry.members("WLD") == ()
    with pytest.raises(NotFoundError):
        registry.members("XYZ")


def test_groupings_members_are_known_areas(registry: AreaRegistry) -> None:
    groupings = registry.groupings()
    assert all(isinstance(g, Grouping) for g in groupings)
    codes = {g.code for g in groupings}
    assert {"OECD", "EU27", "UN:150", "UN:015", "SUN", "WB:HIC"} <= codes
    unknown = {(g.code, m) for g in groupings for m in g.members if m not in registry}
    assert unknown == set()


def test_kinds(registry: AreaRegistry) -> None:
    kinds = {code: registry.get(code).kind for code in
             ("MAR", "WLD", "OTH", "UNK", "STL", "UN:150", "WB:MEA", "OECD", "EU27", "SUN", "ANT")}
    assert kinds == {
        "MAR": AreaKind.COUNTRY, "WLD": AreaKind.WORLD, "OTH": AreaKind.OTHER,
        "UNK": AreaKind.UNKNOWN, "STL": AreaKind.STATELESS, "UN:150": AreaKind.REGION,
        "WB:MEA": AreaKind.GROUPING, "OECD": AreaKind.GROUPING, "EU27": AreaKind.GROUPING,
        "SUN": AreaKind.HISTORICAL, "ANT": AreaKind.HISTORICAL,
    }
    assert len(registry.countries()) == 250  # 249 ISO 3166-1 + Kosovo
    assert [a.code for a in registry.areas()] == sorted(a.code for a in registry.areas())


def _europe() -> Area:
    return Area("MA:europe", AreaKind.GROUPING,
                LocalizedText({"fr": "Europe (consulats)", "en": "Europe (consulates)"}))


def test_add_registers_an_area_with_members(registry: AreaRegistry) -> None:
    mine = registry.copy()
    mine.add(_europe(), ["FRA", "ESP", "ITA"])
    assert mine.get("MA:europe").names["fr"] == "Europe (consulats)"
    assert mine.members("MA:europe") == ("FRA", "ESP", "ITA")
    assert mine.resolve("MA:europe") == "MA:europe"
    assert mine.resolve("Europe (consulats)") == "MA:europe"
    assert mine.name("MA:europe", "ar") == "Europe (consulats)"  # falls back
    assert "MA:europe" in {g.code for g in mine.groupings()}
    # the shared registry is untouched
    assert "MA:europe" not in registry
    mine.add(_europe(), ["FRA", "ESP", "ITA"])  # the same again: no-op


def test_added_names_never_displace_known_ones(registry: AreaRegistry) -> None:
    mine = registry.copy()
    mine.add(Area("MA:eu", AreaKind.GROUPING, LocalizedText({"fr": "Europe"})), ["FRA"])
    assert mine.resolve("Europe") == "UN:150"
    mine.add_alias("Pays arabes", "WB:ARB")
    assert mine.resolve("pays arabes") == "WB:ARB"
    mine.add_alias("Europe", "MA:eu", priority=NamePriority.ALIAS)
    assert mine.resolve("Europe") == "MA:eu"


def test_add_rejects_unknown_members_and_conflicting_areas(registry: AreaRegistry) -> None:
    mine = registry.copy()
    with pytest.raises(UnknownAreaError) as info:
        mine.add(_europe(), ["FRA", "Atlantis", "XYZ"])
    assert info.value.names == ["Atlantis", "XYZ"]
    with pytest.raises(DataError):
        mine.add(Area("MAR", AreaKind.COUNTRY, LocalizedText({"fr": "Autre"})))
    with pytest.raises(UnknownAreaError):
        mine.add_alias("Atlantide", "XYZ")


def test_default_registry_is_loaded_once() -> None:
    first = default_registry()
    assert first is default_registry()
    assert first.resolve("Maroc") == "MAR"
    assert len(first) > 300
