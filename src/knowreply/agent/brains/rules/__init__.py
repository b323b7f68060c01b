"""The offline rules brain: understands a billing email and writes the reply, in EN and JA."""

from knowreply.agent.brains.rules.understand import understand
from knowreply.agent.brains.rules.understanding import (
    Intent,
    Language,
    MonthRef,
    RefundTarget,
    Understanding,
)

__all__ = ["Intent", "Language", "MonthRef", "RefundTarget", "Understanding", "understand"]
