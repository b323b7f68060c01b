"""Access control: server-side dashboard sessions, API tokens with an owner and a scope,
and the sealed copy of a redacted outbound email.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "web_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_hash", sa.String(length=128), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_web_sessions_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_sessions")),
        sa.UniqueConstraint("session_hash", name=op.f("uq_web_sessions_session_hash")),
    )
    op.create_index(op.f("ix_web_sessions_member_id"), "web_sessions", ["member_id"])
    with op.batch_alter_table("api_tokens") as batch:
        batch.add_column(sa.Column("member_id", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("scope", sa.String(length=16), server_default="full", nullable=False)
        )
        batch.add_column(sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_foreign_key(
            op.f("fk_api_tokens_member_id_members"),
            "members",
            ["member_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch.create_index(op.f("ix_api_tokens_member_id"), ["member_id"])
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("sealed_raw", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("sealed_raw")
    with op.batch_alter_table("api_tokens") as batch:
        batch.drop_index(op.f("ix_api_tokens_member_id"))
        batch.drop_constraint(op.f("fk_api_tokens_member_id_members"), type_="foreignkey")
        batch.drop_column("revoked_at")
        batch.drop_column("scope")
        batch.drop_column("member_id")
    op.drop_index(op.f("ix_web_sessions_member_id"), table_name="web_sessions")
    op.drop_table("web_sessions")
