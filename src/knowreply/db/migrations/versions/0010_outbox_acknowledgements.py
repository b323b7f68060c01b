"""The customer's acknowledgement while an action waits for a member.

An outbox row gets a `kind` (`reply`, or `acknowledgement`: the short note sent while a
refund or cancellation waits), and the live-row key becomes one live row per inbound email
*and kind*, so a sent acknowledgement never blocks the reply that follows the decision.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

LIVE = "status IN ('queued', 'sending', 'sent')"


def _live_index(columns: list[str]) -> None:
    op.create_index(
        "uq_outbox_live_reply",
        "outbox",
        columns,
        unique=True,
        sqlite_where=sa.text(LIVE),
        postgresql_where=sa.text(LIVE),
    )


def upgrade() -> None:
    op.drop_index("uq_outbox_live_reply", table_name="outbox")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=16), nullable=False, server_default="reply")
        )
    _live_index(["inbound_message_id", "kind"])


def downgrade() -> None:
    op.drop_index("uq_outbox_live_reply", table_name="outbox")
    op.execute("DELETE FROM outbox WHERE kind = 'acknowledgement'")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("kind")
    _live_index(["inbound_message_id"])
