"""Generated items: bilateral labour agreements (legal row ``labour_migration``, on the side
the migrant stocks give), readmission agreements (row ``irregular_migration``), and the
international-cooperation row of the socio-political framework (UN General Assembly votes,
the agreements counted)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from migprofile.i18n import semicolon
from migprofile.model import InstrumentKind, LegalInstrument, Observation, Source
from migprofile.profiles.counted import counted as count_of
from migprofile.profiles.legal.common import Generated, group
from migprofile.profiles.legal.data import LegalData
from migprofile.profiles.legal.words import (
    join,
    long_date,
    pick,
    status_word,
    word,
    wording,
)
from migprofile.profiles.tree import LegalItem

SHOWN = 12  # agreements listed per side; older ones counted


def _latest(observations: Sequence[Observation], indicator: str) -> dict[str, float]:
    rows = [o for o in observations if o.indicator == indicator and o.value is not None
            and o.sex.value == "total" and not o.breakdown]
    if not rows:
        return {}
    period = max(o.period for o in rows)
    return {o.partner: float(o.value or 0) for o in rows if o.period == period}


def sides(observations: Sequence[Observation]) -> dict[str, int]:
    """Partner -> 1 (emigration side: more emigrants there than immigrants from there) or 0."""
    out, into = (_latest(observations, "emigrant_stock_birth"),
                 _latest(observations, "immigrant_stock_birth"))
    return {p: 1 if out.get(p, 0) > into.get(p, 0) else 0 for p in set(out) | set(into)}


def _when(i: LegalInstrument, lang: str) -> str:
    if i.signed:
        return word("phrases", "signed_on", lang, date=long_date(i.signed, lang))
    return word("phrases", "signed_in", lang, year=i.years[0]) if i.years else ""


def labour_item(i: LegalInstrument, lang: str, names: Mapping[str, str]) -> LegalItem:
    partners = join([names.get(p, p) for p in i.parties], lang)
    topics = [pick(wording("visa")["topics"][t], lang) for t in i.topics]
    content = word("phrases", "content", lang, topics=join(topics, lang)) if topics else \
        word("phrases", "not_coded" if i.notes else "no_topics", lang)
    parts = [p for p in (_when(i, lang), content) if p]
    sep = semicolon(lang)
    text = f"*{partners}*" + (f" — {sep.join(parts)}" if parts else "")
    when = i.signed.isoformat() if i.signed else (str(i.years[0]) if i.years else None)
    return LegalItem(text=text, source_id=i.source_id, date=when, partners=i.parties,
                     status=i.status.value, ref=i.id)


def add_labour(out: Generated, instruments: Sequence[LegalInstrument],
               observations: Sequence[Observation], lang: str, names: Mapping[str, str],
               sources: Mapping[str, Source]) -> None:
    mine = [i for i in instruments if i.kind is InstrumentKind.LABOUR]
    side_of = sides(observations)
    split: tuple[list[LegalInstrument], list[LegalInstrument]] = ([], [])
    for i in mine:
        split[max((side_of.get(p, 0) for p in i.parties), default=0)].append(i)
    title = word("titles", "labour", lang)
    for side, found in enumerate(split):
        found.sort(key=lambda i: (i.signed.isoformat() if i.signed else
                                  str(i.years[0] if i.years else 0)), reverse=True)
        items = [labour_item(i, lang, names) for i in found[:SHOWN]]
        if len(found) > SHOWN:
            items.append(LegalItem(text=word("phrases", "more", lang, agreements=count_of(
                "older_agreements", len(found) - SHOWN, lang)),
                                   source_id=found[0].source_id))
        out.add("legal", "labour_migration", side, group(
            "labour", title, items, sources, lang, note=word("phrases", "side_rule", lang)))


def readmission_item(i: LegalInstrument, lang: str, names: Mapping[str, str]) -> LegalItem:
    partners = join([names.get(p, p) for p in i.parties], lang) or \
        word("phrases", "partner_unknown", lang)
    parts = [i.title.text(lang), word("phrases", "with", lang, partners=partners)]
    if i.signed:
        parts.append(word("phrases", "signed_on", lang, date=long_date(i.signed, lang)))
    if i.in_force:
        parts.append(word("phrases", "in_force", lang, date=long_date(i.in_force, lang)))
    text = ", ".join(parts) if lang != "ar" else "، ".join(parts)
    if i.url:
        text += f" ([{word('phrases', 'text_link', lang)}]({i.url}))"
    return LegalItem(text=text, source_id=i.source_id, as_of=i.as_of.isoformat() if i.as_of
                     else None, status=i.topics[0] if i.topics else None,
                     date=i.signed.isoformat() if i.signed else None, partners=i.parties,
                     ref=i.id, url=i.url)


def add_readmission(out: Generated, instruments: Sequence[LegalInstrument],
                    observations: Sequence[Observation], lang: str, names: Mapping[str, str],
                    sources: Mapping[str, Source]) -> None:
    mine = sorted((i for i in instruments if i.kind is InstrumentKind.READMISSION
                   and i.as_of is not None), key=lambda i: (
                       i.signed.isoformat() if i.signed else "0"), reverse=True)
    if not mine:
        return
    totals = (_latest(observations, "emigrant_stock_birth").get("WLD", 0),
              _latest(observations, "immigrant_stock_birth").get("WLD", 0))
    side = 1 if totals[0] > totals[1] else 0  # a country of emigration readmits its nationals
    items = [readmission_item(i, lang, names) for i in mine[:SHOWN]]
    if len(mine) > SHOWN:
        items.append(LegalItem(text=word("phrases", "more", lang, agreements=count_of(
            "older_agreements", len(mine) - SHOWN, lang)),
                               source_id=mine[0].source_id, as_of=items[0].as_of))
    out.add("legal", "irregular_migration", side, group(
        "readmission", word("titles", "readmission", lang), items, sources, lang))


def add_cooperation(out: Generated, legal: LegalData, instruments: Sequence[LegalInstrument],
                    lang: str, sources: Mapping[str, Source]) -> None:
    votes = [i for i in legal.status if i.kind is InstrumentKind.RESOLUTION]
    items = []
    for i in sorted(votes, key=lambda i: legal.treaties[i.treaty or ""].order):
        ref = legal.treaties[i.treaty or ""]
        tally = legal.tallies.get(ref.key)
        counts = word("phrases", "tally", lang, yes=tally["voted_yes"], no=tally["voted_no"],
                      abstain=tally["abstained"]) if tally else ""
        sep = " :" if lang == "fr" else ":"
        text = f"*{ref.short_name.text(lang)}*{sep} {status_word(i.status.value, lang, {})}"
        items.append(LegalItem(
            text=f"{text} ({counts})" if counts else text, source_id=i.source_id,
            as_of=i.as_of.isoformat() if i.as_of else None, status=i.status.value,
            date=i.as_of.isoformat() if i.as_of else None, ref=ref.key))
    out.add("socio_political", "cooperation", 0,
            group("votes", word("titles", "votes", lang), items, sources, lang))
    counted = []
    labour = [i for i in instruments if i.kind is InstrumentKind.LABOUR]
    if labour:
        years = sorted(i.signed.year if i.signed else i.years[0] for i in labour
                       if i.signed or i.years)
        counted.append(LegalItem(text=word(
            "phrases", "labour_count", lang,
            agreements=count_of("labour_agreements", len(labour), lang),
            countries=count_of("countries_with", len({p for i in labour for p in i.parties}),
                               lang),
            first=years[0] if years else "…", last=years[-1] if years else "…"),
            source_id=labour[0].source_id))
    readmission = [i for i in instruments if i.kind is InstrumentKind.READMISSION
                   and i.as_of is not None]
    if readmission:
        counted.append(LegalItem(text=word("phrases", "readmission_count", lang,
                                           agreements=count_of("readmission_agreements",
                                                               len(readmission), lang)),
                                 source_id=readmission[0].source_id,
                                 as_of=readmission[0].as_of.isoformat()
                                 if readmission[0].as_of else None))
    out.add("socio_political", "cooperation", 1,
            group("cooperation", word("titles", "cooperation", lang), counted, sources, lang))
