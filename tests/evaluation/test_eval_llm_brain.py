"""The eval drives an LLM brain too: pass^k counts a case right only when every run is."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowreply.evaluation import BrainOptions, load_cases, run_eval
from knowreply.logs import configure_logging
from tests.fake_llm import call, running_fake_llm, say

CASE = """
[[case]]
id = "latest-invoice"
description = "Alice's latest invoice, answered by an LLM."
sender = "alice@example.com"
text = "Could you send me my latest invoice?"
[case.expect]
outcome = "replied"
tools = ["list_invoices"]
reply_contains = ["$49.00"]
stripe = { writes = 0 }
"""


@pytest.fixture(autouse=True, scope="module")
def plain_logs() -> None:
    configure_logging("warning", "console")


def test_pass_k_needs_every_run_right(tmp_path: Path) -> None:
    (tmp_path / "llm.toml").write_text(CASE, encoding="utf-8")
    script = [
        call("list_invoices", limit=1),
        say("Your latest invoice is $49.00.\nAcme"),
        call("list_invoices", limit=1),
        # leaks an id: the reply check hands the email to a person, so this run is wrong
        say("Your latest invoice (customer cus_123) is $49.00.\nAcme"),
    ]
    with running_fake_llm(script) as llm:
        options = BrainOptions(brain="openai", model="fake-gpt", base_url=f"{llm.url}/v1")
        report = run_eval(load_cases(tmp_path), options, repeat=2)

    (score,) = report.scores
    assert (score.brain, score.model, score.repeat) == ("openai", "fake-gpt", 2)
    assert (score.right_share, score.pass_k) == (0.5, 0.0)
    (result,) = score.cases
    first, second = result.differences
    assert first == []
    assert second[0].startswith("outcome: expected replied, got escalated (the reply names")
    assert "cus_123" in second[0]
    assert "pass^2: 0.0% of cases right in every run" in report.as_text()
    assert len(llm.requests) == 4
