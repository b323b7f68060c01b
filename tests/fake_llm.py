"""A scripted LLM server for tests: OpenAI's chat completions and Anthropic's messages API.

Each request is answered by the next step of a script (a tool call, a text, an HTTP error or
a hang) and recorded, so a test can check what the agent sent:

    with running_fake_llm([call("list_invoices", limit=1), say("Here it is.")]) as llm:
        ...  # point the workspace at f"{llm.url}/v1" (OpenAI) or llm.url (Anthropic)
        assert llm.requests[0]["messages"][0]["role"] == "system"
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


@dataclass(frozen=True)
class Step:
    """One scripted answer."""

    tool: str | None = None
    args: dict[str, Any] = field(default_factory=dict)
    text: str | None = None
    status: int = 200
    hang_seconds: float = 0.0
    input_tokens: int = 100
    output_tokens: int = 20
    more: tuple[tuple[str, dict[str, Any]], ...] = ()
    """Further tool calls in the same answer (parallel tool calls)."""
    echo_key: bool = False
    """An error body that repeats the API key it was sent (as some providers' 401s do)."""


def call(tool: str, **args: Any) -> Step:
    return Step(tool=tool, args=args)


def calls(*steps: Step) -> Step:
    """Several tool calls in one answer, in this order."""
    first, *rest = steps
    assert first.tool is not None
    return Step(tool=first.tool, args=first.args, more=tuple((s.tool or "", s.args) for s in rest))


def say(text: str, *, input_tokens: int = 150, output_tokens: int = 30) -> Step:
    return Step(text=text, input_tokens=input_tokens, output_tokens=output_tokens)


def fail(status: int, *, echo_key: bool = False) -> Step:
    return Step(status=status, echo_key=echo_key)


def hang(seconds: float) -> Step:
    return Step(hang_seconds=seconds, text="too late")


@dataclass
class FakeLLM:
    url: str
    script: list[Step]
    repeat_last: bool = False
    """Answer every request after the script's end with its last step (for retries)."""
    requests: list[dict[str, Any]] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    responder: Callable[[dict[str, Any]], Step] | None = None
    """Instead of a script: choose each answer from the request (a model that reacts)."""

    def next_step(self) -> Step:
        if self.responder is not None:
            return self.responder(self.requests[-1])
        index = len(self.requests) - 1
        if index < len(self.script):
            return self.script[index]
        if self.repeat_last and self.script:
            return self.script[-1]
        return Step(status=500)

    def tool_names(self, index: int = 0) -> set[str]:
        """The names of the tools offered in a request (either API's shape)."""
        tools = self.requests[index].get("tools") or []
        return {t["function"]["name"] if "function" in t else t["name"] for t in tools}


def _openai_answer(step: Step, model: str, number: int) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": step.text}
    finish = "stop"
    if step.tool is not None:
        message["tool_calls"] = [
            {
                "id": f"call_{number}" + (f"_{index}" if index else ""),
                "type": "function",
                "function": {"name": tool, "arguments": json.dumps(args)},
            }
            for index, (tool, args) in enumerate(((step.tool, step.args), *step.more))
        ]
        finish = "tool_calls"
    return {
        "id": f"chatcmpl-{number}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish}],
        "usage": {
            "prompt_tokens": step.input_tokens,
            "completion_tokens": step.output_tokens,
            "total_tokens": step.input_tokens + step.output_tokens,
        },
    }


def _anthropic_answer(step: Step, model: str, number: int) -> dict[str, Any]:
    content: list[dict[str, Any]] = []
    if step.text is not None:
        content.append({"type": "text", "text": step.text})
    if step.tool is not None:
        content.append(
            {"type": "tool_use", "id": f"toolu_{number}", "name": step.tool, "input": step.args}
        )
    return {
        "id": f"msg_{number}",
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": content,
        "stop_reason": "tool_use" if step.tool else "end_turn",
        "stop_sequence": None,
        "usage": {"input_tokens": step.input_tokens, "output_tokens": step.output_tokens},
    }


def _app(llm: FakeLLM) -> Starlette:
    async def answer(request: Request) -> JSONResponse:
        body = await request.json()
        llm.requests.append(body)
        llm.paths.append(request.url.path)
        step = llm.next_step()
        if step.hang_seconds:
            await asyncio.sleep(step.hang_seconds)
        if step.status != 200:
            message = "the fake LLM is down"
            if step.echo_key:
                sent = request.headers.get("x-api-key") or request.headers.get("authorization")
                message = f"Incorrect API key provided: {sent}. Authorization: {sent}"
            return JSONResponse(
                {"error": {"type": "server_error", "message": message}},
                status_code=step.status,
            )
        number = len(llm.requests)
        model = str(body.get("model", "fake"))
        if request.url.path.endswith("/messages"):
            return JSONResponse(_anthropic_answer(step, model, number))
        return JSONResponse(_openai_answer(step, model, number))

    return Starlette(
        routes=[
            Route("/v1/chat/completions", answer, methods=["POST"]),
            Route("/v1/messages", answer, methods=["POST"]),
        ]
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def running_fake_llm(
    script: list[Step],
    *,
    repeat_last: bool = False,
    responder: Callable[[dict[str, Any]], Step] | None = None,
) -> Iterator[FakeLLM]:
    """Serve the script (or the responder's answers) on a free loopback port in a thread."""
    port = _free_port()
    llm = FakeLLM(
        url=f"http://127.0.0.1:{port}", script=script, repeat_last=repeat_last, responder=responder
    )
    server = uvicorn.Server(
        uvicorn.Config(
            _app(llm),
            host="127.0.0.1",
            port=port,
            log_level="warning",
            lifespan="off",
            timeout_graceful_shutdown=1,
        )
    )
    thread = threading.Thread(target=server.run, name="fake-llm", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the fake LLM server did not start")
        time.sleep(0.01)
    try:
        yield llm
    finally:
        server.should_exit = True
        thread.join(timeout=10)
