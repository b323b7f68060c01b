"""A worker process loads the agent and the intent model before it takes work
(`agent.warm`), so no email it claims waits on that one-off load."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

from knowreply import workers
from knowreply.agent.brains.rules import intent_model
from knowreply.agent.warm import warm_up
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


def test_the_model_counts_as_cached_only_where_a_fit_was_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warm_up()  # the suite's cache (`make unit` fitted it)
    assert intent_model.model_is_cached()
    monkeypatch.setenv("KNOWREPLY_CACHE_DIR", str(tmp_path))
    assert not intent_model.model_is_cached()
    monkeypatch.setenv("KNOWREPLY_CACHE_DIR", "")  # the cache turned off
    assert not intent_model.model_is_cached() and not intent_model.model_cache_is_on()


def test_a_supervisor_makes_sure_the_model_is_cached_before_it_starts_workers() -> None:
    """On a fresh machine its N workers would each fit the model alone (minutes of CPU)."""
    body = inspect.getsource(workers.Supervisor.run)
    assert body.index("_fit_model_once()") < body.index("self._start(")
    done = subprocess.run(
        [sys.executable, "-m", "knowreply.agent.warm", "--jobs", "2"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert (done.returncode, done.stderr) == (0, "")  # cached already: nothing to fit
    assert intent_model.model_is_cached()


def test_with_the_cache_off_a_supervisor_fits_nothing_for_its_workers() -> None:
    """Nothing a fit could share: each worker fits its own model, as it would anyway."""
    done = subprocess.run(
        [sys.executable, "-m", "knowreply.agent.warm", "--jobs", "2"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "KNOWREPLY_CACHE_DIR": ""},
    )
    assert (done.returncode, done.stderr) == (0, "")
