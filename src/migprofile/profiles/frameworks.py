"""The legal and socio-political framework tables, in one language."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from babel.dates import format_date

from migprofile.i18n import N_, gettext, locale
from migprofile.model import (
    DIRECTIONS,
    LEGAL_ROWS,
    SOCIO_POLITICAL_ROWS,
    Framework,
    FrameworkCell,
    LegalInstrument,
)
from migprofile.model import Footnote as FootnoteData
from migprofile.profiles.tree import Footnote, FrameworkRow, FrameworkTable, RichText

ROW_TITLES = {
    "general_references": "General legal references",
    "entry_exit": "Movement: entry and exit",
    "irregular_migration": "Fight against irregular migration",
    "rights_residence": "Rights and residence",
    "nationality": "Nationality",
    "refugees": "Refugees",
    "institutions": "Government institutions",
    "strategy": "Government strategy",
    "civil_society": "Civil society action",
    "challenges": "Challenges",
    "cooperation": "International cooperation",
}
DIRECTION_TITLES = {
    "immigration": "Immigration",
    "emigration": "Emigration",
    "outward": "Outward migration",
    "inward": "Inward migration",
}
CAPTIONS = {
    Framework.LEGAL: "Legal framework of migration",
    Framework.SOCIO_POLITICAL: "Socio-political framework of migration",
}
MARK = re.compile(r"\[\^(\d+)\]")


def footnote_marks(texts: Iterable[str]) -> set[int]:
    return {int(n) for text in texts for n in MARK.findall(text)}


def framework_table(framework: Framework, cells: Sequence[FrameworkCell],
                    footnotes: Sequence[FootnoteData], lang: str, country_name: str,
                    treaties: Sequence[FrameworkRow] = ()) -> FrameworkTable | None:
    mine = [c for c in cells if c.framework is framework]
    if not mine and not treaties:
        return None
    directions = DIRECTIONS[framework]
    order = LEGAL_ROWS if framework is Framework.LEGAL else SOCIO_POLITICAL_ROWS
    rows: list[FrameworkRow] = []
    for theme in order:
        theme_cells = [c for c in mine if c.row == theme]
        for index, position in enumerate(sorted({c.order for c in theme_cells})):
            pair = tuple(
                tuple(_rich(c, lang) for c in theme_cells
                      if c.direction == d and c.order == position)
                for d in directions
            )
            rows.append(FrameworkRow(
                key=f"{theme}-{position}",
                title=gettext(lang, ROW_TITLES[theme]) if index == 0 else "",
                cells=(pair[0], pair[1]),
            ))
    rows.extend(treaties)
    used = {n for c in mine for n in c.footnotes} | footnote_marks(
        c.text.text(lang) for c in mine)
    return FrameworkTable(
        id=framework.value,
        caption=f"{gettext(lang, CAPTIONS[framework])} – {country_name}",
        corner="",
        columns=(gettext(lang, DIRECTION_TITLES[directions[0]]),
                 gettext(lang, DIRECTION_TITLES[directions[1]])),
        rows=tuple(rows),
        footnotes=localized_footnotes(footnotes, used, lang),
    )


def localized_footnotes(footnotes: Sequence[FootnoteData], numbers: set[int], lang: str
                        ) -> tuple[Footnote, ...]:
    chosen = []
    for f in sorted(footnotes, key=lambda f: f.number):
        if f.number in numbers:
            resolved = f.text.get_for(lang)
            chosen.append(Footnote(f.number, resolved.text, resolved.lang, resolved.is_fallback))
    return tuple(chosen)


def _rich(cell: FrameworkCell, lang: str) -> RichText:
    resolved = cell.text.get_for(lang)
    return RichText(markdown=resolved.text, lang=resolved.lang, fallback=resolved.is_fallback,
                    footnotes=cell.footnotes)


STATUS_TEXT = {
    "ratified": N_("ratified or acceded ({year})"),
    "signed": N_("signed ({year}), not ratified"),
    "not_ratified": N_("not ratified"),
}
STATUS_UNKNOWN = N_("status unknown")
AS_OF = N_("as of")


def _treaty_row(instrument_id: str) -> str:
    if "refugee" in instrument_id:
        return "refugees"
    if "stateless" in instrument_id:
        return "nationality"
    return "general_references"


def ratification_rows(instruments: Sequence[LegalInstrument], lang: str,
                      names: Mapping[str, str]) -> list[FrameworkRow]:
    """Rows built from treaty-status snapshots: each convention as ratified (year), signed only,
    or not ratified, "as of" the snapshot; the newest snapshot of a treaty wins."""
    newest: dict[str, LegalInstrument] = {}
    for i in instruments:
        if i.kind.value != "multilateral_convention" or i.as_of is None:
            continue
        key = i.id.split(":")[1] if i.id.count(":") >= 2 else i.id
        if key not in newest or (newest[key].as_of or i.as_of) < i.as_of:
            newest[key] = i
    by_row: dict[str, list[str]] = {}
    for _key, i in sorted(newest.items(), key=lambda kv: (kv[1].adopted or kv[1].as_of, kv[0])):
        when = i.ratified or i.signed
        year = when.year if when else (i.years[-1] if i.years else "")
        status = gettext(lang, STATUS_TEXT.get(i.status.value, STATUS_UNKNOWN)).format(
            year=year)
        status = re.sub(r"\s*\(\s*\)", "", status)  # no year known: no empty "()"
        label = i.short_name.text(lang) or i.title.text(lang)
        as_of = str(format_date(i.as_of, "LLLL y", locale=locale(lang))) if i.as_of else ""
        by_row.setdefault(_treaty_row(i.id), []).append(
            f"- *{label}*: {status} ({gettext(lang, AS_OF)} {as_of})")
    rows = []
    for theme in (r for r in LEGAL_ROWS if r in by_row):
        lines = by_row[theme]
        title = gettext(lang, ROW_TITLES[theme])
        text = RichText(markdown="\n".join(lines), lang=lang)
        rows.append(FrameworkRow(key=f"{theme}-treaties", title=title, cells=((text,), ())))
    return rows
