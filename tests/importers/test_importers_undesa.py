"""UN DESA readers on tiny named fixtures: values, totals, statuses, errors (no ../shared)."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest

from migprofile.errors import ImportFailed
from migprofile.importers.base import ReadOptions
from migprofile.importers.run import import_file
from migprofile.model import Observation, Status
from migprofile.store import ObservationFilter, Store

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"


@pytest.fixture
def empty_store(db_url: str) -> Iterator[Store]:
    store = Store.open(db_url)
    yield store
    store.close()


def _values(store: Store, **where: str) -> dict[tuple[str, str, str, str], float | None]:
    return {(o.country, o.partner, o.period, o.sex.value): o.value
            for o in store.observations(ObservationFilter(**where))}  # type: ignore[arg-type]


def _one(store: Store, **where: str) -> Observation:
    found = store.observations(ObservationFilter(**where))  # type: ignore[arg-type]
    assert len(found) == 1, found
    return found[0]


def test_bilateral_gives_emigrants_and_immigrants_by_sex(empty_store: Store) -> None:
    batch = import_file(empty_store, DATA / "undesa-bilateral-small.csv")
    assert batch.format == "undesa-bilateral" and batch.source.id == "undesa-ims-2024"
    assert batch.source.edition == "2024" and batch.source.licence == "CC BY 3.0 IGO"
    emigrants = _values(empty_store, indicator="emigrant_stock_birth", country="MAR")
    assert emigrants[("MAR", "FRA", "2024", "total")] == 1_066_129
    assert emigrants[("MAR", "FRA", "2024", "female")] == 551_085
    immigrants = _values(empty_store, indicator="immigrant_stock_birth", country="FRA")
    assert immigrants[("FRA", "MAR", "1990", "male")] == 250_000
    assert immigrants[("FRA", "OTH", "1990", "total")] == 2_500  # OOO = "Other"
    assert _values(empty_store, indicator="emigrant_stock_birth", country="OTH") == {}
    # XCX = Channel Islands, a region in geo, read as an area of origin
    assert _one(empty_store, indicator="emigrant_stock_birth", country="UN:830",
                partner="FRA", sex="total").value == 30


def test_totals_are_sums_over_origins_and_destinations(empty_store: Store) -> None:
    import_file(empty_store, DATA / "undesa-bilateral-small.csv")
    france = _one(empty_store, indicator="immigrant_stock_birth", country="FRA", partner="WLD",
                  period="1990", sex="total")
    assert france.value == 850_000 + 450_000 + 2_500
    assert "origin" in france.note.text("en")
    morocco = _one(empty_store, indicator="emigrant_stock_birth", country="MAR", partner="WLD",
                   period="1990", sex="male")
    assert morocco.value == 250_000 + 12
    world = _one(empty_store, indicator="immigrant_stock_birth", country="WLD", partner="WLD",
                 period="1990", sex="female")
    assert world.value == 400_000 + 200_000 + 1_000 + 8_000 + 0


def test_missing_and_suppressed_cells_keep_their_status(empty_store: Store) -> None:
    import_file(empty_store, DATA / "undesa-bilateral-small.csv")
    got = {o.sex.value: (o.value, o.status) for o in empty_store.observations(ObservationFilter(
        indicator="immigrant_stock_birth", country="TUN", partner="DZA", period="2024"))}
    assert got == {"female": (None, Status.SUPPRESSED), "male": (9000.0, Status.OBSERVED),
                   "total": (None, Status.SUPPRESSED)}
    got = {o.sex.value: (o.value, o.status) for o in empty_store.observations(ObservationFilter(
        indicator="immigrant_stock_birth", country="TUN", partner="MAR", period="2024"))}
    assert got["female"] == (None, Status.MISSING) and got["total"] == (None, Status.MISSING)
    zero = _one(empty_store, indicator="immigrant_stock_birth", country="TUN", partner="MAR",
                period="1990", sex="female")
    assert zero.value == 0 and zero.status is Status.OBSERVED  # a true zero is kept


def test_unknown_country_lists_every_name_and_writes_nothing(empty_store: Store) -> None:
    before = empty_store.table_counts()
    with pytest.raises(ImportFailed) as caught:
        import_file(empty_store, DATA / "undesa-unknown-country.csv")
    report = caught.value.report
    assert report is not None
    assert report.flatten("row", "column", "type") == [[4, "from", "unknown-area"]]
    message = report.errors[0].message
    assert "'Atlantis' (row 4)" in message and "'QQQ' (row 6)" in message
    assert report.errors[0].location.file == "undesa-unknown-country.csv"
    assert empty_store.table_counts() == before


def test_allow_unmapped_keeps_unknown_names_as_areas(empty_store: Store) -> None:
    batch = import_file(empty_store, DATA / "undesa-unknown-country.csv",
                        options=ReadOptions(allow_unmapped=True))
    assert sorted(a.code for a in batch.areas) == ["UNMAPPED:atlantis", "UNMAPPED:qqq"]
    assert [f.type for f in batch.report.warnings] == ["unmapped-area", "unmapped-area"]
    codes = {a.code: a.kind.value for a in empty_store.areas()}
    assert codes["UNMAPPED:atlantis"] == "unmapped"
    assert _one(empty_store, indicator="immigrant_stock_birth", country="FRA",
                partner="UNMAPPED:atlantis", sex="total").value == 22


def test_truncated_file_names_row_and_column_and_writes_nothing(empty_store: Store) -> None:
    before = empty_store.table_counts()
    with pytest.raises(ImportFailed) as caught:
        import_file(empty_store, DATA / "undesa-truncated.csv")
    assert caught.value.report is not None
    assert caught.value.report.flatten("file", "row", "column", "type") == [
        ["undesa-truncated.csv", 4, "n", "truncated-row"]]
    assert empty_store.table_counts() == before


def test_cut_gzip_stream_is_a_corrupt_file(empty_store: Store, tmp_path: Path) -> None:
    data = gzip.compress((DATA / "undesa-bilateral-small.csv").read_bytes())
    path = tmp_path / "undesa-bilateral-cut.csv.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ImportFailed) as caught:
        import_file(empty_store, path, "undesa-bilateral")
    assert caught.value.report is not None
    assert [f.type for f in caught.value.report.errors] == ["corrupt-file"]
    assert empty_store.count_observations() == 0


def test_bad_encoding_and_bad_values_are_reported(empty_store: Store) -> None:
    with pytest.raises(ImportFailed) as caught:
        import_file(empty_store, DATA / "undesa-bad-encoding.csv", "undesa-bilateral")
    assert caught.value.report is not None
    assert caught.value.report.flatten("row", "type") == [[3, "encoding-error"]]
    with pytest.raises(ImportFailed) as caught:
        import_file(empty_store, DATA / "undesa-bad-values.csv")
    assert caught.value.report is not None
    assert caught.value.report.flatten() == [[3, "n", "invalid-value"], [4, "t", "invalid-value"],
                                             [5, "sex", "invalid-value"]]
    assert empty_store.count_observations() == 0


def test_destination_tables_share_female_refugees(empty_store: Store) -> None:
    batch = import_file(empty_store, DATA / "undesa-destination-small.csv")
    assert batch.format == "undesa-destination"
    assert batch.source.id == "undesa-ims-2020-destination"
    tunisia = {(o.indicator, o.sex.value): (o.value, o.status) for o in
               empty_store.observations(ObservationFilter(country="TUN", partner="WLD"))}
    assert tunisia == {
        ("immigrant_stock_birth", "total"): (60106, Status.OBSERVED),
        ("immigrant_stock_birth", "male"): (31000, Status.OBSERVED),
        ("immigrant_stock_birth", "female"): (29106, Status.OBSERVED),
        ("immigrant_stock_share_population", "total"): (0.508, Status.OBSERVED),
        ("immigrant_female_share", "total"): (48.4, Status.OBSERVED),
        ("refugees_and_asylum_seekers", "total"): (None, Status.SUPPRESSED),
    }
    assert _one(empty_store, country="WLD").value == 280_598_105
    assert _one(empty_store, country="UN:021").value == 15.9  # NORTHERN AMERICA, by name
    assert _one(empty_store, country="MYT").status is Status.MISSING  # ".."
    skipped = [f.message for f in batch.report if f.type == "not-imported"]
    assert len(skipped) == 3  # Developed regions; Table 5; Table 6's percentage


def test_countries_option_keeps_rows_about_those_countries(empty_store: Store) -> None:
    batch = import_file(empty_store, DATA / "undesa-bilateral-small.csv",
                        options=ReadOptions(countries=frozenset({"MAR"})))
    assert batch.observations and {o.country for o in batch.observations} == {"MAR"}


def test_destination_workbook_layout(empty_store: Store, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    default = book.active
    assert default is not None
    default.title = "Table of contents"
    sheet = book.create_sheet("Table 3")
    title = "International migrant stock as a percentage of the total population"
    rows: list[list[object]] = [["", "", "", "", "International Migrant Stock 2020"]]
    rows += [[] for _ in range(4)]
    rows.append(["", "", "", "", "", f"{title}, both sexes combined", "", f"{title}, males"])
    rows += [[], [], ["", "Region, development group, country or area", "Notes",
                      "Location code", "Type of data", 2015, 2020, 2015, 2020],
             [1, "WORLD", "", 900, "", 3.4, 3.6, 3.5, 3.7],
             [40, "  Tunisia", "", 788, "B R", 0.5, 0.508, "~", 0.51]]
    for row in rows:
        sheet.append(row)
    path = tmp_path / "undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx"
    book.save(path)
    batch = import_file(empty_store, path)
    assert batch.format == "undesa-destination" and batch.source.edition == "2020"
    got = {(o.country, o.period, o.sex.value): (o.value, o.status.value)
           for o in empty_store.observations()}
    assert got == {
        ("WLD", "2015", "total"): (3.4, "observed"), ("WLD", "2020", "total"): (3.6, "observed"),
        ("WLD", "2015", "male"): (3.5, "observed"), ("WLD", "2020", "male"): (3.7, "observed"),
        ("TUN", "2015", "total"): (0.5, "observed"), ("TUN", "2020", "total"): (0.508, "observed"),
        ("TUN", "2015", "male"): (None, "suppressed"), ("TUN", "2020", "male"): (0.51, "observed"),
    }
