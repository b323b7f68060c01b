"""Owner-only settings (finding 1): a member cannot point the LLM key elsewhere, loosen the
policy or trust forged Authentication-Results; field by field, in the API and the page."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from knowreply import workspace_settings as ws
from knowreply.db.models import AuditEvent
from knowreply.db.session import transaction
from knowreply.runtime import Runtime
from knowreply.web.app import create_app
from knowreply.workspaces import create_member, resolve_workspace, settings_of
from tests.web.conftest import PASSWORD, Cast, csrf_of, sign_in

PUBLIC_LLM = "http://8.8.8.8/v1"
SAMPLES: dict[str, dict[str, Any]] = {
    "business_name": {"business_name": "Acme"},
    "tone": {"tone": "formal"},
    "signature": {"signature": "The Acme team"},
    "timezone": {"timezone": "Europe/Paris"},
    "support_address": {"support_address": "help@acme.example"},
    "approval_mode": {"approval_mode": "auto"},
    "approval_threshold_minor": {"approval_threshold_minor": 10**9},
    "refund_cap_minor": {"refund_cap_minor": 10**9},
    "refund_window_days": {"refund_window_days": 3650},
    "portal_return_url": {"portal_return_url": "https://evil.example/login"},
    "trusted_authserv_ids": {"trusted_authserv_ids": ["mx.evil.example"]},
    "unknown_sender_reply": {"unknown_sender_reply": "neutral"},
    "acknowledge_waiting": {"acknowledge_waiting": False},
    "default_currency": {"default_currency": "jpy"},
    "refund_total_per_email_minor": {"refund_total_per_email_minor": 10**9},
    "refund_total_per_customer_30d_minor": {"refund_total_per_customer_30d_minor": 10**9},
    "refund_total_per_workspace_day_minor": {"refund_total_per_workspace_day_minor": 10**9},
    "run_max_model_requests": {"run_max_model_requests": 100},
    "run_max_tool_calls": {"run_max_tool_calls": 200},
    "run_max_tokens": {"run_max_tokens": 10_000_000},
    "run_max_seconds": {"run_max_seconds": 3600},
    "daily_token_budget": {"daily_token_budget": 10**10},
    "brain": {"brain": "openai", "llm_model": "gpt-4.1-mini"},
    "llm_model": {"llm_model": "gpt-4.1-mini"},
    "llm_base_url": {"llm_base_url": PUBLIC_LLM},
    "llm_api_key": {"llm_api_key": "sk-stolen-or-not"},
}
PROFILE = {"business_name", "tone", "signature", "timezone", "support_address"}


def test_every_settable_field_has_a_sample_and_a_class() -> None:
    """A new setting must be added here: owner-only unless it is part of the profile."""
    assert set(SAMPLES) == set(ws.SettingsChange.model_fields)
    assert set(ws.MEMBER_FIELDS) == PROFILE
    assert all(ws.owner_only(name) for name in SAMPLES if name not in PROFILE)


@pytest.fixture
def viewer(runtime: Runtime, cast: Cast) -> str:
    with transaction(runtime.sessions) as session:
        create_member(
            session,
            resolve_workspace(session, "default"),
            "vera@example.com",
            PASSWORD,
            role="viewer",
        )
    return "vera@example.com"


def _patch(client: TestClient, email: str, body: dict[str, Any]) -> int:
    token = sign_in(client, email)
    response = client.patch("/api/v1/settings", json=body, headers={"X-CSRF-Token": token})
    client.cookies.clear()
    return response.status_code


@pytest.mark.parametrize("field", sorted(SAMPLES))
def test_each_setting_is_changed_only_by_the_roles_allowed(
    client: TestClient, cast: Cast, viewer: str, runtime: Runtime, field: str
) -> None:
    body = SAMPLES[field]
    assert _patch(client, viewer, body) == 403
    member_status = _patch(client, cast.bob, body)
    assert member_status == (200 if field in PROFILE else 403)
    assert _patch(client, cast.alice, body) == 200
    with runtime.sessions() as session:
        refused = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "access.refused")
        ).all()
    refusals = 1 if field in PROFILE else 2
    assert [e.actor for e in refused] == ([viewer, cast.bob] if refusals == 2 else [viewer])
    assert all(e.result == "refused" for e in refused)


def test_a_member_cannot_send_the_llm_key_to_their_server(
    client: TestClient, cast: Cast, runtime: Runtime
) -> None:
    """Finding 1, as reported: the member's PATCH used to get 200."""
    assert (
        _patch(
            client,
            cast.alice,
            {"brain": "openai", "llm_model": "gpt-4.1-mini", "llm_api_key": "sk-the-real-key"},
        )
        == 200
    )
    token = sign_in(client, cast.bob)
    response = client.patch(
        "/api/v1/settings",
        json={"llm_base_url": "http://8.8.4.4/v1"},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 403
    assert response.json()["error"] == "Forbidden"
    assert "Only an owner can change" in response.json()["detail"]
    assert "llm_base_url" in response.json()["detail"]
    with runtime.sessions() as session:
        settings = settings_of(resolve_workspace(session, "default"))
    assert settings.llm_base_url is None and settings.llm_api_key_encrypted is not None


def test_a_member_saves_the_profile_from_the_page_but_not_the_policy(
    client: TestClient, cast: Cast, runtime: Runtime
) -> None:
    token = sign_in(client, cast.bob)
    page = client.get("/settings").text
    assert 'data-testid="owner-only-note"' in page
    form = {
        "csrf_token": token,
        "business_name": "Acme",
        "tone": "friendly",
        "timezone": "UTC",
        "approval_mode": "always",
        "approval_threshold": "50.00",
        "refund_cap": "500.00",
        "refund_window_days": "60",
        "portal_return_url": "https://example.com/account",
        "brain": "rules",
    }
    saved = client.post("/settings", data=form, follow_redirects=False)
    assert saved.status_code == 303  # the unchanged policy fields are no change
    loosened = client.post("/settings", data={**form, "approval_mode": "auto"})
    assert loosened.status_code == 403
    assert "Only an owner can change approval_mode" in loosened.text
    with runtime.sessions() as session:
        settings = settings_of(resolve_workspace(session, "default"))
    assert (settings.business_name, settings.approval_mode) == ("Acme", "always")


def _key_set(client: TestClient) -> bool:
    return bool(client.get("/api/v1/settings").json()["llm_api_key_set"])


@pytest.mark.parametrize(
    "change",
    [{"llm_base_url": PUBLIC_LLM}, {"brain": "anthropic", "llm_model": "claude-sonnet-4-5"}],
)
def test_changing_where_the_key_goes_forgets_the_key(
    client: TestClient, cast: Cast, change: dict[str, Any]
) -> None:
    token = sign_in(client, cast.alice)
    headers = {"X-CSRF-Token": token}
    start = {"brain": "openai", "llm_model": "gpt-4.1-mini", "llm_api_key": "sk-one"}
    assert client.patch("/api/v1/settings", json=start, headers=headers).status_code == 200
    assert _key_set(client)
    assert client.patch("/api/v1/settings", json=change, headers=headers).status_code == 200
    assert not _key_set(client)
    with_key = {**change, "llm_base_url": "http://8.8.4.4/v1", "llm_api_key": "sk-two"}
    assert client.patch("/api/v1/settings", json=with_key, headers=headers).status_code == 200
    assert _key_set(client)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:11434/v1",
        "http://localhost:8000/v1",
        "http://10.1.2.3/v1",
        "http://192.168.0.10/v1",
        "http://169.254.169.254/latest/meta-data",
        "http://metadata.google.internal/computeMetadata/v1",
        "http://[::1]/v1",
        "http://[::ffff:127.0.0.1]/v1",
        "http://0.0.0.0/v1",
    ],
)
def test_an_llm_base_url_on_a_private_address_is_refused(
    client: TestClient, cast: Cast, runtime: Runtime, url: str
) -> None:
    token = sign_in(client, cast.alice)
    response = client.patch(
        "/api/v1/settings", json={"llm_base_url": url}, headers={"X-CSRF-Token": token}
    )
    assert response.status_code == 403, response.text
    assert "KNOWREPLY_ALLOW_PRIVATE_LLM_URLS" in response.json()["detail"] or (
        "metadata" in response.json()["detail"]
    )
    with runtime.sessions() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "access.refused")
        ).one()
    assert event.actor == cast.alice and event.target == "settings.update"


def test_the_operator_may_allow_a_local_llm_server(runtime: Runtime, cast: Cast) -> None:
    settings = runtime.settings.model_copy(update={"allow_private_llm_urls": True})
    allowed = dataclasses.replace(runtime, settings=settings)
    with TestClient(create_app(allowed), base_url="http://127.0.0.1:8000") as client:
        token = sign_in(client, cast.alice)
        response = client.patch(
            "/api/v1/settings",
            json={"llm_base_url": "http://127.0.0.1:11434/v1"},
            headers={"X-CSRF-Token": token},
        )
    assert response.status_code == 200
    assert response.json()["llm_base_url"] == "http://127.0.0.1:11434/v1"


def test_a_viewer_reads_everything_and_changes_nothing(
    client: TestClient, cast: Cast, viewer: str
) -> None:
    sign_in(client, viewer)
    assert client.get("/settings").status_code == 200
    assert "you can read these settings but not change them" in client.get("/settings").text
    token = csrf_of(client, "/settings")
    own = client.post("/settings/password", data={"csrf_token": token, "password": "x"})
    assert own.status_code == 400  # a viewer may change their own password (too short here)


def test_the_owner_chooses_on_the_page_whether_strangers_get_a_reply(
    client: TestClient, cast: Cast, runtime: Runtime
) -> None:
    token = sign_in(client, cast.alice)
    page = client.get("/settings").text
    assert '<option value="none" selected>' in page  # the default: a person, no reply
    form = {
        "csrf_token": token,
        "business_name": "Acme",
        "tone": "friendly",
        "timezone": "UTC",
        "approval_mode": "always",
        "approval_threshold": "50.00",
        "refund_cap": "500.00",
        "refund_window_days": "60",
        "portal_return_url": "https://example.com/account",
        "brain": "rules",
        "unknown_sender_reply": "neutral",
    }
    assert client.post("/settings", data=form, follow_redirects=False).status_code == 303
    with runtime.sessions() as session:
        assert settings_of(resolve_workspace(session, "default")).unknown_sender_reply == "neutral"
