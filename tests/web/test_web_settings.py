"""Dashboard > Settings and /api/v1/settings: the profile, policy, brain and members."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from knowreply.db.models import AuditEvent, Workspace
from knowreply.runtime import Runtime
from knowreply.workspaces import WorkspaceSettings, settings_of
from tests.web.conftest import PASSWORD, Cast, sign_in

LLM_KEY = "sk-proj-verysecretllmkey0123456789"


def form_of(client: TestClient, token: str, **changes: str) -> dict[str, str]:
    """The settings form as the page fills it, with some fields changed."""
    current = client.get("/api/v1/settings", headers={"X-CSRF-Token": token}).json()
    form = {
        "csrf_token": token,
        "business_name": current["business_name"],
        "tone": current["tone"],
        "signature": current["signature"],
        "timezone": current["timezone"],
        "support_address": current["support_address"] or "",
        "approval_mode": current["approval_mode"],
        "approval_threshold": f"{current['approval_threshold_minor'] / 100:.2f}",
        "refund_cap": f"{current['refund_cap_minor'] / 100:.2f}",
        "refund_window_days": str(current["refund_window_days"]),
        "portal_return_url": current["portal_return_url"],
        "trusted_authserv_ids": "\n".join(current["trusted_authserv_ids"]),
        "brain": current["brain"],
        "llm_model": current["llm_model"] or "",
        "llm_base_url": current["llm_base_url"] or "",
    }
    return {**form, **changes}


def audit_fields(runtime: Runtime) -> list[list[str]]:
    with runtime.sessions() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "settings.update").order_by(AuditEvent.id)
        )
        return [list(event.detail["fields"]) for event in events]


def test_owner_saves_the_form_amounts_in_minor_units_and_each_change_is_audited(
    client: TestClient, cast: Cast, runtime: Runtime
) -> None:
    token = sign_in(client, cast.alice)
    form = form_of(
        client,
        token,
        business_name="Acme Cloud",
        timezone="Europe/Paris",
        approval_mode="above_amount",
        approval_threshold="75.50",
        refund_cap="200",
        trusted_authserv_ids="MX.Google.com\n\nmx.example.net\n",
    )
    saved = client.post("/settings", data=form, follow_redirects=False)
    assert saved.status_code == 303
    again = client.post("/settings", data=form, follow_redirects=False)  # nothing new
    assert again.status_code == 303
    page = client.get(saved.headers["location"]).text
    assert "Settings saved." in page
    assert 'value="75.50"' in page

    with runtime.sessions() as session:
        settings = settings_of(
            session.scalars(select(Workspace).where(Workspace.name == "default")).one()
        )
    assert settings.business_name == "Acme Cloud"
    assert settings.approval_threshold_minor == 7550
    assert settings.refund_cap_minor == 20000
    assert settings.trusted_authserv_ids == ["mx.example.net", "mx.google.com"]
    assert audit_fields(runtime) == [
        [
            "approval_mode",
            "approval_threshold_minor",
            "business_name",
            "refund_cap_minor",
            "timezone",
            "trusted_authserv_ids",
        ]
    ]


def test_bad_values_are_shown_next_to_their_fields_and_nothing_is_saved(
    client: TestClient, cast: Cast, runtime: Runtime
) -> None:
    token = sign_in(client, cast.alice)
    form = form_of(
        client,
        token,
        business_name="Renamed",
        timezone="Mars/Olympus",
        refund_cap="a lot",
        portal_return_url="javascript:alert(1)",
        support_address="not an address",
    )
    page = client.post("/settings", data=form)
    assert page.status_code == 422
    for field in ("timezone", "refund_cap", "portal_return_url", "support_address"):
        assert f'data-testid="error-{field}"' in page.text, field
    assert "Mars/Olympus" in page.text  # what was typed stays in the form
    assert audit_fields(runtime) == []
    api = client.get("/api/v1/settings", headers={"X-CSRF-Token": token}).json()
    assert api["business_name"] == WorkspaceSettings().business_name  # unchanged


def test_the_llm_key_is_write_only_and_audited_by_name(
    client: TestClient, cast: Cast, runtime: Runtime
) -> None:
    token = sign_in(client, cast.alice)
    headers = {"X-CSRF-Token": token}
    changed = client.patch(
        "/api/v1/settings",
        json={"brain": "openai", "llm_model": "gpt-4.1-mini", "llm_api_key": LLM_KEY},
        headers=headers,
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["llm_api_key_set"] is True
    for path in ("/settings", "/api/v1/settings", "/audit", "/api/v1/audit", "/audit.csv"):
        assert LLM_KEY not in client.get(path, headers=headers).text, path
    with runtime.sessions() as session:
        workspace = session.scalars(select(Workspace).where(Workspace.name == "default")).one()
        stored = settings_of(workspace).llm_api_key_encrypted
    assert stored is not None and LLM_KEY not in stored
    assert runtime.master_key.decrypt(stored) == LLM_KEY
    assert audit_fields(runtime) == [["brain", "llm_api_key", "llm_model"]]

    # The form leaves the key alone when its field is empty, and forgets it on request.
    client.post("/settings", data=form_of(client, token, signature="Thanks, Acme"))
    assert client.get("/api/v1/settings", headers=headers).json()["llm_api_key_set"] is True
    client.post("/settings", data=form_of(client, token, forget_llm_api_key="on"))
    assert client.get("/api/v1/settings", headers=headers).json()["llm_api_key_set"] is False


def test_an_llm_brain_needs_a_model(client: TestClient, cast: Cast) -> None:
    token = sign_in(client, cast.alice)
    response = client.patch(
        "/api/v1/settings", json={"brain": "anthropic"}, headers={"X-CSRF-Token": token}
    )
    assert response.status_code == 422
    assert response.json()["error"] == "SettingsInvalid"
    assert "llm_model" in response.json()["detail"]


def test_owner_adds_and_removes_a_member_who_can_then_sign_in(
    client: TestClient, cast: Cast, runtime: Runtime
) -> None:
    token = sign_in(client, cast.alice)
    added = client.post(
        "/settings/members",
        data={"csrf_token": token, "email": "dana@example.com", "password": PASSWORD},
        follow_redirects=False,
    )
    assert added.status_code == 303
    members = client.get("/api/v1/members", headers={"X-CSRF-Token": token}).json()
    dana = next(m for m in members if m["email"] == "dana@example.com")
    assert dana["role"] == "member"

    with TestClient(client.app, base_url="http://127.0.0.1:8000") as other:
        sign_in(other, "dana@example.com")
        assert other.get("/settings").status_code == 200

    removed = client.post(
        f"/settings/members/{dana['id']}/remove", data={"csrf_token": token}, follow_redirects=False
    )
    assert removed.status_code == 303
    assert "dana@example.com" not in client.get("/settings").text
    with runtime.sessions() as session:
        actions = [e.action for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]
    assert actions[-2:] == ["member.add", "member.remove"]


def test_a_member_who_is_not_an_owner_cannot_manage_members(client: TestClient, cast: Cast) -> None:
    token = sign_in(client, cast.bob)
    page = client.get("/settings").text
    assert "Only an owner can add or remove members." in page
    form = client.post(
        "/settings/members",
        data={"csrf_token": token, "email": "eve@example.com", "password": PASSWORD},
    )
    assert form.status_code == 403
    api = client.post(
        "/api/v1/members",
        json={"email": "eve@example.com", "password": PASSWORD},
        headers={"X-CSRF-Token": token},
    )
    assert api.status_code == 403
    assert api.json()["error"] == "Forbidden"


def test_members_of_another_workspace_are_not_found_and_owners_keep_their_seat(
    client: TestClient, cast: Cast
) -> None:
    token = sign_in(client, cast.charlie)
    headers = {"X-CSRF-Token": token}
    members = client.get("/api/v1/members", headers=headers).json()
    assert [m["email"] for m in members] == [cast.charlie]
    charlie_id = members[0]["id"]
    for other_id in range(1, charlie_id):
        assert client.delete(f"/api/v1/members/{other_id}", headers=headers).status_code == 404
    yourself = client.delete(f"/api/v1/members/{charlie_id}", headers=headers)
    assert yourself.status_code == 400
    weak = client.post(
        "/api/v1/members", json={"email": "x@other.example", "password": "short"}, headers=headers
    )
    assert weak.status_code == 400
    assert "10 characters" in weak.json()["detail"]


def test_limits_are_typed_in_their_currency_a_yen_cap_of_5000_is_5000_yen(
    client: TestClient, cast: Cast, runtime: Runtime
) -> None:
    token = sign_in(client, cast.alice)
    form = form_of(
        client,
        token,
        default_currency="JPY",
        refund_cap="5000",
        approval_threshold="1000",
        refund_total_per_customer_30d="8000",
        refund_total_per_email="",
        run_max_model_requests="5",
    )
    assert client.post("/settings", data=form, follow_redirects=False).status_code == 303
    with runtime.sessions() as session:
        settings = settings_of(
            session.scalars(select(Workspace).where(Workspace.name == "default")).one()
        )
    assert settings.default_currency == "jpy"
    assert (settings.refund_cap_minor, settings.approval_threshold_minor) == (5000, 1000)
    assert settings.refund_total_per_customer_30d_minor == 8000
    assert settings.refund_total_per_email_minor is None
    assert settings.run_max_model_requests == 5
    page = client.get("/settings").text
    assert 'value="5000"' in page and 'value="JPY"' in page

    half_yen = form_of(client, token, refund_cap="12.50")
    answer = client.post("/settings", data=half_yen)
    assert answer.status_code == 422
    assert "Enter an amount in JPY" in answer.text


def test_budgets_are_shown_as_typed_so_saving_the_page_unchanged_works(
    client: TestClient, cast: Cast
) -> None:
    """2,000,000 tokens was shown as "2e+06", which the form then refused as not a number."""
    sign_in(client, cast.alice)
    page = client.get("/settings").text

    assert 'name="daily_token_budget" inputmode="numeric" value="2000000"' in page
    assert 'name="run_max_seconds" inputmode="numeric" value="180"' in page


def test_the_acknowledgement_of_waiting_refunds_is_on_by_default_and_can_be_turned_off(
    client: TestClient, cast: Cast, runtime: Runtime
) -> None:
    token = sign_in(client, cast.alice)
    assert '<option value="true" selected>Tell the customer it is being checked' in (
        client.get("/settings").text
    )
    saved = client.post("/settings", data=form_of(client, token, acknowledge_waiting="false"))
    assert '<option value="false" selected>Say nothing until it is decided' in saved.text
    client.post("/settings", data=form_of(client, token))  # a form without it: unchanged
    with runtime.sessions() as session:
        workspace = session.scalars(select(Workspace).where(Workspace.name == "default")).one()
        assert settings_of(workspace).acknowledge_waiting is False
    assert audit_fields(runtime) == [["acknowledge_waiting"]]
