"""The profile as an A4 PDF, typeset by Typst (the ``typst`` Python package, no other install).

The Profile tree becomes one JSON document (``document``): every text is a JSON string and
the template ``templates/profile.typ`` turns strings into content with ``[#s]``, which Typst
prints literally, so no data is ever read as Typst markup. Markdown is parsed in Python
(``render.typst_markdown``) into nodes the template lays out. Each kind of block maps to
one function in ``BLOCKS``; a kind without one is a ``RenderError`` naming it.

Layout (as the WeasyPrint PDF): a cover page; contents with page numbers; each framework
on a new page; running headers (country, edition) and "Page x / y"; tables splitting across
pages with their header rows repeated; footnotes after each framework; charts as vector
graphics (``render.typst_charts``); the bundled Noto fonts only (system fonts are ignored,
so a PDF looks the same on every machine); Arabic shaped, right to left, upright.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from migprofile.errors import RenderError
from migprofile.profiles.tree import (
    Block,
    Cell,
    ChartBlock,
    FrameworkTable,
    Heading,
    ItemGroup,
    Paragraph,
    Profile,
    RichText,
    SideBySide,
    SourceLine,
    TableBlock,
)
from migprofile.render.common import (
    direction,
    fallback_mark,
    framework_tables,
    isolate_latin,
    iter_blocks,
    short_sha,
    source_index,
    translator,
)
from migprofile.render.html import framework_rows
from migprofile.render.markup import strip_footnote_marks
from migprofile.render.typst_charts import chart_node
from migprofile.render.typst_markdown import MarkdownNodes, Node

HERE = Path(__file__).parent
TEMPLATE = HERE / "templates" / "profile.typ"
FONTS_DIR = HERE / "fonts"
INSTALL_HINT = "PDF output with Typst needs the typst package: pip install typst"
_LOCK = threading.Lock()  # one compiler per process; compilations are serialized


class _Context:
    """What the block functions share while one profile is converted."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.lang = profile.lang
        self.rtl = profile.direction == "rtl"
        self._ = translator(profile)
        self.sources = source_index(profile)
        numbers = {fn.number for s in profile.sections for fn in s.footnotes}
        numbers |= {fn.number for f in framework_tables(profile) for fn in f.footnotes}
        self.md = MarkdownNodes(self.text, numbers)
        self._anchored: set[int] = set()
        self.narrow = {c.id for s in profile.sections for b in iter_blocks(s.blocks)
                       if isinstance(b, SideBySide)
                       for column in b.columns for c in iter_blocks(column)
                       if isinstance(c, ChartBlock)}

    def text(self, value: str) -> str:
        """Every text run: Latin stretches isolated inside Arabic (as the HTML renderer)."""
        return isolate_latin(value) if self.rtl else value

    def anchor(self, number: int) -> bool:
        """True the first time footnote ``number`` is listed (it gets the link target)."""
        if number in self._anchored:
            return False
        self._anchored.add(number)
        return True

    def lang_of(self, text_lang: str) -> dict[str, Any]:
        """Language, direction and fallback mark of a text written in ``text_lang``."""
        return {"lang": text_lang, "dir": direction(text_lang),
                "mark": fallback_mark(self._, text_lang)}


# -- blocks ---------------------------------------------------------------------------------


def _paragraph(ctx: _Context, block: Paragraph, depth: int) -> Node:
    return {"k": "paragraph", "title": ctx.text(block.title or ""), "depth": depth,
            "fallback": block.fallback, **ctx.lang_of(block.lang),
            "body": ctx.md.blocks(block.text)}


def _heading(ctx: _Context, block: Heading, depth: int) -> Node:
    return {"k": "heading", "level": max(min(block.level + depth - 2, 3), 2),
            "c": ctx.md.plain(block.text)}


def _cell(ctx: _Context, cell: Cell, first: bool) -> Node:
    text = cell.value.text if cell.value is not None else cell.text
    numeric = cell.numeric or cell.value is not None
    return {"s": ctx.text(text), "colspan": cell.colspan, "rowspan": cell.rowspan,
            "num": numeric and not (first and not cell.numeric), "row_head":
            cell.header or (first and not cell.numeric)}


def _table(ctx: _Context, block: TableBlock, depth: int) -> Node:
    # header cells are centred over their figures, except the corner (label column)
    header = [[{"s": ctx.text(c.text), "colspan": c.colspan, "rowspan": c.rowspan,
                "corner": r == 0 and i == 0 and not c.numeric} for i, c in enumerate(row)]
              for r, row in enumerate(block.header)]
    body = []
    for row in block.body:
        body.append({"cells": [_cell(ctx, c, i == 0) for i, c in enumerate(row)],
                     "total": any(c.strong for c in row),
                     "level": row[0].level if row else 0})
    columns = max((sum(c.colspan for c in row) for row in (*block.header, *block.body)),
                  default=1)
    return {"k": "table", "id": block.id, "caption": ctx.md.plain(block.caption),
            "columns": columns, "header": header, "body": body,
            "short": len(block.body) <= 14, "source": _source_line(ctx, block.source),
            "notes": [ctx.md.inline(n) for n in block.notes]}


def _source_line(ctx: _Context, line: SourceLine) -> Node:
    items = []
    for i, citation in enumerate(line.citations):
        sid = line.source_ids[i] if i < len(line.source_ids) else None
        items.append({"s": ctx.text(citation),
                      "target": f"src-{sid}" if sid and sid in ctx.sources else None})
    return {"label": ctx.text(line.prefix), "sep": ctx.text(line.separator), "items": items}


def _chart(ctx: _Context, block: ChartBlock, depth: int) -> Node:
    return {"k": "chart", "title": ctx.md.plain(block.title), "alt": block.description,
            "art": chart_node(block, ctx.lang, ctx._, narrow=block.id in ctx.narrow),
            "source": _source_line(ctx, block.source)}


def _rich(ctx: _Context, rich: RichText) -> Node:
    return {"fallback": rich.fallback, **ctx.lang_of(rich.lang),
            "body": ctx.md.blocks(rich.markdown)}


def _item_group(ctx: _Context, group: ItemGroup) -> Node:
    """A dated sub-block of generated items, laid out as the cell's Markdown would be: its
    title in bold, one bullet per item, then its source line and note in italics."""
    lines = [f"**{group.title}**", "", *[f"- {item.text}" for item in group.items], ""]
    if group.source.citations:
        lines.append(f"*{group.source.text}*")
    if group.note:
        lines += ["", f"*{group.note}*"]
    return {"fallback": False, **ctx.lang_of(group.lang),
            "body": ctx.md.blocks("\n".join(lines))}


def _cell_part(ctx: _Context, part: RichText | ItemGroup) -> Node:
    return _item_group(ctx, part) if isinstance(part, ItemGroup) else _rich(ctx, part)


def _framework(ctx: _Context, block: FrameworkTable, depth: int) -> Node:
    rows = [{"title": ctx.md.plain(row.title), "span": span,
             "cells": [[_cell_part(ctx, rt) for rt in texts] for texts in row.cells]}
            for row, span in framework_rows(block)]
    return {"k": "framework", "id": block.id, "caption": ctx.md.plain(block.caption),
            "corner": ctx.text(block.corner), "columns": [ctx.text(c) for c in block.columns],
            "rows": rows, "footnotes": _footnotes(ctx, block.footnotes)}


def _side_by_side(ctx: _Context, block: SideBySide, depth: int) -> Node:
    return {"k": "side_by_side", "titles": [ctx.text(t) for t in block.titles],
            "columns": [_blocks(ctx, column, depth + 1) for column in block.columns]}


BlockFunction = Callable[[_Context, Any, int], Node]
#: One function per kind of block of ``profiles.tree``; a new kind needs one here and one
#: ``#let`` of the same name in ``templates/profile.typ``.
BLOCKS: dict[str, BlockFunction] = {
    "paragraph": _paragraph,
    "heading": _heading,
    "table": _table,
    "chart": _chart,
    "framework": _framework,
    "side_by_side": _side_by_side,
}


def _blocks(ctx: _Context, blocks: tuple[Block, ...], depth: int) -> list[Node]:
    out = []
    for block in blocks:
        kind = getattr(block, "kind", type(block).__name__)
        function = BLOCKS.get(kind)
        if function is None:
            raise RenderError(f"the Typst PDF renderer has no layout for blocks of kind "
                              f"{kind!r} ({type(block).__name__}); add one to "
                              f"render.typst.BLOCKS and templates/profile.typ")
        out.append(function(ctx, block, depth))
    return out


def _footnotes(ctx: _Context, notes: Any) -> list[Node]:
    return [{"n": fn.number, "anchor": ctx.anchor(fn.number), "fallback": fn.fallback,
             **ctx.lang_of(fn.lang), "c": ctx.md.inline(fn.text)} for fn in notes]


# -- the document ---------------------------------------------------------------------------


def _cover(ctx: _Context) -> Node:
    cover = ctx.profile.cover
    return {"series": ctx.text(cover.series), "title": ctx.text(cover.title),
            "country": ctx.text(cover.country_name),
            "lines": [ctx.text(line) for line in cover.subtitle_lines],
            "authors": [ctx.text(a) for a in cover.authors], "credits": ctx.text(cover.credits),
            "publisher": ctx.text(cover.publisher), "date": ctx.text(cover.date_text)}


def _sources(ctx: _Context) -> list[Node]:
    _ = ctx._
    out = []
    for s in ctx.profile.sources:
        meta = []
        if s.edition:
            meta.append(_("Edition: {edition}").format(edition=s.edition) + ".")
        if s.accessed:
            meta.append(_("Accessed {date}").format(date=s.accessed) + ".")
        if s.licence:
            meta.append(_("Licence: {licence}").format(licence=s.licence) + ".")
        out.append({"id": s.id, "target": f"src-{s.id}", "citation": ctx.text(s.citation),
                    "publisher": ctx.text(s.publisher), "title": ctx.text(s.title),
                    "meta": [ctx.text(m) for m in meta],
                    "sha": f"SHA-256: {short_sha(s.sha256)}…" if s.sha256 else "",
                    "url": s.url or ""})
    return out


def document(profile: Profile) -> dict[str, Any]:
    """The profile as the JSON-ready data the Typst template lays out."""
    ctx = _Context(profile)
    _ = ctx._
    sections = [{"id": s.id, "title": ctx.text(strip_footnote_marks(s.title)).strip(),
                 "blocks": _blocks(ctx, s.blocks, 2), "footnotes": _footnotes(ctx, s.footnotes)}
                for s in profile.sections]
    labels = {key: ctx.text(_(key)) for key in (
        "Page", "Contents", "Sources and methods", "Sources", "Generated by", "Data version")}
    return {
        "lang": profile.lang, "dir": profile.direction or direction(profile.lang),
        "title": profile.title, "edition": profile.edition, "cover": _cover(ctx),
        "sections": sections, "method": ctx.md.blocks(profile.method_note),
        "sources": _sources(ctx), "labels": labels, "generator": profile.generated_by,
        "data_version": str(profile.data_version), "authors": list(profile.cover.authors),
    }


def render_pdf_typst(profile: Profile) -> bytes:
    """The profile as PDF bytes (A4, bundled fonts, vector charts)."""
    data = json.dumps(document(profile), ensure_ascii=False, separators=(",", ":"))
    typst = _typst()
    with _LOCK:
        try:
            pdf = _compiler().compile(format="pdf", sys_inputs={"profile": data})
        except typst.TypstError as exc:
            raise RenderError(f"Typst could not typeset the profile: {exc.message} "
                              f"{exc.diagnostic}".strip()) from exc
        except RuntimeError as exc:
            raise RenderError(f"Typst could not typeset the profile: {exc}") from exc
    if not isinstance(pdf, bytes) or not pdf.startswith(b"%PDF"):
        raise RenderError("Typst returned no PDF")
    return pdf


def _typst() -> Any:
    try:
        import typst
    except ImportError as exc:
        raise RenderError(f"{INSTALL_HINT} ({exc})") from exc
    return typst


@cache
def _compiler() -> Any:
    """One compiler per process: the fonts are read once, and Typst's own caches carry
    the template from one profile to the next."""
    return _typst().Compiler(str(TEMPLATE), root=str(HERE),
                             font_paths=[str(FONTS_DIR)], ignore_system_fonts=True)


__all__ = ["BLOCKS", "document", "render_pdf_typst"]
