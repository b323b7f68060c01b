"""Run eval cases: one fake Stripe server reset to the demo seed and a fresh workspace per
case, the agent run the way the pipeline runs it, then the expectations checked."""

from __future__ import annotations

import asyncio
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy import func, select

from knowreply.agent.runner import run_agent
from knowreply.agent.trace import AgentInput, Outcome, quoted_thread
from knowreply.config import Settings
from knowreply.db.models import Workspace
from knowreply.db.session import transaction
from knowreply.evaluation.cases import Case
from knowreply.evaluation.checks import Observation, differences
from knowreply.evaluation.fake_account import FakeAccount, running_fake_account
from knowreply.evaluation.report import BrainScore, CaseResult, EvalReport
from knowreply.integrations.stripe import service
from knowreply.integrations.stripe.capabilities import CapabilityName
from knowreply.mail.auth import verify_sender
from knowreply.mail.parse import parse_message
from knowreply.mail.screen import screen
from knowreply.runtime import Runtime, initialize
from knowreply.workspaces import WorkspaceSettings, create_workspace

BrainName = Literal["rules", "openai", "anthropic"]


@dataclass(frozen=True)
class BrainOptions:
    """Which brain answers, and for an LLM, where and with which key."""

    brain: BrainName = "rules"
    model: str | None = None
    base_url: str | None = None
    api_key: str | None = None
    timeout_seconds: float | None = None


@dataclass(frozen=True)
class _Email:
    """A case's email as the agent gets it, or the screen's reason for skipping it."""

    agent_input: AgentInput | None
    skipped: str | None = None


def run_eval(
    cases: list[Case], brain: BrainOptions | None = None, *, repeat: int = 1
) -> EvalReport:
    """Run every case `repeat` times with one brain (in a temporary database)."""
    options = brain or BrainOptions()
    with tempfile.TemporaryDirectory(prefix="knowreply-eval-") as tmp:
        settings = Settings(database_url=f"sqlite:///{Path(tmp) / 'eval.sqlite'}", data_dir=tmp)
        runtime, _ = initialize(settings)
        try:
            with running_fake_account() as account:
                results = asyncio.run(_run_all(runtime, account, cases, options, repeat))
        finally:
            runtime.engine.dispose()
    score = BrainScore(brain=options.brain, model=options.model, repeat=repeat, cases=results)
    return EvalReport(scores=[score])


async def _run_all(
    runtime: Runtime, account: FakeAccount, cases: list[Case], options: BrainOptions, repeat: int
) -> list[CaseResult]:
    results = []
    for case in cases:
        started = time.monotonic()
        found = [await run_case(runtime, account, case, options) for _ in range(repeat)]
        results.append(
            CaseResult(
                id=case.id,
                description=case.description,
                runs=repeat,
                right=sum(1 for differences_ in found if not differences_),
                differences=found,
                seconds=round(time.monotonic() - started, 3),
            )
        )
    return results


async def run_case(
    runtime: Runtime, account: FakeAccount, case: Case, options: BrainOptions
) -> list[str]:
    """One run of one case from a fresh account and workspace; what differed (empty: right)."""
    account.reset()
    workspace_id = await fresh_workspace(runtime, account, case, options)
    charges = {p.name: account.plant(p) for p in case.payments}
    account.clear_log()
    email = _email(case, workspace_id, charges)
    if email.agent_input is None:
        seen = Observation(Outcome.SKIPPED, email.skipped, None, None)
    else:
        trace = await run_agent(runtime, email.agent_input)
        seen = Observation(
            outcome=trace.outcome,
            reason=trace.reason,
            sender=trace.sender,
            reply=trace.reply.text if trace.reply else None,
            reply_to=trace.reply.to if trace.reply else None,
            tool_calls=trace.tool_calls,
            policy_rules=[decision.rule for decision in trace.policy],
            truncated=trace.truncated,
        )
    seen.stripe = account.end_state()
    return differences(_with_charge_ids(case, charges), seen)


async def fresh_workspace(
    runtime: Runtime, account: FakeAccount, case: Case, options: BrainOptions
) -> int:
    with transaction(runtime.sessions) as session:
        count = session.scalar(select(func.count()).select_from(Workspace)) or 0
        workspace = create_workspace(session, f"eval-{count + 1}")
        workspace.settings = _settings(runtime, case, options).model_dump()
        name = workspace.name
        workspace_id = workspace.id
    view, _ = await service.connect(
        runtime, name, account.demo.key, actor="eval", api_base=account.url
    )
    if not view.connected:
        raise RuntimeError(f"the eval workspace could not connect to the fake Stripe: {view}")
    enabled = set(CapabilityName) if case.capabilities is None else set(case.capabilities)
    service.change_capabilities(
        runtime,
        workspace_id,
        enable=enabled,
        disable=[c for c in CapabilityName if c not in enabled],
        actor="eval",
    )
    return workspace_id


def _settings(runtime: Runtime, case: Case, options: BrainOptions) -> WorkspaceSettings:
    """The eval's shop (Acme, automatic actions), the brain, then the case's own changes."""
    base = WorkspaceSettings(
        business_name="Acme",
        approval_mode="auto",
        brain=options.brain,
        llm_model=options.model,
        llm_base_url=options.base_url,
        llm_api_key_encrypted=(
            runtime.master_key.encrypt(options.api_key) if options.api_key else None
        ),
    )
    if options.timeout_seconds is not None:
        base = base.model_copy(update={"llm_timeout_seconds": options.timeout_seconds})
    return WorkspaceSettings.model_validate({**base.model_dump(), **case.settings})


def _with_charges(text: str, charges: dict[str | None, str]) -> str:
    for name, charge_id in charges.items():
        if name:
            text = text.replace("{" + name + "}", charge_id)
    return text


def _with_charge_ids(case: Case, charges: dict[str | None, str]) -> Case:
    """The case with `{name}` in its expected call arguments replaced by the planted ids."""
    calls = [
        call.model_copy(
            update={
                "args": {
                    k: _with_charges(v, charges) if isinstance(v, str) else v
                    for k, v in call.args.items()
                }
            }
        )
        for call in case.expect.calls
    ]
    return case.model_copy(update={"expect": case.expect.model_copy(update={"calls": calls})})


def _email(case: Case, workspace_id: int, charges: dict[str | None, str]) -> _Email:
    """The case's email; a raw one is parsed, screened and verified like the pipeline does."""
    path = case.eml_path
    if path is None:
        assert case.sender is not None and case.text is not None
        return _Email(
            AgentInput.written(
                workspace_id=workspace_id,
                sender=case.sender.strip().lower(),
                subject=_with_charges(case.subject, charges),
                text=_with_charges(case.text, charges) * case.repeat_text,
                verified=case.verified,
                source="simulator",
            )
        )
    message = parse_message(path.read_bytes())
    settings = WorkspaceSettings.model_validate(case.settings)
    own = {settings.support_address} if settings.support_address else set()
    verdict = screen(message, own_addresses=own)
    if verdict.reason is not None or message.sender is None:
        return _Email(None, skipped=f"{verdict.reason}: {verdict.detail}")
    verification = verify_sender(message, trusted_authserv_ids=set(settings.trusted_authserv_ids))
    return _Email(
        AgentInput(
            workspace_id=workspace_id,
            sender=message.sender.address,
            subject=message.subject,
            text=message.new_text,
            thread=quoted_thread(message.text, message.new_text),
            verified=verification.verified,
            truncated=message.truncated,
            source="simulator",
        )
    )
