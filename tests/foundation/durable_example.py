"""An example workflow the durability tests run in a real `knowreply worker` process.

Each step appends a line to `<folder>/log`; the middle step says `waiting` (its start proves
the first step's checkpoint is committed) and waits until `<folder>/go` exists, so a test can
kill the worker while the workflow is in the middle.
"""

from __future__ import annotations

import time
from pathlib import Path

from dbos import DBOS

from knowreply.durable import QueueSpec, declare_queue

QUEUE = declare_queue(QueueSpec("example", worker_concurrency=4))


def _append(folder: str, line: str) -> None:
    with (Path(folder) / "log").open("a") as log:
        log.write(line + "\n")


@DBOS.step()
def note(folder: str, line: str) -> None:
    _append(folder, line)


@DBOS.step()
def wait_for_go(folder: str) -> None:
    _append(folder, "waiting")
    while not (Path(folder) / "go").exists():
        time.sleep(0.05)


@DBOS.workflow()
def three_steps(folder: str, tag: str) -> str:
    note(folder, f"first {tag}")
    wait_for_go(folder)
    note(folder, f"last {tag}")
    return f"done {tag}"
