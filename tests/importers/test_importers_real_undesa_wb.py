"""The full UN DESA and World Bank files of ../shared: figures in the store equal those
computed directly from the source CSVs, and UN DESA's published spot-checks hold."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from migprofile.importers.run import diff_sources, import_file
from migprofile.model import Status
from migprofile.store import ObservationFilter, Store

pytestmark = [pytest.mark.shared, pytest.mark.slow]

COUNTRIES = ("FRA", "TUN", "EGY", "TUR", "SEN")
UNDESA = "undesa_migrant_stock"
BILATERAL_2024 = f"{UNDESA}/undesa_ims2024_bilateral_by_sex.csv"
WDI_CSV = "wb_remittances/API_BX.TRF.PWKR.CD.DT_DS2_en_v2_6000901_Data.csv"
WDI_XLS = "wb_remittances/API_BX.TRF.PWKR.CD.DT_DS2_en_excel_v2_6000901.xls"
GDIDATA = "wb_remittances/iom_gdidata_wdi_indicators_1950_2023.csv"
DESTINATION = f"{UNDESA}/undesa_pd_2020_ims_stock_by_sex_and_destination"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _store(path: Path) -> Store:
    return Store.open(f"sqlite:///{path}")


@pytest.fixture(scope="module")
def undesa_2024(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = _store(tmp_path_factory.mktemp("real") / "undesa.db")
    import_file(store, shared_dir / "data" / BILATERAL_2024)
    yield store
    store.close()


def _stored(store: Store, indicator: str, country: str) -> dict[tuple[str, str, str], float]:
    return {(o.partner, o.period, o.sex.value): o.value for o in store.observations(
        ObservationFilter(indicator=indicator, country=country)) if o.value is not None}


def test_undesa_2024_equals_the_csv(undesa_2024: Store, shared_dir: Path) -> None:
    emigrants: dict[str, dict[tuple[str, str, str], float]] = defaultdict(dict)
    immigrants: dict[str, dict[tuple[str, str, str], float]] = defaultdict(dict)
    totals: dict[tuple[str, str, str, str], float] = defaultdict(float)
    for r in _rows(shared_dir / "data" / BILATERAL_2024):
        n, origin = float(r["n"]), "OTH" if r["from"] == "OOO" else r["from"]
        dest = "UN:830" if r["geo"] == "XCX" else r["geo"]
        origin = "UN:830" if origin == "XCX" else origin
        for sex in (r["sex"], "total"):
            if r["from"] in COUNTRIES:
                key = (dest, r["t"], sex)
                emigrants[origin][key] = emigrants[origin].get(key, 0) + n
                totals[("emi", origin, r["t"], sex)] += n
            if r["geo"] in COUNTRIES:
                key = (origin, r["t"], sex)
                immigrants[dest][key] = immigrants[dest].get(key, 0) + n
                totals[("imm", dest, r["t"], sex)] += n
    for country in COUNTRIES:
        stored = _stored(undesa_2024, "emigrant_stock_birth", country)
        expected = dict(emigrants[country])
        expected |= {("WLD", t, s): v for (k, c, t, s), v in totals.items()
                     if k == "emi" and c == country}
        assert stored == expected, country
        stored = _stored(undesa_2024, "immigrant_stock_birth", country)
        expected = dict(immigrants[country])
        expected |= {("WLD", t, s): v for (k, c, t, s), v in totals.items()
                     if k == "imm" and c == country}
        assert stored == expected, country


def test_undesa_2024_spot_checks_of_source_md(undesa_2024: Store) -> None:
    def value(indicator: str, country: str, partner: str) -> float | None:
        found = undesa_2024.observations(ObservationFilter(
            indicator=indicator, country=country, partner=partner, period="2024", sex="total"))
        return found[0].value

    assert value("emigrant_stock_birth", "MAR", "FRA") == 1_066_129
    assert value("emigrant_stock_birth", "MAR", "ESP") == 1_088_408
    assert value("emigrant_stock_birth", "MAR", "WLD") == 3_627_829
    assert value("immigrant_stock_birth", "WLD", "WLD") == 304_021_813
    assert value("emigrant_stock_birth", "IND", "WLD") == 18_533_845
    assert value("immigrant_stock_birth", "USA", "WLD") == 52_375_047
    assert value("emigrant_stock_birth", "MEX", "USA") == 11_279_561


def test_undesa_2020_bilateral_totals_equal_the_official_workbook(
    shared_dir: Path, tmp_path: Path
) -> None:
    """SOURCE.md: every destination total of the 2020 bilateral file equals Table 1."""
    store = _store(tmp_path / "u2020.db")
    import_file(store, shared_dir / "data" / UNDESA / "undesa_ims2020_bilateral_by_sex.csv")
    import_file(store, shared_dir / "data" / f"{DESTINATION}_tables_long.csv")
    diff = diff_sources(store, "undesa-ims-2020", "undesa-ims-2020-destination")
    stock = [row for row in diff.changed if row.key[0] == "immigrant_stock_birth"]
    assert [r for r in stock if r.new is not None and r.new[1] == Status.OBSERVED.value] == []
    # ".." cells of the workbook: the only differences, kept as missing
    assert {r.new[1] for r in stock if r.new is not None} <= {"missing"}
    world = store.observations(ObservationFilter(
        indicator="immigrant_stock_birth", country="WLD", partner="WLD", period="2020",
        source_id="undesa-ims-2020-destination"))
    assert {o.sex.value: o.value for o in world} == {
        "total": 280_598_105, "male": 145_655_844, "female": 134_942_261}
    store.close()


def test_destination_workbook_and_long_csv_give_the_same_observations(
    shared_dir: Path, tmp_path: Path
) -> None:
    observations = []
    for name in ("xlsx", "csv"):
        store = _store(tmp_path / f"{name}.db")
        suffix = ".xlsx" if name == "xlsx" else "_tables_long.csv"
        import_file(store, shared_dir / "data" / f"{DESTINATION}{suffix}")
        observations.append(store.observations())
        store.close()
    assert len(observations[0]) > 5000
    assert observations[0] == observations[1]


def test_wdi_csv_and_xls_equal_the_csv_figures(shared_dir: Path, tmp_path: Path) -> None:
    rows = {r["Country Code"]: r for r in _rows(shared_dir / "data" / WDI_CSV)}
    got = []
    for name in (WDI_CSV, WDI_XLS):
        store = _store(tmp_path / f"{Path(name).suffix}.db")
        batch = import_file(store, shared_dir / "data" / name)
        assert batch.source.id == "wb-wdi-2023-10-26-bx-trf-pwkr-cd-dt"
        got.append(store.observations(ObservationFilter(countries=[*COUNTRIES, "WB:MEA"])))
        store.close()
    assert got[0] == got[1]
    by_key = {(o.country, o.period): o for o in got[0]}
    for country in (*COUNTRIES, "MEA"):
        code = "WB:MEA" if country == "MEA" else country
        for year in range(1970, 2023):
            cell, obs = rows[country][str(year)], by_key[(code, str(year))]
            if cell:
                assert obs.value == float(cell) / 1e6 and obs.status is Status.OBSERVED
            else:
                assert obs.value is None and obs.status is Status.MISSING
    assert by_key[("EGY", "2022")].value == pytest.approx(28_300, abs=100)  # SOURCE.md: 28.3 bn


def test_gdidata_pull_equals_the_csv(shared_dir: Path, tmp_path: Path) -> None:
    store = _store(tmp_path / "gdidata.db")
    import_file(store, shared_dir / "data" / GDIDATA)
    stored = {(o.indicator, o.country, o.period): o.value for o in store.observations(
        ObservationFilter(countries=list(COUNTRIES)))}
    names = {"remin": ("remittance_inflow", 1e6), "remout": ("remittance_outflow", 1e6),
             "gdp": ("gdp", 1e6), "pop": ("population", 1.0), "nmig": ("net_migration", 1.0)}
    expected = {(names[r["var"]][0], r["geo"], r["t"]): float(r["v"]) / names[r["var"]][1]
                for r in _rows(shared_dir / "data" / GDIDATA)
                if r["var"] in names and r["geo"] in COUNTRIES}
    assert stored == expected
    assert (stored[("remittance_inflow", "SEN", "2023")] or 0) > 0
    store.close()
