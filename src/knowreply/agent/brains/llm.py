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
from knowreply.logs import register_secret
from knowreply.secrets import MasterKey
from knowreply.workspaces import WorkspaceSettings


class BrainNotConfigured(KnowreplyError):
    status = 409


def llm_model(settings: WorkspaceSettings, master_key: MasterKey) -> Model:
    """The workspace's LLM, ready for pydantic-ai (the provider SDKs retry timeouts, 429 and
    5xx with backoff `llm_max_retries` times)."""
    if not settings.llm_model:
        raise BrainNotConfigured(f"The {settings.brain} brain needs a model name in Settings.")
    api_key = (
        master_key.decrypt(settings.llm_api_key_encrypted)
        if settings.llm_api_key_encrypted
        else None
    )
    register_secret(api_key)  # a provider error echoing it is redacted from traces and logs
    if settings.brain == "openai":
        client = AsyncOpenAI(
            base_url=settings.llm_base_url or None,
            api_key=api_key or "not-needed",  # local servers (Ollama, vLLM) take any key
            max_retries=settings.llm_max_retries,
            timeout=settings.llm_timeout_seconds,
        )
        return OpenAIChatModel(settings.llm_model, provider=OpenAIProvider(openai_client=client))
    if settings.brain == "anthropic":
        if not api_key:
            raise BrainNotConfigured("The anthropic brain needs an API key in Settings.")
        anthropic = AsyncAnthropic(
            api_key=api_key,
            base_url=settings.llm_base_url or None,
            max_retries=settings.llm_max_retries,
            timeout=settings.llm_timeout_seconds,
        )
        return AnthropicModel(
            settings.llm_model, provider=AnthropicProvider(anthropic_client=anthropic)
        )
    raise BrainNotConfigured(f"{settings.brain!r} is not an LLM brain.")
