"""The OECD reader: B11 inflows, statuses, unit multiplier, other measures left out."""

from __future__ import annotations

from pathlib import Path

import pytest
from readers_helpers import read, values

from migprofile.model import Status


def test_inflows() -> None:
    batch = read("oecd", Path("oecd-small.csv"))
    assert batch.report.flatten("column", "type", "message") == [
        ["MEASURE", "measure-skipped", "measures not imported: B12 (1)"]]
    assert batch.source.id == "oecd-imd-2022"
    inflow = values(batch, "immigrant_inflow")
    assert (inflow[("FRA", "WLD", "2019")].value,
            inflow[("FRA", "WLD", "2019")].status) == (268_462, Status.OBSERVED)
    france_2022 = inflow[("FRA", "WLD", "2022")]  # 284.91 thousands, estimated
    assert france_2022.value == pytest.approx(284_910)
    assert france_2022.status is Status.ESTIMATED
    assert inflow[("ESP", "MAR", "2019")].status is Status.PROVISIONAL
    germany = inflow[("DEU", "WLD", "2020")]
    assert (germany.value, germany.status) == (None, Status.MISSING)


@pytest.mark.shared
def test_real_export(shared_dir: Path) -> None:
    batch = read("oecd", shared_dir / "data" / "oecd_imd_partial" /
                 "oecd_imd_B11_inflows_total_by_destination.csv")
    assert batch.report.ok and not batch.report.findings
    inflow = values(batch, "immigrant_inflow")
    assert len(inflow) == 393
    assert {c: inflow[(c, "WLD", "2019")].value for c in ("FRA", "DEU", "USA", "ESP")} == {
        "FRA": 268_462, "DEU": 1_345_943, "USA": 1_031_765, "ESP": 666_022}
