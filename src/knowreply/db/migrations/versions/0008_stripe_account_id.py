"""The Stripe account a connected key reaches, so rate limits are counted per account.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("integration_connections") as batch:
        batch.add_column(sa.Column("account_id", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("integration_connections") as batch:
        batch.drop_column("account_id")
