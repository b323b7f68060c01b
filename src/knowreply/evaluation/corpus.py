"""Run the intent corpus (`brains/rules/corpus/{dev,heldout}`) through the agent, any brain.

Brain-neutral: what a brain understood is read from the tools it called (`list_invoices`
with a number or month is an invoice lookup, `refund` with an amount a partial refund…);
a run that called no tool handed the email to a person. `not_billing`, `unclear` and
`verification_code` are all right when a person gets the email (`person`).
"""

from __future__ import annotations

import asyncio
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from knowreply.agent.brains.rules.examples import LANGUAGES, Example, Split, load
from knowreply.agent.intake import read_requests
from knowreply.agent.runner import run_agent
from knowreply.agent.trace import AgentInput, Outcome, ToolCall
from knowreply.config import Settings
from knowreply.evaluation.cases import Case, Expectation
from knowreply.evaluation.fake_account import running_fake_account
from knowreply.evaluation.runner import BrainOptions, fresh_workspace
from knowreply.runtime import Runtime, initialize

PERSON = "person"
SENDER = "carol@example.com"
"""A demo customer with a monthly subscription and its paid invoices: every tool has an
answer, and a part of a period ("a prorated refund") can be sized."""
CORPUS_SETTINGS = {"approval_mode": "always"}
"""Every write waits for a member, so no email changes the account the next one sees: a
refund run for one email would otherwise make a later one's refund fail as "already
refunded", and the scores would depend on the order (and concurrency) of the run."""
WRITES = frozenset({"refund", "partial_refund", "cancel", "payment_link", "portal_link"})
_STANDALONE = frozenset({"not_billing", "unclear", "verification_code"})
_BY_TOOL = {
    "payment_history": "payment_history",
    "payment_status": "payment_status",
    "find_charges": "charge_lookup",
    "subscription_status": "subscription_status",
    "create_payment_link": "payment_link",
    "portal_link": "portal_link",
    "cancel_subscription": "cancel",
}


def intent_of_call(call: ToolCall, *, part_asked: bool = False) -> str | None:
    """The intent a tool call answers (None for `escalate` and unknown tools).

    A refund is partial when it names an amount or its plan is for a part. Without either,
    `part_asked` decides: the email's own words ask for a part (`Requests.partial`), which
    the refund tool sizes itself when no amount is passed, so a call it then handed to a
    person ("the counted part cannot be sized") was still a call for a part."""
    if call.name == "list_invoices":
        looked_up = any(call.args.get(k) for k in ("number", "year", "month"))
        return "invoice_lookup" if looked_up else "latest_invoice"
    if call.name == "refund":
        if call.args.get("amount"):
            return "partial_refund"
        if call.write is not None:
            return "partial_refund" if call.write.whole is False else "refund"  # "half"
        return "partial_refund" if part_asked else "refund"
    return _BY_TOOL.get(call.name)


@dataclass
class CorpusResult:
    id: str
    lang: str
    labels: list[str]
    predicted: list[str]
    """The intents answered by the tools called, in call order; [] when a person answers."""
    error: str | None = None

    @property
    def expected(self) -> str:
        return PERSON if self.labels[0] in _STANDALONE else self.labels[0]

    @property
    def primary(self) -> str:
        return self.predicted[0] if self.predicted else PERSON

    @property
    def right(self) -> bool:
        if len(self.labels) > 1:
            return self.primary in self.labels
        return self.primary == self.expected

    @property
    def unasked_write(self) -> bool:
        return bool(WRITES & set(self.predicted)) and not WRITES & set(self.labels)


@dataclass
class CorpusReport:
    split: str
    brain: str
    model: str | None
    results: list[CorpusResult] = field(default_factory=list)

    def accuracy(self, lang: str | None = None) -> float:
        chosen = [r for r in self.results if lang is None or r.lang == lang]
        return sum(r.right for r in chosen) / len(chosen) if chosen else 0.0

    @property
    def languages(self) -> list[str]:
        return list(dict.fromkeys(r.lang for r in self.results))

    @property
    def unclear_among_billing(self) -> float:
        billing = [r for r in self.results if r.expected != PERSON]
        return sum(r.primary == PERSON for r in billing) / len(billing) if billing else 0.0

    @property
    def write_precision(self) -> float:
        writing = [r for r in self.results if WRITES & set(r.predicted)]
        if not writing:
            return 1.0
        return sum(not r.unasked_write for r in writing) / len(writing)

    def confusion(self) -> Counter[tuple[str, str]]:
        return Counter((r.expected, r.primary) for r in self.results)

    def as_json(self) -> dict[str, object]:
        return {
            "split": self.split,
            "brain": self.brain,
            "model": self.model,
            "emails": len(self.results),
            "accuracy": round(self.accuracy(), 4),
            "accuracy_by_language": {
                lang: round(self.accuracy(lang), 4) for lang in self.languages
            },
            "unclear_among_billing": round(self.unclear_among_billing, 4),
            "write_precision": round(self.write_precision, 4),
            "unasked_writes": [r.id for r in self.results if r.unasked_write],
            "confusion": [
                {"expected": e, "predicted": p, "count": n}
                for (e, p), n in sorted(self.confusion().items())
            ],
            "wrong": [
                {"id": r.id, "labels": r.labels, "predicted": r.predicted, "error": r.error}
                for r in self.results
                if not r.right
            ],
        }

    def as_text(self) -> str:
        name = self.brain + (f" ({self.model})" if self.model else "")
        lines = [
            f"corpus split {self.split}, brain {name}: {len(self.results)} emails",
            f"  intent accuracy: {self.accuracy():.1%}",
            *(
                f"    {lang}: {self.accuracy(lang):.1%} of "
                f"{sum(r.lang == lang for r in self.results)}"
                for lang in self.languages
            ),
            f"  billing questions handed to a person: {self.unclear_among_billing:.1%}",
            f"  write precision: {self.write_precision:.1%}"
            f" ({sum(r.unasked_write for r in self.results)} unasked writes)",
            "  confusion (rows: expected, columns: predicted):",
        ]
        return "\n".join(lines + self._matrix())

    def _matrix(self) -> list[str]:
        confusion = self.confusion()
        labels = sorted({label for pair in confusion for label in pair})
        width = max(len(label) for label in labels)
        rows = ["    " + " " * width + " " + " ".join(f"{label[:6]:>6}" for label in labels)]
        for expected in labels:
            counts = " ".join(f"{confusion[(expected, p)] or '.':>6}" for p in labels)
            rows.append(f"    {expected:>{width}} {counts}")
        return rows


async def _run_one(
    runtime: Runtime, workspace_id: int, example: Example, seconds: float | None
) -> CorpusResult:
    email = AgentInput.written(
        workspace_id=workspace_id,
        sender=SENDER,
        subject=example.subject,
        text=example.body,
        verified=True,
        source="simulator",
    )
    labels = [i.value for i in example.intents]
    try:
        async with asyncio.timeout(seconds):
            trace = await run_agent(runtime, email)
    except TimeoutError:
        return CorpusResult(example.id, example.lang, labels, [], error=f"timeout ({seconds} s)")
    part_asked = read_requests(email.text, subject=email.subject, thread=email.thread).partial
    called = (intent_of_call(c, part_asked=part_asked) for c in trace.tool_calls)
    predicted = [i for i in called if i is not None]
    return CorpusResult(example.id, example.lang, labels, list(dict.fromkeys(predicted)))


def run_corpus(
    split: Split,
    options: BrainOptions,
    *,
    jobs: int = 1,
    timeout: float | None = None,
    languages: tuple[str, ...] | None = None,
    batch: int | None = None,
) -> CorpusReport:
    """Every email of the split (of one batch) through the agent, `jobs` at a time."""
    examples = load(split, languages=languages or LANGUAGES, batch=batch)
    report = CorpusReport(split=split, brain=options.brain, model=options.model)
    report.results = run_examples(examples, options, jobs=jobs, timeout=timeout)
    return report


def run_examples(
    examples: list[Example], options: BrainOptions, *, jobs: int = 1, timeout: float | None = None
) -> list[CorpusResult]:
    """The emails through the agent in one workspace, each against the same demo account
    (`CORPUS_SETTINGS`: nothing a run plans is carried out)."""
    with tempfile.TemporaryDirectory(prefix="knowreply-corpus-") as tmp:
        settings = Settings(database_url=f"sqlite:///{Path(tmp) / 'eval.sqlite'}", data_dir=tmp)
        runtime, _ = initialize(settings)
        try:
            with running_fake_account() as account:
                account.reset()
                case = Case(
                    id="corpus",
                    description="the corpus's workspace",
                    sender=SENDER,
                    text="-",
                    settings=CORPUS_SETTINGS,
                    expect=Expectation(outcome=Outcome.REPLIED),
                )

                async def run_all() -> list[CorpusResult]:
                    workspace_id = await fresh_workspace(runtime, account, case, options)
                    gate = asyncio.Semaphore(jobs)

                    async def one(example: Example) -> CorpusResult:
                        async with gate:
                            return await _run_one(runtime, workspace_id, example, timeout)

                    return list(await asyncio.gather(*(one(e) for e in examples)))

                return asyncio.run(run_all())
        finally:
            runtime.engine.dispose()
