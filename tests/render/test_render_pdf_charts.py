"""PDF output (slow), chart images and chart specifications."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from migprofile.profiles import charts
from migprofile.profiles.tree import ChartBlock, Profile
from migprofile.render import render
from migprofile.render.charts import (
    chart_png,
    chart_svg,
    format_locale,
    png_size,
    time_format_locale,
)
from migprofile.render.common import charts as profile_charts
from migprofile.render.pdf import render_pdf


def _pdftotext(pdf: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "profile.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_pdf(profiles: dict[str, Profile], lang: str, tmp_path: Path) -> None:
    pdf = render(profiles[lang], "pdf")  # speed: benchmarks/build_profiles.py, not a test
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF")
    text = _pdftotext(pdf, tmp_path)
    if lang == "ar":
        assert "المغرب" in text  # shaped for display, extracted in joined logical order
        assert "الإطار القانوني للهجرة" in text
        assert "صفحة" in text
    else:
        assert "Maroc" in text and "Sommaire" in text and "Page 3 / " in text
        assert "3 292 599".replace(" ", "\u202f") in text or "3 292 599" in text


@pytest.mark.slow
def test_pdf_is_a4(profiles: dict[str, Profile], tmp_path: Path) -> None:
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    path = tmp_path / "p.pdf"
    path.write_bytes(render_pdf(profiles["en"]))
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                          text=True).stdout
    assert "595.28 x 841.89 pts (A4)" in info or "A4" in info


def _chart(profile: Profile, chart_id: str) -> ChartBlock:
    return next(c for c in profile_charts(profile) if c.id == chart_id)


def test_chart_png_and_svg(profiles: dict[str, Profile]) -> None:
    chart = _chart(profiles["ar"], "mre-countries")
    png = chart_png(chart.spec, "ar")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = png_size(png)
    assert width >= 2 * 520 and height > 100
    assert chart_png(chart.spec, "ar") is png  # cached
    svg = chart_svg(_chart(profiles["fr"], "mre-countries").spec, "fr")
    assert svg.lstrip().startswith("<svg") and "1\u202f131\u202f000" in svg
    assert "1,131,000" in chart_svg(chart.spec, "ar")


def test_chart_locales_follow_the_text() -> None:
    assert format_locale("fr")["decimal"] == "," and format_locale("fr")["thousands"] == "\u202f"
    assert format_locale("en") ["thousands"] == ","
    assert format_locale("ar")["decimal"] == "."  # Latin digits, as in the tables
    # Spanish: the registry's group ("3 292 599" in text and on axes), not CLDR es's "."
    assert format_locale("es")["thousands"] == "\u202f" and format_locale("es")["decimal"] == ","
    assert time_format_locale("es") == "es-ES"


def test_spec_builders() -> None:
    bar = charts.bar_chart("b", "T", [{"label": "فرنسا", "value": 3, "group": None},
                                      {"label": "إسبانيا", "value": 1, "group": None}],
                           lang="ar", value_title="العدد")
    assert bar["usermeta"] == {"lang": "ar", "id": "b", "title": "T", "chart": "bar",
                               "value_title": "العدد", "label_title": None,
                               "number_format": ",.0f"}
    assert bar["data"]["values"][0]["label"] == "فرنسا" and "url" not in bar["data"]
    assert bar["width"] == charts.WIDTH
    encoding = bar["layer"][0]["encoding"]
    assert encoding["y"]["axis"]["orient"] == "right"
    assert encoding["x"]["scale"]["reverse"] is True
    assert encoding["y"]["sort"] == "-x"
    assert "Naskh" in bar["config"]["font"]

    series = charts.time_series("s", "T", [{"year": 2000 + i, "value": v, "series": "A"}
                                           for i, v in enumerate([3, 5, 4])],
                                lang="fr", value_title="Personnes")
    assert series["encoding"]["x"]["axis"]["format"] == "d"
    assert series["encoding"]["y"]["axis"]["orient"] == "left"
    assert series["title"]["text"] == "Personnes"
    assert len(series["encoding"]["tooltip"]) == 3

    grouped = charts.grouped_bar("g", "T", [
        {"label": "France", "value": 3025, "period": 2007},
        {"label": "France", "value": 2675, "period": 2008},
        {"label": "Autres", "value": 1758, "period": 2007},
    ], lang="en", value_title="US$ million")
    assert grouped["encoding"]["y"]["sort"] == ["France", "Autres"]
    assert grouped["encoding"]["yOffset"]["field"] == "period"
    assert grouped["data"]["values"][0]["period"] == "2007"
    png = chart_png(grouped, "en", scale=1)
    assert png_size(png)[0] >= 520
