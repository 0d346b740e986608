"""The typed façade the shells call (``migprofile.core``): answers as frozen dataclasses,
computed the way the profile and indicator modules say."""

from __future__ import annotations

import dataclasses

import pytest

from migprofile import core
from migprofile.errors import NotFoundError
from migprofile.indicators.growth import GrowthMethod, average_annual_growth, formula_text
from migprofile.store import Store


def test_compare_uses_the_formula_asked_for(ma_store: Store) -> None:
    areas = core.area_names(ma_store)
    found = {m: core.compare(ma_store, indicator="emigrant_stock_birth", countries=["MAR"],
                             years=(1990, 2024), method=m, lang="fr", areas=areas)
             for m in ("linear", "exponential")}
    for method, result in found.items():
        assert result.formula == formula_text(GrowthMethod(method))
        country = result.countries[0]
        values = [(y, v) for y, v in country.values.items() if v is not None]
        (y0, v0), (y1, v1) = values[0], values[-1]
        assert country.rate == pytest.approx(
            average_annual_growth(v0, v1, float(y1 - y0), method).value)
    assert found["linear"].countries[0].rate != found["exponential"].countries[0].rate
    with pytest.raises(dataclasses.FrozenInstanceError):
        found["linear"].indicator = "x"  # type: ignore[misc]


def test_world_indicators_picks_the_default_and_its_latest_totals(ma_store: Store) -> None:
    found = core.world_indicators(ma_store, lang="en", areas=core.area_names(ma_store))
    assert found.indicator in core.MAP_DEFAULTS and found.indicator in found.codes
    assert found.values and all(v.value is not None for v in found.values)
    unknown = core.world_indicators(ma_store, lang="en", indicator="nope",
                                    areas=core.area_names(ma_store))
    assert unknown.indicator == "nope" and not unknown.values


@pytest.mark.parametrize(("marked", "text", "spans"), [
    ("les \ue000réfugiés\ue001 et \ue000demandeurs\ue001 d'asile",
     "les réfugiés et demandeurs d'asile", ((4, 12), (16, 26))),
    ("pas de marque", "pas de marque", ()),
    # a footnote mark is text, not a match (square brackets were the markers once)
    ("des \ue000réfugiés\ue001 [^3]", "des réfugiés [^3]", ((4, 12),)),
    ("un \ue001 seul", "un \ue001 seul", ()),
])
def test_search_snippets_are_plain_text_with_offsets(marked: str, text: str,
                                                      spans: tuple[tuple[int, int], ...]
                                                      ) -> None:
    from migprofile.core.texts import parse_snippet

    assert parse_snippet(marked) == (text, spans)


def test_search_marks_the_words_found(ma_store: Store) -> None:
    hits = core.search(ma_store, words="réfugiés", lang="fr")
    assert hits
    for hit in hits:
        assert hit.matches and all(hit.text[a:b] for a, b in hit.matches)
        assert all("réfugi" in hit.text[a:b].lower() for a, b in hit.matches)


def test_a_footnote_mark_in_a_hit_is_not_a_match(ma_store: Store) -> None:
    """Morocco's legal cells carry footnote marks (``*Convention de 1990*[^1]``): the hit
    keeps them as text and marks only the words searched for."""
    hits = [h for h in core.search(ma_store, words="ratifiée", lang="fr") if "[^" in h.text]
    assert hits
    for hit in hits:
        assert all(hit.text[a:b].lower().startswith("ratifi") for a, b in hit.matches)


def test_legal_matrix_carries_its_words(ma_store: Store) -> None:
    matrix = core.legal_matrix(ma_store, dimension="treaties", lang="fr",
                               areas=core.area_names(ma_store))
    assert matrix.countries and matrix.columns and matrix.labels["show"] == "Afficher"
    assert [d for d, _ in matrix.dimensions] == list(core.DIMENSIONS)
    with pytest.raises(NotFoundError):
        core.legal_matrix(ma_store, dimension="nope", lang="fr", areas={})


def test_diff_of_a_source_with_itself_changes_nothing(ma_store: Store) -> None:
    source = ma_store.sources()[0].id
    same = core.diff(ma_store, source=source, against=source)
    assert same is not None and not (same.added or same.removed or same.changed)
