"""The command line, run in-process on a temporary SQLite database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from migprofile.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'cli.db'}"
    result = runner.invoke(app, ["init", "--no-extracts", "--db", url])
    assert result.exit_code == 0, result.output
    assert "packages: MA" in result.output
    return url


def test_check_ok(db: str) -> None:
    result = runner.invoke(app, ["check", "MA", "--db", db])
    assert result.exit_code == 0, result.output
    assert "0 error(s)" in result.output


def test_check_json(db: str) -> None:
    result = runner.invoke(app, ["check", "MAR", "--json", "--db", db])
    report = json.loads(result.stdout)
    assert report["ok"] is True and report["errors"] == 0


def test_show_lists_tables_with_computed_columns(db: str) -> None:
    result = runner.invoke(app, ["show", "Maroc", "--db", db], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for expected in ("82,6", "86,2", "8,7", "52,2", "8,1", "-3,7", "7,6", "3 292 599",
                     "Consulats du Maroc"):
        assert expected in result.output.replace("\u202f", " "), expected


def test_unknown_country_is_a_usage_error(db: str) -> None:
    result = runner.invoke(app, ["show", "Atlantide", "--db", db])
    assert result.exit_code == 2  # usage, as README documents; 3 is for the environment
    assert "Atlantide" in result.output


def test_load_broken_package_exits_1(db: str, ma_package_copy: Path) -> None:
    (ma_package_copy / "sources.yaml").write_text("- id: x\n  publisher: [unclosed\n",
                                                  encoding="utf-8")
    result = runner.invoke(app, ["load", str(ma_package_copy), "--db", db])
    assert result.exit_code == 1
    assert "sources.yaml" in result.output


def test_build_markdown(db: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", "MA", "--lang", "fr,en", "--format", "md,json",
                                 "--out", str(tmp_path), "--db", db])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "MA-en.json", "MA-en.md", "MA-fr.json", "MA-fr.md"]


def test_bad_language_is_a_usage_error(db: str) -> None:
    result = runner.invoke(app, ["build", "MA", "--lang", "de", "--db", db])
    assert result.exit_code == 2
