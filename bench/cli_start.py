"""How long the `knowreply` command takes to start, as a ratio to a bare `python -c pass`.

`--help` must not pay for the agent, DBOS or the web app (target: at most 0.3 s). `ingest` of
an auto-reply (screened out: no Stripe, no agent run, no mail sent) is the command's own
overhead around one email (target: at most 0.5 s). Each figure is the median of several runs.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 7
MAIL = ROOT / "tests" / "data" / "mail"


def median_seconds(args: list[str], env: dict[str, str], prepare: object = None) -> float:
    times = []
    for _ in range(RUNS):
        if callable(prepare):
            prepare()
        started = time.perf_counter()
        subprocess.run(args, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    python = sys.executable
    knowreply = [python, "-m", "knowreply"]
    with tempfile.TemporaryDirectory() as folder:
        env = {k: v for k, v in os.environ.items() if not k.startswith("KNOWREPLY_")}
        env["KNOWREPLY_DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite"
        env["KNOWREPLY_DATA_DIR"] = folder
        env["KNOWREPLY_LOG_LEVEL"] = "error"
        subprocess.run([*knowreply, "init"], env=env, check=True, capture_output=True)
        counter = iter(range(10**6))
        source = (MAIL / "ooo_gmail_vacation.eml").read_bytes()
        email = Path(folder) / "mail.eml"

        def fresh_email() -> None:
            """A new Message-ID each run, so the email is stored and screened, not found."""
            unique = b"<bench-%d@example.com>" % next(counter)
            email.write_bytes(re.sub(rb"(?im)^Message-ID:.*$", b"Message-ID: " + unique, source))

        bare = median_seconds([python, "-c", "pass"], env)
        help_ = median_seconds([*knowreply, "--help"], env)
        ingest = median_seconds([*knowreply, "ingest", str(email)], env, fresh_email)
    print(f"runs (median of)               {RUNS}")
    print(f"python -c pass                 {bare:.3f} s     1x")
    print(f"knowreply --help               {help_:.3f} s  {help_ / bare:4.0f}x  (target 0.3 s)")
    print(f"knowreply ingest (screened)    {ingest:.3f} s  {ingest / bare:4.0f}x  (target 0.5 s)")


if __name__ == "__main__":
    main()
