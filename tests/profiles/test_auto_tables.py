"""The automatic partner tables: regional subtotals are sums of their members (not only of the
top partners), "other countries" is the total minus the regions shown, the newest source
wins, a partner with 0 is never a top partner and a residual of 0 is not printed."""

from __future__ import annotations

from migprofile.model import Area, AreaKind, LocalizedText, Observation
from migprofile.profiles.international import _latest_source, auto_layout

EUR, ASI = "UN:150", "UN:142"


def _area(code: str, region: str | None, kind: AreaKind = AreaKind.COUNTRY) -> Area:
    return Area(code, kind, LocalizedText({"en": code}), region=region)


AREAS = {"FRA": _area("FRA", EUR), "ESP": _area("ESP", EUR), "ITA": _area("ITA", EUR),
         "TUR": _area("TUR", ASI), "JPN": _area("JPN", ASI), "WLD": _area("WLD", None,
                                                                           AreaKind.WORLD)}


def _obs(partner: str, period: str, value: float, source: str = "undesa-ims-2024"
         ) -> Observation:
    return Observation("emigrant_stock_birth", "MAR", partner, period, value, source)


def _rows() -> list[Observation]:
    values = {"FRA": (100, 300), "ESP": (10, 200), "ITA": (5, 50), "TUR": (20, 40),
              "JPN": (1, 0)}
    rows = [_obs(p, "1990", v0) for p, (v0, _) in values.items()]
    rows += [_obs(p, "2024", v1) for p, (_, v1) in values.items()]
    return [*rows, _obs("WLD", "1990", 200), _obs("WLD", "2024", 700)]


def test_regional_subtotal_sums_every_member_not_only_the_top() -> None:
    spec, lookup = auto_layout(_rows(), AREAS, top=2, periods=("1990", "2024"))
    # top 2 are FRA and ESP (Europe); Europe's subtotal still includes ITA
    assert spec["rows"][0]["area"] == EUR
    assert spec["rows"][0]["children"] == ["FRA", "ESP"]
    assert lookup[(EUR, "2024")].value == 550
    assert lookup[(EUR, "1990")].value == 115


def test_other_countries_is_the_total_minus_the_regions_shown() -> None:
    spec, lookup = auto_layout(_rows(), AREAS, top=2, periods=("1990", "2024"))
    assert {"area": "OTH"} in spec["rows"]
    assert lookup[("OTH", "2024")].value == 700 - 550
    assert lookup[("OTH", "1990")].value == 200 - 115


def test_no_other_row_when_the_regions_cover_the_total() -> None:
    rows = [o for o in _rows() if o.partner != "WLD"]
    rows += [_obs("WLD", "1990", 136), _obs("WLD", "2024", 590)]
    spec, _ = auto_layout(rows, AREAS, top=5, periods=("1990", "2024"))
    assert {"area": "OTH"} not in spec["rows"]


def test_a_partner_with_zero_is_never_a_top_partner() -> None:
    spec, _ = auto_layout(_rows(), AREAS, top=10, periods=("1990", "2024"))
    children = [c for r in spec["rows"] for c in r.get("children", [])]
    assert "JPN" not in children
    assert set(children) == {"FRA", "ESP", "ITA", "TUR"}


def test_the_newest_source_is_chosen() -> None:
    rows = [_obs("FRA", "2019", 1, "undesa-ims-2019"), _obs("FRA", "2024", 1),
            _obs("FRA", "2020", 1, "undesa-ims-2020")]
    assert _latest_source(rows) == "undesa-ims-2024"
