"""``migprofile export COUNTRY DIR``: a country's published content as a data package in the
format of ``data/countries/MA`` (docs/data-package.md), so that git can keep the archive
and a review can be a diff.

The writer is canonical (fixed key order, one YAML style, values written from the stored
numbers), so export → load into a fresh database → export gives the very same files.
Drafts are never exported: only what profiles show.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from migprofile.editorial.objects import CELL_KINDS, INSTRUMENT_DATES, Kind, Payload
from migprofile.geo import default_registry
from migprofile.model import (
    DIRECTIONS,
    LANGUAGES,
    LEGAL_ROWS,
    SOCIO_POLITICAL_ROWS,
    Framework,
    LocalizedText,
    Observation,
)
from migprofile.store.editorial import EditorialStore

OBS_HEADER = ("indicator", "partner", "period", "sex", "breakdown", "value", "status",
              "source", "note", "note_en")
FILES = {Kind.SOURCE: "sources.yaml", Kind.INSTRUMENT: "instruments.yaml",
         Kind.FOOTNOTE: "footnotes.yaml", Kind.LEGAL: "legal.yaml",
         Kind.SOCIO_POLITICAL: "socio_political.yaml", Kind.NARRATIVE: "narratives.yaml"}
HEADERS = {
    "sources.yaml": "Every source the package cites.",
    "instruments.yaml": "Legal instruments cited in the legal framework.",
    "footnotes.yaml": "Numbered footnotes of the framework tables.",
    "legal.yaml": "Cells of the legal framework table (row x immigration/emigration).",
    "socio_political.yaml": "Cells of the socio-political framework table "
                            "(row x outward/inward).",
    "narratives.yaml": "Paragraphs of the profile; figures are template expressions bound "
                       "to observations.csv.",
    "areas.yaml": "Areas of the package that are not ISO countries, WLD/OTH or UN regions.",
    "tables.yaml": "Layouts of the package's tables; derived columns are computed.",
}


class _Dumper(yaml.SafeDumper):
    """Multi-line strings as literal blocks, as the hand-written packages have them."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump_yaml(data: Any, header: str = "") -> str:
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=False)
    comment = f"# {header}\n# Exported by migprofile (published content only).\n\n" \
        if header else ""
    return comment + body


@dataclass
class ExportResult:
    folder: Path
    files: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def _cell_order(kind: Kind) -> Callable[[Payload], tuple[int, int, int]]:
    framework = kind.framework
    assert framework is not None
    rows = LEGAL_ROWS if framework is Framework.LEGAL else SOCIO_POLITICAL_ROWS
    directions = DIRECTIONS[framework]

    def key(p: Payload) -> tuple[int, int, int]:
        return (rows.index(p["row"]) if p["row"] in rows else len(rows),
                directions.index(p["direction"]) if p["direction"] in directions else 2,
                int(p["order"]))

    return key


def _dates(payload: Payload, names: Iterable[str]) -> Payload:
    """ISO strings → dates, so YAML writes them as dates and the reader reads them back."""
    out = dict(payload)
    for name in names:
        if isinstance(out.get(name), str):
            out[name] = date.fromisoformat(out[name])
    return out


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(value)


def _texts(text: LocalizedText) -> dict[str, str]:
    return text.to_dict()


def export_package(es: EditorialStore, country: str, folder: Path) -> ExportResult:
    """Write ``folder`` (created; files it holds with the same names are replaced)."""
    with es.transaction() as conn:
        rows = es.package_rows(conn, country)
        published = {kind: list(es.published(conn, country, kind).values()) for kind in FILES}
    folder.mkdir(parents=True, exist_ok=True)
    result = ExportResult(folder)
    files: dict[str, str] = {"package.yaml": dump_yaml(_package(country, rows["package"]))}
    for kind, name in FILES.items():
        items = published[kind]
        if kind in CELL_KINDS:  # in the order of the printed table, as packages are written
            items = sorted(items, key=_cell_order(kind))
        if kind is Kind.INSTRUMENT:
            items = [_dates(p, INSTRUMENT_DATES) for p in items]
        elif kind is Kind.SOURCE:
            items = [_dates(p, ("accessed",)) for p in items]
        if items or name == "sources.yaml":
            files[name] = dump_yaml(items, HEADERS[name])
        result.counts[name] = len(items)
    if rows["areas"]:
        files["areas.yaml"] = dump_yaml(_areas(rows["areas"], rows["members"]),
                                        HEADERS["areas.yaml"])
    files["observations.csv"] = _observations(rows["observations"])
    result.counts["observations.csv"] = len(rows["observations"])
    layouts, printed = _layouts(rows["layouts"])
    if layouts:
        files["tables.yaml"] = dump_yaml(layouts, HEADERS["tables.yaml"])
    if printed:
        files["published.csv"] = printed
    files["README.md"] = _readme(country, result.counts)
    for name, text in sorted(files.items()):
        (folder / name).write_text(text, encoding="utf-8")
        result.files.append(name)
    return result


def _package(country: str, row: Mapping[str, Any] | None) -> dict[str, Any]:
    if row is None:  # a country written in the portal only: a description of our own
        names = {lang: default_registry().name(country, lang) for lang in LANGUAGES}
        return {"country": country,
                "title": {"fr": f"Profil migratoire : {names['fr']}",
                          "en": f"Migration profile: {names['en']}",
                          "ar": f"ملف الهجرة: {names['ar']}"},
                "edition": date.today(), "languages": list(LANGUAGES)}
    data: dict[str, Any] = {"country": row["country"],
                            "title": _texts(LocalizedText.coerce(row["title"])),
                            "edition": row["edition"]}
    if row["authors"]:
        data["authors"] = list(row["authors"])
    for name in ("publisher", "credits"):
        if row[name]:
            data[name] = _texts(LocalizedText.coerce(row[name]))
    data["languages"] = list(row["languages"])
    return data


def _areas(areas: list[dict[str, Any]], members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_grouping: dict[str, list[str]] = {}
    sources: dict[str, str | None] = {}
    for m in members:
        by_grouping.setdefault(m["grouping"], []).append(m["member"])
        sources[m["grouping"]] = m["source_id"]
    items = []
    for a in areas:
        item: dict[str, Any] = {"code": a["code"], "kind": a["kind"],
                                "names": _texts(LocalizedText.coerce(a["names"]))}
        if by_grouping.get(a["code"]):
            item["members"] = sorted(by_grouping[a["code"]])
        if sources.get(a["code"]):
            item["source"] = sources[a["code"]]
        items.append(item)
    return items


def _observations(observations: list[Observation]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(OBS_HEADER)
    for o in observations:
        breakdown = ";".join(f"{k}={v}" for k, v in sorted(o.breakdown.items()))
        writer.writerow([o.indicator, o.partner, o.period, o.sex.value, breakdown,
                         _number(o.value), o.status.value, o.source_id,
                         o.note.texts.get("fr", ""), o.note.texts.get("en", "")])
    return out.getvalue()


def _layouts(rows: list[dict[str, Any]]) -> tuple[dict[str, Any], str]:
    layouts: dict[str, Any] = {}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("table", "row", "column", "value"))
    count = 0
    for r in rows:
        spec = dict(r["spec"])
        printed = spec.pop("published", None) or {}
        layouts[r["table_id"]] = spec
        for area, columns in printed.items():
            for column, value in columns.items():
                writer.writerow((r["table_id"], area, column, repr(float(value))))
                count += 1
    return layouts, out.getvalue() if count else ""


def _readme(country: str, counts: Mapping[str, int]) -> str:
    lines = [f"# Data package of {country} (exported)", "",
             "Written by `migprofile export` from the published content of the database: "
             "what the portal, the API and `migprofile build` show. Drafts are not included.",
             "Load it with `migprofile load DIR`; the format is described in "
             "docs/data-package.md.", "", "| file | items |", "|---|---|"]
    lines += [f"| `{name}` | {n} |" for name, n in sorted(counts.items())]
    return "\n".join(lines) + "\n"
