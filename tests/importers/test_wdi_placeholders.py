"""A 0 in a World Bank amount is no measurement (importers/wdi_placeholders.py): the rule,
and the comparison of the two files it was decided from (skipped without ../shared)."""

from __future__ import annotations

import csv
from pathlib import Path

from migprofile.importers.wdi_placeholders import is_placeholder, read_cell
from migprofile.model import Status


def test_a_zero_amount_is_missing_a_zero_count_is_not() -> None:
    assert read_cell("BX.TRF.PWKR.CD.DT", 0.0, Status.OBSERVED) == (None, Status.MISSING)
    assert read_cell("NY.GDP.MKTP.CD", 12.5, Status.OBSERVED) == (12.5, Status.OBSERVED)
    assert not is_placeholder("SM.POP.NETM", 0.0)  # net migration can be measured as 0


def _official(path: Path) -> dict[tuple[str, str], str]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    head = next(i for i, r in enumerate(rows) if r and r[0] == "Country Name")
    years = rows[head][4:]
    return {(r[1], y): v for r in rows[head + 1:] if len(r) > 4
            for y, v in zip(years, r[4:], strict=False) if y.strip()}


def test_every_extraction_zero_is_blank_or_a_zero_run_in_the_official_file(
        shared_dir: Path) -> None:
    folder = shared_dir / "data" / "wb_remittances"
    official = _official(folder / "API_BX.TRF.PWKR.CD.DT_DS2_en_v2_6000901_Data.csv")
    blank = zero = 0
    with (folder / "iom_gdidata_wdi_indicators_1950_2023.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["var"] != "remin" or row["v"] in ("", "NA") or float(row["v"]) != 0:
                continue
            cell = official.get((row["geo"], row["t"]))
            if cell is None:
                continue
            assert cell == "" or float(cell) == 0, (row, cell)  # never a measured amount
            blank += cell == ""
            zero += cell != ""
    assert (blank, zero) == (152, 198)
