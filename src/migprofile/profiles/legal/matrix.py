"""The legal matrix: one dimension (treaties, nationality rules, visa openness, labour
agreements, General Assembly votes) for all countries, each cell with its source and as-of
date. The portal page ``/{lang}/legal`` and the API ``/api/v1/legal/{dimension}`` both show
``legal_matrix``; treaty statuses come from ``store.legal.treaty_status``, the query the
profiles use, so the two never disagree."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from migprofile.geo import normalise
from migprofile.model import Area, AreaKind, InstrumentKind, LegalInstrument, Treaty
from migprofile.profiles.legal.words import long_date, number, pick, status_word, wording
from migprofile.store import ObservationFilter, Store
from migprofile.store.legal import treaties, treaty_status

DIMENSIONS = ("treaties", "nationality", "visa", "labour", "votes")


@dataclass(frozen=True)
class MatrixCell:
    text: str
    value: float | str | None
    source_id: str
    as_of: str | None = None  # ISO date


@dataclass(frozen=True)
class MatrixColumn:
    key: str
    title: str
    as_of: str | None = None  # shared by every cell of the column, when it is


@dataclass
class Matrix:
    dimension: str
    title: str
    columns: list[MatrixColumn]
    countries: list[str]  # ISO3, sorted by name in the language
    cells: dict[tuple[str, str], MatrixCell] = field(default_factory=dict)  # (column, ISO3)
    sources: list[str] = field(default_factory=list)


def _label(section: str, key: str, lang: str) -> str:
    return pick(wording("matrix")[section][key], lang)


def _treaties(store: Store, lang: str) -> tuple[list[MatrixColumn], dict[tuple[str, str],
                                                                         MatrixCell]]:
    ref = {k: t for k, t in treaties(store).items() if t.kind != "resolution"}
    return _statuses(store, lang, ref, InstrumentKind.MULTILATERAL)


def _votes(store: Store, lang: str) -> tuple[list[MatrixColumn], dict[tuple[str, str],
                                                                      MatrixCell]]:
    ref = {k: t for k, t in treaties(store).items() if t.kind == "resolution"}
    return _statuses(store, lang, ref, InstrumentKind.RESOLUTION)


def _statuses(store: Store, lang: str, ref: Mapping[str, Treaty], kind: InstrumentKind
              ) -> tuple[list[MatrixColumn], dict[tuple[str, str], MatrixCell]]:
    cells: dict[tuple[str, str], MatrixCell] = {}
    dates: dict[str, set[str]] = defaultdict(set)
    for i in treaty_status(store):
        if i.treaty is None or i.treaty not in ref or i.kind is not kind:
            continue
        when = i.ratified or i.signed
        year = when.year if when else (i.years[0] if i.years else None)
        text = status_word(i.status.value, lang, ref[i.treaty].grammar) \
            if kind is InstrumentKind.MULTILATERAL else _label("short_status", i.status.value, lang)
        if year and kind is InstrumentKind.MULTILATERAL and i.status.value != "not_ratified":
            text = f"{text} ({year})"
        as_of = i.as_of.isoformat() if i.as_of else None
        cells[(i.treaty, i.country)] = MatrixCell(text, i.status.value, i.source_id, as_of)
        dates[i.treaty].update([as_of] if as_of else [])
    columns = [MatrixColumn(k, t.short_name.text(lang),
                            next(iter(dates[k])) if len(dates[k]) == 1 else None)
               for k, t in ref.items() if dates[k]]
    return columns, cells


def _nationality(store: Store, lang: str) -> tuple[list[MatrixColumn],
                                                   dict[tuple[str, str], MatrixCell]]:
    rows = store.observations(ObservationFilter(indicator="citizenship_law"))
    newest: dict[str, str] = {}
    for o in rows:
        newest[o.country] = max(newest.get(o.country, ""), o.period)
    spec = wording("matrix")["nationality"]
    cells = {}
    for o in rows:
        variable = o.breakdown.get("variable", "")
        if variable not in spec or o.period != newest[o.country] or o.value is None:
            continue
        entry = spec[variable].get(int(o.value))
        text = pick(entry, lang) if entry else number(o.value, lang)
        cells[(variable, o.country)] = MatrixCell(text, o.value, o.source_id, o.period)
    periods = {c.as_of for c in cells.values()}
    columns = [MatrixColumn(v, pick(spec[v]["title"], lang),
                            next(iter(periods)) if len(periods) == 1 else None) for v in spec]
    return columns, cells


def _visa(store: Store, lang: str) -> tuple[list[MatrixColumn], dict[tuple[str, str],
                                                                     MatrixCell]]:
    # the newest snapshot, found on one destination first (78,000 rows per snapshot)
    probe = store.observations(ObservationFilter(indicator="visa_requirement", country="FRA"))
    if not probe:
        return [], {}
    period = max(o.period for o in probe)
    newest = store.observations(ObservationFilter(indicator="visa_requirement", period=period))
    source = newest[0].source_id
    free_in = Counter(o.country for o in newest if o.value == 1)
    free_out = Counter(o.partner for o in newest if o.value == 1)
    countries = {o.country for o in newest} | {o.partner for o in newest}
    cells = {}
    for key, counts in (("visa_free_in", free_in), ("visa_free_out", free_out)):
        for c in countries:
            cells[(key, c)] = MatrixCell(number(counts[c], lang), counts[c], source, period)
    return [MatrixColumn(k, _label("visa", k, lang), period)
            for k in ("visa_free_in", "visa_free_out")], cells


def _labour(store: Store, lang: str) -> tuple[list[MatrixColumn], dict[tuple[str, str],
                                                                       MatrixCell]]:
    found: dict[str, list[LegalInstrument]] = defaultdict(list)
    cells = {}
    for i in store.instruments():
        if i.kind is InstrumentKind.LABOUR:
            found[i.country].append(i)
    for country, items in found.items():
        years = [i.signed.year if i.signed else i.years[0] for i in items
                 if i.signed or i.years]
        source = items[0].source_id
        partners = {p for i in items for p in i.parties}
        cells[("agreements", country)] = MatrixCell(number(len(items), lang), len(items),
                                                    source)
        cells[("partners", country)] = MatrixCell(number(len(partners), lang), len(partners),
                                                  source)
        if years:
            cells[("latest", country)] = MatrixCell(str(max(years)), max(years), source)
    return [MatrixColumn(k, _label("labour", k, lang)) for k in
            ("agreements", "partners", "latest")], cells


BUILDERS: dict[str, Callable[[Store, str], tuple[list[MatrixColumn],
                                                 dict[tuple[str, str], MatrixCell]]]] = {
    "treaties": _treaties, "nationality": _nationality, "visa": _visa, "labour": _labour,
    "votes": _votes}


def legal_matrix(store: Store, dimension: str, lang: str, areas: Mapping[str, Area],
                 region: str | None = None) -> Matrix:
    """The matrix of one dimension; ``region``: keep the countries of that UN region."""
    columns, cells = BUILDERS[dimension](store, lang)
    wanted = {c for _, c in cells}
    countries = [c for c in wanted if c in areas and areas[c].kind is AreaKind.COUNTRY
                 and (region is None or areas[c].region == region)]
    countries.sort(key=lambda c: normalise(areas[c].names.text(lang)))
    kept = {k: v for k, v in cells.items() if k[1] in set(countries)}
    return Matrix(dimension, _label("dimensions", dimension, lang), columns, countries, kept,
                  sorted({c.source_id for c in kept.values()}))


def regions(areas: Mapping[str, Area], lang: str) -> list[tuple[str, str]]:
    """(code, name) of the UN regions countries belong to."""
    codes: Iterable[str] = {a.region for a in areas.values() if a.region}
    return sorted(((c, areas[c].names.text(lang)) for c in codes if c in areas),
                  key=lambda x: x[1])


def as_of_text(iso: str | None, lang: str) -> str:
    from datetime import date
    return pick(wording("matrix")["labels"]["as_of"], lang).format(
        date=long_date(date.fromisoformat(iso), lang)) if iso else ""
