"""The extracts of the legal-framework data sets (issue 9), for ``derive_extracts.py``.

Each function ``(shared, out) -> Extract`` keeps the original's format (same columns and cell
text; rows and columns filtered) so that the same reader imports the extract.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

GLOBALCIT = "globalcit_citizenship_law/globalcit_v3.1_country_year.csv"
GLOBALCIT_YEAR = "2024"
GLOBALCIT_KEEP = ("iso2", "iso3", "country", "region", "year", "A01a_cat", "A01b_cat",
                  "A02a_cat", "A02b_cat", "A06_bin", "A06a_cat", "A06a_yrs_cat", "A06b_cat",
                  "A08_cat", "L01_bin", "L01_cat", "L02_cat", "L05_cat", "dualcit_comb")
VISA = "visa_requirements/passport_index_tidy_iso3_{}.csv"
VISA_SNAPSHOTS = ("2020-02-07", "2025-01-12")  # the oldest and the newest vintage
BLA_FORMATION = "bilateral_labour_agreements/bla_formation.csv"
BLA_CODING = "bilateral_labour_agreements/bla_coding.csv"
BLA_FORMATION_KEEP = ("treatyID", "iso3A", "iso3A_historical", "iso3B", "iso3B_historical",
                      "year", "datesigned_iso")
BLA_TOPICS = ("quota", "social_security", "prot_equal", "remittances", "recruit_cost_mig",
              "credentials", "reintegration", "perm_resid", "wage_prot", "contract_standard",
              "joint_commit")
UNGA = "unga_votes_migration/unga_migration_votes.csv"
UNGA_SYMBOLS = ("A/RES/73/195", "A/RES/73/151", "A/RES/73/241", "A/RES/74/130")
GAPS = "readmission_agreements_gaps/gaps_international_cooperation.csv"
GAPS_KEEP = ("country", "country_iso3", "seq_in_country", "agreement_type", "signatory_state",
             "signature_date", "entry_into_force_date", "url_english")
WPDL = "treaty_ratifications/un_hr_treaties_wpdl_2022/hr_status_{}.csv"
WPDL_TREATIES = {"cat": "torture-1984", "crc": "child-rights-1989", "cedaw": "women-1979",
                 "icerd": "racial-discrimination-1965"}


def extracts(m: Any) -> list[Callable[[Path, Path], Any]]:
    """The derive functions, given the ``derive_extracts`` module ``m`` (its helpers)."""

    def filtered(shared: Path, out: Path, original: str, keep: tuple[str, ...],
                 rows_filter: Callable[[dict[str, str]], bool], name: str
                 ) -> tuple[int, int]:
        header, rows = m.read_csv(shared / original)
        dicts = [dict(zip(header, r, strict=True)) for r in rows]
        kept = [[d[c] for c in keep] for d in dicts if rows_filter(d)]
        m.write_csv_gz(out / name, keep, kept)
        return len(kept), len(rows)

    def globalcit(shared: Path, out: Path) -> Any:
        variables = GLOBALCIT_KEEP[5:]
        rows, total = filtered(
            shared, out, GLOBALCIT, GLOBALCIT_KEEP,
            lambda d: d["year"] == GLOBALCIT_YEAR and any(d[v] for v in variables),
            "globalcit_v3.1_country_year.csv.gz")
        return m.Extract("globalcit_v3.1_country_year.csv.gz", "globalcit", "globalcit-v3-1",
                         "3.1", GLOBALCIT, m.sha256(shared / GLOBALCIT), rows, total,
                         f"law in force on 1 January {GLOBALCIT_YEAR}, states with a coded "
                         f"mode; columns {', '.join(GLOBALCIT_KEEP)}")

    def visa(snapshot: str) -> Callable[[Path, Path], Any]:
        def derive(shared: Path, out: Path) -> Any:
            original = VISA.format(snapshot)
            name, count = m._copy(shared, out, original)
            return m.Extract(name, "visa", f"passport-index-{snapshot}", snapshot, original,
                             m.sha256(shared / original), count, count,
                             f"every passport x destination pair of the {snapshot} snapshot")
        derive.__name__ = f"visa_{snapshot}"
        return derive

    def bla(shared: Path, out: Path) -> Any:
        coded, coded_total = filtered(shared, out, BLA_CODING, ("treatyID", *BLA_TOPICS),
                                      lambda d: True, "bla_coding.csv.gz")
        rows, total = filtered(shared, out, BLA_FORMATION, BLA_FORMATION_KEEP,
                               lambda d: True, "bla_formation.csv.gz")
        return m.Extract("bla_formation.csv.gz", "labour-agreements", "chilton-woda-bla-2022",
                         "2022", BLA_FORMATION, m.sha256(shared / BLA_FORMATION), rows, total,
                         f"every agreement; columns {', '.join(BLA_FORMATION_KEEP)}; beside it "
                         f"`bla_coding.csv.gz` ({coded:,} / {coded_total:,} rows of "
                         f"`{BLA_CODING}`, sha256 `{m.sha256(shared / BLA_CODING)}`: treatyID "
                         f"and the topics {', '.join(BLA_TOPICS)})")

    def unga(shared: Path, out: Path) -> Any:
        header, _ = m.read_csv(shared / UNGA)
        rows, total = filtered(shared, out, UNGA, tuple(header),
                               lambda d: d["resolution_symbol"] in UNGA_SYMBOLS,
                               "unga_migration_votes.csv.gz")
        return m.Extract("unga_migration_votes.csv.gz", "unga-votes", "unga-votes-2021-02-21",
                         "2021-02-21", UNGA, m.sha256(shared / UNGA), rows, total,
                         f"the votes on {', '.join(UNGA_SYMBOLS)}")

    def gaps(shared: Path, out: Path) -> Any:
        rows, total = filtered(shared, out, GAPS, GAPS_KEEP, lambda d: True,
                               "gaps_international_cooperation.csv.gz")
        return m.Extract("gaps_international_cooperation.csv.gz", "readmission",
                         "gaps-return-2024-12-25", "2024-12-25", GAPS, m.sha256(shared / GAPS),
                         rows, total, f"every agreement; columns {', '.join(GAPS_KEEP)} "
                         "(titles, notes and media links dropped: prose, not copied)")

    def wpdl(stem: str, key: str) -> Callable[[Path, Path], Any]:
        def derive(shared: Path, out: Path) -> Any:
            original = WPDL.format(stem)
            name, count = m._copy(shared, out, original)
            return m.Extract(name, "treaties", f"untc-status-2022-05-29-{key}", "2022-05-29",
                             original, m.sha256(shared / original), count, count,
                             f"every row: {stem.upper()} status of the 193 UN member states "
                             "(May-June 2022)")
        derive.__name__ = f"wpdl_{stem}"
        return derive

    return [*(wpdl(s, k) for s, k in WPDL_TREATIES.items()), globalcit,
            *(visa(s) for s in VISA_SNAPSHOTS), bla, unga, gaps]
