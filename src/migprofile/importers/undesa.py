"""UN DESA International Migrant Stock, bilateral origin × destination × sex (2024, 2020).

Format ``undesa-bilateral``: a long CSV with columns ``t, geo, from, sex, n`` (and the UN
"type of data" flags ``type_b, type_c, type_r, type_i``, not imported), as extracted by IOM's
``gdidata`` package; ``geo`` = destination, ``from`` = origin (ISO3; ``OOO`` = "Other" ->
``OTH``; ``XCX`` = Channel Islands), ``sex`` female/male (or total), ``t`` the mid-year.

Each cell gives two observations, with period ``YYYY``:

- ``immigrant_stock_birth``: country = destination, partner = origin;
- ``emigrant_stock_birth``: country = origin, partner = destination (not for OTH/UNK).

Sex ``total`` is male + female (UN DESA's both-sexes column is that sum). A row whose
origin or destination is a total (``WLD``) or an aggregate gives only the observation of the
side that is a country (an aggregate × aggregate row: the immigrant one). When a year of the
file has no total rows (the original files), totals are computed: partner ``WLD`` = the sum
over origins (immigrants) or destinations (emigrants), and WLD × WLD the world's stock.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from migprofile.importers.areamap import AreaMap
from migprofile.importers.base import ImportBatch, ReadOptions, register, sha256_of
from migprofile.importers.csvrows import base_name, head_lines, iter_rows, parse_value
from migprofile.importers.numbers import COUNT
from migprofile.importers.provenance import (
    indicators,
    mapping_text,
    reader_mapping,
    source_record,
)
from migprofile.model import AreaKind, LocalizedText, Observation, Sex, Status
from migprofile.validate import Report

COLUMNS = ("t", "geo", "from", "sex", "n")
EMIGRANTS, IMMIGRANTS = "emigrant_stock_birth", "immigrant_stock_birth"
SEXES = {"female": Sex.FEMALE, "male": Sex.MALE, "total": Sex.TOTAL, "both": Sex.TOTAL}
COUNTRY_KINDS = frozenset({AreaKind.COUNTRY, AreaKind.HISTORICAL, AreaKind.UNMAPPED})
NO_NOTE = LocalizedText()
_EDITION = re.compile(r"ims_?(\d{4})", re.IGNORECASE)

Cell = tuple[float | None, Status]
Key = tuple[str, str, str]  # year, destination, origin
Cells = dict[Key, dict[Sex, Cell]]


class UndesaBilateral:
    name = "undesa-bilateral"
    description = ("UN DESA International Migrant Stock, origin × destination × sex, long CSV "
                   "(t, geo, from, sex, n), 2024 and 2020 revisions")

    def claims(self, path: Path) -> bool:
        head = head_lines(path, 1)
        return bool(head) and set(COLUMNS) <= {c.strip() for c in head[0].split(",")}

    def read(self, path: Path, options: ReadOptions) -> ImportBatch:
        report = Report(subject=f"{self.name} {path.name}")
        areas = AreaMap(file=path.name, allow_unmapped=options.allow_unmapped)
        cells = _read_cells(path, areas, report)
        edition = options.edition or _edition(path, cells)
        source = source_record("undesa", "bilateral", edition=edition, sha256=sha256_of(path))
        batch = ImportBatch(source=source, format=self.name, path=str(path), report=report,
                            indicators=indicators([EMIGRANTS, IMMIGRANTS]))
        batch.areas = areas.finish(report)
        if not report.ok:
            return batch
        _add_totals(cells, areas)
        keep = options.countries
        batch.observations = [o for o in _observations(cells, areas, source.id)
                              if keep is None or o.country in keep]
        report.stats.update({"cells": sum(len(v) for v in cells.values()),
                             "observations": len(batch.observations)})
        return batch


def _edition(path: Path, cells: Cells) -> str:
    found = _EDITION.search(base_name(path))
    if found:
        return found.group(1)
    return max((key[0] for key in cells), default="unknown")


def _read_cells(path: Path, areas: AreaMap, report: Report) -> Cells:
    cells: Cells = defaultdict(dict)
    for line, row in iter_rows(path, report, COLUMNS):
        year, sex = row["t"].strip(), SEXES.get(row["sex"].strip().lower())
        if len(year) != 4 or not year.isdigit():
            report.error("invalid-value", f"year {row['t']!r} is not YYYY", file=path.name,
                         row=line, column="t")
            continue
        if sex is None:
            report.error("invalid-value", f"sex {row['sex']!r} is not female, male or total",
                         file=path.name, row=line, column="sex")
            continue
        try:
            cell = parse_value(row["n"], COUNT)
        except ValueError as exc:
            report.error("invalid-value", str(exc), file=path.name,
                         row=line, column="n")
            continue
        dest = areas.code(row["geo"].strip(), line, "geo")
        origin = areas.code(row["from"].strip(), line, "from")
        if dest is None or origin is None:
            continue
        pair = cells[(year, dest, origin)]
        if sex in pair:
            report.error("duplicate-row", f"{year} {row['geo']} × {row['from']} {sex} is given "
                         "twice", file=path.name, row=line)
        pair[sex] = cell
    return cells


def _is_country(code: str, areas: AreaMap, extra: frozenset[str]) -> bool:
    return code in extra or areas.kind(code) in COUNTRY_KINDS


def _as_countries() -> frozenset[str]:
    return frozenset(str(c) for c in reader_mapping("undesa").get("as_countries") or ())


def _add_totals(cells: Cells, areas: AreaMap) -> None:
    """Add WLD totals for the years that have none (sums over origins and destinations)."""
    explicit = {year for (year, dest, origin) in cells if "WLD" in (dest, origin)}
    extra = _as_countries()
    sums: dict[Key, dict[Sex, float]] = defaultdict(lambda: defaultdict(float))
    for (year, dest, origin), by_sex in cells.items():
        if year in explicit:
            continue
        for sex, (value, _) in by_sex.items():
            if value is None or sex is Sex.TOTAL:
                continue
            sums[(year, dest, "WLD")][sex] += value
            sums[(year, "WLD", "WLD")][sex] += value
            if _is_country(origin, areas, extra):
                sums[(year, "WLD", origin)][sex] += value
    for key, totals in sums.items():
        cells[key] = {sex: (value, Status.OBSERVED) for sex, value in totals.items()}


def _with_total(by_sex: dict[Sex, Cell]) -> Iterator[tuple[Sex, Cell]]:
    yield from by_sex.items()
    if Sex.TOTAL in by_sex:
        return
    parts = [by_sex.get(Sex.MALE), by_sex.get(Sex.FEMALE)]
    if any(p is None for p in parts):
        yield Sex.TOTAL, (None, Status.MISSING)
        return
    values = [p[0] for p in parts if p is not None]
    statuses = {p[1] for p in parts if p is not None}
    if all(v is not None for v in values):
        yield Sex.TOTAL, (sum(v for v in values if v is not None), Status.OBSERVED)
    else:
        yield Sex.TOTAL, (None, Status.SUPPRESSED if Status.SUPPRESSED in statuses
                          else Status.MISSING)


def _observations(cells: Cells, areas: AreaMap, source_id: str) -> Iterable[Observation]:
    extra = _as_countries()
    kinds: dict[str, bool] = {}
    for (year, dest, origin), by_sex in sorted(cells.items()):
        for code in (dest, origin):
            if code not in kinds:
                kinds[code] = _is_country(code, areas, extra)
        immigrant_note = mapping_text("undesa", "notes", "sum_of_origins") \
            if origin == "WLD" else NO_NOTE
        emigrant_note = mapping_text("undesa", "notes", "sum_of_destinations") \
            if dest == "WLD" else NO_NOTE
        for sex, (value, status) in _with_total(by_sex):
            if kinds[dest] or not kinds[origin]:  # positional: half a million of these
                yield Observation(IMMIGRANTS, dest, origin, year, value, source_id, sex, {},
                                  status, immigrant_note)
            if kinds[origin]:
                yield Observation(EMIGRANTS, origin, dest, year, value, source_id, sex, {},
                                  status, emigrant_note)


register(UndesaBilateral())
