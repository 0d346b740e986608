"""GAPs Data Repository on Return Migration: readmission agreements and migration
partnerships (``gaps_international_cooperation.csv``), recorded by 13 country teams.

One instrument per record (kind ``readmission_agreement``): country = the GAPs country,
parties = the other party or parties (free text, resolved through ``geo``; a name that
resolves to nothing is named in a warning and left out of ``parties``), ``signed`` /
``in_force`` = the dates, ``topics`` = (the type code of ``mappings/readmission.yaml``,),
``url`` = the English text when the source links one, ``as_of`` = the status date (end 2024).
The source's titles and notes are prose: not copied; the profile words its own sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import cache
from pathlib import Path

from migprofile.importers.areamap import AreaMap
from migprofile.importers.base import ImportBatch, ReadOptions, register
from migprofile.importers.csvrows import iter_rows
from migprofile.importers.provenance import reader_mapping
from migprofile.importers.table_context import TableContext
from migprofile.importers.tabular import file_record, has_columns
from migprofile.model import InstrumentKind, InstrumentStatus, LegalInstrument, LocalizedText
from migprofile.validate import Severity

COLUMNS = ("country_iso3", "seq_in_country", "agreement_type", "signatory_state",
           "signature_date", "entry_into_force_date", "url_english")
STATUS_DATE = date(2024, 12, 25)  # last change of internationalCooperation.json (SOURCE.md)
_SPLIT = re.compile(r"\s*(?:,|/|;|\band\b)\s*")
@cache
def types() -> dict[str, str]:
    return {str(k): str(v) for k, v in reader_mapping("readmission")["types"].items()}


@cache
def titles() -> dict[str, LocalizedText]:
    """Type code -> the instrument's title in every language the mapping has."""
    raw = reader_mapping("readmission")["titles"]
    return {str(code): LocalizedText({str(k): str(v) for k, v in texts.items()}, original="en")
            for code, texts in raw.items()}


def _date(text: str, line: int, column: str, ctx: TableContext) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        ctx.problem("invalid-date", f"{text!r} is not a date", row=line, column=column)
        return None


class _Partners:
    """Free-text partner names → area codes; names that resolve to nothing are collected."""

    def __init__(self, ctx: TableContext) -> None:
        self.ctx = ctx
        self.unknown: dict[str, int] = {}

    def resolve(self, text: str, country: str, line: int) -> tuple[str, ...]:
        codes: list[str] = []
        whole = self.ctx.areas.registry.try_resolve(text.strip())
        names = [text.strip()] if whole else [n for n in _SPLIT.split(text.strip()) if n]
        for name in names:
            code = self.ctx.areas.registry.try_resolve(name)
            if code is None:
                self.unknown.setdefault(name, line)
            elif code != country and code not in codes:
                codes.append(code)
        return tuple(codes)

    def report(self) -> None:
        if self.unknown:
            listed = ", ".join(f"{n!r} (row {r})" for n, r in self.unknown.items())
            self.ctx.problem("unknown-partner", f"{len(self.unknown)} partner name(s) resolve "
                             f"to no area and are left out of the parties: {listed}",
                             row=min(self.unknown.values()), column="signatory_state",
                             severity=Severity.WARNING)



def read_rows(ctx: TableContext, rows: Iterable[tuple[int, dict[str, str]]]
              ) -> list[LegalInstrument]:
    partners, out = _Partners(ctx), []
    unknown_types: dict[str, int] = {}
    for line, row in rows:
        kind = types().get(row["agreement_type"].strip())
        if kind is None:
            unknown_types.setdefault(row["agreement_type"].strip(), line)
            continue
        country = ctx.areas.code(row["country_iso3"].strip(), line, "country_iso3")
        if country is None or not ctx.wanted(country):
            continue
        url = row["url_english"].strip()
        out.append(LegalInstrument(
            id=f"gaps:{country}:{row['seq_in_country'].strip()}", country=country,
            kind=InstrumentKind.READMISSION,
            title=titles()[kind],
            status=InstrumentStatus.UNKNOWN if kind == "negotiation" else
            InstrumentStatus.SIGNED, source_id=ctx.source_id,
            signed=_date(row["signature_date"], line, "signature_date", ctx),
            in_force=_date(row["entry_into_force_date"], line, "entry_into_force_date", ctx),
            parties=partners.resolve(row["signatory_state"], country, line), topics=(kind,),
            url=url if url.startswith("http") else None, as_of=STATUS_DATE))
    partners.report()
    if unknown_types:
        listed = ", ".join(f"{t!r} (row {n})" for t, n in unknown_types.items())
        ctx.problem("unknown-code", f"agreement type(s) not in mappings/readmission.yaml: "
                    f"{listed}", row=min(unknown_types.values()), column="agreement_type")
    return out


class ReadmissionReader:
    name = "readmission"
    description = ("GAPs Data Repository on Return Migration: readmission agreements and "
                   "migration partnerships (gaps_international_cooperation.csv)")

    def claims(self, path: Path) -> bool:
        return has_columns(path, *COLUMNS)

    def read(self, path: Path, options: ReadOptions) -> ImportBatch:
        source = file_record("legal_datasets", "gaps", path, options,
                             edition=STATUS_DATE.isoformat())
        ctx = TableContext(file=path.name, source_id=source.id, options=options,
                           areas=AreaMap(file=path.name, allow_unmapped=options.allow_unmapped))
        ctx.report.subject = str(path)
        instruments = read_rows(ctx, iter_rows(path, ctx.report, COLUMNS))
        ctx.finish()
        ctx.report.stats["instruments"] = len(instruments)
        return ImportBatch(source=source, format=self.name, path=str(path),
                           instruments=instruments, areas=ctx.unmapped, report=ctx.report)


register(ReadmissionReader())
