"""Reading a pasted Stripe key: kind, mode, masking, and the words shown when it is wrong."""

from __future__ import annotations

import pytest

from knowreply.integrations.stripe.keys import (
    DASHBOARD_HINT,
    KeyFormatError,
    StripeKey,
    parse_key,
)

RESTRICTED_TEST = "rk_test_51AbCdEfGhIjKlMnOpQrStUvWx9xQa"
SECRET_LIVE = "sk_live_51ZyXwVuTsRqPoNmLkJiHgFeDc1234"


@pytest.mark.parametrize(
    ("raw", "kind", "mode", "masked"),
    [
        (RESTRICTED_TEST, "restricted", "test", "rk_test_…9xQa"),
        ("rk_live_51AbCdEfGhIjKlMnOpQrStUvWxWXYZ", "restricted", "live", "rk_live_…WXYZ"),
        ("sk_test_51AbCdEfGhIjKlMnOpQrStUvWx0000", "secret", "test", "sk_test_…0000"),
        (SECRET_LIVE, "secret", "live", "sk_live_…1234"),
    ],
)
def test_a_valid_key_has_a_kind_a_mode_and_a_mask(
    raw: str, kind: str, mode: str, masked: str
) -> None:
    key = parse_key(raw)

    assert (key.kind, key.mode, key.masked) == (kind, mode, masked)
    assert key.secret == raw


@pytest.mark.parametrize(
    "pasted",
    [
        f"  {RESTRICTED_TEST}\n",
        f'"{RESTRICTED_TEST}"',
        f"'{RESTRICTED_TEST}'",
        f"“{RESTRICTED_TEST}”",
    ],
)
def test_whitespace_and_quotes_around_a_pasted_key_are_dropped(pasted: str) -> None:
    assert parse_key(pasted).secret == RESTRICTED_TEST


@pytest.mark.parametrize(
    "raw", ["", "   ", "\n\t", '""', "pk_test_51AbCdEfGhIjKlMnOp", "pk_live_x"]
)
def test_a_publishable_or_empty_key_asks_for_the_secret_key(raw: str) -> None:
    with pytest.raises(KeyFormatError) as refused:
        parse_key(raw)

    assert refused.value.message == "Stripe Secret Key is required"
    assert refused.value.hint == (
        "Copy a restricted key (rk_…) or secret key (sk_…) from Dashboard > Developers > API keys."
    )
    assert refused.value.hint == DASHBOARD_HINT


@pytest.mark.parametrize(
    "raw",
    [
        "whsec_51AbCdEfGhIjKlMnOpQrStUvWx",
        "sk_51AbCdEfGhIjKlMnOpQrStUvWx",
        "rk_prod_51AbCdEfGhIjKlMnOpQrStUvWx",
        "SK_TEST_51AbCdEfGhIjKlMnOpQrStUvWx",
        "acct_1KnowReplyFake0",
        "hello",
    ],
)
def test_anything_else_names_the_expected_prefixes(raw: str) -> None:
    with pytest.raises(KeyFormatError) as refused:
        parse_key(raw)

    for prefix in ("sk_test_", "sk_live_", "rk_test_", "rk_live_"):
        assert prefix in refused.value.message
    assert refused.value.hint == DASHBOARD_HINT


@pytest.mark.parametrize("raw", ["rk_test_", "rk_test_abc", "rk_test_51AbCdEf GhIjKlMnOpQrSt"])
def test_a_cut_or_damaged_key_is_refused(raw: str) -> None:
    with pytest.raises(KeyFormatError) as refused:
        parse_key(raw)

    assert "cut short" in refused.value.message


def test_a_secret_key_comes_with_advice_to_use_a_restricted_one() -> None:
    assert parse_key(SECRET_LIVE).warning is not None
    assert "restricted key" in str(parse_key(SECRET_LIVE).warning)
    assert parse_key(RESTRICTED_TEST).warning is None


def test_the_full_key_never_shows_in_repr_or_str() -> None:
    key = parse_key(RESTRICTED_TEST)

    shown = [repr(key), str(key), f"{key}", f"{key!r}", repr([key]), repr({"k": key})]

    assert all(RESTRICTED_TEST not in text for text in shown)
    assert all("StripeKey" in text or text == "rk_test_…9xQa" for text in shown[:4])


def test_key_format_error_is_a_value_error_with_the_message() -> None:
    error = KeyFormatError("Stripe Secret Key is required")

    assert isinstance(error, ValueError)
    assert str(error) == "Stripe Secret Key is required"
    assert isinstance(parse_key(RESTRICTED_TEST), StripeKey)
