"""The CLI for what an operator scripts (`token`, `settings`, `approvals`): validated and
role-checked like the dashboard, audited with the actor's name."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from knowreply.db.models import AuditEvent
from knowreply.runtime import Runtime
from knowreply.workspaces import resolve_workspace, settings_of
from tests.fake_stripe import FakeStripe
from tests.foundation.cli_helpers import knowreply
from tests.web.conftest import Cast, plant_refund_request, sign_in
from tests.web.test_web_approvals import ask_back_a_part, refunds_made, status_of


def _audit(runtime: Runtime) -> list[tuple[str, str, str]]:
    with runtime.sessions() as session:
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
        return [(e.actor, e.action, e.result) for e in events]


def test_tokens_are_created_listed_and_revoked_from_the_cli(
    cli_env: dict[str, str], cast: Cast, client: TestClient, runtime: Runtime
) -> None:
    made = knowreply("token", "create", "ci", "--scope", "full", "-w", "default", env=cli_env)
    assert made.returncode == 0, made.stderr
    secret = made.stdout.strip()
    assert secret.startswith("kr_") and "not shown again" in made.stderr
    bearer = {"Authorization": f"Bearer {secret}"}
    assert client.get("/api/v1/workspace", headers=bearer).json()["actor"] == "token:ci"

    listed = knowreply("token", "list", "-w", "default", env=cli_env)
    assert listed.returncode == 0 and secret not in listed.stdout
    row = listed.stdout.splitlines()[1].split("\t")
    assert row[1:4] == ["ci", "operator", "full"] and row[-1] == "active"

    as_member = knowreply("token", "list", "-w", "default", "--as", cast.bob, env=cli_env)
    assert as_member.returncode == 1 and "owners" in as_member.stderr

    revoked = knowreply("token", "revoke", row[0], "-w", "default", env=cli_env)
    assert revoked.returncode == 0, revoked.stderr
    assert client.get("/api/v1/workspace", headers=bearer).status_code == 401
    assert ("operator", "token.revoke", "ok") in _audit(runtime)
    assert (cast.bob, "access.refused", "refused") in _audit(runtime)


def test_settings_set_validates_and_checks_roles_like_the_page(
    cli_env: dict[str, str], cast: Cast, runtime: Runtime
) -> None:
    loosen = knowreply(
        "settings", "set", "approval_mode=auto", "--as", cast.bob, "-w", "default", env=cli_env
    )
    assert loosen.returncode == 1
    assert "Only an owner can change approval_mode" in loosen.stderr
    profile = knowreply(
        "settings", "set", "tone=formal", "--as", cast.bob, "-w", "default", env=cli_env
    )
    assert profile.returncode == 0, profile.stderr
    bad = knowreply("settings", "set", "timezone=Mars/Base", "-w", "default", env=cli_env)
    assert bad.returncode == 1 and "timezone" in bad.stderr
    owner = knowreply(
        "settings",
        "set",
        "approval_mode=above_amount",
        "trusted_authserv_ids=mx.shop.example,MX2.shop.example",
        "-w",
        "default",
        env=cli_env,
    )
    assert owner.returncode == 0, owner.stderr
    with runtime.sessions() as session:
        settings = settings_of(resolve_workspace(session, "default"))
    assert settings.tone == "formal" and settings.approval_mode == "above_amount"
    assert settings.trusted_authserv_ids == ["mx.shop.example", "mx2.shop.example"]
    shown = knowreply("settings", "show", "-w", "default", env=cli_env)
    assert '"approval_mode": "above_amount"' in shown.stdout
    actors = [(actor, action) for actor, action, _ in _audit(runtime)]
    assert (cast.bob, "access.refused") in actors
    assert (cast.bob, "settings.update") in actors and ("operator", "settings.update") in actors


def test_approvals_are_listed_and_a_viewer_cannot_decide(
    cli_env: dict[str, str], cast: Cast, runtime: Runtime
) -> None:
    action_id = plant_refund_request(runtime)
    listed = knowreply("approvals", "list", "-w", "default", env=cli_env)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines()[1].split("\t")[:3] == [str(action_id), "refund", "$49.00"]
    created = knowreply(
        "user",
        "create",
        "vera@example.com",
        "--role",
        "viewer",
        "-w",
        "default",
        "--password",
        "correct horse battery staple",
        env=cli_env,
    )
    assert created.returncode == 0, created.stderr
    refused = knowreply(
        "approvals",
        "reject",
        str(action_id),
        "--as",
        "vera@example.com",
        "-w",
        "default",
        env=cli_env,
    )
    assert refused.returncode == 1 and "Deciding approvals" in refused.stderr
    missing = knowreply(
        "approvals", "approve", "999999", "--as", cast.bob, "-w", "default", env=cli_env
    )
    assert missing.returncode == 1, missing.stderr
    assert ("vera@example.com", "access.refused", "refused") in _audit(runtime)


def test_a_refund_to_size_is_listed_to_set_and_approved_with_its_amount(
    cli_env: dict[str, str], cast: Cast, client: TestClient, fake_stripe: FakeStripe
) -> None:
    token = sign_in(client, cast.alice)
    action_id = ask_back_a_part(client, token)["id"]
    listed = knowreply("approvals", "list", "-w", "default", env=cli_env)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines()[1].split("\t")[:3] == [str(action_id), "refund", "to set"]

    unsized = knowreply("approvals", "approve", str(action_id), "-w", "default", env=cli_env)
    assert unsized.returncode == 1, unsized.stdout
    assert "Set the amount first" in unsized.stderr and "at most $49.00" in unsized.stderr
    whole = knowreply(
        "approvals", "approve", str(action_id), "--amount", "49", "-w", "default", env=cli_env
    )
    assert whole.returncode == 1 and "set less than all of it" in whole.stderr
    assert refunds_made(fake_stripe) == []

    approved = knowreply(
        "approvals", "approve", str(action_id), "--amount", "10.00", "-w", "default", env=cli_env
    )
    assert approved.returncode == 0, approved.stderr
    assert approved.stdout.startswith("replied")
    assert [amount for _, amount in refunds_made(fake_stripe)] == [1000]
    assert status_of(client, token, action_id) == "done"
    again = knowreply("approvals", "list", "-w", "default", env=cli_env)
    assert again.stdout.splitlines()[1:] == []
