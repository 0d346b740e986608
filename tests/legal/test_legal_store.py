"""The legal store: the shared treaties reference, the current status of each treaty
(newest snapshot wins), and two packages citing the same convention."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from migprofile.core import load_package
from migprofile.importers.run import import_file
from migprofile.model import InstrumentStatus
from migprofile.store import Store
from migprofile.store.legal import treaties, treaty_status

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"


def test_the_reference_is_written_by_init(store: Store) -> None:
    ref = treaties(store)
    assert ref["refugees-protocol-1967"].row == "refugees"
    assert ref["refugees-protocol-1967"].grammar == {"fr": "m.sg", "ar": "m"}
    assert ref["gcm-2018"].framework == "socio_political"
    assert ref["torture-1984"].title.text("ar")


@pytest.mark.parametrize("order", ["old-first", "new-first"])
def test_the_newest_snapshot_wins(store: Store, order: str) -> None:
    files = [DATA / "untc-small.csv", DATA / "wpdl" / "hr_status_icmw.csv"]
    for path in files if order == "old-first" else files[::-1]:
        import_file(store, path, "treaties")
    status = {i.treaty: i for i in treaty_status(store, country="MAR")}
    icmw = status["migrant-workers-1990"]
    assert icmw.as_of == date(2022, 5, 29)  # the 2015 snapshot would give 2015-03-14
    assert icmw.ratified == date(1993, 6, 21)  # exact date kept from the older snapshot
    assert status["refugees-1951"].as_of == date(2015, 3, 14)  # no newer snapshot
    # one status per (treaty, country) whatever the number of snapshots
    every = treaty_status(store, treaty="migrant-workers-1990")
    assert len(every) == len({i.country for i in every})
    # France: "not ratified" in both; Serbia signed in 2015 and in 2022
    assert {i.country: i.status for i in every}["SRB"] is InstrumentStatus.SIGNED


def test_a_second_package_citing_the_same_convention_links_to_it(
        store: Store, ma_package_copy: Path) -> None:
    """Before instrument ids were per country, this failed with a raw IntegrityError."""
    package = ma_package_copy / "package.yaml"
    package.write_text(re.sub(r"^country: MAR", "country: TUN", package.read_text("utf-8"),
                              flags=re.M), encoding="utf-8")
    load_package(store, ma_package_copy)
    both = {i.country: i for i in store.instruments() if i.id == "un-cmw-1990"}
    assert set(both) == {"MAR", "TUN"}
    assert {i.treaty for i in both.values()} == {"migrant-workers-1990"}
    # a package's citation is not a status snapshot: it does not enter treaty_status
    assert not [i for i in treaty_status(store, country="TUN")]
