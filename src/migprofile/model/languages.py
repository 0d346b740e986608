"""The language registry: the one place that says which languages exist and how each is written.

Read once from ``languages.yaml`` beside this module (package data, no I/O beyond it); a
malformed entry raises at import, naming the entry, rather than failing later in a renderer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class Language:
    code: str            # ISO 639-1, as used in URLs, catalogs and LocalizedText keys
    name: str            # autonym, as shown in a language switcher
    english_name: str
    direction: str       # "ltr" | "rtl"
    locale: str          # Babel / CLDR locale for numbers, dates and chart formats
    fonts: tuple[str, ...]
    time_locale: str     # d3 time-format locale of the charts' dates (vl-convert's names)
    # CLDR date patterns of running text: "5 décembre 2023" / "décembre 2023"; Spanish
    # writes its "de" ("5 de diciembre de 2023"), which Babel's "d MMMM y" would drop.
    date_pattern: str = "d MMMM y"
    month_pattern: str = "LLLL y"
    first_day: str = ""  # the 1st of a month in running text: French "1er janvier"; "" = "1"
    # Where a language's house style groups digits otherwise than its CLDR locale: Spanish
    # "3 292 599" (RAE/ISO 80000 thin space, not CLDR es's "3.292.599"), and no grouping of
    # four-digit numbers ("1234", CLDR es's minimum grouping digits of 2). "" = CLDR's.
    group_separator: str = ""
    min_grouping_digits: int = 1

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"


def _language(entry: Any, index: int) -> Language:
    if not isinstance(entry, dict):
        raise ValueError(f"languages.yaml entry {index}: expected a mapping")
    try:
        lang = Language(code=str(entry["code"]), name=str(entry["name"]),
                        english_name=str(entry["english_name"]),
                        direction=str(entry["direction"]), locale=str(entry["locale"]),
                        fonts=tuple(str(f) for f in entry["fonts"]),
                        time_locale=str(entry["time_locale"]),
                        date_pattern=str(entry.get("date_pattern", "d MMMM y")),
                        month_pattern=str(entry.get("month_pattern", "LLLL y")),
                        first_day=str(entry.get("first_day", "")),
                        group_separator=str(entry.get("group_separator", "")),
                        min_grouping_digits=int(entry.get("min_grouping_digits", 1)))
    except KeyError as exc:
        raise ValueError(f"languages.yaml entry {index}: missing key {exc}") from exc
    if lang.direction not in ("ltr", "rtl"):
        raise ValueError(f"languages.yaml entry {index} ({lang.code}): "
                         "direction must be ltr or rtl")
    return lang


@cache
def registry() -> tuple[Language, ...]:
    text = resources.files("migprofile.model").joinpath("languages.yaml").read_text("utf-8")
    entries = yaml.safe_load(text)
    if not isinstance(entries, list) or not entries:
        raise ValueError("languages.yaml: expected a non-empty list of languages")
    langs = tuple(_language(e, i) for i, e in enumerate(entries))
    codes = [lang.code for lang in langs]
    if len(set(codes)) != len(codes):
        raise ValueError(f"languages.yaml: duplicate codes in {codes}")
    return langs


def language(code: str) -> Language:
    """The registered language ``code`` (its base, so ``ar-EG`` is Arabic); KeyError if unknown."""
    base = code.split("-")[0].split("_")[0]
    for lang in registry():
        if lang.code == base:
            return lang
    raise KeyError(code)


def direction(code: str) -> str:
    """``"rtl"`` or ``"ltr"``; unregistered codes are written left to right."""
    try:
        return language(code).direction
    except KeyError:
        return "ltr"


def is_rtl(code: str) -> bool:
    return direction(code) == "rtl"


LANGUAGES: tuple[str, ...] = tuple(lang.code for lang in registry())
RTL_LANGUAGES: frozenset[str] = frozenset(lang.code for lang in registry() if lang.rtl)
LANGUAGE_NAMES: dict[str, str] = {lang.code: lang.name for lang in registry()}
