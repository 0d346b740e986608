"""Narratives defined once: figures declared once, sentences made of clauses in each language.

A narrative of ``narratives.yaml`` reads::

    hosted:
      figures:                      # expressions of the binder, evaluated in order
        r: partners_total("refugees")
        a: partners_total("asylum_seekers", period=r.period)   # the same period as r
      sentences:
        - - fr: "Fin {{ r|year }}, {{ here|art }} accueillait {{ r|count }} réfugiés"
          - fr: " et {{ a|count }} demandeurs d'asile"
            when: "a.value > 0"     # a condition on the data (optional)

A figure the data cannot give is ``Missing``: a clause that prints it is left out, and only
that clause; the first clause of a sentence carries it, so without it the sentence goes.
Qualitative words are clauses with a ``when`` condition, computed from the figures. Each
sentence is closed with a full stop and starts with a capital. ``same_date: r`` on a
sentence keeps it only when the sentence before it printed ``r``'s period (so "at the same
date" always follows that date).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from migprofile.errors import BindingError, SpecError
from migprofile.model.languages import LANGUAGES
from migprofile.profiles.binding import Binder, Figure, Missing, tidy, value_of
from migprofile.profiles.tree import Paragraph, Value

LANGS = LANGUAGES
STOP = {"ar": "."}


@dataclass(frozen=True)
class Clause:
    texts: Mapping[str, str]
    when: str | None = None


@dataclass(frozen=True)
class Sentence:
    clauses: tuple[Clause, ...]
    same_date: str | None = None  # a figure whose period the previous sentence must print
    dated: Clause | None = None  # the first clause when it does not: it names the date


@dataclass(frozen=True)
class GenericNarrative:
    key: str
    figures: tuple[tuple[str, str], ...]
    sentences: tuple[Sentence, ...]


def parse_narrative(where: str, key: str, raw: Any) -> GenericNarrative:
    """Validate one narrative of ``narratives.yaml`` (``SpecError`` naming file and key)."""
    if not isinstance(raw, Mapping) or "sentences" not in raw:
        raise SpecError(f"{where}: {key}: expected 'figures' and 'sentences'")
    figures = raw.get("figures") or {}
    if not isinstance(figures, Mapping):
        raise SpecError(f"{where}: {key}.figures: expected a mapping name -> expression")
    sentences = []
    for i, item in enumerate(raw["sentences"]):
        same, dated = None, None
        if isinstance(item, Mapping):
            same, raw_dated, item = item.get("same_date"), item.get("dated"), item.get("clauses")
            if same and not isinstance(raw_dated, Mapping):
                raise SpecError(f"{where}: {key}.sentences[{i}]: 'same_date' needs 'dated', "
                                "the first clause naming the date")
            dated = Clause({lang: str(raw_dated[lang]) for lang in LANGS}) if raw_dated else None
        if not isinstance(item, Sequence) or not item:
            raise SpecError(f"{where}: {key}.sentences[{i}]: expected a list of clauses")
        clauses = []
        for j, clause in enumerate(item):
            missing = [lang for lang in LANGS if lang not in clause]
            if missing:
                raise SpecError(f"{where}: {key}.sentences[{i}][{j}]: no text in "
                                f"{', '.join(missing)}")
            clauses.append(Clause({lang: str(clause[lang]) for lang in LANGS},
                                  clause.get("when")))
        sentences.append(Sentence(tuple(clauses), same, dated))
    return GenericNarrative(key, tuple((str(k), str(v)) for k, v in figures.items()),
                            tuple(sentences))


def _evaluate(binder: Binder, narrative: GenericNarrative) -> dict[str, Any]:
    scope: dict[str, Any] = {}
    for name, expression in narrative.figures:
        try:
            scope[name] = binder.expression(expression)(**scope)
        except BindingError as exc:
            scope[name] = Missing(f"{name}: {exc}")
        except Exception as exc:  # a template error is the spec's fault, not the data's
            raise SpecError(f"narrative {narrative.key}: figure {name}: {exc}") from exc
    return scope


def _clause(binder: Binder, clause: Clause, scope: Mapping[str, Any], lang: str
            ) -> tuple[str, list[Figure]] | None:
    try:
        if clause.when and not binder.expression(clause.when)(**scope):
            return None
        binder.touched.clear()
        text = binder.template(clause.texts[lang]).render(**scope)
    except BindingError:
        return None
    return text, list(binder.touched)


def _period_years(figure: Figure) -> set[str]:
    return {p[:4] for p in figure.period.split("/")}


def render_generic(binder: Binder, narrative: GenericNarrative, lang: str) -> Paragraph | None:
    """The paragraph of one narrative in ``lang``; None when no sentence has its data."""
    scope = _evaluate(binder, narrative)
    sentences: list[str] = []
    figures: list[Value] = []
    previous: set[str] = set()
    for sentence in narrative.sentences:
        first = sentence.clauses[0]
        if sentence.same_date and sentence.dated:
            anchor = scope.get(sentence.same_date)
            if not isinstance(anchor, Figure) or not _period_years(anchor) <= previous:
                first = sentence.dated
        head = _clause(binder, first, scope, lang)
        if head is None:
            continue
        parts, used = [head[0]], list(head[1])
        for clause in sentence.clauses[1:]:
            rendered = _clause(binder, clause, scope, lang)
            if rendered is not None:
                parts.append(rendered[0])
                used += rendered[1]
        text = tidy("".join(parts)).rstrip(" ,;:،")
        sentences.append(_capital(text) + STOP.get(lang, "."))
        previous = set().union(*(_period_years(f) for f in used)) if used else set()
        figures += [value_of(f) for f in dict.fromkeys(used)]
    if not sentences:
        return None
    return Paragraph(text=" ".join(sentences), figures=tuple(figures), lang=lang)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
