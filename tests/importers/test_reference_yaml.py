"""The one reader of reference YAML raises on errors: an invalid indicator registry stops the
template reader too (it once read what it could and dropped the rest silently)."""

from __future__ import annotations

from pathlib import Path

import pytest

from migprofile.errors import DataError
from migprofile.importers.reference import read_reference_yaml, reference_indicators

GOOD = """- code: emigrants
  names: {fr: Émigrés, en: Emigrants, ar: المهاجرون}
  unit: persons
  basis: country_of_birth
  direction: emigration
"""


def _registry(root: Path, text: str) -> Path:
    (root / "reference").mkdir(parents=True, exist_ok=True)
    (root / "reference" / "indicators.yaml").write_text(text, "utf-8")
    return root


def test_a_valid_registry_is_read(tmp_path: Path) -> None:
    assert [i.code for i in reference_indicators(_registry(tmp_path, GOOD))] == ["emigrants"]


@pytest.mark.parametrize("broken", [
    GOOD + "- code: emigrants\n  unit: persons\n",  # defined twice
    GOOD + "- names: {en: no code}\n",
    GOOD + "- code: x\n  unit: parsecs\n",
    GOOD + "- code: x\n  unit: percent\n  digits: 1.5\n",
    GOOD + "- code: x\n  unit: percent\n  digits: 9\n",
    "- code: [unclosed\n",
])
def test_an_invalid_registry_raises_with_its_findings(tmp_path: Path, broken: str) -> None:
    with pytest.raises(DataError) as caught:
        reference_indicators(_registry(tmp_path, broken))
    assert caught.value.report is not None and caught.value.report.errors


def test_the_registry_is_read_again_when_the_file_changes(tmp_path: Path) -> None:
    root = _registry(tmp_path, GOOD)
    assert len(reference_indicators(root)) == 1
    _registry(tmp_path, GOOD + GOOD.replace("emigrants", "immigrants"))
    assert len(reference_indicators(root)) == 2


def test_template_reader_uses_the_raising_loader(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    from migprofile.importers import template
    from migprofile.settings import get_settings

    root = _registry(tmp_path, GOOD + "- code: x\n  unit: parsecs\n")
    settings = replace(get_settings(), data_dir=root)
    monkeypatch.setattr(template, "get_settings", lambda: settings)
    with pytest.raises(DataError):
        template.known_indicators()


def test_missing_or_broken_reference_files_raise(tmp_path: Path) -> None:
    with pytest.raises(DataError):
        read_reference_yaml(tmp_path / "absent.yaml")
    (tmp_path / "bad.yaml").write_text("a: [b\n", "utf-8")
    with pytest.raises(DataError):
        read_reference_yaml(tmp_path / "bad.yaml")
    (tmp_path / "ok.yaml").write_text("profiled: {XCX: Channel Islands}\n", "utf-8")
    assert read_reference_yaml(tmp_path / "ok.yaml") == {"profiled": {"XCX": "Channel Islands"}}


def test_display_digits_are_read_and_drive_the_value_formatter(tmp_path: Path) -> None:
    """indicators.yaml ``digits`` wins over the unit's rule, in the one formatter the tables,
    the CLI and the portal share (a formatter that ignored it prints "0,8" for a rate of
    0,83 %/yr given with 2 decimals)."""
    from migprofile.i18n import value_text

    text = GOOD + "- code: growth\n  unit: percent\n  basis: other\n  digits: 2\n"
    [_, growth] = reference_indicators(_registry(tmp_path, text))
    assert growth.digits == 2
    assert value_text(0.834, growth.unit, "fr", growth.digits) == "0,83\u00a0%"
    assert value_text(0.834, growth.unit, "fr") == "0,8\u00a0%"


def test_the_bundled_registry_gives_its_digits() -> None:
    from migprofile.importers.reference import reference_indicators as bundled
    from migprofile.settings import get_settings

    found = {i.code: i for i in bundled(get_settings().data_dir)}
    assert found["population_growth_rate"].digits == 2
    assert found["emigrant_stock_birth"].digits is None
