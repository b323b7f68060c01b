"""What is slow to compute from the corpus and the same every time, kept on disk between
processes: the fitted intent model (`agent/brains/rules/_model_cache.py`) and the casing
lexicon (`agent/intake/casing.py`).

A file is named by a hash of everything it is computed from (`content_key`), so a stale file
is never read: it is not found. `KNOWREPLY_CACHE_DIR` chooses the directory (default
`~/.cache/knowreply`); an empty value turns the cache off. Writes are atomic, since other
processes may read the same file; a directory that cannot be written only costs the next
process the computation again.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

_ENVIRONMENT = "KNOWREPLY_CACHE_DIR"


def cache_dir() -> Path | None:
    """The cache's directory, or None when the cache is off."""
    configured = os.environ.get(_ENVIRONMENT)
    if configured is not None:
        return Path(configured) if configured else None
    return Path.home() / ".cache" / "knowreply"


def content_key(paths: Iterable[Path], *, versions: tuple[str, ...] = ()) -> str:
    """A hash of these files' names and contents, in the order given, and of `versions`."""
    digest = hashlib.sha256("\n".join(versions).encode())
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def cached_file(name: str) -> Path | None:
    """The path of the cache file `name`, if the cache is on and the file exists."""
    directory = cache_dir()
    path = directory / name if directory else None
    return path if path is not None and path.is_file() else None


def write_atomically(name: str, write: Callable[[IO[bytes]], object]) -> None:
    """Have `write` fill a temporary file, then put it in place as `name`."""
    directory = cache_dir()
    if directory is None:
        return
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=directory, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as file:
            write(file)
        os.replace(temporary, directory / name)
    except OSError:
        Path(temporary).unlink(missing_ok=True)


def read_json(name: str) -> object | None:
    """The value of the JSON cache file `name`; None if it is missing or unreadable."""
    path = cached_file(name)
    if path is None:
        return None
    try:
        value: object = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return value


def write_json(name: str, value: object) -> None:
    write_atomically(name, lambda file: file.write(json.dumps(value).encode()))
