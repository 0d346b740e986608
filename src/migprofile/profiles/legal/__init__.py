"""The generated part of the legal and socio-political frameworks, for every country.

    legal_parts(data, lang) -> Generated   # ItemGroups by (framework, row), two directions

Each group is a labelled, dated sub-block of structured items (``tree.LegalItem``) worded by
migprofile from coded data: UN treaty status (``store.legal.treaty_status``), GLOBALCIT
citizenship law, Passport Index visa policy, bilateral labour agreements, GAPs readmission
agreements, UN General Assembly votes. ``profiles.frameworks.framework_table`` places them
below a package's curated cells of the same row. The one entry point for the assembly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from migprofile.profiles.legal.agreements import add_cooperation, add_labour, add_readmission
from migprofile.profiles.legal.citizenship import add_citizenship
from migprofile.profiles.legal.common import Generated
from migprofile.profiles.legal.data import LegalData, load_legal_data
from migprofile.profiles.legal.treaties import add_missing_treaties, add_treaties
from migprofile.profiles.legal.visa import add_visa

if TYPE_CHECKING:  # profiles.data imports profiles.legal.data
    from migprofile.profiles.data import CountryData

__all__ = ["Generated", "LegalData", "legal_parts", "load_legal_data"]


def legal_parts(data: CountryData, lang: str) -> Generated:
    """Every generated group of one country's profile in ``lang``."""
    legal = data.legal or LegalData()
    names = {code: area.names.text(lang) for code, area in data.areas.items()}
    out = Generated()
    add_treaties(out, legal, lang, data.sources)
    add_missing_treaties(out, legal, lang, data.sources)
    add_visa(out, data.country, data.observations, legal, lang, names, data.sources)
    add_citizenship(out, data.observations, legal, lang, data.sources)
    add_labour(out, data.instruments, data.observations, lang, names, data.sources)
    add_readmission(out, data.instruments, data.observations, lang, names, data.sources)
    add_cooperation(out, legal, data.instruments, lang, data.sources)
    return out
