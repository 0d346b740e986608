"""The legal and socio-political framework tables, in one language."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from migprofile.i18n import gettext
from migprofile.model import (
    DIRECTIONS,
    LEGAL_ROWS,
    SOCIO_POLITICAL_ROWS,
    Framework,
    FrameworkCell,
)
from migprofile.model import Footnote as FootnoteData
from migprofile.model.text import FOOTNOTE_MARK
from migprofile.profiles.tree import Footnote, FrameworkRow, FrameworkTable, ItemGroup, RichText

ROW_TITLES = {
    "general_references": "General legal references",
    "entry_exit": "Movement: entry and exit",
    "irregular_migration": "Fight against irregular migration",
    "rights_residence": "Rights and residence",
    "labour_migration": "Labour migration",
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


def footnote_marks(texts: Iterable[str]) -> set[int]:
    return {int(n) for text in texts for n in FOOTNOTE_MARK.findall(text)}


def framework_table(framework: Framework, cells: Sequence[FrameworkCell],
                    footnotes: Sequence[FootnoteData], lang: str, country_name: str,
                    generated: Mapping[str, tuple[Sequence[ItemGroup], Sequence[ItemGroup]]]
                    | None = None) -> FrameworkTable | None:
    """The table of one framework: per row, a package's curated cells first, as they are,
    then the generated groups of that row (``profiles.legal``) in a row of their own."""
    mine = [c for c in cells if c.framework is framework]
    generated = generated or {}
    if not mine and not generated:
        return None
    directions = DIRECTIONS[framework]
    order = LEGAL_ROWS if framework is Framework.LEGAL else SOCIO_POLITICAL_ROWS
    rows: list[FrameworkRow] = []
    for theme in order:
        theme_cells = [c for c in mine if c.row == theme]
        positions = sorted({c.order for c in theme_cells})
        for index, position in enumerate(positions):
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
        if theme in generated and any(generated[theme]):
            first, second = generated[theme]
            rows.append(FrameworkRow(
                key=f"{theme}-generated",
                title="" if positions else gettext(lang, ROW_TITLES[theme]),
                cells=(tuple(first), tuple(second))))
    if not rows:
        return None
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
