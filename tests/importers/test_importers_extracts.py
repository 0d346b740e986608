"""The bundled extracts: listed in the manifest, imported by init, small, and up to date."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from migprofile.importers.base import sha256_of
from migprofile.importers.extracts import extracts_dir, load_bundled_extracts, read_manifest
from migprofile.importers.run import pick_reader, was_skipped
from migprofile.store import Store
from migprofile.store.imports import imports

REPO = Path(__file__).resolve().parents[2]
MANIFEST = read_manifest(extracts_dir())
OURS = {"undesa-bilateral", "undesa-destination", "wb-wdi", "wb-gdidata"}


@pytest.fixture
def empty_store(db_url: str) -> Iterator[Store]:
    store = Store.open(db_url)
    yield store
    store.close()


def _derive_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("derive_extracts",
                                                  REPO / "scripts" / "derive_extracts.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_manifest_lists_existing_files_that_their_reader_claims() -> None:
    assert {e.format for e in MANIFEST} >= OURS
    for entry in MANIFEST:
        path = extracts_dir() / entry.file
        assert path.is_file(), entry.file
        assert pick_reader(path).name == entry.format, entry.file
        assert len(entry.original_sha256) == 64


def test_extracts_stay_small() -> None:
    total = sum((extracts_dir() / e.file).stat().st_size for e in MANIFEST)
    assert total < 5_000_000, total


@pytest.mark.slow
def test_extracts_record_the_original_sha256(empty_store: Store) -> None:
    batches = load_bundled_extracts(empty_store)
    assert [b.format for b in batches] == [e.format for e in MANIFEST]
    for entry, batch in zip(MANIFEST, batches, strict=True):
        assert batch.report.ok, batch.report.findings
        if entry.format in OURS:
            assert not batch.report.warnings, batch.report.findings
        assert batch.source.id == entry.source_id
        assert empty_store.source(entry.source_id).sha256 == entry.original_sha256
    logged = {r.source_id: r.sha256 for r in imports(empty_store)}
    for entry in MANIFEST:
        assert logged[entry.source_id] == sha256_of(extracts_dir() / entry.file)
    counts = empty_store.table_counts()
    assert all(was_skipped(b) for b in load_bundled_extracts(empty_store))
    assert empty_store.table_counts() == counts


@pytest.mark.shared
@pytest.mark.slow
def test_extracts_are_derived_deterministically(shared_dir: Path, tmp_path: Path) -> None:
    module = _derive_module()
    assert module.main(["--shared", str(shared_dir / "data"), "--out", str(tmp_path)]) == 0
    for name in ["manifest.yaml", *(e.file for e in MANIFEST)]:
        fresh = hashlib.sha256((tmp_path / name).read_bytes()).hexdigest()
        bundled = hashlib.sha256((extracts_dir() / name).read_bytes()).hexdigest()
        assert fresh == bundled, f"{name} is out of date: run scripts/derive_extracts.py"
    for entry in MANIFEST:
        assert sha256_of(shared_dir / "data" / entry.original) == entry.original_sha256
