"""The readers of the legal data sets on tiny fixtures (tests/data/importers/legal), plus
real-data spot checks against the SOURCE.md of each folder (via ``shared_dir``)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "importers"))
from readers_helpers import read

from migprofile.model import InstrumentKind, InstrumentStatus

LEGAL = Path("legal")


def _codes(batch: object, country: str) -> dict[str, float]:
    return {o.breakdown["variable"]: o.value or 0 for o in batch.observations  # type: ignore
            if o.country == country}


def test_globalcit_reads_the_codes_and_skips_uncoded_states() -> None:
    batch = read("globalcit", LEGAL / "globalcit-small.csv")
    assert batch.report.ok, batch.report.findings
    assert batch.source.id == "globalcit-v3-1" and batch.source.licence == "CC BY 4.0"
    morocco = _codes(batch, "MAR")
    assert morocco["A06a_yrs_cat"] == 5 and morocco["dualcit_comb"] == 3
    assert _codes(batch, "JPN")["A06b_cat"] == 3
    assert _codes(batch, "USA")["A02a_cat"] == 1
    assert not _codes(batch, "DDR")  # nothing coded in 2024: no observation
    o = next(o for o in batch.observations if o.country == "MAR")
    assert (o.partner, o.period, o.indicator) == ("MAR", "2024-01-01", "citizenship_law")
    assert {i.code for i in batch.indicators} == {"citizenship_law"}


def test_globalcit_names_unknown_codes_and_refuses_the_file() -> None:
    batch = read("globalcit", LEGAL / "globalcit-unknown-code.csv")
    assert not batch.report.ok
    [finding] = [f for f in batch.report.findings if f.type == "unknown-code"]
    assert "L05_cat='7' (FRA, row 3)" in finding.message


def test_visa_reader_snapshot_from_the_file_name() -> None:
    new = read("visa", LEGAL / "passport_index_tidy_iso3_2025-01-12.csv")
    old = read("visa", LEGAL / "passport_index_tidy_iso3_2020-02-07.csv")
    assert new.report.ok and old.report.ok
    assert (new.source.id, old.source.id) == ("passport-index-2025-01-12",
                                              "passport-index-2020-02-07")
    got = {(o.country, o.partner): o.value for o in new.observations}
    # country = destination (its visa policy), partner = passport; -1 (itself) left out
    assert got == {("FRA", "MAR"): 5, ("TUN", "MAR"): 1, ("SEN", "MAR"): 1, ("MAR", "FRA"): 1,
                   ("USA", "DEU"): 3, ("MAR", "XKX"): 4}
    assert {o.period for o in new.observations} == {"2025-01-12"}
    assert {(o.country, o.partner): o.value for o in old.observations}[("USA", "DEU")] == 2
    assert "private index" in new.source.citation.text("en")


def test_visa_reader_names_unknown_values_and_codes() -> None:
    batch = read("visa", LEGAL / "visa-unknown-value.csv", edition="2024-01-05")
    assert not batch.report.ok
    messages = " ".join(f.message for f in batch.report.errors)
    assert "'visa maybe' (row 2)" in messages and "'ZZZ'" in messages


def test_labour_agreements_with_their_content() -> None:
    batch = read("labour-agreements", LEGAL / "bla_formation.csv")
    assert batch.report.ok, batch.report.findings
    found = {i.id: i for i in batch.instruments}
    assert len(found) == 8  # one per agreement and party
    france = found["bla:12:MAR"]
    assert (france.kind, france.parties, france.signed) == (
        InstrumentKind.LABOUR, ("FRA",), date(1963, 6, 1))
    assert france.topics == ("quota", "social_security", "remittances")
    assert found["bla:540:TUR"].parties == ("DEU",) and not found["bla:540:TUR"].topics
    assert found["bla:99:DDR"].years == (1980,) and found["bla:99:DDR"].signed is None
    assert found["bla:1079:NZL"].years == ()  # 9999 = unknown, said in the report
    assert found["bla:12:FRA"].title.text("fr") == "Accord bilatéral de main-d'œuvre France – Maroc"
    assert [f.type for f in batch.report.findings] == ["unknown-year"]


def test_unga_votes_on_the_reference_resolutions() -> None:
    batch = read("unga-votes", LEGAL / "unga-votes-small.csv")
    assert batch.report.ok, batch.report.findings
    votes = {i.country: i for i in batch.instruments}
    assert votes["MAR"].status is InstrumentStatus.VOTED_YES
    assert votes["USA"].status is InstrumentStatus.VOTED_NO
    assert votes["DZA"].status is InstrumentStatus.ABSTAINED
    assert votes["SRB"].status is InstrumentStatus.VOTED_YES  # "YU" after 2006 is Serbia
    assert votes["FRA"].status is InstrumentStatus.NOT_VOTING  # a UN member not in the vote
    assert {i.treaty for i in batch.instruments} == {"gcm-2018"}
    assert votes["MAR"].as_of == date(2018, 12, 19)
    assert len(batch.instruments) == 193


def test_readmission_partners_resolved_or_named() -> None:
    batch = read("readmission", LEGAL / "gaps-small.csv")
    assert batch.report.ok
    found = {i.id: i for i in batch.instruments}
    assert found["gaps:DEU:1"].parties == ("MAR",) and found["gaps:DEU:1"].url is None
    assert found["gaps:DEU:1"].in_force == date(1998, 6, 1)
    assert found["gaps:DEU:2"].parties == ("BIH",)  # "and" inside a country's name
    assert found["gaps:MAR:3"].parties == ("EU27",)
    assert found["gaps:MAR:3"].status is InstrumentStatus.UNKNOWN  # under negotiation
    assert found["gaps:MAR:4"].parties == ("ESP",) and found["gaps:MAR:4"].topics == (
        "partnership",)
    [warning] = batch.report.warnings
    assert "'Atlantis' (row 5)" in warning.message


@pytest.mark.shared
def test_real_globalcit_spot_checks(shared_dir: Path) -> None:
    batch = read("globalcit", shared_dir / "data" / "globalcit_citizenship_law" /
                 "globalcit_v3.1_country_year.csv")
    assert batch.report.ok
    law = {(o.country, o.period, o.breakdown["variable"]): o.value for o in batch.observations}
    assert law[("MAR", "2024-01-01", "A06a_yrs_cat")] == 5  # MOR 11(1): 5 years
    assert law[("JPN", "2024-01-01", "A06b_cat")] == 3  # renunciation required
    assert law[("USA", "2024-01-01", "A02a_cat")] == 1  # unconditional ius soli
    assert law[("DEU", "2024-01-01", "A06a_yrs_cat")] == 8  # before the 2024 reform
    assert law[("FRA", "1974-01-01", "dualcit_comb")] == 3


@pytest.mark.shared
def test_real_gcm_tally(shared_dir: Path) -> None:
    batch = read("unga-votes", shared_dir / "data" / "unga_votes_migration" /
                 "unga_migration_votes.csv")
    assert batch.report.ok
    gcm = [i for i in batch.instruments if i.treaty == "gcm-2018"]
    tally = {s: sum(i.status is s for i in gcm) for s in (
        InstrumentStatus.VOTED_YES, InstrumentStatus.VOTED_NO, InstrumentStatus.ABSTAINED)}
    assert list(tally.values()) == [152, 5, 12]
    assert {i.country for i in gcm if i.status is InstrumentStatus.VOTED_NO} == {
        "CZE", "HUN", "ISR", "POL", "USA"}


@pytest.mark.shared
def test_real_visa_and_agreements(shared_dir: Path) -> None:
    data = shared_dir / "data"
    visa = read("visa", data / "visa_requirements" / "passport_index_tidy_iso3_2025-01-12.csv")
    got = {(o.country, o.partner): o.value for o in visa.observations}
    assert got[("FRA", "MAR")] == 5 and got[("MAR", "FRA")] == 1 and got[("DZA", "MAR")] == 5
    assert sum(1 for (c, p), v in got.items() if p == "MAR" and v == 1) == 38  # SOURCE.md
    bla = read("labour-agreements", data / "bilateral_labour_agreements" / "bla_formation.csv")
    morocco = [i for i in bla.instruments if i.country == "MAR"]
    assert len(morocco) == 16
    assert date(1963, 6, 1) in {i.signed for i in morocco if i.parties == ("FRA",)}
