"""The Typst PDF: what a reader finds in it (pdftotext), its pages, and that data never
becomes Typst markup."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from migprofile.errors import RenderError
from migprofile.profiles.tree import (
    Cell,
    Heading,
    Paragraph,
    Profile,
    SourceLine,
    TableBlock,
)
from migprofile.render.pdf import render_pdf
from migprofile.render.typst import BLOCKS, document, render_pdf_typst


def _poppler(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed")


def _pages(pdf: bytes, tmp_path: Path) -> list[str]:
    """The text of each page, in logical order."""
    _poppler("pdftotext")
    path = tmp_path / "p.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


def _strip_bidi(text: str) -> str:
    """pdftotext wraps right-to-left runs in embedding marks; they are not the text."""
    return re.sub("[\u202a-\u202e\u2066-\u2069]", "", text)


def _long_table(profile: Profile, rows: int = 120) -> Profile:
    """The profile with a table long enough to run over several pages in its first section."""
    header = ((Cell("Destination", header=True, scope="col"),
               Cell("Effectif-en-tete", header=True, scope="col", numeric=True)),)
    body = tuple((Cell(f"Pays {i:03d}", header=True, scope="row"),
                  Cell(f"{i * 1000}", numeric=True)) for i in range(rows))
    table = TableBlock("long", "Tableau long", header, body,
                       SourceLine("Source", ("Source fictive",), ("nope",)))
    first = profile.sections[0]
    section = dataclasses.replace(first, blocks=(*first.blocks, table))
    return dataclasses.replace(profile, sections=(section, *profile.sections[1:]))


def test_french_pdf_cover_contents_pages(profiles: dict[str, Profile], tmp_path: Path) -> None:
    pages = _pages(render_pdf_typst(profiles["fr"]), tmp_path)
    total = len(pages)
    assert 4 <= total <= 30
    assert "Maroc" in pages[0] and "Page" not in pages[0]  # the cover has no footer
    assert "Sommaire" in pages[1]
    # contents list every section with the page it starts on
    for section in profiles["fr"].sections:
        line = next(x for x in pages[1].splitlines() if x.startswith(section.title[:20]))
        number = int(re.findall(r"\d+", line)[-1])
        assert section.title[:20] in pages[number - 1]
    for i, page in enumerate(pages[1:], start=2):
        assert f"Page {i} / {total}" in page
        assert page.lstrip().startswith("Maroc")  # running header


def test_arabic_pdf_is_joined_and_in_logical_order(profiles: dict[str, Profile],
                                                   tmp_path: Path) -> None:
    pages = [_strip_bidi(p) for p in _pages(render_pdf_typst(profiles["ar"]), tmp_path)]
    text = "\n".join(pages)
    assert "المغرب" in text
    assert "الإطار القانوني للهجرة" in text
    assert all("صفحة" in p for p in pages[1:])
    assert f"{len(pages)} / 2" in pages[1] or f"2 / {len(pages)}" in pages[1]


def test_arabic_pdf_uses_the_bundled_upright_fonts(profiles: dict[str, Profile],
                                                  tmp_path: Path) -> None:
    _poppler("pdffonts")
    path = tmp_path / "ar.pdf"
    path.write_bytes(render_pdf_typst(profiles["ar"]))
    fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                           text=True).stdout
    names = [line.split()[0] for line in fonts.splitlines()[2:]]
    assert any("NotoNaskhArabic-Regular" in n for n in names)
    assert all(n.split("+")[-1].startswith(("NotoSans", "NotoNaskhArabic")) for n in names)
    assert not any("Naskh" in n and ("Italic" in n or "Oblique" in n) for n in names)


def test_long_table_repeats_its_header_on_every_page(profiles: dict[str, Profile],
                                                     tmp_path: Path) -> None:
    pages = _pages(render_pdf_typst(_long_table(profiles["fr"])), tmp_path)
    with_rows = [p for p in pages if re.search(r"Pays \d{3}", p)]
    assert len(with_rows) >= 2  # the table split
    assert all("Effectif-en-tete" in p for p in with_rows)
    assert "Pays 000" in with_rows[0] and "Pays 119" in with_rows[-1]
    body = "\n".join(with_rows)
    assert body.index("Pays 010") < body.index("Pays 100")  # rows keep their order


def test_data_is_never_read_as_typst_markup(profiles: dict[str, Profile],
                                            tmp_path: Path) -> None:
    hostile = '#set page(width: 2cm) #panic("boom") $x^2$ <lbl> @ref \\ ] [ = Titre'
    first = profiles["fr"].sections[0]
    section = dataclasses.replace(first, blocks=(
        Paragraph(text=f"`{hostile}`", lang="fr"),
        Heading(text=hostile), *first.blocks))
    profile = dataclasses.replace(profiles["fr"], sections=(section, *profiles["fr"].sections[1:]),
                                  title=hostile)
    text = "\n".join(_pages(render_pdf_typst(profile), tmp_path))
    assert '#panic("boom")' in text and "$x^2$" in text and "<lbl> @ref" in text


def test_unknown_block_kind_is_a_clear_error(profiles: dict[str, Profile]) -> None:
    @dataclasses.dataclass(frozen=True)
    class Sidebar:
        text: str
        kind: str = "sidebar"

    first = profiles["en"].sections[0]
    section = dataclasses.replace(first, blocks=(Sidebar("x"),))  # type: ignore[arg-type]
    with pytest.raises(RenderError, match="'sidebar'"):
        document(dataclasses.replace(profiles["en"], sections=(section,)))
    assert set(BLOCKS) == {"paragraph", "heading", "table", "chart", "framework",
                           "side_by_side"}


def test_charts_are_drawn_natively(profiles: dict[str, Profile]) -> None:
    doc = document(profiles["ar"])
    arts = [b["art"] for s in doc["sections"] for b in _walk(s["blocks"]) if b["k"] == "chart"]
    assert arts and all(a["kind"] in ("bars", "series") for a in arts)
    series = next(a for a in arts if a["kind"] == "series")
    assert series["ticks"][0]["v"] <= min(p[1] for s in series["series"] for p in s["points"])
    assert series["ticks"][-1]["v"] >= max(p[1] for s in series["series"] for p in s["points"])


def _walk(blocks: list[dict[str, object]]) -> list[dict[str, object]]:
    out = []
    for b in blocks:
        out.append(b)
        if b["k"] == "side_by_side":
            for column in b["columns"]:  # type: ignore[attr-defined]
                out.extend(_walk(column))
    return out


@pytest.mark.slow
def test_weasyprint_stays_selectable(profiles: dict[str, Profile], tmp_path: Path) -> None:
    pdf = render_pdf(profiles["en"], "weasyprint")
    assert pdf.startswith(b"%PDF")
    assert "Contents" in "\n".join(_pages(pdf, tmp_path))
    with pytest.raises(RenderError, match="unknown PDF engine"):
        render_pdf(profiles["en"], "latex")
