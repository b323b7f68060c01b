"""A provider error that echoes the LLM key never puts it in the trace, the stored run or the
logs: the key is redacted by shape (`sk-…`) and, whatever its shape, as the loaded value."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from knowreply.db.models import AgentRun
from knowreply.logs import REDACTED, redact_text
from tests.agent.conftest import Shop
from tests.fake_llm import fail, running_fake_llm

KEYS = ["sk-proj-Zx9fakeKEYthatMustNotLeak0001", "local-key-without-a-known-shape-77"]


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("status", [401, 500])
def test_a_provider_error_echoing_the_key_is_redacted_everywhere(
    shop: Shop, key: str, status: int, capsys: pytest.CaptureFixture[str]
) -> None:
    with running_fake_llm([fail(status, echo_key=True)], repeat_last=True) as llm:
        shop.settings(
            brain="openai",
            llm_model="fake-gpt",
            llm_base_url=f"{llm.url}/v1",
            llm_max_retries=0,
            llm_api_key_encrypted=shop.runtime.master_key.encrypt(key),
        )
        trace = shop.ask("alice@example.com", "Could you send me my latest invoice?")
        assert llm.requests, "the fake LLM was asked"

    assert trace.outcome == "failed"
    assert trace.reason is not None and str(status) in trace.reason
    assert key not in trace.reason and REDACTED in trace.reason
    with shop.runtime.sessions() as session:
        row = session.scalars(select(AgentRun)).one()
        stored = json.dumps([row.reason, row.trace, row.state])
    assert key not in stored
    logged = capsys.readouterr()
    assert key not in logged.err + logged.out
    assert "agent.run.failed" in logged.err  # the failure itself is logged, redacted


@pytest.mark.parametrize(
    "key",
    [
        "sk-abcdefghijklmnopqrstuvwxyz012345",
        "sk-proj-abcdefghij_klmnopqrstuvwxyz-0123",
        "sk-ant-api03-abcdefghijklmnopqrstuvwxyz-0123456789_AA",
        "sk-svcacct-abcdefghijklmnop",
        "whsec_abcdefghijklmnopqrstuv",
        "sk_live_abcdefghijklmnop",
    ],
)
def test_the_redactor_knows_openai_anthropic_and_stripe_key_shapes(key: str) -> None:
    assert redact_text(f"error: bad key {key}, retry") == f"error: bad key {REDACTED}, retry"
