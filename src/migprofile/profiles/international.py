"""Blocks built from international data sets (UN DESA, UNHCR, World Bank, UNTC), laid out
automatically: used when a country has no national table, and beside national data when it does."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from migprofile.i18n import CAPTION_PERIOD, format_number, format_percent, gettext
from migprofile.indicators.growth import GrowthMethod, GrowthPolicy
from migprofile.indicators.shares import share
from migprofile.indicators.tables import compute_partner_table
from migprofile.model import SPECIAL_PARTNERS, Observation, Sex, Status
from migprofile.profiles import charts
from migprofile.profiles.data import CountryData
from migprofile.profiles.tableblocks import source_line, table_block
from migprofile.profiles.tree import Block, ChartBlock, Paragraph, TableBlock

SPECIAL = SPECIAL_PARTNERS


def _latest_source(observations: list[Observation]) -> str | None:
    """The newest edition among the sources present (ids end with their year or edition)."""
    ids = sorted({o.source_id for o in observations})
    return ids[-1] if ids else None


def _years(observations: list[Observation]) -> list[str]:
    return sorted({o.period for o in observations})


def auto_layout(observations: list[Observation], areas: Mapping[str, Any], top: int,
                periods: tuple[str, str]) -> tuple[dict[str, Any], dict[tuple[str, str],
                                                                       Observation]]:
    """Regions as rows with the top partners as "of which" children, "other" and the total.

    Region values and the residual are sums and differences of the source's own figures."""
    lookup = {(o.partner, o.period): o for o in observations}
    latest = periods[-1]
    # a partner with nothing in the latest period is never a "top" partner
    partners = [o for o in observations if o.period == latest and o.partner not in SPECIAL
                and o.value and getattr(areas.get(o.partner), "kind", "") == "country"]
    chosen = [o.partner for o in sorted(partners, key=lambda o: (-(o.value or 0), o.partner))
              [:top]]
    by_region: dict[str, list[str]] = defaultdict(list)
    for code in chosen:
        area = areas.get(code)
        by_region[(area.region if area and area.region else "UNK")].append(code)
    source = observations[0].source_id
    for region in by_region:
        for period in periods:
            values = [lookup[key].value for key in _all_members(region, areas, observations,
                                                                  period)]
            total = sum(v for v in values if v is not None)
            lookup[(region, period)] = _computed(region, period, total, source, observations[0])
    rows = [{"area": r, "children": ms} for r, ms in sorted(
        by_region.items(), key=lambda kv: -(lookup[(kv[0], latest)].value or 0))]
    covered = set(by_region)
    residual = {}
    for period in periods:
        world = lookup.get(("WLD", period))
        if world is None or world.value is None:
            continue
        parts = sum(lookup[(r, period)].value or 0 for r in covered)
        residual[period] = world.value - parts
        lookup[("OTH", period)] = _computed("OTH", period, world.value - parts, source,
                                            observations[0])
    if any(abs(v) >= 0.5 for v in residual.values()):  # "other countries 0 / 0" says nothing
        rows.append({"area": "OTH"})
    spec = {"periods": list(periods), "measure": ["count", "share"], "growth": True,
            "total": "WLD", "rows": rows}
    return spec, lookup


def _all_members(region: str, areas: Mapping[str, Any], observations: list[Observation],
                 period: str) -> list[tuple[str, str]]:
    return [(o.partner, period) for o in observations
            if o.period == period and o.partner not in SPECIAL and o.value is not None
            and getattr(areas.get(o.partner), "region", None) == region
            and getattr(areas.get(o.partner), "kind", "") == "country"]


def _computed(area: str, period: str, value: float, source: str, like: Observation
              ) -> Observation:
    return Observation(indicator=like.indicator, country=like.country, partner=area,
                       period=period, value=value, source_id=source, status=Status.ESTIMATED)


class InternationalBlocks:
    """Block handlers mixed into the Assembler (``b_<kind>`` methods of the profile spec)."""

    data: CountryData
    lang: str
    policy: GrowthPolicy
    methods_used: set[GrowthMethod]
    names: dict[str, str]
    country_name: str
    used_sources: list[str]

    def b_auto_table(self, arg: Mapping[str, Any]) -> list[Block]:
        indicator = str(arg["indicator"])
        rows = [o for o in self.data.by_indicator.get(indicator, [])
                if not o.breakdown and o.sex is Sex.TOTAL]
        source = _latest_source(rows)
        rows = [o for o in rows if o.source_id == source]
        years = _years(rows)
        if len(years) < 1 or not any(o.partner != "WLD" for o in rows):
            return []
        first = str(arg.get("first", years[0]))
        periods = (first if first in years else years[0], years[-1])
        spec, lookup = auto_layout(rows, self.data.areas, int(arg.get("top", 8)), periods)
        spec["indicator"] = indicator
        method = self.policy.method([str(source)])
        table = compute_partner_table(str(arg["id"]), spec, lookup, method)
        if table.show_growth:
            self.methods_used.add(method)
        self.used_sources.append(str(source))
        caption = gettext(self.lang, str(arg["caption"])).format(country=self.country_name)
        caption = gettext(self.lang, CAPTION_PERIOD).format(caption=caption, start=periods[0],
                                                            end=periods[1])
        indicator_info = self.data.indicators.get(indicator)
        block = table_block(table, lang=self.lang, names=self.names, unit="persons",
                            sources=self.data.sources,
                            basis=indicator_info.basis.value if indicator_info else None,
                            digits=indicator_info.digits if indicator_info else None)
        female = self._female_shares(indicator, str(source), periods[1], spec)
        notes = list(block.notes)
        if female:
            notes.append(gettext(self.lang, "Women among {what} in {year}: {share}").format(
                what=gettext(self.lang, str(arg.get("women_of", "migrants"))),
                year=periods[1][:4], share=format_percent(female, self.lang, 1)))
        return [TableBlock(id=block.id, caption=caption, header=block.header, body=block.body,
                            source=block.source, notes=tuple(notes))]

    def _female_shares(self, indicator: str, source: str, period: str,
                       spec: Mapping[str, Any]) -> float | None:
        values = {o.sex: o.value for o in self.data.by_indicator.get(indicator, [])
                  if o.source_id == source and o.partner == "WLD" and o.period == period}
        total, female = values.get(Sex.TOTAL), values.get(Sex.FEMALE)
        return share(female, total) if total and female is not None else None

    def b_sum_series(self, arg: Mapping[str, Any]) -> list[Block]:
        """A yearly series: the WLD value, or the sum over partners, of one or more indicators."""
        by_source: dict[str, list[Observation]] = defaultdict(list)
        for indicator in arg["indicators"]:
            for o in self.data.by_indicator.get(str(indicator), []):
                if o.value is not None and not o.breakdown and o.sex is Sex.TOTAL:
                    by_source[o.source_id].append(o)
        if not by_source:
            return []
        source, rows = max(by_source.items(), key=lambda kv: len({o.year for o in kv[1]}))
        sources = {source}
        totals: dict[int, float] = defaultdict(float)
        for indicator in arg["indicators"]:
            mine = [o for o in rows if o.indicator == indicator]
            world = [o for o in mine if o.partner == "WLD"]
            for o in world or [o for o in mine if o.partner != "WLD"]:
                totals[o.year] += (o.value or 0.0) * float(arg.get("scale", 1))
        since = int(arg.get("since", 1990))
        points = sorted((y, v) for y, v in totals.items() if y >= since)
        if len(points) < 3:
            return []
        title = gettext(self.lang, str(arg["title"]))
        data = [{"year": y, "value": v, "series": self.country_name} for y, v in points]
        spec = charts.time_series(str(arg["id"]), title, data, lang=self.lang,
                                  value_title=gettext(self.lang, str(arg.get("value_title", ""))))
        self.used_sources.extend(sorted(sources))
        peak = max(points, key=lambda p: p[1])
        description = gettext(self.lang, "Highest value: {value} in {year}.").format(
            value=format_number(peak[1], self.lang), year=peak[0])
        return [ChartBlock(id=str(arg["id"]), title=title, spec=spec, description=description,
                           source=source_line(sorted(sources), self.data.sources, self.lang),
                           data=tuple(data)),
                Paragraph(text=description, lang=self.lang)]
