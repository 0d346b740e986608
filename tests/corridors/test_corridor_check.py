"""``check`` warns when two sources of one corridor, direction and year differ too much."""

from __future__ import annotations

from migprofile.model import LocalizedText, Observation, Source, Status
from migprofile.store import Store
from migprofile.validate.corridors import check_corridor_editions, check_corridor_sources


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


def _source(sid: str, edition: str) -> Source:
    return Source(id=sid, publisher="United Nations, Department of Economic and Social "
                  "Affairs, Population Division", title=LocalizedText({"en": sid}),
                  edition=edition)


def test_warns_when_the_two_directions_use_two_undesa_editions() -> None:
    sources = {"undesa-ims-2024": _source("undesa-ims-2024", "2024"),
               "undesa-ims-2020": _source("undesa-ims-2020", "2020")}
    mixed = [_obs("emigrant_stock_birth", 1_000_000, "undesa-ims-2024", "2024"),
             _obs("immigrant_stock_birth", 4_000, "undesa-ims-2020", "2020")]
    report = check_corridor_editions(mixed, sources)
    assert [f.type for f in report.findings] == ["corridor-editions-differ"]
    assert "MAR→ESP from UN DESA 2024" in report.findings[0].message
    assert "ESP→MAR from UN DESA 2020" in report.findings[0].message
    # one edition both ways (older values of it included): nothing to say
    same = [*mixed[:1], _obs("immigrant_stock_birth", 4_000, "undesa-ims-2024", "2024"),
            _obs("immigrant_stock_birth", 2_800, "undesa-ims-2024", "1990")]
    assert not check_corridor_editions(same, sources).findings
    # a national package's consular count in one direction is no UN DESA edition
    package = [*mixed[:1], _obs("immigrant_stock_birth", 4_000, "ma-consulates")]
    assert not check_corridor_editions(package, sources).findings


def test_check_reports_no_edition_mix_on_the_bundled_data(ma_store: Store) -> None:
    from migprofile.core import check_country

    found = check_country(ma_store, "MA")
    assert not [f for f in found.findings if f.type == "corridor-editions-differ"]
