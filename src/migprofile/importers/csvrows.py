"""Reading delimited text (plain or ``.gz``) row by row; every problem becomes a finding.

``iter_rows`` yields ``(line, row)`` pairs and stops at the first problem that makes the rest
of the file unreadable (wrong header, corrupt bytes, a broken gzip stream); rows with missing
or extra cells are reported one by one (up to ``MAX_ROW_ERRORS``) and skipped. Readers turn
cells into values with ``parse_value``, which keeps the source's status marks.
"""

from __future__ import annotations

import csv
import gzip
import io
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from migprofile.importers.numbers import PLAIN, NumberFormat, parse_cell
from migprofile.model import Status
from migprofile.validate import Report

MAX_ROW_ERRORS = 20
_STREAM_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error)

Row = dict[str, str]


def is_gzip(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def base_name(path: Path) -> str:
    """The file name without a trailing ``.gz`` (what the format is recognised by)."""
    name = path.name
    return name[:-3] if is_gzip(path) else name


def open_text(path: Path) -> TextIO:
    if is_gzip(path):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", newline="")
    return path.open(encoding="utf-8-sig", newline="")


def head_lines(path: Path, count: int = 5) -> list[str]:
    """The first lines of a text file, or ``[]`` when it cannot be read (for ``claims``)."""
    try:
        with open_text(path) as fh:
            return [line.rstrip("\r\n") for _, line in zip(range(count), fh, strict=False)]
    except (OSError, UnicodeDecodeError, *_STREAM_ERRORS):
        return []


def parse_value(text: str, fmt: NumberFormat = PLAIN) -> tuple[float | None, Status]:
    """A cell as ``(value, status)``: ``..``/empty -> missing, ``~`` -> suppressed.

    Raises ``ValueError`` (``numbers.CellError``) for text that is neither a number of the
    source's convention ``fmt`` nor a known mark (see ``importers.numbers``).
    """
    return parse_cell(text, fmt)


def iter_rows(
    path: Path, report: Report, required: Sequence[str], *, skip: int = 0
) -> Iterator[tuple[int, Row]]:
    """Rows of a CSV file as dicts, with their line numbers (the header is line ``skip + 1``).

    Stops, with an error in ``report``, when a required column is missing or the file is
    corrupt (bad UTF-8, broken gzip, broken quoting); reports and skips rows whose number of
    cells differs from the header's.
    """
    name = path.name
    line = skip
    try:
        with open_text(path) as fh:
            for _ in range(skip):
                fh.readline()
            reader = csv.reader(fh)
            header = _header(reader, name, required, skip, report)
            if header is None:
                return
            errors = rows = 0
            for cells in reader:
                line = reader.line_num + skip
                if not (cells and cells[0].strip()) and not "".join(cells).strip():
                    continue  # a blank row (the first test settles almost every row)
                if len(cells) != len(header):
                    errors += 1
                    _width_error(report, name, line, header, cells)
                    if errors >= MAX_ROW_ERRORS:
                        report.error("too-many-errors", "reading stopped after "
                                     f"{MAX_ROW_ERRORS} malformed rows", file=name, row=line)
                        return
                    continue
                rows += 1
                yield line, dict(zip(header, cells, strict=True))
            if not rows and not errors:
                report.error("empty-file", "the file has a header but no data rows",
                             file=name, row=skip + 2)
    except UnicodeDecodeError as exc:
        report.error("encoding-error", f"not valid UTF-8 text: {exc.reason}", file=name,
                     row=_undecodable_line(path))
    except _STREAM_ERRORS as exc:
        report.error("corrupt-file", f"the compressed file is damaged or cut short: {exc}",
                     file=name, row=line + 1)
    except csv.Error as exc:
        report.error("corrupt-file", f"malformed CSV: {exc}", file=name, row=line + 1)
    except OSError as exc:
        report.error("unreadable-file", str(exc), file=name)


def _header(reader: Iterator[list[str]], name: str, required: Sequence[str], skip: int,
            report: Report) -> list[str] | None:
    first = next(reader, None)
    if first is None:
        report.error("empty-file", "the file has no header row", file=name, row=skip + 1)
        return None
    header = [h.strip() for h in first]
    missing = [c for c in required if c not in header]
    if missing:
        report.error("missing-column", f"column(s) {', '.join(missing)} missing; the header is "
                     f"{', '.join(header)}", file=name, row=skip + 1, column=missing[0])
        return None
    return header


def _width_error(report: Report, name: str, line: int, header: list[str],
                 cells: list[str]) -> None:
    if len(cells) < len(header):
        report.error("truncated-row", f"the row has {len(cells)} of {len(header)} cells "
                     "(is the file cut short?)", file=name, row=line, column=header[len(cells)])
    else:
        report.error("extra-cell", f"the row has {len(cells)} cells, the header "
                     f"{len(header)}", file=name, row=line)


def _undecodable_line(path: Path) -> int | None:
    """The line of the first byte that is not UTF-8 (text is decoded in blocks, so the line
    being read when decoding failed may be earlier)."""
    try:
        data = gzip.decompress(path.read_bytes()) if is_gzip(path) else path.read_bytes()
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return data.count(b"\n", 0, exc.start) + 1
    except (OSError, *_STREAM_ERRORS):
        return None
    return None
