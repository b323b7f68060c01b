"""Dashboard > Approvals: refunds and cancellations the agent waits on a person for."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Form, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field

from knowreply.agent.approvals import AmountRefused
from knowreply.agent.trace import Trace
from knowreply.pipeline.decisions import decide_and_reply
from knowreply.runtime import Runtime
from knowreply.web import repository
from knowreply.web.accounts import Principal
from knowreply.web.approval_facts import ApprovalFacts, facts_for
from knowreply.web.params import RowId
from knowreply.web.queueing import message_queue
from knowreply.web.security import (
    ApiOperator,
    ApiPrincipal,
    PageOperator,
    PagePrincipal,
    RuntimeDep,
)
from knowreply.web.templating import render

router = APIRouter()
FACT_CARDS = 20
"""Cards that get Stripe's facts per page view; the rest show what is stored."""


AMOUNT_CHARS = 32
"""The longest amount a member may type ("1.234.567,50 €" is 14): anything longer is refused."""


class ApprovalsOut(BaseModel):
    pending: list[repository.ActionView]
    decided: list[repository.ActionView]


class ApproveIn(BaseModel):
    amount: str | None = Field(default=None, max_length=AMOUNT_CHARS)
    """For a refund planned without an amount ("12.50", in the payment's currency): what the
    member sets. Any other action's amount is fixed; an amount sent for one must match it."""


async def _decide(
    request: Request,
    runtime: Runtime,
    principal: Principal,
    action_id: int,
    approve: bool,
    amount: str | None = None,
) -> Trace:
    return await decide_and_reply(
        runtime, message_queue(request), principal, action_id, approve, amount=amount
    )


def _lists(runtime: Runtime, workspace_id: int) -> ApprovalsOut:
    with runtime.sessions() as session:
        return ApprovalsOut(
            pending=repository.actions(session, workspace_id, [repository.PENDING]),
            decided=repository.actions(session, workspace_id, repository.DECIDED, limit=50),
        )


async def _facts(
    runtime: Runtime, workspace_id: int, pending: list[repository.ActionView]
) -> dict[int, ApprovalFacts]:
    with runtime.sessions() as session:
        targets = repository.approval_targets(session, workspace_id, [a.id for a in pending])
    return await facts_for(runtime, workspace_id, targets) if targets else {}


@router.get("/approvals", include_in_schema=False)
async def approvals_page(
    request: Request,
    principal: PagePrincipal,
    runtime: RuntimeDep,
    known: Annotated[str | None, Query(max_length=2000)] = None,
) -> Response:
    """The page; htmx polls it with the waiting ids it shows (`known`), and gets 204 (no
    swap, no Stripe reads) while they are still the ones waiting."""
    lists = _lists(runtime, principal.workspace_id)
    if known is not None and known == _ids(lists.pending):
        return Response(status_code=204)
    return render(
        request,
        "approvals.html",
        principal=principal,
        page="approvals",
        title="Approvals",
        pending=lists.pending,
        decided=lists.decided,
        facts=await _facts(runtime, principal.workspace_id, lists.pending[:FACT_CARDS]),
        known=_ids(lists.pending),
    )


def _ids(pending: list[repository.ActionView]) -> str:
    return ",".join(str(action.id) for action in pending)


@router.get("/approvals/waiting", include_in_schema=False)
def waiting_badge(request: Request, principal: PagePrincipal) -> HTMLResponse:
    """The nav's count of actions waiting, polled by every page."""
    return render(request, "_waiting_badge.html", principal=principal)


@router.post("/approvals/{action_id}/{decision}", include_in_schema=False)
async def decide_form(
    request: Request,
    principal: PageOperator,
    runtime: RuntimeDep,
    action_id: RowId,
    decision: repository.Decision,
    amount: Annotated[str | None, Form(max_length=AMOUNT_CHARS)] = None,
) -> HTMLResponse:
    try:
        trace = await _decide(request, runtime, principal, action_id, decision == "approve", amount)
    except AmountRefused as refused:  # the card again, saying what to change
        return await _card_again(request, runtime, principal, action_id, refused.detail)
    with runtime.sessions() as session:
        action = repository.action_by_id(session, principal.workspace_id, action_id)
        waiting = repository.waiting_count(session, principal.workspace_id)
    response = render(
        request, "_approval_decided.html", action=action, trace=trace, pending_count=waiting
    )
    response.headers["HX-Trigger"] = "decided"
    return response


async def _card_again(
    request: Request, runtime: Runtime, principal: Principal, action_id: int, error: str
) -> HTMLResponse:
    with runtime.sessions() as session:
        action = repository.action_by_id(session, principal.workspace_id, action_id)
    facts = await _facts(runtime, principal.workspace_id, [action])
    return render(
        request,
        "_approval_card.html",
        action=action,
        f=facts.get(action.id),
        amount_error=error,
    )


# --- JSON API --------------------------------------------------------------------------------


@router.get("/api/v1/approvals", tags=["approvals"])
def approvals_api(principal: ApiPrincipal, runtime: RuntimeDep) -> ApprovalsOut:
    """Actions waiting for a person, and the latest 50 decided ones."""
    return _lists(runtime, principal.workspace_id)


@router.post("/api/v1/approvals/{action_id}/approve", tags=["approvals"])
async def approve_api(
    request: Request,
    action_id: RowId,
    principal: ApiOperator,
    runtime: RuntimeDep,
    body: Annotated[ApproveIn | None, Body()] = None,
) -> Trace:
    """Approve: the agent carries the action out and replies; returns that run's trace. A
    refund planned without an amount needs `{"amount": "12.50"}` (422 without it, or for an
    amount it cannot refund)."""
    amount = body.amount if body is not None else None
    return await _decide(request, runtime, principal, action_id, True, amount)


@router.post("/api/v1/approvals/{action_id}/reject", tags=["approvals"])
async def reject_api(
    request: Request, action_id: RowId, principal: ApiOperator, runtime: RuntimeDep
) -> Trace:
    """Reject: nothing is done in Stripe; the email goes to a person to answer."""
    return await _decide(request, runtime, principal, action_id, False)
