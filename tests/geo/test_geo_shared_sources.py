"""Every area name and code of the real source files resolves (needs ../shared)."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from migprofile.errors import UnknownAreaError
from migprofile.geo import AreaRegistry

pytestmark = pytest.mark.shared

REPO = Path(__file__).resolve().parents[2]

# iso3 of the IOM table -> area, where it is not the same code
IOM_CODES = {"XCX": "UN:830", "OOO": "OTH", "STL": "STL"}
# UNHCR iso_code -> area, where it is not the same code
UNHCR_ISO = {"XXA": "STL", "XXX": "UNK", "": None}
UNHCR_NO_ISO = {"CUR": "CUW", "TIB": "TIB"}  # UNHCR codes without an ISO code -> area
UNHCR_UNMAPPED = {"CRB"}  # no ISO code, no name, no data row in the source


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_undesa_iom_name_and_code_resolves(
    registry: AreaRegistry, shared_dir: Path
) -> None:
    rows = _rows(shared_dir / "data" / "undesa_migrant_stock" / "iom_gdidata_countrynames.csv")
    assert len(rows) == 257
    wrong = []
    for row in rows:
        expected = IOM_CODES.get(row["iso3"], row["iso3"])
        if registry.try_resolve(row["iso3"]) != expected:
            wrong.append((row["iso3"], registry.try_resolve(row["iso3"])))
        # IOM names its OOO row "Unknown" though UN DESA's label for code 2003 is "Other"
        by_name = "UNK" if row["iso3"] == "OOO" else expected
        for column in ("name", "name_sort", "name_text"):
            if registry.try_resolve(row[column]) != by_name:
                wrong.append((row[column], registry.try_resolve(row[column])))
        if row["m49"] and row["iso3"] not in ("OOO", "XCX"):
            assert registry.resolve(row["m49"]) == expected
    assert wrong == []


def test_every_unhcr_code_and_name_resolves(registry: AreaRegistry, shared_dir: Path) -> None:
    rows = _rows(shared_dir / "data" / "unhcr_refugee_statistics" / "countries.csv")
    assert len(rows) == 232
    wrong = []
    for row in rows:
        code = row["unhcr_code"]
        if code in UNHCR_UNMAPPED:
            with pytest.raises(UnknownAreaError):
                registry.resolve(code, scheme="unhcr")
            continue
        expected = UNHCR_ISO.get(row["iso_code"], row["iso_code"]) or UNHCR_NO_ISO[code]
        for text in (code, f"UNHCR:{code}"):
            got = registry.try_resolve(text, scheme="unhcr")
            if got != expected:
                wrong.append((text, got, expected))
        if row["name"].strip() and registry.try_resolve(row["name"]) != expected:
            wrong.append((row["name"], registry.try_resolve(row["name"]), expected))
    assert wrong == []


def test_every_world_bank_economy_and_aggregate_resolves(
    registry: AreaRegistry, shared_dir: Path
) -> None:
    folder = shared_dir / "data" / "wb_remittances"
    rows = _rows(folder / "API_BX.TRF.PWKR.CD.DT_DS2_en_v2_6000901_Data.csv")
    codes = registry.resolve_many([r["Country Code"] for r in rows], scheme="wb")
    names = registry.resolve_many([r["Country Name"] for r in rows], scheme="wb")
    assert len(codes) == 266
    assert codes["CHI"] == "UN:830" and codes["MEA"] == "WB:MEA" and codes["MAR"] == "MAR"
    # a name of an economy gives the area of its code (aggregates may give way to the UN's)
    mismatched = [
        (r["Country Name"], names[r["Country Name"]], codes[r["Country Code"]]) for r in rows
        if names[r["Country Name"]] != codes[r["Country Code"]]
        and not codes[r["Country Code"]].startswith("WB:")
    ]
    assert mismatched == []


def test_derive_script_reproduces_the_committed_extract(shared_dir: Path, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "derive_country_codes", REPO / "scripts" / "derive_country_codes.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    source = shared_dir / "data" / "country_codes" / "country-codes.csv"
    assert module.main([str(source), "--out", str(tmp_path)]) == 0
    for name in ("countries.csv", "country_names.csv"):
        committed = REPO / "data" / "reference" / "areas" / name
        assert (tmp_path / name).read_bytes() == committed.read_bytes(), name
