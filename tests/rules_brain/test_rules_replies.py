"""Every reply kind renders in English and Japanese with the customer's money and dates."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from knowreply.agent.brains.rules import replies
from knowreply.agent.brains.rules.persona import Audience, Persona
from knowreply.agent.brains.rules.replies import RefundRefusal
from knowreply.agent.brains.rules.understanding import Intent, MonthRef
from knowreply.integrations.stripe.models import (
    CancellationResult,
    InvoiceSummary,
    PaymentLinkResult,
    PaymentSummary,
    PortalLinkResult,
    RefundResult,
    SubscriptionSummary,
)
from knowreply.money import Money

TOKYO = ZoneInfo("Asia/Tokyo")
# 20:00 UTC on March 3 is already March 4 in Tokyo: dates follow the workspace's time zone.
EVENING_UTC = datetime(2026, 3, 3, 20, 0, tzinfo=UTC)
APRIL = datetime(2026, 4, 3, 12, 0, tzinfo=UTC)
EN = Audience("en", TOKYO)
JA = Audience("ja", TOKYO)
DATE = {"en": "March 4, 2026", "ja": "2026年3月4日"}
RENEWAL = {"en": "April 3, 2026", "ja": "2026年4月3日"}


def usd(amount: str) -> Money:
    return Money.from_major(amount, "usd")


YEN = Money.from_major("1200", "jpy")
YEN_TEXT = {"en": "¥1,200", "ja": "￥1,200"}

INVOICE = InvoiceSummary(
    id="in_secret1",
    customer_id="cus_secret1",
    number="ABCD1234-0001",
    created=EVENING_UTC,
    total=usd("29"),
    amount_due=usd("29"),
    amount_paid=usd("0"),
    status="open",
    hosted_invoice_url="https://invoice.example.test/i/1",
    invoice_pdf="https://invoice.example.test/i/1.pdf",
)
YEN_INVOICE = INVOICE.model_copy(
    update={
        "number": "EFGH5678-0002",
        "total": YEN,
        "amount_due": Money(amount_minor=0, currency="jpy"),
        "amount_paid": YEN,
        "status": "paid",
        "customer_id": "cus_secret2",
    }
)
FAILED = PaymentSummary(
    id="ch_secret1",
    customer_id="cus_secret1",
    created=EVENING_UTC,
    amount=usd("29"),
    amount_refunded=usd("0"),
    status="failed",
    failure_reason="Your card was declined for insufficient funds.",
    card_brand="visa",
    card_last4="4242",
)
PAID = FAILED.model_copy(
    update={
        "status": "succeeded",
        "failure_reason": None,
        "receipt_url": "https://receipt.example.test/r/1",
    }
)
SUBSCRIPTION = SubscriptionSummary(
    id="sub_secret1",
    customer_id="cus_secret1",
    status="active",
    plan_name="Pro",
    price=usd("29"),
    interval="month",
    current_period_end=APRIL,
)
PORTAL = PortalLinkResult(url="https://portal.example.test/s/1", customer_id="cus_secret1")
REFUND = RefundResult(
    id="re_secret1",
    charge_id="ch_secret1",
    amount=usd("29"),
    status="succeeded",
    remaining_refundable=usd("0"),
)

Render = Callable[[Audience], str]
# kind -> (render, what the English text must contain, what the Japanese text must contain)
KINDS: dict[str, tuple[Render, list[str], list[str]]] = {
    "latest_invoice": (
        lambda a: replies.latest_invoice([INVOICE], a),
        ["ABCD1234-0001", "$29.00", DATE["en"], "https://invoice.example.test/i/1.pdf"],
        ["ABCD1234-0001", "$29.00", DATE["ja"], "お支払い待ち"],
    ),
    "invoices_found": (
        lambda a: replies.invoices_found([YEN_INVOICE], a),
        ["EFGH5678-0002", YEN_TEXT["en"], "paid"],
        ["EFGH5678-0002", YEN_TEXT["ja"], "お支払い済み"],
    ),
    "invoice_not_found": (
        lambda a: replies.invoice_not_found(
            a, numbers=["ZZZZ0000-0009"], period=[MonthRef(2026, 3)]
        ),
        ["ZZZZ0000-0009", "March 2026"],
        ["ZZZZ0000-0009", "2026年3月"],
    ),
    "payment_history": (
        lambda a: replies.payment_history([FAILED, PAID], a),
        ["2 most recent payments", "$29.00", DATE["en"], "Visa ending in 4242"],
        ["2件", "$29.00", DATE["ja"], "末尾4242のVisaカード"],
    ),
    "payment_failed": (
        lambda a: replies.payment_status([FAILED], a, portal=PORTAL),
        ["did not go through", "insufficient funds", PORTAL.url],
        ["完了しておりません", "残高不足", PORTAL.url],
    ),
    "payment_succeeded": (
        lambda a: replies.payment_status([PAID], a),
        ["went through", "https://receipt.example.test/r/1"],
        ["正常に完了", "https://receipt.example.test/r/1"],
    ),
    "charges_found": (
        lambda a: replies.charges_found([PAID], usd("29"), a),
        ["$29.00", DATE["en"]],
        ["$29.00", DATE["ja"]],
    ),
    "no_charge_found": (
        lambda a: replies.no_charge_found(YEN, a),
        [YEN_TEXT["en"], "couldn't find"],
        [YEN_TEXT["ja"], "確認できませんでした"],
    ),
    "subscription_status": (
        lambda a: replies.subscription_status([SUBSCRIPTION], a),
        ["Pro", "$29.00 per month", "renews on " + RENEWAL["en"]],
        ["Pro", "月額$29.00", RENEWAL["ja"]],
    ),
    "no_subscription": (replies.no_subscription, ["subscription"], ["ご契約"]),
    "refund_done": (
        lambda a: replies.refund_done(REFUND, a, payment=PAID),
        ["$29.00", "Visa ending in 4242", "5–10 business days"],
        ["$29.00", "返金いたしました", "5〜10営業日"],
    ),
    "acknowledgement": (
        lambda a: replies.acknowledgement(
            [
                replies.Waiting("refund", usd("500"), PAID.created),
                replies.Waiting("cancellation"),
            ],
            a,
        ),
        ["a refund of $500.00 for your payment on " + DATE["en"], "cancellation", "confirms"],
        [DATE["ja"] + "のお支払いに対する$500.00の返金", "解約", "担当者"],
    ),
    "refund_over_refundable": (
        lambda a: replies.refund_refused(RefundRefusal.OVER_REFUNDABLE, a, refundable=usd("5")),
        ["$5.00"],
        ["$5.00", "返金いたしかねます"],
    ),
    "payment_link": (
        lambda a: replies.payment_link(
            PaymentLinkResult(
                id="plink_secret",
                url="https://pay.example.test/l/1",
                price_id="price_secret",
                amount=usd("29"),
            ),
            a,
        ),
        ["https://pay.example.test/l/1", "$29.00"],
        ["https://pay.example.test/l/1", "$29.00"],
    ),
    "portal_link": (lambda a: replies.portal_link(PORTAL, a), [PORTAL.url], [PORTAL.url]),
    "cancellation_scheduled": (
        lambda a: replies.cancellation(
            [
                CancellationResult(
                    subscription_id="sub_secret1", already_cancelling=False, service_ends_at=APRIL
                )
            ],
            a,
        ),
        ["cancelled", RENEWAL["en"]],
        ["解約手続きを承りました", RENEWAL["ja"]],
    ),
    "already_cancelling": (
        lambda a: replies.cancellation(
            [
                CancellationResult(
                    subscription_id="sub_secret1", already_cancelling=True, service_ends_at=APRIL
                )
            ],
            a,
        ),
        ["already set to cancel", RENEWAL["en"]],
        ["すでに解約", RENEWAL["ja"]],
    ),
    "verification_needed": (
        lambda a: replies.verification_needed(a, code="482913", minutes=30),
        ["one-time code is 482913", "30 minutes", "ignore this email"],
        ["確認コードは 482913", "30分", "破棄"],
    ),
    "no_customer": (replies.no_customer, ["write to us from that address"], ["別のメールアドレス"]),
    "capability_disabled": (
        lambda a: replies.capability_disabled(a, action=Intent.CANCEL),
        ["cancel subscriptions", "follow up"],
        ["解約手続き", "追ってご連絡"],
    ),
    "handoff": (replies.handoff, ["our team"], ["担当者"]),
    "clarify": (replies.clarify, ["Could you tell me"], ["お聞かせ"]),
}
LEFTOVERS = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|\bNone\b|\bTrue\b|\bFalse\b")
INTERNAL_IDS = re.compile(r"\b(cus|ch|in|sub|re|pi|price|plink)_secret")


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("audience", [EN, JA], ids=["en", "ja"])
def test_each_reply_kind_renders_in_both_languages(kind: str, audience: Audience) -> None:
    render, english, japanese = KINDS[kind]
    text = render(audience)
    for expected in english if audience.language == "en" else japanese:
        assert expected in text
    assert not LEFTOVERS.search(text)
    assert not INTERNAL_IDS.search(text)
    has_japanese = bool(re.search(r"[\u3040-\u30ff]", text))
    assert has_japanese == (audience.language == "ja")


@pytest.mark.parametrize("reason", list(RefundRefusal))
@pytest.mark.parametrize("audience", [EN, JA], ids=["en", "ja"])
def test_every_refund_refusal_has_its_own_words(reason: RefundRefusal, audience: Audience) -> None:
    text = replies.refund_refused(reason, audience, refundable=usd("5"), window_days=30)
    others = {
        replies.refund_refused(r, audience, refundable=usd("5"), window_days=30)
        for r in RefundRefusal
        if r is not reason
    }
    assert text and text not in others
    assert not LEFTOVERS.search(text)


def test_two_customers_under_one_address_read_as_two_accounts() -> None:
    text = replies.latest_invoice([INVOICE, YEN_INVOICE], EN)
    assert "more than one account" in text
    assert text.index("ABCD1234-0001") < text.index("EFGH5678-0002")
    japanese = replies.subscription_status(
        [
            SUBSCRIPTION,
            SUBSCRIPTION.model_copy(update={"plan_name": "Team", "cancel_at_period_end": True}),
        ],
        JA,
    )
    assert "2件のご契約" in japanese
    assert "更新はされません" in japanese


def test_a_japanese_reply_is_wrapped_politely_with_the_business_signature() -> None:
    body = replies.payment_status([PAID], JA)
    text = replies.compose(
        [body],
        persona=Persona("Acme", tone="formal", signature="Acme 山田"),
        audience=JA,
        customer_name="田中",
    )
    assert text.startswith("田中 様\n")
    assert "お問い合わせいただきありがとうございます。" in text
    assert "何卒よろしくお願い申し上げます。" in text
    assert text.rstrip().endswith("Acme 山田")
    assert body in text


@pytest.mark.parametrize(
    ("tone", "greeting", "closing"),
    [("friendly", "Hi there,", "Best,"), ("formal", "Hello,", "Kind regards,")],
)
def test_an_english_reply_takes_the_persona_tone(tone: str, greeting: str, closing: str) -> None:
    persona = Persona("Acme", tone=tone)  # type: ignore[arg-type]
    text = replies.compose([replies.no_subscription(EN)], persona=persona, audience=EN)
    assert text.startswith(greeting)
    assert f"{closing}\nAcme Support" in text
    assert not LEFTOVERS.search(text)
