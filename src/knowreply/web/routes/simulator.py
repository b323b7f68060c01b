"""Dashboard > Simulator: send the agent a pretend email and see everything it did."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field, ValidationError, field_validator

from knowreply.agent.runner import run_agent
from knowreply.agent.trace import AgentInput, Trace
from knowreply.integrations.stripe import service
from knowreply.integrations.stripe.fake import DEMO_RESTRICTED_KEY, demo_customers
from knowreply.integrations.stripe.keys import parse_key
from knowreply.web import repository
from knowreply.web.accounts import Principal
from knowreply.web.params import RowId
from knowreply.web.security import (
    ApiOperator,
    ApiPrincipal,
    PageOperator,
    PagePrincipal,
    RuntimeDep,
)
from knowreply.web.templating import render

router = APIRouter()
MAX_BODY_CHARS = 100_000
DEMO_KEY_MASKED = parse_key(DEMO_RESTRICTED_KEY).masked
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
    return await run_agent(
        runtime,
        AgentInput(
            workspace_id=workspace_id,
            sender=email.sender,
            subject=email.subject,
            text=email.body,
            verified=email.verified,
            source="simulator",
        ),
    )


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
        stripe=stripe,
        demo_key=stripe.key_masked == DEMO_KEY_MASKED,
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
    form = {"sender": trace.sender, "subject": "", "body": "", "verified": ""}
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
    if partial:
        return render(request, "_trace.html", trace=trace)
    return _page(request, principal, runtime, form=form, trace=trace)


@dataclass(frozen=True)
class DemoCustomer:
    email: str
    story: str
    subject: str
    body: str


@router.get("/demo", include_in_schema=False)
def demo_page(request: Request, principal: PagePrincipal) -> HTMLResponse:
    customers = [
        DemoCustomer(email, story, *TYPICAL_QUESTIONS.get(email, REFUND_QUESTION))
        for email, story in demo_customers()
    ]
    return render(
        request,
        "demo.html",
        principal=principal,
        page="simulator",
        title="Demo customers",
        customers=customers,
    )


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
