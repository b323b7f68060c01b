"""Signing in: sessions, CSRF, rate limits and API tokens."""

from __future__ import annotations

from fastapi.testclient import TestClient

from knowreply.access import Operator
from knowreply.db.session import transaction
from knowreply.runtime import Runtime
from knowreply.web.accounts import MAX_FAILURES_PER_EMAIL, create_api_token
from knowreply.workspaces import resolve_workspace
from tests.web.conftest import PASSWORD, Cast, csrf_of, sign_in


def test_pages_need_a_session(client: TestClient, cast: Cast) -> None:
    response = client.get("/audit", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/audit"
    assert client.get("/api/v1/workspace").json()["error"] == "NotSignedIn"


def test_sign_in_and_out(client: TestClient, cast: Cast) -> None:
    token = sign_in(client, cast.alice)
    me = client.get("/api/v1/workspace").json()
    assert me == {"name": "default", "plan": "self_hosted", "actor": cast.alice}
    client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert client.get("/api/v1/workspace").status_code == 401


def test_wrong_password_is_refused_without_saying_which_part(
    client: TestClient, cast: Cast
) -> None:
    token = csrf_of(client)
    for email in (cast.alice, "nobody@example.com"):
        response = client.post(
            "/login", data={"email": email, "password": "wrong password", "csrf_token": token}
        )
        assert response.status_code == 401
        assert "Wrong email or password." in response.text


def test_sign_in_is_rate_limited(client: TestClient, cast: Cast) -> None:
    token = csrf_of(client)
    for _ in range(MAX_FAILURES_PER_EMAIL):
        client.post("/login", data={"email": cast.bob, "password": "nope", "csrf_token": token})
    response = client.post(
        "/login", data={"email": cast.bob, "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.text
    sign_in(client, cast.alice)  # another member is not locked out


def test_forms_without_the_csrf_token_are_refused(client: TestClient, cast: Cast) -> None:
    csrf_of(client)
    response = client.post("/login", data={"email": cast.alice, "password": PASSWORD})
    assert response.status_code == 403
    sign_in(client, cast.alice)
    assert client.post("/logout", data={}, follow_redirects=False).status_code == 403


def test_api_tokens(client: TestClient, runtime: Runtime, cast: Cast) -> None:
    with transaction(runtime.sessions) as session:
        other = Operator(resolve_workspace(session, "other").id)
        _, token = create_api_token(session, other, name="ci", scope="full", member_id=None)
    response = client.get("/api/v1/workspace", headers={"Authorization": f"Bearer {token}"})
    assert response.json() == {"name": "other", "plan": "self_hosted", "actor": "token:ci"}
    bad = client.get("/api/v1/workspace", headers={"Authorization": "Bearer kr_forged"})
    assert bad.status_code == 401
    assert bad.json() == {"error": "NotSignedIn", "detail": "Invalid or revoked API token."}


def test_openapi_schema_is_served(client: TestClient) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "knowreply"
    assert "/api/v1/workspace" in schema["paths"]
