"""Golden JSON of the assembled French profiles of Morocco (package + international data) and
of Senegal (automatic): any change of a figure, a sentence, a table row or its order, a
source or the cover shows up as a diff. ``MIGPROFILE_UPDATE_GOLDEN=1`` rewrites them."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from migprofile.build import build_profile
from migprofile.render.json import render_json
from migprofile.store import Store

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
UPDATE = os.environ.get("MIGPROFILE_UPDATE_GOLDEN") == "1"


def _stable(text: str) -> str:
    """The JSON without what changes from one database or day to another: the data version,
    and the edition date of an automatic profile (its sources state no access date, so it
    is the build's date)."""
    data = json.loads(text)
    data.pop("data_version", None)
    data.pop("edition", None)
    data["cover"].pop("date_text", None)
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


@pytest.mark.parametrize("country", ["MAR", "SEN"])
def test_assembled_profile_matches_golden_json(ma_store: Store, country: str) -> None:
    text = _stable(render_json(build_profile(ma_store, country, "fr")))
    path = GOLDEN / f"profile.{country}.fr.json"
    if UPDATE or not path.exists():
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{path} did not exist; written — check it and commit it")
    assert text == path.read_text(encoding="utf-8"), \
        f"{path.name} differs (MIGPROFILE_UPDATE_GOLDEN=1 to accept the new output)"
