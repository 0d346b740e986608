"""The legal side of a corridor: the agreements each state records with the other, the
visa requirement each imposes on the other's nationals at every snapshot, and both states'
status of the main conventions, as one two-column framework table (A | B)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import date
from itertools import pairwise

from migprofile.geo import grammar
from migprofile.i18n import N_, gettext
from migprofile.model import InstrumentKind, LegalInstrument, Observation, Source, Treaty
from migprofile.profiles.legal.agreements import labour_item, readmission_item
from migprofile.profiles.legal.common import group
from migprofile.profiles.legal.treaties import treaty_item
from migprofile.profiles.legal.visa import _category
from migprofile.profiles.legal.words import long_date
from migprofile.profiles.tree import FrameworkRow, FrameworkTable, ItemGroup, LegalItem

VISA = "visa_requirement"
AGREEMENTS = N_("Agreements recorded by {country} with {other}")
VISAS = N_("Visa requirement of {country} for nationals of {other}, by snapshot "
           "(Passport Index, a private index, not official law)")
TREATIES = N_("Status of the main conventions for {country}")


def _agreement_items(instruments: Sequence[LegalInstrument], lang: str,
                     names: Mapping[str, str]) -> list[LegalItem]:
    def when(i: LegalInstrument) -> str:
        return i.signed.isoformat() if i.signed else str(i.years[0] if i.years else "")
    items = []
    for i in sorted(instruments, key=when):
        item = labour_item(i, lang, names) if i.kind is InstrumentKind.LABOUR \
            else readmission_item(i, lang, names)
        if not i.signed and i.years:  # a package's agreement known by its years only
            years = ", ".join(str(y) for y in i.years)
            item = dataclasses.replace(item, text=f"{item.text} ({years})",
                                       date=item.date or str(i.years[0]))
        items.append(item)
    return items


def _visa_items(rows: Sequence[Observation], lang: str) -> list[LegalItem]:
    items = []
    for o in sorted(rows, key=lambda o: o.period):
        if o.value is None:
            continue
        day = long_date(date.fromisoformat(o.period), lang) if len(o.period) == 10 \
            else o.period
        sep = " : " if lang == "fr" else ": "
        items.append(LegalItem(text=f"{day}{sep}{_category(int(o.value), lang)}",
                               source_id=o.source_id, as_of=o.period,
                               status=str(int(o.value))))
    return items + _visa_changes(items, lang)


VISA_CHANGED = N_("Changed between {old_date} and {new_date}: {old}, then {new}")
VISA_SAME = N_("Unchanged from {old_date} to {new_date}: {category}")


def _visa_changes(snapshots: Sequence[LegalItem], lang: str) -> list[LegalItem]:
    """What changed between consecutive snapshots (the day of a change is not known, only
    the two snapshots around it), or that nothing did."""
    if len(snapshots) < 2:
        return []
    def day(item: LegalItem) -> str:
        return long_date(date.fromisoformat(item.as_of or ""), lang) \
            if item.as_of and len(item.as_of) == 10 else item.as_of or ""
    changes = [LegalItem(text=gettext(lang, VISA_CHANGED).format(
        old_date=day(old), new_date=day(new), old=_category(int(old.status or 0), lang),
        new=_category(int(new.status or 0), lang)), source_id=new.source_id, as_of=new.as_of,
        date=old.as_of) for old, new in pairwise(snapshots)
        if old.status != new.status]
    if changes:
        return changes
    first, last = snapshots[0], snapshots[-1]
    return [LegalItem(text=gettext(lang, VISA_SAME).format(
        old_date=day(first), new_date=day(last),
        category=_category(int(last.status or 0), lang)), source_id=last.source_id,
        as_of=last.as_of, date=first.as_of)]


def _side(country: str, other: str, *, instruments: Sequence[LegalInstrument],
          visas: Sequence[Observation], status: Sequence[LegalInstrument],
          treaties: Mapping[str, Treaty], lang: str, names: Mapping[str, str],
          sources: Mapping[str, Source]) -> dict[str, ItemGroup | None]:
    fields = {"country": grammar.subject(country, names.get(country, country), lang),
              "other": grammar.subject(other, names.get(other, other), lang)}
    mine = [i for i in instruments if i.country == country]
    statuses = [treaty_item(i, ref, lang) for i in status
                if i.country == country and (ref := treaties.get(i.treaty or "")) is not None
                and ref.kind != "resolution"]
    return {
        "agreements": group("agreements", gettext(lang, AGREEMENTS).format(**fields),
                            _agreement_items(mine, lang, names), sources, lang),
        "visa": group("visa", gettext(lang, VISAS).format(**fields),
                      _visa_items([o for o in visas if o.country == country], lang),
                      sources, lang),
        "treaties": group("treaties", gettext(lang, TREATIES).format(**fields),
                          statuses, sources, lang),
    }


ROWS = (("agreements", N_("Bilateral agreements")),
        ("visa", N_("Visa requirements")),
        ("treaties", N_("Main conventions")))


def legal_table(a: str, b: str, *, instruments: Sequence[LegalInstrument],
                observations: Sequence[Observation], status: Sequence[LegalInstrument],
                treaties: Mapping[str, Treaty], lang: str, names: Mapping[str, str],
                sources: Mapping[str, Source]) -> FrameworkTable | None:
    visas = [o for o in observations if o.indicator == VISA]
    common = {"instruments": instruments, "visas": visas, "status": status,
              "treaties": treaties, "lang": lang, "names": names, "sources": sources}
    left, right = _side(a, b, **common), _side(b, a, **common)  # type: ignore[arg-type]
    rows = []
    for key, title in ROWS:
        first, second = left[key], right[key]
        if first is None and second is None:
            continue
        rows.append(FrameworkRow(key=key, title=gettext(lang, title),
                                 cells=(tuple(g for g in (first,) if g),
                                        tuple(g for g in (second,) if g))))
    if not rows:
        return None
    return FrameworkTable(id="corridor-legal", caption=gettext(lang, N_("Legal framework")),
                          corner="", columns=(names.get(a, a), names.get(b, b)),
                          rows=tuple(rows))
