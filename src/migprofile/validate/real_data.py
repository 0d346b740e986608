"""Plausibility checks of imported statistics: WARNINGS, never errors (real data are messy).

    report = check_observations(batch.observations, sources=[batch.source])

Finding types (severity warning unless said):

- ``same-origin-destination``: partner equal to the country for a bilateral indicator
  (not for ``idps``, whose partner is the country itself);
- ``parts-exceed-total``: the bilateral parts add up to more than the total (partner WLD);
- ``total-mismatch``: they add up to less, when the parts include a residual area (OTH or
  UNK), i.e. when the source meant them to be complete;
- ``implausible-jump``: between consecutive periods of one series, a value ×5 or ÷5 and
  changed by more than ``min_change``;
- ``edition-jump``: the same figure in two editions of one dataset differs as much;
- ``flagged-status``: per source, how many values the source flags (estimated, approximate,
  lower bound, provisional, suppressed, missing).

Location: ``file`` = source id, ``column`` = ``indicator:country:partner:period`` (the key
of the value); rows are not known once data are read. Only values with an exact status
(observed, estimated, provisional) are compared. After ``max_per_type`` findings of a type
in a source, the rest are counted in one info finding.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from migprofile.geo import AreaRegistry, default_registry
from migprofile.model import AreaKind, Indicator, Observation, Source, Status, breakdown_key
from migprofile.validate.report import Report

# indicators whose partner is the country itself
SELF_PARTNER = frozenset({"idps", "citizenship_law"})
RESIDUALS = frozenset({"OTH", "UNK"})
NOT_PARTS = frozenset({AreaKind.WORLD, AreaKind.REGION, AreaKind.GROUPING,
                       AreaKind.HISTORICAL})
EXACT = frozenset({Status.OBSERVED, Status.ESTIMATED, Status.PROVISIONAL})
FLAGGED = (Status.ESTIMATED, Status.APPROXIMATE, Status.LOWER_BOUND, Status.PROVISIONAL,
           Status.SUPPRESSED, Status.MISSING)
NO_JUMP_UNITS = frozenset({"percent", "percentage_points", "years"})

Series = tuple[str, str, str, str, str, str]  # indicator, country, partner, sex, breakdown, src
Group = tuple[str, str, str, str, str, str]  # indicator, country, period, sex, breakdown, src


@dataclass
class _Findings:
    """A report whose findings are capped per (source, type)."""

    max_per_type: int
    report: Report = field(default_factory=lambda: Report(subject="real data"))
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)

    def warn(self, type: str, source: str, key: str, message: str) -> None:
        self.counts[(source, type)] += 1
        if self.counts[(source, type)] <= self.max_per_type:
            self.report.warning(type, message, file=source, column=key)

    def close(self) -> Report:
        for (source, type), count in sorted(self.counts.items()):
            self.report.stats[type] = self.report.stats.get(type, 0) + count
            if count > self.max_per_type:
                self.report.info(type, f"{count - self.max_per_type} more {type} finding(s) "
                                 "not listed", file=source)
        return self.report


def _key(o: Observation) -> str:
    return f"{o.indicator}:{o.country}:{o.partner}:{o.period}"


def _fmt(value: float) -> str:
    return f"{round(value, 3):,}".removesuffix(".0")


def _exact(o: Observation) -> float | None:
    return o.value if o.value is not None and o.status in EXACT else None


def check_observations(
    observations: Iterable[Observation],
    *,
    sources: Sequence[Source] | None = None,
    indicators: Mapping[str, Indicator] | None = None,
    areas: AreaRegistry | None = None,
    tolerance: float = 0.005,
    min_change: float = 1000.0,
    max_per_type: int = 20,
) -> Report:
    """Warnings about ``observations`` (see the module doc). ``sources`` enables the
    comparison of editions; ``indicators`` skips jumps of percentages and the like."""
    data = list(observations)
    out = _Findings(max_per_type)
    registry = areas if areas is not None else default_registry()
    _same_partner(data, out)
    _totals(data, registry, tolerance, out)
    _jumps(data, indicators or {}, min_change, out)
    if sources:
        _editions(data, sources, indicators or {}, min_change, out)
    _statuses(data, out)
    return out.close()


def _same_partner(data: list[Observation], out: _Findings) -> None:
    for o in data:
        if o.partner == o.country and o.indicator not in SELF_PARTNER:
            out.warn("same-origin-destination", o.source_id, _key(o),
                     f"{o.indicator} {o.period}: partner {o.partner} is the country itself")


def _totals(data: list[Observation], registry: AreaRegistry, tolerance: float,
            out: _Findings) -> None:
    totals: dict[Group, Observation] = {}
    parts: dict[Group, list[Observation]] = defaultdict(list)
    kinds: dict[str, AreaKind | None] = {}
    for o in data:
        group = (o.indicator, o.country, o.period, o.sex.value, breakdown_key(o.breakdown),
                 o.source_id)
        if o.partner == "WLD":
            totals[group] = o
            continue
        if o.partner not in kinds:
            kinds[o.partner] = registry.get(o.partner).kind if o.partner in registry else None
        if kinds[o.partner] not in NOT_PARTS:
            parts[group].append(o)
    for group, total in totals.items():
        members = parts.get(group)
        if members:
            _compare(total, members, tolerance, out)


def _compare(total: Observation, members: list[Observation], tolerance: float,
             out: _Findings) -> None:
    expected = _exact(total)
    values = [_exact(m) for m in members]
    if expected is None or any(v is None for v in values):
        return
    computed = math.fsum(v for v in values if v is not None)
    margin = max(1.0, abs(expected) * tolerance)
    label = f"{total.indicator} {total.country} {total.period}"
    if computed > expected + margin:
        out.warn("parts-exceed-total", total.source_id, _key(total),
                 f"{label}: the {len(members)} partners add up to {_fmt(computed)}, more "
                 f"than the total {_fmt(expected)}")
    elif computed < expected - margin and any(m.partner in RESIDUALS for m in members):
        out.warn("total-mismatch", total.source_id, _key(total),
                 f"{label}: the {len(members)} partners (residuals included) add up to "
                 f"{_fmt(computed)}, not the total {_fmt(expected)}")


def _is_jump(a: float, b: float, min_change: float) -> bool:
    if abs(b - a) <= min_change:
        return False
    low, high = sorted((abs(a), abs(b)))
    return low == 0 or high / low >= 5


def _jumps(data: list[Observation], indicators: Mapping[str, Indicator], min_change: float,
           out: _Findings) -> None:
    series: dict[Series, list[Observation]] = defaultdict(list)
    for o in data:
        if _exact(o) is None or _unit(indicators, o.indicator) in NO_JUMP_UNITS:
            continue
        series[(o.indicator, o.country, o.partner, o.sex.value, breakdown_key(o.breakdown),
                o.source_id)].append(o)
    for points in series.values():
        points.sort(key=lambda o: o.period)
        for before, after in pairwise(points):
            a, b = before.value or 0.0, after.value or 0.0
            if _is_jump(a, b, min_change):
                out.warn("implausible-jump", after.source_id, _key(after),
                         f"{after.indicator} {after.country}/{after.partner}: {_fmt(a)} in "
                         f"{before.period}, {_fmt(b)} in {after.period}")


def _unit(indicators: Mapping[str, Indicator], code: str) -> str | None:
    indicator = indicators.get(code)
    return indicator.unit if indicator is not None else None


def _dataset(source: Source) -> tuple[str, str]:
    """What two editions of one dataset share: publisher, and the id less the edition."""
    edition = (source.edition or "").lower()
    slugged = "-".join("".join(c if c.isalnum() else " " for c in edition).split())
    stem = source.id.replace(slugged, "{edition}") if slugged else source.id
    return source.publisher, stem


def _editions(data: list[Observation], sources: Sequence[Source],
              indicators: Mapping[str, Indicator], min_change: float, out: _Findings) -> None:
    dataset = {s.id: _dataset(s) for s in sources}
    edition = {s.id: s.edition or s.id for s in sources}
    values: dict[tuple[object, ...], list[Observation]] = defaultdict(list)
    for o in data:
        if o.source_id in dataset and _exact(o) is not None and \
                _unit(indicators, o.indicator) not in NO_JUMP_UNITS:
            values[(dataset[o.source_id], *o.key[:6])].append(o)
    for found in values.values():
        found.sort(key=lambda o: edition[o.source_id])
        for older, newer in pairwise(found):
            a, b = older.value or 0.0, newer.value or 0.0
            if _is_jump(a, b, min_change):
                out.warn("edition-jump", newer.source_id, _key(newer),
                         f"{newer.indicator} {newer.country}/{newer.partner} {newer.period}: "
                         f"{_fmt(a)} in {older.source_id}, {_fmt(b)} in {newer.source_id}")


def _statuses(data: list[Observation], out: _Findings) -> None:
    counts: dict[str, Counter[Status]] = defaultdict(Counter)
    for o in data:
        counts[o.source_id][o.status] += 1
    for source, counter in sorted(counts.items()):
        flagged = [(s, counter[s]) for s in FLAGGED if counter[s]]
        if flagged:
            listed = ", ".join(f"{n:,} {s.value}" for s, n in flagged)
            total = sum(counter.values())
            out.warn("flagged-status", source, "",
                     f"{source}: {listed} of {total:,} value(s) flagged by the source")
