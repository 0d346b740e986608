"""Column signatures: which table a delimited file holds, told by its header alone.

A reader declares ``signatures`` (one per table it reads); ``import auto`` picks a reader only
when one of them matches the file's header, names both readers when two match, and names
the table when it is a known one that no reader imports (UNHCR's flows, solutions,
demographics…), instead of reading it as a look-alike. See docs/import-safety.md.

    POPULATION = Signature("UNHCR population", {"year", "coo", "coa", "refugees"},
                           any_of={"idps", "stateless", "ooc"})
    POPULATION.matches(csv_columns(path))
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from migprofile.importers.tabular import csv_columns


@dataclass(frozen=True)
class Signature:
    """A table's header: every ``required`` column, one of ``any_of`` (when given), none of
    ``forbidden`` (the columns of a look-alike table)."""

    table: str
    required: frozenset[str]
    any_of: frozenset[str] = field(default_factory=frozenset)
    forbidden: frozenset[str] = field(default_factory=frozenset)

    def __init__(self, table: str, required: Iterable[str], *, any_of: Iterable[str] = (),
                 forbidden: Iterable[str] = ()) -> None:
        object.__setattr__(self, "table", table)
        object.__setattr__(self, "required", frozenset(required))
        object.__setattr__(self, "any_of", frozenset(any_of))
        object.__setattr__(self, "forbidden", frozenset(forbidden))

    def matches(self, columns: set[str] | frozenset[str]) -> bool:
        return (bool(columns) and self.required <= columns
                and (not self.any_of or bool(self.any_of & columns))
                and not (self.forbidden & columns))


def matching(signatures: Iterable[Signature], path: Path) -> Signature | None:
    """The first signature the header of ``path`` matches (None for no CSV header)."""
    columns = csv_columns(path)
    return next((s for s in signatures if s.matches(columns)), None)


_UNHCR = {"year", "coo", "coa"}
# tables of the sources we import that no reader reads: refused by name, not read as another
UNSUPPORTED: tuple[Signature, ...] = (
    Signature("UNHCR flows (yearly arrivals, not stocks)", _UNHCR | {"refugees"},
              any_of={"refugee_like"}, forbidden={"idps", "stateless", "ooc"}),
    Signature("UNHCR solutions (returns, resettlement, naturalisation)", _UNHCR,
              any_of={"returned_refugees", "resettlement", "naturalisation"},
              forbidden={"refugees"}),
    Signature("UNHCR demographics (by age and sex)", _UNHCR | {"pop_type"},
              any_of={"f_total", "m_total", "f_0_4"}),
    Signature("UNHCR IDMC or UNRWA totals (one total per pair, no population types)",
              _UNHCR | {"total"}, forbidden={"refugees", "idps", "pop_type"}),
)


def unsupported_table(path: Path) -> str | None:
    """The name of a known table that no reader imports, if ``path`` holds one."""
    found = matching(UNSUPPORTED, path)
    return found.table if found else None


def spreadsheet_errors() -> tuple[type[Exception], ...]:
    """What the spreadsheet libraries raise for a file that is not a workbook (a junk
    ``.xlsx``): a reader's file is then unreadable, not a bug."""
    from zipfile import BadZipFile

    from python_calamine import CalamineError

    return (CalamineError, BadZipFile, KeyError)
