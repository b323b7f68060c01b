"""The offline rules brain: understands a billing email and writes the reply, in EN and JA.

`understand` reads the customer's text; the functions of `replies` write one paragraph per
outcome from the Stripe result views, and `replies.compose` wraps them in the business's voice.
"""

from knowreply.agent.brains.rules import replies
from knowreply.agent.brains.rules.persona import Audience, Persona, Tone
from knowreply.agent.brains.rules.replies import RefundRefusal
from knowreply.agent.brains.rules.understand import understand
from knowreply.agent.brains.rules.understanding import (
    Intent,
    Language,
    MonthRef,
    RefundTarget,
    Understanding,
)

__all__ = [
    "Audience",
    "Intent",
    "Language",
    "MonthRef",
    "Persona",
    "RefundRefusal",
    "RefundTarget",
    "Tone",
    "Understanding",
    "replies",
    "understand",
]
