"""`knowreply eval --split`: the intent corpus through the agent, scored by the tools called."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from knowreply.agent.brains.rules.examples import BATCHES, Example, id_number, load
from knowreply.agent.brains.rules.understanding import Intent
from knowreply.agent.trace import ToolCall
from knowreply.evaluation.corpus import CorpusReport, CorpusResult, intent_of_call, run_examples
from knowreply.evaluation.runner import BrainOptions


def _call(name: str, **args: object) -> ToolCall:
    return ToolCall(capability="x", name=name, args=args, status="done")


def test_the_tools_called_say_what_was_understood() -> None:
    assert intent_of_call(_call("list_invoices", limit=1)) == "latest_invoice"
    assert intent_of_call(_call("list_invoices", month=3, year=2026)) == "invoice_lookup"
    assert intent_of_call(_call("refund", payment="latest")) == "refund"
    assert intent_of_call(_call("refund", payment="latest", amount="10")) == "partial_refund"
    assert intent_of_call(_call("cancel_subscription")) == "cancel"
    assert intent_of_call(_call("escalate", reason="?")) is None


def test_a_refund_call_for_a_part_the_tool_could_not_size_is_a_partial_refund() -> None:
    """The refund tool sizes a part the customer asked for when no amount is passed ("the 2
    seats", "the unused months"); a call it then handed to a person was still for a part."""
    handed_over = ToolCall(
        capability="refunds",
        name="refund",
        args={"payment": "latest"},
        status="error",
        error="the counted part cannot be sized; a person decides",
    )
    assert intent_of_call(handed_over, part_asked=True) == "partial_refund"
    assert intent_of_call(handed_over) == "refund"


def test_the_scores_count_people_unasked_writes_and_multi_intent_emails() -> None:
    report = CorpusReport(split="heldout", brain="rules", model=None)
    report.results = [
        CorpusResult("en-1", "en", ["refund", "cancel"], ["cancel"]),
        CorpusResult("en-2", "en", ["unclear"], []),
        CorpusResult("en-3", "en", ["charge_lookup"], ["refund"]),
        CorpusResult("en-4", "en", ["payment_status"], []),
    ]
    assert report.accuracy("en") == 0.5
    assert report.unclear_among_billing == 1 / 3
    assert report.write_precision == 0.5
    assert report.as_json()["unasked_writes"] == ["en-3"]
    assert report.confusion()[("charge_lookup", "refund")] == 1


def test_the_eval_command_runs_a_split_of_the_corpus() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KNOWREPLY_")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2] / "src")
    command = ["eval", "--split", "heldout", "--lang", "fr", "--batch", "2", "--jobs", "4"]
    command.append("--json")
    done = subprocess.run(
        [sys.executable, "-m", "knowreply", *command],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    result = json.loads(done.stdout)
    assert (result["split"], result["brain"], list(result["accuracy_by_language"])) == (
        "heldout",
        "rules",
        ["fr"],
    )
    assert result["emails"] == len(load("heldout", languages=("fr",), batch=2))
    assert done.returncode == (1 if result["unasked_writes"] else 0), done.stderr
    assert 0 < result["accuracy"] <= 1


def test_a_batch_is_the_emails_whose_numbers_it_names() -> None:
    every = load("dev", languages=("de",))
    by_batch = [load("dev", languages=("de",), batch=batch) for batch in BATCHES]
    assert sorted(e.id for b in by_batch for e in b) == sorted(e.id for e in every)
    assert all(id_number(e.id) < 1000 for e in by_batch[0])
    assert by_batch[0] and by_batch[1]


def _example(number: int, intent: Intent, body: str) -> Example:
    return Example(f"en-{number}", "en", (intent,), "", body)


def test_every_email_of_a_run_sees_the_same_account() -> None:
    """A refund planned for one email is never carried out, so the next email's refund of the
    same payment is read the same way (not refused as "already refunded"), in any order."""
    whole = _example(1, Intent.REFUND, "Please refund my last payment.")
    half = _example(2, Intent.PARTIAL_REFUND, "Please refund half of my last payment.")
    prorated = _example(
        3, Intent.PARTIAL_REFUND, "Please give me a prorated refund for the rest of this month."
    )
    results = run_examples([whole, half, whole, prorated, half], BrainOptions(brain="rules"))
    assert [r.predicted for r in results] == [
        ["refund"],
        ["partial_refund"],
        ["refund"],
        ["partial_refund"],
        ["partial_refund"],
    ]
