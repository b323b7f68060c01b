"""The rules kept beside the intent model, where rules are right: safety and entities.

Auto-replies are never billing questions whatever their words; a one-time code is told by its
keyword; which charge a refund is about (a duplicate, the last one) and whether an amount is
one to give back (`refund $10`) are read from the phrases around the entities.
The intents themselves come from `intent_model`, learnt from the corpus.
"""

from __future__ import annotations

import re

OUT_OF_OFFICE = re.compile(
    r"out of (the )?office|on (annual |parental |sick )?(leave|vacation|holiday)|"
    r"automatic reply|auto[- ]?reply|autoreply|limited access to (my )?e-?mail|"
    r"away from (the office|my desk) until|不在|自動返信|休暇中|出張中",
    re.IGNORECASE,
)
DUPLICATE = re.compile(
    r"\btwice\b|\bdouble|\bduplicat|\btwo times\b|\b2 times\b|\bcharged again\b|\bsame charge\b|"
    r"二重|(2|二)(回|度)|重複",
    re.IGNORECASE,
)
LAST_CHARGE = re.compile(
    r"\b(last|latest|most recent|recent|previous|this|that|today's|yesterday's) (month'?s? )?"
    r"(charge|payment|transaction|invoice|bill|renewal|subscription payment)|"
    r"(前回|最新|直近|先日|この前|今回|最後)の(請求|支払い|お支払い|決済|引き落とし|課金|更新)",
    re.IGNORECASE,
)
_CURRENCY_AFTER = (
    r"^\s*(?:円|ドル|ユーロ|ポンド|usd|eur|gbp|jpy|cad|aud|"
    r"dollars?|euros?|pounds?|yen|bucks|[€$£¥])?"
)
ENTITY_NOUN_AFTER = re.compile(
    _CURRENCY_AFTER + r"\s*(charge|payment|invoice|subscription|transaction|fee|"
    r"purchase|order|bill|renewal|debit)|"
    + _CURRENCY_AFTER
    + r"\s*(の)?(請求|支払い|お支払い|決済|引き落とし|料金|課金|購入|注文)",
    re.IGNORECASE,
)
REFUND_BEFORE_AMOUNT = re.compile(
    r"\brefund(ed)?( me| us)?( back)?( (only|just|the amount of|an amount of|the|about))?"
    r"\s*([a-z]{3}\s?|[^\w\s]{1,3})?$",
    re.IGNORECASE,
)
REFUND_AFTER_AMOUNT = re.compile(
    _CURRENCY_AFTER
    + r"\s*(だけ|のみ|ほど|分)?(を|だけ)?(返金|払い戻|返して)|^\s*(back|refunded)\b",
    re.I,
)
