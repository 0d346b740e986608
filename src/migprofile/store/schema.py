"""The database schema (SQLAlchemy Core). Alembic migrations in ``migrations/`` create it."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    type_coerce,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

sources = Table(
    "sources",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("publisher", Text, nullable=False),
    Column("title", JSON, nullable=False),  # LocalizedText
    Column("edition", String(80)),
    Column("url", Text),
    Column("accessed", Date),
    Column("sha256", String(64)),
    Column("licence", Text),
    Column("citation", JSON, nullable=False),
    Column("note", JSON, nullable=False),
    Column("origin", String(120)),  # the package or import that brought it
    Column("growth_convention", String(20)),  # the publisher's own growth formula, if any
)

areas = Table(
    "areas",
    metadata,
    Column("code", String(40), primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("iso2", String(2)),
    Column("m49", Integer),
    Column("region", String(40)),
    Column("subregion", String(40)),
    Column("names", JSON, nullable=False),
    Column("origin", String(120)),
)

grouping_members = Table(
    "grouping_members",
    metadata,
    Column("grouping", String(40), ForeignKey("areas.code", ondelete="CASCADE"), primary_key=True),
    Column("member", String(40), primary_key=True),
    Column("source_id", String(80)),
)

indicators = Table(
    "indicators",
    metadata,
    Column("code", String(80), primary_key=True),
    Column("names", JSON, nullable=False),
    Column("unit", String(40), nullable=False),
    Column("basis", String(40), nullable=False),
    Column("direction", String(20)),
    Column("definition", JSON, nullable=False),
    Column("digits", Integer),  # display decimals; NULL: the unit's rule
)

observations = Table(
    "observations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("indicator", String(80), ForeignKey("indicators.code"), nullable=False),
    Column("country", String(40), nullable=False),
    Column("partner", String(40), nullable=False),
    Column("period", String(21), nullable=False),
    Column("year", Integer, nullable=False),
    Column("sex", String(10), nullable=False, default="total"),
    Column("breakdown", String(200), nullable=False, default=""),
    Column("value", Float),
    Column("status", String(20), nullable=False),
    Column("source_id", String(80), ForeignKey("sources.id"), nullable=False),
    Column("note", JSON, nullable=False),
    Column("origin", String(120), nullable=False),  # the package or import batch that wrote it
    UniqueConstraint(
        "indicator", "country", "partner", "period", "sex", "breakdown", "source_id",
        name="uq_observation_key",
    ),
    Index("ix_obs_country_indicator", "country", "indicator", "year"),
    Index("ix_obs_partner_indicator", "partner", "indicator", "year"),
    Index("ix_obs_origin", "origin"),
)
# what every query of whole observations selects: the note as its stored JSON text, which
# ``convert.observations_from`` decodes once per distinct note, not once per row
# (PostgreSQL's driver hands JSON over decoded whatever the type says; the converter takes
# both)
observation_columns = (*(c for c in observations.c if c.name != "note"),
                       type_coerce(observations.c.note, String).label("note"))

treaties = Table(
    # conventions, protocols and resolutions as shared reference data (``mappings/treaties.yaml``)
    "treaties",
    metadata,
    Column("key", String(80), primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("framework", String(20), nullable=False),
    Column("row", String(40), nullable=False),
    Column("untc", String(40)),
    Column("symbol", String(40)),
    Column("adopted", Date),
    Column("title", JSON, nullable=False),
    Column("short_name", JSON, nullable=False),
    Column("grammar", JSON, nullable=False),
    Column("ord", Integer, nullable=False),
)

legal_instruments = Table(
    "legal_instruments",
    metadata,
    # ids are a package's or a reader's own: unique per country, so two packages may both
    # cite "un-cmw-1990" (each links to the shared ``treaties`` entry through ``treaty``)
    Column("id", String(120), primary_key=True),
    Column("country", String(40), primary_key=True, index=True),
    Column("kind", String(40), nullable=False),
    Column("title", JSON, nullable=False),
    Column("short_name", JSON, nullable=False),
    Column("number", String(40)),
    Column("adopted", Date),
    Column("signed", Date),
    Column("ratified", Date),
    Column("in_force", Date),
    Column("years", JSON, nullable=False),
    Column("parties", JSON, nullable=False),
    Column("status", String(20), nullable=False),
    Column("source_id", String(80), ForeignKey("sources.id"), nullable=False),
    Column("notes", JSON, nullable=False),
    Column("as_of", Date),
    Column("origin", String(120), nullable=False),
    Column("treaty", String(80), index=True),
    Column("topics", JSON),
    Column("url", Text),
)

framework_cells = Table(
    "framework_cells",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("country", String(40), nullable=False),
    Column("framework", String(20), nullable=False),
    Column("row", String(40), nullable=False),
    Column("direction", String(20), nullable=False),
    Column("ord", Integer, nullable=False),
    Column("text", JSON, nullable=False),
    Column("footnotes", JSON, nullable=False),
    Column("instruments", JSON, nullable=False),
    Column("source_id", String(80)),
    Column("origin", String(120), nullable=False),
    UniqueConstraint("country", "framework", "row", "direction", "ord", name="uq_cell_key"),
)

footnotes = Table(
    "footnotes",
    metadata,
    Column("country", String(40), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("text", JSON, nullable=False),
    Column("origin", String(120), nullable=False),
)

narratives = Table(
    "narratives",
    metadata,
    Column("country", String(40), primary_key=True),
    Column("section", String(60), primary_key=True),
    Column("key", String(60), primary_key=True),
    Column("ord", Integer, nullable=False),
    Column("text", JSON, nullable=False),
    Column("source_ids", JSON, nullable=False),
    Column("origin", String(120), nullable=False),
)

table_layouts = Table(
    "table_layouts",
    metadata,
    Column("country", String(40), primary_key=True),
    Column("table_id", String(80), primary_key=True),
    Column("spec", JSON, nullable=False),
    Column("origin", String(120), nullable=False),
)

packages = Table(
    "packages",
    metadata,
    Column("country", String(40), primary_key=True),
    Column("title", JSON, nullable=False),
    Column("edition", Date, nullable=False),
    Column("authors", JSON, nullable=False),
    Column("publisher", JSON, nullable=False),
    Column("credits", JSON, nullable=False),
    Column("languages", JSON, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("path", Text, nullable=False),
    Column("loaded_at", DateTime(timezone=True), nullable=False),
)

data_version = Table(
    "data_version",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("version", Integer, nullable=False),  # bumped by every write: caches key on it
    Column("changed_at", DateTime(timezone=True), nullable=False),
)

imports = Table(
    "imports",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_id", String(80), nullable=False, index=True),
    Column("format", String(40), nullable=False),
    Column("filename", Text, nullable=False),
    Column("sha256", String(64), nullable=False, index=True),  # of the file read
    Column("edition", String(80)),
    Column("rows", Integer, nullable=False),  # observations + instruments written
    Column("imported_at", DateTime(timezone=True), nullable=False),
    Column("options", JSON, nullable=False),
)

# the state of set-up steps that span many transactions (``init``): a read command refuses a
# database whose ``init`` was interrupted (see store/state.py)
store_state = Table(
    "store_state",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("value", String(40), nullable=False),
    Column("changed_at", DateTime(timezone=True), nullable=False),
)
