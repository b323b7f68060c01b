"""Structured logs (structlog) with secrets redacted from every line."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Mapping, MutableMapping
from typing import Any

import structlog

# Stripe keys (secret, restricted, publishable; test or live) and webhook signing secrets,
# and OpenAI/Anthropic-style keys (`sk-…`, `sk-proj-…`, `sk-ant-api03-…`), anywhere in text.
_KEY = re.compile(
    r"\b(?:(?:sk|rk|pk)_(?:test|live)_[A-Za-z0-9]{4,}|whsec_[A-Za-z0-9+/=]{8,}"
    r"|sk-[A-Za-z0-9][A-Za-z0-9_-]{11,})"
)
_KNOWN_SECRETS: set[str] = set()
"""Secret values this process loaded (a decrypted LLM key): redacted whatever their shape."""
# `Authorization: Bearer …`, `Basic …`, and password-ish `key=value` pairs inside text.
_AUTH_HEADER = re.compile(r"(?i)\b(authorization\s*[:=]\s*)(?:bearer|basic)?\s*[^\s,;'\"]+")
_INLINE_SECRET = re.compile(
    r"(?i)\b(password|passwd|pwd|secret|api[_-]?key|token)(\s*[:=]\s*)([^\s,;&'\"]+)"
)
_URL_PASSWORD = re.compile(r"(?i)(\b[a-z][a-z0-9+.-]*://[^:/@\s]+:)([^@\s]+)(@)")
_SECRET_FIELD = re.compile(
    r"(?i)(password|passwd|secret|api_?key|token|authorization|credentials?|cookie)"
)
REDACTED = "[REDACTED]"


def register_secret(value: str | None) -> None:
    """Redact this exact value from every later log line and trace (a key loaded from storage)."""
    if value and len(value.strip()) >= 8:
        _KNOWN_SECRETS.add(value.strip())


def find_secrets(text: str) -> list[str]:
    """The keys and loaded secrets in a text (for refusing a reply that carries one)."""
    return [m.group(0) for m in _KEY.finditer(text)] + [s for s in _KNOWN_SECRETS if s in text]


def redact_text(text: str) -> str:
    """Hide anything in free text that looks like a key, a password or an auth header."""
    for secret in sorted(_KNOWN_SECRETS, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    text = _KEY.sub(REDACTED, text)
    text = _AUTH_HEADER.sub(lambda m: m.group(1) + REDACTED, text)
    text = _URL_PASSWORD.sub(lambda m: m.group(1) + REDACTED + m.group(3), text)
    return _INLINE_SECRET.sub(lambda m: m.group(1) + m.group(2) + REDACTED, text)


def error_text(error: BaseException, *, limit: int = 500) -> str:
    """An exception as stored for people (a trace, an action): an LLM provider's or Stripe's
    error body may echo the key it was sent, so keys are redacted before it is kept."""
    return redact_text(f"{type(error).__name__}: {error}")[:limit]


def _redact_value(key: str, value: Any) -> Any:
    if _SECRET_FIELD.search(key) and value not in (None, "", False):
        return REDACTED
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, Mapping):
        return {k: _redact_value(str(k), v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_redact_value(key, v) for v in value]
    return value


def redact_secrets(
    _logger: Any, _method: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """structlog processor: the last safety net before a line is written."""
    return {key: _redact_value(key, value) for key, value in event_dict.items()}


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever `sys.stderr` is when a line is logged (test runners swap it)."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def configure_logging(level: str = "info", fmt: str = "console") -> None:
    """Route structlog and the standard library (uvicorn, DBOS, httpx) through redaction."""
    renderer: Any = (
        structlog.processors.JSONRenderer()
        if fmt == "json"
        else structlog.dev.ConsoleRenderer(colors=False)
    )
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.format_exc_info,
    ]
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            redact_secrets,
            renderer,
        ],
    )
    handler = _StderrHandler()
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for chatty in ("alembic", "dbos", "httpx", "stripe"):
        logging.getLogger(chatty).setLevel(max(root.level, logging.WARNING))
