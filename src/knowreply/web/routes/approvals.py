"""Dashboard > Approvals: refunds and cancellations the agent waits on a person for."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from knowreply.agent.approvals import decide
from knowreply.agent.trace import Outcome, Trace
from knowreply.db.models import Action
from knowreply.runtime import Runtime
from knowreply.web import repository
from knowreply.web.accounts import Principal
from knowreply.web.approval_facts import ApprovalFacts, facts_for
from knowreply.web.params import RowId
from knowreply.web.queueing import message_queue
from knowreply.web.security import ApiPrincipal, PagePrincipal, RuntimeDep
from knowreply.web.templating import render

router = APIRouter()
FACT_CARDS = 20
"""Cards that get Stripe's facts per page view; the rest show what is stored."""


class ApprovalsOut(BaseModel):
    pending: list[repository.ActionView]
    decided: list[repository.ActionView]


async def _decide(
    request: Request, runtime: Runtime, principal: Principal, action_id: int, approve: bool
) -> Trace:
    """Hand the decision to the agent (which checks the action is this workspace's and still
    waiting: 404 or 409 otherwise); once the run is finished, a worker sends its reply."""
    trace = await decide(
        runtime,
        principal.workspace_id,
        action_id,
        approve,
        principal.actor,
        member_id=principal.member_id,
    )
    with runtime.sessions() as session:
        action = session.get(Action, action_id)
        message_id = action.message_id if action else None
    finished = trace.outcome not in (Outcome.AWAITING_APPROVAL, Outcome.FAILED)
    if message_id is not None and finished:
        message_queue(request).enqueue_decided_reply(message_id, principal.workspace_id, trace)
    return trace


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
    principal: PagePrincipal,
    runtime: RuntimeDep,
    action_id: RowId,
    decision: repository.Decision,
) -> HTMLResponse:
    trace = await _decide(request, runtime, principal, action_id, decision == "approve")
    with runtime.sessions() as session:
        action = repository.action_by_id(session, principal.workspace_id, action_id)
        waiting = repository.waiting_count(session, principal.workspace_id)
    response = render(
        request, "_approval_decided.html", action=action, trace=trace, pending_count=waiting
    )
    response.headers["HX-Trigger"] = "decided"
    return response


# --- JSON API --------------------------------------------------------------------------------


@router.get("/api/v1/approvals", tags=["approvals"])
def approvals_api(principal: ApiPrincipal, runtime: RuntimeDep) -> ApprovalsOut:
    """Actions waiting for a person, and the latest 50 decided ones."""
    return _lists(runtime, principal.workspace_id)


@router.post("/api/v1/approvals/{action_id}/approve", tags=["approvals"])
async def approve_api(
    request: Request, action_id: RowId, principal: ApiPrincipal, runtime: RuntimeDep
) -> Trace:
    """Approve: the agent carries the action out and replies; returns that run's trace."""
    return await _decide(request, runtime, principal, action_id, True)


@router.post("/api/v1/approvals/{action_id}/reject", tags=["approvals"])
async def reject_api(
    request: Request, action_id: RowId, principal: ApiPrincipal, runtime: RuntimeDep
) -> Trace:
    """Reject: nothing is done in Stripe; the email goes to a person to answer."""
    return await _decide(request, runtime, principal, action_id, False)
