"""The typed profile spec: a malformed block is a SpecError naming file and key when the spec
is read; every registered kind is assembled; a package's profile.yaml extends or replaces
blocks; check-style coverage finds package tables no block prints."""

from __future__ import annotations

from pathlib import Path

import pytest

from migprofile.errors import SpecError
from migprofile.profiles.assemble import SPEC_PATH, Assembler, standard_spec
from migprofile.profiles.spec import BLOCKS, read_spec, spec_coverage, with_package


def _spec(tmp_path: Path, blocks: str) -> Path:
    path = tmp_path / "spec.yaml"
    path.write_text("sections:\n  - id: demo\n    title: T\n    blocks:\n" + blocks,
                    encoding="utf-8")
    return path


def test_the_standard_spec_reads() -> None:
    spec = read_spec(SPEC_PATH)
    assert [s.id for s in spec.sections] == ["demographic_economic", "legal", "socio_political"]


def test_every_block_kind_has_a_handler() -> None:
    assert all(hasattr(Assembler, f"b_{kind}") for kind in BLOCKS)


@pytest.mark.parametrize(("blocks", "message"), [
    ("      - auto_tabel: {id: x}\n", "sections[0].blocks[0]: unknown block kind 'auto_tabel'"),
    ("      - auto_table: {id: x, indicator: y, caption: c, tops: 3}\n",
     "blocks[0].auto_table: unknown argument(s) 'tops'"),
    ("      - auto_table: {id: x, caption: c}\n",
     "blocks[0].auto_table: missing argument(s) 'indicator'"),
    ("      - auto_table: {id: x, indicator: y, caption: c, top: many}\n",
     "blocks[0].auto_table.top: expected a whole number"),
    ("      - side_by_side: {titles: [A, B], left: [{headng: x}]}\n",
     "side_by_side.left[0]: unknown block kind 'headng'"),
])
def test_a_malformed_block_names_file_and_key(tmp_path: Path, blocks: str,
                                              message: str) -> None:
    with pytest.raises(SpecError) as caught:
        read_spec(_spec(tmp_path, blocks))
    assert "spec.yaml" in str(caught.value) and message in str(caught.value)


def test_a_package_extends_and_replaces_blocks(tmp_path: Path) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text(
        "replace:\n  emigrants_undesa: {table: my_emigrants}\n"
        "extend:\n  legal: [{heading: Readmission}]\n", encoding="utf-8")
    spec = with_package(standard_spec(), profile)
    text = repr(spec.as_mapping())
    assert "my_emigrants" in text and "emigrants_undesa" not in text
    assert spec.sections[1].blocks[-1] == {"heading": "Readmission"}


def test_a_package_spec_with_a_typo_is_refused(tmp_path: Path) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text("extend:\n  legall: [{heading: X}]\n", encoding="utf-8")
    with pytest.raises(SpecError, match=r"extend\.legall: no such section"):
        with_package(standard_spec(), profile)


def test_coverage_reports_tables_no_block_prints() -> None:
    report = spec_coverage(standard_spec(), "TUN", ["emigrant_stock_by_residence",
                                                    "tunisians_abroad"], ["demo_intro"])
    types = {(f.type, f.message.split("'")[1]) for f in report.findings}
    assert ("unprinted-table", "tunisians_abroad") in types
    assert ("block-without-data", "residence_permits_by_nationality") in types
    assert not any(t == "unprinted-table" and n == "emigrant_stock_by_residence"
                   for t, n in types)
