"""Generated items: each UN treaty's current status (``store.legal.treaty_status``), in the
row the shared reference assigns it, with the year or date and the snapshot's as-of date."""

from __future__ import annotations

from collections.abc import Mapping

from migprofile.model import InstrumentKind, LegalInstrument, Source, Treaty
from migprofile.profiles.legal.common import NOT_COVERED, Generated, group
from migprofile.profiles.legal.data import LegalData
from migprofile.profiles.legal.words import join, long_date, status_word, word
from migprofile.profiles.tree import LegalItem


def treaty_item(i: LegalInstrument, ref: Treaty, lang: str, *, dated: bool = True
                ) -> LegalItem:
    """One treaty's status; ``dated``: the as-of date is printed in the item too (when the
    group's title names several snapshots)."""
    status = status_word(i.status.value, lang, ref.grammar)
    when = i.ratified or i.signed
    detail = long_date(when, lang) if when else (str(i.years[0]) if i.years else "")
    sep = " :" if lang == "fr" else ":"
    body = f"*{ref.short_name.text(lang)}*{sep} {status}"
    if detail:
        body += f" ({detail})"
    as_of = word("phrases", "as_of", lang, date=long_date(i.as_of, lang)) \
        if i.as_of and dated else ""
    return LegalItem(text=f"{body} — {as_of}" if as_of else body, source_id=i.source_id,
                     as_of=i.as_of.isoformat() if i.as_of else None, status=i.status.value,
                     date=when.isoformat() if when else (str(i.years[0]) if i.years else None),
                     ref=ref.key)


def add_treaties(out: Generated, legal: LegalData, lang: str,
                 sources: Mapping[str, Source]) -> None:
    """One "Status of UN treaties, as of …" group per framework row, first column."""
    by_row: dict[str, list[LegalInstrument]] = {}
    for i in legal.status:
        ref = legal.treaties.get(i.treaty or "")
        if ref is None or i.kind is not InstrumentKind.MULTILATERAL:
            continue
        by_row.setdefault(ref.row, []).append(i)
    for row, found in by_row.items():
        found.sort(key=lambda i: (legal.treaties[i.treaty or ""].order, i.treaty or ""))
        dates = sorted({i.as_of for i in found if i.as_of})
        title = word("titles", "treaties", lang,
                     as_of=join([long_date(d, lang) for d in dates], lang))
        items = [treaty_item(i, legal.treaties[i.treaty or ""], lang, dated=len(dates) > 1)
                 for i in found]
        out.add("legal", row, 0, group("treaties", title, items, sources, lang))


def add_missing_treaties(out: Generated, legal: LegalData, lang: str,
                         sources: Mapping[str, Source]) -> None:
    """Said once when no snapshot covers the country (a territory, not a UN member)."""
    imported = legal.imported.get("treaties", [])
    if any(i.kind is InstrumentKind.MULTILATERAL for i in legal.status) or not imported:
        return
    item = LegalItem(text=word("missing", "treaties", lang), source_id=imported[-1],
                             status=NOT_COVERED)
    out.add("legal", "general_references", 0, group("treaties", word(
        "titles", "treaties", lang, as_of="—"), [item], sources, lang))
