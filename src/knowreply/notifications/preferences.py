"""Each member's choice: an email at once, one daily digest, or nothing."""

from __future__ import annotations

from typing import Literal, get_args

from knowreply.db.models import Member

Preference = Literal["immediately", "daily", "off"]
PREFERENCES: tuple[Preference, ...] = get_args(Preference)
LABELS: dict[Preference, str] = {
    "immediately": "An email for each one, at once",
    "daily": "One email a day (a digest)",
    "off": "No emails",
}


def default_for(role: str) -> Preference:
    """Owners and members decide approvals and answer emails, so they hear at once; a viewer
    cannot act on them and gets nothing unless they ask."""
    return "off" if role == "viewer" else "immediately"


def preference_of(member: Member) -> Preference:
    for preference in PREFERENCES:
        if member.notify == preference:
            return preference
    return default_for(member.role)
