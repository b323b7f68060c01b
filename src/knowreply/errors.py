"""Error types split by who caused them: the operator (configuration) or a request."""

from __future__ import annotations


class KnowreplyError(Exception):
    """Base of the project's own errors; `status` is the HTTP status an API answers with."""

    status: int = 400

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class ConfigError(KnowreplyError):
    """The operator's setup is wrong: names the setting and says how to fix it."""

    status = 500

    def __init__(self, setting: str, problem: str, fix: str) -> None:
        super().__init__(f"{setting}: {problem}. {fix}")
        self.setting = setting


class NotFound(KnowreplyError):
    status = 404
