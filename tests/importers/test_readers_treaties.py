"""The treaties reader: UNTC 2015 tidy table, WPDL 2022 ICMW table, newest snapshot."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from readers_helpers import read

from migprofile.importers.treaties import catalogue, current_instruments, un_members
from migprofile.model import InstrumentKind, InstrumentStatus, LegalInstrument

TREATIES = Path("treaty_ratifications")


def _by_id(instruments: list[LegalInstrument]) -> dict[str, LegalInstrument]:
    return {i.id: i for i in instruments}


def test_tidy_table() -> None:
    batch = read("treaties", Path("untc-small.csv"))
    assert batch.report.ok and not batch.report.warnings, batch.report.findings
    assert batch.source.id == "untc-status-2015-03-14"
    found = _by_id(batch.instruments)
    morocco = found["untc:refugees-1951:MAR"]
    assert (morocco.status, morocco.ratified, morocco.signed) == (
        InstrumentStatus.RATIFIED, date(1956, 11, 7), None)
    assert morocco.notes.text("en") == "Succession (d)"
    assert morocco.kind is InstrumentKind.MULTILATERAL and morocco.as_of == date(2015, 3, 14)
    assert morocco.short_name.text("fr") == "Convention de 1951"
    assert morocco.adopted == date(1951, 7, 28) and morocco.number == "UNTC V-2"
    france = found["untc:refugees-1951:FRA"]
    assert (france.signed, france.ratified) == (date(1952, 9, 11), date(1954, 6, 23))
    assert found["untc:refugees-1951:VAT"].status is InstrumentStatus.RATIFIED  # not a member
    assert found["untc:migrant-workers-1990:SRB"].status is InstrumentStatus.SIGNED
    assert found["untc:migrant-workers-1990:TUN"].status is InstrumentStatus.UNKNOWN
    assert found["untc:migrant-workers-1990:FRA"].status is InstrumentStatus.NOT_RATIFIED
    assert "untc:organized-crime-2000:EU27" not in found
    assert not [i for i in batch.instruments if "firearms" in i.id]


def test_every_un_member_gets_a_status_for_every_treaty() -> None:
    batch = read("treaties", Path("untc-small.csv"))
    per_treaty = {key: {i.country for i in batch.instruments if f":{key}:" in i.id}
                  for key in catalogue(tidy=True)}
    assert len(un_members()) == 193
    for key, countries in per_treaty.items():
        assert un_members() <= countries, key
    assert batch.report.flatten("row", "type") == [
        [6, "participant-without-date"], [8, "not-a-country"], [None, "treaty-skipped"]]


def test_countries_option() -> None:
    batch = read("treaties", Path("untc-small.csv"), countries=frozenset({"MAR"}))
    assert {i.country for i in batch.instruments} == {"MAR"}
    assert len(batch.instruments) == len(catalogue(tidy=True))


def test_wpdl_icmw_table() -> None:
    batch = read("treaties", Path("wpdl/hr_status_icmw.csv"))
    assert batch.report.ok and not batch.report.findings
    assert batch.source.id == "untc-status-2022-05-29-migrant-workers-1990"
    found = _by_id(batch.instruments)
    morocco = found["untc:migrant-workers-1990:MAR:2022"]
    assert (morocco.status, morocco.years, morocco.ratified) == (
        InstrumentStatus.RATIFIED, (1993,), None)
    assert found["untc:migrant-workers-1990:TLS:2022"].years == (2004,)  # iso2 "TP"
    assert found["untc:migrant-workers-1990:SRB:2022"].status is InstrumentStatus.SIGNED
    assert found["untc:migrant-workers-1990:NAM:2022"].status is InstrumentStatus.NOT_RATIFIED


def test_the_newer_snapshot_wins_and_keeps_the_exact_date() -> None:
    old = read("treaties", Path("untc-small.csv")).instruments
    new = read("treaties", Path("wpdl/hr_status_icmw.csv")).instruments
    current = _by_id(list(current_instruments([*old, *new])))
    morocco = current["untc:migrant-workers-1990:MAR:2022"]
    assert "untc:migrant-workers-1990:MAR" not in current
    assert (morocco.ratified, morocco.signed) == (date(1993, 6, 21), date(1991, 8, 15))
    assert morocco.as_of == date(2022, 5, 29)
    assert current["untc:refugees-1951:MAR"].as_of == date(2015, 3, 14)  # no newer one
    assert current["untc:migrant-workers-1990:SRB:2022"].status is InstrumentStatus.SIGNED


@pytest.mark.shared
def test_real_ratifications(shared_dir: Path) -> None:
    folder = shared_dir / "data" / TREATIES
    old = read("treaties", folder / "untc_migration_treaties_2015_tidy.csv")
    new = read("treaties", folder / "un_hr_treaties_wpdl_2022" / "hr_status_icmw.csv")
    assert old.report.ok and new.report.ok and not old.report.warnings
    found = _by_id(old.instruments)
    assert found["untc:refugees-1951:MAR"].ratified == date(1956, 11, 7)  # succession (d)
    assert found["untc:refugees-protocol-1967:MAR"].ratified == date(1971, 4, 20)
    assert found["untc:trafficking-protocol-2000:MAR"].ratified == date(2011, 4, 25)
    assert found["untc:smuggling-protocol-2000:MAR"].status is InstrumentStatus.NOT_RATIFIED
    assert found["untc:refugees-1951:FRA"].ratified == date(1954, 6, 23)
    ratified = [i for i in old.instruments if i.status is InstrumentStatus.RATIFIED]
    assert sum(":refugees-1951:" in i.id for i in ratified) == 145  # UNTC count, March 2015
    current = {(i.country, i.id.split(":")[1]): i for i in current_instruments(
        [*old.instruments, *new.instruments])}
    icmw = {c: current[(c, "migrant-workers-1990")]
            for c in ("MAR", "FRA", "TUN", "EGY", "TUR", "SEN")}
    assert {c: i.status.value for c, i in icmw.items()} == {
        "MAR": "ratified", "FRA": "not_ratified", "TUN": "not_ratified",
        "EGY": "ratified", "TUR": "ratified", "SEN": "ratified"}
    assert {c: i.ratified for c, i in icmw.items() if i.ratified} == {
        "MAR": date(1993, 6, 21), "EGY": date(1993, 2, 19), "TUR": date(2004, 9, 27),
        "SEN": date(1999, 6, 9)}
    parties = [i for i in new.instruments if i.status is InstrumentStatus.RATIFIED]
    assert len(parties) == 57  # SOURCE.md: 57 UN-member parties in 2022
