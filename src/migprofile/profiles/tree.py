"""The Profile tree: a renderer-agnostic document, already in one language.

Assembly (``profiles.assemble``) fills it from the store; renderers (``migprofile.render``)
lay it out as HTML, PDF, Markdown or JSON and never query anything. Every number is a
``Value`` that keeps its raw figure, its status and its source next to the text printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Value:
    """A printed figure with its provenance."""

    text: str  # as printed in the profile's language: "3 292 599", "environ 16 000", "8,1"
    number: float | None
    kind: str  # count | amount | percent | rate | share | variation | year
    status: str = "observed"
    source_id: str | None = None
    period: str | None = None
    formula: str | None = None  # for computed values: "linear", "exponential", "share", ...
    note: str | None = None
    low: float | None = None  # approximate totals: the true value lies in [low, number]


@dataclass(frozen=True)
class Cell:
    text: str = ""
    value: Value | None = None
    header: bool = False
    scope: str | None = None  # "col", "row", "colgroup" for header cells
    colspan: int = 1
    rowspan: int = 1
    level: int = 0  # indentation of "of which" rows
    strong: bool = False  # total rows
    numeric: bool = False


@dataclass(frozen=True)
class SourceLine:
    label: str  # "Source" / "Sources" in the language
    citations: tuple[str, ...]
    source_ids: tuple[str, ...]
    lead: str = ""  # the label with its colon as the language writes it: "Source :", "المصدر:"
    separator: str = "; "  # between citations: " ; " in French, "؛ " in Arabic

    @property
    def prefix(self) -> str:
        return self.lead or f"{self.label}:"

    @property
    def text(self) -> str:
        # "…Harvard Dataverse; GAPs…", not "…Dataverse.; GAPs…": a citation's own final stop
        # gives way to the separator
        cited = [c.removesuffix(".") for c in self.citations[:-1]] + list(self.citations[-1:])
        return f"{self.prefix} {self.separator.join(cited)}"


@dataclass(frozen=True)
class TableBlock:
    id: str
    caption: str
    header: tuple[tuple[Cell, ...], ...]
    body: tuple[tuple[Cell, ...], ...]
    source: SourceLine
    notes: tuple[str, ...] = ()
    kind: str = "table"

    def csv_rows(self) -> list[list[str]]:
        """Flat rows for download: one header line, then the body as printed."""
        header = [c.text for c in self.header[-1]] if self.header else []
        if len(self.header) > 1:
            top = [c for c in self.header[0] for _ in range(c.colspan)]
            header = [f"{t.text} {h}".strip() if t.text != h else h
                      for t, h in zip(top, _expand(self.header), strict=False)]
        return [header, *[[c.value.text if c.value else c.text for c in row] for row in self.body]]


def _expand(header: tuple[tuple[Cell, ...], ...]) -> list[str]:
    """Bottom header labels aligned under the top row (row-spanning top cells repeat)."""
    bottom = iter(header[-1])
    labels = []
    for cell in header[0]:
        if cell.rowspan > 1:
            labels.append(cell.text)
        else:
            labels.extend(next(bottom).text for _ in range(cell.colspan))
    return labels


@dataclass(frozen=True)
class Paragraph:
    text: str  # Markdown, figures already resolved
    figures: tuple[Value, ...] = ()
    lang: str = "fr"  # the language the text is really in
    fallback: bool = False  # True when shown in another language than the profile's
    title: str | None = None
    kind: str = "paragraph"


@dataclass(frozen=True)
class ChartBlock:
    id: str
    title: str
    spec: dict[str, Any]  # Vega-Lite, localized; data inline
    description: str  # alternative text
    source: SourceLine
    data: tuple[dict[str, Any], ...] = ()
    kind: str = "chart"


@dataclass(frozen=True)
class RichText:
    """A framework cell: Markdown in some language, with footnote marks and instruments."""

    markdown: str
    lang: str
    fallback: bool = False
    footnotes: tuple[int, ...] = ()
    kind: str = "rich_text"


@dataclass(frozen=True)
class LegalItem:
    """One generated statement of a framework cell: a rule or an instrument, with its coded
    status, date, partners, as-of date and source (the text is migprofile's own words)."""

    text: str  # Markdown inline, in the profile's language
    source_id: str
    as_of: str | None = None  # ISO date of the snapshot / the law in force
    status: str | None = None  # coded status: ratified, voted_yes, 1 (a GLOBALCIT code)...
    date: str | None = None  # ISO date or year of the instrument or rule
    partners: tuple[str, ...] = ()  # area codes
    ref: str | None = None  # treaty key, instrument id, GLOBALCIT variable
    url: str | None = None


@dataclass(frozen=True)
class ItemGroup:
    """A labelled, dated sub-block of generated items inside a framework cell, below the
    curated text (so two statements of different dates never stand side by side undated)."""

    key: str  # treaties | citizenship | visa_in | ... (stable across languages)
    title: str
    items: tuple[LegalItem, ...]
    source: SourceLine
    lang: str
    note: str = ""  # how the items were chosen (Markdown inline), if anything needs saying
    kind: str = "item_group"


CellPart = RichText | ItemGroup


@dataclass(frozen=True)
class FrameworkRow:
    key: str
    title: str
    cells: tuple[tuple[CellPart, ...], tuple[CellPart, ...]]  # (first direction, second)


@dataclass(frozen=True)
class Footnote:
    number: int
    text: str
    lang: str
    fallback: bool = False


@dataclass(frozen=True)
class FrameworkTable:
    id: str
    caption: str
    corner: str  # the top-left header cell
    columns: tuple[str, str]
    rows: tuple[FrameworkRow, ...]
    footnotes: tuple[Footnote, ...] = ()
    kind: str = "framework"


@dataclass(frozen=True)
class SideBySide:
    """Two columns printed side by side (emigration | immigration), each a list of blocks."""

    titles: tuple[str, str]
    columns: tuple[tuple[Block, ...], tuple[Block, ...]]
    kind: str = "side_by_side"


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 3
    kind: str = "heading"


Block = Paragraph | TableBlock | ChartBlock | FrameworkTable | SideBySide | Heading


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    blocks: tuple[Block, ...]
    footnotes: tuple[Footnote, ...] = ()


@dataclass(frozen=True)
class SourceEntry:
    id: str
    citation: str
    publisher: str
    title: str
    edition: str | None
    url: str | None
    accessed: str | None
    sha256: str | None
    licence: str | None


@dataclass(frozen=True)
class Cover:
    series: str  # "CARIM – Profil migratoire"
    title: str
    country_name: str
    subtitle_lines: tuple[str, ...]  # the three frameworks
    authors: tuple[str, ...]
    credits: str
    publisher: str
    date_text: str


@dataclass(frozen=True)
class Profile:
    country: str  # ISO3
    iso2: str
    lang: str
    direction: str  # "ltr" | "rtl"
    title: str
    edition: str  # ISO date
    cover: Cover
    sections: tuple[Section, ...]
    sources: tuple[SourceEntry, ...]
    method_note: str
    growth_method: str
    data_version: int
    labels: dict[str, str] = field(default_factory=dict)  # UI strings renderers need
    generated_by: str = "migprofile"
