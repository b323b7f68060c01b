"""Who is writing a reply (the business) and who reads it (language, time zone)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal
from zoneinfo import ZoneInfo

from knowreply.agent.brains.rules.understanding import Language

Tone = Literal["friendly", "formal"]


@dataclass(frozen=True)
class Persona:
    """The business's voice, set in the workspace's settings."""

    business_name: str
    tone: Tone = "friendly"
    signature: str | None = None
    """Closing lines such as `Ana, Acme Support`; the business's name is used when absent."""

    def sign_off(self, suffix: str) -> str:
        """The signature, else `Acme Support` (not `Customer Support Support`)."""
        if self.signature:
            return self.signature
        if "support" in self.business_name.lower() or suffix in self.business_name:
            return self.business_name
        return f"{self.business_name} {suffix}"


@dataclass(frozen=True)
class Audience:
    """The customer reading the reply: their language and the workspace's time zone."""

    language: Language
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))

    @property
    def locale(self) -> str:
        """The Babel locale money and dates are written in (`12,50 €` in es, fr and de)."""
        return _LOCALES[self.language]


_LOCALES: dict[Language, str] = {
    "en": "en",
    "ja": "ja_JP",
    "es": "es_ES",
    "fr": "fr_FR",
    "de": "de_DE",
}
