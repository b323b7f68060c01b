"""The web process's client for enqueueing work on the durable workers."""

from __future__ import annotations

from fastapi import Request

from knowreply.pipeline.workflow import MessageQueue
from knowreply.web.security import get_runtime


def message_queue(request: Request) -> MessageQueue:
    """One enqueueing client per web process, made on first use."""
    queue: MessageQueue | None = getattr(request.app.state, "message_queue", None)
    if queue is None:
        queue = MessageQueue.open(get_runtime(request))
        request.app.state.message_queue = queue
    return queue
