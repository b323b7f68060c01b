"""Dashboard > Settings: the business profile, policy, brain and members; and its JSON API."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel
from sqlalchemy.orm import Session

from knowreply import workspace_settings as ws
from knowreply.access import Role, Scope, allows
from knowreply.db.session import transaction
from knowreply.errors import KnowreplyError
from knowreply.money import Money
from knowreply.web import accounts
from knowreply.web.accounts import Principal, TokenView
from knowreply.web.params import RowId
from knowreply.web.security import (
    ApiOperator,
    ApiOwner,
    ApiPrincipal,
    PageOperator,
    PageOwner,
    PagePrincipal,
    RuntimeDep,
)
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
    new_token: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    owner = allows(principal.role, "owner")
    with runtime.sessions() as session:
        current = ws.view(session, principal.workspace_id)
        members = ws.members(session, principal.workspace_id)
        tokens = accounts.list_api_tokens(session, principal) if owner else []
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
        owner_only=sorted(name for name in ws.SettingsChange.model_fields if ws.owner_only(name)),
        tokens=tokens,
        new_token=new_token,
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
    values["unknown_sender_reply"] = view.unknown_sender_reply
    values["acknowledge_waiting"] = "true" if view.acknowledge_waiting else "false"
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
    if unknown := form.get("unknown_sender_reply", "").strip():  # absent: unchanged
        data["unknown_sender_reply"] = unknown
    if acknowledge := form.get("acknowledge_waiting", "").strip():  # absent: unchanged
        data["acknowledge_waiting"] = acknowledge
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
async def settings_form(request: Request, principal: PageOperator, runtime: RuntimeDep) -> Response:
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
                    principal,
                    change,
                    master_key=runtime.master_key,
                    allow_private_urls=runtime.settings.allow_private_llm_urls,
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
    principal: PageOwner,
    runtime: RuntimeDep,
    email: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    role: Annotated[Role, Form()] = "member",
) -> Response:
    return _change_members(
        request,
        principal,
        runtime,
        lambda session: ws.add_member(session, principal, email, password, role=role),
    )


@router.post("/settings/members/{member_id}/remove", include_in_schema=False)
def remove_member_form(
    request: Request, principal: PageOwner, runtime: RuntimeDep, member_id: RowId
) -> Response:
    return _change_members(
        request,
        principal,
        runtime,
        lambda session: ws.remove_member(session, principal, member_id),
    )


@router.post("/settings/password", include_in_schema=False)
def password_form(
    request: Request,
    principal: PagePrincipal,
    runtime: RuntimeDep,
    password: Annotated[str, Form()] = "",
) -> Response:
    """Change your own password: every session (this one too) and token of yours ends."""
    assert principal.member_id is not None  # a page's caller is a signed-in member
    member_id = principal.member_id
    response = _change_members(
        request,
        principal,
        runtime,
        lambda session: ws.change_password(session, principal, member_id, password),
    )
    if response.status_code == 303:
        request.session.clear()
        return RedirectResponse("/login", status_code=303)
    return response


@router.post("/settings/tokens", include_in_schema=False)
def create_token_form(
    request: Request,
    principal: PageOwner,
    runtime: RuntimeDep,
    name: Annotated[str, Form()] = "",
    scope: Annotated[Scope, Form()] = "read",
) -> Response:
    """A new API token, shown on this page once."""
    try:
        with transaction(runtime.sessions) as session:
            _, secret = accounts.create_api_token(
                session, principal, name=name, scope=scope, member_id=principal.member_id
            )
    except KnowreplyError as error:
        if error.status != 400:
            raise
        return _page(request, principal, runtime, member_error=error.detail, status_code=400)
    return _page(request, principal, runtime, new_token=secret, status_code=201)


@router.post("/settings/tokens/{token_id}/revoke", include_in_schema=False)
def revoke_token_form(
    request: Request, principal: PageOwner, runtime: RuntimeDep, token_id: RowId
) -> Response:
    with transaction(runtime.sessions) as session:
        accounts.revoke_api_token(session, principal, token_id)
    return RedirectResponse("/settings#tokens", status_code=303)


# --- JSON API --------------------------------------------------------------------------------


class MemberIn(BaseModel):
    email: str
    password: str
    role: Role = "member"


class PasswordIn(BaseModel):
    password: str


class TokenIn(BaseModel):
    name: str
    scope: Scope = "read"


class TokenOut(BaseModel):
    """A token as listed; `token` (the secret) only in the answer that created it."""

    id: int
    name: str
    owner: str
    scope: str
    created_at: str
    last_used_at: str | None
    revoked_at: str | None
    token: str | None = None

    @classmethod
    def of(cls, view: TokenView, secret: str | None = None) -> TokenOut:
        return cls(
            id=view.id,
            name=view.name,
            owner=view.owner,
            scope=view.scope,
            created_at=view.created_at.isoformat(),
            last_used_at=view.last_used_at.isoformat() if view.last_used_at else None,
            revoked_at=view.revoked_at.isoformat() if view.revoked_at else None,
            token=secret,
        )


@router.get("/api/v1/settings", tags=["settings"])
def get_settings(principal: ApiPrincipal, runtime: RuntimeDep) -> ws.SettingsView:
    """The workspace's settings; the LLM API key only as `llm_api_key_set`."""
    with runtime.sessions() as session:
        return ws.view(session, principal.workspace_id)


@router.patch("/api/v1/settings", tags=["settings"])
def patch_settings(
    body: ws.SettingsChange, principal: ApiOperator, runtime: RuntimeDep
) -> ws.SettingsView:
    """Change some settings (only the fields sent); `llm_api_key: ""` forgets the key.
    Members change the business profile only; the rest is for owners (403 otherwise)."""
    with transaction(runtime.sessions) as session:
        ws.update(
            session,
            principal,
            body,
            master_key=runtime.master_key,
            allow_private_urls=runtime.settings.allow_private_llm_urls,
        )
        return ws.view(session, principal.workspace_id)


@router.get("/api/v1/members", tags=["settings"])
def list_members(principal: ApiPrincipal, runtime: RuntimeDep) -> list[ws.MemberView]:
    with runtime.sessions() as session:
        return ws.members(session, principal.workspace_id)


@router.post("/api/v1/members", tags=["settings"], status_code=201)
def add_member(body: MemberIn, principal: ApiOwner, runtime: RuntimeDep) -> ws.MemberView:
    """Add a member who signs in with this password (owners only)."""
    with transaction(runtime.sessions) as session:
        return ws.add_member(session, principal, body.email, body.password, role=body.role)


@router.delete("/api/v1/members/{member_id}", tags=["settings"], status_code=204)
def remove_member(member_id: RowId, principal: ApiOwner, runtime: RuntimeDep) -> Response:
    """Remove a member (owners only; never yourself, never the last owner)."""
    with transaction(runtime.sessions) as session:
        ws.remove_member(session, principal, member_id)
    return Response(status_code=204)


@router.put("/api/v1/members/{member_id}/password", tags=["settings"], status_code=204)
def set_member_password(
    member_id: RowId, body: PasswordIn, principal: ApiPrincipal, runtime: RuntimeDep
) -> Response:
    """Your own password, or (owners) anyone's; their sessions and tokens stop working."""
    with transaction(runtime.sessions) as session:
        ws.change_password(session, principal, member_id, body.password)
    return Response(status_code=204)


@router.get("/api/v1/tokens", tags=["settings"])
def list_tokens(principal: ApiOwner, runtime: RuntimeDep) -> list[TokenOut]:
    """The workspace's API tokens, never their secrets (owners only)."""
    with runtime.sessions() as session:
        return [TokenOut.of(view) for view in accounts.list_api_tokens(session, principal)]


@router.post("/api/v1/tokens", tags=["settings"], status_code=201)
def create_token(body: TokenIn, principal: ApiOwner, runtime: RuntimeDep) -> TokenOut:
    """A new token acting for you (owners only); its secret is in this answer only."""
    with transaction(runtime.sessions) as session:
        view, secret = accounts.create_api_token(
            session, principal, name=body.name, scope=body.scope, member_id=principal.member_id
        )
    return TokenOut.of(view, secret)


@router.delete("/api/v1/tokens/{token_id}", tags=["settings"])
def revoke_token(token_id: RowId, principal: ApiOwner, runtime: RuntimeDep) -> TokenOut:
    """Revoke a token: it stops working with the next request (owners only)."""
    with transaction(runtime.sessions) as session:
        return TokenOut.of(accounts.revoke_api_token(session, principal, token_id))
