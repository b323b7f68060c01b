"""The rules kept beside the intent model, where rules are right: safety and entities.

A one-time code is told by its keyword; which charge a refund is about (a duplicate, the last
one) and whether an amount is one to give back (`refund $10`) are read from the phrases around
the entities (an auto-reply is told by `mail.absence`).
The intents themselves come from `intent_model`, learnt from the corpus.
"""

from __future__ import annotations

import re

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
_CODE_BEFORE = r"((usd|eur|gbp|jpy|cad|aud|chf|mxn|inr)\s?|[^\w\s]{1,3})?"
"""A currency written before the amount (`USD 20`, `$`): a code, not any three letters
("des", "les", "the")."""
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
ONLY_BEFORE_AMOUNT = re.compile(
    r"\b(only|just|solo|s[óo]lo|solamente|[úu]nicamente|seulement|uniquement|nur|lediglich)"
    r"( (the|that|those|these|los|las|esos|esas|el|la|les|ces|le|die|den|diese|diesen))?\s*"
    + _CODE_BEFORE
    + "$",
    re.IGNORECASE,
)  # "refund only the $8", "solo 12,50 €", "nur die 5 €": a part, not the whole charge
BARE_AMOUNT_BACK_BEFORE = re.compile(
    r"\b((send|give)( me| us)? back|return( to me| to us)?|a refund of|reimburse( me| us)?|"
    r"reembols\w*|devu[eé]lv\w*|devoluci[oó]n|reintegr\w*|rembours\w*|rend(s|ez|re)|"
    r"restitution|erstatt\w*|zur[üu]ck(zahlen|buchen|erstatten|geben))"
    r"(-?(me|nos|moi|nous|m'en))?( sie)?( mir| uns)?( (de|von))?\s*" + _CODE_BEFORE + "$",
    re.IGNORECASE,
)  # "send back 200", "reembolsen 30 €", "Erstattung von 15 €": an amount with no article is a
# sum asked for; "send back the $49", "remboursez ces 49 €" name the charge itself
AMOUNT_OUT_OF_A_CHARGE = re.compile(
    _CURRENCY_AFTER
    + r"\s*(back )?(from|of|out of|del|de la|de mi|sur|von|aus) (the |my |this |el |la |mi |le |ma "
    r"|der |dem |meiner )?(last |latest |most recent |[úu]ltimo |derni[eè]re? |letzten )?"
    r"(charge|payment|bill|invoice|cargo|cobro|pago|factura|d[ée]bit|pr[ée]l[èe]vement|facture|"
    r"paiement|abbuchung|zahlung|rechnung)",
    re.IGNORECASE,
)  # "10 bucks from the last charge", "15 € del último cobro", "30 € der letzten Abbuchung"
ONLY_AFTER_AMOUNT = re.compile(_CURRENCY_AFTER + r"\s*分?(だけ|のみ)")  # `¥1,650だけ戻して`
PART_NAMED = re.compile(
    # what was charged too much: an overcharge, the difference, an excess
    r"\bover ?charg\w*|\btoo much\b|\bdiff\b|\bexcess\b|\bsurcharge\b|"
    r"\b(the|those|these) \d+ extra\b|\bextra [$€£]?\s?\d|"
    r"\bde m[aá]s\b|\bdiferencia\b|\bsobran\b|"
    r"\bde trop\b|\ben trop\b|\b[ée]cart\b|\btrop[- ]per[çc]u|\bsurfactur\w*|"
    r"\bzu viel\b|\bdifferenz\b|\b[üu]berz[äa]hlig\w*|\bunterschied\b|"
    r"差額|余分|余計|多く(請求|引|払|取)|"
    # what is left of the period paid for
    r"\brest of (the|my|this|our)\b|\bwhat'?s left\b|\bremaining\b|\blo que queda\b|"
    r"\brestant\w*|\brestlich\w*|残り|"
    # a count out of a bigger one: "2 of the 3 months", "20 de los 60 euros"
    r"\b\d+ (of|de|sur|von) (the|my|our|los|las|les|mes|nos|den|meinen|unseren) \d+|"
    r"\bthe other \d+ (days?|weeks?|months?|seats?|users?|licen[cs]es?)\b|"
    # a share in Japanese: "その分だけ", "1万円のうち", "3名分"
    r"分だけ|のうち|\d+\s*(日|名|席|人|ユーザー|ライセンス|か月|ヶ月|カ月|ヵ月|週間)分",
    re.IGNORECASE,
)
"""A part of a payment named without an amount tied to the refund: an overcharge or a
difference, the rest of the period, a count out of a bigger one. Read only once the email is
read as a refund, so it turns a refund partial and never asks for a write."""
REFUND_AFTER_AMOUNT = re.compile(
    _CURRENCY_AFTER + r"\s*(だけ|のみ|ほど|分)(を|だけ)?(返金|払い戻|返して)|^\s*(back|refunded)\b",
    re.I,
)
