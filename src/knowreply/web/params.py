"""Path parameters shared by the routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

RowId = Annotated[int, Path(ge=1, le=2**63 - 1, description="A database id.")]
"""A row id: out-of-range numbers are a 422, never an overflow in the database driver."""
