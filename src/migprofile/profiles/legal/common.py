"""What the generated groups share: the result type and group construction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from migprofile.model import Source
from migprofile.profiles.tableblocks import source_line
from migprofile.profiles.tree import ItemGroup, LegalItem

NOT_COVERED = "not_covered"  # the status of the one item saying a data set lacks the country


@dataclass
class Generated:
    """Generated groups by (framework, row): a list for each of the two directions."""

    cells: dict[tuple[str, str], tuple[list[ItemGroup], list[ItemGroup]]] = field(
        default_factory=dict)

    def add(self, framework: str, row: str, side: int, group: ItemGroup | None) -> None:
        if group is None:
            return
        pair = self.cells.setdefault((framework, row), ([], []))
        pair[side].append(group)

    @property
    def source_ids(self) -> list[str]:
        return [sid for pair in self.cells.values() for side in pair for g in side
                for sid in g.source.source_ids]


def group(key: str, title: str, items: Sequence[LegalItem], sources: Mapping[str, Source],
          lang: str, note: str = "") -> ItemGroup | None:
    if not items:
        return None
    ids, seen = [], set()
    for sid in dict.fromkeys(i.source_id for i in items):
        source = sources.get(sid)
        citation = source.citation.text(lang) if source else sid
        if citation not in seen:  # snapshots of one publisher and date, cited once
            seen.add(citation)
            ids.append(sid)
    return ItemGroup(key=key, title=title, items=tuple(items),
                     source=source_line(ids, sources, lang), lang=lang, note=note)
