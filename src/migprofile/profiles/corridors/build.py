"""A corridor A–B read from the store once, then assembled in one language as a ``Profile``
tree made of the existing node types (tables, a framework table, a paragraph)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import yaml

from migprofile.geo import grammar
from migprofile.i18n import N_, gettext
from migprofile.indicators.growth import GrowthMethod, GrowthPolicy
from migprofile.model import (
    RTL_LANGUAGES,
    Area,
    Indicator,
    LegalInstrument,
    Observation,
    Source,
    Treaty,
)
from migprofile.profiles.assemble import licence_text, publisher_shown
from migprofile.profiles.binding import Binder
from migprofile.profiles.clauses import GenericNarrative, parse_narrative, render_generic
from migprofile.profiles.corridors.charts import stocks_chart
from migprofile.profiles.corridors.legal import legal_table
from migprofile.profiles.corridors.series import (
    THEMES,
    Series,
    citation_of,
    directed_series,
    growth_value,
    theme_table,
)
from migprofile.profiles.growthpolicy import method_note, policy_for
from migprofile.profiles.tableblocks import in_language
from migprofile.profiles.tree import Block, Cover, Paragraph, Profile, Section, SourceEntry
from migprofile.store import Store
from migprofile.store.corridors import (
    Rank,
    bilateral_instruments,
    corridor_observations,
    partner_rank,
)
from migprofile.store.legal import treaties, treaty_status

NARRATIVES = Path(__file__).with_name("narratives.yaml")
STOCK = "emigrant_stock_birth"


@dataclass
class CorridorData:
    a: str
    b: str
    observations: list[Observation]
    instruments: list[LegalInstrument]
    status: list[LegalInstrument]
    treaties: dict[str, Treaty]
    areas: dict[str, Area]
    indicators: dict[str, Indicator]
    sources: dict[str, Source]
    ranks: dict[tuple[str, str, str], Rank]  # (indicator, country, partner) -> the rank
    data_version: int = 0


def load_corridor(store: Store, a: str, b: str) -> CorridorData:
    observations = corridor_observations(store, a, b)
    instruments = bilateral_instruments(store, a, b)
    status = treaty_status(store, country=a) + treaty_status(store, country=b)
    ranks: dict[tuple[str, str, str], Rank] = {}
    for country, partner in ((a, b), (b, a)):  # the destination's rank, the origin's rank
        for indicator, who, whom in ((STOCK, country, partner),
                                     ("immigrant_stock_birth", partner, country)):
            mine = [o for o in observations if o.indicator == indicator and o.country == who
                    and o.sex.value == "total" and o.value]
            if mine:
                newest = max(mine, key=lambda o: (o.period, o.source_id))
                found = partner_rank(store, indicator, who, whom, newest.period,
                                     newest.source_id)
                if found:
                    ranks[(indicator, who, whom)] = found
    ids = ({o.source_id for o in observations} | {i.source_id for i in instruments}
           | {i.source_id for i in status})
    return CorridorData(a, b, observations, instruments, status, treaties(store),
                        {x.code: x for x in store.areas()},
                        {i.code: i for i in store.indicators()},
                        {s.id: s for s in store.sources(ids)}, ranks, store.data_version())


@cache
def corridor_narratives() -> tuple[GenericNarrative, ...]:
    raw = yaml.safe_load(NARRATIVES.read_text(encoding="utf-8"))
    return tuple(parse_narrative(str(NARRATIVES), key, spec)
                 for key, spec in raw["corridor"].items())


def narrative(data: CorridorData, lang: str, policy: GrowthPolicy,
              names: dict[str, str]) -> list[Paragraph]:
    binder = Binder(data.observations, lang, policy, frozenset(), names,
                    names.get(data.a, data.a))
    binder.country_code = data.a
    binder.env.globals.update(here=data.a, there=data.b)
    return [p for n in corridor_narratives() if (p := render_generic(binder, n, lang))]


RANK_NOTE = N_("{partner} ranks {rank} of {count} among the countries where people born "
               "{in_country} live, in {year}. Source: {source}")
ORIGIN_NOTE = N_("{partner} ranks {rank} of {count} among the countries of birth of the "
                 "immigrants {in_country}, in {year}. Source: {source}")


def _rank_notes(data: CorridorData, lang: str, names: dict[str, str]) -> list[str]:
    notes = []
    for (indicator, who, whom), r in sorted(data.ranks.items()):
        origin_side = indicator == STOCK
        source = data.sources.get(r.source_id)
        notes.append(gettext(lang, RANK_NOTE if origin_side else ORIGIN_NOTE).format(
            partner=names.get(whom, whom), rank=r.rank, count=r.of,
            in_country=grammar.located(who, names.get(who, who), lang), year=r.period[:4],
            source=citation_of(source, lang) if source else
            r.source_id))
    return notes


def _methods_used(series: Sequence[Series], paragraphs: Sequence[Paragraph],
                  policy: GrowthPolicy, lang: str) -> set[GrowthMethod]:
    """The formulas of the rates printed: the tables' growth notes and the narrative's rates."""
    used = {policy.method([s.source_id]) for s in series
            if growth_value(s, policy.method([s.source_id]), lang) is not None}
    return used | {GrowthMethod(v.formula) for p in paragraphs for v in p.figures
                   if v.formula in {m.value for m in GrowthMethod}}


def corridor_profile(data: CorridorData, lang: str, *,
                     method: GrowthMethod | None = None) -> Profile:
    names = {code: area.names.text(lang) for code, area in data.areas.items()}
    policy = policy_for(method, data.sources)
    series = directed_series(data.observations)
    blocks: list[Block] = []
    chart = stocks_chart(series, data.a, lang=lang, names=names, sources=data.sources,
                         indicators=data.indicators)
    if chart is not None:
        blocks.append(chart)
    for theme in THEMES:
        table = theme_table(theme, series, lang=lang, names=names, sources=data.sources,
                            indicators=data.indicators, policy=policy,
                            notes=_rank_notes(data, lang, names) if theme == "stocks" else ())
        if table is not None:
            blocks.append(table)
    legal = legal_table(data.a, data.b, instruments=data.instruments,
                        observations=data.observations, status=data.status,
                        treaties=data.treaties, lang=lang, names=names, sources=data.sources)
    paragraphs = narrative(data, lang, policy, names)
    title = gettext(lang, N_("Migration corridor: {a} – {b}")).format(
        a=names.get(data.a, data.a), b=names.get(data.b, data.b))
    sections = [Section("corridor-overview", gettext(lang, N_("Overview")), tuple(paragraphs)),
                Section("corridor-statistics", gettext(lang, N_("Statistics")), tuple(blocks))]
    if legal is not None:
        sections.append(Section("corridor-legal", gettext(lang, N_("Agreements and law")),
                                (legal,)))
    used = [*dict.fromkeys([s.source_id for s in series]
                           + [i.source_id for i in data.instruments]
                           + [i.source_id for i in data.status]
                           + [o.source_id for o in data.observations])]
    edition = max((s.accessed for sid in used if (s := data.sources.get(sid)) and s.accessed),
                  default=date.today())
    area = data.areas.get(data.a)
    cover = Cover(series=gettext(lang, N_("Migration corridor")), title=title,
                  country_name=title, subtitle_lines=tuple(s.title for s in sections),
                  authors=(), credits=gettext(lang, "Compiled automatically from "
                                                    "international data sets."),
                  publisher="migprofile", date_text=edition.isoformat())
    note = method_note(lang, policy, _methods_used(series, paragraphs, policy, lang))
    return Profile(country=f"{data.a}-{data.b}", iso2=area.iso2 if area and area.iso2 else "",
                   lang=lang, direction="rtl" if lang in RTL_LANGUAGES else "ltr",
                   title=title, edition=edition.isoformat(), cover=cover,
                   sections=tuple(s for s in sections if s.blocks),
                   sources=_sources(used, data.sources, lang), method_note=note,
                   growth_method=policy.label, data_version=data.data_version)


def _sources(ids: list[str], sources: dict[str, Source], lang: str
             ) -> tuple[SourceEntry, ...]:
    return tuple(SourceEntry(
        id=s.id, citation=in_language(s.citation, lang) or s.publisher,
        publisher=publisher_shown(s, lang),
        title=in_language(s.title, lang), edition=s.edition, url=s.url,
        accessed=s.accessed.isoformat() if s.accessed else None, sha256=s.sha256,
        licence=licence_text(s.licence, lang)) for sid in ids if (s := sources.get(sid)))
