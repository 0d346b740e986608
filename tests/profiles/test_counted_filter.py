"""The narratives' ``counted`` filter: the noun follows the number in each language (an Arabic
sentence that wrote "105 لاجئًا" — the 11–99 form — or an English "1 refugees" fails), and a
qualified figure keeps its qualifier ("environ", "حوالي") in every form."""

from __future__ import annotations

import pytest

from migprofile.model import LocalizedText, Narrative, Observation, Status
from migprofile.profiles.binding import Binder


def _say(value: float, lang: str, status: Status = Status.OBSERVED) -> str:
    rows = [Observation("refugees", "DEU", "WLD", "2024", value, "unhcr", status=status)]
    binder = Binder(rows, lang)
    template = "{{ obs('refugees') | counted('refugees') }}"
    return binder.render(Narrative("DEU", "t", "t", 1, LocalizedText({lang: template})),
                         template)


@pytest.mark.parametrize(("value", "lang", "expected"), [
    (1, "en", "1 refugee"), (3, "en", "3 refugees"), (1, "fr", "1 réfugié"),
    (1, "ar", "لاجئًا واحدًا"), (2, "ar", "لاجئَين"), (105, "ar", "105 لاجئين"),
    (12, "ar", "12 لاجئًا"), (1200, "ar", "1,200 لاجئ")])
def test_the_noun_follows_the_number(value: float, lang: str, expected: str) -> None:
    assert _say(value, lang) == expected


def test_a_qualified_figure_keeps_its_qualifier() -> None:
    said = _say(1, "ar", Status.APPROXIMATE)
    assert "1" in said and said != "لاجئًا واحدًا"
    assert _say(16000, "fr", Status.APPROXIMATE).startswith("environ 16")
