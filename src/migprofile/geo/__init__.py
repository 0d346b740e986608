"""Areas: country codes, UN regions, groupings, and their names in French, English, Arabic.

    >>> from migprofile.geo import default_registry
    >>> areas = default_registry()
    >>> areas.resolve("Royaume-Uni"), areas.resolve("MA"), areas.resolve("Afrique du Nord")
    ('GBR', 'MAR', 'UN:015')
    >>> areas.name("COD", "fr")
    'République démocratique du Congo'

The reference files live in ``<data_dir>/reference/areas`` (see its ``SOURCE.md``).
"""

from migprofile.geo.index import NamePriority
from migprofile.geo.load import areas_dir, default_registry, load_registry
from migprofile.geo.normalise import match_key, normalise
from migprofile.geo.registry import AreaRegistry

__all__ = [
    "AreaRegistry",
    "NamePriority",
    "areas_dir",
    "default_registry",
    "load_registry",
    "match_key",
    "normalise",
]
