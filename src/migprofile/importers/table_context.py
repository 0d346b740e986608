"""The state a table reader carries while it reads one file: where observations go, how
areas resolve (``AreaMap``), which countries are kept, and findings capped per type so that
a wholly wrong file gives a readable report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from migprofile.importers.areamap import AreaMap
from migprofile.importers.base import ReadOptions
from migprofile.model import Area, LocalizedText, Observation, Sex, Status
from migprofile.validate import Report, Severity

MAX_FINDINGS_PER_TYPE = 20
_NO_NOTE = LocalizedText()


@dataclass
class TableContext:
    file: str
    source_id: str
    options: ReadOptions
    areas: AreaMap
    report: Report = field(default_factory=Report)
    observations: list[Observation] = field(default_factory=list)
    unmapped: list[Area] = field(default_factory=list)
    _counts: Counter[str] = field(default_factory=Counter)

    def wanted(self, *codes: str) -> bool:
        """Whether a row about these areas is kept (``ReadOptions.countries``)."""
        keep = self.options.countries
        return keep is None or any(code in keep for code in codes)

    def emit(
        self,
        indicator: str,
        country: str,
        partner: str,
        period: str,
        value: float | None,
        status: Status,
        *,
        note: LocalizedText = _NO_NOTE,
        sex: Sex = Sex.TOTAL,
        breakdown: dict[str, str] | None = None,
    ) -> None:
        # positional: this runs once per value of 500,000-row files
        self.observations.append(Observation(indicator, country, partner, period, value,
                                             self.source_id, sex, breakdown or {}, status,
                                             note))

    def problem(self, type: str, message: str, *, row: int | None = None,
                column: str | None = None, severity: Severity = Severity.ERROR) -> None:
        """A finding about a cell (an error unless said); after 20 of a type, only counted."""
        self._counts[type] += 1
        if self._counts[type] > MAX_FINDINGS_PER_TYPE:
            return
        self.report.add(type, message, severity=severity, file=self.file, row=row,
                        column=column)

    def finish(self) -> None:
        """Summarise capped findings and unknown areas; record counts in ``report.stats``."""
        for type, count in sorted(self._counts.items()):
            if count > MAX_FINDINGS_PER_TYPE:
                self.report.info(type, f"{count - MAX_FINDINGS_PER_TYPE} more {type} "
                                 "finding(s) not listed", file=self.file)
        self.unmapped = self.areas.finish(self.report)
        self.report.stats["observations"] = len(self.observations)
