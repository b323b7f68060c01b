"""The one way a run ends early: a person must answer this email."""

from __future__ import annotations


class HandOff(Exception):
    """Stop the run: a person must answer this email (the reason is shown in the inbox).

    Raised by `escalate`, by a tool error, by a budget, or by a write that cannot go on; no
    tool runs after it."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
