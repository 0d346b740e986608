"""Reading the text side of a country package: instruments, framework cells, footnotes,
narratives, table layouts and the derived values a publication printed."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, Protocol

import jinja2

from migprofile.importers.treaties import reference as treaty_reference
from migprofile.importers.yamlfile import LINE, display_name, read_yaml, strip_lines
from migprofile.model import (
    DIRECTIONS,
    LEGAL_ROWS,
    SOCIO_POLITICAL_ROWS,
    CountryPackage,
    Footnote,
    Framework,
    FrameworkCell,
    InstrumentKind,
    InstrumentStatus,
    LegalInstrument,
    LocalizedText,
    Narrative,
    TableLayout,
)
from migprofile.validate import Report

ROWS = {Framework.LEGAL: LEGAL_ROWS, Framework.SOCIO_POLITICAL: SOCIO_POLITICAL_ROWS}
DATE_FIELDS = ("adopted", "signed", "ratified", "in_force", "as_of")


class Resolver(Protocol):
    def resolve(self, name: str) -> str | None: ...


class _Reader:
    def __init__(self, folder: Path, package: CountryPackage, source_ids: set[str],
                 resolver: Resolver, report: Report) -> None:
        self.folder, self.package, self.source_ids = folder, package, source_ids
        self.resolver, self.report = resolver, report
        self.country = package.info.country

    def items(self, filename: str) -> tuple[str, list[dict[str, Any]]]:
        path = self.folder / filename
        name = display_name(path, self.folder)
        if not path.is_file():
            return name, []
        data = read_yaml(path, self.report, root=self.folder)
        if data is None:
            return name, []
        if isinstance(data, dict) and filename == "tables.yaml":
            return name, [{**v, "id": k} for k, v in data.items() if k != LINE]
        if not isinstance(data, list) or not all(isinstance(i, dict) for i in data):
            self.report.error("invalid-structure", "expected a list of mappings", file=name)
            return name, []
        return name, data

    def check_source(self, name: str, item: dict[str, Any], required: bool) -> str | None:
        sid = item.get("source")
        if sid is None and not required:
            return None
        if sid not in self.source_ids:
            self.report.error("unknown-source", f"source {sid!r} is not declared in sources.yaml",
                              file=name, row=item.get(LINE), column="source")
            return None
        return str(sid)

    def instruments(self) -> None:
        name, items = self.items("instruments.yaml")
        seen: set[str] = set()
        for item in items:
            line = item.get(LINE)
            iid = str(item.get("id") or "")
            if not iid or iid in seen:
                self.report.error("duplicate-key", f"instrument id {iid!r} missing or repeated",
                                  file=name, row=line, column="id")
                continue
            seen.add(iid)
            try:
                kind = InstrumentKind(str(item.get("kind")))
                status = InstrumentStatus(str(item.get("status", "unknown")))
            except ValueError as exc:
                self.report.error("invalid-value", str(exc), file=name, row=line,
                                  column="kind" if "Kind" in str(exc) else "status")
                continue
            dates = {f: item.get(f) for f in DATE_FIELDS}
            bad = [f for f, v in dates.items() if v is not None and not isinstance(v, date)]
            for field in bad:
                self.report.error("invalid-value", f"{field} must be a date YYYY-MM-DD",
                                  file=name, row=line, column=field)
            parties = self._parties(name, item)
            source = self.check_source(name, item, required=True)
            treaty = self._treaty(name, item)
            if bad or parties is None or source is None or treaty is False:
                continue
            ref = treaty_reference().get(treaty) if isinstance(treaty, str) else None
            self.package.instruments.append(LegalInstrument(
                id=iid, country=self.country, kind=kind,
                title=_text(item.get("title")) if item.get("title") or ref is None
                else ref.title,
                status=status, source_id=source, number=_opt(item.get("number")),
                short_name=_text(item.get("short_name")) if item.get("short_name") or ref is None
                else ref.short_name,
                treaty=treaty if isinstance(treaty, str) else None, url=_opt(item.get("url")),
                years=tuple(int(y) for y in item.get("years") or ()), parties=parties,
                notes=_text(item.get("notes")), adopted=dates["adopted"],
                signed=dates["signed"], ratified=dates["ratified"],
                in_force=dates["in_force"], as_of=dates["as_of"],
            ))

    def _treaty(self, name: str, item: dict[str, Any]) -> str | bool | None:
        """The shared treaty an instrument cites (``treaty:``), None, or False if unknown."""
        key = item.get("treaty")
        if key is None:
            return None
        if str(key) not in treaty_reference():
            self.report.error("unknown-treaty", f"treaty {key!r} is not in the shared reference "
                              "(importers/mappings/treaties.yaml)", file=name,
                              row=item.get(LINE), column="treaty")
            return False
        return str(key)

    def _parties(self, name: str, item: dict[str, Any]) -> tuple[str, ...] | None:
        resolved = []
        for party in item.get("parties") or ():
            code = self.resolver.resolve(str(party))
            if code is None:
                self.report.error("unknown-area", f"party {party!r} is not a known area",
                                  file=name, row=item.get(LINE), column="parties")
                return None
            resolved.append(code)
        return tuple(resolved)

    def cells(self, framework: Framework, filename: str) -> None:
        name, items = self.items(filename)
        instrument_ids = {i.id for i in self.package.instruments}
        footnote_numbers = {f.number for f in self.package.footnotes}
        seen: set[tuple[str, str, int]] = set()
        for item in items:
            line = item.get(LINE)
            row, direction = str(item.get("row")), str(item.get("direction"))
            order = int(item.get("order") or 1)
            problems = []
            if row not in ROWS[framework]:
                problems.append(("row", f"row {row!r} is not one of {list(ROWS[framework])}"))
            if direction not in DIRECTIONS[framework]:
                problems.append(("direction", f"direction {direction!r} is not one of "
                                 f"{list(DIRECTIONS[framework])}"))
            if (row, direction, order) in seen:
                problems.append(("order", f"two cells at {row}/{direction} with order {order}"))
            missing_i = [i for i in item.get("instruments") or () if i not in instrument_ids]
            if missing_i:
                problems.append(("instruments", f"unknown instrument(s) {missing_i}"))
            missing_f = [n for n in item.get("footnotes") or () if n not in footnote_numbers]
            if missing_f:
                problems.append(("footnotes", f"unknown footnote(s) {missing_f}"))
            for column, message in problems:
                self.report.error("invalid-value", message, file=name, row=line, column=column)
            if problems:
                continue
            seen.add((row, direction, order))
            self.package.cells.append(FrameworkCell(
                country=self.country, framework=framework, row=row, direction=direction,
                order=order, text=_text(item.get("text")),
                footnotes=tuple(int(n) for n in item.get("footnotes") or ()),
                instruments=tuple(item.get("instruments") or ()),
                source_id=self.check_source(name, item, required=False),
            ))

    def footnotes(self) -> None:
        name, items = self.items("footnotes.yaml")
        for item in items:
            number = item.get("number")
            if not isinstance(number, int):
                self.report.error("invalid-value", "footnote number must be an integer",
                                  file=name, row=item.get(LINE), column="number")
                continue
            self.package.footnotes.append(Footnote(self.country, number, _text(item.get("text"))))

    def narratives(self) -> None:
        name, items = self.items("narratives.yaml")
        env = jinja2.Environment(autoescape=False)
        seen: set[tuple[str, str]] = set()
        for item in items:
            line = item.get(LINE)
            key = (str(item.get("section")), str(item.get("key")))
            if key in seen:
                self.report.error("duplicate-key", f"narrative {key} is repeated", file=name,
                                  row=line, column="key")
                continue
            seen.add(key)
            text = _text(item.get("text"))
            for lang, template in text.items():
                try:
                    env.parse(template)
                except jinja2.TemplateSyntaxError as exc:
                    self.report.error("invalid-template", f"{lang}: {exc.message}", file=name,
                                      row=(line or 0) + exc.lineno, column=f"text.{lang}")
            unknown = [s for s in item.get("sources") or () if s not in self.source_ids]
            if unknown:
                self.report.error("unknown-source", f"unknown source(s) {unknown}", file=name,
                                  row=line, column="sources")
            self.package.narratives.append(Narrative(
                country=self.country, section=key[0], key=key[1], order=int(item.get("order") or 1),
                text=text, source_ids=tuple(item.get("sources") or ()),
            ))

    def layouts(self) -> None:
        name, items = self.items("tables.yaml")
        published = self._published()
        for item in items:
            spec = strip_lines(item)
            table_id = spec.pop("id")
            spec["published"] = published.pop(table_id, {})
            self.check_source(name, item, required=False)
            for area in _layout_areas(spec):
                if self.resolver.resolve(area) is None:
                    self.report.error("unknown-area", f"row area {area!r} is not known",
                                      file=name, row=item.get(LINE), column="rows")
            self.package.layouts.append(TableLayout(self.country, table_id, spec))
        for table_id in published:
            self.report.error("unknown-table", f"published values for table {table_id!r}, "
                              "which tables.yaml does not define", file="published.csv")

    def _published(self) -> dict[str, dict[str, dict[str, float]]]:
        path = self.folder / "published.csv"
        if not path.is_file():
            return {}
        name = display_name(path, self.folder)
        found: dict[str, dict[str, dict[str, float]]] = {}
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            for row in reader:
                try:
                    value = float(row["value"])
                except (TypeError, ValueError):
                    self.report.error("non-numeric", f"value {row.get('value')!r} is not a number",
                                      file=name, row=reader.line_num, column="value")
                    continue
                table = found.setdefault(row["table"], {})
                table.setdefault(row["row"], {})[row["column"]] = value
        return found


def _layout_areas(spec: dict[str, Any]) -> list[str]:
    areas = [str(spec["total"])] if spec.get("total") else []
    for row in spec.get("rows") or ():
        areas.append(str(row.get("area")))
        areas.extend(str(c) for c in row.get("children") or ())
    return areas


def read_texts(folder: Path, package: CountryPackage, source_ids: set[str], resolver: Resolver,
               report: Report) -> None:
    reader = _Reader(folder, package, source_ids, resolver, report)
    steps: list[tuple[str, Callable[[], None]]] = [
        ("instruments.yaml", reader.instruments), ("footnotes.yaml", reader.footnotes),
        ("legal.yaml", lambda: reader.cells(Framework.LEGAL, "legal.yaml")),
        ("socio_political.yaml", lambda: reader.cells(Framework.SOCIO_POLITICAL,
                                                      "socio_political.yaml")),
        ("narratives.yaml", reader.narratives), ("tables.yaml", reader.layouts)]
    for filename, step in steps:
        try:
            step()
        except (TypeError, ValueError, AttributeError, KeyError) as exc:
            # a value of the wrong type where the checks above expect another (``rows: 5``
            # where a list is due): an error naming the file, never a traceback
            report.error("invalid-structure", f"a value has the wrong type or shape "
                         f"({type(exc).__name__}: {exc})",
                         file=display_name(folder / filename, folder))


def _text(value: Any) -> LocalizedText:
    if isinstance(value, dict):
        value = {k: v for k, v in value.items() if k != LINE}
    return LocalizedText.coerce(value)


def _opt(value: Any) -> str | None:
    return None if value is None else str(value)
