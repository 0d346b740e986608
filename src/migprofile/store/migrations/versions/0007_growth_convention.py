"""sources.growth_convention: the formula a publisher computes its own growth rates with, so
that profiles can follow each source's convention (UN DESA: exponential)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 06:50:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.add_column(sa.Column("growth_convention", sa.String(20)))
    # sources imported before this revision: UN DESA's records are the ones with a convention
    # (``importers/sources/undesa.yaml``); an import of the same file is skipped by its sha256,
    # so the value is set here rather than on the next import
    op.execute("UPDATE sources SET growth_convention = 'exponential' WHERE id LIKE 'undesa-%'")


def downgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("growth_convention")
