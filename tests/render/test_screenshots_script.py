"""scripts/screenshots.py: file collection, and one real capture when the tools exist."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from migprofile.profiles.tree import Profile
from migprofile.render.charts import png_size
from migprofile.render.html import render_html

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "screenshots.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("screenshots", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("screenshots", module)
    spec.loader.exec_module(module)
    return module


def test_collect_and_pages(tmp_path: Path) -> None:
    script = _script()
    for name in ("MA-fr.html", "MA-ar.pdf", "MA-fr.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in script.collect([tmp_path])] == ["MA-ar.pdf", "MA-fr.html"]
    assert script._pages("1-2") == (1, 2) and script._pages("3") == (3, 3)
    with pytest.raises(SystemExit):
        script.collect([tmp_path / "missing.html"])


@pytest.mark.slow
def test_html_screenshot(profiles: dict[str, Profile], tmp_path: Path) -> None:
    script = _script()
    if shutil.which(script.CHROMIUM) is None:
        pytest.skip(f"{script.CHROMIUM} is not installed")
    page = tmp_path / "MA-ar.html"
    page.write_text(render_html(profiles["ar"]), encoding="utf-8")
    out = tmp_path / "shots"
    assert script.main([str(page), "--out", str(out), "--height", "900"]) == 0
    image = out / "MA-ar.html.png"
    assert png_size(image.read_bytes()) == (1280, 900)
