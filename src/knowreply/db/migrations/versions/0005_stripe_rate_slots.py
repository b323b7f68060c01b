"""Stripe rate-limit slots shared by every process (per account, per endpoint).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stripe_rate_slots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account", sa.String(length=64), nullable=False),
        sa.Column("window", sa.String(length=160), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("free_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stripe_rate_slots")),
        sa.UniqueConstraint(
            "account", "window", "slot", name=op.f("uq_stripe_rate_slots_account_window_slot")
        ),
    )


def downgrade() -> None:
    op.drop_table("stripe_rate_slots")
