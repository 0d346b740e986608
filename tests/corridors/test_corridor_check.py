"""``check`` warns when two sources of one corridor, direction and year differ too much."""

from __future__ import annotations

from migprofile.model import Observation, Status
from migprofile.validate.corridors import check_corridor_sources


def _obs(indicator: str, value: float, source: str, period: str = "2020") -> Observation:
    return Observation(indicator=indicator, country="MAR", partner="ESP", period=period,
                       value=value, source_id=source, status=Status.OBSERVED)


def test_warns_when_two_sources_differ_beyond_the_threshold() -> None:
    report = check_corridor_sources([_obs("emigrant_stock_birth", 100_000, "undesa"),
                                     _obs("emigrant_stock", 30_000, "ma-consulates")])
    assert [f.type for f in report.findings] == ["corridor-sources-differ"]
    assert "MAR→ESP 2020" in report.findings[0].message


def test_silent_when_close_or_in_other_years_or_directions() -> None:
    assert not check_corridor_sources([_obs("emigrant_stock_birth", 100_000, "undesa"),
                                       _obs("emigrant_stock", 90_000, "ma-consulates")]).findings
    assert not check_corridor_sources([_obs("emigrant_stock_birth", 100_000, "undesa"),
                                       _obs("emigrant_stock", 30_000, "ma", "2007")]).findings
    # immigrants from Spain in Morocco are another direction than Moroccans in Spain
    assert not check_corridor_sources([_obs("emigrant_stock_birth", 100_000, "undesa"),
                                       _obs("immigrant_stock_birth", 3_000, "x")]).findings
