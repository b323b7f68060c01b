"""LLM brains: any OpenAI-compatible server (OpenAI, Azure, Ollama, vLLM) or Anthropic."""

from __future__ import annotations

from anthropic import AsyncAnthropic
from openai import AsyncOpenAI
from pydantic_ai.models import Model
from pydantic_ai.models.anthropic import AnthropicModel
from pydantic_ai.models.openai import OpenAIChatModel
from pydantic_ai.providers.anthropic import AnthropicProvider
from pydantic_ai.providers.openai import OpenAIProvider

from knowreply.errors import KnowreplyError
from knowreply.secrets import MasterKey
from knowreply.workspaces import WorkspaceSettings

MAX_RETRIES = 3
"""The provider SDKs retry timeouts, 429 and 5xx with backoff this many times."""
TIMEOUT_SECONDS = 60.0


class BrainNotConfigured(KnowreplyError):
    status = 409


def llm_model(settings: WorkspaceSettings, master_key: MasterKey) -> Model:
    """The workspace's LLM, ready for pydantic-ai."""
    if not settings.llm_model:
        raise BrainNotConfigured(f"The {settings.brain} brain needs a model name in Settings.")
    api_key = (
        master_key.decrypt(settings.llm_api_key_encrypted)
        if settings.llm_api_key_encrypted
        else None
    )
    if settings.brain == "openai":
        client = AsyncOpenAI(
            base_url=settings.llm_base_url or None,
            api_key=api_key or "not-needed",  # local servers (Ollama, vLLM) take any key
            max_retries=MAX_RETRIES,
            timeout=TIMEOUT_SECONDS,
        )
        return OpenAIChatModel(settings.llm_model, provider=OpenAIProvider(openai_client=client))
    if settings.brain == "anthropic":
        if not api_key:
            raise BrainNotConfigured("The anthropic brain needs an API key in Settings.")
        anthropic = AsyncAnthropic(
            api_key=api_key,
            base_url=settings.llm_base_url or None,
            max_retries=MAX_RETRIES,
            timeout=TIMEOUT_SECONDS,
        )
        return AnthropicModel(
            settings.llm_model, provider=AnthropicProvider(anthropic_client=anthropic)
        )
    raise BrainNotConfigured(f"{settings.brain!r} is not an LLM brain.")
