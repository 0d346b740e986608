"""The generic template of national statistics (``migprofile import template FILE``).

One row per value, in a CSV file or in the ``data`` sheet of a workbook; the source record
in the workbook's ``sources`` sheet, or in ``<name>.sources.csv`` beside a CSV file, or
written inline on the data rows. The layout is documented in ``docs/import-template.md``;
the blank template is ``data/templates/national-statistics-template.{csv,xlsx}``.

A file holds ONE source (every row names the same ``source_id``): importing it again
replaces what the earlier import of that source wrote.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from migprofile.importers.areamap import AreaMap
from migprofile.importers.base import ImportBatch, ReadOptions, register, sha256_of
from migprofile.importers.csvrows import base_name, iter_rows
from migprofile.importers.numbers import PLAIN
from migprofile.importers.reference import reference_indicators
from migprofile.importers.table_context import TableContext
from migprofile.importers.tabular import accessed_date, batch_indicators, has_columns
from migprofile.model import (
    AreaKind,
    Indicator,
    LocalizedText,
    Sex,
    Source,
    Status,
    parse_breakdown,
    period_year,
)
from migprofile.model.languages import LANGUAGES
from migprofile.settings import get_settings
from migprofile.validate import Report, Severity

DATA_COLUMNS = ("country", "indicator", "partner", "period", "sex", "breakdown", "value",
                "status", "source_id", "source_publisher", "source_title", "source_edition",
                "note")
REQUIRED = ("country", "indicator", "partner", "period", "value", "source_id")
SOURCE_COLUMNS = ("id", "language", "publisher", "title", "edition", "url", "accessed",
                  "licence", "citation", "note")
SOURCE_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")
STATUSES = {
    **{s.value: s for s in Status},
    "observé": Status.OBSERVED, "estimé": Status.ESTIMATED, "provisoire": Status.PROVISIONAL,
    "plus de": Status.LOWER_BOUND, "more than": Status.LOWER_BOUND,
    "environ": Status.APPROXIMATE, "about": Status.APPROXIMATE, "manquant": Status.MISSING,
    "masqué": Status.SUPPRESSED, "confidentiel": Status.SUPPRESSED,
    "sans objet": Status.NOT_APPLICABLE,
}
SEXES = {"": Sex.TOTAL, "total": Sex.TOTAL, "ensemble": Sex.TOTAL, "male": Sex.MALE,
         "men": Sex.MALE, "hommes": Sex.MALE, "female": Sex.FEMALE, "women": Sex.FEMALE,
         "femmes": Sex.FEMALE}
Rows = list[tuple[int, dict[str, str]]]


# -- reading the file ---------------------------------------------------------------------

def cell_text(value: Any) -> str:
    """A workbook cell as template text: ``2019.0`` -> ``"2019"``, a date -> ISO."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _sheet_rows(cells: list[list[Any]]) -> Rows:
    if not cells:
        return []
    header = [cell_text(c).lower() for c in cells[0]]
    rows: Rows = []
    for number, row in enumerate(cells[1:], start=2):
        texts = [cell_text(c) for c in row]
        if any(texts):
            rows.append((number, dict(zip(header, texts, strict=False))))
    return rows


def _workbook(path: Path) -> dict[str, list[list[Any]]]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    return {name.strip().lower(): book.get_sheet_by_name(name).to_python()
            for name in book.sheet_names}


def _is_workbook(path: Path) -> bool:
    return path.suffix.lower() in (".xlsx", ".xlsm", ".ods")


def load_rows(path: Path, report: Report) -> tuple[Rows, Rows]:
    """(data rows, source rows) of a template file, with their row numbers."""
    if _is_workbook(path):
        sheets = _workbook(path)
        cells = sheets.get("data") or next(iter(sheets.values()), [])
        return _sheet_rows(cells), _sheet_rows(sheets.get("sources", []))
    data = list(iter_rows(path, report, REQUIRED))
    companion = path.with_name(base_name(path).rsplit(".", 1)[0] + ".sources.csv")
    sources = list(iter_rows(companion, report, ("id",))) if companion.is_file() else []
    return data, sources


def known_indicators() -> dict[str, Indicator]:
    return {i.code: i for i in reference_indicators(get_settings().data_dir)}


# -- the source record --------------------------------------------------------------------

def _texts(row: dict[str, str], column: str, language: str) -> LocalizedText:
    values = {lang: row.get(f"{column}_{lang}", "").strip() for lang in LANGUAGES}
    values[language] = row.get(column, "").strip() or values.get(language, "")
    ordered = {language: values[language], **{k: v for k, v in values.items() if k != language}}
    return LocalizedText(ordered)


def _inline(rows: Rows) -> dict[str, str]:
    for _, row in rows:
        if row.get("source_publisher", "").strip() or row.get("source_title", "").strip():
            return {"publisher": row.get("source_publisher", ""),
                    "title": row.get("source_title", ""),
                    "edition": row.get("source_edition", "")}
    return {}


def _source_id(ctx: TableContext, rows: Rows) -> str | None:
    ids = {row.get("source_id", "").strip() for _, row in rows} - {""}
    if len(ids) != 1:
        ctx.problem("one-source", "a template file holds one source: every row must give the "
                    f"same source_id (found {sorted(ids) or 'none'})", column="source_id")
        return None
    found = ids.pop()
    if not SOURCE_ID.match(found):
        ctx.problem("invalid-value", f"source_id {found!r}: use lower-case letters, digits, "
                    "'-', '.', '_' (80 at most)", column="source_id")
        return None
    return found


def read_source(ctx: TableContext, path: Path, data: Rows, sources: Rows) -> Source | None:
    source_id = _source_id(ctx, data)
    if source_id is None:
        return None
    record = next((r for _, r in sources if r.get("id", "").strip() == source_id), None)
    row = record or _inline(data)
    language = (row.get("language", "") or "fr").strip().lower()
    if language not in LANGUAGES:
        ctx.problem("invalid-value", f"language {language!r} is not fr, en or ar",
                    column="language")
        language = "fr"
    if not row.get("publisher", "").strip() or not row.get("title", "").strip():
        ctx.problem("missing-source", f"source {source_id!r} has no publisher or title: fill "
                    "source_publisher and source_title, or the sources sheet")
        return None
    _check_inline(ctx, data, row)
    return Source(
        id=source_id, publisher=row["publisher"].strip(),
        title=_texts(row, "title", language),
        edition=ctx.options.edition or row.get("edition", "").strip() or None,
        url=row.get("url", "").strip() or None,
        accessed=accessed_date(ctx.options) or _date(ctx, row.get("accessed", "")),
        sha256=sha256_of(path), licence=row.get("licence", "").strip() or None,
        citation=_texts(row, "citation", language), note=_texts(row, "note", language),
    )


def _check_inline(ctx: TableContext, data: Rows, record: dict[str, str]) -> None:
    for line, row in data:
        for column, field in (("source_publisher", "publisher"), ("source_title", "title"),
                              ("source_edition", "edition")):
            given = row.get(column, "").strip()
            if given and given != record.get(field, "").strip():
                ctx.problem("source-conflict", f"{given!r} differs from the source record's "
                            f"{field} {record.get(field, '')!r}", row=line, column=column)


def _date(ctx: TableContext, text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        ctx.problem("invalid-value", f"accessed {text!r} is not a date (YYYY-MM-DD)",
                    column="accessed")
        return None


# -- the data rows ------------------------------------------------------------------------

Keys = tuple[str, str, str, str, Sex, dict[str, str]]


def _keys(ctx: TableContext, line: int, cells: dict[str, str]) -> Keys | None:
    indicator = cells.get("indicator", "")
    ok = True
    if indicator not in known_indicators():
        ctx.problem("unknown-indicator", f"indicator {indicator!r} is not in the indicator "
                    "registry (data/reference/indicators.yaml)", row=line, column="indicator")
        ok = False
    country = ctx.areas.code(cells.get("country", ""), line, "country")
    if country is not None and ctx.areas.kind(country) not in (AreaKind.COUNTRY,
                                                               AreaKind.UNMAPPED):
        ctx.problem("not-a-country", f"country {cells['country']!r} ({country}) is not a "
                    "country", row=line, column="country")
        ok = False
    partner = ctx.areas.code(cells.get("partner", ""), line, "partner")
    period = cells.get("period", "")
    try:
        period_year(period)
    except ValueError as exc:
        ctx.problem("invalid-period", str(exc), row=line, column="period")
        ok = False
    sex = SEXES.get(cells.get("sex", "").lower())
    if sex is None:
        ctx.problem("invalid-value", f"sex {cells['sex']!r} is not total, male or female",
                    row=line, column="sex")
        ok = False
    try:
        breakdown = parse_breakdown(cells.get("breakdown", ""))
    except ValueError as exc:
        ctx.problem("invalid-value", str(exc), row=line, column="breakdown")
        ok = False
    if not ok or country is None or partner is None or sex is None:
        return None
    return indicator, country, partner, period, sex, breakdown


def parse_number(text: str) -> float:
    """``"12 345"``, ``"12345.5"`` -> float; a comma is refused (decimal or thousands?)."""
    if "," in text:
        raise ValueError(f"{text!r}: write numbers with a decimal point and no thousands "
                         "separator (12345.5)")
    return PLAIN.parse(re.sub(r"[\s\u00a0\u202f]", "", text))


def _measure(ctx: TableContext, line: int, cells: dict[str, str]
             ) -> tuple[float | None, Status] | None:
    given = cells.get("status", "").lower()
    status = STATUSES.get(given or "observed")
    if status is None:
        ctx.problem("invalid-status", f"status {cells['status']!r} is not one of "
                    f"{', '.join(s.value for s in Status)}", row=line, column="status")
        return None
    text = cells.get("value", "")
    if not text:
        if status.has_value:
            ctx.problem("missing-value", f"no value, but status is {status.value!r} (use "
                        "missing, suppressed or not_applicable)", row=line, column="value")
            return None
        return None, status
    try:
        value = parse_number(text)
    except ValueError as exc:
        ctx.problem("non-numeric", str(exc), row=line, column="value")
        return None
    if not status.has_value:
        ctx.problem("unexpected-value", f"a value with status {status.value!r}: the value is "
                    "not kept", row=line, column="value", severity=Severity.WARNING)
        return None, status
    if value < 0:
        ctx.problem("negative-value", f"value {text!r} is negative", row=line,
                    column="value", severity=Severity.WARNING)
    return value, status


def read_data(ctx: TableContext, data: Rows, language: str) -> None:
    seen: dict[tuple[str, ...], int] = {}
    for line, row in data:
        cells = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
        keys = _keys(ctx, line, cells)
        measure = _measure(ctx, line, cells)
        if keys is None or measure is None or not ctx.wanted(keys[1], keys[2]):
            continue
        indicator, country, partner, period, sex, breakdown = keys
        key = (indicator, country, partner, period, sex.value, str(sorted(breakdown.items())))
        if key in seen:
            ctx.problem("duplicate-key", f"the same value as row {seen[key]} (indicator, "
                        "country, partner, period, sex, breakdown)", row=line)
            continue
        seen[key] = line
        ctx.emit(indicator, country, partner, period, *measure, sex=sex, breakdown=breakdown,
                 note=_texts(cells, "note", language))


def _unknown_columns(ctx: TableContext, data: Rows) -> None:
    if not data:
        return
    allowed = set(DATA_COLUMNS) | {f"{c}_{lang}" for c in ("note", "source_title")
                                   for lang in LANGUAGES}
    extra = sorted(k for k in data[0][1] if k and k.strip().lower() not in allowed)
    if extra:
        ctx.report.warning("unknown-column", f"column(s) not read: {', '.join(extra)}",
                           file=ctx.file, row=1, column=extra[0])


class TemplateReader:
    name = "template"
    description = ("migprofile's template of national statistics (CSV, or .xlsx with the "
                   "sheets data and sources): docs/import-template.md")

    def claims(self, path: Path) -> bool:
        if _is_workbook(path):
            try:
                sheets = _workbook(path)
            except Exception:  # not a workbook calamine reads: not ours
                return False
            header = {cell_text(c).lower() for c in (sheets.get("data") or [[]])[0]}
            return all(c in header for c in REQUIRED)
        return has_columns(path, *REQUIRED)

    def read(self, path: Path, options: ReadOptions) -> ImportBatch:
        ctx = TableContext(file=path.name, source_id="", options=options,
                           areas=AreaMap(file=path.name, allow_unmapped=options.allow_unmapped))
        ctx.report.subject = str(path)
        data, sources = load_rows(path, ctx.report)
        if not data:
            ctx.report.error("empty-file", "the template holds no data row", file=path.name)
        source = read_source(ctx, path, data, sources) if data else None
        if source is not None:
            ctx.source_id = source.id
            language = source.title.original or "fr"
            _unknown_columns(ctx, data)
            read_data(ctx, data, language)
        ctx.finish()
        return ImportBatch(
            source=source or _unusable_source(path), format=self.name, path=str(path),
            observations=ctx.observations, areas=ctx.unmapped,
            indicators=batch_indicators(ctx.observations), report=ctx.report)


def _unusable_source(path: Path) -> Source:
    """The Source of a batch whose source record is wrong (its report has the errors)."""
    return Source(id="invalid-template", publisher="", title=LocalizedText({"en": path.name}))


register(TemplateReader())
