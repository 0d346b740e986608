"""The registry of source-file readers: importing this module registers every reader.

Each reader module calls ``base.register(...)`` when it is imported; ``load_readers`` imports
the modules of ``READER_MODULES`` once and returns ``base.READERS``. A module named there but
not written yet is skipped (only a ModuleNotFoundError for that very module; any other error
is raised), so that readers can land one by one — once all exist, nothing is skipped.

To add a reader: write ``importers/<name>.py`` ending with ``register(MyReader())`` and add
``<name>`` to ``READER_MODULES``.
"""

from __future__ import annotations

import importlib
from functools import cache

from migprofile.importers.base import READERS, Reader

READER_MODULES: tuple[str, ...] = (
    # UN DESA and World Bank (importers helper 1)
    "undesa",
    "undesa_destination",
    "worldbank",
    # UNHCR, KNOMAD, treaties, OECD, template (importers helper 2)
    "unhcr",
    "knomad",
    "treaties",
    "oecd",
    "template",
    # legal frameworks (issue 9)
    "globalcit",
    "visa",
    "labour_agreements",
    "unga_votes",
    "readmission",
)


@cache
def load_readers() -> dict[str, Reader]:
    """Every registered reader by its format name (importing the reader modules once)."""
    for name in READER_MODULES:
        module = f"migprofile.importers.{name}"
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
    return dict(READERS)


def reader_names() -> list[str]:
    return sorted(load_readers())
