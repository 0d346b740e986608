"""A country data package once read: everything to be written in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from migprofile.model.core import Area, Grouping, Indicator, Observation, Source
from migprofile.model.frameworks import (
    Footnote,
    FrameworkCell,
    LegalInstrument,
    Narrative,
    TableLayout,
)
from migprofile.model.text import LocalizedText


@dataclass(frozen=True)
class PackageInfo:
    country: str  # ISO3
    title: LocalizedText
    edition: date
    authors: tuple[str, ...] = ()
    credits: LocalizedText = field(default_factory=LocalizedText)
    languages: tuple[str, ...] = ("fr",)
    publisher: LocalizedText = field(default_factory=LocalizedText)
    sha256: str = ""  # of the package's files, in name order
    path: str = ""


@dataclass
class CountryPackage:
    info: PackageInfo
    sources: list[Source] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    areas: list[Area] = field(default_factory=list)
    groupings: list[Grouping] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    instruments: list[LegalInstrument] = field(default_factory=list)
    cells: list[FrameworkCell] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    narratives: list[Narrative] = field(default_factory=list)
    layouts: list[TableLayout] = field(default_factory=list)
