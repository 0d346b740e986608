"""What makes an assembled profile true, as checks a sweep runs over every country × language.

Each check reads only the Profile tree (texts, figures with their periods, tables, cover) and
returns ``Problem`` s; ``check_profile`` runs them all. Used by the sweep test and by
``scripts/profile_invariants.py`` (counts before and after a change).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from migprofile.profiles.tree import (
    Block,
    FrameworkTable,
    ItemGroup,
    Paragraph,
    Profile,
    SideBySide,
    TableBlock,
)

INVARIANTS = (
    "mixed_periods", "dangling_same_date", "placeholder_zero", "empty_parentheses",
    "zero_top_partner", "zero_other_row", "headline_rate_over_100", "language_leak",
    "name_without_article", "cover_not_sections", "empty_profile", "number_agreement",
    "negative_zero", "typography",
)


@dataclass(frozen=True)
class Problem:
    invariant: str
    detail: str


def walk(blocks: tuple[Block, ...] | list[Block]) -> Iterator[Block]:
    for block in blocks:
        if isinstance(block, SideBySide):
            for column in block.columns:
                yield from walk(column)
        else:
            yield block


def paragraphs(profile: Profile) -> Iterator[tuple[list[Paragraph], int]]:
    """Each flat run of paragraphs (a column or a section), with the index of each."""
    def runs(blocks: tuple[Block, ...]) -> Iterator[list[Paragraph]]:
        run: list[Paragraph] = []
        for block in blocks:
            if isinstance(block, SideBySide):
                for column in block.columns:
                    yield from runs(column)
            elif isinstance(block, Paragraph):
                run.append(block)
        yield run
    for section in profile.sections:
        for run in runs(section.blocks):
            for index in range(len(run)):
                yield run, index


SAME_DATE = re.compile(r"^(À la même date|At the same date|وفي التاريخ نفسه|في التاريخ نفسه)")
SENTENCE = re.compile(r"(?<=[.!؟])\s+(?=\S)")
YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def _years(period: str | None) -> set[str]:
    return {p[:4] for p in (period or "").split("/") if p[:4].isdigit()}


def check_periods(profile: Profile) -> Iterator[Problem]:
    """Figures of different years in one paragraph: each year must be printed in it."""
    for run, index in paragraphs(profile):
        p = run[index]
        years = set().union(*(_years(f.period) for f in p.figures)) if p.figures else set()
        if len(years) > 1:
            missing = sorted(y for y in years if y not in p.text)
            if missing:
                yield Problem("mixed_periods", f"years {missing} not named: {p.text[:160]}")
        if SAME_DATE.match(p.text):
            before = run[index - 1] if index else None
            mine = set().union(*(_years(f.period) for f in p.figures)) if p.figures else set()
            theirs = set().union(*(_years(f.period) for f in before.figures)) \
                if before and before.figures else set()
            if before is None or not mine or not mine <= theirs:
                yield Problem("dangling_same_date", p.text[:160])


ZERO_TEXT = re.compile(r"(?<![\d,.\s])(?<!\d )\b0 (millions?|million|مليون)"
                       r"|\b0[,.]0 ?% (du PIB|of GDP|من الناتج)|US\$0 million"
                       r"|(contre|against|مقابل) 0\b(?![,.]\d)")


def check_zeros(profile: Profile) -> Iterator[Problem]:
    for run, index in paragraphs(profile):
        p = run[index]
        if ZERO_TEXT.search(p.text):
            yield Problem("placeholder_zero", p.text[:160])


def _framework_texts(block: FrameworkTable) -> Iterator[tuple[str, str]]:
    for row in block.rows:
        for cells in row.cells:
            for cell in cells:
                if isinstance(cell, ItemGroup):  # generated, dated items
                    yield "framework", cell.title
                    yield from (("framework", item.text) for item in cell.items)
                else:
                    yield "framework", cell.markdown


def _texts(profile: Profile) -> Iterator[tuple[str, str]]:
    """(where, text) of every printed text of the profile."""
    cover = profile.cover
    yield "cover", " ".join((cover.title, cover.credits, cover.publisher, *cover.subtitle_lines))
    for section in profile.sections:
        yield "section", section.title
        for block in walk(section.blocks):
            if isinstance(block, Paragraph):
                yield "paragraph", block.text
            elif isinstance(block, TableBlock):
                yield "caption", block.caption
                yield "table-source", block.source.text
                for note in block.notes:
                    yield "table-note", note
            elif isinstance(block, FrameworkTable):
                yield from _framework_texts(block)
        for footnote in section.footnotes:
            yield "footnote", footnote.text
    for source in profile.sources:
        yield "source", " ".join(x for x in (source.citation, source.edition or "",
                                               source.licence or "") if x)
    yield "method", profile.method_note


def check_parentheses(profile: Profile) -> Iterator[Problem]:
    for where, text in _texts(profile):
        if re.search(r"\(\s*\)", text):
            yield Problem("empty_parentheses", f"{where}: {text[:160]}")


# Words that betray another language than the profile's (proper names such as a data set's
# title stay as they are and are not listed).
LEAKS = {
    "fr": re.compile(r"not stated|\bDepartment of\b|\bthe UN\b|\bextraction of\b|"
                     r"\bas of\b|\bsigned\b|\bratified\b"),
    "en": re.compile(r"Nations Unies|Département|Banque mondiale|Édition|"
                     r"\bnon (ratifiée|précisée)|\bétat (au|en)\b|Indicateurs|Collection des"),
    "ar": re.compile(r"Nations Unies|Département|Banque mondiale|Indicateurs|not stated|"
                     r"\bDepartment of\b|Édition|Collection des|\bstatus as of\b"),
    "es": re.compile(r"Nations Unies|Département|Banque mondiale|Indicateurs|Édition|"
                     r"Collection des|not stated|\bDepartment of\b|\bas of\b|\bsigned\b|"
                     r"\bratified\b|\bnon ratifié|\bWorld Bank\b|\brefugees\b"),
}


# A link's address is no text of any language ("…/pakistan-afghan-refugees…").
URL = re.compile(r"\]\([^)\s]*\)|https?://\S+")


def check_language(profile: Profile) -> Iterator[Problem]:
    pattern = LEAKS.get(profile.lang)
    if pattern is None:
        return
    for where, text in _texts(profile):
        if where == "framework" and profile.country == "MAR":
            continue  # the seed's legal texts cite instruments by their own titles
        match = pattern.search(URL.sub("", text))
        if match:
            yield Problem("language_leak", f"{where}: {match.group(0)!r} in {text[:120]}")


# Names that take an article: "born in United States", "En 2024, Allemagne comptait".
FR_BARE = re.compile(r"(?:^|[,;:.] |\b(?:En \d{4}, |était |de |à |dans |par ))"
                     r"(Allemagne|France|Italie|Espagne|Belgique|Turquie|Pologne|Ukraine|Russie|"
                     r"Syrie|Chine|Inde|Suisse|Autriche|Roumanie|Grèce|Algérie|Tunisie|Égypte|"
                     r"États-Unis|Philippines|Pays-Bas|Royaume-Uni|Maroc|Canada|Brésil|Mexique|"
                     r"Afghanistan|Iraq|Irak|Iran|Arabie saoudite|Émirats arabes unis|Liban|"
                     r"Jordanie|Pakistan|Bangladesh|Venezuela|Colombie|Argentine|Japon|"
                     r"Australie|Kazakhstan|Soudan|Yémen|Éthiopie|Somalie|Érythrée|Nigéria)\b")
FR_NO_ELISION = re.compile(r"\b(de|le|la) [AEIOUÉÈÊ][a-zé]")
EN_THE = re.compile(r"(?<!the )(?<!The )\b(United States|Philippines|Netherlands|United "
                    r"Kingdom|United Arab Emirates|Russian Federation|Dominican Republic|"
                    r"Central African Republic|Czech Republic|Bahamas|Gambia|Maldives|"
                    r"Comoros|Solomon Islands|Marshall Islands)\b(?! Dollar| dollar)")


# Spanish: "en Estados Unidos", "de Reino Unido" (the article dropped) or "de el"/"a el"
# (the contraction missed); "El Salvador" keeps its capital and no contraction.
ES_BARE = re.compile(r"\b(?:en|de|por|a|era|eran) (?:Estados Unidos|Reino Unido|Países Bajos|"
                     r"Emiratos Árabes Unidos|República Dominicana|India|Perú)\b|"
                     r"\b[Dd]e el\b|\b[Aa] el\b")


def check_names(profile: Profile) -> Iterator[Problem]:
    for run, index in paragraphs(profile):
        text = run[index].text
        if profile.lang == "fr":
            for pattern in (FR_BARE, FR_NO_ELISION):
                match = pattern.search(text)
                if match:
                    yield Problem("name_without_article", f"{match.group(0)!r}: {text[:120]}")
        elif profile.lang == "en":
            match = EN_THE.search(text.replace("US dollars", ""))
            if match:
                yield Problem("name_without_article", f"{match.group(0)!r}: {text[:120]}")
        elif profile.lang == "es":
            match = ES_BARE.search(text)
            if match:
                yield Problem("name_without_article", f"{match.group(0)!r}: {text[:120]}")


def check_tables(profile: Profile, areas: Mapping[str, Any]) -> Iterator[Problem]:
    for section in profile.sections:
        for block in walk(section.blocks):
            if not isinstance(block, TableBlock):
                continue
            for row in block.body:
                numbers = [c.value.number for c in row[1:] if c.value and c.value.kind in
                           ("count", "amount")]
                label = row[0]
                if numbers and all(not n for n in numbers):
                    kind = "zero_other_row" if row is block.body[-2] or \
                        not label.level else "zero_top_partner"
                    yield Problem(kind, f"{block.id}: {label.text}")
                rates = [c.value.number for c in row[1:] if c.value and c.value.kind == "rate"
                         and c.value.number is not None]
                flagged = any(c.value.note for c in row[1:] if c.value and c.value.kind == "rate")
                if rates and abs(rates[-1]) > 100 and not flagged:
                    yield Problem("headline_rate_over_100",
                                  f"{block.id}: {label.text} {rates[-1]:.1f}")


def check_cover(profile: Profile) -> Iterator[Problem]:
    titles = [s.title for s in profile.sections]
    if not profile.sections:
        yield Problem("empty_profile", profile.country)
    promised = list(profile.cover.subtitle_lines)
    if promised != titles:
        yield Problem("cover_not_sections", f"cover {promised} / sections {titles}")


# A number and its noun: "1 refugees", "1 accords"; in Arabic the accusative singular after
# digits ("12 لاجئًا") is the form of 11–99 only (3–10 take a plural, 100 and more the genitive).
SINGULAR_ONE = {
    "en": re.compile(r"(?<![\d.,])1 (refugees|persons|people|immigrants|agreements|countries|"
                     r"nationalities|destinations|years|asylum seekers)\b"),
    "fr": re.compile(r"(?<![\d,\u202f\u00a0 ])1 (réfugiés|personnes|immigrés|accords|ans|"
                     r"nationalités|destinations|demandeurs)\b"),
}
AR_ACCUSATIVE = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})*) (\w+(?:ًا|اً))(?!\w)")
NEGATIVE_ZERO = re.compile(r"(?<![\d.,])[-−]0(?:[.,]0+)?(?![\d.,]*[1-9])\b")


def check_numbers(profile: Profile) -> Iterator[Problem]:
    pattern = SINGULAR_ONE.get(profile.lang)
    for where, text in _texts(profile):
        if pattern is not None and (match := pattern.search(text)):
            yield Problem("number_agreement", f"{where}: {match.group(0)!r} in {text[:100]}")
        if profile.lang == "ar":
            for match in AR_ACCUSATIVE.finditer(text):
                if not 11 <= int(match.group(1).replace(",", "")) % 100 <= 99:
                    yield Problem("number_agreement", f"{where}: {match.group(0)!r}")
    for section in profile.sections:
        for block in walk(section.blocks):
            if isinstance(block, TableBlock):
                for row in block.body:
                    for cell in row:
                        shown = cell.value.text if cell.value else cell.text
                        if NEGATIVE_ZERO.search(shown):
                            yield Problem("negative_zero", f"{block.id}: {shown}")


# Spanish typography (RAE): no space before ":" ";" "?" "!", digits grouped by a space
# ("3 292 599"), never by a point ("3.292.599", CLDR es), which reads as a decimal elsewhere.
TYPOGRAPHY = {"es": re.compile(r"\S[\s\u00a0\u202f][:;?!](?:\s|$)|\d\.\d{3}(?!\d)")}


def check_typography(profile: Profile) -> Iterator[Problem]:
    pattern = TYPOGRAPHY.get(profile.lang)
    if pattern is None:
        return
    for where, text in _texts(profile):
        match = pattern.search(URL.sub("", text))
        if match:
            yield Problem("typography", f"{where}: {match.group(0)!r} in {text[:120]}")


def check_profile(profile: Profile, areas: Mapping[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    for check in (check_periods, check_zeros, check_parentheses, check_language,
                  check_names, check_cover, check_numbers, check_typography):
        problems.extend(check(profile))
    problems.extend(check_tables(profile, areas))
    return problems
