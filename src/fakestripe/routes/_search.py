"""Stripe's search query language, the small part the fake needs: `email:'a@b.c' AND …`."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..errors import StripeError
from ..store import StripeObject

Predicate = Callable[[StripeObject], bool]

_CLAUSE = re.compile(
    r"""\s*(?P<neg>-)?(?P<field>metadata\[['"][^'"]+['"]\]|\w+)\s*(?P<op>:|~)\s*"""
    r"""(?P<quote>['"])(?P<value>(?:\\.|(?!(?P=quote)).)*)(?P=quote)\s*"""
)
_ESCAPED = re.compile(r"\\(.)")


def _field_value(obj: StripeObject, field: str) -> str:
    if field.startswith("metadata["):
        key = field[len("metadata[") + 1 : -2]
        value = obj.get("metadata", {}).get(key)
    else:
        value = obj.get(field)
    return "" if value is None else str(value)


def _clause(neg: bool, field: str, op: str, value: str) -> Predicate:
    wanted = value.lower()

    def test(obj: StripeObject) -> bool:
        actual = _field_value(obj, field).lower()
        hit = actual == wanted if op == ":" else wanted in actual
        return hit != neg

    return test


def parse(query: str, fields: frozenset[str]) -> Predicate:
    """A predicate for `query`; `:` matches exactly and `~` as a substring, ignoring case."""
    clauses: list[Predicate] = []
    joiner: str | None = None
    position = 0
    while position < len(query):
        found = _CLAUSE.match(query, position)
        if found is None or (
            not found["field"].startswith("metadata[") and found["field"] not in fields
        ):
            raise StripeError(
                status=400,
                message=f"Invalid search query: {query}. Please check the query syntax.",
                param="query",
            )
        value = _ESCAPED.sub(r"\1", found["value"])  # `\'` is a quote inside quotes
        clauses.append(_clause(bool(found["neg"]), found["field"], found["op"], value))
        position = found.end()
        joined = re.compile(r"(AND|OR)\s+").match(query, position)
        if joined:
            if joiner not in (None, joined[1]):
                raise StripeError(
                    status=400,
                    message="Search queries cannot mix AND and OR.",
                    param="query",
                )
            joiner = joined[1]
            position = joined.end()
    if not clauses:
        raise StripeError(
            status=400,
            message="Missing required param: query.",
            param="query",
            code="parameter_missing",
        )
    if joiner == "OR":
        return lambda obj: any(clause(obj) for clause in clauses)
    return lambda obj: all(clause(obj) for clause in clauses)


def search_result(data: list[StripeObject], url: str) -> StripeObject:
    return {
        "object": "search_result",
        "data": data,
        "has_more": False,
        "next_page": None,
        "url": url,
    }
