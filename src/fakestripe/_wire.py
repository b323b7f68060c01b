"""Stripe's wire format for parameters: form pairs like `a[b][0][c]=v` into nested values."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

Params = dict[str, Any]
"""Decoded request parameters: nested dicts and lists whose leaves are strings."""


def _segments(key: str) -> list[str]:
    head, bracket, rest = key.partition("[")
    if not bracket:
        return [key]
    return [head, *rest.rstrip("]").split("][")]


def _insert(container: Any, segments: list[str], value: str) -> Any:
    """Put `value` at `segments` inside `container` (a dict, a list or None); return it."""
    segment, more = segments[0], segments[1:]
    if segment == "" or segment.isdigit():
        items: list[Any] = container if isinstance(container, list) else []
        index = len(items) if segment == "" else int(segment)
        while len(items) <= index:
            items.append(None)
        items[index] = _insert(items[index], more, value) if more else value
        return items
    mapping: dict[str, Any] = container if isinstance(container, dict) else {}
    mapping[segment] = _insert(mapping.get(segment), more, value) if more else value
    return mapping


def decode(pairs: Iterable[tuple[str, str]]) -> Params:
    """Decode form or query pairs the way Stripe does (`expand[]=x`, `items[0][price]=p`)."""
    params: Params = {}
    for key, value in pairs:
        params = _insert(params, _segments(key), value)
    return params


def fingerprint(method: str, path: str, pairs: Iterable[tuple[str, str]]) -> str:
    """What makes two requests "the same" for idempotency: method, path and sorted params."""
    return "\n".join([method, path, *sorted(f"{k}={v}" for k, v in pairs)])
