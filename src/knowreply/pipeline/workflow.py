"""`handle_message` as a durable DBOS workflow on a queue partitioned per workspace.

The worker binds its runtime (`bind_runtime`) before DBOS launches, so recovered workflows
find it. Web, SMTP and CLI processes enqueue through `MessageQueue` (a DBOS client).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from dbos import DBOS, DBOSClient, StepOptions

from knowreply.agent.trace import Trace
from knowreply.durable import QueueSpec, client, declare_queue
from knowreply.pipeline.handle import after_decision, handle
from knowreply.pipeline.outbox import TransientSendFailure
from knowreply.runtime import Runtime

T = TypeVar("T")
WORKFLOW_NAME = "handle_message"
DECIDED_WORKFLOW_NAME = "send_decided_reply"
QUEUE = declare_queue(QueueSpec("messages", worker_concurrency=8, partition_worker_concurrency=1))
"""One partition per workspace, handled one message at a time per worker: a flood to one
business cannot starve the others, and threading and reply caps see the previous message's
result (two quick emails with the same subject join one conversation)."""

SEND_RETRIES: StepOptions = {
    "retries_allowed": True,
    "max_attempts": 6,
    "interval_seconds": 5.0,
    "backoff_rate": 3.0,
    "should_retry": lambda error: isinstance(error, TransientSendFailure),
}

_runtime: Runtime | None = None


def bind_runtime(runtime: Runtime) -> None:
    global _runtime
    _runtime = runtime


def _durable_step(name: str, function: Callable[..., T], *args: Any, retry: bool = False) -> T:
    options: StepOptions = dict(SEND_RETRIES) if retry else {}  # type: ignore[assignment]
    options["name"] = name
    return DBOS.run_step(options, function, *args)


@DBOS.workflow(name=WORKFLOW_NAME)
def handle_message(message_id: int) -> str:
    assert _runtime is not None, "bind_runtime() before DBOS launches"
    return handle(_runtime, message_id, _durable_step).status


@DBOS.workflow(name=DECIDED_WORKFLOW_NAME)
def send_decided_reply(message_id: int, trace_json: str) -> str:
    """After an approval: the finished run's reply goes out, durably, exactly once."""
    assert _runtime is not None, "bind_runtime() before DBOS launches"
    trace = Trace.model_validate_json(trace_json)
    return after_decision(_runtime, message_id, trace, _durable_step).status


def workflow_id(message_id: int, attempt: int = 0) -> str:
    return f"message-{message_id}" if attempt == 0 else f"message-{message_id}-retry-{attempt}"


class MessageQueue:
    """Enqueue messages for the worker; one per process, closed at exit."""

    def __init__(self, dbos_client: DBOSClient) -> None:
        self._client = dbos_client

    @classmethod
    def open(cls, runtime: Runtime) -> MessageQueue:
        return cls(client(runtime.settings))

    def enqueue(self, message_id: int, workspace_id: int, *, attempt: int = 0) -> str:
        """Idempotent for the same (message, attempt): one workflow id runs once."""
        wid = workflow_id(message_id, attempt)
        self._client.enqueue(
            {
                "queue_name": QUEUE,
                "workflow_name": WORKFLOW_NAME,
                "workflow_id": wid,
                "queue_partition_key": str(workspace_id),
            },
            message_id,
        )
        return wid

    def enqueue_decided_reply(self, message_id: int, workspace_id: int, trace: Trace) -> str:
        """Send what a run resumed after a member's decision wrote (one workflow per run)."""
        wid = f"message-{message_id}-decided-run-{trace.run_id}"
        self._client.enqueue(
            {
                "queue_name": QUEUE,
                "workflow_name": DECIDED_WORKFLOW_NAME,
                "workflow_id": wid,
                "queue_partition_key": str(workspace_id),
            },
            message_id,
            trace.model_dump_json(),
        )
        return wid

    def close(self) -> None:
        self._client.destroy()
