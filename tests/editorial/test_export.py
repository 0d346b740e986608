"""``migprofile export``: published content → a data package; export → load into a fresh
database → export again gives identical files (Morocco), on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from editorial_helpers import Team

from migprofile import core
from migprofile.editorial import workflow
from migprofile.editorial.export import export_package
from migprofile.editorial.objects import Kind
from migprofile.settings import REPO_ROOT, get_settings
from migprofile.store import Store
from migprofile.store.editorial import EditorialStore

KEY = "nationality/immigration/1"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _publish(team: Team, text: str) -> None:
    view = workflow.open_object(team.es, "MAR", Kind.LEGAL, KEY)
    p = view.current or {}
    form = {**{f"text.{k}": v for k, v in p["text"].items()}, "text.fr": text,
            "footnotes": ",".join(map(str, p["footnotes"])),
            "instruments": ",".join(p["instruments"]), "source": p["source"] or ""}
    draft = workflow.save_draft(team.es, team.actor(team.ma), "MAR", Kind.LEGAL, form, key=KEY,
                                version=0, published_sha=view.published_sha)
    workflow.submit(team.es, team.actor(team.ma), draft.id, draft.version)
    workflow.publish(team.es, team.actor(team.reviewer), draft.id, "export test")


def test_export_load_export_is_identical(ed_store: Store, team: Team, tmp_path: Path) -> None:
    _publish(team, "- Texte publié par l'éditeur.\n")
    unpublished = workflow.open_object(team.es, "MAR", Kind.LEGAL, "refugees/immigration/1")
    form = {f"text.{k}": v for k, v in (unpublished.current or {})["text"].items()}
    form["text.fr"] = "BROUILLON NON PUBLIÉ"
    workflow.save_draft(team.es, team.actor(team.ma), "MAR", Kind.LEGAL,
                        {**form, "source": "carim-legal"}, key="refugees/immigration/1",
                        version=0, published_sha=unpublished.published_sha)
    first = export_package(team.es, "MAR", tmp_path / "one")
    files = _files(first.folder)
    assert {"package.yaml", "sources.yaml", "observations.csv", "legal.yaml",
            "socio_political.yaml", "footnotes.yaml", "instruments.yaml", "narratives.yaml",
            "tables.yaml", "published.csv", "areas.yaml", "README.md"} <= set(files)
    legal = files["legal.yaml"].decode()
    assert "Texte publié par l'éditeur." in legal and "BROUILLON" not in legal

    # a fresh database: the reference lists only, then the exported package
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "reference").symlink_to(REPO_ROOT / "data" / "reference")
    settings = dataclasses.replace(get_settings(), data_dir=data_dir)
    fresh = Store.open(f"sqlite:///{tmp_path / 'fresh.db'}")
    core.init_database(fresh, settings=settings, extracts=False)
    assert fresh.packages() == []
    report = core.load_package(fresh, first.folder, settings=settings)
    assert report.ok
    assert core.check_country(fresh, "MA").ok
    second = export_package(EditorialStore(fresh), "MAR", tmp_path / "two")
    assert _files(second.folder) == files
    fresh.close()


def test_export_of_the_bundled_package_keeps_its_observations(ed_store: Store,
                                                              tmp_path: Path) -> None:
    result = export_package(EditorialStore(ed_store), "MAR", tmp_path / "ma")
    original = (REPO_ROOT / "data" / "countries" / "MA" / "observations.csv").read_text(
        encoding="utf-8").splitlines()
    exported = (result.folder / "observations.csv").read_text(encoding="utf-8").splitlines()
    assert sorted(exported) == sorted(original)
