"""Fixtures of the area registry tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from migprofile.geo import AreaRegistry, load_registry

AREAS_DIR = Path(__file__).resolve().parents[2] / "data" / "reference" / "areas"


@pytest.fixture(scope="session")
def areas_dir() -> Path:
    return AREAS_DIR


@pytest.fixture(scope="session")
def registry() -> AreaRegistry:
    """The registry of the bundled reference files (shared: never add to it, use .copy())."""
    return load_registry(AREAS_DIR)
