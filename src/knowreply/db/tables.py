"""SQLAlchemy Core views of the few columns a short command reads or writes before it needs
the ORM: the master-key canary, and what `knowreply ingest` stores and screens.

Declaring and configuring the ORM models (`db.models`) costs more CPU than the rest of such a
command (about half of `ingest`'s start), so these lightweight `table()` clauses name the same
columns without them. `db.models` stays the schema: `tests/foundation/test_core_tables.py`
holds every column here equal in name and type to the model's.
"""

from __future__ import annotations

from sqlalchemy import JSON, Integer, LargeBinary, String, Text, column, table

from knowreply.db.types import UTCDateTime

meta = table("meta", column("key", String), column("value", Text))
workspaces = table(
    "workspaces", column("id", Integer), column("name", String), column("settings", JSON)
)
messages = table(
    "messages",
    column("id", Integer),
    column("workspace_id", Integer),
    column("direction", String),
    column("rfc_message_id", String),
    column("in_reply_to", Text),
    column("references", Text),
    column("from_address", String),
    column("to_addresses", Text),
    column("subject", Text),
    column("raw", LargeBinary),
    column("size", Integer),
    column("received_via", String),
    column("status", String),
    column("status_reason", Text),
    column("status_detail", Text),
    column("handled_at", UTCDateTime),
    column("retries", Integer),
    column("created_at", UTCDateTime),
    column("updated_at", UTCDateTime),
)
inbound_addresses = table(
    "inbound_addresses", column("workspace_id", Integer), column("address", String)
)
mailboxes = table("mailboxes", column("workspace_id", Integer), column("username", String))
smtp_accounts = table(
    "smtp_accounts", column("workspace_id", Integer), column("from_address", String)
)
