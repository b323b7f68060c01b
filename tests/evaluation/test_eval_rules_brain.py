"""The whole eval in `evals/` with the rules brain: every case must come out fully right."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from fakestripe import demo_customers
from knowreply.evaluation import load_cases, run_eval
from knowreply.evaluation.cases import Case, CaseFileError
from knowreply.integrations.stripe.capabilities import CapabilityName

EVALS = Path(__file__).resolve().parents[2] / "evals"
INTENT_TOOLS = {
    "list_invoices",
    "payment_history",
    "payment_status",
    "find_charges",
    "subscription_status",
    "refund",
    "create_payment_link",
    "portal_link",
    "cancel_subscription",
    "escalate",
}


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return load_cases(EVALS)


def test_the_eval_is_large_and_covers_what_it_must(cases: list[Case]) -> None:
    assert len(cases) >= 80
    tags = Counter(tag for case in cases for tag in case.tags)
    assert tags["ja"] >= 20 and tags["en"] >= 40
    assert tags["adversarial"] >= 10
    assert {c.value for c in CapabilityName} <= set(tags)
    assert tags["screen"] >= 5 and tags["not_billing"] >= 2
    expected_tools = {
        name
        for case in cases
        for name in (case.expect.tools or []) + [c.name for c in case.expect.calls]
    }
    assert expected_tools == INTENT_TOOLS
    senders = {case.sender.lower() for case in cases if case.sender}
    assert {email.lower() for email, _ in demo_customers()} <= senders
    outcomes = {case.expect.outcome.value for case in cases}
    assert outcomes == {
        "replied",
        "escalated",
        "awaiting_approval",
        "awaiting_verification",
        "skipped",
    }


def test_every_case_is_right_with_the_rules_brain(cases: list[Case]) -> None:
    report = run_eval(cases)
    score = report.scores[0]
    failures = "\n".join(report.as_text().splitlines()[2:])
    assert score.failures == [], failures
    assert score.right_share == 1.0 and score.total == len(cases)


def test_a_wrong_expectation_is_reported_with_what_differed(tmp_path: Path) -> None:
    (tmp_path / "wrong.toml").write_text(
        """
[[case]]
id = "wrong"
description = "Expects a refund where only an invoice is asked for."
sender = "alice@example.com"
text = "Could you send me my latest invoice?"
[case.expect]
outcome = "escalated"
tools = ["refund"]
reply_contains = ["$1,000.00"]
stripe = { refunds = 1 }
""",
        encoding="utf-8",
    )
    report = run_eval(load_cases(tmp_path))
    (failure,) = report.scores[0].failures
    (found,) = failure.differences
    assert found == [
        "outcome: expected escalated, got replied (None)",
        "tools: expected ['refund'], got ['list_invoices']",
        "reply: lacks '$1,000.00'",
        "stripe refunds: expected 1, got 0",
    ]
    assert not report.all_right


def test_a_case_file_with_a_mistake_names_the_case(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text(
        '[[case]]\nid = "no-email"\ndescription = "x"\n[case.expect]\noutcome = "replied"\n',
        encoding="utf-8",
    )
    with pytest.raises(CaseFileError, match="no-email"):
        load_cases(tmp_path)


def test_the_eval_command_prints_json_and_fails_on_a_wrong_case(tmp_path: Path) -> None:
    (tmp_path / "two.toml").write_text(
        """
[[case]]
id = "right"
description = "Carol's renewal."
sender = "carol@example.com"
text = "When does my subscription renew?"
[case.expect]
outcome = "replied"
tools = ["subscription_status"]

[[case]]
id = "wrong"
description = "Carol's renewal, expected (wrongly) to be escalated."
sender = "carol@example.com"
text = "When does my subscription renew?"
[case.expect]
outcome = "escalated"
""",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("KNOWREPLY_")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2] / "src")
    done = subprocess.run(
        [sys.executable, "-m", "knowreply", "eval", str(tmp_path), "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    result = json.loads(done.stdout)
    (brain,) = result["brains"]
    assert (brain["brain"], brain["cases"], brain["right_share"]) == ("rules", 2, 0.5)
    wrong = next(r for r in brain["results"] if r["id"] == "wrong")
    assert wrong["differences"][0][0].startswith("outcome: expected escalated, got replied")
