"""The KNOMAD reader: long CSV and workbook, both matrices, names, residual groups."""

from __future__ import annotations

from pathlib import Path

import pytest
from readers_helpers import read, values

from migprofile.model import Status

KNOMAD = Path("knomad_bilateral")


def test_remittance_matrix_long_csv() -> None:
    batch = read("knomad", Path("knomad-small.csv"))
    assert batch.report.ok and not batch.report.warnings, batch.report.findings
    assert batch.source.id == "knomad-remittances-2021"
    assert batch.source.edition == "December 2022"
    inflow = values(batch, "remittance_inflow")
    assert inflow[("MAR", "FRA", "2021")].value == pytest.approx(3416.4771303706348)
    assert inflow[("MAR", "WLD", "2021")].value == pytest.approx(10704.83003789597)
    assert inflow[("CHN", "PRK", "2021")].value == 1.5  # "Korea, Dem. Rep." (mappings)
    outflow = values(batch, "remittance_outflow")
    assert outflow[("MAR", "WLD", "2021")].value == 688.1
    assert outflow[("EGY", "WLD", "2021")].value == 360.2
    assert not [o for o in batch.observations if o.country == "WLD"]  # WORLD -> WORLD


def test_migration_matrix_residuals_and_missing_cell() -> None:
    batch = read("knomad", Path("knomad-migration-small.csv"))
    assert batch.report.flatten("type") == [["residual-skipped"]]
    assert batch.source.id == "knomad-migrants-2021"
    emigrants = values(batch, "emigrant_stock_knomad")
    assert emigrants[("MAR", "FRA", "2021")].value == 1_019_545
    assert emigrants[("MAR", "WLD", "2021")].value == 3_227_375
    assert values(batch, "immigrant_stock_knomad")[("PRT", "GNB", "2021")].value == 25_000
    latvia = values(batch, "immigrant_stock_knomad")[("LVA", "GHA", "2021")]
    assert (latvia.value, latvia.status) == (None, Status.MISSING)  # "…"


@pytest.mark.shared
@pytest.mark.parametrize("name", ["bilateral_remittance_matrix_2021.xlsx",
                                  "bilateral_remittance_matrix_2021_long.csv"])
def test_real_remittance_matrix(shared_dir: Path, name: str) -> None:
    batch = read("knomad", shared_dir / "data" / KNOMAD / name)
    assert batch.report.ok and not batch.report.findings
    inflow = values(batch, "remittance_inflow")
    assert inflow[("MAR", "WLD", "2021")].value == pytest.approx(10_704.83, abs=0.01)
    top = sorted((o for (c, p, _), o in inflow.items() if c == "MAR" and p != "WLD"),
                 key=lambda o: -(o.value or 0))[:4]
    assert [o.partner for o in top] == ["FRA", "ESP", "ITA", "BEL"]  # SOURCE.md
    assert len(batch.observations) == 20_847


@pytest.mark.shared
def test_real_migration_workbook_equals_its_long_form(shared_dir: Path) -> None:
    workbook = read("knomad", shared_dir / "data" / KNOMAD /
                    "bilateral_migration_matrix_2021_latest.xlsx")
    long = read("knomad", shared_dir / "data" / KNOMAD /
                "bilateral_migration_matrix_2021_latest_long.csv")
    assert {o.key: o.value for o in workbook.observations} == \
        {o.key: o.value for o in long.observations}
    assert values(long, "emigrant_stock_knomad")[("MAR", "ESP", "2021")].value == 785_884
