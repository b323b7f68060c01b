"""Changing a workspace's settings and members: what the Settings page, the API and the
CLI call, so all three validate and check roles alike.

Secrets (the LLM API key) are write-only: encrypted on the way in, reported only as set or
not set. Every change is audited with the names of the changed fields, never their values.
Members may change the business profile (`MEMBER_FIELDS`); every other field, including any
added later, is security-relevant and for owners only.
"""

from __future__ import annotations

from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from knowreply import audit
from knowreply.access import Caller, Forbidden, Role, allows, require, revoke_member_access
from knowreply.db.models import Member, Workspace
from knowreply.errors import KnowreplyError, NotFound
from knowreply.llm_urls import check_llm_base_url
from knowreply.secrets import MasterKey
from knowreply.workspaces import WorkspaceSettings, create_member, set_password, settings_of

OWNER = "owner"
NULLABLE = frozenset({"support_address", "llm_model", "llm_base_url"})
OPTIONAL_LIMITS = frozenset(
    {
        "refund_total_per_email_minor",
        "refund_total_per_customer_30d_minor",
        "refund_total_per_workspace_day_minor",
    }
)
"""Limits whose `None` means "derived from the per-refund limit"."""
MEMBER_FIELDS = frozenset({"business_name", "tone", "signature", "timezone", "support_address"})
"""The business profile: how replies sound and where mail comes in. Any other setting
(brain, model, base URL and key; approvals, caps, windows, budgets; trusted authserv-ids;
links sent to customers; who gets answered) is owner-only, new fields included."""
LLM_KEY_RESET_BY = frozenset({"brain", "llm_base_url"})
"""Changing where the key would be sent forgets it, unless a new key comes with the change."""


def owner_only(name: str) -> bool:
    return name not in MEMBER_FIELDS


class SettingsInvalid(KnowreplyError):
    """Some fields were refused; `fields` maps each to the reason, for the form."""

    status = 422

    def __init__(self, fields: dict[str, str]) -> None:
        super().__init__("; ".join(f"{name}: {why}" for name, why in fields.items()))
        self.fields = fields


class SettingsChange(BaseModel):
    """A partial update: only the fields sent change. `llm_api_key` "" forgets the key."""

    model_config = ConfigDict(extra="forbid")

    business_name: str | None = Field(default=None, min_length=1, max_length=200)
    tone: Literal["friendly", "formal"] | None = None
    signature: str | None = Field(default=None, max_length=2000)
    timezone: str | None = None
    support_address: str | None = Field(default=None, max_length=320)
    approval_mode: Literal["auto", "always", "above_amount"] | None = None
    approval_threshold_minor: int | None = Field(default=None, ge=0, le=10**12)
    refund_cap_minor: int | None = Field(default=None, ge=0, le=10**12)
    refund_window_days: int | None = Field(default=None, ge=0, le=3650)
    default_currency: str | None = Field(default=None, pattern=r"^[a-zA-Z]{3}$")
    refund_total_per_email_minor: int | None = Field(default=None, ge=0, le=10**12)
    refund_total_per_customer_30d_minor: int | None = Field(default=None, ge=0, le=10**12)
    refund_total_per_workspace_day_minor: int | None = Field(default=None, ge=0, le=10**12)
    run_max_model_requests: int | None = Field(default=None, ge=1, le=100)
    run_max_tool_calls: int | None = Field(default=None, ge=1, le=200)
    run_max_tokens: int | None = Field(default=None, ge=1_000, le=10_000_000)
    run_max_seconds: float | None = Field(default=None, gt=0, le=3_600)
    daily_token_budget: int | None = Field(default=None, ge=0, le=10**10)
    portal_return_url: str | None = Field(default=None, pattern=r"^https?://\S+$", max_length=2000)
    trusted_authserv_ids: list[str] | None = None
    unknown_sender_reply: Literal["none", "neutral"] | None = None
    acknowledge_waiting: bool | None = None
    brain: Literal["rules", "openai", "anthropic"] | None = None
    llm_model: str | None = Field(default=None, max_length=200)
    llm_base_url: str | None = Field(default=None, pattern=r"^(https?://\S+)?$", max_length=2000)
    llm_api_key: str | None = Field(default=None, max_length=4000)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"{value!r} is not a time zone; use a name like Europe/Paris"
            ) from None
        return value

    @field_validator("support_address")
    @classmethod
    def _address(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip().lower()
        if value and ("@" not in value or " " in value):
            raise ValueError("not an email address")
        return value

    @field_validator("trusted_authserv_ids")
    @classmethod
    def _authserv_ids(cls, values: list[str] | None) -> list[str] | None:
        if values is None:
            return None
        for value in values:
            if " " in value.strip() or len(value) > 255:
                raise ValueError(f"{value!r}: one host name per line, such as mx.example.com")
        return values


class SettingsView(BaseModel):
    """The settings as shown and returned: the LLM key only as set or not set."""

    business_name: str
    tone: str
    signature: str
    timezone: str
    support_address: str | None
    approval_mode: str
    approval_threshold_minor: int
    refund_cap_minor: int
    refund_window_days: int
    default_currency: str
    refund_total_per_email_minor: int | None
    refund_total_per_customer_30d_minor: int | None
    refund_total_per_workspace_day_minor: int | None
    run_max_model_requests: int
    run_max_tool_calls: int
    run_max_tokens: int
    run_max_seconds: float
    daily_token_budget: int
    portal_return_url: str
    trusted_authserv_ids: list[str]
    unknown_sender_reply: str
    acknowledge_waiting: bool
    brain: str
    llm_model: str | None
    llm_base_url: str | None
    llm_api_key_set: bool

    @classmethod
    def of(cls, settings: WorkspaceSettings) -> SettingsView:
        data = settings.model_dump(exclude={"llm_api_key_encrypted"})
        return cls(**data, llm_api_key_set=bool(settings.llm_api_key_encrypted))


class MemberView(BaseModel):
    id: int
    email: str
    role: str
    last_login_at: str | None


def time_zones() -> list[str]:
    return sorted(available_timezones())


def parse_change(data: dict[str, object]) -> SettingsChange:
    """Validate a change; errors name the field (`SettingsInvalid.fields`)."""
    try:
        return SettingsChange.model_validate(data)
    except ValidationError as error:
        fields: dict[str, str] = {}
        for problem in error.errors():
            name = str(problem["loc"][0]) if problem["loc"] else "body"
            fields.setdefault(name, problem["msg"].removeprefix("Value error, "))
        raise SettingsInvalid(fields) from None


def _workspace(session: Session, workspace_id: int) -> Workspace:
    workspace = session.get(Workspace, workspace_id)
    if workspace is None:
        raise NotFound("no such workspace")
    return workspace


def view(session: Session, workspace_id: int) -> SettingsView:
    return SettingsView.of(settings_of(_workspace(session, workspace_id)))


def update(
    session: Session,
    caller: Caller,
    change: SettingsChange,
    *,
    master_key: MasterKey,
    allow_private_urls: bool = False,
) -> list[str]:
    """Apply a change; returns the names of the fields that changed (audited when any).

    Refused (403) when the caller may not change one of them, or when the LLM base URL
    reaches a private address the operator did not allow."""
    workspace_id = caller.workspace_id
    require(caller, "member", action="settings.update", what="Changing settings")
    workspace = _workspace(session, workspace_id)
    current = settings_of(workspace)
    updates = change.model_dump(exclude_unset=True)
    secret = updates.pop("llm_api_key", None)
    data = current.model_dump()
    for name, value in updates.items():
        if name in NULLABLE:
            data[name] = value or None
        elif name in OPTIONAL_LIMITS:
            data[name] = value
        elif name == "default_currency" and value:
            data[name] = str(value).lower()
        elif value is not None:
            data[name] = value
    if secret is not None:
        data["llm_api_key_encrypted"] = (
            master_key.encrypt(secret.strip()) if secret.strip() else None
        )
    try:
        new = WorkspaceSettings.model_validate(data)
    except ValidationError as error:
        raise SettingsInvalid(
            {str(p["loc"][0]) if p["loc"] else "body": p["msg"] for p in error.errors()}
        ) from None
    # Compared after validation, so a normalised value (authserv-ids) is not a change.
    changed = [
        name
        for name in WorkspaceSettings.model_fields
        if name != "llm_api_key_encrypted" and getattr(new, name) != getattr(current, name)
    ]
    if secret is None and current.llm_api_key_encrypted and LLM_KEY_RESET_BY & set(changed):
        new = new.model_copy(update={"llm_api_key_encrypted": None})
        secret = ""
    if secret is not None and (secret.strip() or current.llm_api_key_encrypted):
        changed.append("llm_api_key")
    if not changed:
        return []
    _check_allowed(caller, changed)
    if "llm_base_url" in changed and new.llm_base_url:
        _check_url(caller, new.llm_base_url, allow_private_urls)
    if new.brain != "rules" and not new.llm_model:
        raise SettingsInvalid({"llm_model": f"the {new.brain} brain needs a model name"})
    workspace.settings = new.model_dump()
    audit.record(
        session,
        workspace_id,
        actor=caller.actor,
        action="settings.update",
        result="ok",
        detail={"fields": sorted(changed)},
    )
    return changed


def _check_allowed(caller: Caller, changed: list[str]) -> None:
    refused = sorted(name for name in changed if owner_only(name))
    if refused and not allows(caller.role, "owner"):
        raise Forbidden(
            f"Only an owner can change {', '.join(refused)}; you are a {caller.role}. "
            "Nothing was saved.",
            caller=caller,
            action="settings.update",
        )


def _check_url(caller: Caller, url: str, allow_private: bool) -> None:
    problem = check_llm_base_url(url, allow_private=allow_private)
    if problem is not None:
        raise Forbidden(
            f"LLM base URL refused: {problem}. Nothing was saved.",
            caller=caller,
            action="settings.update",
        )


# --- members ----------------------------------------------------------------------------------


def members(session: Session, workspace_id: int) -> list[MemberView]:
    rows = session.scalars(
        select(Member).where(Member.workspace_id == workspace_id).order_by(Member.email)
    )
    return [
        MemberView(
            id=m.id,
            email=m.email,
            role=m.role,
            last_login_at=m.last_login_at.isoformat() if m.last_login_at else None,
        )
        for m in rows
    ]


def add_member(
    session: Session,
    caller: Caller,
    email: str,
    password: str,
    *,
    role: Role,
) -> MemberView:
    require(caller, "owner", action="member.add", what="Adding members")
    workspace_id = caller.workspace_id
    member = create_member(session, _workspace(session, workspace_id), email, password, role=role)
    audit.record(
        session,
        workspace_id,
        actor=caller.actor,
        action="member.add",
        target=member.email,
        result="ok",
        detail={"role": role},
    )
    return MemberView(id=member.id, email=member.email, role=member.role, last_login_at=None)


def remove_member(session: Session, caller: Caller, member_id: int) -> None:
    """Remove a member of this workspace (another workspace's id is not found); their
    sessions end and their tokens stop working at once."""
    require(caller, "owner", action="member.remove", what="Removing members")
    workspace_id = caller.workspace_id
    member = session.scalar(
        select(Member).where(Member.id == member_id, Member.workspace_id == workspace_id)
    )
    if member is None:
        raise NotFound("No such member in this workspace.")
    if member.id == caller.member_id:
        raise KnowreplyError("You cannot remove yourself; ask another owner.")
    owners = session.scalar(
        select(func.count())
        .select_from(Member)
        .where(Member.workspace_id == workspace_id, Member.role == OWNER)
    )
    if member.role == OWNER and (owners or 0) <= 1:
        raise KnowreplyError("A workspace keeps at least one owner.")
    revoke_member_access(session, member.id)
    session.delete(member)
    audit.record(
        session,
        workspace_id,
        actor=caller.actor,
        action="member.remove",
        target=member.email,
        result="ok",
    )


def change_password(session: Session, caller: Caller, member_id: int, password: str) -> None:
    """A member changes their own password, or an owner anyone's; every session and token
    of that member stops working (they sign in again)."""
    if member_id != caller.member_id:
        require(caller, "owner", action="member.password", what="Changing another's password")
    member = session.scalar(
        select(Member).where(Member.id == member_id, Member.workspace_id == caller.workspace_id)
    )
    if member is None:
        raise NotFound("No such member in this workspace.")
    set_password(member, password)
    revoke_member_access(session, member.id)
    audit.record(
        session,
        caller.workspace_id,
        actor=caller.actor,
        action="member.password",
        target=member.email,
        result="ok",
    )
