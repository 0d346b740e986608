"""Import guards: an import never silently wipes or shrinks what the database holds.

Re-importing a source replaces what its earlier import wrote. That is what a user wants
for a corrected file, and a disaster for a header-only KNOMAD file (every observation of
the source deleted), a World Bank file cut at a line boundary (33,755 values replaced by
4,235) or a UN Treaty Collection file without rows (every status "not ratified"). So,
before writing, the batch is compared with the footprint of the stored source
(``store.footprint``) and refused, with a summary of the difference, when it would

- hold nothing (always refused: an empty file is never a data set);
- keep fewer than ``1 - SHRINK_LIMIT`` of the stored observations, or of the stored values
  (observations turned missing or suppressed count as lost);
- lose a country or a year the stored source had;
- change the status of, or drop, more than ``SHRINK_LIMIT`` of the stored legal
  instruments (statuses flipped);

unless ``ReadOptions.replace`` is set (``migprofile import --replace``).
"""

from __future__ import annotations

from pathlib import Path

from migprofile.errors import ImportFailed
from migprofile.importers.base import ImportBatch, ReadOptions
from migprofile.model import period_year
from migprofile.store import Store
from migprofile.store.footprint import Footprint, footprint
from migprofile.validate import Report

SHRINK_LIMIT = 0.05  # the share of stored data an import may remove without --replace
LISTED = 8  # countries or years named in a refusal


def batch_footprint(batch: ImportBatch) -> Footprint:
    observations = batch.observations
    years: dict[str, int] = {}
    for o in observations:
        if o.period not in years:
            years[o.period] = period_year(o.period)
    return Footprint(
        rows=len(observations), valued=sum(1 for o in observations if o.value is not None),
        countries=frozenset(o.country for o in observations),
        years=frozenset(years.values()),
        instruments={i.id: i.status.value for i in batch.instruments})


def check_batch(store: Store, batch: ImportBatch, options: ReadOptions) -> None:
    """``ImportFailed`` when ``batch`` is empty, or would shrink its stored source beyond
    the limits (unless ``options.replace``); nothing is written either way."""
    name = Path(batch.path).name
    new = batch_footprint(batch)
    if new.empty:
        _refuse(name, "empty-file", "the file holds no observation and no instrument: an "
                "empty file is not imported (nothing was changed)")
    if options.replace:
        return
    old = footprint(store, batch.origin)
    if old.empty:
        return
    problems = shrink_problems(old, new)
    if problems:
        _refuse(name, "would-shrink", f"importing it would replace source {batch.source.id} "
                f"and {'; '.join(problems)}. Nothing was changed; give --replace to import "
                "it anyway")


def shrink_problems(old: Footprint, new: Footprint) -> list[str]:
    """What an import would lose, in words (empty when within the limits)."""
    problems = []
    if _shrinks(old.rows, new.rows):
        problems.append(f"keep {new.rows:,} of its {old.rows:,} observations")
    elif _shrinks(old.valued, new.valued):
        problems.append(f"keep {new.valued:,} of its {old.valued:,} values (the others "
                        "would become missing or suppressed)")
    lost_countries = sorted(old.countries - new.countries)
    if lost_countries:
        problems.append(f"lose {len(lost_countries)} of its {len(old.countries)} countries "
                        f"({_listed(lost_countries)})")
    lost_years = sorted(old.years - new.years)
    if lost_years:
        problems.append(f"lose {len(lost_years)} of its {len(old.years)} years "
                        f"({_listed([str(y) for y in lost_years])})")
    if old.instruments:
        flipped = sum(1 for key, status in old.instruments.items()
                      if new.instruments.get(key) != status)
        if flipped > SHRINK_LIMIT * len(old.instruments):
            problems.append(f"change or drop the status of {flipped:,} of its "
                            f"{len(old.instruments):,} legal instruments")
    return problems


def _shrinks(old: int, new: int) -> bool:
    return old > 0 and new < old * (1 - SHRINK_LIMIT)


def _listed(items: list[str]) -> str:
    shown = ", ".join(items[:LISTED])
    return shown + (f" and {len(items) - LISTED} more" if len(items) > LISTED else "")


def _refuse(name: str, kind: str, message: str) -> None:
    report = Report(subject=name)
    report.error(kind, message, file=name)
    raise ImportFailed(f"{name}: {message}", report)
