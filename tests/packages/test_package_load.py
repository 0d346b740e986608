"""Loading country packages: the bundled Morocco package is valid; a broken package fails with
the file, row and column named, and leaves every table of the database as it was."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from migprofile.core import check_country, load_package, read_country_package
from migprofile.errors import PackageError
from migprofile.store import ObservationFilter, Store

REPO = Path(__file__).resolve().parents[2]


def _edit_csv(path: Path, change: Callable[[list[dict[str, str]]], None]) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fields)
        writer.writeheader()
        writer.writerows(rows)


def _find(rows: list[dict[str, str]], **match: str) -> dict[str, str]:
    return next(r for r in rows if all(r[k] == v for k, v in match.items()))


def wrong_total(rows: list[dict[str, str]]) -> None:
    _find(rows, indicator="emigrant_stock", partner="WLD", period="2007-01-01")["value"] = "3292600"


def unknown_country(rows: list[dict[str, str]]) -> None:
    row = _find(rows, indicator="remittance_inflow", partner="ESP", period="2007")
    row["partner"] = "Atlantide"


def non_numeric(rows: list[dict[str, str]]) -> None:
    _find(rows, indicator="remittance_inflow", partner="ITA", period="2008")["value"] = "8 66"


def duplicate_key(rows: list[dict[str, str]]) -> None:
    rows.append(dict(_find(rows, indicator="remittance_inflow", partner="USA", period="2008")))


def missing_source(rows: list[dict[str, str]]) -> None:
    _find(rows, indicator="refugees", partner="WLD")["source"] = "nowhere"


SCENARIOS = {
    "wrong-total": (wrong_total, "wrong-total", "tables.yaml", None, "WLD"),
    "unknown-country": (unknown_country, "unknown-area", "observations.csv", True, "partner"),
    "non-numeric": (non_numeric, "non-numeric", "observations.csv", True, "value"),
    "duplicate-key": (duplicate_key, "duplicate-key", "observations.csv", True, "partner"),
    "missing-source": (missing_source, "unknown-source", "observations.csv", True, "source"),
}


def test_bundled_morocco_package_is_valid() -> None:
    package, report = read_country_package(REPO / "data" / "countries" / "MA")
    assert report.ok, [str(f) for f in report.errors]
    assert package is not None
    assert len(package.observations) >= 80
    assert len(package.footnotes) == 8


def test_check_reports_no_error(ma_store: Store) -> None:
    report = check_country(ma_store, "MA")
    assert report.ok, [str(f) for f in report.errors]


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_broken_package_changes_nothing(store: Store, ma_package_copy: Path,
                                        scenario: str) -> None:
    change, kind, file, has_row, column = SCENARIOS[scenario]
    _edit_csv(ma_package_copy / "observations.csv", change)
    before = store.table_counts()
    observations_before = store.observations(ObservationFilter(country="MAR"))
    with pytest.raises(PackageError) as caught:
        load_package(store, ma_package_copy)
    report = caught.value.report
    assert report is not None
    finding = next(f for f in report.errors if f.type == kind)
    assert finding.location.file is not None and finding.location.file.endswith(file)
    assert (finding.location.row is not None) == bool(has_row)
    assert finding.location.column == column
    assert store.table_counts() == before
    assert store.observations(ObservationFilter(country="MAR")) == observations_before


def test_unknown_name_is_named_in_the_message(ma_package_copy: Path) -> None:
    _edit_csv(ma_package_copy / "observations.csv", unknown_country)
    _, report = read_country_package(ma_package_copy)
    assert any("Atlantide" in f.message for f in report.errors)


def test_package_names_resolve_through_aliases(store: Store, ma_package_copy: Path) -> None:
    def use_names(rows: list[dict[str, str]]) -> None:
        for row in rows:
            row["partner"] = {"ESP": "Espagne", "USA": "Etats-Unis", "CIV": "Côte d'Ivoire",
                              "COD": "République démocratique du Congo"}.get(row["partner"],
                                                                           row["partner"])

    _edit_csv(ma_package_copy / "observations.csv", use_names)
    load_package(store, ma_package_copy)
    partners = {o.partner for o in store.observations(ObservationFilter(country="MAR"))}
    assert {"ESP", "USA", "CIV", "COD"} <= partners


def test_loading_twice_is_idempotent(store: Store) -> None:
    before = store.table_counts()
    load_package(store, REPO / "data" / "countries" / "MA")
    assert store.table_counts() == before


def test_published_mismatch_is_reported(ma_package_copy: Path) -> None:
    path = ma_package_copy / "published.csv"
    text = path.read_text(encoding="utf-8").replace(
        "emigrant_stock_by_residence,ESP,growth,52.2",
        "emigrant_stock_by_residence,ESP,growth,52.3")
    path.write_text(text, encoding="utf-8")
    _, report = read_country_package(ma_package_copy)
    assert sorted({f.type for f in report.errors}) == ["published-mismatch"]


def test_check_runs_the_real_data_checks_on_the_imported_values(
        ma_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """`check` must pass every imported (non-package) observation of the country to the
    real-data checks, with their sources: a check that skipped them would report nothing on
    UN DESA, UNHCR or World Bank values."""
    from migprofile import core
    from migprofile.validate import Report

    seen: list[tuple[int, set[str], int]] = []

    def spy(observations: list[Any], **kwargs: Any) -> Report:
        seen.append((len(observations), {o.source_id for o in observations},
                     len(kwargs.get("sources") or [])))
        return Report(subject="spy")

    monkeypatch.setattr(core, "check_observations", spy)
    core.check_country(ma_store, "MA")
    assert len(seen) == 1
    count, sources, with_provenance = seen[0]
    assert count > 1000 and any(s.startswith("undesa") for s in sources)
    assert not any(s.startswith("ma-") for s in sources)  # the package's own are checked apart
    assert with_provenance == len(sources)


def _declare_convention(package: Path, convention: str) -> None:
    path = package / "sources.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "- id: ma-consulates\n", f"- id: ma-consulates\n  growth_convention: {convention}\n", 1)
    path.write_text(text, encoding="utf-8")


def test_a_source_growth_convention_must_be_a_known_formula(ma_package_copy: Path) -> None:
    _declare_convention(ma_package_copy, "geometric")
    _, report = read_country_package(ma_package_copy)
    [error] = [f for f in report.errors if f.location.column == "growth_convention"]
    assert error.location.file == "MA/sources.yaml" and error.location.row == 3
    assert "geometric" in error.message


def test_a_declared_convention_reaches_the_source(ma_package_copy: Path) -> None:
    _declare_convention(ma_package_copy, "exponential")
    package, report = read_country_package(ma_package_copy)
    assert report.ok
    source = next(s for s in package.sources if s.id == "ma-consulates")
    assert source.growth_convention == "exponential"
