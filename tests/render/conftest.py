"""Fixtures of the renderer tests: the hand-built profile of ``profile_fixture`` in fr/en/ar."""

from __future__ import annotations

import pytest
from profile_fixture import LANGS, build_profile

from migprofile.profiles.tree import Profile


@pytest.fixture(scope="session")
def profiles() -> dict[str, Profile]:
    return {lang: build_profile(lang) for lang in LANGS}


@pytest.fixture(scope="session", params=LANGS)
def profile(request: pytest.FixtureRequest, profiles: dict[str, Profile]) -> Profile:
    result: Profile = profiles[request.param]
    return result
