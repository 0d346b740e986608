"""Every number of the seed's tables is stored in the Morocco package (raw values) or
recomputed from it (shares, growth rates, variations) at the precision the seed printed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from migprofile.core import country_overview
from migprofile.indicators.shares import published_equal
from migprofile.indicators.tables import PartnerTable
from migprofile.store import Store

SEED_TABLES = Path(__file__).resolve().parents[1] / "data" / "seed" / "ma-seed-tables.tsv"
# seed row label -> area code in the package
LABELS = {
    "Europe": "MA:europe", "France": "FRA", "Espagne": "ESP", "Italie": "ITA",
    "Pays arabes": "MA:arab-countries", "Libye": "LBY", "Algérie": "DZA",
    "Amérique": "MA:americas", "USA": "USA", "Canada": "CAN", "Autres": "OTH", "Total": "WLD",
    "Maroc": "MAR", "Autres pays": "MA:foreign-nationals", "Mali": "MLI", "Sénégal": "SEN",
    "Côte d'Ivoire": "CIV",
}


def seed_tables() -> dict[str, list[tuple[str, list[str]]]]:
    tables: dict[str, list[tuple[str, list[str]]]] = {}
    current = ""
    for line in SEED_TABLES.read_text(encoding="utf-8").splitlines():
        if line.startswith("# table: "):
            current = line.removeprefix("# table: ")
            tables[current] = []
            continue
        cells = [re.sub(r"</?b>", "", c).strip() for c in line.split("\t")]
        label = cells[0].removeprefix("dont ").strip()
        if label in LABELS:
            tables[current].append((LABELS[label], [c for c in cells[1:] if c]))
    return tables


def _columns(table: PartnerTable) -> list[str]:
    columns = []
    for period in table.periods:
        columns.append(f"value:{period}")
        if "share" in table.measures:
            columns.append(f"share_{period}")
    if table.show_growth:
        columns.append("growth")
    if table.show_variation:
        columns.append("variation")
    return columns


@pytest.fixture(scope="module")
def tables(ma_store: Store) -> dict[str, PartnerTable]:
    return {t.table_id: t for t in country_overview(ma_store, "MA").tables}


@pytest.mark.parametrize("table_id", sorted(seed_tables()))
def test_every_seed_number_is_stored_or_recomputed(tables: dict[str, PartnerTable],
                                                   table_id: str) -> None:
    table = tables[table_id]
    rows = seed_tables()[table_id]
    assert [area for area, _ in rows] == [r.area for r in table.rows]
    checked = 0
    for area, printed in rows:
        columns = _columns(table)
        assert len(printed) == len(columns), (area, printed, columns)
        for column, text in zip(columns, printed, strict=True):
            number = float(text.replace(",", ""))
            if column.startswith("value:"):
                assert table.row(area).value(column.removeprefix("value:")) == number
            else:
                computed = table.derived(area, column)
                assert computed is not None and published_equal(computed, number, 1), \
                    (area, column, computed, number)
            checked += 1
    assert checked == sum(len(p) for _, p in rows)


def test_fixture_is_the_seed(seed_text: str) -> None:
    """The tab-separated tables above were copied from the seed, unchanged."""
    for line in SEED_TABLES.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            assert line in seed_text
