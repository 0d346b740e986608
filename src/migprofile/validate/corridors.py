"""Corridor consistency: where two sources give the same corridor, direction and year (a
national package vs UN DESA, KNOMAD vs UN DESA), ``check`` warns when they differ by more
than a threshold (both stay printed, each with its basis)."""

from __future__ import annotations

from collections.abc import Sequence

from migprofile.model import Observation
from migprofile.profiles.corridors.series import directed_series
from migprofile.validate.report import Report

THRESHOLD = 0.5  # |a − b| / max(a, b)


def check_corridor_sources(observations: Sequence[Observation], *,
                           threshold: float = THRESHOLD) -> Report:
    """Observations of one country (any partners): one warning per corridor, theme,
    direction and year whose sources differ by more than ``threshold``."""
    report = Report(subject="corridors")
    values: dict[tuple[str, str, str, int], dict[str, float]] = {}
    for s in directed_series(observations):
        for p in s.points:
            if p.value and p.partner not in ("WLD", "OTH", "UNK"):
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
