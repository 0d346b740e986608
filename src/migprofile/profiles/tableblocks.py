"""Computed partner tables turned into printable table blocks in one language."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from migprofile.i18n import (
    N_,
    format_day,
    format_number,
    gettext,
    labelled,
    qualified,
    semicolon,
    value_number,
)
from migprofile.indicators.growth import formula_text
from migprofile.indicators.tables import PartnerTable, TableRow
from migprofile.model import LocalizedText, Observation, Source
from migprofile.profiles.tree import Cell, SourceLine, TableBlock, Value

# what a count counts, printed under each table so that national and international figures
# side by side are not mistaken for one another
BASIS = N_("Basis: {basis}")  # one message, so French sets its no-break space before ":"
BASES = {
    "registration": N_("consular or administrative registrations"),
    "country_of_birth": N_("country of birth"),
    "citizenship": N_("citizenship"),
    "permit": N_("residence permits"),
    "apprehension": N_("apprehensions"),
    "monetary": N_("recorded transfers"),
    "protection": N_("protection status"),
    "survey": N_("survey"),
}
# A growth rate whose end value is more than this many times the start says more about the
# smallness of the start than about growth: it is printed with a mark and a note, not bare.
SMALL_BASE_FACTOR = 20.0
SMALL_BASE_MARK = "*"
SMALL_BASE_NOTE = N_("* Growth from a small base (the last value is more than 20 times the "
                     "first): the rate says little.")


def period_label(period: str) -> str:
    return period[:4]


def caption_dates(periods: tuple[str, ...], lang: str) -> str:
    """"(1er janvier)" when every period is an exact date on the same day of the year."""
    days = {p[5:] for p in periods if len(p) == 10}
    if len(days) == 1 and all(len(p) == 10 for p in periods):
        sample = format_day(date.fromisoformat(periods[0]), lang)
        return sample.rsplit(" ", 1)[0] if lang != "ar" else sample
    return ""


def in_language(text: LocalizedText, lang: str) -> str:
    """A source's text in the profile's language, else in English (the language of the
    publishers' own titles), never in a third language."""
    return text.texts.get(lang) or text.texts.get("en") or text.text(lang)


def citation(source: Source, lang: str) -> str:
    """A source's citation (``in_language``), or its publisher's name when it has none."""
    return in_language(source.citation, lang) or source.publisher


def source_line(source_ids: tuple[str, ...] | list[str], sources: Mapping[str, Source],
                lang: str) -> SourceLine:
    ids = tuple(dict.fromkeys(source_ids))
    citations = tuple(citation(sources[s], lang) for s in ids if s in sources)
    label = gettext(lang, "Sources") if len(citations) > 1 else gettext(lang, "Source")
    return SourceLine(label, citations, ids, lead=labelled(lang, label),
                      separator=semicolon(lang))


def value_of(obs: Observation | None, lang: str, unit: str,
             digits: int | None = None) -> Value | None:
    if obs is None:
        return None
    if obs.value is None:
        return Value(text=gettext(lang, obs.status.value.replace("_", " ")), number=None,
                     kind="count", status=obs.status.value, source_id=obs.source_id,
                     period=obs.period)
    return Value(text=qualified(value_number(obs.value, unit, lang, digits), obs.status, lang),
                 number=obs.value, kind="amount" if unit.startswith("usd") else "count",
                 status=obs.status.value, source_id=obs.source_id, period=obs.period,
                 note=obs.note.text(lang) or None)


def _computed(number: float | None, kind: str, lang: str, formula: str,
              source_id: str | None) -> Cell:
    if number is None:
        return Cell(text="…", numeric=True)
    text = format_number(number, lang, 1)
    return Cell(value=Value(text=text, number=number, kind=kind, formula=formula,
                            source_id=source_id), numeric=True)


def table_block(
    table: PartnerTable, *, lang: str, names: Mapping[str, str], unit: str,
    sources: Mapping[str, Source], caption: LocalizedText | None = None,
    row_header: LocalizedText | None = None, basis: str | None = None,
    digits: int | None = None,
) -> TableBlock:
    header = _header(table, lang, row_header)
    labels = {str(code): LocalizedText.coerce(text).text(lang)
              for code, text in (table.spec.get("labels") or {}).items()}
    body = tuple(_row(table, row, lang, {**names, **labels}, unit, digits)
                 for row in table.rows)
    title = caption.text(lang) if caption else table.table_id
    notes = []
    if basis in BASES:
        notes.append(gettext(lang, BASIS).format(basis=gettext(lang, BASES[basis])))
    if table.show_growth:
        notes.append(_growth_note(table, lang))
        if any(_small_base(table, row) for row in table.rows):
            notes.append(gettext(lang, SMALL_BASE_NOTE))
    return TableBlock(id=table.table_id, caption=title, header=header, body=body,
                      source=source_line(table.source_ids, sources, lang), notes=tuple(notes))


def _growth_note(table: PartnerTable, lang: str) -> str:
    template = gettext(lang, "Average annual growth rate ({method} formula): {formula}")
    return template.format(method=gettext(lang, table.method.value),
                           formula=formula_text(table.method))


def _header(table: PartnerTable, lang: str, row_header: LocalizedText | None
            ) -> tuple[tuple[Cell, ...], ...]:
    first_label = row_header.text(lang) if row_header else gettext(lang, "Country")
    measures = table.measures
    two_rows = len(measures) > 1
    span = 2 if two_rows else 1
    top: list[Cell] = [Cell(text=first_label, header=True, scope="col", rowspan=span)]
    for period in table.periods:
        top.append(Cell(text=period_label(period), header=True,
                        scope="colgroup" if two_rows else "col", colspan=len(measures)))
    extra = []
    if table.show_growth:
        extra.append(Cell(text=f"{gettext(lang, 'Average annual growth rate (%)')}",
                          header=True, scope="col", rowspan=span))
    if table.show_variation:
        extra.append(Cell(text=gettext(lang, "Variation (%)"), header=True, scope="col",
                          rowspan=span))
    top.extend(extra)
    if not two_rows:
        return (tuple(top),)
    labels = {"count": gettext(lang, "Number"), "share": "%"}
    bottom = tuple(Cell(text=labels.get(m, m), header=True, scope="col")
                   for _ in table.periods for m in measures)
    return (tuple(top), bottom)


def _row(table: PartnerTable, row: TableRow, lang: str, names: Mapping[str, str],
         unit: str, digits: int | None = None) -> tuple[Cell, ...]:
    label = gettext(lang, "Total") if row.is_total else names.get(row.area, row.area)
    if row.level and _first_child(table, row):
        label = f"{gettext(lang, 'of which')} {label}"
    cells: list[Cell] = [Cell(text=label, header=True, scope="row", level=row.level,
                              strong=row.is_total)]
    for period in table.periods:
        obs = row.values.get(period)
        for measure in table.measures:
            if measure == "count":
                value = value_of(obs, lang, unit, digits)
                cells.append(Cell(value=value, text="" if value else "…", numeric=True,
                                  strong=row.is_total))
            elif measure == "share":
                cells.append(_with_strong(_computed(row.shares.get(period), "share", lang,
                                                    "share", None), row.is_total))
    if table.show_growth:
        rate = row.growth.value if row.growth else None
        cell = _computed(rate, "rate", lang, table.method.value, None)
        if cell.value is not None and _small_base(table, row):
            cell = Cell(text=cell.text, numeric=True, value=Value(
                text=f"{cell.value.text}{SMALL_BASE_MARK}", number=cell.value.number,
                kind="rate", formula=cell.value.formula, note=gettext(lang, SMALL_BASE_NOTE)))
        cells.append(_with_strong(cell, row.is_total))
    if table.show_variation:
        cells.append(_with_strong(_computed(row.variation, "variation", lang, "variation",
                                            None), row.is_total))
    return tuple(cells)


def _small_base(table: PartnerTable, row: TableRow) -> bool:
    first, last = row.value(table.periods[0]), row.value(table.periods[-1])
    return bool(row.growth and row.growth.value is not None and first and last
                and (last / first > SMALL_BASE_FACTOR or abs(row.growth.value) > 100))


def _with_strong(cell: Cell, strong: bool) -> Cell:
    return Cell(text=cell.text, value=cell.value, numeric=True, strong=strong)


def _first_child(table: PartnerTable, row: TableRow) -> bool:
    siblings = [r for r in table.rows if r.parent == row.parent and r.level == row.level]
    return bool(siblings) and siblings[0] is row


def chart_rows(table: PartnerTable, names: Mapping[str, str]) -> list[dict[str, Any]]:
    """Bars for the last period: every row but the total, labelled in the language."""
    period = table.periods[-1]
    rows = []
    for row in table.rows:
        value = row.value(period)
        if row.is_total or value is None or row.level > 0:
            continue
        rows.append({"label": names.get(row.area, row.area), "value": value,
                     "group": names.get(row.parent, "") if row.parent else ""})
    return rows
