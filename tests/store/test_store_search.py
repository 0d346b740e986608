"""Full-text search over the curated legal and socio-political texts, on SQLite (FTS5) and
PostgreSQL (to_tsvector)."""

from __future__ import annotations

from migprofile.store import Store
from migprofile.store.search import MATCH_END, MATCH_START, search_texts


def test_search_finds_the_morocco_texts(store: Store) -> None:
    hits = search_texts(store, "réfugiés", lang="fr")
    assert hits and {h.country for h in hits} == {"MAR"}
    assert {h.kind for h in hits} >= {"instrument", "legal"}
    assert all(MATCH_START in h.snippet and MATCH_END in h.snippet for h in hits)


def test_search_every_word_is_required(store: Store) -> None:
    assert search_texts(store, "GADEM", lang="fr")
    assert not search_texts(store, "GADEM zzzyyx", lang="fr")
    assert search_texts(store, "   ") == []


def test_search_in_arabic(store: Store) -> None:
    assert search_texts(store, "اللاجئين", lang="ar")


def test_search_ignores_accents(store: Store) -> None:
    """Fails where the backend compares accents (PostgreSQL without unaccent did)."""
    accented = {(h.kind, h.ref) for h in search_texts(store, "réfugiés", lang="fr")}
    plain = {(h.kind, h.ref) for h in search_texts(store, "refugies", lang="fr")}
    assert accented and plain == accented
