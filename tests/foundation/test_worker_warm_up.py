"""A worker process loads the agent and the intent model before it takes work
(`agent.warm`), so no email it claims waits on that one-off load."""

from __future__ import annotations

import inspect
import subprocess
import sys

from knowreply.cli import core

CHECK = """
import sys
from knowreply.agent.brains.rules import intent_model
assert intent_model._fitted is None
from knowreply.agent.warm import warm_up
warm_up()
assert intent_model._fitted is not None
missing = {"knowreply.agent.runner", "pydantic_ai", "sklearn"} - set(sys.modules)
assert not missing, missing
"""


def test_warm_up_loads_the_agent_and_the_intent_model() -> None:
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_worker_warms_up_before_it_launches_the_queues() -> None:
    body = inspect.getsource(core._work)
    assert body.index("warm_up()") < body.index("durable.launch(")
