"""Pages, the API and ``check`` make a bounded number of SQL queries: no query per
observation or per country (an N+1 regression makes these fail), and distinct values and
latest values are computed in SQL rather than by loading every observation."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from migprofile.core import check_country
from migprofile.store import Store
from migprofile.web import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@contextmanager
def statements(store: Store) -> Iterator[list[str]]:
    """The SQL statements run on ``store`` inside the block."""
    seen: list[str] = []

    def record(conn: object, cursor: object, statement: str, *args: object) -> None:
        seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", record)


@pytest.fixture
def cold_client(ma_store: Store) -> Iterator[TestClient]:
    """A new portal (empty caches) over the session store."""
    with TestClient(create_app(ma_store)) as c:
        yield c


def test_check_makes_a_few_queries_not_one_per_observation(ma_store: Store) -> None:
    with statements(ma_store) as seen:
        report = check_country(ma_store, "MA")
    assert report.stats["MAR observations"] > 500
    assert len(seen) <= 10, seen[:20]


def test_home_page_lists_indicators_in_sql(cold_client: TestClient, ma_store: Store) -> None:
    with statements(ma_store) as seen:
        assert cold_client.get("/fr/").status_code == 200
    assert len(seen) <= 20, seen
    assert any("DISTINCT" in s.upper() and "observations" in s for s in seen)
    with statements(ma_store) as again:
        cold_client.get("/fr/")
    assert len(again) <= 2  # the data version, then the cache


@pytest.mark.parametrize("path", [
    "/en/compare?indicator=emigrant_stock_birth&countries={}&from=1990&to=2024",
    "/api/v1/observations?indicator=emigrant_stock_birth&country={}&limit=50",
])
def test_queries_do_not_grow_with_countries(path: str, ma_store: Store) -> None:
    counts = []
    for countries in ("MA", "MA,TN,DZ,EG,FR"):
        with TestClient(create_app(ma_store)) as client, statements(ma_store) as seen:
            for code in countries.split(",") if "api" in path else [countries]:
                assert client.get(path.format(code)).status_code == 200
        counts.append(len(seen) / (len(countries.split(",")) if "api" in path else 1))
    assert counts[1] <= counts[0] + 1, counts
    assert counts[0] <= 20


def test_api_records_are_the_observations_in_key_order(ma_store: Store) -> None:
    from migprofile.store import ObservationFilter
    from migprofile.web import serialize as ser

    where = ObservationFilter(country="MAR")
    total = ma_store.count_observations(where)
    pages = [ma_store.observation_records(where, limit=250, offset=o)
             for o in range(0, total, 250)]
    records = [r for page in pages for r in page]
    assert len(records) == total
    expected = [ser.observation(o) for o in ma_store.observations(where)]
    key = ("indicator", "country", "partner", "period", "sex", "breakdown", "source_id")

    def sort_key(r: dict[str, object]) -> tuple[str, ...]:
        return tuple(str(r[k] or "") for k in key)

    assert sorted(records, key=sort_key) == sorted(expected, key=sort_key)
    assert len({sort_key(r) for r in records}) == total  # pages neither overlap nor skip
