"""Dashboard > Settings: the business profile, policy, brain and members; and its JSON API."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Annotated, Literal

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel
from sqlalchemy.orm import Session

from knowreply import workspace_settings as ws
from knowreply.db.session import transaction
from knowreply.errors import KnowreplyError
from knowreply.money import Money
from knowreply.web.accounts import Principal
from knowreply.web.params import RowId
from knowreply.web.security import ApiPrincipal, PagePrincipal, RuntimeDep
from knowreply.web.templating import render

router = APIRouter()

TEXT_FIELDS = (
    "business_name",
    "tone",
    "signature",
    "timezone",
    "support_address",
    "approval_mode",
    "portal_return_url",
    "brain",
    "llm_model",
    "llm_base_url",
)
MAJOR_AMOUNTS = {"approval_threshold": "approval_threshold_minor", "refund_cap": "refund_cap_minor"}
TOTALS = {
    "refund_total_per_email": "refund_total_per_email_minor",
    "refund_total_per_customer_30d": "refund_total_per_customer_30d_minor",
    "refund_total_per_workspace_day": "refund_total_per_workspace_day_minor",
}
"""Limits on refund totals; left empty, they follow the per-refund limit."""
BUDGETS = (
    "run_max_model_requests",
    "run_max_tool_calls",
    "run_max_tokens",
    "run_max_seconds",
    "daily_token_budget",
)


def _page(
    request: Request,
    principal: Principal,
    runtime: RuntimeDep,
    *,
    errors: dict[str, str] | None = None,
    submitted: dict[str, str] | None = None,
    member_error: str | None = None,
    saved: bool = False,
    status_code: int = 200,
) -> HTMLResponse:
    with runtime.sessions() as session:
        current = ws.view(session, principal.workspace_id)
        members = ws.members(session, principal.workspace_id)
        owner = ws.is_owner(session, principal.member_id)
    return render(
        request,
        "settings.html",
        principal=principal,
        page="settings",
        title="Settings",
        settings=current,
        form=submitted or _form_values(current),
        errors=errors or {},
        members=members,
        is_owner=owner,
        member_error=member_error,
        saved=saved,
        time_zones=ws.time_zones(),
        status_code=status_code,
    )


def _major(minor: int | None, currency: str) -> str:
    """A limit in the major units of its currency: `50.00` dollars, `5000` yen."""
    return "" if minor is None else str(Money(amount_minor=minor, currency=currency).major)


def _minor(text: str, currency: str) -> int:
    """A limit typed in the major units of the workspace's currency, in minor units."""
    amount = Decimal(text.replace(",", ""))
    if not amount.is_finite() or amount < 0:
        raise InvalidOperation
    try:
        return Money.from_major(amount, currency).amount_minor
    except ValueError:
        raise InvalidOperation from None


def _form_values(view: ws.SettingsView) -> dict[str, str]:
    values = {name: str(getattr(view, name) or "") for name in TEXT_FIELDS}
    currency = view.default_currency
    values["default_currency"] = currency.upper()
    values["approval_threshold"] = _major(view.approval_threshold_minor, currency)
    values["refund_cap"] = _major(view.refund_cap_minor, currency)
    for field, target in TOTALS.items():
        values[field] = _major(getattr(view, target), currency)
    for name in BUDGETS:
        budget = getattr(view, name)  # whole numbers, but seconds may be fractional
        values[name] = f"{budget:g}" if isinstance(budget, float) else str(budget)
    values["refund_window_days"] = str(view.refund_window_days)
    values["trusted_authserv_ids"] = "\n".join(view.trusted_authserv_ids)
    return values


def _change_from_form(
    form: dict[str, str], currency: str
) -> tuple[dict[str, object], dict[str, str]]:
    """The form's strings as a settings change (amounts in minor units of the limits'
    currency: 5000 yen is 5000, 50 dollars is 5000), and field errors."""
    data: dict[str, object] = {name: form.get(name, "").strip() for name in TEXT_FIELDS}
    data["signature"] = form.get("signature", "").strip()
    errors: dict[str, str] = {}
    if typed := form.get("default_currency", "").strip().lower():
        data["default_currency"] = typed
        currency = typed if len(typed) == 3 and typed.isalpha() else currency
    example = "5000" if Money.from_major(1, currency).amount_minor == 1 else "50 or 49.99"
    wording = f"Enter an amount in {currency.upper()} such as {example}."
    for field, target in MAJOR_AMOUNTS.items():
        try:
            data[target] = _minor(form.get(field, "").strip(), currency)
        except InvalidOperation:
            errors[field] = wording
    for field, target in TOTALS.items():
        if field not in form:
            continue
        try:
            data[target] = _minor(form[field].strip(), currency) if form[field].strip() else None
        except InvalidOperation:
            errors[field] = wording + " Leave it empty to follow the per-refund limit."
    for name in BUDGETS:
        if value := form.get(name, "").strip():
            data[name] = value
    days = form.get("refund_window_days", "").strip()
    if days.isdigit():
        data["refund_window_days"] = int(days)
    else:
        errors["refund_window_days"] = "Enter a number of days."
    data["trusted_authserv_ids"] = form.get("trusted_authserv_ids", "").splitlines()
    if form.get("forget_llm_api_key") == "on":
        data["llm_api_key"] = ""
    elif key := form.get("llm_api_key", "").strip():
        data["llm_api_key"] = key
    return data, errors


def _field_of(name: str) -> str:
    """The form field an error of the model's field belongs next to."""
    for field, target in (*MAJOR_AMOUNTS.items(), *TOTALS.items()):
        if name == target:
            return field
    return name


@router.get("/settings", include_in_schema=False)
def settings_page(
    request: Request, principal: PagePrincipal, runtime: RuntimeDep, saved: int = 0
) -> HTMLResponse:
    return _page(request, principal, runtime, saved=bool(saved))


@router.post("/settings", include_in_schema=False)
async def settings_form(
    request: Request, principal: PagePrincipal, runtime: RuntimeDep
) -> Response:
    raw = await request.form()
    form = {key: value for key, value in raw.items() if isinstance(value, str)}
    with runtime.sessions() as session:
        currency = ws.view(session, principal.workspace_id).default_currency
    data, errors = _change_from_form(form, currency)
    submitted = {**form, "llm_api_key": ""}
    try:
        change = ws.parse_change(data)
        if not errors:
            with transaction(runtime.sessions) as session:
                ws.update(
                    session,
                    principal.workspace_id,
                    change,
                    master_key=runtime.master_key,
                    actor=principal.actor,
                )
    except ws.SettingsInvalid as invalid:
        errors.update({_field_of(name): why for name, why in invalid.fields.items()})
    if errors:
        return _page(
            request, principal, runtime, errors=errors, submitted=submitted, status_code=422
        )
    return RedirectResponse("/settings?saved=1", status_code=303)


def _change_members(
    request: Request,
    principal: PagePrincipal,
    runtime: RuntimeDep,
    change: Callable[[Session], object],
) -> Response:
    """Apply a member change; a refusal (400) shows on the page, anything else goes up."""
    try:
        with transaction(runtime.sessions) as session:
            change(session)
    except KnowreplyError as error:
        if error.status != 400:
            raise
        return _page(request, principal, runtime, member_error=error.detail, status_code=400)
    return RedirectResponse("/settings#members", status_code=303)


@router.post("/settings/members", include_in_schema=False)
def add_member_form(
    request: Request,
    principal: PagePrincipal,
    runtime: RuntimeDep,
    email: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    role: Annotated[Literal["owner", "member"], Form()] = "member",
) -> Response:
    return _change_members(
        request,
        principal,
        runtime,
        lambda session: ws.add_member(
            session,
            principal.workspace_id,
            email,
            password,
            role=role,
            by_member_id=principal.member_id,
            actor=principal.actor,
        ),
    )


@router.post("/settings/members/{member_id}/remove", include_in_schema=False)
def remove_member_form(
    request: Request, principal: PagePrincipal, runtime: RuntimeDep, member_id: RowId
) -> Response:
    return _change_members(
        request,
        principal,
        runtime,
        lambda session: ws.remove_member(
            session,
            principal.workspace_id,
            member_id,
            by_member_id=principal.member_id,
            actor=principal.actor,
        ),
    )


# --- JSON API --------------------------------------------------------------------------------


class MemberIn(BaseModel):
    email: str
    password: str
    role: Literal["owner", "member"] = "member"


@router.get("/api/v1/settings", tags=["settings"])
def get_settings(principal: ApiPrincipal, runtime: RuntimeDep) -> ws.SettingsView:
    """The workspace's settings; the LLM API key only as `llm_api_key_set`."""
    with runtime.sessions() as session:
        return ws.view(session, principal.workspace_id)


@router.patch("/api/v1/settings", tags=["settings"])
def patch_settings(
    body: ws.SettingsChange, principal: ApiPrincipal, runtime: RuntimeDep
) -> ws.SettingsView:
    """Change some settings (only the fields sent); `llm_api_key: ""` forgets the key."""
    with transaction(runtime.sessions) as session:
        ws.update(
            session,
            principal.workspace_id,
            body,
            master_key=runtime.master_key,
            actor=principal.actor,
        )
        return ws.view(session, principal.workspace_id)


@router.get("/api/v1/members", tags=["settings"])
def list_members(principal: ApiPrincipal, runtime: RuntimeDep) -> list[ws.MemberView]:
    with runtime.sessions() as session:
        return ws.members(session, principal.workspace_id)


@router.post("/api/v1/members", tags=["settings"], status_code=201)
def add_member(body: MemberIn, principal: ApiPrincipal, runtime: RuntimeDep) -> ws.MemberView:
    """Add a member who signs in with this password (owners only)."""
    with transaction(runtime.sessions) as session:
        return ws.add_member(
            session,
            principal.workspace_id,
            body.email,
            body.password,
            role=body.role,
            by_member_id=principal.member_id,
            actor=principal.actor,
        )


@router.delete("/api/v1/members/{member_id}", tags=["settings"], status_code=204)
def remove_member(member_id: RowId, principal: ApiPrincipal, runtime: RuntimeDep) -> Response:
    """Remove a member (owners only; never yourself, never the last owner)."""
    with transaction(runtime.sessions) as session:
        ws.remove_member(
            session,
            principal.workspace_id,
            member_id,
            by_member_id=principal.member_id,
            actor=principal.actor,
        )
    return Response(status_code=204)
