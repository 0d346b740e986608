"""One test per defect class of issue 11 on the import side; each names the defect it
catches. Refusals must leave the database exactly as it was."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from conftest import DATA, fingerprint
from migprofile.errors import FormatNotRecognised, ImportFailed, MigprofileError
from migprofile.importers.base import ReadOptions
from migprofile.importers.numbers import COUNT, GROUPED, PLAIN, CellError, parse_any
from migprofile.importers.run import import_file, pick_reader
from migprofile.store import Store


@pytest.mark.parametrize("text", ["1,5", "nan", "NaN", "inf", "-Infinity", "1e400", "9" * 400,
                                  "1_000", "0x10", "1.2.3", "1 000", "", "--1"])
def test_plain_numbers_refuse_what_float_would_guess(text: str) -> None:
    """Defect: "1,5" read as 15, a 400-digit count stored as +Inf, NaN stored."""
    with pytest.raises(CellError):
        PLAIN.parse(text)


def test_counts_refuse_negatives_and_conventions_are_declared() -> None:
    with pytest.raises(CellError, match="negative"):
        COUNT.parse("-120")
    assert PLAIN.parse("-120") == -120.0
    assert PLAIN.parse("1234.5") == 1234.5 and PLAIN.parse("1e3") == 1000.0
    assert GROUPED.parse("1,234,567") == 1234567.0
    with pytest.raises(CellError):
        GROUPED.parse("1,5")  # not a grouping of thousands: refused, not guessed
    with pytest.raises(CellError):
        parse_any(math.inf, COUNT)
    with pytest.raises(CellError):
        parse_any(True)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_header_only_file_never_wipes_a_source(hostile_store: Store, db_file: Path,
                                               tmp_path: Path) -> None:
    """Defect: a 56-byte header-only KNOMAD file deleted every stored KNOMAD observation."""
    header = (DATA / "knomad-small.csv").read_text(encoding="utf-8").splitlines()[0] + "\n"
    before = fingerprint(db_file)
    for fmt in ("knomad", "auto"):
        with pytest.raises(ImportFailed) as caught:
            import_file(hostile_store, _write(tmp_path, "knomad-small.csv", header), fmt)
        assert caught.value.report is not None
        assert {f.type for f in caught.value.report.errors} == {"empty-file"}
    assert fingerprint(db_file) == before


def test_header_only_treaty_file_flips_no_status(hostile_store: Store, db_file: Path,
                                                 tmp_path: Path) -> None:
    """Defect: a header-only UNTC file set every treaty status to "not ratified"."""
    header = (DATA / "untc-small.csv").read_text(encoding="utf-8").splitlines()[0] + "\n"
    before = fingerprint(db_file)
    with pytest.raises(ImportFailed):
        import_file(hostile_store, _write(tmp_path, "untc-small.csv", header), "treaties")
    assert fingerprint(db_file) == before


def test_a_cut_file_is_refused_unless_replace(hostile_store: Store, db_file: Path,
                                              tmp_path: Path) -> None:
    """Defect: a file cut at a line boundary replaced 33,755 values by 4,235 silently."""
    lines = (DATA / "knomad-small.csv").read_text(encoding="utf-8").splitlines()
    cut = _write(tmp_path, "knomad-small.csv", "\n".join(lines[:3]) + "\n")
    before = fingerprint(db_file)
    with pytest.raises(ImportFailed) as caught:
        import_file(hostile_store, cut, "knomad")
    assert caught.value.report is not None
    message = caught.value.report.errors[0].message
    assert caught.value.report.errors[0].type == "would-shrink"
    assert "observations" in message and "--replace" in message
    assert fingerprint(db_file) == before
    import_file(hostile_store, cut, "knomad", ReadOptions(replace=True))
    assert fingerprint(db_file) != before


UNHCR_FLOWS = ("year,coo_name,coo,coo_iso,coa_name,coa,coa_iso,refugees,asylum_seekers,"
               "refugee_like,oip\n1962,Algeria,ALG,DZA,Malta,MTA,MLT,5,,,\n")


def test_unhcr_flows_are_refused_by_name(hostile_store: Store, db_file: Path,
                                         tmp_path: Path) -> None:
    """Defect: ``import auto flows.csv`` read yearly flows as refugee stocks."""
    flows = _write(tmp_path, "flows.csv", UNHCR_FLOWS)
    before = fingerprint(db_file)
    with pytest.raises(FormatNotRecognised, match="UNHCR flows"):
        pick_reader(flows)
    with pytest.raises(ImportFailed) as caught:
        import_file(hostile_store, flows, "unhcr")
    assert caught.value.report is not None
    assert "flows" in caught.value.report.errors[0].message
    assert fingerprint(db_file) == before


@pytest.mark.parametrize(("fmt", "name", "text"), [
    ("unhcr", "u.csv", "year,coo,coa,refugees,asylum_seekers,idps,stateless,ooc,oip\n"
     "2030,MOR,FRA,{v},0,0,0,0,\n"),
    ("knomad", "k.csv", "sending_country,receiving_country,remittances_musd_2021\n"
     "France,Morocco,{v}\n"),
    ("undesa-bilateral", "undesa_ims2030.csv", "t,geo,from,sex,n,type_b,type_c,type_r,type_i\n"
     "2030,FRA,MAR,female,{v},1,0,0,0\n2030,FRA,MAR,male,{v},1,0,0,0\n"),
])
@pytest.mark.parametrize("value", ["9" * 400, "NaN", '"1,5"', "-120", "1e400"])
def test_readers_refuse_hostile_numbers(hostile_store: Store, db_file: Path, tmp_path: Path,
                                        fmt: str, name: str, text: str, value: str) -> None:
    """Defect: +Inf stored (API then emitted invalid JSON), "1,5" as 15, negative stocks."""
    before = fingerprint(db_file)
    with pytest.raises(ImportFailed) as caught:
        import_file(hostile_store, _write(tmp_path, name, text.format(v=value)), fmt)
    assert caught.value.report is not None
    finding = caught.value.report.errors[0]
    assert finding.location.file and finding.location.row and finding.location.column
    assert fingerprint(db_file) == before


def test_oecd_unit_multiplier_overflow_is_a_finding(hostile_store: Store, tmp_path: Path) -> None:
    """Defect: UNIT_MULT 400 raised OverflowError (a traceback)."""
    lines = (DATA / "oecd-small.csv").read_text(encoding="utf-8").splitlines()
    bad = lines[1].replace(",0,Units,", ",400,Units,")
    with pytest.raises(ImportFailed):
        import_file(hostile_store, _write(tmp_path, "oecd.csv", f"{lines[0]}\n{bad}\n"), "oecd")


def test_junk_workbook_is_an_unreadable_file(hostile_store: Store, tmp_path: Path) -> None:
    """Defect: a junk .xlsx to the template reader ended in a ZipError traceback."""
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)
    with pytest.raises(MigprofileError):
        import_file(hostile_store, junk, "template")
