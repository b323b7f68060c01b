"""Dashboard > Inbox: every conversation, its outcome, the thread, Retry and reply by hand."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy import select

from knowreply.db.models import Conversation, Message
from knowreply.errors import NotFound
from knowreply.pipeline import retry_message
from knowreply.pipeline.manual import CannotReply, ManualReply, reply_by_hand
from knowreply.runtime import Runtime
from knowreply.web import repository
from knowreply.web.accounts import Principal
from knowreply.web.params import RowId
from knowreply.web.queueing import message_queue
from knowreply.web.security import ApiPrincipal, PagePrincipal, RuntimeDep
from knowreply.web.templating import render

router = APIRouter()
MAX_REPLY_CHARS = 20_000

Status = Annotated[repository.InboxFilter, Query(description="Which outcomes to list.")]
Search = Annotated[str, Query(max_length=200, description="Part of the sender or subject.")]
PageNumber = Annotated[int, Query(ge=1, le=100_000)]
FILTER_LABELS: dict[repository.InboxFilter, str] = {
    "all": "All",
    "attention": "Needs attention",
    "replied": "Replied",
    "skipped": "Skipped",
    "failed": "Failed",
}


class ReplyIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_REPLY_CHARS)


@dataclass(frozen=True)
class RetryOut:
    message_id: int
    status: str
    outcome: str
    workflow_id: str


def _inbox(
    runtime: Runtime, workspace_id: int, status: repository.InboxFilter, q: str, page: int
) -> repository.InboxPage:
    with runtime.sessions() as session:
        return repository.inbox(session, workspace_id, status, q, page)


def _thread(runtime: Runtime, workspace_id: int, conversation_id: int) -> repository.Thread:
    with runtime.sessions() as session:
        return repository.thread(session, workspace_id, conversation_id)


def _retry(request: Request, runtime: Runtime, principal: Principal, message_id: int) -> RetryOut:
    """Retry one of this workspace's failed inbound messages (404 for others, 409 unless
    failed): the worker handles it again under a new workflow id."""
    with runtime.sessions() as session:
        theirs = session.scalar(
            select(Message.id).where(
                Message.id == message_id, Message.workspace_id == principal.workspace_id
            )
        )
    if theirs is None:
        raise NotFound(f"No message {message_id} in this workspace.")
    workflow = retry_message(runtime, message_queue(request), message_id)
    with runtime.sessions() as session:
        message = session.get_one(Message, message_id)
        status, reason = message.status, message.status_reason
    return RetryOut(message_id, status, repository.outcome_label("in", status, reason), workflow)


def _own_conversation(conversation_id: RowId, principal: ApiPrincipal, runtime: RuntimeDep) -> int:
    """The id, once known to be this workspace's: another's is a 404 before the body is read."""
    with runtime.sessions() as session:
        found = session.scalar(
            select(Conversation.id).where(
                Conversation.id == conversation_id,
                Conversation.workspace_id == principal.workspace_id,
            )
        )
    if found is None:
        raise NotFound(f"No conversation {conversation_id} in this workspace.")
    return found


OwnConversation = Annotated[int, Depends(_own_conversation)]


def _reply(runtime: Runtime, principal: Principal, conversation_id: int, text: str) -> ManualReply:
    return reply_by_hand(runtime, principal.workspace_id, conversation_id, text, principal.actor)


# --- Pages -----------------------------------------------------------------------------------


@router.get("/inbox", include_in_schema=False)
def inbox_page(
    request: Request,
    principal: PagePrincipal,
    runtime: RuntimeDep,
    status: Status = "all",
    q: Search = "",
    page: PageNumber = 1,
) -> HTMLResponse:
    listing = _inbox(runtime, principal.workspace_id, status, q, page)
    return render(
        request,
        "inbox.html",
        principal=principal,
        page="inbox",
        title="Inbox",
        listing=listing,
        status=status,
        q=q,
        filters=FILTER_LABELS,
    )


def _thread_page(
    request: Request,
    principal: Principal,
    thread: repository.Thread,
    *,
    reply_text: str = "",
    reply_error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    return render(
        request,
        "thread.html",
        principal=principal,
        page="inbox",
        title=thread.subject or "Conversation",
        thread=thread,
        reply_text=reply_text,
        reply_error=reply_error,
        status_code=status_code,
    )


@router.get("/inbox/{conversation_id}", include_in_schema=False)
def thread_page(
    request: Request, principal: PagePrincipal, runtime: RuntimeDep, conversation_id: RowId
) -> HTMLResponse:
    return _thread_page(
        request, principal, _thread(runtime, principal.workspace_id, conversation_id)
    )


@router.get("/inbox/messages/{message_id}", include_in_schema=False)
def message_page(
    request: Request, principal: PagePrincipal, runtime: RuntimeDep, message_id: RowId
) -> Response:
    """An email screened out before it joined a conversation (a bounce, an auto-reply…)."""
    with runtime.sessions() as session:
        thread = repository.lone_message(session, principal.workspace_id, message_id)
    if thread.conversation_id is not None:
        return RedirectResponse(f"/inbox/{thread.conversation_id}", status_code=303)
    return _thread_page(request, principal, thread)


@router.post("/inbox/messages/{message_id}/retry", include_in_schema=False)
def retry_form(
    request: Request, principal: PagePrincipal, runtime: RuntimeDep, message_id: RowId
) -> HTMLResponse:
    retried = _retry(request, runtime, principal, message_id)
    return render(request, "_retried.html", retried=retried)


@router.post("/inbox/{conversation_id}/reply", include_in_schema=False)
def reply_form(
    request: Request,
    principal: PagePrincipal,
    runtime: RuntimeDep,
    conversation_id: RowId,
    text: Annotated[str, Form(max_length=MAX_REPLY_CHARS)] = "",
) -> Response:
    thread = _thread(runtime, principal.workspace_id, conversation_id)  # 404 before anything
    htmx = bool(request.headers.get("hx-request"))
    error: str | None = None
    if not text.strip():
        error = "Write the reply first."
    else:
        try:
            sent = _reply(runtime, principal, conversation_id, text)
        except CannotReply as refused:
            error = refused.detail
        else:
            if sent.status == "sent":
                target = f"/inbox/{conversation_id}#message-{sent.outbound_message_id}"
                if htmx:
                    return Response(status_code=204, headers={"HX-Redirect": target})
                return RedirectResponse(target, status_code=303)
            error = sent.detail or "The mail server did not take the reply."
            thread = _thread(runtime, principal.workspace_id, conversation_id)
    if htmx:
        return render(
            request, "_reply_form.html", thread=thread, reply_text=text, reply_error=error
        )
    return _thread_page(
        request, principal, thread, reply_text=text, reply_error=error, status_code=409
    )


# --- JSON API --------------------------------------------------------------------------------


@router.get("/api/v1/conversations", tags=["inbox"])
def conversations_api(
    principal: ApiPrincipal,
    runtime: RuntimeDep,
    status: Status = "all",
    q: Search = "",
    page: PageNumber = 1,
) -> repository.InboxPage:
    """Conversations, newest activity first, 50 a page, with their latest email's outcome
    (`attention` = escalated, failed or awaiting approval). Emails screened out before
    threading are listed with `conversation_id` null."""
    return _inbox(runtime, principal.workspace_id, status, q, page)


@router.get("/api/v1/conversations/{conversation_id}", tags=["inbox"])
def conversation_api(
    conversation_id: RowId, principal: ApiPrincipal, runtime: RuntimeDep
) -> repository.Thread:
    """Every email in and out of the conversation, in order, with the agent's traces."""
    return _thread(runtime, principal.workspace_id, conversation_id)


@router.post("/api/v1/messages/{message_id}/retry", tags=["inbox"])
def retry_api(
    request: Request, message_id: RowId, principal: ApiPrincipal, runtime: RuntimeDep
) -> RetryOut:
    """Handle a failed inbound email again (409 unless it failed)."""
    return _retry(request, runtime, principal, message_id)


@router.post("/api/v1/conversations/{conversation_id}/reply", tags=["inbox"])
def reply_api(
    conversation_id: OwnConversation, body: ReplyIn, principal: ApiPrincipal, runtime: RuntimeDep
) -> ManualReply:
    """Reply by hand to the conversation's latest email, once (409 if it already has a
    reply or the workspace has no SMTP account). `status` is the mail server's answer."""
    return _reply(runtime, principal, conversation_id, body.text)
