"""Reference lists shipped with migprofile (``data/reference``): the one reader of their YAML
files, which raises on any error (a broken reference file stops the work, never thins it),
and the indicator registry built on it."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from migprofile.errors import DataError
from migprofile.importers.yamlfile import LINE, read_yaml, strip_lines
from migprofile.model import Basis, Indicator, LocalizedText
from migprofile.validate import Report

UNITS = frozenset({"persons", "households", "count", "usd_million", "usd", "percent",
                   "percentage_points", "years"})


def read_reference_yaml(path: Path) -> Any:
    """A reference YAML file's data; ``DataError`` with the findings when it is missing,
    unreadable or not YAML."""
    report = Report(subject=path.name)
    data = read_yaml(path, report)
    if not report.ok:
        raise DataError(f"{path}: the reference file cannot be read", report)
    return strip_lines(data)


def reference_indicators(data_dir: Path) -> tuple[Indicator, ...]:
    """The indicator registry, ``<data_dir>/reference/indicators.yaml``, read once per
    version of the file; ``DataError`` with the report when any entry is invalid."""
    path = data_dir / "reference" / "indicators.yaml"
    try:
        stat = path.stat()
    except OSError:
        return _registry(path, 0, 0)  # read_yaml reports the missing file
    return _registry(path, stat.st_mtime_ns, stat.st_size)


@cache
def _registry(path: Path, _mtime: int, _size: int) -> tuple[Indicator, ...]:
    report = Report(subject="indicators")
    found = read_indicators(path, report)
    if not report.ok:
        raise DataError(f"{path}: the indicator registry is invalid", report)
    return tuple(found)


def read_indicators(path: Path, report: Report) -> list[Indicator]:
    data = read_yaml(path, report)
    if data is None:
        return []
    if not isinstance(data, list):
        report.error("invalid-structure", "expected a list of indicators", file=str(path))
        return []
    found: list[Indicator] = []
    seen: set[str] = set()
    for item in data:
        indicator = _indicator(item, str(path), report)
        if indicator is None:
            continue
        if indicator.code in seen:
            report.error("duplicate-key", f"indicator {indicator.code!r} is defined twice",
                         file=str(path), row=item.get(LINE), column="code")
            continue
        seen.add(indicator.code)
        found.append(indicator)
    return found


def _indicator(item: Any, file: str, report: Report) -> Indicator | None:
    line = item.get(LINE) if isinstance(item, dict) else None
    if not isinstance(item, dict) or not item.get("code"):
        report.error("invalid-structure", "an indicator needs a code", file=file, row=line)
        return None
    unit = str(item.get("unit", ""))
    if unit not in UNITS:
        report.error("invalid-value", f"unit {unit!r} is not one of {sorted(UNITS)}",
                     file=file, row=line, column="unit")
        return None
    try:
        basis = Basis(str(item.get("basis", "other")))
    except ValueError:
        report.error("invalid-value", f"basis {item.get('basis')!r} is unknown",
                     file=file, row=line, column="basis")
        return None
    digits = item.get("digits")
    if digits is not None and (not isinstance(digits, int) or isinstance(digits, bool)
                               or not 0 <= digits <= 3):
        report.error("invalid-value", f"digits {digits!r} is not a whole number from 0 to 3",
                     file=file, row=line, column="digits")
        return None
    return Indicator(
        code=str(item["code"]), names=LocalizedText.coerce(_no_line(item.get("names"))),
        unit=unit, basis=basis, definition=LocalizedText.coerce(_no_line(item.get("definition"))),
        direction=item.get("direction"), digits=digits,
    )


def _no_line(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if k != LINE}
    return value
