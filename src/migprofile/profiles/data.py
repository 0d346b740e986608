"""Everything the store holds for one country, read once and shared by every language."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from migprofile.model import (
    Area,
    Footnote,
    FrameworkCell,
    Indicator,
    LegalInstrument,
    Narrative,
    Observation,
    PackageInfo,
    Source,
    TableLayout,
)
from migprofile.profiles.legal.data import LegalData, load_legal_data
from migprofile.store import ObservationFilter, Store


@dataclass
class CountryData:
    country: str
    package: PackageInfo | None
    observations: list[Observation]
    layouts: dict[str, TableLayout]
    cells: list[FrameworkCell]
    footnotes: list[Footnote]
    narratives: list[Narrative]
    instruments: list[LegalInstrument]
    areas: dict[str, Area]
    indicators: dict[str, Indicator]
    sources: dict[str, Source]
    data_version: int = 0
    package_sources: frozenset[str] = frozenset()  # sources a country package declared
    by_indicator: dict[str, list[Observation]] = field(default_factory=dict)
    legal: LegalData | None = None  # what the generated legal items read (profiles.legal)

    def __post_init__(self) -> None:
        grouped: dict[str, list[Observation]] = defaultdict(list)
        for obs in self.observations:
            grouped[obs.indicator].append(obs)
        self.by_indicator = dict(grouped)

    def narratives_of(self, section: str) -> list[Narrative]:
        return sorted((n for n in self.narratives if n.section == section), key=lambda n: n.order)


def load_country_data(store: Store, country: str) -> CountryData:
    observations = store.observations(ObservationFilter(country=country))
    used_sources = {o.source_id for o in observations}
    instruments = store.instruments(country)
    used_sources |= {i.source_id for i in instruments}
    cells = store.cells(country)
    used_sources |= {c.source_id for c in cells if c.source_id}
    narratives = store.narratives(country)
    for n in narratives:
        used_sources |= set(n.source_ids)
    legal = load_legal_data(store, country)
    used_sources |= legal.source_ids
    return CountryData(
        country=country,
        package=store.package(country),
        observations=observations,
        layouts={lay.table_id: lay for lay in store.layouts(country)},
        cells=cells,
        footnotes=store.footnotes(country),
        narratives=narratives,
        instruments=instruments,
        areas={a.code: a for a in store.areas()},
        indicators={i.code: i for i in store.indicators()},
        sources={s.id: s for s in store.sources(used_sources)},
        data_version=store.data_version(),
        package_sources=frozenset(store.source_ids_of_origin(f"package:{country}")),
        legal=legal,
    )
