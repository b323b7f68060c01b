"""The durable handling of one inbound email: screen, thread, verify, agent, send.

`accept` stores and enqueues; the worker runs `handle_message`; `handle` runs the same steps
in-process (for `knowreply ingest`); `retry_message` is the dashboard's Retry button.
"""

from knowreply.pipeline.handle import HandleResult, handle
from knowreply.pipeline.intake import Swept, accept, retry_message, sweep
from knowreply.pipeline.workflow import MessageQueue, bind_runtime, workflow_id

__all__ = [
    "HandleResult",
    "MessageQueue",
    "Swept",
    "accept",
    "bind_runtime",
    "handle",
    "retry_message",
    "sweep",
    "workflow_id",
]
