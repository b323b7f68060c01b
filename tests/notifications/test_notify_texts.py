"""What a notification says about a waiting action: its amount, or that the member sets it."""

from __future__ import annotations

from knowreply.notifications.texts import headline, webhook_payload

ABOUT = {"customer": "alice@customer.test", "subject": "Refund please", "action": "refund"}


def test_a_refund_with_an_amount_names_it() -> None:
    data = {**ABOUT, "amount_minor": 4900, "currency": "usd"}
    assert headline("approval_waiting", data) == (
        "Approval needed: a refund of $49.00 for alice@customer.test"
    )
    body = webhook_payload(1, "approval_waiting", data, created=0, base_url="https://x.test")
    assert body["data"]["amount_formatted"] == "$49.00"


def test_a_refund_the_member_sizes_says_so_and_names_no_amount() -> None:
    data = {**ABOUT, "amount_minor": None, "currency": None, "amount_to_set": True}
    assert headline("approval_waiting", data) == (
        "Approval needed: a refund (you set the amount) for alice@customer.test"
    )
    body = webhook_payload(1, "approval_waiting", data, created=0, base_url="https://x.test")
    assert "amount_formatted" not in body["data"]
    assert body["data"]["amount_to_set"] is True
