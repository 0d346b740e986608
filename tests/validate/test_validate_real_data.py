"""Plausibility warnings on imported observations (validate.real_data)."""

from __future__ import annotations

from migprofile.model import Basis, Indicator, LocalizedText, Observation, Source, Status
from migprofile.validate.real_data import check_observations


def obs(partner: str, value: float | None, *, country: str = "MAR", period: str = "2020",
        indicator: str = "emigrant_stock", source: str = "src-2020",
        status: Status = Status.OBSERVED) -> Observation:
    return Observation(indicator=indicator, country=country, partner=partner, period=period,
                       value=value, source_id=source, status=status)


def test_clean_data_give_no_finding() -> None:
    data = [obs("FRA", 600), obs("ESP", 400), obs("OTH", 100), obs("WLD", 1100),
            obs("FRA", 700, period="2021")]
    report = check_observations(data)
    assert report.findings == [] and report.ok


def test_partner_equal_to_country() -> None:
    data = [obs("MAR", 10), obs("SYR", 6_000_000, country="SYR", indicator="idps")]
    report = check_observations(data)
    assert report.flatten("file", "column", "type", "severity") == [
        ["src-2020", "emigrant_stock:MAR:MAR:2020", "same-origin-destination", "warning"]]


def test_parts_exceeding_the_total() -> None:
    data = [obs("FRA", 900), obs("ESP", 400), obs("WLD", 1000), obs("UN:150", 5000)]
    report = check_observations(data)  # the region (UN:150) is not a part
    assert report.flatten("column", "type") == [
        ["emigrant_stock:MAR:WLD:2020", "parts-exceed-total"]]
    assert "1,300" in report.findings[0].message


def test_short_parts_count_only_with_a_residual() -> None:
    incomplete = [obs("FRA", 600), obs("WLD", 1000)]
    assert check_observations(incomplete).findings == []
    complete = [obs("FRA", 600), obs("UNK", 100), obs("WLD", 1000)]
    assert check_observations(complete).flatten("type") == [["total-mismatch"]]
    within = [obs("FRA", 996), obs("OTH", 0), obs("WLD", 1000)]  # 0.5 % tolerance
    assert check_observations(within).findings == []


def test_inexact_parts_are_not_compared() -> None:
    data = [obs("FRA", 5000, status=Status.APPROXIMATE), obs("WLD", 1000)]
    report = check_observations(data)
    assert report.flatten("type") == [["flagged-status"]]


def test_implausible_jumps() -> None:
    data = [obs("FRA", 1000, period="2018"), obs("FRA", 6000, period="2019"),
            obs("FRA", 6500, period="2020"), obs("ESP", 10, period="2018"),
            obs("ESP", 900, period="2019")]  # ×90 but less than 1,000 more
    report = check_observations(data)
    assert report.flatten("column", "type") == [
        ["emigrant_stock:MAR:FRA:2019", "implausible-jump"]]
    assert "1,000 in 2018, 6,000 in 2019" in report.findings[0].message


def test_percentages_do_not_jump() -> None:
    share = Indicator("share", LocalizedText({"en": "share"}), "percent", Basis.OTHER)
    data = [obs("WLD", 1, indicator="share", period="2018"),
            obs("WLD", 90, indicator="share", period="2019")]
    assert check_observations(data, indicators={"share": share}).findings == []


def test_editions_of_one_dataset() -> None:
    sources = [Source("ims-2020", "UN DESA", LocalizedText({"en": "IMS"}), edition="2020"),
               Source("ims-2024", "UN DESA", LocalizedText({"en": "IMS"}), edition="2024"),
               Source("other", "Ministry", LocalizedText({"en": "x"}), edition="2024")]
    data = [obs("FRA", 10_000, source="ims-2020"), obs("FRA", 60_000, source="ims-2024"),
            obs("FRA", 500_000, source="other")]
    report = check_observations(data, sources=sources)
    assert report.flatten("file", "type") == [["ims-2024", "edition-jump"]]
    assert check_observations(data).findings == []  # no sources: no comparison


def test_flagged_statuses_summarised_per_source() -> None:
    data = [obs("FRA", 5, status=Status.APPROXIMATE), obs("ESP", 5, status=Status.APPROXIMATE),
            obs("ITA", None, status=Status.SUPPRESSED), obs("BEL", 10)]
    report = check_observations(data)
    assert report.flatten("file", "type", "message") == [
        ["src-2020", "flagged-status",
         "src-2020: 2 approximate, 1 suppressed of 4 value(s) flagged by the source"]]


def test_findings_are_capped_per_type() -> None:
    data = [obs(c, 1, country=c) for c in ("FRA", "ESP", "ITA", "BEL")]
    report = check_observations(data, max_per_type=2)
    assert report.flatten("type", "severity") == [
        ["same-origin-destination", "warning"], ["same-origin-destination", "warning"],
        ["same-origin-destination", "info"]]
    assert report.stats == {"same-origin-destination": 4}
