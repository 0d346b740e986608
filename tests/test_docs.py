"""The documentation keeps up with the code: settings, tables, statuses, commands."""

from __future__ import annotations

from pathlib import Path

from migprofile.cli import app
from migprofile.model import Status
from migprofile.settings import REGISTRY
from migprofile.store.schema import metadata

DOCS = Path(__file__).resolve().parents[1] / "docs"
README = (DOCS.parent / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented() -> None:
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    for setting in REGISTRY:
        assert f"`{setting.name}`" in text and f"`{setting.env}`" in text, setting.name


def test_every_table_and_status_is_documented() -> None:
    text = (DOCS / "data-model.md").read_text(encoding="utf-8")
    for table in metadata.tables:
        assert f"`{table}`" in text, table
    for status in Status:
        assert f"`{status.value}`" in text, status


def test_every_command_is_in_the_readme() -> None:
    for command in app.registered_commands:
        name = command.name or (command.callback.__name__ if command.callback else "")
        assert f"migprofile {name}" in README, name


def test_every_finding_type_is_in_the_catalogue() -> None:
    """``check --json`` is a stable interface: a finding type emitted anywhere in the code
    but missing from docs/findings.md fails (a new reader's types included)."""
    import re

    call = re.compile(r"(?<![A-Za-z0-9])(?:error|warning|info|add|problem|_refuse|fail|warn)"
                      r"\(\s*(?:name,\s*|line,\s*\"[^\"]*\",\s*)?\"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\"")
    emitted: set[str] = set()
    for path in (DOCS.parent / "src" / "migprofile").rglob("*.py"):
        emitted |= set(call.findall(path.read_text(encoding="utf-8")))
    catalogue = (DOCS / "findings.md").read_text(encoding="utf-8")
    assert len(emitted) > 50
    missing = sorted(t for t in emitted if f"| `{t}` |" not in catalogue)
    assert not missing, missing
