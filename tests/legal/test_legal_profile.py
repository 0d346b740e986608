"""The generated legal framework in profiles: every UN member state, Morocco's curated cells
kept first, dated sub-blocks, structured items, the renderers."""

from __future__ import annotations

import json

import pytest

from migprofile.build import build_profile
from migprofile.importers.treaties import un_members
from migprofile.profiles.data import load_country_data
from migprofile.profiles.legal import legal_parts
from migprofile.profiles.tree import FrameworkTable, ItemGroup, Profile, RichText
from migprofile.render.json import load_json, render_json
from migprofile.render.markdown import render_markdown
from migprofile.store import Store

REQUIRED = {("legal", "general_references"), ("legal", "nationality"), ("legal", "entry_exit")}


def _table(profile: Profile, name: str) -> FrameworkTable:
    return next(b for s in profile.sections for b in s.blocks
                if isinstance(b, FrameworkTable) and b.id == name)


def _groups(table: FrameworkTable) -> list[ItemGroup]:
    return [g for row in table.rows for cells in row.cells for g in cells
            if isinstance(g, ItemGroup)]


def test_every_un_member_has_conventions_nationality_and_entry(ma_store: Store) -> None:
    lacking = {}
    for country in sorted(un_members()):
        parts = legal_parts(load_country_data(ma_store, country), "en")
        missing = REQUIRED - {k for k, pair in parts.cells.items() if any(pair)}
        for pair in parts.cells.values():
            for g in (g for side in pair for g in side):
                assert g.items and g.source.citations, (country, g.key)
                assert all(i.source_id for i in g.items), (country, g.key)
        if missing:
            lacking[country] = missing
    assert not lacking


@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_dated_items_in_each_language(ma_store: Store, lang: str) -> None:
    groups = {g.key: g for g in _groups(_table(build_profile(ma_store, "NGA", lang), "legal"))}
    assert {"treaties", "citizenship", "visa_in", "visa_out"} <= set(groups)
    assert all(i.as_of for i in groups["treaties"].items)
    assert all(i.as_of == "2024-01-01" for i in groups["citizenship"].items)
    title = {"fr": "1er janvier 2024", "en": "1 January 2024", "ar": "2024"}[lang]
    assert title in groups["citizenship"].title
    if lang == "ar":  # no Latin sentence leaks into the Arabic profile
        assert all(not any("a" <= ch <= "z" for ch in i.text.split("(")[0].replace("eTA", ""))
                   for i in groups["citizenship"].items)


def test_status_words_agree_with_the_instrument(ma_store: Store) -> None:
    fr = {i.ref: i.text for g in _groups(_table(build_profile(ma_store, "MAR", "fr"), "legal"))
          if g.key == "treaties" for i in g.items}
    assert "*Protocole relatif à la traite des personnes* : ratifié (25 avril 2011)" in \
        fr["trafficking-protocol-2000"]
    assert "*Convention de 1951* : ratifiée" in fr["refugees-1951"]
    assert "*Protocole contre le trafic illicite de migrants* : non ratifié" in \
        fr["smuggling-protocol-2000"]
    ar = {i.ref: i.text for g in _groups(_table(build_profile(ma_store, "MAR", "ar"), "legal"))
          if g.key == "treaties" for i in g.items}
    assert "مصادق عليه " in ar["refugees-protocol-1967"] + " "
    assert "مصادق عليها" in ar["refugees-1951"]


def test_morocco_keeps_every_curated_cell_first(ma_store: Store) -> None:
    data = load_country_data(ma_store, "MAR")
    profile = build_profile(ma_store, "MAR", "fr")
    for framework in ("legal", "socio_political"):
        table = _table(profile, framework)
        curated = [c.text.text("fr").strip() for c in data.cells
                   if c.framework.value == framework]
        shown = [p.markdown.strip() for row in table.rows for cells in row.cells for p in cells
                 if isinstance(p, RichText)]
        assert sorted(shown) == sorted(curated)
        for row in table.rows:  # within a row, a cell's curated text never follows a group
            for cells in row.cells:
                kinds = [p.kind for p in cells]
                assert kinds == sorted(kinds, key=lambda k: k != "rich_text")
    legal = _table(profile, "legal")
    titles = [g.title for g in _groups(legal)]
    assert "État des traités des Nations Unies, au 14 mars 2015" in titles
    assert "Droit de la nationalité au 1er janvier 2024 (GLOBALCIT)" in titles
    irregular = [r for r in legal.rows if r.key.startswith("irregular_migration")]
    assert irregular[-1].key == "irregular_migration-generated" and not irregular[-1].title


def test_naturalisation_ius_soli_and_renunciation(ma_store: Store) -> None:
    def texts(country: str) -> str:
        table = _table(build_profile(ma_store, country, "en"), "legal")
        return " ".join(i.text for g in _groups(table) if g.key == "citizenship"
                        for i in g.items)
    assert "Ordinary naturalisation after 5 years of residence." in texts("MAR")
    assert "Naturalisation requires renouncing the former citizenship, without major " \
        "exceptions." in texts("JPN")
    assert "Unconditional ius soli" in texts("USA")


def test_socio_political_cooperation_with_the_gcm_tally(ma_store: Store) -> None:
    table = _table(build_profile(ma_store, "MEX", "en"), "socio_political")
    votes = next(g for g in _groups(table) if g.key == "votes")
    gcm = next(i for i in votes.items if i.ref == "gcm-2018")
    assert gcm.status == "voted_yes" and "(152 in favour, 5 against, 12 abstentions)" in gcm.text
    assert [r.key for r in table.rows] == ["cooperation-generated"]  # rows without data: none


def test_renderers_carry_the_items(ma_store: Store) -> None:
    profile = build_profile(ma_store, "DEU", "en")
    assert load_json(render_json(profile)) == profile
    data = json.loads(render_json(profile))
    legal = next(b for s in data["sections"] for b in s["blocks"] if b.get("id") == "legal")
    kinds = {p["kind"] for row in legal["rows"] for cells in row["cells"] for p in cells}
    assert kinds == {"item_group"}
    markdown = render_markdown(profile)
    assert "**Citizenship law on 1 January 2024 (GLOBALCIT)**" in markdown
    assert "Ordinary naturalisation after 8 years of residence." in markdown


def test_profile_and_matrix_agree(ma_store: Store) -> None:
    from migprofile.core import area_names
    from migprofile.profiles.legal.matrix import legal_matrix

    areas = area_names(ma_store)
    matrix = legal_matrix(ma_store, "treaties", "en", areas)
    votes = legal_matrix(ma_store, "votes", "en", areas)
    nationality = legal_matrix(ma_store, "nationality", "en", areas)
    for country in ("MAR", "DEU", "JPN", "NGA", "MEX"):
        profile = build_profile(ma_store, country, "en")
        items = {i.ref: i for name in ("legal", "socio_political")
                 for g in _groups(_table(profile, name)) for i in g.items if i.ref}
        for (treaty, code), cell in {**matrix.cells, **votes.cells}.items():
            if code == country:
                assert items[treaty].status == cell.value, (country, treaty)
                assert items[treaty].as_of == cell.as_of, (country, treaty)
        years = nationality.cells[("A06a_yrs_cat", country)]
        assert f"after {int(years.value or 0)} years" in items["A06a_yrs_cat"].text


def test_matrix_filters_by_region(ma_store: Store) -> None:
    from migprofile.core import area_names
    from migprofile.profiles.legal.matrix import legal_matrix

    areas = area_names(ma_store)
    africa = legal_matrix(ma_store, "nationality", "fr", areas, region="UN:002")
    assert "MAR" in africa.countries and "DEU" not in africa.countries
    assert all(areas[c].region == "UN:002" for c in africa.countries)
    assert africa.cells[("A02a_cat", "MAR")].text == "non"
    assert africa.sources == ["globalcit-v3-1"]
