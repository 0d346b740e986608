"""Full-text search behind the façade: hits as plain text with the matched words' offsets,
so a shell marks them up (HTML ``<mark>``, a terminal's bold) without parsing markers."""

from __future__ import annotations

from dataclasses import dataclass

from migprofile.store import Store
from migprofile.store.search import MATCH_END, MATCH_START, search_texts

# the markers store/search.py asks FTS5 and ts_headline to put around a matched word
OPEN, CLOSE = MATCH_START, MATCH_END


@dataclass(frozen=True)
class SearchResult:
    kind: str  # "instrument" | "legal" | "socio_political"
    country: str  # ISO3
    ref: str  # instrument id, or "<row>/<direction>/<ord>" for a framework cell
    lang: str  # the language of the text matched
    text: str  # the snippet, plain text
    matches: tuple[tuple[int, int], ...]  # (start, end) of each matched word in ``text``


def parse_snippet(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A snippet with markers → its plain text and the (start, end) offsets of the marked
    spans; an unmatched marker is kept as text."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    start: int | None = None
    length = 0
    for char in marked:
        if char == OPEN and start is None:
            start = length
        elif char == CLOSE and start is not None:
            spans.append((start, length))
            start = None
        else:
            out.append(char)
            length += 1
    return "".join(out), tuple(spans)


def search(store: Store, *, words: str, lang: str | None = None,
           limit: int = 50) -> tuple[SearchResult, ...]:
    """Instruments and framework cells holding every word, best first: those in ``lang``
    first, in any language when ``lang`` has none."""
    hits = search_texts(store, words, lang=lang, limit=limit)
    if not hits and lang is not None:
        hits = search_texts(store, words, limit=limit)
    results = []
    for h in hits:
        text, matches = parse_snippet(h.snippet)
        results.append(SearchResult(h.kind, h.country, h.ref, h.lang, text, matches))
    return tuple(results)
