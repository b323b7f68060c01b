"""One run of the agent: identify the customer, run the brain with the allowed tools under
policy, and turn what happened into a `Trace` (replied, escalated, awaiting approval or
verification, failed)."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import structlog
from pydantic_ai import Agent, DeferredToolRequests, DeferredToolResults
from pydantic_ai.exceptions import UsageLimitExceeded
from pydantic_ai.messages import ModelMessagesTypeAdapter
from pydantic_ai.models import Model
from pydantic_ai.run import AgentRunResult
from pydantic_ai.usage import RunUsage, UsageLimits
from sqlalchemy import func, select

from knowreply.agent.acknowledge import acknowledgement
from knowreply.agent.brains.rules import Audience, Persona, replies, understand
from knowreply.agent.brains.rules.intent_model import WRITE_KINDS, shared_model
from knowreply.agent.brains.rules.model import RulesBrain
from knowreply.agent.brains.rules.understanding import Intent, Understanding
from knowreply.agent.deps import RunDeps
from knowreply.agent.handoff import HandOff
from knowreply.agent.intake import Requests, WriteKind, read_requests
from knowreply.agent.intake.codes import one_time_code
from knowreply.agent.intake.injection import injection_suspected
from knowreply.agent.paused import PausedRun
from knowreply.agent.policy import idempotency_seed
from knowreply.agent.prompt import system_prompt, user_prompt
from knowreply.agent.reply_check import review_reply
from knowreply.agent.tools import toolset
from knowreply.agent.trace import (
    AgentInput,
    Outcome,
    PolicyDecision,
    Reply,
    ReplyKind,
    Trace,
    Usage,
)
from knowreply.agent.verification import (
    CODE_LIFETIME,
    CODE_PLACEHOLDER,
    PendingRequest,
    issue_code,
    redeem_code,
    seal_code,
)
from knowreply.db.models import AgentRun, Workspace
from knowreply.db.session import transaction
from knowreply.integrations.stripe import connection as stripe_connection
from knowreply.integrations.stripe import operations as ops
from knowreply.integrations.stripe.capabilities import CapabilityName
from knowreply.integrations.stripe.client import StripeGateway
from knowreply.integrations.stripe.keys import StripeKey
from knowreply.integrations.stripe.ratelimit import shared_limiter
from knowreply.runtime import Runtime
from knowreply.workspaces import WorkspaceSettings, settings_of

log = structlog.get_logger(__name__)

AGENT: Agent[RunDeps, str | DeferredToolRequests] = Agent(
    output_type=[str, DeferredToolRequests], deps_type=RunDeps, retries=2
)


@dataclass(frozen=True)
class Setup:
    """What a run needs that comes from the workspace: settings, Stripe, capabilities."""

    settings: WorkspaceSettings
    key: StripeKey
    api_base: str | None
    capabilities: frozenset[CapabilityName]
    blocked: Mapping[CapabilityName, str] = field(default_factory=dict)
    """Enabled capabilities the key cannot serve, with the permission to add."""
    account_id: str | None = None
    """The Stripe account the key reaches: its rate limits are shared by every key of it."""


_ABOUT_SUBSCRIPTIONS = frozenset({Intent.SUBSCRIPTION_STATUS, Intent.CANCEL})


def brings_subscriptions(setup: Setup, understanding: Understanding) -> bool:
    """Whether the customer lookup should bring the sender's subscriptions along: the email
    is about them and the key may read them (so the answer saves a request)."""
    asked = {understanding.intent, *understanding.secondary_intents}
    return CapabilityName.SUBSCRIPTIONS in setup.capabilities and bool(asked & _ABOUT_SUBSCRIPTIONS)


def load_setup(runtime: Runtime, workspace_id: int) -> Setup | str:
    """The workspace's setup, or why the agent cannot run (a person must answer)."""
    with transaction(runtime.sessions) as session:
        workspace = session.get(Workspace, workspace_id)
        if workspace is None:
            return "The workspace does not exist."
        settings = settings_of(workspace)
        connection = stripe_connection.get_connection(session, workspace_id)
        if connection is None:
            return "Stripe is not connected (Dashboard > Toolkit)."
        if connection.status != stripe_connection.ConnectionStatus.CONNECTED:
            return f"The Stripe connection does not work: {connection.status_detail}"
        choices = stripe_connection.ensure_capability_settings(session, workspace_id)
        allowed, blocked = stripe_connection.capability_states(connection, choices)
        key = stripe_connection.stored_key(connection, runtime.master_key)
        return Setup(settings, key, connection.api_base, allowed, blocked, connection.account_id)


def persona_of(settings: WorkspaceSettings) -> Persona:
    return Persona(settings.business_name, settings.tone, settings.signature.strip() or None)


def audience_of(settings: WorkspaceSettings, understanding: Understanding) -> Audience:
    return Audience(understanding.language, ZoneInfo(settings.timezone))


def only_asked_writes(understanding: Understanding, asked: Requests) -> Understanding:
    """The rules brain plans no write the customer's own words do not explicitly ask for
    ("I do NOT want that", "is it possible to cancel later?"): a person answers instead."""
    intents = [
        intent
        for intent in (understanding.intent, *understanding.secondary_intents)
        if intent not in WRITE_KINDS or WRITE_KINDS[intent] in asked.kinds
    ]
    if intents == [understanding.intent, *understanding.secondary_intents]:
        return understanding
    primary = intents[0] if intents else Intent.UNCLEAR
    return understanding.model_copy(
        update={"intent": primary, "secondary_intents": tuple(intents[1:])}
    )


DOUBTS = (
    "the sentences that ask for it do not read as asking to the model learnt from the corpus: "
    "the rules brain plans no such write, another brain's waits for a member"
)
"""Why the Simulator and the audit show a write the request check found asked as doubted."""


def doubted_writes(asked: Requests) -> frozenset[WriteKind]:
    """The writes the check finds asked in sentences the rules brain's learnt second opinion
    does not believe (`ask_model`), whatever the brain: the model is loaded only when some
    sentence asks."""
    return shared_model().doubted(asked.asked_in) if any(asked.asked_in.values()) else frozenset()


def reply_subject(subject: str) -> str:
    clean = subject.strip() or "Your message"
    return clean if clean.lower().startswith("re:") else f"Re: {clean}"


class Run:
    """One agent run over one email; `execute` fills in `trace`."""

    def __init__(
        self, runtime: Runtime, agent_input: AgentInput, trace: Trace, run_id: int, now: datetime
    ) -> None:
        self.runtime = runtime
        self.input = agent_input
        self.trace = trace
        self.run_id = run_id
        self.now = now
        self.state: PausedRun | None = None
        self.approved: dict[str, int] = {}
        """On resumption: tool call id -> approved action id."""

    def decide(self, rule: str, decision: str, detail: str | None = None) -> None:
        self.trace.policy.append(PolicyDecision(rule=rule, decision=decision, detail=detail))

    def finish(
        self,
        outcome: Outcome,
        reason: str | None = None,
        reply: str | None = None,
        *,
        to: str | None = None,
        kind: ReplyKind = "reply",
    ) -> Trace:
        self.trace.outcome = outcome
        self.trace.reason = reason
        if reply is not None:
            self.trace.reply = Reply(
                to=to or self.input.sender,
                subject=reply_subject(self.input.subject),
                text=reply,
                kind=kind,
            )
        return self.trace

    async def execute(self) -> Trace:
        setup = load_setup(self.runtime, self.input.workspace_id)
        if isinstance(setup, str):
            self.decide("stripe", "unavailable", setup)
            return self.finish(Outcome.ESCALATED, setup)
        self.trace.brain = setup.settings.brain
        self.trace.model = setup.settings.llm_model if setup.settings.brain != "rules" else "rules"
        understanding = self._understand(setup)
        if injection_suspected(self.input.text, subject=self.input.subject):
            self.decide("input", "instructions in the email ignored")
        if self._redeem_code(understanding):
            understanding = self._understand(setup)
        audience = audience_of(setup.settings, understanding)
        limiter = shared_limiter(
            self.runtime.sessions,
            setup.key.secret,
            setup.api_base,
            setup.key.mode,
            setup.account_id,
        )
        async with StripeGateway(setup.key, limiter, setup.api_base) as gateway:
            try:
                return await self._with_stripe(setup, understanding, audience, gateway)
            finally:
                self.trace.stripe_requests = list(gateway.requests)

    def _understand(self, setup: Setup) -> Understanding:
        return understand(
            self.input.text,
            subject=self.input.subject,
            today=self.now.date(),
            default_currency=setup.settings.default_currency,
            thread=self.input.thread,
        )

    def _deps(self, setup: Setup, gateway: StripeGateway, scope: ops.CustomerScope) -> RunDeps:
        requests = read_requests(
            self.input.text,
            subject=self.input.subject,
            default_currency=setup.settings.default_currency,
            thread=self.input.thread,
        )
        return RunDeps(
            runtime=self.runtime,
            agent_input=self.input,
            settings=setup.settings,
            gateway=gateway,
            scope=scope,
            capabilities=setup.capabilities,
            trace=self.trace,
            run_id=self.run_id,
            seed=idempotency_seed(self.input.workspace_id, self.input.message_id, self.run_id),
            now=self.now,
            requests=requests,
            doubted=doubted_writes(requests),
            approved=dict(self.approved),
        )

    async def _run_brain(
        self,
        setup: Setup,
        understanding: Understanding,
        audience: Audience,
        deps: RunDeps,
        **run: Any,
    ) -> Trace:
        """One pydantic-ai run (a new email, or the resumption after approval), within the
        run's budgets; its usage is recorded whatever its end."""
        settings = setup.settings
        llm = settings.brain != "rules"
        tokens = settings.run_max_tokens
        if llm:
            left = settings.daily_token_budget - self._tokens_today()
            if left <= 0:
                self.decide("budget", "daily token budget used up")
                return self.finish(
                    Outcome.ESCALATED, "The workspace's daily token budget is used up."
                )
            tokens = min(tokens, left)
        limits = UsageLimits(
            request_limit=settings.run_max_model_requests,
            tool_calls_limit=settings.run_max_tool_calls,
            total_tokens_limit=tokens if llm else None,
        )
        model, instructions = self._brain(setup, understanding, audience, deps)
        usage = RunUsage()
        try:
            async with asyncio.timeout(settings.run_max_seconds):
                result = await AGENT.run(
                    deps=deps,
                    model=model,
                    instructions=instructions,
                    toolsets=[toolset(setup.capabilities, setup.blocked)],
                    usage_limits=limits,
                    usage=usage,
                    **run,
                )
        except HandOff as handoff:
            return self.finish(Outcome.ESCALATED, handoff.reason)
        except UsageLimitExceeded as exceeded:
            self.decide("budget", "run budget used up", str(exceeded))
            return self.finish(Outcome.ESCALATED, f"The run's budget is used up: {exceeded}")
        except TimeoutError:
            reason = f"The run took longer than {settings.run_max_seconds:g} seconds."
            self.decide("budget", "run time used up", reason)
            return self.finish(Outcome.ESCALATED, reason)
        finally:
            self._count(usage, llm=llm)
        return self._outcome(deps, result, audience, setup)

    def _count(self, usage: RunUsage, *, llm: bool) -> None:
        self.trace.usage = Usage(
            requests=self.trace.usage.requests + usage.requests,
            input_tokens=self.trace.usage.input_tokens + (usage.input_tokens if llm else 0),
            output_tokens=self.trace.usage.output_tokens + (usage.output_tokens if llm else 0),
        )

    def _tokens_today(self) -> int:
        midnight = self.now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        with self.runtime.sessions() as session:
            used = session.scalar(
                select(
                    func.coalesce(func.sum(AgentRun.input_tokens + AgentRun.output_tokens), 0)
                ).where(
                    AgentRun.workspace_id == self.input.workspace_id,
                    AgentRun.started_at >= midnight,
                )
            )
        return int(used or 0)

    def _redeem_code(self, understanding: Understanding) -> bool:
        """A reply carrying the code we sent: carry out the request it confirms, verified.

        Returns whether the input was replaced by the confirmed request."""
        code = one_time_code(self.input.text, japanese=understanding.language == "ja")
        if code is None:
            return False
        with transaction(self.runtime.sessions) as session:
            pending = redeem_code(
                session,
                self.runtime.master_key,
                workspace_id=self.input.workspace_id,
                email=self.input.sender,
                code=code,
            )
        if pending is None:
            self.decide(
                "verification",
                "code not accepted",
                "wrong, used or expired code; treated as a normal email",
            )
            return False
        self.decide("verification", "code confirmed", "the request it was sent for is carried out")
        self.input = self.input.model_copy(
            update={
                "text": pending.text,
                "thread": "",  # the code email's thread, not the request's: no offer to accept
                "subject": pending.subject or self.input.subject,
                "verified": True,
                "message_id": pending.message_id or self.input.message_id,
            }
        )
        self.trace.verified = True
        return True

    async def _with_stripe(
        self, setup: Setup, understanding: Understanding, audience: Audience, gateway: StripeGateway
    ) -> Trace:
        lookup = await ops.find_customers(
            gateway,
            self.input.sender,
            mode=setup.key.mode,
            with_subscriptions=brings_subscriptions(setup, understanding),
        )
        if lookup.scope is None:
            reason = f"{lookup.message}. {lookup.hint}" if lookup.hint else lookup.message
            self.decide("identify", "no customer", reason)
            if setup.settings.unknown_sender_reply == "none":  # anyone can write as anyone
                return self.finish(Outcome.ESCALATED, f"{reason}. Not answered (Settings).")
            text = replies.compose(
                [replies.no_customer(audience)],
                persona=persona_of(setup.settings),
                audience=audience,
            )
            return self.finish(Outcome.REPLIED, reason, text)
        scope = lookup.scope
        self.trace.customers = [customer.id for customer in scope.customers]
        self.decide("identify", f"{len(scope.customers)} customer(s) with the sender's email")
        self.decide(
            "verification",
            "verified" if self.input.verified else "unverified",
            "writes need a verified sender" if not self.input.verified else None,
        )
        self.decide(
            "capabilities", ", ".join(sorted(c.value for c in setup.capabilities)) or "none"
        )
        deps = self._deps(setup, gateway, scope)
        if deps.doubted:
            self.decide("second opinion", f"doubted: {', '.join(sorted(deps.doubted))}", DOUBTS)
        return await self._run_brain(
            setup, understanding, audience, deps, user_prompt=user_prompt(self.input)
        )

    def _brain(
        self,
        setup: Setup,
        understanding: Understanding,
        audience: Audience,
        deps: RunDeps,
    ) -> tuple[Model, str | None]:
        if setup.settings.brain == "rules":
            brain = RulesBrain(
                only_asked_writes(understanding, deps.requests),
                persona_of(setup.settings),
                audience,
                deps.scope.customers[0].name,
            )
            return brain.model(), None
        from knowreply.agent.brains.llm import llm_model  # the SDKs load only when used

        return llm_model(setup.settings, self.runtime.master_key), system_prompt(setup.settings)

    def _outcome(
        self,
        deps: RunDeps,
        result: AgentRunResult[str | DeferredToolRequests],
        audience: Audience,
        setup: Setup,
    ) -> Trace:
        output = result.output
        if deps.blocked_for_verification:
            return self._ask_for_code(audience, setup)
        if deps.escalation:
            return self.finish(Outcome.ESCALATED, deps.escalation)
        if isinstance(output, DeferredToolRequests):
            pending = {
                call.tool_call_id: (output.metadata.get(call.tool_call_id) or {}).get("action_id")
                for call in output.approvals
            }
            if not pending or not all(isinstance(a, int) for a in pending.values()):
                return self.finish(Outcome.ESCALATED, "A tool waited without a planned action.")
            self.state = PausedRun(
                input=self.input,
                messages=ModelMessagesTypeAdapter.dump_python(result.all_messages(), mode="json"),
                pending={call_id: int(a) for call_id, a in pending.items() if a is not None},
            )
            self.decide("approval", "waiting for a member", f"{len(output.approvals)} action(s)")
            text = None
            if setup.settings.acknowledge_waiting:
                persona = persona_of(setup.settings)
                text = acknowledgement(deps, self.state.pending.values(), persona, audience)
            return self.finish(
                Outcome.AWAITING_APPROVAL,
                "A member must approve the action.",
                text,
                kind="acknowledgement",
            )
        if not output.strip():
            return self.finish(Outcome.ESCALATED, "The brain wrote no reply.")
        review = review_reply(output, deps)
        if review.text is None:
            return self.finish(Outcome.ESCALATED, review.handoff)
        return self.finish(Outcome.REPLIED, None, review.text)

    def _ask_for_code(self, audience: Audience, setup: Setup) -> Trace:
        with transaction(self.runtime.sessions) as session:
            code = issue_code(
                session,
                self.runtime.master_key,
                workspace_id=self.input.workspace_id,
                email=self.input.sender,
                request=PendingRequest(self.input.message_id, self.input.subject, self.input.text),
            )
        self.decide("verification", "code sent", "the request waits for the customer's reply")
        minutes = int(CODE_LIFETIME.total_seconds() // 60)
        text = replies.compose(
            [replies.verification_needed(audience, code=CODE_PLACEHOLDER, minutes=minutes)],
            persona=persona_of(setup.settings),
            audience=audience,
        )
        trace = self.finish(
            Outcome.AWAITING_VERIFICATION,
            "The sender is not verified; a one-time code was sent.",
            text,
        )
        assert trace.reply is not None
        trace.reply.sealed_code = seal_code(self.runtime.master_key, code)  # never in clear
        return trace

    async def resume(self, paused: PausedRun) -> Trace:
        """Finish a run that waited for approval, every action approved: each waiting call
        executes its action's stored plan."""
        self.approved = dict(paused.pending)
        decisions = DeferredToolResults(approvals=dict.fromkeys(paused.pending, True))
        history = paused.history()
        setup = load_setup(self.runtime, self.input.workspace_id)
        if isinstance(setup, str):
            return self.finish(Outcome.ESCALATED, setup)
        understanding = self._understand(setup)
        audience = audience_of(setup.settings, understanding)
        limiter = shared_limiter(
            self.runtime.sessions,
            setup.key.secret,
            setup.api_base,
            setup.key.mode,
            setup.account_id,
        )
        async with StripeGateway(setup.key, limiter, setup.api_base) as gateway:
            try:
                lookup = await ops.find_customers(
                    gateway,
                    self.input.sender,
                    mode=setup.key.mode,
                    with_subscriptions=brings_subscriptions(setup, understanding),
                )
                if lookup.scope is None:
                    return self.finish(Outcome.ESCALATED, lookup.message)
                self.state = None
                deps = self._deps(setup, gateway, lookup.scope)
                return await self._run_brain(
                    setup,
                    understanding,
                    audience,
                    deps,
                    message_history=history,
                    deferred_tool_results=decisions,
                )
            finally:
                self.trace.stripe_requests = [*self.trace.stripe_requests, *gateway.requests]
