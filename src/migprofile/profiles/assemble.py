"""(country, language, edition) → Profile tree, following ``spec.yaml``."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from migprofile.i18n import N_, format_month, gettext
from migprofile.indicators.growth import GrowthMethod
from migprofile.indicators.tables import compute_partner_table
from migprofile.model import RTL_LANGUAGES, Framework, LocalizedText, Source
from migprofile.profiles import charts
from migprofile.profiles.binding import Binder
from migprofile.profiles.clauses import GenericNarrative, parse_narrative, render_generic
from migprofile.profiles.data import CountryData
from migprofile.profiles.frameworks import (
    footnote_marks,
    framework_table,
    localized_footnotes,
)
from migprofile.profiles.growthpolicy import method_note, policy_for, table_method
from migprofile.profiles.international import InternationalBlocks
from migprofile.profiles.legal import legal_parts
from migprofile.profiles.spec import ProfileSpec, read_spec, spec_for
from migprofile.profiles.tableblocks import chart_rows, in_language, source_line, table_block
from migprofile.profiles.tree import (
    Block,
    ChartBlock,
    Cover,
    Heading,
    Paragraph,
    Profile,
    Section,
    SideBySide,
    SourceEntry,
)
from migprofile.validate.tables import lookup_for

SPEC_PATH = Path(__file__).with_name("spec.yaml")
GENERIC_PATH = Path(__file__).with_name("narratives.yaml")


@cache
def generic_narratives() -> dict[str, list[GenericNarrative]]:
    """section -> narratives, from ``narratives.yaml`` beside this module (validated)."""
    with GENERIC_PATH.open(encoding="utf-8") as fh:
        data: dict[str, dict[str, Any]] = yaml.safe_load(fh)
    return {section: [parse_narrative(str(GENERIC_PATH), f"{section}.{key}", raw)
                      for key, raw in items.items()]
            for section, items in data.items()}


@cache
def standard_spec() -> ProfileSpec:
    """The standard profile, validated when read (``SpecError`` naming file and key)."""
    return read_spec(SPEC_PATH)


def default_spec() -> dict[str, Any]:
    return standard_spec().as_mapping()


class Assembler(InternationalBlocks):
    def __init__(self, data: CountryData, lang: str, method: GrowthMethod | None) -> None:
        self.data, self.lang = data, lang
        self.policy = policy_for(method, data.sources)
        self.methods_used: set[GrowthMethod] = set()  # by the tables (narratives: the binder)
        self.preferred = frozenset(o.source_id for o in data.observations
                                   if o.source_id in data.package_sources)
        self.binder = self._binder(lang)
        self.names = {code: area.names.text(lang) for code, area in data.areas.items()}
        self.country_name = self.names.get(data.country, data.country)
        self.used_sources: list[str] = []
        self.framework_titles: list[str] = []

    def _binder(self, lang: str) -> Binder:
        names = {code: area.names.text(lang) for code, area in self.data.areas.items()}
        binder = Binder(self.data.observations, lang, self.policy, self.preferred, names,
                        names.get(self.data.country, self.data.country))
        binder.country_code = self.data.country
        binder.countries = frozenset(code for code, area in self.data.areas.items()
                                     if area.kind.value == "country")
        binder.env.globals["here"] = self.data.country
        return binder

    # -- blocks ---------------------------------------------------------------------------------

    def blocks(self, items: Sequence[Mapping[str, Any]]) -> list[Block]:
        out: list[Block] = []
        for item in items:
            out.extend(self.block(item))
        return _drop_orphan_headings(out)

    def block(self, item: Mapping[str, Any]) -> list[Block]:
        kind, arg = next(iter(item.items()))
        handler = getattr(self, f"b_{kind}", None)
        if handler is None:
            raise ValueError(f"profile spec: unknown block kind {kind!r}")
        result: list[Block] = handler(arg)
        return result

    def b_heading(self, text: str) -> list[Block]:
        return [Heading(gettext(self.lang, text))]

    def b_narrative(self, section: str) -> list[Block]:
        paragraphs: list[Block] = []
        for narrative in self.data.narratives_of(section):
            resolved = narrative.text.get_for(self.lang)
            self.binder.used.clear()
            binder = self.binder if resolved.lang == self.lang else \
                self._binder(resolved.lang)
            text = binder.render(narrative, resolved.text)
            figures = tuple(binder.used)
            self.used_sources += [f.source_id for f in figures if f.source_id]
            self.used_sources += list(narrative.source_ids)
            paragraphs.append(Paragraph(text=text, figures=figures, lang=resolved.lang,
                                        fallback=resolved.is_fallback))
        return paragraphs

    def b_generic(self, section: str) -> list[Block]:
        """Texts of migprofile's own, bound to international data; used for every country. A
        clause whose data are missing for this country is left out (only that clause)."""
        blocks: list[Block] = []
        for narrative in generic_narratives().get(section, []):
            paragraph = render_generic(self.binder, narrative, self.lang)
            if paragraph is None:
                continue
            self.used_sources += [f.source_id for f in paragraph.figures if f.source_id]
            blocks.append(paragraph)
        return blocks

    def b_side_by_side(self, arg: Mapping[str, Any]) -> list[Block]:
        left, right = self.blocks(arg.get("left") or ()), self.blocks(arg.get("right") or ())
        if not left and not right:
            return []
        titles = tuple(gettext(self.lang, t) for t in arg["titles"])
        return [SideBySide(titles=(titles[0], titles[1]), columns=(tuple(left), tuple(right)))]

    def _table(self, table_id: str) -> Any:
        layout = self.data.layouts.get(table_id)
        if layout is None:
            return None
        lookup = lookup_for(layout.spec, self.data.by_indicator.get(
            str(layout.spec.get("indicator")), []))
        if not lookup:
            return None
        method = table_method(self.policy, layout.spec, (o.source_id for o in lookup.values()))
        table = compute_partner_table(table_id, layout.spec, lookup, method)
        if table.show_growth:
            self.methods_used.add(method)
        return table

    def b_table(self, table_id: str) -> list[Block]:
        table = self._table(table_id)
        if table is None:
            return []
        spec = self.data.layouts[table_id].spec
        indicator = self.data.indicators.get(table.indicator)
        self.used_sources += list(table.source_ids)
        return [table_block(
            table, lang=self.lang, names=self.names, unit=indicator.unit if indicator else "",
            sources=self.data.sources, caption=LocalizedText.coerce(spec.get("caption")),
            row_header=LocalizedText.coerce(spec.get("row_header"))
            if spec.get("row_header") else None,
            basis=indicator.basis.value if indicator else None,
            digits=indicator.digits if indicator else None,
        )]

    def b_chart(self, arg: Mapping[str, Any]) -> list[Block]:
        table = self._table(str(arg["table"]))
        if table is None:
            return []
        rows = chart_rows(table, self.names)
        if len(rows) < 2:
            return []
        caption = LocalizedText.coerce(self.data.layouts[table.table_id].spec.get("caption"))
        title = f"{caption.text(self.lang)} ({table.periods[-1][:4]})"
        indicator = self.data.indicators.get(table.indicator)
        value_title = indicator.names.text(self.lang) if indicator else table.indicator
        spec = charts.bar_chart(f"{table.table_id}-chart", title, rows, lang=self.lang,
                                value_title=value_title)
        return [ChartBlock(id=f"{table.table_id}-chart", title=title, spec=spec,
                           description=_describe(rows, self.lang),
                           source=source_line(table.source_ids, self.data.sources, self.lang),
                           data=tuple(rows))]

    def b_series_chart(self, arg: Mapping[str, Any]) -> list[Block]:
        series = sorted(
            (o for o in self.data.by_indicator.get(str(arg["indicator"]), [])
             if o.partner == arg.get("partner", "WLD") and o.value is not None
             and not o.breakdown and o.sex.value == "total"),
            key=lambda o: (o.source_id, o.year))
        by_source: dict[str, list[Any]] = {}
        for o in series:
            by_source.setdefault(o.source_id, []).append(o)
        if not by_source:
            return []
        source_id, points = max(by_source.items(), key=lambda kv: len(kv[1]))
        if len(points) < 2:
            return []
        title = gettext(self.lang, str(arg["title"]))
        rows = [{"year": o.year, "value": o.value, "series": self.country_name} for o in points]
        spec = charts.time_series(str(arg["id"]), title, rows, lang=self.lang,
                                  value_title=gettext(self.lang, str(arg.get("value_title", ""))))
        self.used_sources.append(source_id)
        return [ChartBlock(id=str(arg["id"]), title=title, spec=spec,
                           description=_describe([{"label": str(r["year"]), "value": r["value"]}
                                                  for r in rows], self.lang),
                           source=source_line([source_id], self.data.sources, self.lang),
                           data=tuple(rows))]

    def b_framework(self, name: str) -> list[Block]:
        parts = legal_parts(self.data, self.lang)
        generated = {row: pair for (framework, row), pair in parts.cells.items()
                     if framework == name}
        self.used_sources += [sid for (framework, _), pair in parts.cells.items()
                              if framework == name for side in pair for g in side
                              for sid in g.source.source_ids]
        table = framework_table(Framework(name), self.data.cells, self.data.footnotes,
                                self.lang, self.country_name, generated)
        self.used_sources += [c.source_id for c in self.data.cells
                              if c.source_id and c.framework.value == name]
        return [table] if table else []

    # -- the document ---------------------------------------------------------------------------

    def section(self, spec: Mapping[str, Any]) -> Section | None:
        blocks = self.blocks(spec.get("blocks") or ())
        if not blocks:
            return None
        texts = [b.text for b in blocks if isinstance(b, Paragraph)]
        notes = localized_footnotes(self.data.footnotes, footnote_marks(texts), self.lang)
        return Section(id=str(spec["id"]), title=gettext(self.lang, str(spec["title"])),
                       blocks=tuple(blocks), footnotes=notes)

    def profile(self, spec: Mapping[str, Any]) -> Profile:
        sections = [s for s in (self.section(x) for x in spec["sections"]) if s is not None]
        self.framework_titles = [s.title for s in sections]
        area = self.data.areas.get(self.data.country)
        return Profile(
            country=self.data.country, iso2=area.iso2 if area and area.iso2 else "",
            lang=self.lang, direction="rtl" if self.lang in RTL_LANGUAGES else "ltr",
            title=self.cover().title, edition=self._edition().isoformat(), cover=self.cover(),
            sections=tuple(sections), sources=self.sources(), method_note=self.method_note(),
            growth_method=self.policy.label, data_version=self.data.data_version,
        )

    def _edition(self) -> date:
        """The package's edition date; without a package, the newest access date of the
        sources the profile uses (the data's date, not the build's)."""
        if self.data.package:
            return self.data.package.edition
        dates = [s.accessed for sid in self.used_sources
                 if (s := self.data.sources.get(sid)) is not None and s.accessed]
        return max(dates) if dates else date.today()

    def cover(self) -> Cover:
        package = self.data.package
        month = format_month(self._edition(), self.lang)
        # the cover promises exactly the frameworks the profile holds
        frameworks = self.framework_titles or [
            gettext(self.lang, s["title"]) for s in default_spec()["sections"]]
        title = package.title.text(self.lang) if package else \
            gettext(self.lang, COVER_TITLE).format(country=self.country_name)
        return Cover(
            series=gettext(self.lang, "Migration profile"),
            title=title, country_name=self.country_name,
            subtitle_lines=tuple(frameworks),
            authors=package.authors if package else (),
            credits=package.credits.text(self.lang) if package else
            gettext(self.lang, "Compiled automatically from international data sets."),
            publisher=package.publisher.text(self.lang) if package else "migprofile",
            date_text=self._date_text(month[:1].upper() + month[1:]),
        )

    def _date_text(self, edition: str) -> str:
        """A package's edition month, and — when the profile also prints newer international
        figures — the year they reach, so that a 2009 text and 2024 figures are both dated."""
        package = self.data.package
        if not package:
            return edition
        printed = set(self.used_sources) - self.data.package_sources
        imported = {o.year for o in self.data.observations if o.source_id in printed}
        newest = max(imported, default=None)
        if newest is None or newest <= self._edition().year:
            return edition
        return gettext(self.lang, DATA_UP_TO).format(edition=edition, year=newest)

    def sources(self) -> tuple[SourceEntry, ...]:
        entries = []
        for sid in dict.fromkeys(self.used_sources):
            s = self.data.sources.get(sid)
            if s is None:
                continue
            entries.append(SourceEntry(
                id=s.id, citation=in_language(s.citation, self.lang) or s.publisher,
                publisher=publisher_shown(s, self.lang), title=in_language(s.title, self.lang),
                edition=edition_text(s.edition, self.lang), url=s.url,
                accessed=s.accessed.isoformat() if s.accessed else None,
                sha256=s.sha256, licence=licence_text(s.licence, self.lang)))
        return tuple(entries)

    def method_note(self) -> str:
        return method_note(self.lang, self.policy, self.methods_used | self.binder.methods_used)


def publisher_shown(source: Source, lang: str) -> str:
    """The publisher beside the citation only when the citation is not in the profile's
    language: a citation in the language already names it, in the language's words."""
    return "" if source.citation.texts.get(lang) else source.publisher


DATA_UP_TO = N_("{edition}; international data up to {year}")
# A source's licence is a licence's name (CC BY 4.0, CC0), said alike in every language, or
# one of these statements, which the catalogs translate.
LICENCE_STATEMENTS = frozenset({
    N_("not stated"), N_("not stated (World Bank data are normally CC BY 4.0)"),
    N_("none declared (Dataverse terms not verified)"), N_('none declared ("open access")'),
    N_("MIT (repository); the website's terms not checked"), N_("OECD terms and conditions"),
})
_MONTH_EDITION = re.compile(r"^(January|February|March|April|May|June|July|August|September|"
                            r"October|November|December) (\d{4})$")
COVER_TITLE = N_("Migration profile: {country}")  # fr: a no-break space before ":"


def licence_text(licence: str | None, lang: str) -> str | None:
    """A licence's name stays as it is (CC BY 4.0); a statement is said in the language."""
    if licence in LICENCE_STATEMENTS:
        return gettext(lang, licence)
    return licence


def edition_text(edition: str | None, lang: str) -> str | None:
    """An edition named by its month ("December 2022", as the sources write it) in the
    profile's language ("diciembre de 2022"); a version or an ISO date stays as it is."""
    match = _MONTH_EDITION.match(edition or "")
    if match is None:
        return edition
    month = date(int(match.group(2)), MONTHS.index(match.group(1)) + 1, 1)
    return format_month(month, lang)


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def _drop_orphan_headings(blocks: list[Block]) -> list[Block]:
    """A heading followed by nothing of its own (another heading or the end) is dropped."""
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if isinstance(block, Heading) and (following is None or isinstance(following, Heading)):
            continue
        kept.append(block)
    return kept


def _describe(rows: Sequence[Mapping[str, Any]], lang: str) -> str:
    from migprofile.i18n import format_number, labelled, semicolon
    return semicolon(lang).join(f"{labelled(lang, str(r['label']))} "
                                f"{format_number(float(r['value']), lang)}" for r in rows)


def assemble_profile(data: CountryData, lang: str, *,
                     method: GrowthMethod | None = None,
                     spec: Mapping[str, Any] | None = None) -> Profile:
    if spec is None:
        area = data.areas.get(data.country)
        spec = spec_for(standard_spec(), area.iso2 if area and data.package else None
                        ).as_mapping()
    return Assembler(data, lang, method).profile(spec)
