"""A package's 2009 edition and the profile's newer international figures are both dated on
the cover (a cover saying only "Novembre 2009" above 2024 figures fails)."""

from __future__ import annotations

from migprofile.build import build_profile
from migprofile.store import Store


def test_package_cover_names_the_year_the_international_data_reach(ma_store: Store) -> None:
    profile = build_profile(ma_store, "MAR", "fr")
    newest = max(int(v.period[:4]) for s in profile.sections for b in s.blocks
                 for v in getattr(b, "figures", ()) if v.period and v.source_id
                 and not v.source_id.startswith("ma-"))
    assert profile.cover.date_text.startswith("Novembre 2009")
    year = int(profile.cover.date_text.rsplit(" ", 1)[-1])
    assert year >= newest >= 2024
    assert "données internationales jusqu'en" in profile.cover.date_text


def test_a_profile_without_package_has_one_date(ma_store: Store) -> None:
    text = build_profile(ma_store, "SEN", "ar").cover.date_text
    assert "؛" not in text and ";" not in text
