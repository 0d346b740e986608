"""Reference lists shipped with migprofile: the indicator registry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from migprofile.importers.yamlfile import LINE, read_yaml
from migprofile.model import Basis, Indicator, LocalizedText
from migprofile.validate import Report

UNITS = frozenset({"persons", "households", "count", "usd_million", "usd", "percent",
                   "percentage_points", "years"})


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
    return Indicator(
        code=str(item["code"]), names=LocalizedText.coerce(_no_line(item.get("names"))),
        unit=unit, basis=basis, definition=LocalizedText.coerce(_no_line(item.get("definition"))),
        direction=item.get("direction"),
    )


def _no_line(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if k != LINE}
    return value
