"""The keys area names are matched by: case, accents, punctuation and spacing do not count."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Arabic letters that vary in writing without changing the name: alef wasla, alef maqsura,
# ta marbuta, and tatweel (dropped). Alef with hamza or madda and hamza on waw/ya decompose
# (NFKD) into a base letter and a combining mark, which is dropped like the diacritics.
_ARABIC = str.maketrans({"ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": None})
_APOSTROPHES = frozenset("'’‘`´ʼ")
# Words left out of match keys: leading/trailing articles ("the Gambia", "Gambia, The",
# "Congo (le)") and the conjunctions that "&" stands for.
_ARTICLES = frozenset({"the", "le", "la", "les", "l"})
_CONJUNCTIONS = frozenset({"and", "et"})
# English abbreviations of UNHCR, UN DESA and World Bank names ("Dem. Rep. of the Congo").
_ABBREVIATIONS = {"rep": "republic", "dem": "democratic", "st": "saint", "fed": "federated"}


@lru_cache(maxsize=8192)
def normalise(name: str) -> str:
    """Casefold, strip accents and Arabic diacritics, drop punctuation, collapse spaces.

    ``normalise("Côte d’Ivoire") == "cote d ivoire"``; Arabic keeps its letters, with
    alef/hamza variants, alef maqsura and ta marbuta unified and tatweel removed.
    """
    decomposed = unicodedata.normalize("NFKD", name.translate(_ARABIC))
    chars = []
    for ch in decomposed:
        if unicodedata.combining(ch):
            continue
        if ch in _APOSTROPHES or unicodedata.category(ch)[0] in "PSZC":
            chars.append(" ")
        else:
            chars.append(ch)
    return " ".join("".join(chars).casefold().translate(_ARABIC).split())


def match_key(name: str) -> str:
    """``normalise`` less leading/trailing articles and the words "and"/"et", with a few
    English abbreviations written out ("Rep." -> "republic", "St." -> "saint")."""
    words = [_ABBREVIATIONS.get(w, w) for w in normalise(name).split()]
    while len(words) > 1 and words[0] in _ARTICLES:
        words.pop(0)
    while len(words) > 1 and words[-1] in _ARTICLES:
        words.pop()
    kept = [w for w in words if w not in _CONJUNCTIONS]
    return " ".join(kept or words)
