"""Checks of totals, "of which" rows, shares and published figures return Reports."""

from __future__ import annotations

import math
from typing import TypedDict

from migprofile.indicators import (
    check_of_which,
    check_published,
    check_shares_sum,
    check_sum,
    linear_growth,
)
from migprofile.validate import Severity


class Where(TypedDict):
    file: str
    row: int
    column: str


WHERE: Where = {"file": "stocks.csv", "row": 7, "column": "2007"}


def test_check_sum_ok() -> None:
    report = check_sum({"Europe": 2_837_654, "Autres": 454_945}, 3_292_599, label="Stock 2007")
    assert report.ok
    assert len(report) == 0
    assert report.subject == "Stock 2007"


def test_check_sum_within_tolerance() -> None:
    assert check_sum({"a": 1.2, "b": 2.2}, 3.0, label="x").ok
    assert not check_sum({"a": 1.2, "b": 2.2}, 3.0, label="x", tolerance=0.1).ok


def test_check_sum_wrong_total() -> None:
    report = check_sum(
        {"Europe": 2_837_654, "Autres": 454_000}, 3_292_599, label="Stock 2007", **WHERE
    )
    assert report.flatten("file", "row", "column", "type", "severity") == [
        ["stocks.csv", 7, "2007", "wrong-total", "error"]
    ]
    message = report.findings[0].message
    assert "3,291,654" in message
    assert "3,292,599" in message
    assert "-945" in message
    assert message.startswith("Stock 2007:")


def test_check_sum_invalid_value() -> None:
    report = check_sum({"Europe": math.nan}, 10, label="x")
    assert report.flatten("type") == [["invalid-value"]]
    assert "Europe" in report.findings[0].message


def test_check_of_which_ok() -> None:
    report = check_of_which(
        2_837_654, {"France": 1_131_000, "Espagne": 547_000}, label="Europe 2007"
    )
    assert report.ok


def test_check_of_which_child_and_children() -> None:
    report = check_of_which(
        1_000_000, {"France": 1_131_000, "Espagne": 547_000}, label="Europe 2007", **WHERE
    )
    assert report.flatten() == [
        [7, "2007", "child-exceeds-parent"],
        [7, "2007", "children-exceed-parent"],
    ]
    assert "France (1,131,000)" in report.findings[0].message
    assert "1,000,000" in report.findings[0].message
    assert "1,678,000" in report.findings[1].message


def test_check_of_which_only_the_sum() -> None:
    report = check_of_which(1_000, {"a": 600, "b": 500}, label="x")
    assert report.flatten("type") == [["children-exceed-parent"]]


def test_check_of_which_single_child_reported_once() -> None:
    report = check_of_which(10, {"a": 11}, label="x")
    assert report.flatten("type") == [["child-exceeds-parent"]]


def test_check_shares_sum() -> None:
    assert check_shares_sum([82.6, 17.4], label="x").ok
    assert check_shares_sum([33.3, 33.3, 33.3], label="x").ok  # 99.9, within 3 × 0.05
    assert check_shares_sum([1 / 3 * 100] * 3, label="computed, rounded first").ok
    assert check_shares_sum([], label="nothing to check").ok
    report = check_shares_sum([50.0, 40.0], label="Destinations", **WHERE)
    assert report.flatten("file", "row", "column", "type") == [
        ["stocks.csv", 7, "2007", "shares-not-100"]
    ]
    assert "90%" in report.findings[0].message


def test_check_shares_sum_precision_and_severity() -> None:
    assert not check_shares_sum([33.0, 33.0, 33.0], digits=1, label="x").ok
    assert check_shares_sum([33.0, 33.0, 33.0, 2.0], digits=0, label="x").ok  # 101 ≤ 4 × 0.5
    report = check_shares_sum([50, 40], label="x", severity=Severity.WARNING)
    assert report.ok
    assert report.flatten("severity") == [["warning"]]


def test_check_published() -> None:
    computed = linear_growth(1_545_036, 3_292_599, 14)
    assert check_published(computed, 8.1, digits=1, label="Growth").ok
    report = check_published(computed, 8.2, digits=1, label="Growth", **WHERE)
    assert report.flatten() == [[7, "2007", "published-mismatch"]]
    message = report.findings[0].message
    assert "8.1" in message
    assert "8.2" in message


def test_check_published_invalid() -> None:
    report = check_published(math.inf, 8.1, digits=1, label="x")
    assert report.flatten("type") == [["invalid-value"]]
