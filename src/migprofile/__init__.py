"""migprofile: a database of international-migration data and the country migration profiles
generated from it (CARIM style), in French, English and Arabic.

    sources → importers → store → indicators → profiles → render;  cli and web are thin shells.
"""

from migprofile.errors import MigprofileError

__version__ = "0.1.0"
__all__ = ["MigprofileError", "__version__"]
