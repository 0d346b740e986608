"""World Bank readers on tiny named fixtures: preamble, units, aggregates, statuses, errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from migprofile.errors import ImportFailed
from migprofile.importers.run import import_file
from migprofile.model import Status
from migprofile.store import ObservationFilter, Store

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"


@pytest.fixture
def empty_store(db_url: str) -> Iterator[Store]:
    store = Store.open(db_url)
    yield store
    store.close()


def _series(store: Store, indicator: str, country: str) -> dict[str, tuple[float | None, str]]:
    return {o.period: (o.value, o.status.value) for o in store.observations(
        ObservationFilter(indicator=indicator, country=country, partner="WLD"))}


def test_api_csv_with_preamble(empty_store: Store) -> None:
    batch = import_file(empty_store, DATA / "wb-api-small.csv")
    assert batch.format == "wb-wdi"
    assert batch.source.id == "wb-wdi-2023-10-26-bx-trf-pwkr-cd-dt"
    assert batch.source.edition == "2023-10-26" and batch.source.licence == "CC BY 4.0"
    assert "million" in batch.source.note.text("en")
    morocco = _series(empty_store, "remittance_inflow", "MAR")
    assert morocco == {"2019": (6966710532.3 / 1e6, "observed"),
                       "2020": (7418949487.6 / 1e6, "observed"),
                       "2021": (9319946700.5 / 1e6, "observed"),
                       "2022": (11166350016.4 / 1e6, "observed")}  # 1960: no economy has data
    assert _series(empty_store, "remittance_inflow", "TUN")["2021"] == (None, "missing")
    assert _series(empty_store, "remittance_inflow", "WB:MEA")["2022"] == (66000.0, "observed")
    assert _series(empty_store, "remittance_inflow", "WLD")["2022"][0] == pytest.approx(766848.27)


def test_gdidata_pull(empty_store: Store) -> None:
    batch = import_file(empty_store, DATA / "wdi-gdidata-small.csv")
    assert batch.format == "wb-gdidata" and batch.source.id == "wb-wdi-gdidata-2025-02-07"
    got = {(o.indicator, o.country, o.period): (o.value, o.status) for o in
           empty_store.observations()}
    assert got == {
        ("gdp", "EGY", "2022"): (476747.72, Status.OBSERVED),
        ("net_migration", "EGY", "2022"): (-29038, Status.OBSERVED),
        ("population", "EGY", "2022"): (111_000_000, Status.OBSERVED),
        ("remittance_inflow", "EGY", "2022"): (28331.0, Status.OBSERVED),
        ("remittance_outflow", "EGY", "2022"): (None, Status.MISSING),
        ("remittance_inflow", "SEN", "2023"): (None, Status.MISSING),
        ("remittance_outflow", "TUR", "2023"): (1200.0, Status.OBSERVED),
    }
    assert [f.message for f in batch.report if f.type == "not-imported"] == [
        "1 row(s) of variable 'unem' not imported"]


def test_wrong_columns_name_the_missing_column(empty_store: Store) -> None:
    before = empty_store.table_counts()
    with pytest.raises(ImportFailed) as caught:
        import_file(empty_store, DATA / "wb-wrong-format.csv")
    assert caught.value.report is not None
    assert caught.value.report.flatten("file", "row", "column", "type") == [
        ["wb-wrong-format.csv", 1, "Indicator Code", "missing-column"]]
    assert empty_store.table_counts() == before


def test_unknown_indicator_is_an_error(empty_store: Store) -> None:
    with pytest.raises(ImportFailed) as caught:
        import_file(empty_store, DATA / "wb-unknown-indicator.csv")
    assert caught.value.report is not None
    assert caught.value.report.flatten("column", "type") == [["Indicator Code",
                                                              "unknown-indicator"]]
    assert "FP.CPI.TOTL.ZG" in caught.value.report.errors[0].message


def test_workbook_of_the_download(empty_store: Store, tmp_path: Path) -> None:
    from datetime import date

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Data"
    for row in (["Data Source", "World Development Indicators"],
                ["Last Updated Date", date(2023, 10, 26)], [],
                ["Country Name", "Country Code", "Indicator Name", "Indicator Code", "2021",
                 "2022"],
                ["Morocco", "MAR", "Personal remittances, received (current US$)",
                 "BX.TRF.PWKR.CD.DT", 9319946700.5, 11166350016.4],
                ["Tunisia", "TUN", "Personal remittances, received (current US$)",
                 "BX.TRF.PWKR.CD.DT", None, 2859000000]):
        sheet.append(row)
    path = tmp_path / "API_BX.TRF.PWKR.CD.DT_DS2_en_excel_v2_1.xlsx"
    book.save(path)
    batch = import_file(empty_store, path)
    assert batch.format == "wb-wdi" and batch.source.edition == "2023-10-26"
    assert _series(empty_store, "remittance_inflow", "MAR") == {
        "2021": (9319946700.5 / 1e6, "observed"), "2022": (11166350016.4 / 1e6, "observed")}
    assert _series(empty_store, "remittance_inflow", "TUN")["2021"] == (None, "missing")


def test_a_corrupt_workbook_is_reported(empty_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "API_BX.TRF.PWKR.CD.DT_DS2_en_excel_v2_1.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0 this is not a workbook")
    with pytest.raises(ImportFailed) as caught:
        import_file(empty_store, path)
    assert caught.value.report is not None
    assert caught.value.report.flatten("file", "type") == [[path.name, "corrupt-file"]]
    assert empty_store.count_observations() == 0
