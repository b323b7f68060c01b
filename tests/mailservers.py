"""Real mail servers on loopback for tests: a throwaway Dovecot IMAP server and an SMTP sink.

Dovecot runs from a config written into a temp dir, accepts any username with the password
`DOVECOT_PASSWORD` (each test takes a fresh username, hence a fresh empty mailbox) and stores
mail as maildir in the same temp dir.
"""

from __future__ import annotations

import asyncio
import contextlib
import grp
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from aiosmtpd.smtp import SMTP, Envelope, Session
from imapclient import IMAPClient

from knowreply.mail.imap import ImapMailboxConfig

DOVECOT_BINARY = "/usr/sbin/dovecot"
DOVECOT_PASSWORD = "correct-horse-battery-staple"

_DOVECOT_CONF = """\
base_dir = {root}/run
state_dir = {root}/state
instance_name = knowreply-test-{port}
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
login_trusted_networks = 127.0.0.0/8
default_internal_user = {internal_user}
default_internal_group = {internal_group}
default_login_user = {login_user}
first_valid_uid = {mail_uid}
mail_location = maildir:{root}/mail/%u
mailbox_idle_check_interval = 1 secs
auth_failure_delay = 0
passdb {{
  driver = static
  args = password={password}
}}
userdb {{
  driver = static
  args = uid={mail_uid} gid={mail_gid} home={root}/home/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for_port(port: int, *, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return True
        time.sleep(0.05)
    return False


@dataclass(frozen=True)
class DovecotServer:
    host: str
    port: int
    root: Path

    def client(self, username: str) -> IMAPClient:
        client = IMAPClient(self.host, port=self.port, ssl=False, timeout=10)
        client.login(username, DOVECOT_PASSWORD)
        return client

    def append(self, username: str, raw: bytes, *, folder: str = "INBOX") -> int:
        """Deliver `raw` into a folder as a mail client would; returns its UID."""
        client = self.client(username)
        try:
            response = client.append(folder, raw)
        finally:
            client.logout()
        # b"[APPENDUID <uidvalidity> <uid>] Append completed."
        return int(response.split(b"]")[0].split()[-1])


@dataclass(frozen=True)
class Mailbox:
    """A support mailbox nobody has used yet, on the test Dovecot."""

    server: DovecotServer
    username: str

    def config(self, **overrides: object) -> ImapMailboxConfig:
        settings: dict[str, object] = {
            "host": self.server.host,
            "port": self.server.port,
            "tls": "none",
            "username": self.username,
            "password": DOVECOT_PASSWORD,
        }
        settings.update(overrides)
        return ImapMailboxConfig(**settings)  # type: ignore[arg-type]

    def deliver(self, raw: bytes, *, folder: str = "INBOX") -> int:
        return self.server.append(self.username, raw, folder=folder)


def _dovecot_users() -> tuple[str, str, str, int, int]:
    """(internal user, its group, login user, mail uid, mail gid) for the current account.

    Dovecot refuses to run its login processes or to store mail as root, so as root it
    uses the accounts Debian's package creates (or nobody) and a nobody-owned mail dir.
    """
    if os.geteuid() != 0:
        me = pwd.getpwuid(os.geteuid())
        return me.pw_name, grp.getgrgid(os.getegid()).gr_name, me.pw_name, me.pw_uid, me.pw_gid

    def existing(name: str) -> str:
        try:
            pwd.getpwnam(name)
        except KeyError:
            return "nobody"
        return name

    internal, login = existing("dovecot"), existing("dovenull")
    internal_group = grp.getgrgid(pwd.getpwnam(internal).pw_gid).gr_name
    nobody = pwd.getpwnam("nobody")
    return internal, internal_group, login, nobody.pw_uid, nobody.pw_gid


@contextlib.contextmanager
def run_dovecot() -> Iterator[DovecotServer]:
    """Start Dovecot on a free loopback port; raises FileNotFoundError when not installed."""
    if not Path(DOVECOT_BINARY).exists():
        raise FileNotFoundError(
            f"{DOVECOT_BINARY} not found: install Debian's dovecot-imapd to run IMAP tests"
        )
    root = Path(tempfile.mkdtemp(prefix="knowreply-dovecot-"))
    root.chmod(0o755)  # Dovecot's unprivileged processes must reach the mail dirs
    internal_user, internal_group, login_user, mail_uid, mail_gid = _dovecot_users()
    for sub in ("run", "state", "mail", "home"):
        (root / sub).mkdir()
    for sub in ("mail", "home"):
        os.chown(root / sub, mail_uid, mail_gid)
    port = free_port()
    conf = root / "dovecot.conf"
    conf.write_text(
        _DOVECOT_CONF.format(
            root=root,
            port=port,
            password=DOVECOT_PASSWORD,
            internal_user=internal_user,
            internal_group=internal_group,
            login_user=login_user,
            mail_uid=mail_uid,
            mail_gid=mail_gid,
        )
    )
    process = subprocess.Popen(
        [DOVECOT_BINARY, "-F", "-c", str(conf)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        if not wait_for_port(port):
            process.terminate()
            _, stderr = process.communicate(timeout=10)
            log = (root / "dovecot.log").read_text() if (root / "dovecot.log").exists() else ""
            raise RuntimeError(f"dovecot did not start: {stderr.decode()} {log}")
        yield DovecotServer(host="127.0.0.1", port=port, root=root)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(root, ignore_errors=True)


@dataclass(frozen=True)
class SinkMessage:
    mail_from: str
    rcpt_to: list[str]
    raw: bytes


@dataclass
class SmtpSink:
    """An SMTP server that keeps what it receives; `refuse` maps a recipient to a reply."""

    host: str = "127.0.0.1"
    port: int = 0
    received: list[SinkMessage] = field(default_factory=list)
    refuse: dict[str, str] = field(default_factory=dict)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)

    async def handle_RCPT(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        assert envelope.original_content is not None and envelope.mail_from is not None
        self.received.append(
            SinkMessage(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content)
        )
        self.arrived.set()
        return "250 2.0.0 OK: queued"


@contextlib.asynccontextmanager
async def run_smtp_sink() -> AsyncIterator[SmtpSink]:
    sink = SmtpSink()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(sink, hostname="sink.test"), "127.0.0.1", 0)
    sink.port = server.sockets[0].getsockname()[1]
    try:
        yield sink
    finally:
        server.close()
        await server.wait_closed()
