"""Did the customer explicitly ask for a write? Brain-neutral, for every brain's tool calls.

A write runs without a member only when the customer's own new words (see `words`) ask for
it in a sentence that is a request ("please refund…", "cancel my plan", "can you send me a
payment link") and that is not negated ("I do NOT want that"), hypothetical or conditional
("is it possible to cancel later?", "…unless you reply"), reported ("my friend said you
cancel…", "an email saying you refunded me") or about something already done ("you refunded
me", "did you cancel…"). Money-moving writes (refunds, cancellations) need a request word;
links need only to be asked about ("how do I update my card?").

A refund also says how much: the amounts the customer wrote, whether they want only part of
a payment back, and an exact fraction ("half") when they named one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from knowreply.agent.brains.rules._amounts import find_amounts
from knowreply.agent.intake.words import customer_words
from knowreply.money import Money

WriteKind = Literal["refund", "cancellation", "payment_link", "portal_link"]
MONEY_KINDS: frozenset[WriteKind] = frozenset({"refund", "cancellation"})

_I = re.IGNORECASE
_SUB = r"(subscriptions?|plans?|membership|account|trial|renewal|auto-?renew\w*|service|sub)"

MENTIONS: dict[WriteKind, re.Pattern[str]] = {
    "refund": re.compile(
        r"\brefund\w*|\b(money|payment) back\b|\breimburse\w*|\bcharge ?back\b|"
        r"\breverse (the|this|that|my) (charge|payment)|返金|払い戻|払戻|返して",
        _I,
    ),
    "cancellation": re.compile(
        r"\bcancel\w*|\bunsubscribe\b|\b(stop|end|terminate|discontinue|close|quit) "
        r"(my |our |the |this )?(paid )?" + _SUB + r"|\b(do not|don't|not to) (auto-?)?renew|"
        r"\bdon't want (it|this|my \w+|the \w+) to renew|\b(turn off|disable) (the )?auto-?renew|"
        r"解約|退会|キャンセル|(自動)?更新(を|は)?(停止|止め|しない|やめ|オフ)|"
        r"(サブスク\w*|契約|プラン|定期購入)(を|は)?(止め|停止|終了|やめ)",
        _I,
    ),
    "payment_link": re.compile(
        r"\b(payment|checkout|pay) link|\blink (to|for|so i can|where i can) (pay|settle)|"
        r"\b(how|where) (can|do|should) (i|we) pay\b|\b(want|like|need|trying) to pay\b|"
        r"\bpay (the |my |our |this |that )?(open |outstanding |overdue )?(invoice|bill|balance)|"
        r"(支払い|お支払い|決済|支払)(用)?(の)?(リンク|URL|ページ)|(支払|払)いたい",
        _I,
    ),
    "portal_link": re.compile(
        r"\b(update|change|replace|switch|edit|add|remove|correct|fix)( my| our| the)?( new)? "
        r"(credit card|debit card|card|payment method|payment details|payment info\w*|billing "
        r"(details|info\w*|address|email|contact)|tax id|vat)|\b(billing|customer) portal\b|"
        r"\b(new|different|another) (credit |debit )?card\b|"
        r"\b(my|our) (card|credit card) (has )?(expired|expires|is expiring|will expire)|"
        r"\bmanage (my |our |the )?(billing|payment|subscription|card)|"
        r"\bdownload (all )?(my |our |the )?(past |previous |old )?(receipts|invoices)|"
        r"(カード|クレジットカード|支払い方法|お支払い方法|決済方法|請求先)(情報)?(を|の|が)?"
        r"(変更|更新|変えたい|差し替え|修正)|ポータル|(カード|クレジットカード)(の)?有効期限",
        _I,
    ),
}

_SENTENCE = re.compile(r"(?<=[.!?])\s+|[。！？!?\n]+")
_CLAUSE_BREAK = re.compile(r"[,;:、]|\bbut\b|\bhowever\b", _I)
_NEGATION_BEFORE = re.compile(
    r"\b(don't|do not|dont|doesn't|does not|didn't|did not|not|never|no|no need to|won't|"
    r"will not|wouldn't|would not|shouldn't|without|nor|neither|no longer)\b",
    _I,
)
_NEGATION_AFTER = re.compile(
    r"^[^、。,.!?\n]{0,14}?(しないで|しません|しない|ではなく|じゃなく|ではありません|つもりはな|"
    r"したくな|不要|いりません|いらない|結構です|希望しません|必要ありません|必要はありません|"
    r"せず|わけではな|しなくて|されました|しました|済み|された)"
)
_HYPOTHETICAL = re.compile(
    r"\b(if|unless|whether|in case|suppose|supposing|what if|hypothetically|otherwise)\b|"
    r"もし|場合|なら[、,]|としたら|たら[、,]",
    _I,
)
_UNCERTAIN = re.compile(
    r"\b(is it possible|would it be possible|possible to|are you able to|able to|"
    r"do you (ever )?(offer|do|give|allow|provide|issue|accept)|how (do|can|would|should|does|"
    r"long|much|many)|what (happens|would happen)|later|maybe|might|perhaps|thinking (about|of)|"
    r"considering|consider|wondering|policy|can (i|we) (cancel|unsubscribe|end|stop)|"
    r"when (can|could|do|will)|any way to|is there a way)\b|"
    r"可能|できますか|できるでしょうか|できるか|方法|どうすれば|どうやって|いつ",
    _I,
)
_REPORTED = re.compile(
    r"\b(said|says|saying|told|tells|claim\w*|according to|heard|supposedly|apparently|"
    r"stated|stating|warn\w*|threaten\w*|we will|we'll|you will|you'll|they will|they'll|"
    r"did (you|i|we|they|it)|have you|has (it|this|the|my)|already|got an? (e-?mail|message|"
    r"text|letter|notice)|received an? (e-?mail|message|text|letter|notice))\b|"
    r"(と|って)(言われ|聞い|書い|連絡|メール|通知)|すでに|既に|済み|されました|しました",
    _I,
)
_DONE = re.compile(
    r"^(refunded|reimbursed|cancell?ed|unsubscribed|reversed|paid)\b", _I
)  # a past participle at the mention: "you refunded me", "was cancelled"
_WILL_BE_DONE = re.compile(
    r"\b(be|get (it|this|that|me|my \w+)|have (it|this|that|my \w+))\s*$", _I
)
_STOPPING_A_REFUND = re.compile(
    r"\b(cancel\w*|withdraw\w*|retract\w*|drop|forget|ignore|scrap|disregard)\s+"
    r"(my |the |this |that |our |a )?(previous |earlier |last )?$",
    _I,
)
_CANCEL_OTHER_THING = re.compile(
    r"^\w*\s+(my |the |this |that |our |a |an )?(previous |last |earlier )?"
    r"(refund|request|order|payment|charge|invoice|transaction|meeting|call|appointment|"
    r"e-?mail|booking|dispute|chargeback)",
    _I,
)
_REQUEST = re.compile(
    r"\b(please|pls|plz|kindly)\b|"
    r"^\W*(refund|cancel|stop|end|terminate|unsubscribe|reverse|give|send|issue|process|"
    r"return|turn off|disable)\b|"
    r"\bi('d| would| will)? (really )?(like|want|wish|need|request|require|demand|expect)\b|"
    r"\bi('m| am) (requesting|asking for|asking you)\b|\b(can|could|would|will) you\b|"
    r"\b(can|could|may) (i|we) (please )?(get|have|receive|request|ask for)\b|"
    r"\bi('d| would) appreciate\b|\bi want my money back\b|"
    r"ください|下さい|お願い|ほしい|欲しい|たい(です)?|希望します|いただけ|頂け|もらえ",
    _I,
)
_PARTIAL = re.compile(
    r"\bpartial\w*|\bpart of\b|\bhalf\b|\bportion\b|\bsome of\b|\bunused\b|\bprorat\w*|"
    r"\bpro-rat\w*|\bthe difference\b|\bremaining (days|time|period|months?)\b|"
    r"一部|半額|半分|差額|日割り|未使用|残り(の)?(期間|日数|日)",
    _I,
)
_FRACTIONS: tuple[tuple[re.Pattern[str], Fraction], ...] = (
    (re.compile(r"\bhalf\b|半額|半分", _I), Fraction(1, 2)),
    (re.compile(r"\b(a|one) third\b", _I), Fraction(1, 3)),
    (re.compile(r"\b(a|one) quarter\b", _I), Fraction(1, 4)),
)
_PERCENT = re.compile(r"(?<![\d.,])(\d{1,2})\s?(%|percent\b|パーセント)", _I)


@dataclass(frozen=True)
class Requests:
    """What the customer's own words explicitly ask for."""

    kinds: frozenset[WriteKind]
    amounts: tuple[Money, ...] = ()
    """Amounts the customer wrote (above zero)."""
    partial: bool = False
    """They want only part of a payment back."""
    fraction: Fraction | None = None
    """The part, when named as a fraction or percentage ("half", "25%")."""

    def asks_for(self, kind: WriteKind) -> bool:
        return kind in self.kinds


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


def _clause_before(sentence: str, start: int) -> str:
    before = sentence[:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    return before[breaks[-1].end() :] if breaks else before


def _mention_counts(kind: WriteKind, sentence: str, match: re.Match[str]) -> bool:
    clause = _clause_before(sentence, match.start())
    after = sentence[match.end() :]
    if _NEGATION_BEFORE.search(clause) and not match.group().lower().startswith(
        ("don't", "do not")
    ):
        return False
    if _NEGATION_AFTER.match(after):
        return False
    if _DONE.match(sentence[match.start() :]) and not _WILL_BE_DONE.search(clause):
        return False
    if kind == "refund" and _STOPPING_A_REFUND.search(sentence[: match.start()]):
        return False
    return not (kind == "cancellation" and _CANCEL_OTHER_THING.match(sentence[match.start() :]))


def _asks(kind: WriteKind, sentence: str, *, terse: bool = False) -> bool:
    """Whether one sentence asks for `kind`; a `terse` one (a subject line such as "Refund"
    or "Cancel my plan") needs no request word, but must not be a question."""
    if _HYPOTHETICAL.search(sentence) or _REPORTED.search(sentence):
        return False
    if terse and "?" in sentence:
        return False
    uncertain = _UNCERTAIN.search(sentence)
    if kind in MONEY_KINDS and (uncertain or not (terse or _REQUEST.search(sentence))):
        return False
    return any(_mention_counts(kind, sentence, m) for m in MENTIONS[kind].finditer(sentence))


def _fraction(text: str) -> Fraction | None:
    for pattern, fraction in _FRACTIONS:
        if pattern.search(text):
            return fraction
    percent = _PERCENT.search(text)
    if percent and 0 < int(percent.group(1)) < 100:
        return Fraction(int(percent.group(1)), 100)
    return None


_REPLY_SUBJECT = re.compile(r"^\s*(re|fwd?|aw|wg|sv|vs|返信|転送)\s*[:：]", _I)


def read_requests(text: str, *, subject: str = "", default_currency: str = "usd") -> Requests:
    """The writes the customer's own words explicitly ask for, and how much for a refund.

    The subject counts as the customer's words unless it is a reply's or a forward's (then
    it is the thread's, often our own)."""
    words = customer_words(text)
    sentences = _sentences(words)
    own_subject = "" if _REPLY_SUBJECT.match(subject) else customer_words(subject).strip()
    kinds = frozenset(
        kind
        for kind in MENTIONS
        if any(_asks(kind, sentence) for sentence in sentences)
        or (own_subject and _asks(kind, own_subject, terse=True))
    )
    amounts = tuple(
        dict.fromkeys(
            found.money
            for found in find_amounts(words, default_currency=default_currency.lower())
            if found.money.amount_minor > 0
        )
    )
    fraction = _fraction(words)
    partial = bool(_PARTIAL.search(words)) or fraction is not None
    return Requests(kinds=kinds, amounts=amounts, partial=partial, fraction=fraction)
