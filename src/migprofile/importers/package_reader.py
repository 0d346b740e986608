"""Reading a country data package folder (docs/data-package.md) into a ``CountryPackage``.

Reading only parses and resolves; it never writes. Every problem becomes a finding that
names file, row and column; the caller refuses to write a package whose report has errors.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from migprofile.importers.numbers import PLAIN
from migprofile.importers.package_texts import read_texts
from migprofile.importers.yamlfile import LINE, display_name, read_yaml
from migprofile.model import (
    Area,
    AreaKind,
    CountryPackage,
    Grouping,
    Indicator,
    LocalizedText,
    Observation,
    PackageInfo,
    Sex,
    Source,
    Status,
    parse_breakdown,
    period_year,
)
from migprofile.validate import Report

OBS_COLUMNS = ("indicator", "partner", "period", "sex", "breakdown", "value", "status", "source")
NO_VALUE = {Status.MISSING, Status.SUPPRESSED, Status.NOT_APPLICABLE}


class AreaResolver:
    """Resolves partner names and codes: the package's own areas first, then ``migprofile.geo``."""

    def __init__(self, registry: Any, own: Mapping[str, Area]) -> None:
        self.registry = registry
        self.own = own

    def resolve(self, name: str) -> str | None:
        if name in self.own:
            return name
        found: str | None = self.registry.try_resolve(name)
        return found


def package_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read_package(
    folder: Path, *, indicators: Mapping[str, Indicator], registry: Any
) -> tuple[CountryPackage | None, Report]:
    """Parse ``folder``; returns the package (None when it cannot be read at all) and a report."""
    report = Report(subject=f"package {folder.name}")
    if not folder.is_dir():
        report.error("missing-file", "not a folder", file=str(folder))
        return None, report
    info = _read_info(folder, registry, report)
    if info is None:
        return None, report
    package = CountryPackage(info=info)
    package.sources = _read_sources(folder, report)
    package.areas, package.groupings = _read_areas(folder, info.country, registry, report)
    resolver = AreaResolver(registry, {a.code: a for a in package.areas})
    source_ids = {s.id for s in package.sources}
    package.observations = _read_observations(
        folder, info.country, indicators, source_ids, resolver, report)
    read_texts(folder, package, source_ids, resolver, report)
    report.stats.update({"observations": len(package.observations),
                         "instruments": len(package.instruments), "cells": len(package.cells),
                         "narratives": len(package.narratives)})
    return package, report


def _read_info(folder: Path, registry: Any, report: Report) -> PackageInfo | None:
    path = folder / "package.yaml"
    name = display_name(path, folder)
    if not path.is_file():
        report.error("missing-file", "package.yaml is required", file=name)
        return None
    data = read_yaml(path, report, root=folder)
    if not isinstance(data, dict):
        if data is not None:
            report.error("invalid-structure", "expected a mapping", file=name)
        return None
    country = registry.try_resolve(str(data.get("country", "")))
    if country is None:
        report.error("unknown-area", f"country {data.get('country')!r} is not a known country",
                     file=name, row=data.get(LINE), column="country")
        return None
    edition = data.get("edition")
    if not isinstance(edition, date):
        report.error("invalid-value", "edition must be a date (YYYY-MM-DD)", file=name,
                     column="edition")
        return None
    return PackageInfo(
        country=country, title=_text(data.get("title")), edition=edition,
        authors=tuple(str(a) for a in data.get("authors") or ()),
        credits=_text(data.get("credits")), languages=tuple(data.get("languages") or ("fr",)),
        publisher=_text(data.get("publisher")), sha256=package_digest(folder), path=str(folder),
    )


def _read_sources(folder: Path, report: Report) -> list[Source]:
    path = folder / "sources.yaml"
    name = display_name(path, folder)
    if not path.is_file():
        report.error("missing-file", "sources.yaml is required", file=name)
        return []
    items = _list(read_yaml(path, report, root=folder), name, report)
    sources: list[Source] = []
    seen: set[str] = set()
    for item in items:
        sid = str(item.get("id") or "")
        if not sid or sid in seen:
            report.error("duplicate-key" if sid else "missing-value",
                         f"source id {sid!r} is {'repeated' if sid else 'missing'}",
                         file=name, row=item.get(LINE), column="id")
            continue
        seen.add(sid)
        accessed = item.get("accessed")
        convention = _opt_str(item.get("growth_convention"))
        if convention not in (None, "linear", "exponential"):
            report.error("invalid-value", f"growth_convention must be linear or exponential, not "
                         f"{convention!r}", file=name, row=item.get(LINE),
                         column="growth_convention")
            convention = None
        sources.append(Source(
            id=sid, publisher=str(item.get("publisher") or ""), title=_text(item.get("title")),
            edition=_opt_str(item.get("edition")), url=_opt_str(item.get("url")),
            accessed=accessed if isinstance(accessed, date) else None,
            licence=_opt_str(item.get("licence")), citation=_text(item.get("citation")),
            note=_text(item.get("note")), growth_convention=convention,
        ))
    return sources


def _read_areas(
    folder: Path, country: str, registry: Any, report: Report
) -> tuple[list[Area], list[Grouping]]:
    path = folder / "areas.yaml"
    if not path.is_file():
        return [], []
    name = display_name(path, folder)
    areas: list[Area] = []
    groupings: list[Grouping] = []
    for item in _list(read_yaml(path, report, root=folder), name, report):
        code = str(item.get("code") or "")
        try:
            kind = AreaKind(str(item.get("kind", "grouping")))
        except ValueError:
            report.error("invalid-value", f"area kind {item.get('kind')!r} is unknown",
                         file=name, row=item.get(LINE), column="kind")
            continue
        if ":" not in code:
            report.error("invalid-value", f"package area code {code!r} must be PREFIX:slug",
                         file=name, row=item.get(LINE), column="code")
            continue
        members = []
        for member in item.get("members") or ():
            resolved = registry.try_resolve(str(member))
            if resolved is None:
                report.error("unknown-area", f"member {member!r} is not a known area",
                             file=name, row=item.get(LINE), column="members")
            else:
                members.append(resolved)
        areas.append(Area(code=code, kind=kind, names=_text(item.get("names"))))
        if members:
            groupings.append(Grouping(code, tuple(members), _opt_str(item.get("source"))))
    return areas, groupings


def _read_observations(
    folder: Path,
    country: str,
    indicators: Mapping[str, Indicator],
    source_ids: set[str],
    resolver: AreaResolver,
    report: Report,
) -> list[Observation]:
    path = folder / "observations.csv"
    name = display_name(path, folder)
    if not path.is_file():
        report.error("missing-file", "observations.csv is required", file=name)
        return []
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in OBS_COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                report.error("missing-column", f"columns {missing} are required", file=name, row=1)
                return []
            rows = [(reader.line_num, row) for row in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        report.error("unreadable-file", str(exc), file=name)
        return []
    context = _ObsContext(country, indicators, source_ids, resolver, report, name)
    observations: list[Observation] = []
    seen: dict[tuple[str, ...], int] = {}
    for line, row in rows:
        obs = context.observation(line, row)
        if obs is None:
            continue
        if obs.key in seen:
            report.error("duplicate-key", f"same indicator, partner, period, sex, breakdown and "
                         f"source as row {seen[obs.key]}", file=name, row=line, column="partner")
            continue
        seen[obs.key] = line
        observations.append(obs)
    return observations


class _ObsContext:
    def __init__(self, country: str, indicators: Mapping[str, Indicator], source_ids: set[str],
                 resolver: AreaResolver, report: Report, file: str) -> None:
        self.country, self.indicators, self.source_ids = country, indicators, source_ids
        self.resolver, self.report, self.file = resolver, report, file

    def fail(self, line: int, column: str, type: str, message: str) -> None:
        self.report.error(type, message, file=self.file, row=line, column=column)

    def observation(self, line: int, row: dict[str, str]) -> Observation | None:
        cells = {k: (v or "").strip() for k, v in row.items() if k}
        ok = True
        if cells["indicator"] not in self.indicators:
            self.fail(line, "indicator", "unknown-indicator",
                      f"indicator {cells['indicator']!r} is not in the indicator registry")
            ok = False
        if cells["source"] not in self.source_ids:
            self.fail(line, "source", "unknown-source",
                      f"source {cells['source']!r} is not declared in sources.yaml")
            ok = False
        partner = self.resolver.resolve(cells["partner"])
        if partner is None:
            self.fail(line, "partner", "unknown-area",
                      f"partner {cells['partner']!r} is not a known country, area or alias")
            ok = False
        parsed = self._parsed(line, cells)
        if not ok or parsed is None or partner is None:
            return None
        status, value, sex, breakdown = parsed
        note = {"fr": cells.get("note", ""), "en": cells.get("note_en", "")}
        return Observation(
            indicator=cells["indicator"], country=self.country, partner=partner,
            period=cells["period"], value=value, source_id=cells["source"], sex=sex,
            breakdown=breakdown, status=status, note=LocalizedText(note),
        )

    def _parsed(
        self, line: int, cells: dict[str, str]
    ) -> tuple[Status, float | None, Sex, dict[str, str]] | None:
        try:
            period_year(cells["period"])
        except ValueError as exc:
            self.fail(line, "period", "invalid-period", str(exc))
            return None
        try:
            status = Status(cells["status"] or "observed")
        except ValueError:
            self.fail(line, "status", "invalid-status",
                      f"status {cells['status']!r} is not one of {[s.value for s in Status]}")
            return None
        try:
            sex = Sex(cells["sex"] or "total")
        except ValueError:
            self.fail(line, "sex", "invalid-value",
                      f"sex {cells['sex']!r} is not total, male or female")
            return None
        try:
            breakdown = parse_breakdown(cells["breakdown"])
        except ValueError as exc:
            self.fail(line, "breakdown", "invalid-value", str(exc))
            return None
        value = self._value(line, cells["value"], status)
        if value is False:
            return None
        return status, value if isinstance(value, float) else None, sex, breakdown

    def _value(self, line: int, text: str, status: Status) -> float | bool | None:
        if not text:
            if status in NO_VALUE:
                return None
            self.fail(line, "value", "missing-value",
                      f"no value, but status is {status.value!r} (use missing or suppressed)")
            return False
        try:
            return PLAIN.parse(text)
        except ValueError as exc:
            self.fail(line, "value", "non-numeric", str(exc))
            return False


def _list(data: Any, name: str, report: Report) -> list[dict[str, Any]]:
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(i, dict) for i in data):
        report.error("invalid-structure", "expected a list of mappings", file=name)
        return []
    return data


def _text(value: Any) -> LocalizedText:
    if isinstance(value, dict):
        value = {k: v for k, v in value.items() if k != LINE}
    return LocalizedText.coerce(value)


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)
