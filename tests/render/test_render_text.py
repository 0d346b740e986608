"""Markdown (golden files) and JSON (round trip, provenance) renderers."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from migprofile.errors import RenderError
from migprofile.profiles.tree import Profile, TableBlock
from migprofile.render import render
from migprofile.render.json import load_json, render_json
from migprofile.render.markdown import render_markdown, slug

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
UPDATE = os.environ.get("MIGPROFILE_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_markdown_matches_golden(profiles: dict[str, Profile], lang: str) -> None:
    """``MIGPROFILE_UPDATE_GOLDEN=1 pytest tests/render`` rewrites the golden files."""
    text = render_markdown(profiles[lang])
    path = GOLDEN / f"profile.{lang}.md"
    if UPDATE or not path.exists():
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{path} did not exist; written — check it and commit it")
    assert text == path.read_text(encoding="utf-8"), \
        f"{path.name} differs (MIGPROFILE_UPDATE_GOLDEN=1 to accept the new output)"


def test_markdown_tables_footnotes_and_sources(profile: Profile) -> None:
    text = render(profile, "md")
    assert isinstance(text, str)
    lines = text.splitlines()
    # every GitHub table has as many cells in each row as in its header
    for i, line in enumerate(lines):
        if line.startswith("| ") and i + 1 < len(lines) and re.match(r"^\|( -+:? \|)+$",
                                                                       lines[i + 1]):
            width = len(re.split(r"(?<!\\)\|", line)) - 2
            j = i + 1
            while j < len(lines) and lines[j].startswith("|"):
                assert len(re.split(r"(?<!\\)\|", lines[j])) - 2 == width, lines[j]
                j += 1
    refs = set(re.findall(r"(?<!^)\[\^(\d+)\]", text, flags=re.MULTILINE))
    defs = re.findall(r"^\[\^(\d+)\]:", text, flags=re.MULTILINE)
    assert refs == set(defs) == {str(n) for n in range(1, 9)}
    assert len(defs) == len(set(defs))
    assert "| **" in text and "— " in text  # total rows in bold, nested rows marked
    assert "<https://www.unhcr.org/refugee-statistics/>" in text
    assert "`[unhcr-2009]`" in text
    assert re.search(r"^\*.+: .+\*$", text, flags=re.MULTILINE)  # source lines in italics


def test_markdown_contents_links_match_github_slugs(profiles: dict[str, Profile]) -> None:
    text = render_markdown(profiles["fr"])
    assert "(#le-cadre-démographique-économique-de-la-migration)" in text
    assert slug("Le cadre socio-politique de la migration[^8]") == \
        "le-cadre-socio-politique-de-la-migration"


def test_json_round_trip_keeps_provenance(profile: Profile) -> None:
    text = render_json(profile)
    assert text == render_json(profile)  # deterministic
    data = json.loads(text)
    assert data["format"] == "migprofile.profile" and data["lang"] == profile.lang
    assert load_json(text) == profile
    assert render_json(load_json(text)) == text
    kinds = [b["kind"] for s in data["sections"] for b in s["blocks"]]
    assert kinds[:3] == ["paragraph", "side_by_side", "heading"]
    assert {"table", "chart", "framework"} <= set(kinds)
    table = data["sections"][0]["blocks"][1]["columns"][0][1]
    value = table["body"][0][1]["value"]
    assert value == {"text": value["text"], "number": 1275567, "kind": "count",
                     "status": "observed", "source_id": "ma-consulates-2007",
                     "period": "1993", "formula": None, "note": None, "low": None}
    assert '"source_id": "ma-oc-2008"' in text and '"source_id": "unhcr-2009"' not in text
    assert [s["id"] for s in data["sources"]] == ["ma-consulates-2007", "ma-oc-2008",
                                                  "unhcr-2009"]
    if profile.lang == "ar":
        assert "المغرب" in text  # ensure_ascii=False


def test_json_values_are_all_traceable(profiles: dict[str, Profile]) -> None:
    data = json.loads(render_json(profiles["en"]))
    known = {s["id"] for s in data["sources"]}

    def values(node: object) -> list[dict[str, object]]:
        if isinstance(node, dict):
            found = [node] if {"text", "number", "status", "source_id"} <= node.keys() else []
            return found + [v for child in node.values() for v in values(child)]
        if isinstance(node, list):
            return [v for child in node for v in values(child)]
        return []

    found = values(data)
    assert len(found) > 60
    assert all(v["source_id"] in known for v in found)


def test_load_json_rejects_other_documents() -> None:
    with pytest.raises(RenderError):
        load_json('{"format": "something else"}')
    with pytest.raises(RenderError):
        load_json('{"format": "migprofile.profile", "format_version": 99}')


def test_csv_rows_of_a_rendered_table(profiles: dict[str, Profile]) -> None:
    table = profiles["fr"].sections[0].blocks[1].columns[0][1]  # type: ignore[union-attr]
    assert isinstance(table, TableBlock)
    assert table.csv_rows()[0][:3] == ["Continent de résidence", "1993 Effectif", "1993 %"]


def test_markdown_leaves_out_the_title_of_an_empty_column(profile: Profile) -> None:
    """Columns of a side-by-side pair follow one another in Markdown: an empty column's title
    would head the next block (a remittance chart printed under "Immigration")."""
    import dataclasses

    from migprofile.profiles.tree import Paragraph, SideBySide

    pair = SideBySide(titles=("Left column", "Right column"),
                      columns=((Paragraph(text="Only on the left."),), ()))
    first = profile.sections[0]
    altered = dataclasses.replace(profile, sections=(
        dataclasses.replace(first, blocks=(pair, *first.blocks)), *profile.sections[1:]))
    text = render_markdown(altered)
    assert "Left column" in text and "Only on the left." in text
    assert "Right column" not in text
