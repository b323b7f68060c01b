"""How long the `knowreply` command takes to start, as a ratio to a bare `python -c pass`.

`--help` must not pay for the agent, DBOS or the web app (target: at most 0.3 s). `ingest` of
an auto-reply (screened out: no Stripe, no agent run, no mail sent) is the command's own
overhead around one email (target: at most 0.5 s). Each figure is the median of several runs:
wall time, and CPU time (user + system), which a busy machine inflates much less.
"""

from __future__ import annotations

import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 7
MAIL = ROOT / "tests" / "data" / "mail"


def median_seconds(
    args: list[str], env: dict[str, str], prepare: object = None
) -> tuple[float, float]:
    """(wall, CPU) seconds of one run of the command, each the median over RUNS."""
    walls, cpus = [], []
    for _ in range(RUNS):
        if callable(prepare):
            prepare()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(args, env=env, check=True, capture_output=True)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    python = sys.executable
    knowreply = [python, "-m", "knowreply"]
    with tempfile.TemporaryDirectory() as folder:
        # An installed command has its bytecode compiled: without it each run would compile
        # knowreply's modules again (PYTHONDONTWRITEBYTECODE is set on the shared machine).
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("KNOWREPLY_") and k != "PYTHONDONTWRITEBYTECODE"
        }
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

        fresh_email()  # one untimed ingest: the bytecode of what `init` did not load
        subprocess.run([*knowreply, "ingest", str(email)], env=env, check=True, capture_output=True)
        bare = median_seconds([python, "-c", "pass"], env)
        help_ = median_seconds([*knowreply, "--help"], env)
        ingest = median_seconds([*knowreply, "ingest", str(email)], env, fresh_email)
    print(f"runs (median of) {RUNS}, load average {os.getloadavg()[0]:.1f}")
    print("                               wall          CPU")
    for name, (wall, cpu), target in (
        ("python -c pass", bare, ""),
        ("knowreply --help", help_, "  (target 0.3 s)"),
        ("knowreply ingest (screened)", ingest, "  (target 0.5 s)"),
    ):
        ratio = f"{wall / bare[0]:4.0f}x  {cpu:.3f} s {cpu / bare[1]:4.0f}x"
        print(f"{name:30} {wall:.3f} s {ratio}{target}")


if __name__ == "__main__":
    main()
