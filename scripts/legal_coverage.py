"""Coverage of the generated legal and socio-political frameworks over all countries.

    python scripts/legal_coverage.py [--db sqlite:///migprofile.db] [--countries un|profiled]

For every country (the 193 UN member states, or every profiled country), the generated
groups of each framework row and direction (``profiles.legal.legal_parts``): how many
countries have data, how many get the one "this data set does not cover it" item, how many
have nothing; then the countries with data per sub-block. Prints Markdown tables.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence

from migprofile import core
from migprofile.build import profiled_countries
from migprofile.importers.treaties import un_members
from migprofile.model import DIRECTIONS, LEGAL_ROWS, SOCIO_POLITICAL_ROWS, Framework
from migprofile.profiles.data import load_country_data
from migprofile.profiles.legal import legal_parts
from migprofile.profiles.legal.common import NOT_COVERED
from migprofile.store import Store

Key = tuple[str, str, str]


def count(store: Store, countries: Sequence[str]) -> tuple[Counter[Key], Counter[Key],
                                                            Counter[Key]]:
    """(rows with data, rows saying "not covered", sub-blocks with data) by country count."""
    with_data, missing, blocks = Counter[Key](), Counter[Key](), Counter[Key]()
    for country in countries:
        parts = legal_parts(load_country_data(store, country), "en")
        for (framework, row), pair in parts.cells.items():
            for index, groups in enumerate(pair):
                direction = DIRECTIONS[Framework(framework)][index]
                covered = [g for g in groups if any(i.status != NOT_COVERED for i in g.items)]
                for g in covered:
                    blocks[(row, direction, g.key)] += 1
                if covered:
                    with_data[(framework, row, direction)] += 1
                elif groups:
                    missing[(framework, row, direction)] += 1
    return with_data, missing, blocks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database URL (default: the configured one)")
    parser.add_argument("--countries", choices=("un", "profiled"), default="un")
    args = parser.parse_args()
    store = core.open_store(args.db)
    countries = sorted(un_members()) if args.countries == "un" else \
        list(profiled_countries(store))
    with_data, missing, blocks = count(store, countries)
    print(f"Countries: {len(countries)} ({args.countries})\n")
    print("| framework | row | direction | with data | data set lacks it | nothing |")
    print("|---|---|---|---:|---:|---:|")
    for framework, rows in ((Framework.LEGAL, LEGAL_ROWS),
                            (Framework.SOCIO_POLITICAL, SOCIO_POLITICAL_ROWS)):
        for row in rows:
            for direction in DIRECTIONS[framework]:
                key = (framework.value, row, direction)
                if with_data[key] or missing[key]:
                    rest = len(countries) - with_data[key] - missing[key]
                    print(f"| {framework.value} | {row} | {direction} | {with_data[key]} | "
                          f"{missing[key]} | {rest} |")
    print("\n| row | direction | sub-block | countries with data |")
    print("|---|---|---|---:|")
    for (row, direction, key), n in sorted(blocks.items()):
        print(f"| {row} | {direction} | {key} | {n} |")


if __name__ == "__main__":
    main()
