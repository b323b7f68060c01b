"""Replies by hand after a failed or unconfirmed reply, and worker heartbeats.

The outbox's one-row-per-inbound-email key becomes a partial unique index over live rows
(queued, sending, sent), plus the author of a reply written by hand; `worker_heartbeats`
lets a live worker recover the workflows of a dead one.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

LIVE = "status IN ('queued', 'sending', 'sent')"


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_constraint("uq_outbox_inbound_message_id", type_="unique")
        batch_op.add_column(sa.Column("author", sa.String(length=320), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_outbox_inbound_message_id"), ["inbound_message_id"], unique=False
        )
    op.create_index(
        "uq_outbox_live_reply",
        "outbox",
        ["inbound_message_id"],
        unique=True,
        sqlite_where=sa.text(LIVE),
        postgresql_where=sa.text(LIVE),
    )
    op.create_table(
        "worker_heartbeats",
        sa.Column("executor_id", sa.String(length=128), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("executor_id", name=op.f("pk_worker_heartbeats")),
    )


def downgrade() -> None:
    op.drop_table("worker_heartbeats")
    op.drop_index("uq_outbox_live_reply", table_name="outbox")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_inbound_message_id"))
        batch_op.drop_column("author")
        batch_op.create_unique_constraint("uq_outbox_inbound_message_id", ["inbound_message_id"])
