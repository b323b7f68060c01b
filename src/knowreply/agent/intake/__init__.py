"""Brain-neutral reading of an email before any brain sees it: its language (`language`),
what the customer explicitly asks to be written (`requests`), in their own new words
(`words`), one-time codes (`codes`) and injection attempts (`injection`)."""

from knowreply.agent.intake.requests import Requests, WriteKind, read_requests
from knowreply.agent.intake.words import customer_words

__all__ = ["Requests", "WriteKind", "customer_words", "read_requests"]
