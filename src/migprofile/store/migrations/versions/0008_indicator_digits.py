"""indicators.digits: the decimals an indicator's values are printed with (display metadata
of ``indicators.yaml``); NULL keeps the unit's rule

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 07:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # the reference list is written again by the next `init` (or `load` of the reference);
    # until then NULL prints values with their unit's rule, as before this revision
    with op.batch_alter_table("indicators") as batch:
        batch.add_column(sa.Column("digits", sa.Integer))


def downgrade() -> None:
    with op.batch_alter_table("indicators") as batch:
        batch.drop_column("digits")
