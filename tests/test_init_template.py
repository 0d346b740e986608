"""``init`` fills a fresh SQLite database from its template: the same content as a direct
load, a new template whenever the data or the code change, never over a database holding
anything, and a broken template or a failing build never leaves half a database."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from migprofile.core import init_database
from migprofile.core.inittemplate import KEY_STATE, template_key
from migprofile.errors import PackageError
from migprofile.settings import Settings, get_settings
from migprofile.store import ObservationFilter, Store
from migprofile.store.snapshot import holds_data
from migprofile.store.state import get_state


def _settings(cache: Path | None, data_dir: Path | None = None) -> Settings:
    base = get_settings()
    return replace(base, init_cache=cache, data_dir=data_dir or base.data_dir)


def _open(path: Path) -> Store:
    return Store.open(f"sqlite:///{path}")


def _dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows but the clock's columns (``…_at``) and the template's own mark."""
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")]
    dump = {}
    for table in tables:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                   if not r[1].endswith("_at")]
        where = " WHERE key <> 'init_template'" if table == "store_state" else ""
        dump[table] = conn.execute(f"SELECT {', '.join(columns)} FROM {table}{where} "
                                   f"ORDER BY {', '.join(columns)}").fetchall()
    conn.close()
    return dump


def _templates(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("init-*")) if folder.is_dir() else []


def test_a_copy_holds_what_a_direct_load_writes(tmp_path: Path) -> None:
    settings = _settings(tmp_path / "cache")
    direct, built, copied = (_open(tmp_path / f"{n}.db") for n in ("direct", "built", "copied"))
    plain = init_database(direct, settings=settings, extracts=False, template=False)
    first = init_database(built, settings=settings, extracts=False)
    second = init_database(copied, settings=settings, extracts=False)
    assert plain.template is None
    assert first.template is not None and first.template.built
    assert second.template is not None and not second.template.built
    assert second.packages == plain.packages == ["MA"] and second.areas == plain.areas
    for store in (direct, built, copied):
        store.close()
    reference = _dump(tmp_path / "direct.db")
    assert reference["observations"] and reference["areas"]
    assert _dump(tmp_path / "built.db") == reference
    assert _dump(tmp_path / "copied.db") == reference
    # the copy is a WAL database like any other, with no journal left beside it
    conn = sqlite3.connect(tmp_path / "copied.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_the_bundled_extracts_copied_equal_a_direct_load(ma_store: Store, tmp_path: Path) -> None:
    """The shared session store came from the template (tests set MIGPROFILE_INIT_CACHE);
    a direct load of every extract writes the same rows."""
    from migprofile.store.snapshot import store_file

    source = store_file(ma_store)
    assert source is not None and get_state(ma_store, KEY_STATE) is not None
    direct = _open(tmp_path / "direct.db")
    init_database(direct, template=False)
    direct.close()
    assert _dump(source) == _dump(tmp_path / "direct.db")


def test_changed_data_build_a_new_template(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(get_settings().data_dir, data)
    settings = _settings(tmp_path / "cache", data)
    old_key = template_key(settings, extracts=False)
    store = _open(tmp_path / "a.db")
    init_database(store, settings=settings, extracts=False)
    csv = data / "countries" / "MA" / "observations.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace(
        "Ressortissants marocains interpellés", "Marocains interpellés"), encoding="utf-8")
    assert template_key(settings, extracts=False) != old_key
    again = _open(tmp_path / "b.db")
    result = init_database(again, settings=settings, extracts=False)
    assert result.template is not None and result.template.built
    notes = [o.note.to_dict().get("fr") for o in again.observations(
        ObservationFilter(country="MAR", indicator="irregular_apprehensions", partner="MAR"))]
    assert notes == ["Marocains interpellés"]
    assert len(_templates(tmp_path / "cache")) == 4  # both templates, each with its summary
    store.close()
    again.close()


def test_a_template_is_of_one_data_folder(tmp_path: Path) -> None:
    """Same files elsewhere: another template, since each package row says where it was
    loaded from (a copy must not name another checkout's folder)."""
    for name in ("one", "two"):
        shutil.copytree(get_settings().data_dir, tmp_path / name)
    one, two = (_settings(tmp_path / "cache", tmp_path / n) for n in ("one", "two"))
    assert template_key(one, extracts=False) != template_key(two, extracts=False)
    for name, settings in (("one", one), ("two", two)):
        store = _open(tmp_path / f"{name}.db")
        init_database(store, settings=settings, extracts=False)
        with store.transaction() as conn:
            paths = [r[0] for r in conn.exec_driver_sql("SELECT path FROM packages")]
        assert paths == [str(tmp_path / name / "countries" / "MA")]
        store.close()


def test_a_database_holding_anything_is_loaded_not_overwritten(tmp_path: Path) -> None:
    settings = _settings(tmp_path / "cache")
    store = _open(tmp_path / "a.db")
    assert not holds_data(store)
    init_database(store, settings=settings, extracts=False)
    assert holds_data(store)
    with store.transaction() as conn:
        conn.exec_driver_sql("DELETE FROM observations WHERE indicator = 'emigrant_flow'")
    result = init_database(store, settings=settings, extracts=False)
    assert result.template is None  # the ordinary load, which puts the package back
    assert store.observations(ObservationFilter(country="MAR", indicator="emigrant_flow"))
    store.close()


def test_a_broken_template_is_built_again(tmp_path: Path) -> None:
    settings = _settings(tmp_path / "cache")
    first = _open(tmp_path / "a.db")
    init_database(first, settings=settings, extracts=False)
    first.close()
    template = next((tmp_path / "cache").glob("init-*.sqlite"))
    size = template.stat().st_size
    template.write_bytes(template.read_bytes()[: size // 2])  # a truncated copy
    store = _open(tmp_path / "b.db")
    result = init_database(store, settings=settings, extracts=False)
    assert result.template is not None and result.template.built
    assert template.stat().st_size == size
    assert store.observations(ObservationFilter(country="MAR", indicator="emigrant_stock"))
    template.write_bytes(b"not a database" * 100)
    again = _open(tmp_path / "c.db")
    use = init_database(again, settings=settings, extracts=False).template
    assert use is not None and use.built
    store.close()
    again.close()


def test_a_failing_build_leaves_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(get_settings().data_dir, data)
    csv = data / "countries" / "MA" / "observations.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace(",1275567,", ",many,"),
                   encoding="utf-8")
    settings = _settings(tmp_path / "cache", data)
    store = _open(tmp_path / "a.db")
    with pytest.raises(PackageError):
        init_database(store, settings=settings, extracts=False)
    assert _templates(tmp_path / "cache") == []  # no template, no partial file
    assert not holds_data(store)  # and the target was not half filled
    store.close()


def test_off_or_unwritable_cache_loads_directly(tmp_path: Path) -> None:
    store = _open(tmp_path / "a.db")
    assert init_database(store, settings=_settings(None), extracts=False).template is None
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    other = _open(tmp_path / "b.db")
    result = init_database(other, settings=_settings(blocker / "cache"), extracts=False)
    assert result.template is None and result.packages == ["MA"]
    assert other.observations(ObservationFilter(country="MAR", indicator="emigrant_stock"))
    store.close()
    other.close()


def test_postgres_is_loaded_directly(db_url: str, tmp_path: Path) -> None:
    store = Store.open(db_url)
    result = init_database(store, settings=_settings(tmp_path / "cache"), extracts=False)
    assert (result.template is None) == db_url.startswith("postgresql")
    assert store.observations(ObservationFilter(country="MAR", indicator="emigrant_stock"))
    store.close()
