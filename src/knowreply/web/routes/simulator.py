"""Dashboard > Simulator: send the agent a pretend email and see everything it did."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field, ValidationError, field_validator

from knowreply.agent.runner import run_agent
from knowreply.agent.trace import AgentInput, Trace, WrittenEmail
from knowreply.db.session import transaction
from knowreply.demo_stripe import demo_account_or_none
from knowreply.integrations.stripe import service
from knowreply.integrations.stripe.connection import InvalidStripeKey
from knowreply.web import repository
from knowreply.web.accounts import Principal
from knowreply.web.params import RowId
from knowreply.web.security import (
    ApiOperator,
    ApiPrincipal,
    PageOperator,
    PageOwner,
    PagePrincipal,
    RuntimeDep,
)
from knowreply.web.templating import demo_key_masked, render

router = APIRouter()
MAX_BODY_CHARS = 100_000
REFUND_QUESTION = (
    "Refund please",
    "Hi, I was charged recently but I no longer use the product. "
    "Could you refund my last payment?\n\nThanks",
)
TYPICAL_QUESTIONS = {
    "bob@example.com": ("Payment failed?", "Hi, my card payment did not go through. Why?"),
    "carol@example.com": ("Next payment", "Hello, when is my next payment and how much is it?"),
    "dave@example.com": ("My trial", "Hi! When does my free trial end?"),
    "erin@example.com": ("Account past due", "Why does my account say past due? What do I owe?"),
    "shared@example.com": ("Invoices", "Can you send me my latest invoice?"),
}
"""What each demo customer would typically ask (a refund for the others)."""


class SimulateIn(BaseModel):
    """A pretend email: who sent it, whether their domain passed DMARC, what it says."""

    sender: str = Field(max_length=320)
    subject: str = Field(default="", max_length=998)
    body: str = Field(min_length=1, max_length=MAX_BODY_CHARS)
    verified: bool = False

    @field_validator("sender")
    @classmethod
    def _address(cls, value: str) -> str:
        value = value.strip().lower()
        local, at, domain = value.partition("@")
        if not (local and at and "." in domain) or " " in value:
            raise ValueError("not an email address")
        return value

    @field_validator("body")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("write what the customer asks")
        return value


async def simulate(runtime: RuntimeDep, workspace_id: int, email: SimulateIn) -> Trace:
    """Run the agent on the pretend email and keep the email with the run."""
    trace = await run_agent(
        runtime,
        AgentInput.written(
            workspace_id=workspace_id,
            sender=email.sender,
            subject=email.subject,
            text=email.body,
            verified=email.verified,
            source="simulator",
        ),
    )
    trace.simulated = WrittenEmail(subject=email.subject, text=email.body)
    if trace.run_id is not None:
        with transaction(runtime.sessions) as session:
            repository.remember_simulated_email(
                session, workspace_id, trace.run_id, trace.simulated
            )
    return trace


def _page(
    request: Request,
    principal: Principal,
    runtime: RuntimeDep,
    *,
    form: dict[str, str],
    trace: Trace | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    stripe = service.status(runtime, principal.workspace_id)
    with runtime.sessions() as session:
        runs = repository.recent_simulator_runs(session, principal.workspace_id)
        waiting = repository.run_actions(
            session, principal.workspace_id, trace.run_id if trace else None
        )
    return render(
        request,
        "simulator.html",
        principal=principal,
        page="simulator",
        title="Simulator",
        form=form,
        trace=trace,
        errors=errors or {},
        runs=runs,
        waiting_actions=waiting,
        stripe=stripe,
        demo_key=stripe.key_masked is not None
        and stripe.key_masked == demo_key_masked(stripe.api_base),
        status_code=status_code,
    )


@router.get("/simulator", include_in_schema=False)
def simulator_page(
    request: Request,
    principal: PagePrincipal,
    runtime: RuntimeDep,
    sender: str = "",
    subject: str = "",
    body: str = "",
    verified: bool = False,
) -> HTMLResponse:
    form = {
        "sender": sender,
        "subject": subject,
        "body": body,
        "verified": "on" if verified else "",
    }
    return _page(request, principal, runtime, form=form)


@router.get("/simulator/runs/{run_id}", include_in_schema=False)
def simulator_run_page(
    request: Request, principal: PagePrincipal, runtime: RuntimeDep, run_id: RowId
) -> HTMLResponse:
    with runtime.sessions() as session:
        trace = repository.run_trace(session, principal.workspace_id, run_id)
    written = trace.simulated
    form = {
        "sender": trace.sender,
        "subject": written.subject if written else "",
        "body": written.text if written else "",
        "verified": "on" if trace.verified else "",
    }
    return _page(request, principal, runtime, form=form, trace=trace)


@router.post("/simulator", include_in_schema=False)
async def simulator_form(
    request: Request,
    principal: PageOperator,
    runtime: RuntimeDep,
    sender: Annotated[str, Form()] = "",
    subject: Annotated[str, Form()] = "",
    body: Annotated[str, Form()] = "",
    verified: Annotated[str, Form()] = "",
) -> HTMLResponse:
    form = {"sender": sender, "subject": subject, "body": body, "verified": verified}
    partial = bool(request.headers.get("hx-request"))
    try:
        email = SimulateIn(
            sender=sender, subject=subject, body=body, verified=verified in ("on", "true", "1")
        )
    except ValidationError as error:
        errors = {
            str(e["loc"][0]): str(e["msg"]).removeprefix("Value error, ") for e in error.errors()
        }
        if partial:
            return render(request, "_simulator_errors.html", errors=errors, status_code=422)
        return _page(request, principal, runtime, form=form, errors=errors, status_code=422)
    trace = await simulate(runtime, principal.workspace_id, email)
    if not partial:
        return _page(request, principal, runtime, form=form, trace=trace)
    with runtime.sessions() as session:
        waiting = repository.run_actions(session, principal.workspace_id, trace.run_id)
    response = render(request, "_trace.html", trace=trace, waiting_actions=waiting)
    response.headers["HX-Trigger"] = "simulated"  # Recent runs and the nav's count refresh
    return response


@dataclass(frozen=True)
class DemoCustomer:
    email: str
    story: str
    subject: str
    body: str


def _demo_page(
    request: Request,
    principal: Principal,
    runtime: RuntimeDep,
    *,
    flashes: list[tuple[str, str]] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    stripe = service.status(runtime, principal.workspace_id)
    account = demo_account_or_none(stripe.api_base)
    customers = [
        DemoCustomer(c.email, c.story, *TYPICAL_QUESTIONS.get(c.email, REFUND_QUESTION))
        for c in (account.customers if account else ())
    ]
    return render(
        request,
        "demo.html",
        principal=principal,
        page="demo",
        title="Demo customers",
        customers=customers,
        demo_connected=stripe.connected and stripe.key_masked == demo_key_masked(stripe.api_base),
        can_reconnect=bool(runtime.settings.stripe_api_base),
        flashes=flashes or [],
        status_code=status_code,
    )


@router.get("/demo", include_in_schema=False)
def demo_page(request: Request, principal: PagePrincipal, runtime: RuntimeDep) -> HTMLResponse:
    return _demo_page(request, principal, runtime)


@router.post("/demo/reconnect", include_in_schema=False)
async def demo_reconnect(
    request: Request, principal: PageOwner, runtime: RuntimeDep
) -> HTMLResponse:
    """Connect the demo's restricted key again (after a Disconnect or another key). Only
    where the operator pointed Stripe at the demo's fake server: real Stripe refuses it."""
    if not runtime.settings.stripe_api_base:
        flash = ("error", "This server talks to the real Stripe, which refuses the demo key.")
        return _demo_page(request, principal, runtime, flashes=[flash], status_code=409)
    account = demo_account_or_none(runtime.settings.stripe_api_base)
    if account is None:
        flash = ("error", "The demo's fake Stripe server does not answer: run `make demo` again.")
        return _demo_page(request, principal, runtime, flashes=[flash], status_code=409)
    try:
        await service.connect(runtime, principal.workspace_name, account.key, actor=principal.actor)
    except InvalidStripeKey as error:
        return _demo_page(
            request, principal, runtime, flashes=[("error", error.message)], status_code=400
        )
    flash = ("ok", "The demo key is connected again: pick a customer below.")
    return _demo_page(request, principal, runtime, flashes=[flash])


# --- JSON API --------------------------------------------------------------------------------


@router.post("/api/v1/simulate", tags=["agent"])
async def simulate_api(body: SimulateIn, principal: ApiOperator, runtime: RuntimeDep) -> Trace:
    """Run the agent on a pretend email; nothing is sent. Returns the run's trace."""
    return await simulate(runtime, principal.workspace_id, body)


@router.get("/api/v1/runs/{run_id}", tags=["agent"])
def run_api(run_id: RowId, principal: ApiPrincipal, runtime: RuntimeDep) -> Trace:
    """The trace of one agent run of the workspace."""
    with runtime.sessions() as session:
        return repository.run_trace(session, principal.workspace_id, run_id)
