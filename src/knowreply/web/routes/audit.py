"""Audit log: every Stripe write and settings change, on a page and as CSV."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, StreamingResponse
from pydantic import BaseModel

from knowreply import audit
from knowreply.db.models import AuditEvent
from knowreply.web import repository
from knowreply.web.audit_sentences import AUDIT_KINDS
from knowreply.web.security import ApiPrincipal, PagePrincipal, RuntimeDep
from knowreply.web.templating import render

router = APIRouter()

CSV_COLUMNS = ("occurred_at", "actor", "action", "target", "result", "idempotency_key", "detail")


class AuditEventOut(BaseModel):
    occurred_at: str
    actor: str
    action: str
    target: str | None
    result: str
    idempotency_key: str | None
    detail: dict[str, object]

    @classmethod
    def of(cls, event: AuditEvent) -> AuditEventOut:
        return cls(
            occurred_at=event.occurred_at.isoformat(),
            actor=event.actor,
            action=event.action,
            target=event.target,
            result=event.result,
            idempotency_key=event.idempotency_key,
            detail=dict(event.detail),
        )


def _events(runtime: RuntimeDep, workspace_id: int) -> list[AuditEventOut]:
    with runtime.sessions() as session:
        return [AuditEventOut.of(event) for event in audit.events(session, workspace_id)]


@router.get("/audit", include_in_schema=False)
def audit_page(
    request: Request,
    principal: PagePrincipal,
    runtime: RuntimeDep,
    kind: Annotated[str, Query(max_length=32)] = "",
    customer: Annotated[str, Query(max_length=320)] = "",
    member: Annotated[str, Query(max_length=320)] = "",
    since: Annotated[str, Query(max_length=10)] = "",
    until: Annotated[str, Query(max_length=10)] = "",
) -> HTMLResponse:
    """Every event as a sentence, filtered by kind, customer, member and dates."""
    filters = repository.AuditFilters(
        kind=kind if kind in AUDIT_KINDS else "",
        customer=customer,
        member=member,
        since=_day(since),
        until=_day(until),
    )
    with runtime.sessions() as session:
        lines = repository.audit_lines(session, principal.workspace_id, filters)
    return render(
        request,
        "audit.html",
        principal=principal,
        page="audit",
        title="Audit log",
        lines=lines,
        filters=filters,
        kinds=AUDIT_KINDS,
        filtered=any((kind, customer, member, since, until)),
    )


def _day(value: str) -> date | None:
    """A date field's value; an empty or malformed one filters nothing."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@router.get("/api/v1/audit", tags=["audit"])
def audit_json(principal: ApiPrincipal, runtime: RuntimeDep) -> list[AuditEventOut]:
    """The newest 500 events of the caller's workspace."""
    return _events(runtime, principal.workspace_id)


@router.get("/audit.csv", tags=["audit"])
def audit_csv(principal: PagePrincipal, runtime: RuntimeDep) -> StreamingResponse:
    """The audit log as CSV (for spreadsheets and accountants)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for event in _events(runtime, principal.workspace_id):
        row = event.model_dump(mode="json")
        writer.writerow([_csv_cell(row[column]) for column in CSV_COLUMNS])
    return StreamingResponse(
        iter([buffer.getvalue()]),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="knowreply-audit.csv"'},
    )


def _csv_cell(value: object) -> str:
    """Cells a spreadsheet will not run as a formula (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
