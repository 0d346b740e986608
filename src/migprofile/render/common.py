"""Helpers shared by the HTML and Markdown renderers."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from migprofile.i18n import format_number, gettext
from migprofile.model import languages
from migprofile.profiles.tree import (
    Block,
    ChartBlock,
    FrameworkTable,
    Profile,
    SideBySide,
    SourceEntry,
)
from migprofile.render.messages import TEXT_IN_LANGUAGE

_ARABIC = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_NON_RTL_RUN = re.compile(r"[^\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\n]+")
_LEAD = " \t:;,.!?)]}»\u00a0\u202f"  # what belongs to the Arabic text before a Latin run
_TRAIL = " \t:;,.!?([{«\u00a0\u202f"  # ... and after it
LRI, PDI = "\u2066", "\u2069"
_DIGITS = re.compile(r"\.(\d+)[f%]")

Translate = Callable[[str], str]


def direction(lang: str) -> str:
    return languages.direction(lang)


def translator(profile: Profile) -> Translate:
    """``_(msgid)``: the profile's own label if assembly set one, else the catalog's."""
    labels = profile.labels
    lang = profile.lang

    def _(message: str) -> str:
        return labels.get(message) or gettext(lang, message)

    return _


def fallback_mark(_: Translate, text_lang: str) -> str:
    """"[texte en français]", "[text in French]", "[نص بالفرنسية]"."""
    message = TEXT_IN_LANGUAGE.get(text_lang)
    return f"[{_(message)}]" if message else f"[{text_lang}]"


def has_rtl_letters(text: str) -> bool:
    return bool(_ARABIC.search(text))


def isolate_latin(text: str) -> str:
    """In a text mixing Arabic and Latin, wrap each Latin stretch between Arabic words in
    LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE, so that "(v1 − v0) / v0", "(OECD.stat)"
    or "1993, 2007 (1er janvier)" keep their order inside right-to-left text. Texts without
    Arabic, or without Latin letters (numbers alone), are returned unchanged."""
    if not _ARABIC.search(text) or not _LATIN.search(text):
        return text

    def wrap(match: re.Match[str]) -> str:
        run = match.group(0)
        core = run.lstrip(_LEAD).rstrip(_TRAIL)
        if not core or not _LATIN.search(core) or LRI in core:
            return run
        start = run.index(core)
        return f"{run[:start]}{LRI}{core}{PDI}{run[start + len(core):]}"

    return _NON_RTL_RUN.sub(wrap, text)


def short_sha(sha256: str | None, length: int = 12) -> str:
    return sha256[:length] if sha256 else ""


def iter_blocks(blocks: Sequence[Block]) -> Iterator[Block]:
    """Every block, descending into side-by-side columns."""
    for block in blocks:
        yield block
        if isinstance(block, SideBySide):
            for column in block.columns:
                yield from iter_blocks(column)


def charts(profile: Profile) -> list[ChartBlock]:
    return [b for s in profile.sections for b in iter_blocks(s.blocks)
            if isinstance(b, ChartBlock)]


def framework_tables(profile: Profile) -> list[FrameworkTable]:
    return [b for s in profile.sections for b in iter_blocks(s.blocks)
            if isinstance(b, FrameworkTable)]


def source_index(profile: Profile) -> dict[str, SourceEntry]:
    return {s.id: s for s in profile.sources}


# -- charts as tables -------------------------------------------------------------------


def _digits(number_format: str | None) -> int:
    match = _DIGITS.search(number_format or "")
    return int(match.group(1)) if match else 0


def _fmt(value: Any, lang: str, digits: int) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(float(value), lang, digits)
    return "" if value is None else str(value)


def chart_rows(chart: ChartBlock) -> list[dict[str, Any]]:
    """The chart's data: ``ChartBlock.data`` or else the spec's inline values."""
    if chart.data:
        return [dict(r) for r in chart.data]
    data = chart.spec.get("data")
    values = data.get("values") if isinstance(data, Mapping) else None
    if values is None and isinstance(data, Mapping) and "name" in data:
        values = (chart.spec.get("datasets") or {}).get(data["name"])
    return [dict(r) for r in values] if isinstance(values, list) else []


def chart_table(chart: ChartBlock, lang: str, _: Translate) -> tuple[list[str], list[list[str]]]:
    """The chart's data as a header and body rows of printed strings.

    Time series become one row per year and one column per series; grouped bars one row
    per label and one column per period; plain bars a label and a value column.
    """
    meta = chart.spec.get("usermeta") or {}
    rows = chart_rows(chart)
    digits = _digits(meta.get("number_format"))
    value_title = str(meta.get("value_title") or _("Number"))
    label_title = str(meta.get("label_title") or "")
    if rows and "year" in rows[0] and "series" in rows[0]:
        return _pivot(rows, "year", "series", _("Year"), lang, digits, sort_rows=True)
    if rows and "period" in rows[0] and "label" in rows[0]:
        return _pivot(rows, "label", "period", label_title, lang, digits, sort_rows=False)
    if rows and "label" in rows[0] and "value" in rows[0]:
        grouped = any(r.get("group") for r in rows)
        header = [label_title, *([""] if grouped else []), value_title]
        body = [[str(r["label"]), *([str(r.get("group") or "")] if grouped else []),
                 str(r["text"]) if "text" in r else _fmt(r["value"], lang, digits)]
                for r in rows]
        return header, body
    keys = list(dict.fromkeys(k for r in rows for k in r))
    return keys, [[_fmt(r.get(k), lang, digits) for k in keys] for r in rows]


def _pivot(rows: list[dict[str, Any]], row_key: str, col_key: str, corner: str, lang: str,
           digits: int, *, sort_rows: bool) -> tuple[list[str], list[list[str]]]:
    columns = list(dict.fromkeys(str(r[col_key]) for r in rows))
    keys = list(dict.fromkeys(r[row_key] for r in rows))
    if sort_rows:
        keys.sort()
    cells: dict[tuple[Any, str], str] = {
        (r[row_key], str(r[col_key])): str(r["text"]) if "text" in r
        else _fmt(r.get("value"), lang, digits) for r in rows}
    body = [[str(k), *[cells.get((k, c), "") for c in columns]] for k in keys]
    return [corner, *columns], body
