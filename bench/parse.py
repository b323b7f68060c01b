"""What knowreply's parsing costs next to the standard library's bare parse, on the same mail."""

from __future__ import annotations

import email
import time
from email import policy
from pathlib import Path

from knowreply.mail.parse import parse_message

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 20


def corpus() -> list[bytes]:
    files = sorted((ROOT / "tests" / "data" / "mail").glob("*.eml"))
    shared = ROOT.parent / "shared" / "email-corpus" / "talon" / "standard_replies"
    files += sorted(shared.glob("*.eml")) if shared.exists() else []
    return [f.read_bytes() for f in files]


def timed(fn: object, messages: list[bytes]) -> float:
    started = time.perf_counter()
    for _ in range(ROUNDS):
        for raw in messages:
            fn(raw)  # type: ignore[operator]
    return time.perf_counter() - started


def main() -> None:
    messages = corpus()
    stdlib = timed(lambda raw: email.message_from_bytes(raw, policy=policy.default), messages)
    ours = timed(parse_message, messages)
    print(f"messages                 {len(messages)} x {ROUNDS} rounds")
    print(f"parse_message / stdlib   {ours / stdlib:.1f}x")


if __name__ == "__main__":
    main()
