"""Profile → a Frictionless data package (zip): every table of the profile as a CSV file whose
numbers are numbers (``.`` decimals, no thousands separators), described by a
``datapackage.json`` with a Table Schema per file, the units, the sources and their licences.

A cell whose value is not a plain observation ("more than 60 000", "about 16 000", a masked
count) keeps its number in the value column and says what it is in a ``<column> status``
column beside it, so nothing printed as a qualifier is lost or passed off as exact.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from migprofile.profiles.tree import Cell, Profile, TableBlock
from migprofile.render.common import iter_blocks

PROFILE_SPEC = "https://specs.frictionlessdata.io/data-package/"
_NAME = re.compile(r"[^a-z0-9._-]+")


@dataclass(frozen=True)
class Column:
    title: str
    numeric: bool
    with_status: bool


def tables_of(profile: Profile) -> Iterator[TableBlock]:
    for section in profile.sections:
        for block in iter_blocks(section.blocks):
            if isinstance(block, TableBlock):
                yield block


def resource_name(table_id: str) -> str:
    """Frictionless names are lower case, digits and ``._-``."""
    return _NAME.sub("-", table_id.lower()).strip("-") or "table"


def _titles(table: TableBlock) -> list[str]:
    """One title per column, the top header joined to the bottom one ("2007 %")."""
    return [t.strip() or f"column {i + 1}" for i, t in enumerate(table.csv_rows()[0])]


def _columns(table: TableBlock) -> list[Column]:
    titles = _titles(table)
    width = max((len(r) for r in table.body), default=len(titles))
    titles += [f"column {i + 1}" for i in range(len(titles), width)]
    columns: list[Column] = []
    for i, title in enumerate(titles[:width]):
        cells = [row[i] for row in table.body if i < len(row)]
        numeric = any(c.value is not None for c in cells) and all(
            c.value is not None or not c.text.strip() or c.text.strip() == "…" for c in cells)
        with_status = numeric and any(c.value is not None and c.value.status != "observed"
                                      for c in cells)
        columns.append(Column(_unique(title, columns), numeric, with_status))
    return columns


def _unique(title: str, before: Sequence[Column]) -> str:
    taken = {c.title for c in before}
    name, n = title, 2
    while name in taken:
        name, n = f"{title} ({n})", n + 1
    return name


def _number(cell: Cell) -> str:
    if cell.value is None or cell.value.number is None:
        return ""
    number = float(cell.value.number)
    return str(int(number)) if number.is_integer() else repr(round(number, 6))


def table_csv(table: TableBlock) -> bytes:
    columns = _columns(table)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    header: list[str] = []
    for c in columns:
        header += [c.title, f"{c.title} status"] if c.with_status else [c.title]
    writer.writerow(header)
    for row in table.body:
        line: list[str] = []
        for i, column in enumerate(columns):
            cell = row[i] if i < len(row) else Cell()
            if column.numeric:
                line.append(_number(cell))
                if column.with_status:
                    line.append(cell.value.status if cell.value else "")
            else:
                line.append(_text(cell))
        writer.writerow(line)
    return out.getvalue().encode("utf-8")


def _text(cell: Cell) -> str:
    """Label text; a leading formula character is neutralised for spreadsheets."""
    text = cell.value.text if cell.value else cell.text
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


KIND_UNITS = {"share": "percent", "percent": "percent", "variation": "percent",
              "rate": "percent per year"}


def _describe(table: TableBlock, index: int) -> dict[str, str]:
    """Unit and formula of a numeric column, from the values it holds."""
    values = [row[index].value for row in table.body
              if index < len(row) and row[index].value is not None]
    kinds = {v.kind for v in values if v is not None}
    formulas = sorted({v.formula for v in values if v is not None and v.formula})
    extra: dict[str, str] = {}
    if len(kinds) == 1 and (unit := KIND_UNITS.get(next(iter(kinds)))):
        extra["unit"] = unit
    if formulas:
        extra["description"] = "computed: " + ", ".join(formulas)
    return extra


def _schema(table: TableBlock) -> dict[str, Any]:
    fields: list[dict[str, Any]] = []
    for i, c in enumerate(_columns(table)):
        if c.numeric:
            fields.append({"name": c.title, "type": "number", **_describe(table, i)})
            if c.with_status:
                fields.append({"name": f"{c.title} status", "type": "string",
                               "description": "status of the value: observed, more than, "
                               "about, estimated, provisional, suppressed..."})
        else:
            fields.append({"name": c.title, "type": "string"})
    return {"fields": fields, "missingValues": [""]}


def _sources(profile: Profile, ids: Sequence[str]) -> list[dict[str, Any]]:
    entries = {s.id: s for s in profile.sources}
    found = []
    for sid in ids:
        s = entries.get(sid)
        if s is None:
            continue
        entry: dict[str, Any] = {"title": s.citation or s.title or s.id}
        if s.url:
            entry["path"] = s.url
        if s.edition:
            entry["version"] = s.edition
        found.append(entry)
    return found


def _licences(profile: Profile) -> list[dict[str, str]]:
    names = sorted({s.licence for s in profile.sources if s.licence})
    return [{"name": _NAME.sub("-", n.lower()).strip("-") or "licence", "title": n}
            for n in names]


def datapackage(profile: Profile) -> dict[str, Any]:
    """The ``datapackage.json`` descriptor of the profile's tables."""
    resources = []
    for table in tables_of(profile):
        resource: dict[str, Any] = {
            "name": resource_name(table.id), "path": f"data/{resource_name(table.id)}.csv",
            "title": table.caption, "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "profile": "tabular-data-resource",
            "schema": _schema(table),
        }
        sources = _sources(profile, table.source.source_ids)
        if sources:
            resource["sources"] = sources
        notes = [table.source.text, *table.notes]
        resource["description"] = "\n".join(n for n in notes if n)
        resources.append(resource)
    descriptor: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": f"migprofile-{profile.iso2.lower() or profile.country.lower()}-{profile.lang}",
        "title": profile.title,
        "description": profile.method_note,
        "version": profile.edition,
        "created": f"{profile.edition}T00:00:00Z" if len(profile.edition) == 10 else None,
        "language": profile.lang,
        "resources": resources,
        "sources": _sources(profile, [s.id for s in profile.sources]),
    }
    licences = _licences(profile)
    if licences:
        descriptor["licenses"] = licences
    return {k: v for k, v in descriptor.items() if v is not None}


def render_datapackage(profile: Profile) -> bytes:
    """The zip: ``datapackage.json`` and ``data/<table>.csv``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in tables_of(profile):
            archive.writestr(f"data/{resource_name(table.id)}.csv", table_csv(table))
        archive.writestr("datapackage.json", json.dumps(datapackage(profile),
                                                        ensure_ascii=False, indent=2))
    return buffer.getvalue()
