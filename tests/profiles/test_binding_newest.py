"""Narratives read the newest source: the one reaching the latest period (a binder that took
the oldest, or the one with most values, prints a 2020 figure when 2024 exists)."""

from __future__ import annotations

from migprofile.model import Observation
from migprofile.profiles.binding import _newest_source


def _obs(source: str, period: str) -> Observation:
    return Observation(country="MAR", indicator="emigrant_stock_birth", partner="WLD",
                       period=period, value=1.0, source_id=source)


def test_the_source_reaching_the_latest_period_wins_over_a_longer_older_one() -> None:
    rows = [_obs("undesa-ims-2020", str(y)) for y in range(1990, 2021, 5)]
    rows += [_obs("undesa-ims-2024", "1990"), _obs("undesa-ims-2024", "2024")]
    assert _newest_source(rows) == "undesa-ims-2024"
    assert _newest_source(list(reversed(rows))) == "undesa-ims-2024"


def test_on_a_tie_the_source_with_more_values_wins() -> None:
    rows = [_obs("a", "2020"), _obs("b", "2010"), _obs("b", "2020")]
    assert _newest_source(rows) == "b"
