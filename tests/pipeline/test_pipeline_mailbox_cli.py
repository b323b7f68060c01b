"""`knowreply mailbox ...`: connecting mail from the command line, passwords never shown."""

from __future__ import annotations

from sqlalchemy import select

from knowreply.db.models import Mailbox as MailboxRow
from knowreply.db.models import SmtpAccount
from knowreply.runtime import Runtime
from tests.foundation.cli_helpers import knowreply
from tests.mailservers import DOVECOT_PASSWORD, Mailbox


def test_add_imap_checks_the_login_and_starts_after_the_existing_mail(
    runtime: Runtime, cli_env: dict[str, str], mailbox: Mailbox
) -> None:
    mailbox.deliver(b"From: old@customer.test\r\nSubject: old\r\n\r\nalready here\r\n")
    env = dict(cli_env, IMAP_PASSWORD=DOVECOT_PASSWORD)
    added = knowreply(
        "mailbox",
        "add-imap",
        "--host",
        mailbox.server.host,
        "--port",
        str(mailbox.server.port),
        "--tls",
        "none",
        "--username",
        mailbox.username,
        "--password-env",
        "IMAP_PASSWORD",
        env=env,
    )
    assert added.returncode == 0, added.stderr
    assert "new mail only" in added.stdout
    listed = knowreply("mailbox", "list", env=env)
    assert (
        f"{mailbox.username}@{mailbox.server.host}" in listed.stdout and "active" in listed.stdout
    )
    assert DOVECOT_PASSWORD not in added.stdout + added.stderr + listed.stdout + listed.stderr
    with runtime.sessions() as session:
        row = session.scalar(select(MailboxRow))
        assert row is not None and row.last_uid == 1
        assert DOVECOT_PASSWORD not in row.password_encrypted
        assert runtime.master_key.decrypt(row.password_encrypted) == DOVECOT_PASSWORD


def test_add_imap_with_a_wrong_password_is_a_clean_error(
    runtime: Runtime, cli_env: dict[str, str], mailbox: Mailbox
) -> None:
    env = dict(cli_env, IMAP_PASSWORD="wrong")
    result = knowreply(
        "mailbox",
        "add-imap",
        "--host",
        mailbox.server.host,
        "--port",
        str(mailbox.server.port),
        "--tls",
        "none",
        "--username",
        mailbox.username,
        "--password-env",
        "IMAP_PASSWORD",
        env=env,
    )
    assert result.returncode == 1 and "refused the username or password" in result.stderr
    assert "Traceback" not in result.stderr
    with runtime.sessions() as session:
        assert session.scalar(select(MailboxRow)) is None


def test_set_smtp_stores_the_password_encrypted(runtime: Runtime, cli_env: dict[str, str]) -> None:
    env = dict(cli_env, SMTP_PASSWORD="smtp-pass-123")
    result = knowreply(
        "mailbox",
        "set-smtp",
        "--host",
        "smtp.shop.test",
        "--from",
        "Support@Shop.test",
        "--username",
        "support@shop.test",
        "--password-env",
        "SMTP_PASSWORD",
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "smtp-pass-123" not in result.stdout + result.stderr
    with runtime.sessions() as session:
        account = session.scalar(select(SmtpAccount))
        assert account is not None and account.from_address == "support@shop.test"
        assert account.password_encrypted and "smtp-pass-123" not in account.password_encrypted
