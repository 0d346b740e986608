"""Importing files: reader choice, idempotence, vintages and diffs, and the CLI commands."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from migprofile.cli import app
from migprofile.errors import FormatNotRecognised, ImportFailed
from migprofile.importers.base import ImportBatch, ReadOptions
from migprofile.importers.registry import load_readers
from migprofile.importers.run import (
    _check_keys,
    diff_sources,
    import_file,
    pick_reader,
    previous_vintage,
    was_skipped,
)
from migprofile.model import LocalizedText, Observation, Sex, Source
from migprofile.store import Store
from migprofile.store.imports import imports

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
runner = CliRunner()


@pytest.fixture
def empty_store(db_url: str) -> Iterator[Store]:
    store = Store.open(db_url)
    yield store
    store.close()


@pytest.mark.parametrize(("name", "reader"), [
    ("undesa-bilateral-small.csv", "undesa-bilateral"),
    ("undesa-destination-small.csv", "undesa-destination"),
    ("wb-api-small.csv", "wb-wdi"),
    ("wb-wrong-format.csv", "wb-wdi"),
    ("wdi-gdidata-small.csv", "wb-gdidata"),
])
def test_the_reader_that_claims_a_file_is_picked(name: str, reader: str) -> None:
    assert pick_reader(DATA / name).name == reader


def test_no_reader_claims_a_text_file(empty_store: Store) -> None:
    with pytest.raises(FormatNotRecognised) as caught:
        import_file(empty_store, DATA / "not-a-known-format.txt")
    assert caught.value.tried == sorted(load_readers())
    assert "undesa-bilateral" in str(caught.value) and "wb-wdi" in str(caught.value)
    with pytest.raises(FormatNotRecognised, match="no reader named 'nope'"):
        import_file(empty_store, DATA / "wb-api-small.csv", "nope")


def test_a_missing_file_fails_cleanly(empty_store: Store) -> None:
    with pytest.raises(ImportFailed, match="no such file"):
        import_file(empty_store, DATA / "absent.csv")


def test_importing_twice_changes_nothing(empty_store: Store) -> None:
    first = import_file(empty_store, DATA / "undesa-bilateral-small.csv")
    counts, version = empty_store.table_counts(), empty_store.data_version()
    again = import_file(empty_store, DATA / "undesa-bilateral-small.csv")
    assert was_skipped(again) and not was_skipped(first)
    assert [f.type for f in again.report] == ["already-imported"]
    assert empty_store.table_counts() == counts and empty_store.data_version() == version
    log = imports(empty_store)
    assert len(log) == 1 and log[0].source_id == "undesa-ims-2024"
    assert log[0].rows == len(first.observations) and log[0].sha256 == first.source.sha256


def test_a_new_edition_is_kept_as_a_vintage(empty_store: Store) -> None:
    import_file(empty_store, DATA / "undesa-bilateral-2020-small.csv")
    import_file(empty_store, DATA / "undesa-bilateral-small.csv")
    assert {s.id for s in empty_store.sources()} == {"undesa-ims-2020", "undesa-ims-2024"}
    assert previous_vintage(empty_store, "undesa-ims-2024") == "undesa-ims-2020"
    assert previous_vintage(empty_store, "undesa-ims-2020") is None
    diff = diff_sources(empty_store, "undesa-ims-2020", "undesa-ims-2024")
    changed = {row.key: (row.old, row.new) for row in diff.changed}
    assert changed[("immigrant_stock_birth", "FRA", "MAR", "1990", "female", "")] == (
        (199000.0, "observed"), (200000.0, "observed"))
    removed = {row.key for row in diff.removed}
    assert ("emigrant_stock_birth", "EGY", "TUN", "1990", "total", "") in removed
    assert ("emigrant_stock_birth", "MAR", "FRA", "2020", "total", "") in removed
    added = {row.key for row in diff.added}
    assert ("emigrant_stock_birth", "MAR", "FRA", "2024", "total", "") in added
    unchanged = ("immigrant_stock_birth", "FRA", "DZA", "1990", "male", "")
    assert unchanged not in changed and unchanged not in removed | added
    assert diff.unchanged > 0 and "added" in diff.summary()


def test_the_same_file_as_another_edition_is_a_new_source(empty_store: Store) -> None:
    import_file(empty_store, DATA / "wb-api-small.csv")
    batch = import_file(empty_store, DATA / "wb-api-small.csv",
                        options=ReadOptions(edition="2023-07-01", accessed="2023-08-01"))
    assert batch.source.id == "wb-wdi-2023-07-01-bx-trf-pwkr-cd-dt"
    assert str(empty_store.source(batch.source.id).accessed) == "2023-08-01"
    assert len(empty_store.sources()) == 2


def test_world_bank_vintages_diff(empty_store: Store) -> None:
    import_file(empty_store, DATA / "wb-api-small.csv")
    new = import_file(empty_store, DATA / "wb-api-2024-small.csv")
    old_id = previous_vintage(empty_store, new.source.id)
    assert old_id == "wb-wdi-2023-10-26-bx-trf-pwkr-cd-dt"
    diff = diff_sources(empty_store, old_id, new.source.id)
    changed = {row.key[1:4]: (row.old, row.new) for row in diff.changed}
    assert changed == {("TUN", "WLD", "2021"): ((None, "missing"), (2600.0, "observed"))}
    assert {row.key[1:4] for row in diff.removed} == {("WB:MEA", "WLD", y)
                                                      for y in ("2019", "2020", "2021", "2022")}
    assert ("MAR", "WLD", "2023") in {row.key[1:4] for row in diff.added}


# -- command line -------------------------------------------------------------------------


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "220"})
    return result.exit_code, result.output


def test_cli_import_sources_and_diff(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    code, out = _run("import", "auto", str(DATA / "undesa-bilateral-2020-small.csv"), "--db", db)
    assert code == 0 and "as source undesa-ims-2020" in out, out
    code, out = _run("import", "undesa-bilateral", str(DATA / "undesa-bilateral-small.csv"),
                     "--db", db)
    assert code == 0 and "undesa-ims-2024" in out, out
    code, out = _run("import", "auto", str(DATA / "undesa-bilateral-small.csv"), "--db", db)
    assert code == 0 and "already imported" in out
    code, out = _run("sources", "--db", db)
    assert code == 0 and "undesa-ims-2020" in out and "undesa-ims-2024" in out
    code, out = _run("diff", "undesa-ims-2024", "--db", db)
    assert code == 0 and "undesa-ims-2024 against undesa-ims-2020" in out, out
    assert "changed" in out and "199,000" in out
    code, out = _run("diff", "undesa-ims-2020", "--db", db)
    assert code == 2 and "no earlier vintage" in out
    code, out = _run("diff", "undesa-ims-2024", "--against", "nope", "--db", db)
    assert code == 2 and "nope" in out


def test_cli_import_errors_and_exit_codes(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    code, out = _run("import", "auto", str(DATA / "not-a-known-format.txt"), "--db", db)
    assert code == 1 and "not recognised by any of" in out
    code, out = _run("import", "nope", str(DATA / "wb-api-small.csv"), "--db", db)
    assert code == 2
    code, out = _run("import", "auto", str(DATA / "undesa-unknown-country.csv"), "--db", db)
    assert code == 1 and "Atlantis" in out and "unknown-area" in out
    code, out = _run("import", "auto", str(DATA / "undesa-unknown-country.csv"),
                     "--allow-unmapped", "--db", db)
    assert code == 0 and "2 unmapped areas" in out and "unmapped-area" in out
    code, out = _run("import", "auto", str(DATA / "wb-api-small.csv"), "--accessed", "May",
                     "--db", db)
    assert code == 2
    code, out = _run("formats")
    assert code == 0 and "undesa-bilateral" in out and "wb-gdidata" in out


def test_reimporting_an_older_file_of_a_source_replaces_the_newer(empty_store: Store,
                                                                  tmp_path: Path) -> None:
    first = DATA / "wb-api-small.csv"
    second = tmp_path / "wb-api-small-revised.csv"
    second.write_text(first.read_text(encoding="utf-8").replace("2049000000", "2000000000"),
                      encoding="utf-8")
    import_file(empty_store, first)
    import_file(empty_store, second)  # same edition, so the same source: replaces the first
    assert not was_skipped(import_file(empty_store, first))
    tunisia = [o.value for o in empty_store.observations() if o.country == "TUN"
               and o.period == "2019"]
    assert tunisia == [2049.0]
    assert len(imports(empty_store)) == 3


def _batch_of(*observations: Observation) -> ImportBatch:
    source = Source(id="s", publisher="p", title=LocalizedText({"en": "t"}))
    return ImportBatch(source=source, format="f", path="f.csv",
                       observations=list(observations))


def test_the_duplicate_check_tells_keys_apart_by_every_part() -> None:
    """The check keeps only hashes of keys: two observations differing by breakdown or sex
    are not duplicates, two with the same key are, wherever they are in the batch."""
    def obs(partner: str = "FRA", sex: Sex = Sex.TOTAL,
            breakdown: dict[str, str] | None = None) -> Observation:
        return Observation("emigrant_stock_birth", "MAR", partner, "2020", 1.0, "s", sex=sex,
                           breakdown=breakdown or {})

    distinct = _batch_of(obs(), obs(sex=Sex.MALE), obs(breakdown={"counted": "cases"}),
                         obs(breakdown={"counted": "persons"}), obs(partner="ESP"))
    _check_keys(distinct)
    assert distinct.report.ok
    twice = _batch_of(obs(breakdown={"counted": "cases"}), *[obs(partner=f"P{i:02d}")
                                                              for i in range(50)],
                      obs(breakdown={"counted": "cases"}))
    _check_keys(twice)
    assert [f.type for f in twice.report.errors] == ["duplicate-key"]
    plain_twice = _batch_of(obs(), obs(sex=Sex.MALE), obs(breakdown={}))
    _check_keys(plain_twice)
    assert [f.type for f in plain_twice.report.errors] == ["duplicate-key"]
