"""The master key and encryption of stored credentials (Fernet, MultiFernet for rotation).

The key comes from `KNOWREPLY_SECRET_KEY` (comma-separated, newest first) or from
`<data dir>/secret.key`, which is generated with mode 0600 on first run. A generated key is
never written over an existing file, and the database keeps a canary encrypted with the key
so that a wrong or missing key is caught before anything is read or written.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from knowreply.config import Settings
from knowreply.errors import ConfigError

CANARY_PLAINTEXT = b"knowreply-master-key-check"
CANARY_KEY = "master_key_canary"
"""The `meta` row holding `CANARY_PLAINTEXT` encrypted with the master key."""
SETTING = "KNOWREPLY_SECRET_KEY"


@dataclass(frozen=True)
class MasterKey:
    """All accepted keys; the first encrypts, any may decrypt."""

    fernet: MultiFernet
    source: str
    primary: bytes
    """The newest key, from which other secrets (the session signing key) are derived."""

    def derive(self, purpose: str) -> bytes:
        """A separate 32-byte secret for one purpose, so the master key itself is never reused."""
        hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose.encode())
        return hkdf.derive(self.primary)

    def encrypt(self, plaintext: str) -> str:
        return self.fernet.encrypt(plaintext.encode()).decode()

    def decrypt(self, token: str) -> str:
        try:
            return self.fernet.decrypt(token.encode()).decode()
        except InvalidToken:
            raise wrong_key_error(self.source) from None

    def rotate(self, token: str) -> str:
        """Re-encrypt with the newest key (after a key was added in front)."""
        return self.fernet.rotate(token.encode()).decode()

    def make_canary(self) -> str:
        return self.fernet.encrypt(CANARY_PLAINTEXT).decode()

    def check_canary(self, canary: str) -> None:
        if self.decrypt(canary).encode() != CANARY_PLAINTEXT:
            raise wrong_key_error(self.source)


def wrong_key_error(source: str) -> ConfigError:
    return ConfigError(
        SETTING,
        f"the master key from {source} cannot decrypt the stored credentials",
        f"Set {SETTING} to the key this database was set up with (a new key can be "
        "added in front, comma-separated, to rotate)",
    )


def _parse_keys(raw: str, source: str) -> MasterKey:
    keys = [part.strip() for part in raw.split(",") if part.strip()]
    if not keys:
        raise ConfigError(
            SETTING,
            f"{source} holds no key",
            "Generate one with "
            "`python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())'`",
        )
    try:
        fernet = MultiFernet([Fernet(key) for key in keys])
    except ValueError:
        raise ConfigError(
            SETTING,
            f"{source} is not a valid Fernet key (32 url-safe base64-encoded bytes)",
            "Generate one with `python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())'`",
        ) from None
    return MasterKey(fernet, source, keys[0].encode())


def load_master_key(settings: Settings, *, create: bool) -> MasterKey:
    """The configured key, else the key file, else (only when `create`) a new key file."""
    if settings.secret_key is not None:
        return _parse_keys(settings.secret_key.get_secret_value(), SETTING)
    path = settings.key_file
    if path.exists():
        return _parse_keys(path.read_text(), str(path))
    if not create:
        raise ConfigError(
            SETTING,
            f"no master key: it is not set and {path} does not exist, but the database "
            "holds encrypted credentials",
            f"Set {SETTING} to the key this database was set up with, or restore {path}",
        )
    return _parse_keys(_write_new_key(path), str(path))


def _write_new_key(path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Fernet.generate_key().decode()
    # O_EXCL: never overwrite a key file another process wrote meanwhile.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key + "\n")
    return key
