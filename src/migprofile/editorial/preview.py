"""Previews: a Markdown field as the profile will print it, a narrative bound to the
country's figures (with its binding error, if any), and a whole profile with drafts in
place of the published objects (what a contributor sees under a "draft" banner).

Every preview goes through the profile's own code (``render.markup`` for Markdown,
``profiles.binding.Binder`` for narratives, ``assemble_profile`` for the profile), so a
preview cannot show something the published profile would print differently.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from migprofile.editorial.objects import (
    Kind,
    to_cell,
    to_footnote,
    to_instrument,
    to_narrative,
    to_source,
)
from migprofile.editorial.workflow import Draft
from migprofile.errors import BindingError
from migprofile.indicators.growth import GrowthMethod
from migprofile.model import LocalizedText, Narrative
from migprofile.profiles.assemble import assemble_profile
from migprofile.profiles.binding import Binder
from migprofile.profiles.data import CountryData, load_country_data
from migprofile.profiles.growthpolicy import policy_for
from migprofile.profiles.tree import Profile, Value
from migprofile.render import markup
from migprofile.store import Store


@dataclass(frozen=True)
class NarrativePreview:
    text: str  # bound text (Markdown), "" on error
    html: str  # sanitized HTML of it
    figures: tuple[Value, ...]
    error: str | None


def markdown_preview(text: str) -> str:
    """Sanitized HTML of one Markdown field, exactly as the HTML and PDF profiles print it."""
    return markup.to_html(text)


def narrative_preview(store: Store, country: str, template: str, lang: str,
                      method: GrowthMethod | None = None) -> NarrativePreview:
    data = load_country_data(store, country)
    names = {code: area.names.text(lang) for code, area in data.areas.items()}
    preferred = frozenset(o.source_id for o in data.observations
                          if o.source_id in data.package_sources)
    binder = Binder(data.observations, lang, policy_for(method, data.sources), preferred, names,
                    names.get(country, country))
    narrative = Narrative(country, "preview", "preview", 1, LocalizedText({lang: template}))
    try:
        text = binder.render(narrative, template)
    except BindingError as exc:
        return NarrativePreview("", "", tuple(binder.used), str(exc))
    return NarrativePreview(text, markup.to_html(text), tuple(binder.used), None)


def with_drafts(data: CountryData, drafts: list[Draft]) -> CountryData:
    """``data`` with each draft in place of the object it changes (or without the objects
    it deletes)."""
    cells, footnotes = list(data.cells), list(data.footnotes)
    narratives, instruments = list(data.narratives), list(data.instruments)
    sources = dict(data.sources)
    for d in drafts:
        p = d.payload
        if d.kind in (Kind.LEGAL, Kind.SOCIO_POLITICAL):
            cells = [c for c in cells if not (c.framework.value == d.kind.value and
                                              f"{c.row}/{c.direction}/{c.order}" == d.key)]
            cells += [to_cell(d.country, d.kind, p)] if p is not None else []
        elif d.kind is Kind.FOOTNOTE:
            footnotes = [f for f in footnotes if str(f.number) != d.key]
            footnotes += [to_footnote(d.country, p)] if p is not None else []
        elif d.kind is Kind.NARRATIVE:
            narratives = [n for n in narratives if f"{n.section}/{n.key}" != d.key]
            narratives += [to_narrative(d.country, p)] if p is not None else []
        elif d.kind is Kind.INSTRUMENT and p is not None:
            instruments = [i for i in instruments if i.id != d.key] + [to_instrument(
                d.country, p)]
        elif d.kind is Kind.SOURCE and p is not None:
            sources[d.key] = to_source(p)
    cells.sort(key=lambda c: (c.framework.value, c.row, c.direction, c.order))
    return dataclasses.replace(data, cells=cells, footnotes=footnotes, narratives=narratives,
                               instruments=instruments, sources=sources)


def draft_profile(store: Store, country: str, lang: str, drafts: list[Draft],
                  method: GrowthMethod | None = None) -> Profile:
    return assemble_profile(with_drafts(load_country_data(store, country), drafts), lang,
                            method=method)
