"""The phrase table the rules brain reads intents with (data, in English and Japanese).

A rule is a pattern, the intent it signals and a weight: 3 is a clear request, 1 a hint.
An intent's strength is the weight of its clearest phrase; it counts from `CONFIDENT`.
`negatable` rules are cancelled by a negation in the same clause
("don't cancel", "解約はしないで"); rules whose pattern already contains the
negation ("do not renew", "更新しない") or that describe a problem
("I don't recognise this charge") are not. Asking where a refund is reads as a negated
refund (it is not a request for another one) and as a payment status question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowreply.agent.brains.rules.understanding import Intent

CONFIDENT = 2


@dataclass(frozen=True)
class Rule:
    intent: Intent
    pattern: re.Pattern[str]
    weight: int = 3
    negatable: bool = True


def _rules(intent: Intent, *patterns: str, weight: int = 3, negatable: bool = True) -> list[Rule]:
    return [Rule(intent, re.compile(p, re.IGNORECASE), weight, negatable) for p in patterns]


_CARD = r"(credit |debit )?(card|payment (method|details|info(rmation)?))"
_SUB = r"(subscription|plan|membership|account|sub\b|license|licence)"

RULES: tuple[Rule, ...] = (
    # latest invoice (becomes invoice_lookup when a number, month or date is named)
    *_rules(
        Intent.LATEST_INVOICE,
        r"\b(latest|last|most recent|recent|current|newest|previous) (invoice|bill|receipt)",
        r"\b(send|resend|forward|email|need|want|get|give|download)( me| us)?( a)?( copy of)?"
        r"( my| the| our| an| a| this)? (invoice|receipt|bill)s?\b",
        r"\b(copy|pdf) of (my |the |our |an )?(invoice|receipt)",
        r"\b(invoice|receipt) for (my|the|our) (last|latest|most recent|recent) (payment|charge)",
        r"\b(where|how) (is|can i (find|get|see|download)) (my|the|our) (invoice|receipt)",
        r"(最新|最近|直近|前回|今回)の(請求書|領収書|インボイス)",
        r"(請求書|領収書|インボイス)(を|の)?(送|再送|発行|お送り|ください|いただけ|ほしい|欲しい|PDF|pdf|控え|確認)",
    ),
    *_rules(
        Intent.LATEST_INVOICE,
        r"\b(send|resend|forward|email|need|want|get|give)\b[^.?!\n]{0,30}\b(invoice|receipt)s?\b",
        weight=2,
    ),
    *_rules(Intent.LATEST_INVOICE, r"\binvoices?\b", r"請求書|インボイス", weight=1),
    *_rules(
        Intent.INVOICE_LOOKUP,
        r"\binvoice (number|no\.?|#)",
        r"(請求書|インボイス)番号",
    ),
    # payment history
    *_rules(
        Intent.PAYMENT_HISTORY,
        r"\b(payment|billing|charge|transaction|purchase|order)s? history",
        r"\b(all|list( of)?|past|previous|recent|last \d+|last (few|several|three|five|ten)) "
        r"(my |of my |our )?(payments|charges|transactions)",
        r"\bhow much (have|did) (i|we) (paid|pay|spent|spend)"
        r"( you)?( so far| in total| this year)?",
        r"\bwhat (have|did) (i|we) (paid|pay) (so far|in total|this year|you)",
        r"\b(statement|summary) of (my |our )?(payments|charges)",
        r"(支払い|お支払い|決済|請求|購入|利用)(の)?履歴",
        r"(これまで|過去|今まで|今年)の(お)?(支払い|決済|請求)",
        r"いくら(支払|払)(った|いました)",
    ),
    # payment status
    *_rules(
        Intent.PAYMENT_STATUS,
        r"\b(did|has|have) (my|the|our) (payment|charge|transaction|card payment)( of [^?.]{1,15})?"
        r" (go through|gone through|went through|succeed|succeeded|work|worked|"
        r"been (received|processed))",
        r"\b(payment|charge|transaction)s? (has |have |was |were )?"
        r"(failed|declined|bounced|rejected|"
        r"did ?n[o']t go through|not go(ing)? through|didn't work|won't go through|keeps failing)",
        r"\b(card|payment) (was |has been |keeps (getting |being )?|got )?"
        r"(declined|rejected|refused)",
        r"\bwhy (did|was|is|does) (my |the |our )?(payment|card|charge|transaction)"
        r"( of [^?]{1,15})?"
        r" (fail|failed|declined|decline|rejected|not go through|get declined)",
        r"\b(payment|transaction) status\b|\bstatus of (my|the|our) (payment|transaction|charge)",
        r"\b(did|have) you (receive|get)( my| our| the)? (payment|money|transfer)",
        r"\b(was|were|have) (i|we) (been )?(charged|billed)( yet)?\?",
        r"\b(payment|charge) (is )?(still )?(pending|processing)",
        r"\bcan'?t (pay|make (a|the|my) payment)|\bunable to (pay|make (a|the|my) payment)",
        r"\b(where('s| is)|status of) (my|the|our) refund|"
        r"\b(haven't|have not|never|didn't|did not) (yet )?(received|got|gotten|seen) "
        r"(my|the|a|our) refund",
        r"返金(が|は)(まだ|反映|届い|確認でき|されていな|完了し)",
        r"(支払い|お支払い|決済|引き落とし|入金)(が|は)?(完了|成功|失敗|できな|できませ|エラー|"
        r"通らな|通りませ|反映|確認でき|されていな|されませ|済んで|済み|拒否)",
        r"(カード|クレジットカード)(が|は)?(通らな|通りませ|使えな|使えませ|拒否|エラー|承認されな)",
        r"(支払い|お支払い|決済)(の)?(状況|状態|ステータス)",
        r"(入金|支払い|お支払い)(を)?確認(して|いただけ|でき)",
        negatable=False,
    ),
    # charge lookup
    *_rules(
        Intent.CHARGE_LOOKUP,
        r"\bwhat (is|was|'s) (this|that|the|a) (charge|payment|transaction|debit)",
        r"\bwhat('s| is| was) (this|that|the) (?:(?!status)[^?!\n]){0,25}"
        r"(charge|payment|transaction|debit)\b",
        r"\bwhat (this|that) [^?!\n]{0,25}(charge|payment|transaction|debit) (is|was)\b",
        r"\bwhat (was|is) [^?!\n]{0,25} (for|about)\?",
        r"\b(don't|do not|can't|cannot) (recogni[sz]e|remember|identify)( this| that| the| a|"
        r" an)?( \w+)? (charge|payment|transaction|debit)",
        r"\b(unknown|unrecogni[sz]ed|unexpected|mysterious|strange|unfamiliar|weird|random) "
        r"(charge|payment|transaction|debit)",
        r"\b(charge|payment|debit) (of|for) [^ ]{0,3}\d[^ ]* (on|from|to) (my|our) "
        r"(card|statement|account|bank)",
        r"\b(see|saw|noticed|found|there('s| is)) (a|an|this) (charge|debit|payment)",
        r"(身に覚えの|見覚えの|心当たりの)な(い|く)",
        r"(何|なん)の(請求|支払い|料金|引き落とし|決済)",
        r"(この|こちらの)(請求|引き落とし|決済|料金)は(何|なん)",
        r"(請求|引き落とし|決済)(の)?内容(を|が)",
        negatable=False,
    ),
    *_rules(
        Intent.CHARGE_LOOKUP,
        r"\b(charged|charge of|debited)\b",
        r"引き落とされ",
        weight=1,
        negatable=False,
    ),
    # subscription status
    *_rules(
        Intent.SUBSCRIPTION_STATUS,
        r"\bwhen (does|will|is|do) (my |the |our )?" + _SUB + r" (renew|expire|end|due|bill)",
        r"\bwhen (does|will|is|do) (it|this) (renew|expire|end)",
        r"\bwhen (it|this|my \w+|the \w+|our \w+) (renews|expires|ends|is due)",
        r"\b(renewal|expiry|expiration) date",
        r"\b(next|upcoming) (billing|payment|charge|invoice|renewal|bill)( date)?",
        r"\bwhen (is|will) (my |the |our )?next (payment|charge|bill|invoice)",
        r"\bwhen (will|do|am) (i|we) (be )?(next )?(charged|billed)",
        r"\b" + _SUB + r" (status|details)\b|\bstatus of (my|our|the) " + _SUB,
        r"\bwhat (plan|subscription|tier) (am i|are we|do i have|do we have)",
        r"\b(which|what) plan\b",
        r"\bis (my|our|the) " + _SUB + r" (still )?(active|valid|on|running|cancelled|canceled)",
        r"\b(trial|free trial) (end|ends|expire|expires|over|period)",
        r"\bwhen (does|will) (my |the |our )?(free )?trial",
        r"\bhow much (is|does) (my|our|the) " + _SUB,
        r"\b(auto[- ]?renew|renews?)\b[^.?]*\?",
        r"(更新日|次回(の)?(請求|お支払い|支払い|引き落とし)(日)?|次の(請求|支払い|引き落とし))",
        r"(いつ|何日に)(更新|請求|引き落とし|課金)",
        r"(契約|サブスクリプション|サブスク|プラン|会員)(の)?(状況|状態|内容|ステータス|期限|種類)",
        r"(どの|どんな|今の|現在の)プラン",
        r"(トライアル|無料期間|試用期間|お試し期間)(は|が)?(いつ|まで|終了|終わ)",
        r"更新され(ますか|るのでしょうか|るか)",
        negatable=False,
    ),
    # refunds (partial refunds are told apart afterwards, by the amounts)
    *_rules(
        Intent.REFUND,
        r"\brefund",
        r"\b(money|payment) back\b|\breimburse",
        r"\b(charged|billed|debited) (me |us )?(twice|two times|double|2 times)",
        r"\b(double|duplicate|duplicated|repeated) (charge|payment|billing|transaction)",
        r"\b(double|twice)[- ](charged|billed)",
        r"\bcharge (me |us )?back\b|\breverse (the|this|that|my) (charge|payment)",
        r"返金|払い戻し|払戻|返して",
        r"二重(請求|課金|決済|引き落とし|に(請求|課金|決済|引き落と|支払))",
        r"(2|二)(回|度)(請求|課金|引き落と|決済|支払)",
    ),
    *_rules(Intent.CANCEL, r"\b(forgot|forget) to cancel", weight=2, negatable=False),
    *_rules(
        Intent.PARTIAL_REFUND,
        r"\bpartial(ly)? refund|\brefund (me |us )?(part|half|some|the difference|a portion)",
        r"\b(prorat|pro-rat)\w* refund|"
        r"\brefund\w* (the )?(unused|remaining) (days|time|part|portion)",
        r"(一部|半額|差額|日割り|未使用分|残り期間|残りの期間)(の|を|分を|を返金|分の)?(返金|払い戻し)",
    ),
    # payment link
    *_rules(
        Intent.PAYMENT_LINK,
        r"\b(payment|checkout|pay) link|"
        r"\blink (to|for|so i can|where i can) (pay|make (a|the) payment|settle)",
        r"\b(how|where) (can|do|should) (i|we) pay\b",
        r"\b(want|like|need|try(ing)?) to pay (the |my |our |this |that )?"
        r"(invoice|bill|balance|amount|outstanding|overdue|open)",
        r"\bpay (the |my |our |this |that )?(invoice|bill|balance|outstanding|overdue|open)",
        r"\b(settle|clear) (the |my |our |this )?(invoice|bill|balance|account|outstanding|debt)",
        r"\b(way|option) to pay\b|\bpay online\b",
        r"(支払い|お支払い|決済|支払)(用)?(の)?(リンク|URL|url|ページ)",
        r"(請求書|料金|未払い|残高)(を|の)?(お)?(支払い|支払)(たい|したい|方法)",
        r"(支払い|お支払い|支払)(たい|したい|方法を教え)|(払い|はらい)たい",
    ),
    # portal link
    *_rules(
        Intent.PORTAL_LINK,
        r"\b(update|change|replace|switch|edit|add|remove|correct|fix)( my| our| the)?( new)? "
        r"(credit card|debit card|card|payment method|payment details|payment info|billing "
        r"(details|info|information|address|email|contact)|tax id|vat( number| id)?|company name)",
        r"\b(my|our) (card|credit card) (has )?(expired|expires|is expiring|will expire)",
        r"\b(new|different|another) (credit |debit )?card\b",
        r"\b(billing|customer|self[- ]service) portal\b",
        r"\bdownload (all )?(my |our |the )?(past |previous |old )?(receipts|invoices)",
        r"\b(all|past|previous|old) (of )?(my |our )?(receipts|invoices)\b",
        r"\bmanage (my |our |the )?(billing|payment|subscription|card)",
        r"(カード|クレジットカード|支払い方法|お支払い方法|決済方法|請求先|宛名|住所)(情報)?"
        r"(を|の|が)?(変更|更新|変えたい|登録|差し替え|修正)",
        r"(カード|クレジットカード)(の)?有効期限",
        r"新しい(クレジット)?カード",
        r"(領収書|請求書)(を|の)?(一括|まとめて|全て|すべて)?(ダウンロード)|過去の(領収書|請求書)",
        r"(カスタマー|請求|支払い)?ポータル",
    ),
    # cancellation
    *_rules(
        Intent.CANCEL,
        r"\bcancel",
        r"\bunsubscribe (me )?(from )?(the |my |our |this )?" + _SUB,
        r"\b(end|stop|terminate|close|discontinue|quit|halt) (my |our |the |this )?(paid )?"
        r"(subscription|plan|membership|account|billing|recurring|auto[- ]?renew\w*|"
        r"payments|charges)",
        r"\bstop (charging|billing) (me|us)",
        r"\b(turn off|disable|switch off) (the )?auto[- ]?renew",
        r"\b(do not|don't|not to|won't|doesn't|shouldn't) (auto[- ]?)?renew",
        r"\bdon't want (it|this|my \w+|the \w+) to renew",
        r"解約|退会|キャンセル|解除",
        r"(自動)?更新(を|は)?(停止|止め|しない|やめ|オフ)",
        r"(サブスク|サブスクリプション|契約|プラン|定期購入|課金)(を|は)?(止め|停止|終了|やめ)",
    ),
)

NEGATION_BEFORE = re.compile(
    r"\b(don't|do not|dont|doesn't|does not|didn't|did not|not|never|no need to|no longer "
    r"(want|need) to|forgot to|forget to|won't|will not|wouldn't|without|where is|where's|"
    r"status of|haven't (yet )?(received|got|gotten|seen)|"
    r"instead of|rather than|no)\b[^,;.!?\n]{0,28}$",
    re.IGNORECASE,
)
NEGATION_AFTER = re.compile(
    r"^[^、。!?\n]{0,14}?(しないで|しません|しない|ではなく|じゃなく|ではありません|"
    r"するつもりはな|つもりはありません|したくな|不要|いりません|いらない|結構です|希望しません|"
    r"必要ありません|必要はありません|せず|わけではな|しなくて|(が|は)まだ|が反映|が届い|されていな)"
)
OUT_OF_OFFICE = re.compile(
    r"out of (the )?office|on (annual |parental |sick )?(leave|vacation|holiday)|"
    r"automatic reply|auto[- ]?reply|autoreply|limited access to (my )?e-?mail|"
    r"away from (the office|my desk) until|不在|自動返信|休暇中|出張中",
    re.IGNORECASE,
)
BILLING_WORDS = re.compile(
    r"\b(bill\w*|invoice\w*|charge\w*|payment\w*|paid|pay|subscription\w*|receipt\w*|"
    r"card|renew\w*|trial|money|fee)\b|請求|支払|決済|料金|領収|課金|引き落と|"
    r"サブスク|カード|契約|返金",
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
