"""Multilingual text as a value type."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from migprofile.model.languages import LANGUAGES, RTL_LANGUAGES

# A footnote mark in a text, ``[^N]`` (N up to 999): the one pattern that decides which
# footnotes a profile prints (profiles.frameworks) and where the renderers link them.
FOOTNOTE_MARK = re.compile(r"\[\^(\d{1,3})\]")

__all__ = ["LANGUAGES", "RTL_LANGUAGES", "LocalizedText", "Resolved"]


@dataclass(frozen=True)
class Resolved:
    """A text picked for a language, and the language it is really in."""

    text: str
    lang: str
    requested: str

    @property
    def is_fallback(self) -> bool:
        return self.lang != self.requested


@dataclass(frozen=True)
class LocalizedText(Mapping[str, str]):
    """Text in several languages: ``LocalizedText({"fr": "Maroc", "en": "Morocco"})``.

    ``original`` names the language the text was written in; ``get_for`` falls back to
    it (then to any language present) and says so, so that a renderer can mark the text.
    """

    texts: Mapping[str, str] = field(default_factory=dict)
    original: str | None = None

    def __post_init__(self) -> None:
        clean = {k: v for k, v in dict(self.texts).items() if v is not None and str(v).strip()}
        object.__setattr__(self, "texts", clean)
        if self.original is None and clean:
            object.__setattr__(self, "original", next(iter(clean)))

    def __getitem__(self, lang: str) -> str:
        return self.texts[lang]

    def __iter__(self) -> Iterator[str]:
        return iter(self.texts)

    def __len__(self) -> int:
        return len(self.texts)

    def __bool__(self) -> bool:
        return bool(self.texts)

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.texts.items())))

    def get_for(self, lang: str) -> Resolved:
        """The text in ``lang``, else in the original language, else in any language."""
        if lang in self.texts:
            return Resolved(self.texts[lang], lang, lang)
        for candidate in (self.original, *LANGUAGES, *self.texts):
            if candidate and candidate in self.texts:
                return Resolved(self.texts[candidate], candidate, lang)
        return Resolved("", lang, lang)

    def text(self, lang: str) -> str:
        return self.get_for(lang).text

    def to_dict(self) -> dict[str, str]:
        """The texts, the original language first (its position is how it is stored)."""
        ordered = dict(self.texts)
        if self.original in ordered:
            return {self.original: ordered.pop(self.original), **ordered}
        return ordered

    @classmethod
    def coerce(cls, value: object, *, default_lang: str = "fr") -> LocalizedText:
        """Build from a mapping, a plain string (in ``default_lang``) or None."""
        if isinstance(value, LocalizedText):
            return value
        if value is None:
            return cls({})
        if isinstance(value, Mapping):
            return cls({str(k): str(v) for k, v in value.items()})
        return cls({default_lang: str(value)})
