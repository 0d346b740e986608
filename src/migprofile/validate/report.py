"""Findings collected while reading or checking data, and the report that holds them.

A finding has a type (a short kebab-case name such as ``wrong-total``), a severity, a
location (file, row, column) and a message. Checks and readers never print and never exit:
they return a ``Report``; the CLI prints it as a table, the API returns it as JSON, tests
compare ``report.flatten()`` lists.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Location:
    file: str | None = None
    row: int | None = None  # 1-based line number in the file (the header is line 1)
    column: str | None = None

    def __str__(self) -> str:
        parts = [self.file or "<data>"]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column!r}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Finding:
    type: str
    message: str
    severity: Severity = Severity.ERROR
    location: Location = field(default_factory=Location)

    def __str__(self) -> str:
        return f"{self.severity.value}: {self.location}: {self.message} [{self.type}]"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


@dataclass
class Report:
    """An ordered list of findings about one subject (a file, a package, a country)."""

    subject: str = ""
    findings: list[Finding] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)

    def add(
        self,
        type: str,
        message: str,
        *,
        severity: Severity = Severity.ERROR,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> Finding:
        finding = Finding(type, message, severity, Location(file, row, column))
        self.findings.append(finding)
        return finding

    def error(self, type: str, message: str, **where: Any) -> Finding:
        return self.add(type, message, severity=Severity.ERROR, **where)

    def warning(self, type: str, message: str, **where: Any) -> Finding:
        return self.add(type, message, severity=Severity.WARNING, **where)

    def info(self, type: str, message: str, **where: Any) -> Finding:
        return self.add(type, message, severity=Severity.INFO, **where)

    def extend(self, other: Report | Iterable[Finding]) -> None:
        if isinstance(other, Report):
            self.findings.extend(other.findings)
            for key, value in other.stats.items():
                self.stats[key] = self.stats.get(key, 0) + value
        else:
            self.findings.extend(other)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def flatten(self, *keys: str) -> list[list[Any]]:
        """``[[row, column, type], ...]`` (or the keys asked for), for compact test assertions."""
        wanted = keys or ("row", "column", "type")
        rows = []
        for finding in self.findings:
            values = {
                "file": finding.location.file,
                "row": finding.location.row,
                "column": finding.location.column,
                "type": finding.type,
                "severity": finding.severity.value,
                "message": finding.message,
            }
            rows.append([values[k] for k in wanted])
        return rows

    def summary(self) -> str:
        return (
            f"{self.subject or 'report'}: {len(self.errors)} error(s), "
            f"{len(self.warnings)} warning(s)"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "ok": self.ok,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "stats": dict(self.stats),
            "findings": [f.to_dict() for f in self.findings],
        }
