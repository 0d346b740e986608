"""Vega-Lite specs → SVG (screen) and PNG (print) with vl-convert, in the profile's language.

Numbers inside charts are formatted with a d3 locale built from the same CLDR data
(Babel) as the numbers in the text, so "3 292 599" in a table is "3 292 599" on an axis.
The bundled Noto fonts are registered once with vl-convert so that PNGs (which WeasyPrint
embeds in the PDF) show joined, right-to-left Arabic whatever fonts the system has.
Conversions are cached on the spec's JSON: the same chart is drawn for several formats.
"""

from __future__ import annotations

import json
import re
import struct
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from migprofile.errors import RenderError
from migprofile.i18n import format_number, format_percent, locale
from migprofile.model import languages

FONTS_DIR = Path(__file__).parent / "fonts"


@cache
def _vlc() -> Any:
    """vl_convert, with the bundled fonts registered (once per process)."""
    try:
        import vl_convert
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise RenderError("charts need vl-convert-python (pip install vl-convert-python)") \
            from exc
    vl_convert.register_font_directory(str(FONTS_DIR))
    return vl_convert


@cache
def format_locale(lang: str) -> dict[str, Any]:
    """A d3-format locale with the CLDR (Latin-digit) symbols Babel uses for ``lang``."""
    loc = locale(lang)
    symbols: Any = loc.number_symbols
    latn = symbols.get("latn", symbols) if hasattr(symbols, "get") else {}
    decimal = str(latn.get("decimal", "."))
    # the group as the text writes it (the registry may override CLDR's: Spanish "3 292 599")
    group = format_number(1_000_000, lang)[1]
    percent = format_percent(1, lang, 0).split("1", 1)[-1] or "%"
    return {"decimal": decimal, "thousands": group, "grouping": [3],
            "currency": ["", ""], "percent": percent, "minus": "-"}


def time_format_locale(lang: str) -> str:
    try:
        return languages.language(lang).time_locale
    except KeyError:
        return "en-US"


@cache
def time_format_definition(lang: str) -> dict[str, Any]:
    """A d3-time-format locale from CLDR (Babel): month and day names of ``lang``, for the
    interactive charts (vl-convert takes the locale by name, the browser needs it spelt out)."""
    loc = locale(lang)

    def names(table: Any, width: str, keys: range) -> list[str]:
        return [str(table["format"][width][k]) for k in keys]

    days = [6, 0, 1, 2, 3, 4, 5]  # Babel counts from Monday, d3 from Sunday
    return {
        "dateTime": "%x %X", "date": "%d/%m/%Y", "time": "%H:%M:%S",
        "periods": [str(loc.periods.get("am", "AM")), str(loc.periods.get("pm", "PM"))],
        "days": [str(loc.days["format"]["wide"][d]) for d in days],
        "shortDays": [str(loc.days["format"]["abbreviated"][d]) for d in days],
        "months": names(loc.months, "wide", range(1, 13)),
        "shortMonths": names(loc.months, "abbreviated", range(1, 13)),
    }


def embed_options(lang: str) -> dict[str, Any]:
    """What vega-embed needs to print numbers and dates as the page's language does; carried
    in the spec's ``usermeta.embedOptions``, which vega-embed reads."""
    return {"formatLocale": format_locale(lang), "timeFormatLocale": time_format_definition(lang)}


def spec_json(spec: dict[str, Any]) -> str:
    """The canonical JSON of a spec (cache key, ``data-spec`` attribute)."""
    return json.dumps(spec, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def chart_svg(spec: dict[str, Any], lang: str) -> str:
    """The chart as an SVG document string."""
    return _svg(spec_json(spec), lang)


def chart_png(spec: dict[str, Any], lang: str, scale: float = 2) -> bytes:
    """The chart as PNG bytes (``scale`` × its CSS pixel size)."""
    return _png(spec_json(spec), lang, float(scale))


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) in pixels from a PNG's IHDR chunk."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise RenderError("not a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


@lru_cache(maxsize=256)
def _svg(spec: str, lang: str) -> str:
    vlc = _vlc()
    try:
        svg: str = vlc.vegalite_to_svg(json.loads(spec), format_locale=format_locale(lang),
                                       time_format_locale=time_format_locale(lang))
    except Exception as exc:  # vl-convert raises ValueError with the JS message
        raise RenderError(f"cannot draw chart: {exc}") from exc
    return svg


@lru_cache(maxsize=256)
def _png(spec: str, lang: str, scale: float) -> bytes:
    vlc = _vlc()
    try:
        png: bytes = vlc.vegalite_to_png(json.loads(spec), scale=scale,
                                         format_locale=format_locale(lang),
                                         time_format_locale=time_format_locale(lang))
    except Exception as exc:
        raise RenderError(f"cannot draw chart: {exc}") from exc
    return png


_ID = re.compile(r'\bid="([^"]+)"')


def scope_svg_ids(svg: str, prefix: str) -> str:
    """Prefix the ids inside an SVG (clip paths, gradients) so that several charts inlined
    in one page cannot pick up each other's definitions."""
    ids = set(_ID.findall(svg))
    if not ids:
        return svg
    for ident in sorted(ids, key=len, reverse=True):
        new = f"{prefix}-{ident}"
        svg = svg.replace(f'id="{ident}"', f'id="{new}"')
        svg = svg.replace(f"url(#{ident})", f"url(#{new})")
        svg = svg.replace(f'href="#{ident}"', f'href="#{new}"')
    return svg


def inline_svg(svg: str, *, prefix: str, label: str) -> str:
    """An SVG ready to inline in HTML: no XML prolog, scoped ids, responsive size, labelled."""
    svg = re.sub(r"^\s*<\?xml[^>]*>\s*", "", svg)
    svg = scope_svg_ids(svg, prefix)
    match = re.match(r"<svg\b([^>]*)>", svg)
    if not match:
        raise RenderError("vl-convert returned no <svg> element")
    attrs = match.group(1)
    # inline SVG in HTML gets its namespace from the parser: drop the xmlns URLs
    attrs = re.sub(r'\s(width|height|xmlns|xmlns:xlink|version)="[^"]*"', "", attrs)
    width = re.search(r'viewBox="[\d.]+ [\d.]+ ([\d.]+) [\d.]+"', attrs)
    style = f' style="max-width:{width.group(1)}px"' if width else ""
    label_attr = label.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    head = f'<svg{attrs} role="img" aria-label="{label_attr}"{style}>'
    return head + svg[match.end():]
