"""Every route of the app, walked as each kind of caller: owner, member, viewer, a read-only
token, a full token and no one. The routes are enumerated from the app, and each must have
an entry in `NEEDS`, so a new route cannot be added without saying who may use it."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient

from knowreply.access import ROLES, Operator, Role, allows
from knowreply.db.models import Member
from knowreply.db.session import transaction
from knowreply.runtime import Runtime
from knowreply.web.accounts import create_api_token
from knowreply.web.app import create_app
from knowreply.workspaces import create_member, resolve_workspace
from tests.web.conftest import PASSWORD, Cast, plant_conversation, sign_in

VIEWER = "vera@example.com"
PUBLIC = "public"
NOT_WALKED = "not walked"

NEEDS: dict[tuple[str, str], str] = {
    # open to anyone (sign-in, health, the API's own documentation)
    ("GET", "/healthz"): PUBLIC,
    ("GET", "/login"): PUBLIC,
    ("GET", "/api/docs"): PUBLIC,
    ("GET", "/docs/oauth2-redirect"): PUBLIC,
    ("GET", "/api/v1/openapi.json"): PUBLIC,
    # sign-in/out have their own tests (test_web_sign_in, test_web_sessions); provider
    # webhooks are authenticated by the provider's secret (tests/pipeline)
    ("POST", "/login"): NOT_WALKED,
    ("POST", "/logout"): NOT_WALKED,
    ("POST", "/webhooks/{provider}/{workspace}"): NOT_WALKED,
    # reading: anyone of the workspace
    ("GET", "/"): "viewer",
    ("GET", "/mail"): "viewer",
    ("GET", "/approvals/waiting"): "viewer",
    ("GET", "/api/v1/workspace"): "viewer",
    ("GET", "/audit"): "viewer",
    ("GET", "/api/v1/audit"): "viewer",
    ("GET", "/audit.csv"): "viewer",
    ("GET", "/toolkit"): "viewer",
    ("GET", "/api/v1/integrations/stripe"): "viewer",
    ("GET", "/simulator"): "viewer",
    ("GET", "/simulator/runs/{run_id}"): "viewer",
    ("GET", "/demo"): "viewer",
    ("GET", "/api/v1/runs/{run_id}"): "viewer",
    ("GET", "/inbox"): "viewer",
    ("GET", "/inbox/{conversation_id}"): "viewer",
    ("GET", "/inbox/messages/{message_id}"): "viewer",
    ("GET", "/api/v1/conversations"): "viewer",
    ("GET", "/api/v1/conversations/{conversation_id}"): "viewer",
    ("GET", "/approvals"): "viewer",
    ("GET", "/api/v1/approvals"): "viewer",
    ("GET", "/settings"): "viewer",
    ("GET", "/api/v1/settings"): "viewer",
    ("GET", "/api/v1/members"): "viewer",
    ("POST", "/settings/password"): "viewer",  # your own password
    ("GET", "/notifications"): "viewer",
    ("GET", "/api/v1/notifications"): "viewer",
    ("POST", "/notifications/preference"): "viewer",  # your own emails
    ("PUT", "/api/v1/notifications/preference"): "viewer",
    # operating: members and owners
    ("POST", "/toolkit/stripe/check"): "member",
    ("POST", "/api/v1/integrations/stripe/check"): "member",
    ("POST", "/simulator"): "member",
    ("POST", "/api/v1/simulate"): "member",
    ("POST", "/inbox/messages/{message_id}/retry"): "member",
    ("POST", "/inbox/{conversation_id}/reply"): "member",
    ("POST", "/api/v1/messages/{message_id}/retry"): "member",
    ("POST", "/api/v1/conversations/{conversation_id}/reply"): "member",
    ("POST", "/approvals/{action_id}/{decision}"): "member",
    ("POST", "/api/v1/approvals/{action_id}/approve"): "member",
    ("POST", "/api/v1/approvals/{action_id}/reject"): "member",
    ("POST", "/settings"): "member",  # the profile; owner-only fields: test_web_roles
    ("PATCH", "/api/v1/settings"): "member",
    # owners only
    ("POST", "/toolkit/stripe/connect"): "owner",
    ("POST", "/toolkit/stripe/disconnect"): "owner",
    ("POST", "/toolkit/stripe/capabilities/{name}"): "owner",
    ("POST", "/api/v1/integrations/stripe/connect"): "owner",
    ("DELETE", "/api/v1/integrations/stripe"): "owner",
    ("PATCH", "/api/v1/integrations/stripe/capabilities"): "owner",
    ("POST", "/settings/members"): "owner",
    ("POST", "/settings/members/{member_id}/remove"): "owner",
    ("POST", "/api/v1/members"): "owner",
    ("DELETE", "/api/v1/members/{member_id}"): "owner",
    ("PUT", "/api/v1/members/{member_id}/password"): "owner",  # someone else's
    ("POST", "/settings/tokens"): "owner",
    ("POST", "/settings/tokens/{token_id}/revoke"): "owner",
    ("GET", "/api/v1/tokens"): "owner",
    ("POST", "/api/v1/tokens"): "owner",
    ("DELETE", "/api/v1/tokens/{token_id}"): "owner",
    ("POST", "/demo/reconnect"): "owner",
    ("POST", "/mail/imap"): "owner",
    ("POST", "/mail/smtp"): "owner",
    ("POST", "/mail/address"): "owner",
    ("POST", "/mail/webhook"): "owner",
    ("POST", "/mail/check"): "owner",
    ("POST", "/mail/test"): "owner",
    ("POST", "/notifications/webhook"): "owner",
    ("POST", "/notifications/webhook/remove"): "owner",
    ("POST", "/notifications/test"): "owner",
    ("PUT", "/api/v1/notifications/webhook"): "owner",
    ("DELETE", "/api/v1/notifications/webhook"): "owner",
    ("POST", "/api/v1/notifications/test"): "owner",
}

MISSING = "999999"
"""Ids of things that do not exist: an allowed caller gets as far as a 404, so nothing is
changed by the walk, while a refused one is stopped (403) before the lookup."""


@dataclass(frozen=True)
class Identity:
    name: str
    role: Role | None
    """What the caller may do; None: no one."""
    session_of: str | None = None
    token: str | None = None
    read_only: bool = False


def app_routes(runtime: Runtime) -> set[tuple[str, str]]:
    found = set()
    for route in iter_route_contexts(create_app(runtime).routes):
        for method in route.methods or ():
            if method != "HEAD":
                found.add((method, route.path))
    return found


def test_every_route_of_the_app_says_who_may_use_it(runtime: Runtime) -> None:
    routes = app_routes(runtime)
    assert routes - NEEDS.keys() == set(), "add the new routes to NEEDS"
    assert NEEDS.keys() - routes == set(), "NEEDS names routes the app no longer has"


@pytest.fixture
def identities(runtime: Runtime, cast: Cast) -> list[Identity]:
    with transaction(runtime.sessions) as session:
        default = resolve_workspace(session, "default")
        create_member(session, default, VIEWER, PASSWORD, role="viewer")
        alice = session.query(Member).filter_by(email=cast.alice).one()
        owner = Operator(default.id, cast.alice, "owner", alice.id)
        _, read = create_api_token(session, owner, name="read", scope="read", member_id=alice.id)
        _, full = create_api_token(session, owner, name="full", scope="full", member_id=alice.id)
    return [
        Identity("owner", "owner", session_of=cast.alice),
        Identity("member", "member", session_of=cast.bob),
        Identity("viewer", "viewer", session_of=VIEWER),
        Identity("read token", "viewer", token=read, read_only=True),
        Identity("full token", "owner", token=full),
        Identity("anonymous", None),
    ]


def _url(method: str, path: str, ids: dict[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in ids and (method == "GET" or name == "conversation_id"):
            return ids[name]
        return {"name": "refunds", "decision": "reject"}.get(name, MISSING)

    return re.sub(r"\{(\w+)\}", value, path)


def expected(identity: Identity, method: str, path: str, needs: str) -> str:
    """`allowed`, or the status a refused caller gets."""
    api = path.startswith("/api/")
    if identity.role is None:
        return "401" if api else "303"
    if identity.token is not None and not api:
        return "303"  # pages take the dashboard session only
    if identity.read_only and method != "GET":
        return "403"
    return "allowed" if allows(identity.role, needs) else "403"  # type: ignore[arg-type]


def test_each_caller_gets_what_their_role_allows_on_every_route(
    client: TestClient, runtime: Runtime, identities: list[Identity]
) -> None:
    message_id, conversation_id = plant_conversation(runtime)
    ids = {"conversation_id": str(conversation_id), "message_id": str(message_id)}
    routes = sorted(r for r in app_routes(runtime) if NEEDS[r] in ROLES)
    walked = 0
    for identity in identities:
        client.cookies.clear()
        headers: dict[str, str] = {}
        csrf = ""
        if identity.session_of:
            csrf = sign_in(client, identity.session_of)
            headers["X-CSRF-Token"] = csrf
        if identity.token:
            headers["Authorization"] = f"Bearer {identity.token}"
        for method, path in routes:
            url = _url(method, path, ids)
            if path.startswith("/api/"):
                body = {"password": "short"} if method in ("POST", "PATCH", "PUT") else None
                response = client.request(
                    method, url, json=body, headers=headers, follow_redirects=False
                )
            else:
                form = {"csrf_token": csrf, "password": "short"} if method == "POST" else None
                response = client.request(
                    method, url, data=form, headers=headers, follow_redirects=False
                )
            want = expected(identity, method, path, NEEDS[(method, path)])
            got = response.status_code
            where = (identity.name, method, path, got, response.text[:160])
            if want == "allowed":
                assert got not in (401, 403) and got < 500, where
            else:
                assert str(got) == want, where
            walked += 1
    assert walked == len(identities) * len(routes) >= 6 * 50


def test_public_routes_answer_anyone(client: TestClient, runtime: Runtime) -> None:
    for method, path in sorted(r for r in app_routes(runtime) if NEEDS[r] == PUBLIC):
        response = client.request(method, path, follow_redirects=False)
        assert response.status_code < 400, (method, path, response.status_code)
