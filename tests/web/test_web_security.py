"""Security sweeps over every route of the app: secrets never shown, CSRF on every unsafe
request, other workspaces' objects not found, bad input answered with 4xx."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient

from fakestripe import DEMO_RESTRICTED_KEY
from knowreply.runtime import Runtime
from knowreply.web.app import create_app
from tests.fake_stripe import FakeStripe
from tests.web.conftest import Cast, plant_conversation, plant_refund_request, sign_in

LLM_KEY = "sk-ant-api03-supersecretllmkeyvalue"
UNSAFE = {"POST", "PATCH", "PUT", "DELETE"}


def routes(runtime: Runtime, methods: set[str]) -> list[tuple[str, str]]:
    """(method, path template) of every route the app serves with one of `methods`."""
    found = []
    for route in iter_route_contexts(create_app(runtime).routes):
        if route.methods and route.path != "/docs/oauth2-redirect":
            found.extend((method, route.path) for method in sorted(route.methods & methods))
    return found


def fill(path: str, ids: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: ids[m.group(1)], path)


@pytest.fixture
def ids(client: TestClient, cast: Cast, runtime: Runtime) -> dict[str, str]:
    """Real ids of alice's workspace for every path parameter."""
    token = sign_in(client, cast.alice)
    run = client.post(
        "/api/v1/simulate",
        json={"sender": "carol@example.com", "body": "Where is my invoice?"},
        headers={"X-CSRF-Token": token},
    ).json()
    client.cookies.clear()
    message_id, conversation_id = plant_conversation(runtime)
    return {
        "run_id": str(run["run_id"]),
        "action_id": str(plant_refund_request(runtime)),
        "member_id": "2",  # bob
        "name": "refunds",
        "decision": "reject",
        "conversation_id": str(conversation_id),
        "message_id": str(message_id),
    }


def test_no_page_or_api_answer_contains_a_stored_secret(
    client: TestClient, cast: Cast, runtime: Runtime, fake_stripe: FakeStripe, ids: dict[str, str]
) -> None:
    token = sign_in(client, cast.alice)
    headers = {"X-CSRF-Token": token}
    connected = client.post(
        "/api/v1/integrations/stripe/connect",
        json={"key": DEMO_RESTRICTED_KEY},
        headers=headers,
    )
    assert connected.status_code == 200
    client.patch(
        "/api/v1/settings",
        json={"brain": "anthropic", "llm_model": "claude-sonnet-4-5", "llm_api_key": LLM_KEY},
        headers=headers,
    )
    scanned = 0
    for _method, path in routes(runtime, {"GET"}):
        response = client.get(fill(path, ids), headers=headers)
        assert response.status_code < 500, path
        for secret in (DEMO_RESTRICTED_KEY, LLM_KEY, DEMO_RESTRICTED_KEY[8:-4]):
            assert secret not in response.text, (path, secret[:6])
        scanned += 1
    assert scanned >= 15


def test_every_unsafe_route_refuses_a_session_request_without_the_csrf_token(
    client: TestClient, cast: Cast, runtime: Runtime, ids: dict[str, str]
) -> None:
    sign_in(client, cast.alice)
    # Provider webhooks carry no session: each provider's signature or credentials guard
    # them (tests/pipeline/test_pipeline_webhooks.py), so a session cannot drive them.
    unsafe = [(m, p) for m, p in routes(runtime, UNSAFE) if not p.startswith("/webhooks/")]
    assert len(unsafe) >= 15
    for method, path in unsafe:
        url = fill(path, ids)
        as_form = client.request(method, url, data={"email": "x@example.com", "key": "sk_test_x"})
        assert as_form.status_code == 403, (method, path, as_form.text[:200])
        as_json = client.request(method, url, json={}, headers={"X-CSRF-Token": "forged"})
        assert as_json.status_code == 403, (method, path)


def test_another_workspaces_runs_and_actions_are_not_found(
    client: TestClient, cast: Cast, runtime: Runtime, ids: dict[str, str]
) -> None:
    token = sign_in(client, cast.charlie)
    headers = {"X-CSRF-Token": token}
    with_ids = [
        (method, path)
        for method, path in routes(runtime, {"GET"} | UNSAFE)
        if re.search(r"\{(run|action|member|conversation|message)_id\}", path)
    ]
    assert len(with_ids) >= 12
    for method, path in with_ids:
        response = client.request(method, fill(path, ids), headers=headers)
        assert response.status_code == 404, (method, path, response.status_code)


BAD_BODIES = [
    ("PATCH", "/api/v1/settings", {"timezone": "Not/AZone"}),
    ("PATCH", "/api/v1/settings", {"refund_cap_minor": -1}),
    ("PATCH", "/api/v1/settings", {"refund_window_days": "soon"}),
    ("PATCH", "/api/v1/settings", {"brain": "gpt"}),
    ("PATCH", "/api/v1/settings", {"portal_return_url": "javascript:alert(1)"}),
    ("PATCH", "/api/v1/settings", {"llm_api_key_encrypted": "gAAAA"}),
    ("PATCH", "/api/v1/settings", {"trusted_authserv_ids": "mx.example.com"}),
    ("PATCH", "/api/v1/settings", []),
    ("POST", "/api/v1/members", {"email": "nobody", "password": "long enough password"}),
    ("POST", "/api/v1/members", {"email": "a@b.example"}),
    ("POST", "/api/v1/members", {"email": "a@b.example", "password": "x" * 12, "role": "god"}),
    ("POST", "/api/v1/simulate", {"sender": "x@example.com", "body": ""}),
    ("POST", "/api/v1/simulate", {"sender": "not an address", "body": "hi"}),
    ("POST", "/api/v1/simulate", {"sender": "x@example.com", "body": "x" * 100_001}),
    ("POST", "/api/v1/simulate", {"body": "hi"}),
    ("POST", "/api/v1/simulate", "just a string"),
    ("POST", "/api/v1/approvals/abc/approve", None),
    ("POST", "/api/v1/approvals/99999/reject", None),
    ("GET", "/api/v1/runs/-1", None),
    ("GET", "/api/v1/runs/99999999999999999999999", None),
    ("DELETE", "/api/v1/members/0", None),
    ("POST", "/api/v1/integrations/stripe/connect", {"key": "pk_live_x"}),
    ("PATCH", "/api/v1/integrations/stripe/capabilities", {"enable": ["teleport"]}),
]


@pytest.mark.parametrize(("method", "path", "body"), BAD_BODIES)
def test_bad_input_to_the_json_api_is_a_4xx_with_an_error_body(
    client: TestClient, cast: Cast, method: str, path: str, body: object
) -> None:
    token = sign_in(client, cast.alice)
    response = client.request(method, path, json=body, headers={"X-CSRF-Token": token})
    assert 400 <= response.status_code < 500, (response.status_code, response.text)
    assert set(response.json()) == {"error", "detail"}
