"""Bilateral labour agreements (Chilton & Woda 2022): ``bla_formation.csv``, joined with the
content coding of ``bla_coding.csv`` when that file lies beside it (same ending, ``.csv`` or
``.csv.gz``).

One instrument per agreement and party (kind ``labour_agreement``): country = the party,
parties = the other party, ``signed`` = the date of signature (``years`` = the year when only
that is known; 9999 = unknown), ``topics`` = the content columns of
``mappings/labour_agreements.yaml`` coded 1. The party order of the source is not
origin/destination; the profile decides the side from migrant stocks. Titles are written
here from the coded parties, in three languages; the source's titles are not copied.
Unknown country codes are named in one error (dissolved states: their ISO 3166-3 code).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import cache
from pathlib import Path

from migprofile.importers.areamap import AreaMap
from migprofile.importers.base import ImportBatch, ReadOptions, register
from migprofile.importers.csvrows import base_name, iter_rows
from migprofile.importers.provenance import mapping_text, reader_mapping
from migprofile.importers.table_context import TableContext
from migprofile.importers.tabular import file_record, has_columns
from migprofile.model import InstrumentKind, InstrumentStatus, LegalInstrument, LocalizedText
from migprofile.validate import Severity

FORMATION = ("treatyID", "iso3A", "iso3A_historical", "iso3B", "iso3B_historical", "year",
             "datesigned_iso")
EDITION = "2022"


@cache
def topic_columns() -> tuple[str, ...]:
    return tuple(str(t) for t in reader_mapping("labour_agreements")["topics"])


def coding_file(path: Path) -> Path | None:
    name = base_name(path)
    suffix = path.name[len(name.rsplit(".", 1)[0]):]  # ".csv" or ".csv.gz"
    sibling = path.with_name(name.replace("formation", "coding").rsplit(".", 1)[0] + suffix)
    return sibling if sibling != path and sibling.is_file() else None


def read_topics(path: Path, ctx: TableContext) -> dict[str, tuple[str, ...]]:
    """treatyID -> the topics coded 1 (``coding_file``)."""
    found: dict[str, tuple[str, ...]] = {}
    columns = topic_columns()
    for _line, row in iter_rows(path, ctx.report, ("treatyID", *columns)):
        found[row["treatyID"].strip()] = tuple(c for c in columns if row[c].strip() == "1")
    ctx.report.stats["coded"] = len(found)
    return found


class _Parties:
    def __init__(self, ctx: TableContext) -> None:
        self.ctx = ctx
        self.names = ctx.areas.registry

    def code(self, row: dict[str, str], side: str, line: int) -> str | None:
        column = f"iso3{side}" if row[f"iso3{side}"].strip() else f"iso3{side}_historical"
        text = row[column].strip()
        if not text:
            self.ctx.problem("missing-value", f"party {side} has no ISO3 code", row=line,
                             column=f"iso3{side}")
            return None
        return self.ctx.areas.code(text, line, column)

    def title(self, a: str, b: str) -> LocalizedText:
        def name(code: str, lang: str) -> str:
            found = self.names.try_resolve(code)
            return self.names.get(found).names.text(lang) if found else code
        return LocalizedText({lang: text.format(a=name(a, lang), b=name(b, lang))
                              for lang, text in mapping_text("labour_agreements", "title")
                              .items()}, original="en")


def _signed(text: str, line: int, ctx: TableContext) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        ctx.problem("invalid-date", f"{text!r} is not a date (YYYY-MM-DD)", row=line,
                    column="datesigned_iso")
        return None


def read_rows(ctx: TableContext, rows: Iterable[tuple[int, dict[str, str]]],
              topics: dict[str, tuple[str, ...]]) -> list[LegalInstrument]:
    parties, out = _Parties(ctx), []
    for line, row in rows:
        a, b = parties.code(row, "A", line), parties.code(row, "B", line)
        if a is None or b is None:
            continue
        treaty_id = row["treatyID"].strip()
        year = row["year"].strip()
        if year == "9999" or not year.isdigit():
            ctx.problem("unknown-year", f"agreement {treaty_id}: year of signature unknown "
                        f"({year!r})", row=line, column="year", severity=Severity.INFO)
        signed = _signed(row["datesigned_iso"], line, ctx)
        years = (int(year),) if year.isdigit() and year != "9999" else ()
        title = parties.title(a, b)
        for country, other in ((a, b), (b, a)):
            if not ctx.wanted(country):
                continue
            out.append(LegalInstrument(
                id=f"bla:{treaty_id}:{country}", country=country,
                kind=InstrumentKind.LABOUR, title=title, status=InstrumentStatus.SIGNED,
                source_id=ctx.source_id, signed=signed, years=years, parties=(other,),
                topics=topics.get(treaty_id, ()),
                notes=LocalizedText() if treaty_id in topics else
                mapping_text("labour_agreements", "not_coded")))
    return out




class LabourAgreementsReader:
    name = "labour-agreements"
    description = ("Bilateral labour agreements, Chilton & Woda (bla_formation.csv, with "
                   "bla_coding.csv beside it for the content)")

    def claims(self, path: Path) -> bool:
        return has_columns(path, *FORMATION)

    def read(self, path: Path, options: ReadOptions) -> ImportBatch:
        source = file_record("legal_datasets", "bla", path, options, edition=EDITION)
        ctx = TableContext(file=path.name, source_id=source.id, options=options,
                           areas=AreaMap(file=path.name, allow_unmapped=options.allow_unmapped))
        ctx.report.subject = str(path)
        coding = coding_file(path)
        topics = read_topics(coding, ctx) if coding else {}
        if coding is None:
            ctx.report.info("no-content-coding", "no bla_coding file beside it: the "
                            "agreements' content is not read", file=path.name)
        instruments = read_rows(ctx, iter_rows(path, ctx.report, FORMATION), topics)
        ctx.finish()
        ctx.report.stats["instruments"] = len(instruments)
        return ImportBatch(source=source, format=self.name, path=str(path),
                           instruments=instruments, areas=ctx.unmapped, report=ctx.report)


register(LabourAgreementsReader())
