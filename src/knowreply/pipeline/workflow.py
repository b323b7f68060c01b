"""`handle_message` and `send_reply` as durable DBOS workflows on two queues.

`messages` is partitioned by workspace and sender: emails of one sender are handled one at a
time, in order, across all workers (threading and reply caps see the previous one's result),
while different senders' emails run side by side. `replies` holds the sends: a reply waiting
for an SMTP server (retries 5, 15, 45, 135, 405 s apart, as durable sleeps) never holds up
the next email. The worker binds its runtime (`bind_runtime`) before DBOS launches, so
recovered workflows find it. Web, SMTP and CLI processes enqueue through `MessageQueue`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from dbos import DBOS, DBOSClient, SetWorkflowID, WorkflowStatus

from knowreply.agent.trace import Trace
from knowreply.durable import QueueSpec, client, declare_queue, launched_queue
from knowreply.pipeline import steps
from knowreply.pipeline.handle import after_decision, handle
from knowreply.runtime import Runtime

T = TypeVar("T")
WORKFLOW_NAME = "handle_message"
DECIDED_WORKFLOW_NAME = "send_decided_reply"
SEND_WORKFLOW_NAME = "send_reply"
POLL_SECONDS = 0.2
"""How often a worker looks for queued emails. Each poll costs its process ~5 ms of CPU
(DBOS builds and runs several queries) whether or not an email waits: at 0.1 s the polls
were two thirds of an idle worker's 90 ms of CPU a second. With 16 emails in flight per
worker, a poll's delay adds latency (0.1 s on average), not a limit on the rate; one
sender's emails, handled one at a time, wait a poll each."""
QUEUE = declare_queue(
    QueueSpec(
        "messages",
        worker_concurrency=16,
        partition_concurrency=1,
        polling_interval_sec=POLL_SECONDS,
    )
)
"""Up to 16 emails at once per worker (threads: most of an email's time is spent waiting for
Stripe, the database or the LLM), one at a time per (workspace, sender) partition."""
SEND_POLL_SECONDS = 0.5
"""Sends depend on nothing but the SMTP server, so their queue is polled less often (each
poll costs every worker process the same CPU, whether or not a reply waits)."""
SEND_QUEUE = declare_queue(
    QueueSpec("replies", worker_concurrency=32, polling_interval_sec=SEND_POLL_SECONDS)
)

_runtime: Runtime | None = None


def bind_runtime(runtime: Runtime) -> None:
    global _runtime
    _runtime = runtime


def _bound() -> Runtime:
    assert _runtime is not None, "bind_runtime() before DBOS launches"
    return _runtime


def _durable_step(name: str, function: Callable[..., T], *args: Any) -> T:
    return DBOS.run_step({"name": name}, function, *args)


def _hand_off(message_id: int, item_id: int, trace: Trace) -> None:
    """Start the reply's send workflow (a child: recorded, so recovery starts it once)."""
    with SetWorkflowID(f"reply-{item_id}"):
        launched_queue(SEND_QUEUE).enqueue(send_reply, message_id, item_id, trace.model_dump_json())


@DBOS.workflow(name=WORKFLOW_NAME)
def handle_message(message_id: int) -> str:
    return handle(_bound(), message_id, _durable_step, _hand_off).status


@DBOS.workflow(name=DECIDED_WORKFLOW_NAME)
def send_decided_reply(message_id: int, trace_json: str) -> str:
    """After an approval: the finished run's reply goes out, durably, exactly once."""
    trace = Trace.model_validate_json(trace_json)
    return after_decision(_bound(), message_id, trace, _durable_step, _hand_off).status


@DBOS.workflow(name=SEND_WORKFLOW_NAME)
def send_reply(message_id: int, item_id: int, trace_json: str) -> str:
    """Send one outbox row, waiting between transient failures, then record the message's
    outcome (the agent's, or the send's failure)."""
    runtime = _bound()
    trace = Trace.model_validate_json(trace_json)
    send = steps.send_and_finish_step
    try:
        sent = _durable_step("send", send, runtime, message_id, item_id, trace)
        while sent.status == "queued":
            assert sent.retry_in is not None
            DBOS.sleep(sent.retry_in)
            sent = _durable_step("send", send, runtime, message_id, item_id, trace)
        return sent.status
    except Exception as error:
        if not steps.acknowledges(trace):  # the message waits for a member all the same
            steps.fail_step(runtime, message_id, "send", f"{type(error).__name__}: {error}")
        raise


def workflow_id(message_id: int, attempt: int = 0) -> str:
    return f"message-{message_id}" if attempt == 0 else f"message-{message_id}-retry-{attempt}"


def ordering_key(workspace_id: int, sender: str) -> str:
    """The `messages` partition: one sender's emails to one workspace, handled in order."""
    return f"{workspace_id}/{sender.strip().lower()}"


class MessageQueue:
    """Enqueue messages for the worker; one per process, closed at exit."""

    def __init__(self, dbos_client: DBOSClient) -> None:
        self._client = dbos_client

    @classmethod
    def open(cls, runtime: Runtime) -> MessageQueue:
        return cls(client(runtime.settings))

    def enqueue(self, message_id: int, ordering: str, *, attempt: int = 0) -> str:
        """Idempotent for the same (message, attempt): one workflow id runs once.

        `ordering` is the message's `ordering_key`."""
        wid = workflow_id(message_id, attempt)
        self._client.enqueue(
            {
                "queue_name": QUEUE,
                "workflow_name": WORKFLOW_NAME,
                "workflow_id": wid,
                "queue_partition_key": ordering,
            },
            message_id,
        )
        return wid

    def enqueue_decided_reply(self, message_id: int, workspace_id: int, trace: Trace) -> str:
        """Send what a run resumed after a member's decision wrote (one workflow per run)."""
        wid = f"message-{message_id}-decided-run-{trace.run_id}"
        self._client.enqueue(
            {"queue_name": SEND_QUEUE, "workflow_name": DECIDED_WORKFLOW_NAME, "workflow_id": wid},
            message_id,
            trace.model_dump_json(),
        )
        return wid

    def workflow_statuses(self, workflow_ids: list[str]) -> dict[str, str]:
        """DBOS's status (PENDING, ENQUEUED, SUCCESS, ERROR…) of each workflow it knows."""
        found = self._client.list_workflows(
            workflow_ids=workflow_ids, load_input=False, load_output=False
        )
        return {status.workflow_id: status.status for status in found}

    def pending_of(self, executor_id: str) -> list[WorkflowStatus]:
        """The workflows an executor left running (DBOS resumes them when it launches)."""
        return self._client.list_workflows(
            status="PENDING", executor_id=executor_id, load_input=False, load_output=False
        )

    def close(self) -> None:
        self._client.destroy()
