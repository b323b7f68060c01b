"""Money amounts in a customer's text, for the rules brain: the brain-neutral reader in
`knowreply.money_text` (`$12.50`, `1,20 €`, `1.200,50 €`, `¥1,200`, `1200円`…)."""

from __future__ import annotations

from knowreply.money_text import FoundAmount, find_amounts, refused_amounts

__all__ = ["FoundAmount", "find_amounts", "refused_amounts"]
