"""The database: schema, Alembic migrations, and the named queries of ``Store``."""

from migprofile.store.engine import current_revision, head_revision, make_engine, migrate
from migprofile.store.queries import ObservationFilter, Store

__all__ = ["ObservationFilter", "Store", "current_revision", "head_revision", "make_engine",
           "migrate"]
