"""Sessions (finding 3) and API tokens (finding 2): a new session and CSRF token at sign-in,
sign-out and idling end the session on the server, a changed password or a removed member
loses every session and token, and tokens are made, listed and revoked by owners."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select, update

from knowreply.db.models import ApiToken, AuditEvent, Member, WebSession
from knowreply.db.session import transaction
from knowreply.db.types import utcnow
from knowreply.runtime import Runtime
from knowreply.web.accounts import SESSION_IDLE
from tests.web.conftest import PASSWORD, Cast, csrf_of, sign_in


def _member_id(runtime: Runtime, email: str) -> int:
    with runtime.sessions() as session:
        return session.scalars(select(Member.id).where(Member.email == email)).one()


def test_a_csrf_token_planted_before_sign_in_is_worthless_after(
    client: TestClient, cast: Cast
) -> None:
    planted = csrf_of(client)  # the attacker's own visit to /login, cookie and token
    cookie = client.cookies.get("knowreply_session")
    client.post("/login", data={"email": cast.alice, "password": PASSWORD, "csrf_token": planted})
    assert client.cookies.get("knowreply_session") != cookie
    fresh = csrf_of(client, "/settings")
    assert fresh != planted
    forged = client.patch(
        "/api/v1/settings", json={"tone": "formal"}, headers={"X-CSRF-Token": planted}
    )
    assert forged.status_code == 403
    honest = client.patch(
        "/api/v1/settings", json={"tone": "formal"}, headers={"X-CSRF-Token": fresh}
    )
    assert honest.status_code == 200


def test_sign_out_ends_the_session_on_the_server(client: TestClient, cast: Cast) -> None:
    token = sign_in(client, cast.alice)
    copied = client.cookies.get("knowreply_session")
    assert client.post("/logout", data={"csrf_token": token}).status_code in (200, 303)
    client.cookies.set("knowreply_session", copied or "")  # the cookie, kept by a thief
    assert client.get("/settings", follow_redirects=False).status_code == 303
    assert client.get("/api/v1/settings").status_code == 401


def test_an_idle_session_expires(client: TestClient, cast: Cast, runtime: Runtime) -> None:
    sign_in(client, cast.alice)
    assert client.get("/api/v1/settings").status_code == 200
    with transaction(runtime.sessions) as session:
        session.execute(
            update(WebSession).values(last_seen_at=utcnow() - SESSION_IDLE - timedelta(minutes=1))
        )
    assert client.get("/api/v1/settings").status_code == 401


def test_changing_a_password_ends_every_session_and_token(
    client: TestClient, cast: Cast, runtime: Runtime
) -> None:
    token = sign_in(client, cast.alice)
    made = client.post(
        "/api/v1/tokens", json={"name": "ci", "scope": "full"}, headers={"X-CSRF-Token": token}
    ).json()["token"]
    other = TestClient(client.app, base_url="http://127.0.0.1:8000")
    sign_in(other, cast.alice)  # a second browser
    changed = client.post(
        "/settings/password",
        data={"csrf_token": token, "password": "a brand new passphrase"},
        follow_redirects=False,
    )
    assert changed.status_code == 303 and changed.headers["location"] == "/login"
    assert other.get("/api/v1/settings").status_code == 401
    bearer = {"Authorization": f"Bearer {made}"}
    assert client.get("/api/v1/workspace", headers=bearer).status_code == 401
    sign_in(client, cast.alice, "a brand new passphrase")


def test_removing_a_member_ends_their_sessions_and_tokens(
    client: TestClient, cast: Cast, runtime: Runtime
) -> None:
    bob = TestClient(client.app, base_url="http://127.0.0.1:8000")
    sign_in(bob, cast.bob)
    token = sign_in(client, cast.alice)
    made = client.post(
        "/api/v1/tokens", json={"name": "bob-ish", "scope": "read"}, headers={"X-CSRF-Token": token}
    ).json()
    with transaction(runtime.sessions) as session:  # a token acting for bob
        session.execute(
            update(ApiToken)
            .where(ApiToken.id == made["id"])
            .values(member_id=_member_id(runtime, cast.bob))
        )
    bearer = {"Authorization": f"Bearer {made['token']}"}
    assert bob.get("/api/v1/workspace", headers=bearer).status_code == 200
    bob_id = _member_id(runtime, cast.bob)
    removed = client.delete(f"/api/v1/members/{bob_id}", headers={"X-CSRF-Token": token})
    assert removed.status_code == 204
    assert bob.get("/api/v1/settings").status_code == 401
    assert bob.get("/api/v1/workspace", headers=bearer).status_code == 401


def test_tokens_are_shown_once_listed_without_secret_and_revoked_at_once(
    client: TestClient, cast: Cast, runtime: Runtime
) -> None:
    token = sign_in(client, cast.alice)
    page = client.post(
        "/settings/tokens", data={"csrf_token": token, "name": "ci", "scope": "read"}
    )
    assert page.status_code == 201
    secret = page.text.split('data-testid="new-token">', 1)[1].split("<", 1)[0]
    assert secret.startswith("kr_")
    assert secret not in client.get("/settings").text
    listed = client.get("/api/v1/tokens").json()
    assert [(t["name"], t["owner"], t["scope"], t["token"]) for t in listed] == [
        ("ci", cast.alice, "read", None)
    ]
    assert secret not in str(listed)
    with runtime.sessions() as session:
        stored = session.scalars(select(ApiToken.token_hash)).one()
    assert secret not in stored
    bearer = {"Authorization": f"Bearer {secret}"}
    assert client.get("/api/v1/workspace", headers=bearer).status_code == 200
    assert client.get("/api/v1/tokens").json()[0]["last_used_at"] is not None
    refused = client.patch("/api/v1/settings", json={"tone": "formal"}, headers=bearer)
    assert refused.status_code == 403 and "read-only" in refused.json()["detail"]
    revoked = client.delete(f"/api/v1/tokens/{listed[0]['id']}", headers={"X-CSRF-Token": token})
    assert revoked.json()["revoked_at"] is not None
    assert client.get("/api/v1/workspace", headers=bearer).status_code == 401
    with runtime.sessions() as session:
        actions = session.scalars(select(AuditEvent.action)).all()
    assert {"token.create", "token.revoke", "access.refused"} <= set(actions)


def test_a_full_token_of_a_member_does_what_a_member_may(
    client: TestClient, cast: Cast, runtime: Runtime
) -> None:
    token = sign_in(client, cast.alice)
    made = client.post(
        "/api/v1/tokens", json={"name": "m", "scope": "full"}, headers={"X-CSRF-Token": token}
    ).json()
    with transaction(runtime.sessions) as session:
        session.execute(
            update(ApiToken)
            .where(ApiToken.id == made["id"])
            .values(member_id=_member_id(runtime, cast.bob))
        )
    bearer = {"Authorization": f"Bearer {made['token']}"}
    assert (
        client.patch("/api/v1/settings", json={"tone": "formal"}, headers=bearer).status_code == 200
    )
    loosen = client.patch("/api/v1/settings", json={"approval_mode": "auto"}, headers=bearer)
    assert loosen.status_code == 403
