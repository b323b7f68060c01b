"""The part asked back when a customer names several amounts (`intake.asked_part`): the
result they worked out is a written amount; the difference of two amounts set against each
other is computed and always waits for a member; anything less clear is not sized."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from knowreply.agent.intake import read_requests
from knowreply.agent.intake.asked_part import AskedPart
from knowreply.agent.plans import RefundPlan
from knowreply.agent.policy import COMPUTED_PART_WAITS, asked_amount, reasons_to_wait
from knowreply.money import Money
from knowreply.workspaces import WorkspaceSettings


def money(major: str, currency: str = "usd") -> Money:
    return Money.from_major(major, currency)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("At $9/seat that's $27 too much. Could you refund the difference?", money("27")),
        ("Please refund the difference, i.e. $360 minus one month, so $325?", money("325")),
        (
            "At $18 per seat, that's $54 we shouldn't have paid. Please credit that back.",
            money("54"),
        ),
        ("Can you send back the difference: $12 plus $18 = $30 in total?", money("30")),
        (
            "Pagamos 19 € en lugar de 9 €. ¿Me podéis devolver los 9 € de diferencia?",
            money("9", "eur"),
        ),
        (
            "Merci de rembourser les 10 € de différence sur chacun des 3 derniers mois, soit 30 €.",
            money("30", "eur"),
        ),
        (
            "Bei 12 € pro Platz sind das 36 € zu viel. Bitte erstatten Sie die Differenz.",
            money("36", "eur"),
        ),
        (
            "880円 × 3 の 2,640円 が加算されています。この追加分だけ返金してください。",
            money("2640", "jpy"),
        ),
    ],
)
def test_the_result_the_customer_worked_out_is_a_written_amount(text: str, part: Money) -> None:
    asked = read_requests(text)
    assert asked.part is not None and asked.part.amount == part
    assert asked.part.basis is None and part in asked.amounts and asked.partial


@pytest.mark.parametrize(
    ("text", "part"),
    [
        (
            "Please refund the difference between the $49 I paid and the $39 I was promised.",
            money("10"),
        ),
        ("I was charged $59 instead of $49, please refund the difference.", money("10")),
        ("Reembolsadme la diferencia entre 59 € y 49 €, por favor.", money("10", "eur")),
        ("Je paie 29 € au lieu de 19 €, remboursez la différence.", money("10", "eur")),
        ("Bitte erstatten Sie die Differenz zwischen 59 € und 49 €.", money("10", "eur")),
        ("3,000円ではなく2,000円のはずです。差額を返金してください。", money("1000", "jpy")),
    ],
)
def test_the_difference_of_two_amounts_set_against_each_other_is_computed(
    text: str, part: Money
) -> None:
    asked = read_requests(text)
    assert asked.part is not None and asked.part.amount == part
    assert asked.part.basis is not None and "the difference between" in asked.part.basis


@pytest.mark.parametrize(
    "text",
    [
        "At $9/seat, please refund the difference.",  # a per-unit price alone
        "I paid $49 and $20 last month. Please refund the difference.",  # unrelated amounts
        "Refund the difference between $49, $39 and $29.",  # three amounts, no result
        "At $9/seat that's not $27. Could you refund the difference?",  # a negated result
        "That's $27 too much, so $30 really. Refund the difference.",  # two results
        "I paid 49 € instead of $39, refund the difference please.",  # two currencies
        "I paid $59 instead of $49. Please refund me.",  # no part named
    ],
)
def test_what_is_not_clear_is_not_sized(text: str) -> None:
    assert read_requests(text).part is None


def plan(amount: Money, *, computed: str | None = None) -> RefundPlan:
    return RefundPlan(
        customer_id="cus_1",
        charge_id="ch_1",
        amount=amount,
        payment_amount=money("59"),
        whole=False,
        paid_at=datetime(2026, 11, 1, tzinfo=UTC),
        computed=computed,
    )


def test_a_computed_part_always_waits_and_says_how_it_was_computed() -> None:
    asked = read_requests("I was charged $59 instead of $49, please refund the difference.")
    settings = WorkspaceSettings(approval_mode="auto")
    reasons = reasons_to_wait(plan(money("10")), settings, asked, None)
    assert asked_amount(plan(money("10")), asked)  # asked for, but computed: it waits
    assert [r for r in reasons if r.startswith(COMPUTED_PART_WAITS)] == [
        f"{COMPUTED_PART_WAITS} (the difference between $59.00 and $49.00 the customer named)"
    ]
    assert plan(money("10"), computed="x").basis == "x"


def test_a_written_result_follows_the_normal_policy() -> None:
    asked = read_requests("At $9/seat that's $27 too much. Please refund the difference.")
    assert (
        reasons_to_wait(plan(money("27")), WorkspaceSettings(approval_mode="auto"), asked, None)
        == []
    )


def test_an_amount_neither_written_nor_computed_still_waits() -> None:
    asked = read_requests("I was charged $59 instead of $49, please refund the difference.")
    reasons = reasons_to_wait(
        plan(money("11")), WorkspaceSettings(approval_mode="auto"), asked, None
    )
    assert "$11.00 is not an amount the customer asked for" in reasons


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # the customer's own arithmetic: the written difference of two amounts named before it
        ("We were billed $300 instead of $250. Please return the $50 overcharge.", money("50")),
        (
            "4,980円請求されましたが、2,980円のはずです。差額の2,000円を返金してください。",
            money("2000", "jpy"),
        ),
        (
            "Pagué 120 € y el precio correcto era 99 €. Pido la devolución de los 21 €.",
            money("21", "eur"),
        ),
        (
            "J'ai payé 120 € alors que le prix était 99 €. Je demande la restitution des 21 €.",
            money("21", "eur"),
        ),
        ("Angekündigt waren 19 €, abgebucht wurden 24 €. Bitte die 5 € zurück.", money("5", "eur")),
        # a part out of a whole named beside it
        ("Can I get back $15 of the $45 I paid?", money("15")),
        ("¥12,000のご請求のうち、¥3,000は対象外のオプションです。", money("3000", "jpy")),
        (
            "De los 120 € cobrados, 30 € son de una opción. Reembolsen esos 30 €.",
            money("30", "eur"),
        ),
        (
            "Sur les 90 € prélevés, 15 € sont un utilisateur. Je souhaite récupérer ces 15 €.",
            money("15", "eur"),
        ),
        (
            "Von den 75 € des Monats waren 25 € ein Nutzer. Diese 25 € hätte ich gern zurück.",
            money("25", "eur"),
        ),
        # a give-back verb with a demonstrative or article
        ("You charged $158 for two months. Please refund January's $79.", money("79")),
        ("Me cobrasteis 600 € y 50 € de un extra. Devolvedme esos 50 €.", money("50", "eur")),
        ("J'ai payé 79 € et l'option (20 €) en plus. Remboursez ces 20 €.", money("20", "eur")),
        (
            "Berechnet wurde der volle Preis von 100 €. Bitte die 25 € zurückbuchen.",
            money("25", "eur"),
        ),
        ("今月分¥9,800のうち、障害の期間の¥2,000の返金をお願いします。", money("2000", "jpy")),
        # an amount put beside the part a give-back verb names
        ("The April charge was $560. Please refund the rest — $504.", money("504")),
        (
            "We paid $420 for March. Can we have the last 2 weeks refunded (about $210)?",
            money("210"),
        ),
        # the one amount of a sentence that asks for money back
        (
            "Me cambiaron del plan Básico ($299) al Pro ($499) sin avisarme. "
            "Quiero que me regresen la diferencia de este mes, $200.",
            money("200"),
        ),
        (
            "Mir wurden CHF 119.– belastet, mein Plan kostet aber CHF 99.–. "
            "Bitte die CHF 20.– zurückerstatten.",
            money("20", "chf"),
        ),
        (
            "Uns wurden 8 statt 6 Nutzer berechnet (je 9,00 €). "
            "Bitte erstatten Sie uns die 18,00 € für die beiden Nutzer.",
            money("18", "eur"),
        ),
        (
            "9月分が50名分（1名あたり¥330）のままでした。差分の8名分、¥2,640のご返金をお願いします。",
            money("2640", "jpy"),
        ),
        (
            "Our 30% discount was not applied to the December invoice of $300. "
            "Please refund $90 to our card.",
            money("90"),
        ),
    ],
)
def test_a_part_the_customer_names_among_several_amounts_is_written(text: str, part: Money) -> None:
    asked = read_requests(text)
    assert asked.part is not None and asked.part == AskedPart(part)
    assert part in asked.amounts and asked.partial


@pytest.mark.parametrize(
    "text",
    [
        "Billed $300 instead of $250 and $90 instead of $60. Refund the $50 and the $30.",  # 2
        "Of the $90, $20 is the add-on and $30 the extra seat. Please refund those.",  # 2 parts
        "Sur les 90 €, je ne veux pas que vous remboursiez les 15 €.",  # negated
        "If you refund the $20 of the $60, I will stay.",  # a hypothetical
        "Von den 75 € bitte nicht die 25 € erstatten.",  # negated
        "Remboursez ces 49 € et prélevez les 39 € du bon tarif.",  # the charge itself
        "De los 120 €, devolvedme esos $30.",  # two currencies
        "Refund me the amount above the price I was quoted ($40 vs $30).",  # compared sides
        "You billed $300 instead of $250, I also paid $50 for shipping. Refund it.",  # no part
        # the one amount of a give-back sentence, but no part asked for now
        "Please refund my $49 payment. You refunded $20 already.",  # given back before
        "11月分の3,980円が二重に請求されているので、その分の返金をお願いします。オプションの2,000円は正しいです。",
        "年額の4,800円が引き落とされました。今月の480円分は払うので、残りの差額を返金してください。",
        "You charged $60 and $45. If it was a mistake, please refund $15.",  # a condition
    ],
)
def test_a_part_that_is_not_clear_among_several_amounts_is_not_sized(text: str) -> None:
    assert read_requests(text).part is None
