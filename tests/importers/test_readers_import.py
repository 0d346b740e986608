"""The readers' fixtures through ``import_file``: picked by content, written, idempotent."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from readers_helpers import DATA

from migprofile.errors import ImportFailed
from migprofile.importers.registry import load_readers
from migprofile.importers.run import import_file, pick_reader, was_skipped
from migprofile.store import ObservationFilter, Store

FIXTURES = {
    "unhcr-small.csv": "unhcr",
    "unhcr-applications-small.csv": "unhcr",
    "unhcr-decisions-small.csv": "unhcr",
    "knomad-small.csv": "knomad",
    "knomad-migration-small.csv": "knomad",
    "untc-small.csv": "treaties",
    "wpdl/hr_status_icmw.csv": "treaties",
    "oecd-small.csv": "oecd",
    "template-valid.csv": "template",
    "template-inline-source.csv": "template",
}


@pytest.fixture
def empty_store(db_url: str) -> Iterator[Store]:
    store = Store.open(db_url)
    yield store
    store.close()


@pytest.mark.parametrize(("name", "fmt"), sorted(FIXTURES.items()))
def test_exactly_one_reader_claims_each_fixture(name: str, fmt: str) -> None:
    assert [n for n, r in load_readers().items() if r.claims(DATA / name)] == [fmt]
    assert pick_reader(DATA / name).name == fmt


def test_fixtures_import_once(empty_store: Store) -> None:
    for name in FIXTURES:
        batch = import_file(empty_store, DATA / name)
        assert batch.report.ok, (name, batch.report.findings)
    counts = empty_store.table_counts()
    for name in FIXTURES:
        assert was_skipped(import_file(empty_store, DATA / name)), name
    assert empty_store.table_counts() == counts
    refugees = empty_store.observations(ObservationFilter(indicator="refugees", country="MAR"))
    assert sum(o.value or 0 for o in refugees if o.period == "2001") == 1619


def test_two_treaty_snapshots_coexist(empty_store: Store) -> None:
    import_file(empty_store, DATA / "untc-small.csv")
    import_file(empty_store, DATA / "wpdl/hr_status_icmw.csv")
    counts = empty_store.table_counts()
    assert counts["legal_instruments"] == 8 * 193 + 1 + 5  # members, Holy See; WPDL rows
    assert empty_store.source("untc-status-2015-03-14").sha256


def test_errors_write_nothing(empty_store: Store) -> None:
    with pytest.raises(ImportFailed) as failed:
        import_file(empty_store, DATA / "unhcr-unknown-code.csv")
    assert failed.value.report is not None
    assert failed.value.report.flatten("type") == [["unknown-area"]]
    with pytest.raises(ImportFailed):
        import_file(empty_store, DATA / "template-bad-value.csv")
    assert not empty_store.observations(ObservationFilter(indicator="refugees"))


def test_statuses_survive_the_store(empty_store: Store) -> None:
    import_file(empty_store, DATA / "unhcr-applications-small.csv")
    got = {(o.country, o.partner): o.status.value for o in empty_store.observations(
        ObservationFilter(indicator="asylum_applications"))}
    assert got == {("MAR", "CMR"): "observed", ("MAR", "GIN"): "approximate",
                   ("DEU", "MAR"): "lower_bound", ("GBR", "MAR"): "observed"}
