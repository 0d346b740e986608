"""The profile as one self-contained HTML5 file (screen, print for the PDF, or interactive).

* Screen (default): CSS inlined, charts inlined as SVG, no font files (a font stack that
  falls back to system fonts keeps the file small), a "Data" table under each chart.
* Print (``for_print=True``, input of ``render.pdf``): charts as PNG data URIs (WeasyPrint
  does not shape Arabic inside SVG text) and ``@font-face`` rules pointing to the bundled
  Noto fonts, resolved against ``FONT_BASE_URL``.
* Interactive (``interactive=True``, for the web portal): next to each SVG a
  ``<div class="vega-chart" data-spec='…'>`` holding the Vega-Lite spec, so a page that
  ships Vega-Embed can upgrade the chart. Nothing is ever loaded from a URL.

Every text coming from data is escaped (Jinja2 autoescape) or, for Markdown, converted
and cleaned with nh3 (``render.markup``).
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from migprofile.errors import NotFoundError
from migprofile.profiles.tree import (
    Cell,
    ChartBlock,
    FrameworkRow,
    FrameworkTable,
    Profile,
    SideBySide,
)
from migprofile.render import markup
from migprofile.render.charts import chart_png, chart_svg, embed_options, inline_svg, png_size
from migprofile.render.common import (
    LRI,
    PDI,
    chart_table,
    charts,
    direction,
    fallback_mark,
    has_rtl_letters,
    isolate_latin,
    iter_blocks,
    short_sha,
    source_index,
    translator,
)

HERE = Path(__file__).parent
TEMPLATES_DIR = HERE / "templates"
STATIC_DIR = HERE / "static"
FONTS_DIR = HERE / "fonts"
#: Relative font URLs in print mode resolve against this (``weasyprint.HTML(base_url=…)``).
FONT_BASE_URL = str(HERE) + "/"
#: Width (CSS px) of the plot area of charts drawn in one of two side-by-side columns,
#: so that their text is not scaled down to unreadable sizes.
NARROW_WIDTH = 300


@dataclass(frozen=True)
class FontFace:
    family: str
    file: str
    weight: int
    style: str

    @property
    def url(self) -> str:
        return f"fonts/{self.file}"


FONT_FACES = (
    FontFace("Noto Sans", "NotoSans-Regular.ttf", 400, "normal"),
    FontFace("Noto Sans", "NotoSans-Bold.ttf", 700, "normal"),
    FontFace("Noto Sans", "NotoSans-Italic.ttf", 400, "italic"),
    FontFace("Noto Sans", "NotoSans-BoldItalic.ttf", 700, "italic"),
    FontFace("Noto Naskh Arabic", "NotoNaskhArabic-Regular.ttf", 400, "normal"),
    FontFace("Noto Naskh Arabic", "NotoNaskhArabic-Bold.ttf", 700, "normal"),
)


@dataclass(frozen=True)
class ChartArt:
    """What the template needs to draw one chart."""

    svg: Markup
    png_uri: str
    width: int
    height: int
    spec_json: Markup
    table: tuple[list[str], list[list[str]]]


@dataclass(frozen=True)
class PortalLinks:
    """What the portal puts under the figures of an embedded profile: each table's CSV and
    XLSX downloads (``{base}/tables/{id}.csv``) and, with ``embed_base``, each chart's page
    and iframe code (``{embed_base}/charts/{id}``)."""

    base: str
    download_label: str
    embed_base: str = ""
    embed_label: str = ""


def render_html(profile: Profile, *, for_print: bool = False, interactive: bool = False,
                embed: bool = False, links: PortalLinks | None = None,
                row_links: Mapping[str, str] | None = None) -> str:
    """The profile as a self-contained HTML5 document; with ``embed``, the fragment a portal
    page holds (no document or cover, its ``main`` a ``div``; ``embed_css`` is its style),
    with ``links`` under tables and charts; ``row_links`` (the portal's): a table row whose
    header is one of its keys links to the value (a partner to its corridor)."""
    template = _environment().get_template("profile.html.j2")
    context = _context(profile, for_print=for_print, interactive=interactive)
    page = template.render(**{**context, "embed": embed, "links": links,
                              "row_links": row_links or {}})
    return isolate_mixed_text(page) if profile.direction == "rtl" else page


def embed_css(profile: Profile) -> str:
    """The stylesheet of ``render_html(..., embed=True)``: the document's, its rules for the
    whole body scoped to the fragment's container ``.profile-embed``."""
    template = _environment().get_template("profile.html.j2")
    context = _context(profile, for_print=False, interactive=True)
    module: Any = template.make_module({**context, "embed": True})
    css = str(module.style())
    return css.replace("body.screen", ".profile-embed").replace("body {", ".profile-embed {")


def render_chart_html(profile: Profile, chart_id: str, *, profile_url: str = "") -> str:
    """One chart of the profile as a page of its own (for an iframe): the interactive chart
    over its static SVG, its source line and its data table."""
    chart = next((c for c in charts(profile) if c.id == chart_id), None)
    if chart is None:
        raise NotFoundError("chart", chart_id)
    template = _environment().get_template("chart.html.j2")
    page = template.render(chart_block=chart, profile_url=profile_url,
                           **_context(profile, for_print=False, interactive=True))
    return isolate_mixed_text(page) if profile.direction == "rtl" else page


class _LazyArt(dict[str, "ChartArt"]):
    """Chart drawings made when a template first asks for them."""

    def __init__(self, blocks: dict[str, ChartBlock], draw: Any) -> None:
        super().__init__()
        self._blocks = blocks
        self._draw = draw

    def __missing__(self, chart_id: str) -> ChartArt:
        art: ChartArt = self._draw(self._blocks[chart_id])
        self[chart_id] = art
        return art


def _context(profile: Profile, *, for_print: bool, interactive: bool) -> dict[str, Any]:
    """What the templates need."""
    _ = translator(profile)
    lang = profile.lang
    footnote_ids: set[int] = set()

    def fn_id(number: int) -> bool:
        """True the first time a footnote number is listed (its anchor), False after."""
        if number in footnote_ids:
            return False
        footnote_ids.add(number)
        return True

    narrow = {c.id for s in profile.sections for b in iter_blocks(s.blocks)
              if isinstance(b, SideBySide)
              for column in b.columns for c in iter_blocks(column) if isinstance(c, ChartBlock)}
    return dict(
        profile=profile,
        lang=lang,
        dir=profile.direction or direction(lang),
        _=_,
        fallback=lambda text_lang: fallback_mark(_, text_lang),
        fn_id=fn_id,
        css=Markup(_stylesheet()),
        font_faces=FONT_FACES,
        for_print=for_print,
        interactive=interactive and not for_print,
        chart_art=_LazyArt({c.id: c for c in charts(profile)},
                           lambda c: _chart_art(c, lang, _, for_print, narrow=c.id in narrow)),
        isolate=(LRI, PDI) if for_print and profile.direction == "rtl" else ("", ""),
        sources=source_index(profile),
        row_links={},
        framework_rows=framework_rows,
        embed=False,  # the whole document (``render_html(embed=True)``: the portal fragment)
        links=None,  # no portal links under figures
    )


def _chart_art(chart: ChartBlock, lang: str, _: Any, for_print: bool, *,
               narrow: bool = False) -> ChartArt:
    spec = chart.spec
    if narrow and isinstance(spec.get("width"), int | float) and spec["width"] > NARROW_WIDTH:
        spec = {**spec, "width": NARROW_WIDTH}
    spec_lang = str((spec.get("usermeta") or {}).get("lang") or lang)
    table = chart_table(chart, lang, _)
    if for_print:
        png = chart_png(spec, spec_lang, scale=2)
        width, height = png_size(png)
        uri = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
        return ChartArt(Markup(""), uri, width // 2, height // 2, Markup(""), table)
    from migprofile.render.svg_charts import native_svg  # it imports this module's users

    size = spec.get("width") if isinstance(spec.get("width"), int | float) else None
    svg = native_svg(chart, lang, width=size) or inline_svg(
        chart_svg(spec, spec_lang), prefix=f"c-{chart.id}", label=chart.description or chart.title)
    public = {k: v for k, v in spec.items() if k != "$schema"}
    # the browser draws with the page's CLDR symbols, as vl-convert did for the SVG
    usermeta = dict(public.get("usermeta") or {})
    usermeta["embedOptions"] = embed_options(spec_lang)
    public["usermeta"] = usermeta
    return ChartArt(Markup(svg), "", 0, 0, _single_quoted(json.dumps(
        public, ensure_ascii=False, separators=(",", ":"))), table)


_TAG = re.compile(r"(<[^>]*>)")
_RAW = {"style", "svg", "script", "title", "code"}


def isolate_mixed_text(page: str) -> str:
    """``isolate_latin`` on every text node of a right-to-left page (not in style, svg...)."""
    parts = _TAG.split(page)
    skipping: str | None = None
    for i, part in enumerate(parts):
        if i % 2:  # a tag
            name = part[1:].split(None, 1)[0].rstrip(">/").lower() if len(part) > 2 else ""
            if skipping is None and name in _RAW and not part.endswith("/>"):
                skipping = name
            elif skipping is not None and name == f"/{skipping}":
                skipping = None
        elif skipping is None and part:
            parts[i] = isolate_latin(part)
    return "".join(parts)


def framework_rows(table: FrameworkTable) -> list[tuple[FrameworkRow, int]]:
    """Rows with the row span of their theme cell: a row with an empty title continues the
    theme above it (several instruments under one theme), and gets span 0 (no cell)."""
    out: list[tuple[FrameworkRow, int]] = []
    for row in table.rows:
        if not row.title and out:
            head = next(i for i in range(len(out) - 1, -1, -1) if out[i][1] > 0)
            out[head] = (out[head][0], out[head][1] + 1)
            out.append((row, 0))
        else:
            out.append((row, 1))
    return out


def _row_class(row: tuple[Cell, ...]) -> str:
    """``total`` for a row in bold, ``lvl-N`` for an "of which" row of level N."""
    classes = ["total"] if any(c.strong for c in row) else []
    if row and row[0].level:
        classes.append(f"lvl-{row[0].level}")
    return " ".join(classes)


def _single_quoted(text: str) -> Markup:
    """Text safe inside a single-quoted HTML attribute (lighter than escaping every ``"``)."""
    return Markup(text.replace("&", "&amp;").replace("'", "&#39;").replace("<", "&lt;")
                  .replace(">", "&gt;"))


@cache
def _stylesheet() -> str:
    """profile.css without comments and indentation (it is inlined in every page)."""
    css = (STATIC_DIR / "profile.css").read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    return "\n".join(line.strip() for line in css.splitlines() if line.strip())


def _css_string(text: str) -> Markup:
    """A CSS string literal, safe inside ``<style>``."""
    body = "".join(c if c.isalnum() or c in " -_.,()%" or ord(c) > 127 else f"\\{ord(c):x} "
                   for c in str(text))
    return Markup(f'"{body}"')


def _marks(text: str) -> Markup:
    """Plain text, escaped, with ``[^N]`` footnote marks linked."""
    return Markup(markup.footnote_refs(str(escape(text))))


@cache
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=lambda text: Markup(markup.to_html(str(text))),
        md_inline=lambda text: Markup(markup.to_html(str(text), inline=True)),
        marks=_marks,
        nomarks=markup.strip_footnote_marks,
        css_string=_css_string,
        direction=direction,
        has_rtl=has_rtl_letters,
        short_sha=short_sha,
        row_class=_row_class,
    )
    return env
