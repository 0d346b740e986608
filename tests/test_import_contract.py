"""The layers' import contract, read from the source with ``ast`` (no import side effects).

* shells (``cli.py``, ``cli_editorial.py``, ``web/``) import the core façade and what formats
  its answers: ``core``, ``build``, ``overview``, ``render``, ``errors``, ``settings``,
  ``model``, ``i18n``, ``editorial``, and the profile tree (the renderers' input type);
* ``profiles/`` imports no renderer and no shell; ``store/`` imports no ``profiles``,
  ``render`` or shell; ``render/`` never imports the store, importers or shells.

The shells' remaining direct imports are listed in ``SHELL_DEBT`` with the reason each is
still there; the test fails when a new one appears *and* when one is paid off without being
struck from the list, so the list can only shrink.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "migprofile"

SHELL_ALLOWED = {"migprofile", "migprofile.core", "migprofile.build", "migprofile.overview",
                 "migprofile.render", "migprofile.errors", "migprofile.settings",
                 "migprofile.model", "migprofile.i18n", "migprofile.editorial",
                 "migprofile.web", "migprofile.cli_editorial", "migprofile.profiles.tree"}

# file -> its direct imports of inner layers, and why each is still there (issue 14 debt).
# Paid off: the shells reach the store, importers, indicators and legal matrix through the
# façade (``core.compare``, ``core.legal_matrix``, ``core.world_indicators``, ``core.search``,
# ``core.import_file``, ``core.diff``, ``core.observation_page``...), and name the types
# ``Store``, ``GrowthMethod``, ``ObservationFilter``, ``PartnerTable``, ``Report`` as the
# façade re-exports them (``EditorialStore``/``AuditFilter`` from ``migprofile.editorial``).
SHELL_DEBT: dict[str, tuple[set[str], str]] = {}


def imports_of(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m == "migprofile" or m.startswith("migprofile.")}


def _layer(module: str) -> str:
    return ".".join(module.split(".")[:2])


def _files(*parts: str) -> list[Path]:
    out: list[Path] = []
    for part in parts:
        target = SRC / part
        out.extend(sorted(target.rglob("*.py")) if target.is_dir() else [target])
    return out


def _shell_violations() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in _files("cli.py", "cli_editorial.py", "web"):
        bad = {m for m in imports_of(path)
               if _layer(m) not in SHELL_ALLOWED and m not in SHELL_ALLOWED}
        if bad:
            found[str(path.relative_to(SRC))] = bad
    return found


def test_shells_import_only_the_facade_and_formatting() -> None:
    found = _shell_violations()
    debt = {name: modules for name, (modules, _why) in SHELL_DEBT.items()}
    new = {f: sorted(m - debt.get(f, set())) for f, m in found.items() if m - debt.get(f, set())}
    paid = {f: sorted(m - found.get(f, set())) for f, m in debt.items() if m - found.get(f, set())}
    assert not new, f"shells import inner layers directly (call migprofile.core): {new}"
    assert not paid, f"debt paid off: strike these from SHELL_DEBT: {paid}"


@pytest.mark.parametrize(("package", "forbidden"), [
    ("profiles", {"migprofile.render", "migprofile.web", "migprofile.cli"}),
    ("store", {"migprofile.profiles", "migprofile.render", "migprofile.web", "migprofile.cli"}),
    ("render", {"migprofile.store", "migprofile.importers", "migprofile.web",
                "migprofile.cli"}),
    ("indicators", {"migprofile.store", "migprofile.profiles", "migprofile.render",
                    "migprofile.web"}),
    ("model", {"migprofile.store", "migprofile.profiles", "migprofile.render",
               "migprofile.web", "migprofile.importers"}),
])
def test_inner_layers_do_not_reach_outwards(package: str, forbidden: set[str]) -> None:
    bad = {str(p.relative_to(SRC)): sorted(m for m in imports_of(p) if _layer(m) in forbidden)
           for p in _files(package)}
    assert not {f: m for f, m in bad.items() if m}


def test_the_contract_reads_real_imports(tmp_path: Path) -> None:
    """The checker itself: it sees the façade's import of the store, and flags a shell's
    (so an empty result means something)."""
    assert "migprofile.store" in imports_of(SRC / "core" / "__init__.py")
    shell = tmp_path / "shell.py"
    shell.write_text("from migprofile.store.search import search_texts\n"
                     "from migprofile import core\n", "utf-8")
    found = imports_of(shell)
    assert found == {"migprofile.store.search", "migprofile"}
    assert {m for m in found if _layer(m) not in SHELL_ALLOWED
            and m not in SHELL_ALLOWED} == {"migprofile.store.search"}
