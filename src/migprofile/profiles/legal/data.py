"""What the generated legal items read from the store for one country, read once."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from migprofile.model import LegalInstrument, Observation, Treaty
from migprofile.store import ObservationFilter, Store
from migprofile.store.imports import imports
from migprofile.store.legal import treaties, treaty_status, vote_tallies

VISA = "visa_requirement"
COVERAGE_FORMATS = ("treaties", "globalcit", "visa")


@dataclass
class LegalData:
    treaties: dict[str, Treaty] = field(default_factory=dict)  # the shared reference
    status: list[LegalInstrument] = field(default_factory=list)  # treaty_status(country)
    visa_out: list[Observation] = field(default_factory=list)  # the country as passport
    tallies: dict[str, Counter[str]] = field(default_factory=dict)  # resolution -> votes
    # reader -> the sources it imported (the import log), to say "X does not cover it"
    imported: dict[str, list[str]] = field(default_factory=dict)

    @property
    def source_ids(self) -> set[str]:
        return ({i.source_id for i in self.status} | {o.source_id for o in self.visa_out}
                | {s for ids in self.imported.values() for s in ids})


def load_legal_data(store: Store, country: str) -> LegalData:
    reference = treaties(store)
    tallies = {k: Counter(v) for k, v in vote_tallies(store).items()}
    imported: dict[str, list[str]] = {}
    for record in imports(store):
        if record.format in COVERAGE_FORMATS and record.source_id not in imported.get(
                record.format, []):
            imported.setdefault(record.format, []).append(record.source_id)
    return LegalData(
        treaties=reference, status=treaty_status(store, country=country),
        visa_out=store.observations(ObservationFilter(indicator=VISA, partner=country)),
        tallies=tallies, imported=imported)
