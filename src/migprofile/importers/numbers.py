"""The one number parser of source files: each source declares its convention, nothing is guessed.

    PLAIN.parse("1234.5")           -> 1234.5
    PLAIN.parse("1,5")              -> CellError: not a number in this file's convention
    GROUPED.parse("1,234,567")      -> 1234567.0  (a source whose files use thousands commas)
    COUNT.parse("-3")               -> CellError: a count cannot be negative

A ``NumberFormat`` names its decimal mark and its thousands mark (or none); ``parse`` accepts
exactly the numbers written that way and refuses everything else, including what Python's
``float`` would take: ``nan``, ``inf``, ``1_000``, ``0x10``, numbers beyond ±1e15 (no
migration count or money amount in millions comes near; beyond that is a broken cell), and
negatives where the source's values are counts. ``CellError`` carries the reason; readers
report it with file, row and column (``cell_value`` does that for a ``TableContext``).

The plain case (digits, an optional point, an optional exponent) is checked with one
precompiled regular expression before ``float``: this runs on every cell of 500,000-row
files.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from migprofile.model import Status

LIMIT = 1e15
MISSING_MARKS = frozenset({"", "..", "NA", "N/A", "n.a.", "…", "-"})
SUPPRESSED_MARKS = frozenset({"~", "*", "x"})
_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?")


class CellError(ValueError):
    """A cell is not a number of the file's convention; the message says why."""


@dataclass(frozen=True)
class NumberFormat:
    """How a source writes numbers: decimal mark, thousands mark (None: never), sign."""

    decimal: str = "."
    thousands: str | None = None
    negative: bool = True  # False for counts: a negative value is refused
    limit: float = LIMIT
    _grouped: re.Pattern[str] | None = field(default=None, init=False, repr=False,
                                             compare=False)

    def __post_init__(self) -> None:
        if self.thousands is not None:
            t, d = re.escape(self.thousands), re.escape(self.decimal)
            pattern = re.compile(rf"[+-]?\d{{1,3}}(?:{t}\d{{3}})+(?:{d}\d+)?")
            object.__setattr__(self, "_grouped", pattern)

    def describe(self) -> str:
        marks = f"decimal mark {self.decimal!r}, " + (
            f"thousands mark {self.thousands!r}" if self.thousands else "no thousands marks")
        return marks + ("" if self.negative else ", no negative values")

    def parse(self, text: str) -> float:
        """The number ``text`` holds; ``CellError`` if it is not one of this convention."""
        cell = text.strip()
        if self.decimal != "." and self.decimal in cell and "." not in cell:
            cell = cell.replace(self.decimal, ".")
        if _PLAIN.fullmatch(cell) is None:
            grouped = self._grouped
            if grouped is None or grouped.fullmatch(cell) is None:
                raise CellError(f"{text!r} is not a number written with {self.describe()}")
            assert self.thousands is not None
            cell = cell.replace(self.thousands, "").replace(self.decimal, ".")
        return self.check(float(cell), text)

    def check(self, value: float, text: Any = None) -> float:
        """A number read from a spreadsheet cell, checked like a parsed one."""
        shown = repr(text if text is not None else value)
        if math.isnan(value) or math.isinf(value) or abs(value) > self.limit:
            raise CellError(f"{shown} is out of range (beyond ±{self.limit:.0e}, infinite or "
                            "not a number)")
        if value < 0 and not self.negative:
            raise CellError(f"{shown} is negative; this column holds counts")
        return value


PLAIN = NumberFormat()
COUNT = NumberFormat(negative=False)
GROUPED = NumberFormat(thousands=",")


def parse_cell(text: str, fmt: NumberFormat = PLAIN) -> tuple[float | None, Status]:
    """A cell as ``(value, status)``: ``..``/empty -> missing, ``~``/``*`` -> suppressed.

    Raises ``CellError`` for text that is neither a number of ``fmt`` nor a known mark.
    """
    cell = text.strip()
    if cell in MISSING_MARKS:
        return None, Status.MISSING
    if cell in SUPPRESSED_MARKS:
        return None, Status.SUPPRESSED
    return fmt.parse(cell), Status.OBSERVED


def parse_any(raw: Any, fmt: NumberFormat = PLAIN) -> tuple[float | None, Status]:
    """``parse_cell`` for a spreadsheet cell (already a number, or text)."""
    if isinstance(raw, bool):
        raise CellError(f"{raw!r} is not a number")
    if isinstance(raw, int | float):
        try:
            return fmt.check(float(raw), raw), Status.OBSERVED
        except OverflowError as exc:
            raise CellError(f"{raw!r} is out of range") from exc
    return parse_cell(str(raw), fmt)
