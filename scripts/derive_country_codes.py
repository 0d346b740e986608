"""Derive the compact country reference files of ``migprofile.geo`` from ``country-codes.csv``.

Usage::

    python scripts/derive_country_codes.py [INPUT_CSV] [--out DIR]

INPUT_CSV defaults to ``../shared/data/country_codes/country-codes.csv`` (beside the repository);
DIR defaults to ``data/reference/areas``. Two files are written, sorted by ISO3, so that the same
input always gives the same bytes:

- ``countries.csv``: iso3, iso2, m49, name_en, name_fr, name_ar, region_m49, subregion_m49,
  intermediate_m49 (M49 codes zero-padded to 3 digits; empty when the source has none);
- ``country_names.csv``: iso3, lang, kind, name: the UNTERM short and formal names in en/fr/ar,
  which the area registry indexes as further name variants.

When pycountry is installed, ISO codes are cross-checked against it and differences are printed.
The sha256 of the input is printed, for ``SOURCE.md``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = REPO.parent / "shared" / "data" / "country_codes" / "country-codes.csv"
DEFAULT_OUT = REPO / "data" / "reference" / "areas"

COUNTRY_COLUMNS = (
    "iso3", "iso2", "m49", "name_en", "name_fr", "name_ar",
    "region_m49", "subregion_m49", "intermediate_m49",
)
UNTERM = {
    ("en", "unterm_short"): "UNTERM English Short",
    ("en", "unterm_formal"): "UNTERM English Formal",
    ("fr", "unterm_short"): "UNTERM French Short",
    ("fr", "unterm_formal"): "UNTERM French Formal",
    ("ar", "unterm_short"): "UNTERM Arabic Short",
    ("ar", "unterm_formal"): "UNTERM Arabic Formal",
}


def clean(value: str | None) -> str:
    """Strip a cell, including the non-breaking spaces the source uses for 'empty'."""
    return (value or "").replace("\xa0", " ").strip()


def m49(value: str | None) -> str:
    text = clean(value)
    return f"{int(text):03d}" if text else ""


def country_row(row: dict[str, str]) -> dict[str, str]:
    return {
        "iso3": clean(row["ISO3166-1-Alpha-3"]),
        "iso2": clean(row["ISO3166-1-Alpha-2"]),
        "m49": m49(row["M49"]),
        "name_en": clean(row["official_name_en"]),
        "name_fr": clean(row["official_name_fr"]),
        "name_ar": clean(row["official_name_ar"]),
        "region_m49": m49(row["Region Code"]),
        "subregion_m49": m49(row["Sub-region Code"]),
        "intermediate_m49": m49(row["Intermediate Region Code"]),
    }


def name_rows(row: dict[str, str]) -> list[dict[str, str]]:
    iso3 = clean(row["ISO3166-1-Alpha-3"])
    out = []
    for (lang, kind), column in UNTERM.items():
        name = clean(row.get(column))
        if name:
            out.append({"iso3": iso3, "lang": lang, "kind": kind, "name": name})
    return out


def cross_check(countries: list[dict[str, str]]) -> list[str]:
    """Differences between the extract and pycountry (empty if pycountry is absent)."""
    try:
        import pycountry  # optional, and slow to import: only here
    except ImportError:
        return []
    problems = []
    for c in countries:
        ref = pycountry.countries.get(alpha_3=c["iso3"])
        if ref is None:
            problems.append(f"{c['iso3']}: not in pycountry")
        elif ref.alpha_2 != c["iso2"] or int(ref.numeric) != int(c["m49"]):
            ours = f"{c['iso2']}/{c['m49']}"
            problems.append(f"{c['iso3']}: pycountry {ref.alpha_2}/{ref.numeric} vs {ours}")
    return problems


def write_csv(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("input", nargs="?", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)

    raw = args.input.read_bytes()
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    countries = sorted((country_row(r) for r in rows), key=lambda c: c["iso3"])
    names = sorted(
        (n for r in rows for n in name_rows(r)), key=lambda n: (n["iso3"], n["lang"], n["kind"])
    )
    args.out.mkdir(parents=True, exist_ok=True)
    write_csv(args.out / "countries.csv", COUNTRY_COLUMNS, countries)
    write_csv(args.out / "country_names.csv", ("iso3", "lang", "kind", "name"), names)

    for problem in cross_check(countries):
        print(f"warning: {problem}", file=sys.stderr)
    print(f"input sha256 {hashlib.sha256(raw).hexdigest()}")
    print(f"{len(countries)} countries, {len(names)} UNTERM names -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
