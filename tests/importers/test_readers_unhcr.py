"""The UNHCR reader on tiny named fixtures, and on the real files of ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest
from readers_helpers import DATA, read, values

from migprofile.importers.registry import load_readers
from migprofile.model import Status

UNHCR = Path("unhcr_refugee_statistics")


def test_population_hosted_and_abroad() -> None:
    batch = read("unhcr", Path("unhcr-small.csv"))
    assert batch.report.ok and not batch.report.warnings, batch.report.findings
    assert batch.source.id == "unhcr-population-2019" and batch.source.licence == "CC BY 4.0"
    refugees = values(batch, "refugees")
    assert refugees[("MAR", "PSE", "2001")].value == 800  # GAZ -> PSE
    assert refugees[("MAR", "UNK", "2001")].value == 800  # UKN -> UNK
    assert refugees[("MAR", "STL", "2001")].value == 8  # STA -> STL
    assert refugees[("MAR", "EGY", "2001")].value == 5  # ARE is Egypt for UNHCR
    assert values(batch, "refugees_abroad")[("MAR", "FRA", "2002")].value == 120
    assert values(batch, "asylum_seekers_abroad")[("NGA", "MAR", "2001")].value == 215
    assert values(batch, "idps")[("SYR", "SYR", "2019")].value == 6183920
    assert values(batch, "stateless_persons")[("THA", "STL", "2019")].value == 478843
    assert values(batch, "others_in_need_of_protection")[("COL", "VEN", "2019")].value == 1500
    assert {i.code for i in batch.indicators} == {o.indicator for o in batch.observations}


def test_zeros_and_empty_cells_are_not_stored() -> None:
    batch = read("unhcr", Path("unhcr-small.csv"))
    keys = {(o.indicator, o.country, o.partner) for o in batch.observations}
    assert ("asylum_seekers", "MAR", "PSE") not in keys  # 0
    assert ("others_in_need_of_protection", "MAR", "PSE") not in keys  # empty: not collected
    assert not [o for o in batch.observations if o.value == 0]


def test_masked_five_is_approximate() -> None:
    egypt = values(read("unhcr", Path("unhcr-small.csv")), "refugees")[("MAR", "EGY", "2001")]
    assert egypt.status is Status.APPROXIMATE
    assert "1 to 5" in egypt.note.text("en")


def test_suppressed_and_missing_cells_keep_their_status() -> None:
    batch = read("unhcr", Path("unhcr-suppressed.csv"))
    refugees = values(batch, "refugees")
    assert (refugees[("MAR", "NGA", "2020")].value, refugees[("MAR", "NGA", "2020")].status) \
        == (None, Status.SUPPRESSED)
    assert refugees[("MAR", "GIN", "2020")].status is Status.MISSING
    assert values(batch, "asylum_seekers")[("MAR", "GIN", "2020")].status is Status.SUPPRESSED
    assert batch.report.flatten() == [[4, "asylum_seekers", "invalid-value"]]


def test_unknown_codes_are_collected_in_one_finding() -> None:
    batch = read("unhcr", Path("unhcr-unknown-code.csv"))
    assert batch.report.flatten("row", "type") == [[2, "unknown-area"]]
    message = batch.report.errors[0].message
    assert "'XYZ' (row 2)" in message and "'QQQ' (row 5)" in message
    assert [o.partner for o in batch.observations if o.indicator == "refugees"] == ["NGA"]


def test_allow_unmapped_keeps_unknown_codes() -> None:
    batch = read("unhcr", Path("unhcr-unknown-code.csv"), allow_unmapped=True)
    assert batch.report.ok
    assert sorted(a.code for a in batch.areas) == ["UNMAPPED:qqq", "UNMAPPED:xyz"]
    assert values(batch, "refugees")[("MAR", "UNMAPPED:xyz", "2002")].value == 12


def test_asylum_applications_are_summed_per_unit() -> None:
    batch = read("unhcr", Path("unhcr-applications-small.csv"))
    assert batch.source.id == "unhcr-asylum-applications-2020"
    lodged = values(batch, "asylum_applications")
    cameroon = lodged[("MAR", "CMR", "2020")]
    assert (cameroon.value, cameroon.status) == (138, Status.OBSERVED)
    assert lodged[("MAR", "GIN", "2020")].status is Status.APPROXIMATE
    germany = lodged[("DEU", "MAR", "2020")]  # 1500 + "*": at least 1500
    assert (germany.value, germany.status) == (1500, Status.LOWER_BOUND)
    uk = lodged[("GBR", "MAR", "2020")]
    assert (uk.value, uk.breakdown) == (40, {"counted": "cases"})
    assert values(batch, "asylum_applications_abroad")[("MAR", "DEU", "2020")].value == 1500


def test_asylum_decisions() -> None:
    batch = read("unhcr", Path("unhcr-decisions-small.csv"))
    key = ("MAR", "CMR", "2020")
    assert values(batch, "asylum_decisions_recognized")[key].value == 25
    assert values(batch, "asylum_decisions_rejected")[key].value == 40
    assert values(batch, "asylum_decisions_total")[key].value == 70
    assert values(batch, "asylum_decisions_closed")[key].status is Status.APPROXIMATE
    assert not values(batch, "asylum_decisions_complementary")
    assert not [o for o in batch.observations if o.country == "FRA"]  # all zero


def test_countries_option_keeps_rows_about_them() -> None:
    batch = read("unhcr", Path("unhcr-small.csv"), countries=frozenset({"FRA"}))
    assert {(o.indicator, o.country) for o in batch.observations} == {
        ("refugees", "FRA"), ("asylum_seekers", "FRA"), ("refugees_abroad", "MAR"),
        ("asylum_seekers_abroad", "MAR")}


def test_claims_only_unhcr_tables() -> None:
    reader = load_readers()["unhcr"]
    assert reader.claims(DATA / "unhcr-small.csv")
    assert reader.claims(DATA / "unhcr-applications-small.csv")
    assert not reader.claims(DATA / "knomad-small.csv")
    assert not reader.claims(DATA / "template-valid.csv")


@pytest.mark.shared
@pytest.mark.slow
def test_full_population_file(shared_dir: Path) -> None:
    # its speed is measured by benchmarks/import_sources.py, never asserted here
    batch = read("unhcr", shared_dir / "data" / UNHCR / "population.csv")
    assert batch.report.ok and not batch.report.warnings
    assert len(batch.observations) == 396_432  # non-zero cells; refugees, asylum seekers twice
    hosted = values(batch, "refugees")
    assert hosted[("TUR", "SYR", "2015")].value == 2_503_549  # SOURCE.md spot-check
    assert hosted[("TUR", "SYR", "2020")].value == 3_641_370


@pytest.mark.shared
def test_morocco_end_2001_matches_the_carim_profile(shared_dir: Path) -> None:
    """CARIM's peak "2 540" refugees and asylum seekers in Morocco: 2,093 + 448 = 2,541."""
    batch = read("unhcr", shared_dir / "data" / UNHCR / "population.csv",
                 countries=frozenset({"MAR"}))

    def hosted(indicator: str) -> float:
        return sum(o.value or 0 for o in batch.observations
                   if (o.indicator, o.country, o.period) == (indicator, "MAR", "2001"))

    assert (hosted("refugees"), hosted("asylum_seekers")) == (2093, 448)
    assert hosted("refugees") + hosted("asylum_seekers") == 2541
    abroad = values(batch, "refugees_abroad")
    assert sum(o.value or 0 for (c, _, p), o in abroad.items() if (c, p) == ("MAR", "2024")) \
        == 10_609  # SOURCE.md: Moroccan refugees at end-2024
