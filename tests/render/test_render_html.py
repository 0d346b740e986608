"""The HTML renderer: well-formed, accessible, self-contained, localized and safe."""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from migprofile.errors import RenderError
from migprofile.profiles.tree import FrameworkTable, Paragraph, Profile, RichText, Section
from migprofile.render import EXTENSIONS, FORMATS, render
from migprofile.render.html import render_html

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
NUMBERS = {"fr": "3\u202f292\u202f599", "en": "3,292,599", "ar": "3,292,599"}
MARKERS = {"fr": "[texte en anglais]", "en": "[text in French]", "ar": "[نص بالفرنسية]"}


class Checker(HTMLParser):
    """Strict nesting check (every non-void element closed, in order) and id/href survey."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.tags: dict[str, int] = {}
        self.starts: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._record(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._record(tag, attrs)

    def _record(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] = self.tags.get(tag, 0) + 1
        values = dict(attrs)
        self.starts.append((tag, values))
        if values.get("id"):
            self.ids.append(str(values["id"]))
        if tag == "a" and values.get("href"):
            self.hrefs.append(str(values["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()


def check(document: str) -> Checker:
    checker = Checker()
    checker.feed(document)
    checker.close()
    assert not checker.errors, checker.errors[:5]
    assert not checker.stack, f"unclosed: {checker.stack}"
    return checker


@pytest.fixture(scope="module")
def pages(profiles: dict[str, Profile]) -> dict[str, str]:
    return {lang: render_html(p) for lang, p in profiles.items()}


def test_formats() -> None:
    assert set(FORMATS) == set(EXTENSIONS) == {"html", "pdf", "md", "json", "datapackage"}
    with pytest.raises(RenderError):
        render(None, "docx")  # type: ignore[arg-type]


def test_well_formed_with_unique_ids_and_resolving_anchors(profile: Profile) -> None:
    page = render_html(profile)
    assert page.startswith("<!DOCTYPE html>")
    checker = check(page)
    assert len(checker.ids) == len(set(checker.ids)), "duplicate ids"
    internal = {h[1:] for h in checker.hrefs if h.startswith("#")}
    assert internal <= set(checker.ids), internal - set(checker.ids)
    assert checker.tags["h1"] == 1


def test_lang_dir_and_localized_figures(pages: dict[str, str]) -> None:
    assert '<html lang="fr" dir="ltr">' in pages["fr"]
    assert '<html lang="en" dir="ltr">' in pages["en"]
    assert '<html lang="ar" dir="rtl">' in pages["ar"]
    for lang, page in pages.items():
        assert NUMBERS[lang] in page, lang
    assert "-11,6" in pages["fr"] and "-11.6" in pages["ar"]
    assert "Sommaire" in pages["fr"] and "المحتويات" in pages["ar"]
    assert "Sources et méthodes" in pages["fr"] and "المصادر والمنهجية" in pages["ar"]
    assert "الهجرة الوافدة" in pages["ar"]


def test_accessible_tables(pages: dict[str, str]) -> None:
    page = pages["fr"]
    checker = check(page)
    assert checker.tags["table"] == checker.tags["caption"]
    assert checker.tags["thead"] >= 4 and checker.tags["tbody"] >= 4
    scopes = {a.get("scope") for tag, a in checker.starts if tag == "th"}
    assert {"col", "row", "colgroup"} <= scopes
    assert all(a.get("scope") for tag, a in checker.starts if tag == "th")
    assert "<caption>Marocains résidant à l&#39;étranger, 1993, 2007 (1er janvier)</caption>" \
        in page
    # nested "of which" rows, the total row, right-aligned numbers isolated left to right
    assert '<tr class="lvl-1"><th scope="row">dont France</th>' in page
    assert '<tr class="total">' in page and 'class=""' not in page
    assert '<td class="num" data-source="ma-consulates-2007"><span class="n" dir="ltr">' \
           '3\u202f292\u202f599</span></td>' in page
    assert 'data-status=' not in page  # every fixture figure is observed


def test_footnotes_are_linked_and_listed(pages: dict[str, str]) -> None:
    for page in pages.values():
        for n in range(1, 9):
            assert f'<sup class="fn-ref"><a href="#fn-{n}">{n}</a></sup>' in page, n
            assert f'id="fn-{n}"' in page, n
    assert "Communauté des États sahélo-sahariens." in pages["fr"]


def test_fallback_text_is_marked_and_tagged(pages: dict[str, str]) -> None:
    for lang, page in pages.items():
        assert MARKERS[lang] in page, lang
    assert re.search(r'<div class="para fallback" lang="en" dir="ltr">'
                     r'<p class="fallback-mark" lang="fr" dir="ltr">\[texte en anglais\]</p>',
                     pages["fr"])
    assert '<div class="para fallback" lang="fr" dir="ltr">' in pages["ar"]
    assert '<div class="rt fallback" lang="fr" dir="ltr">' in pages["ar"]


def test_side_by_side_and_charts(pages: dict[str, str]) -> None:
    page = pages["en"]
    assert page.count('<div class="side-by-side">') == 1
    assert '<section class="column column-1">' in page and 'column column-2' in page
    assert page.count('<figure class="chart"') == 2
    assert page.count("<svg") == 2 and 'role="img"' in page
    assert '<details class="chart-data">' in page
    assert 'class="vega-chart"' not in page


def test_self_contained_no_external_resources(pages: dict[str, str]) -> None:
    for page in pages.values():
        assert "<script" not in page
        assert "<link" not in page
        assert "@import" not in page
        assert not re.search(r"""src=["']?(?:https?:)?//""", page)
        assert not re.search(r"""url\(\s*["']?(?:https?:)?//""", page)
        body, sources = page.split('id="sources"', 1)
        assert "http://" not in body and "https://" not in body.split("<body", 1)[1]
        assert "https://www.unhcr.org/refugee-statistics/" in sources
        assert "@font-face" not in page
        assert len(page.encode()) < 300_000


def test_sources_and_methods(pages: dict[str, str]) -> None:
    page = pages["fr"]
    sources = page.split('id="sources"', 1)[1]
    assert 'id="src-ma-consulates-2007"' in sources and 'id="src-unhcr-2009"' in sources
    assert "3f5a1c9e0b7d…" in sources and "3f5a1c9e0b7d4a2f" not in sources.split("title=")[0]
    assert "Licence : CC BY 4.0" in sources and "Consulté le 20 octobre 2009" in sources
    assert 'href="#src-ma-oc-2008"' in page  # source lines link to the list
    assert "Version des données <bdi>3</bdi>" in page


def test_interactive_embeds_specs_without_urls(profiles: dict[str, Profile]) -> None:
    page = render_html(profiles["ar"], interactive=True)
    check(page)
    specs = re.findall(r"data-spec='([^']*)'", page)
    assert len(specs) == 2
    for raw in specs:
        spec = json.loads(html.unescape(raw))
        assert "$schema" not in spec and spec["usermeta"]["lang"] == "ar"
        assert "values" in spec["data"]
    assert "https://" not in page.split('id="sources"', 1)[0].split("<body", 1)[1]


def test_print_mode_uses_png_and_bundled_fonts(profiles: dict[str, Profile]) -> None:
    page = render_html(profiles["ar"], for_print=True)
    check(page)
    assert "<svg" not in page
    assert page.count('src="data:image/png;base64,') == 2
    assert '@font-face { font-family: "Noto Naskh Arabic"; src: url("fonts/' in page
    assert "counter(pages)" in page and '"صفحة"' in page
    assert "string-set: country \"المغرب\"" in page
    assert "\u2066-11.6\u2069" in page  # numbers isolated left-to-right for WeasyPrint


@pytest.mark.parametrize("payload", [
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="https://example.org" onclick="alert(1)">x</a>',
    '<iframe src="https://example.org"></iframe>',
    '<style>body{display:none}</style>',
])
def test_markdown_cells_are_sanitized(profiles: dict[str, Profile], payload: str) -> None:
    base = profiles["en"]
    legal = next(s for s in base.sections if s.id == "legal")
    table = next(b for b in legal.blocks if isinstance(b, FrameworkTable))
    row = table.rows[0]
    bad_row = replace(row, cells=((RichText(f"Text {payload} end", "en"),), row.cells[1]))
    bad_table = replace(table, rows=(bad_row, *table.rows[1:]))
    bad_section = Section(legal.id, legal.title + " <b>bold?</b>",
                          (Paragraph(f"Para {payload}", lang="en"), bad_table))
    sections = tuple(bad_section if s.id == "legal" else s for s in base.sections)
    page = render_html(replace(base, sections=sections))
    check(page)
    lowered = page.lower()
    assert "<script" not in lowered and "onerror" not in lowered and "onclick" not in lowered
    assert "href=\"javascript" not in lowered and "<iframe" not in lowered
    assert "<style>body" not in lowered
    assert "&lt;b&gt;bold?&lt;/b&gt;" in page  # plain-text fields are escaped, not parsed
    assert "Text " in page and " end" in page


def test_embed_gives_the_portal_fragment_with_links_under_figures(profile: Profile) -> None:
    """The portal's fragment is rendered from the tree: no document, no print cover, no
    second ``main``; each table's downloads and each chart's embed code inside its figure."""
    from migprofile.profiles.tree import ChartBlock, TableBlock
    from migprofile.render.common import iter_blocks
    from migprofile.render.html import PortalLinks, embed_css

    links = PortalLinks("/fr/countries/MA", "Données", "/fr/embed/countries/MA", "Intégrer")
    fragment = render_html(profile, interactive=True, embed=True, links=links)
    checker = check(f"<div>{fragment}</div>")
    assert "<html" not in fragment and "<body" not in fragment and "<main" not in fragment
    assert 'class="cover"' not in fragment and '<div class="profile-main">' in fragment
    blocks = [b for s in profile.sections for b in iter_blocks(s.blocks)]
    tables = [b.id for b in blocks if isinstance(b, TableBlock)]
    chart_ids = [b.id for b in blocks if isinstance(b, ChartBlock)]
    assert tables and chart_ids
    for table_id in tables:
        figure = fragment[fragment.index(f'id="tbl-{table_id}"'):]
        figure = figure[:figure.index("</figure>")]
        assert f'href="/fr/countries/MA/tables/{table_id}.csv"' in figure
        assert f'href="/fr/countries/MA/tables/{table_id}.xlsx"' in figure
    for chart_id in chart_ids:
        figure = fragment[fragment.index(f'id="chart-{chart_id}"'):]
        figure = figure[:figure.index("</figure>")]
        assert f'<a href="/fr/embed/countries/MA/charts/{chart_id}">' in figure
        assert "&lt;iframe src=" in figure
    assert len(checker.ids) == len(set(checker.ids))
    css = embed_css(profile)
    assert ".profile-embed" in css and "body.screen" not in css
    plain = render_html(profile, interactive=True, embed=True)
    assert 'class="downloads' not in plain and 'class="embed' not in plain
