"""Corridor consistency: where two sources give the same corridor, direction and year (a
national package vs UN DESA, KNOMAD vs UN DESA), ``check`` warns when they differ by more
than a threshold (both stay printed, each with its basis); and when the two directions of a
corridor come from different UN DESA editions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from migprofile.model import SPECIAL_PARTNERS, Observation, Source
from migprofile.profiles.corridors.series import directed_series
from migprofile.validate.report import Report

THRESHOLD = 0.5  # |a − b| / max(a, b)
NOT_COUNTRIES = SPECIAL_PARTNERS


def check_corridor_sources(observations: Sequence[Observation], *,
                           threshold: float = THRESHOLD) -> Report:
    """Observations of one country (any partners): one warning per corridor, theme,
    direction and year whose sources differ by more than ``threshold``."""
    report = Report(subject="corridors")
    values: dict[tuple[str, str, str, int], dict[str, float]] = {}
    for s in directed_series(observations):
        for p in s.points:
            if p.value and p.partner not in SPECIAL_PARTNERS:
                values.setdefault((s.theme, s.origin, s.destination, p.year), {})[
                    s.source_id] = float(p.value)
    for (theme, origin, destination, year), by_source in sorted(values.items()):
        if len(by_source) < 2:
            continue
        (low_id, low), (high_id, high) = min(by_source.items(), key=lambda kv: kv[1]), \
            max(by_source.items(), key=lambda kv: kv[1])
        if (high - low) / high > threshold:
            report.warning("corridor-sources-differ",
                           f"{theme} {origin}→{destination} {year}: {low_id} gives {low:,.0f}, "
                           f"{high_id} {high:,.0f} ({(high - low) / high:.0%} apart)")
    return report


UN_DESA = "Department of Economic and Social Affairs"  # the publisher's name in UN DESA sources


def _un_desa(source: Source | None, source_id: str) -> bool:
    return source_id.startswith("undesa") or (source is not None and UN_DESA in source.publisher)


def check_corridor_editions(observations: Sequence[Observation],
                            sources: Mapping[str, Source]) -> Report:
    """Observations of one country: one warning per corridor whose two directions' newest
    UN DESA stocks come from different editions (the emigrants of A in B from one edition,
    the people born in B living in A from another), which the corridor would set side by
    side as if they were comparable."""
    report = Report(subject="corridors")
    newest: dict[tuple[str, str, str], tuple[str, str]] = {}  # (a, b, way) -> (edition, id)
    for s in directed_series(observations):
        source = sources.get(s.source_id)
        if s.theme != "stocks" or not _un_desa(source, s.source_id):
            continue
        country = s.origin if s.indicator.startswith("emigrant") else s.destination
        partner = s.destination if country == s.origin else s.origin
        if partner in NOT_COUNTRIES or len(partner) != 3:
            continue
        edition = (source.edition if source and source.edition else s.source_id)
        key = (country, partner, "out" if country == s.origin else "in")
        newest[key] = max(newest.get(key, (edition, s.source_id)), (edition, s.source_id))
    for (country, partner, way), (edition, source_id) in sorted(newest.items()):
        other = newest.get((country, partner, "in"))
        if way != "out" or other is None or other[0] == edition:
            continue
        report.warning("corridor-editions-differ",
                       f"{country}–{partner}: {country}→{partner} from UN DESA {edition} "
                       f"({source_id}), {partner}→{country} from UN DESA {other[0]} "
                       f"({other[1]}); both directions should use one edition")
    return report
