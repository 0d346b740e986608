"""Count, over every profiled country × language, what a reader would find false or broken.

    python scripts/profile_invariants.py [--db URL] [--lang fr,en,ar] [--json] [--examples N]

Each profile is assembled once per language (no rendering) and checked with
``migprofile.profiles.invariants``: mixed periods in a paragraph, dangling "at the same date",
placeholder zeros printed as values, empty parentheses, "top" partners with 0, "other
countries" rows of zeros, growth rates above 100 %/yr printed as headlines, text of another
language, names without their article, cover ≠ sections, empty profiles, numbers whose noun does
not agree ("1 refugees", Arabic "105 لاجئًا"), "-0,0" in tables. Prints one count per
invariant (and a few examples); the issue note quotes these counts before and after a change.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict

from migprofile.build import profile_readiness
from migprofile.core import open_store
from migprofile.profiles.assemble import assemble_profile
from migprofile.profiles.data import load_country_data
from migprofile.profiles.invariants import check_profile


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=None)
    parser.add_argument("--lang", default="fr,en,ar")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--examples", type=int, default=2)
    parser.add_argument("--countries", default="")
    args = parser.parse_args(argv)
    store = open_store(args.db)
    started = time.perf_counter()
    countries = [c for c in args.countries.split(",") if c] or profile_readiness(store)[0]
    counts: Counter[str] = Counter()
    profiles_with: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for country in countries:
        data = load_country_data(store, country)
        for lang in args.lang.split(","):
            found = check_profile(assemble_profile(data, lang), data.areas)
            for problem in found:
                counts[problem.invariant] += 1
                if len(examples[problem.invariant]) < args.examples:
                    examples[problem.invariant].append(f"{country}-{lang}: {problem.detail}")
            for name in {p.invariant for p in found}:
                profiles_with[name] += 1
    elapsed = time.perf_counter() - started
    if args.json:
        print(json.dumps({"countries": len(countries), "seconds": round(elapsed, 1),
                          "counts": dict(counts), "profiles": dict(profiles_with),
                          "examples": examples}, ensure_ascii=False, indent=2))
        return 0
    print(f"{len(countries)} countries × {args.lang}: {elapsed:.1f} s")
    for name in sorted(set(counts) | set(INVARIANT_NAMES)):
        print(f"{name:28} {counts.get(name, 0):6} in {profiles_with.get(name, 0):4} profiles")
        for example in examples.get(name, []):
            print(f"    {example[:220]}")
    return 0


from migprofile.profiles.invariants import INVARIANTS as INVARIANT_NAMES  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
