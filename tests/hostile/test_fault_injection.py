"""``kill -9`` during an import (a real subprocess): the database is left either as it was
or with the import complete — never half-written — and stays a valid SQLite file."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import fingerprint

EXTRACT = Path(__file__).resolve().parents[2] / "data" / "extracts" / \
    "undesa_ims2024_bilateral_by_sex.csv.gz"
MIGPROFILE = Path(sys.executable).with_name("migprofile")


def _others(path: Path) -> tuple[object, ...]:
    con = sqlite3.connect(path)
    try:
        return con.execute("select count(*), total(value) from observations where origin not "
                           "like 'import:undesa-ims-fault%'").fetchone()
    finally:
        con.close()


@pytest.mark.parametrize("moment", [2.5, 5.0])
def test_kill_9_during_an_import_leaves_before_or_complete(small_db: Path, tmp_path: Path,
                                                           moment: float) -> None:
    if not MIGPROFILE.exists():
        pytest.skip(f"{MIGPROFILE} is not installed")
    db = tmp_path / "fault.db"
    shutil.copy(small_db, db)
    before, others = fingerprint(db), _others(db)
    proc = subprocess.Popen([str(MIGPROFILE), "import", "undesa-bilateral", str(EXTRACT),
                             "--edition", "fault", "--db", f"sqlite:///{db}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(moment)
    finished = proc.poll() is not None
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        written = con.execute("select count(*) from observations where origin = "
                              "'import:undesa-ims-fault'").fetchone()[0]
        recorded = con.execute("select total(rows) from imports where source_id = "
                               "'undesa-ims-fault'").fetchone()[0]
    finally:
        con.close()
    assert _others(db) == others  # nothing else touched
    if written == 0:
        assert recorded == 0 and fingerprint(db) == before
    else:  # complete: every observation and the import record, in one transaction
        assert written == recorded > 100_000
    assert finished or written in (0, recorded)
