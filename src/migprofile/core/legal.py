"""The legal matrix behind the façade: one dimension for every country (or a region's), with
every label the page needs already in the asked language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from migprofile.errors import NotFoundError
from migprofile.model import Area
from migprofile.profiles.legal.matrix import DIMENSIONS, MatrixCell, MatrixColumn, as_of_text
from migprofile.profiles.legal.matrix import legal_matrix as _legal_matrix
from migprofile.profiles.legal.matrix import regions as _regions
from migprofile.profiles.legal.words import pick, wording
from migprofile.store import Store

__all__ = ["DIMENSIONS", "LegalMatrix", "MatrixCell", "MatrixColumn", "legal_dimensions",
           "legal_matrix"]


def legal_dimensions(*, lang: str) -> tuple[tuple[str, str], ...]:
    """(key, title in ``lang``) of each dimension of the matrix, in order."""
    titles = wording("matrix")["dimensions"]
    return tuple((d, pick(titles[d], lang)) for d in DIMENSIONS)


@dataclass(frozen=True)
class LegalMatrix:
    dimension: str
    lang: str
    title: str
    columns: tuple[MatrixColumn, ...]
    countries: tuple[str, ...]  # ISO3, sorted by name in the language
    cells: Mapping[tuple[str, str], MatrixCell]  # (column key, ISO3) -> cell
    sources: tuple[str, ...]
    dimensions: tuple[tuple[str, str], ...]  # every dimension: (key, title)
    regions: tuple[tuple[str, str], ...]  # UN regions one may filter by: (code, name)
    labels: Mapping[str, str]  # the page's words (dimension, region, show, sources...)

    def as_of(self, iso: str | None) -> str:
        """An as-of date (ISO) in the matrix's language."""
        return as_of_text(iso, self.lang)


def legal_matrix(store: Store, *, dimension: str, lang: str, areas: Mapping[str, Area],
                 region: str | None = None) -> LegalMatrix:
    """One dimension (treaties, nationality, visa, labour, votes) for every country, or for
    one UN region's; ``NotFoundError`` for an unknown dimension or region."""
    if dimension not in DIMENSIONS:
        raise NotFoundError("legal dimension", dimension)
    regions = tuple(_regions(areas, lang))
    if region and region not in dict(regions):
        raise NotFoundError("region", region)
    found = _legal_matrix(store, dimension, lang, areas, region or None)
    labels = {key: pick(entry, lang) for key, entry in wording("matrix")["labels"].items()}
    return LegalMatrix(found.dimension, lang, found.title, tuple(found.columns),
                       tuple(found.countries), dict(found.cells), tuple(found.sources),
                       legal_dimensions(lang=lang), regions, labels)
