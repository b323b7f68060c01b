"""The daily digest: one email per member who chose it, per day, from 8:00 in the
workspace's time zone, listing what happened and what still waits; none when empty."""

from __future__ import annotations

import asyncio
import email
import email.policy
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from knowreply.db.models import Member, NotificationDelivery, Workspace
from knowreply.db.session import transaction
from knowreply.db.types import utcnow
from knowreply.notifications.delivery import deliver_due
from knowreply.notifications.digest import queue_digests
from knowreply.runtime import Runtime
from knowreply.workspaces import settings_of
from tests.mailservers import run_smtp_sink
from tests.notifications.conftest import CUSTOMER, OWNER, email_reaches
from tests.pipeline.conftest import configure_support


def choose_daily(runtime: Runtime, address: str) -> None:
    with transaction(runtime.sessions) as session:
        session.execute(update(Member).where(Member.email == address).values(notify="daily"))


def set_timezone(runtime: Runtime, workspace_id: int, zone: str) -> None:
    with transaction(runtime.sessions) as session:
        workspace = session.get_one(Workspace, workspace_id)
        workspace.settings = (
            settings_of(workspace).model_copy(update={"timezone": zone}).model_dump()
        )


def digests(runtime: Runtime) -> list[NotificationDelivery]:
    with runtime.sessions() as session:
        return list(
            session.scalars(
                select(NotificationDelivery).where(NotificationDelivery.event_id.is_(None))
            )
        )


async def test_a_daily_member_gets_one_digest_of_the_day(runtime: Runtime, team: int) -> None:
    choose_daily(runtime, OWNER)
    email_reaches(runtime, team, "escalated")
    email_reaches(runtime, team, "failed")
    morning = utcnow() + timedelta(seconds=1)
    set_timezone(runtime, team, "UTC" if morning.hour >= 8 else "Etc/GMT-10")  # after 8:00
    async with run_smtp_sink() as sink:
        configure_support(runtime, smtp_port=sink.port)
        made = queue_digests(runtime, morning)
        again = queue_digests(runtime, morning + timedelta(seconds=30))
        await asyncio.to_thread(deliver_due, runtime)
    assert (made, again) == (1, 0)
    [row] = digests(runtime)
    assert row.recipient == OWNER and row.status == "sent"
    [mine] = [item for item in sink.received if item.rcpt_to == [OWNER]]  # the member's: per event
    note = email.message_from_bytes(mine.raw, policy=email.policy.default)
    assert note["Subject"] == "[Customer Support] Daily digest: 2 new, 2 waiting"
    body = note.get_body().get_content()  # type: ignore[union-attr]
    assert f"- An email from {CUSTOMER} needs a person" in body
    assert f"- An email from {CUSTOMER} could not be handled" in body
    assert "Still waiting: 2." in body


def test_before_eight_in_the_workspaces_time_zone_no_digest_is_made(
    runtime: Runtime, team: int
) -> None:
    choose_daily(runtime, OWNER)
    set_timezone(runtime, team, "America/New_York")  # UTC-5 in December
    email_reaches(runtime, team, "escalated")
    assert queue_digests(runtime, datetime(2099, 12, 2, 12, 59, tzinfo=UTC)) == 0  # 07:59
    assert queue_digests(runtime, datetime(2099, 12, 2, 13, 0, tzinfo=UTC)) == 1  # 08:00
    assert queue_digests(runtime, datetime(2099, 12, 3, 4, 59, tzinfo=UTC)) == 0  # 23:59


def test_nothing_new_and_nothing_waiting_sends_no_digest(runtime: Runtime, team: int) -> None:
    choose_daily(runtime, OWNER)
    assert queue_digests(runtime, datetime(2099, 12, 2, 12, 0, tzinfo=UTC)) == 0
    assert digests(runtime) == []


def test_a_daily_member_gets_no_email_per_event(runtime: Runtime, team: int) -> None:
    choose_daily(runtime, OWNER)
    email_reaches(runtime, team, "escalated")
    with runtime.sessions() as session:
        recipients = set(session.scalars(select(NotificationDelivery.recipient)))
    assert OWNER not in recipients
