"""Property-based fuzzing of every reader: mutated fixture files (cut, lines dropped or
repeated, cells replaced by hostile tokens, bytes flipped) are imported for real. Whatever
the mutation, the import either succeeds or fails with a ``MigprofileError`` (a clean
report, never a traceback), and a failed import leaves the database exactly as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, fingerprint
from migprofile.errors import MigprofileError
from migprofile.importers.run import import_file
from migprofile.store import Store

FIXTURES = {
    "undesa-bilateral": "undesa-bilateral-small.csv",
    "undesa-destination": "undesa-destination-small.csv",
    "wb-wdi": "wb-api-small.csv",
    "wb-gdidata": "wdi-gdidata-small.csv",
    "unhcr": "unhcr-small.csv",
    "knomad": "knomad-small.csv",
    "treaties": "untc-small.csv",
    "oecd": "oecd-small.csv",
    "template": "template-valid.csv",
}
HOSTILE = ["", "NaN", "inf", "-1", "1e400", "9" * 400, "1,5", '"', "\x00", "=1+1", "é",
           "2009-13-45", "XYZ", "..", "*", " ", "\ufeff", "0x10", "1_0"]


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    lines = text.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 3))):
        if not lines:
            break
        kind = draw(st.sampled_from(["cut", "drop", "repeat", "cell", "bytes"]))
        i = draw(st.integers(0, len(lines) - 1))
        if kind == "cut":
            joined = "".join(lines)
            lines = [joined[:draw(st.integers(0, len(joined)))]]
        elif kind == "drop":
            del lines[i]
        elif kind == "repeat":
            lines.insert(i, lines[i])
        elif kind == "cell":
            cells = lines[i].rstrip("\r\n").split(",")
            cells[draw(st.integers(0, len(cells) - 1))] = draw(st.sampled_from(HOSTILE))
            lines[i] = ",".join(cells) + "\n"
        else:
            line = lines[i]
            at = draw(st.integers(0, max(len(line) - 1, 0)))
            lines[i] = line[:at] + draw(st.text(min_size=1, max_size=3)) + line[at + 1:]
    return "".join(lines)


@pytest.mark.parametrize("fmt", sorted(FIXTURES))
def test_reader_survives_mutations(fmt: str, hostile_store: Store, db_file: Path,
                                   tmp_path: Path) -> None:
    source = DATA / FIXTURES[fmt]
    sidecar = source.with_name(source.stem + ".sources.csv")
    original = source.read_text(encoding="utf-8")
    counter = iter(range(10**6))

    @given(text=mutated(original))
    @settings(max_examples=20, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(text: str) -> None:
        folder = tmp_path / f"m{next(counter)}"
        folder.mkdir()
        path = folder / source.name
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        if sidecar.is_file():
            shutil.copy(sidecar, folder / sidecar.name)
        before = fingerprint(db_file)
        try:
            import_file(hostile_store, path, fmt)
        except MigprofileError:
            assert fingerprint(db_file) == before

    run()
