"""Numbers with their nouns, in each language's grammar (``counted.yaml``): "1 an" / "5 ans",
"1 refugee" / "3 refugees", and Arabic's five forms (لاجئًا واحدًا، لاجئَين، 5 لاجئين، 12 لاجئًا،
100 لاجئ), chosen by the CLDR plural category of the number."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from migprofile.errors import DataError
from migprofile.i18n import format_number, locale

PATH = Path(__file__).with_name("counted.yaml")


@cache
def vocabulary() -> dict[str, dict[str, dict[str, str]]]:
    try:
        data: Any = yaml.safe_load(PATH.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"{PATH}: cannot read the counted nouns: {exc}") from exc
    if not isinstance(data, dict):
        raise DataError(f"{PATH}: expected a mapping of nouns")
    return data


def counted(key: str, n: int, lang: str, number: str | None = None) -> str:
    """``n`` things of kind ``key`` in ``lang``. ``number`` is the figure as printed when it is
    not plain ("environ 16 000"): the form that writes the digits is used then, so that a
    qualifier is never lost in Arabic's one/two forms."""
    forms = vocabulary()[key]
    known = lang if lang in forms else "en"
    by_category = forms[known]
    text = by_category.get(locale(known).plural_form(n)) or by_category["other"]
    if number is not None and "{n}" not in text:
        text = by_category["other"]
    return text.format(n=number if number is not None else format_number(n, lang))
