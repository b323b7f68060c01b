"""The last look at a reply before it leaves the agent, in code, for every brain.

A brain (an LLM above all) writes text; this module decides whether that text may be sent:

- **refused** (the email goes to a person, with the reason): a secret (a Stripe or LLM key,
  the workspace's own keys); a Stripe id or an email address outside the sender's scope; a
  link no tool returned; a passage of the system prompt; an amount no tool returned and the
  customer did not write.
- **repaired** (safe, the meaning is kept): markdown made plain text; an amount written in
  minor units (`4900 usd`) when a tool returned exactly that money (`$49.00`); the signature
  appended when the model left it out.

Which ids may be shown: Stripe ids are internal, so a reply may only repeat an id the customer
wrote themselves *and* that is theirs (a tool returned it in this run, or it is one of their
customer ids). Any other `cus_`/`ch_`/`in_`… id is refused: one the model found itself means
nothing to the customer, and echoing someone else's id would confirm that it exists. Ids
inside a link a tool returned (a receipt URL) are part of that link.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from knowreply.agent.deps import RunDeps
from knowreply.agent.intake.language import detect_language
from knowreply.agent.prompt import SYSTEM_PROMPT, signature_of
from knowreply.agent.trace import PolicyDecision
from knowreply.logs import find_secrets
from knowreply.money import Money
from knowreply.money_text import find_amounts

_STRIPE_ID = re.compile(
    r"(?<![A-Za-z0-9])(?:cus|ch|py|pi|pm|in|il|ii|sub|si|sub_sched|price|prod|re|src|card|ba|"
    r"cs|bps|plink|txn|evt|acct|seti|po|tr|dp|du|cn|promo|rcpt)"
    r"_(?:test_|live_)?(?:[A-Za-z0-9]{10,}|[A-Za-z0-9]*[0-9][A-Za-z0-9]*)(?![A-Za-z0-9])"
)
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_URL = re.compile(r"https?://\S+")
_PROMPT_WORDS = 6
"""A run of this many words of the system prompt in a reply is the prompt leaking."""


@dataclass
class ReplyReview:
    """What the check made of a reply: the text to send, or why a person must answer."""

    text: str | None = None
    handoff: str | None = None
    repairs: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ReplyScope:
    """What the sender may read: their own ids, addresses and money, and the business's."""

    ids: frozenset[str]
    """Ids the reply may repeat: the sender's own, written in their email."""
    addresses: frozenset[str]
    links: frozenset[str]
    """Links the reply may contain: from tool results or the settings. Never one the email
    gave: a forged From would make us send the attacker's link to the real customer."""
    money: frozenset[Money]
    currency: str = "usd"
    """For an amount written without a currency."""
    secrets: tuple[str, ...] = ()
    signature: str | None = None
    """Appended when the reply does not end with it (None: the brain signs in code)."""


def review_reply(text: str, deps: RunDeps) -> ReplyReview:
    """Check (and where safe repair) a brain's final reply; records the decision."""
    review = check_reply(text, scope_of_run(deps))
    detail: str | None
    if review.handoff:
        decision, detail = "refused: a person answers", review.handoff
    else:
        decision = "repaired" if review.repairs else "passed"
        detail = "; ".join(review.repairs) or None
    deps.trace.policy.append(PolicyDecision(rule="reply check", decision=decision, detail=detail))
    return review


def scope_of_run(deps: RunDeps) -> ReplyScope:
    """The sender's scope as this run saw it: the customers and every tool result."""
    settings = deps.settings
    results = [call.result for call in deps.trace.tool_calls if call.result is not None]
    strings = list(_strings([*results, settings.signature, settings.business_name]))
    text = f"{deps.agent_input.subject}\n{deps.agent_input.text}"
    own = {c.id for c in deps.scope.customers}
    own.update(match.group(0) for s in strings for match in _STRIPE_ID.finditer(s))
    ids = own & {match.group(0) for match in _STRIPE_ID.finditer(text)}
    links = {_link(m.group(0)) for s in strings for m in _URL.finditer(s)}
    links.add(_link(settings.portal_return_url))
    mine = [deps.agent_input.sender, settings.support_address or ""]
    mine += [c.email or "" for c in deps.scope.customers]
    addresses = {a.lower() for a in mine if a}
    addresses.update(m.group(0).lower() for s in strings for m in _EMAIL.finditer(s))
    addresses.update(m.group(0).lower() for m in _EMAIL.finditer(deps.agent_input.text))
    currency = settings.default_currency
    money = set(_money_in(results))
    money.update(c.write.amount for c in deps.trace.tool_calls if c.write and c.write.amount)
    written = deps.agent_input.text
    language = detect_language(written)
    money.update(
        a.money for a in find_amounts(written, default_currency=currency, language=language)
    )
    money.add(Money(amount_minor=settings.refund_cap_minor, currency=currency))
    money.add(Money(amount_minor=settings.approval_threshold_minor, currency=currency))
    return ReplyScope(
        ids=frozenset(ids),
        addresses=frozenset(addresses),
        links=frozenset(links),
        money=frozenset(money),
        currency=currency,
        secrets=(deps.gateway.key.secret,),
        signature=None if settings.brain == "rules" else signature_of(settings),
    )


def check_reply(text: str, scope: ReplyScope) -> ReplyReview:
    """The reply as it may be sent, or the reason it may not."""
    review = ReplyReview()
    if secret := [s for s in scope.secrets if s and s in text] or find_secrets(text):
        review.handoff = f"the reply contains a secret ({len(secret)} found)"
        return review
    if prompt := _prompt_passage(text):
        review.handoff = f"the reply repeats the system prompt: “{prompt}”"
        return review
    foreign_links = sorted({_link(m.group(0)) for m in _URL.finditer(text)} - scope.links)
    if foreign_links:
        review.handoff = f"the reply links to addresses no tool returned: {foreign_links}"
        return review
    masked = _URL.sub(lambda m: " " * len(m.group(0)), text)
    foreign_ids = sorted({m.group(0) for m in _STRIPE_ID.finditer(masked)} - scope.ids)
    if foreign_ids:
        review.handoff = f"the reply names Stripe ids it may not show: {foreign_ids}"
        return review
    addresses = {m.group(0).lower() for m in _EMAIL.finditer(masked)} - scope.addresses
    if addresses:
        review.handoff = (
            f"the reply names addresses outside the sender's scope: {sorted(addresses)}"
        )
        return review
    text, problem = _amounts(text, scope, review.repairs)
    if problem:
        review.handoff = problem
        return review
    text = _plain(text, review.repairs)
    if scope.signature and not _signed(text, scope.signature):
        text = f"{text.rstrip()}\n\n{scope.signature}"
        review.repairs.append("signature appended")
    review.text = text.strip() + "\n"
    return review


def _link(url: str) -> str:
    """A link as written in text, without the sentence's punctuation after it."""
    return url.rstrip(".,;:!?)]}>'\"")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _money_in(value: Any) -> Iterator[Money]:
    """Every money value (`{"amount_minor": …, "currency": …}`) in tool results."""
    if isinstance(value, dict):
        minor, currency = value.get("amount_minor"), value.get("currency")
        if isinstance(minor, int) and isinstance(currency, str):
            yield Money(amount_minor=minor, currency=currency)
        for item in value.values():
            yield from _money_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _money_in(item)


def _amounts(text: str, scope: ReplyScope, repairs: list[str]) -> tuple[str, str | None]:
    """Amounts must be money a tool returned (or the customer wrote); `4900 usd` for a
    returned $49.00 is rewritten from the money value, anything else is refused."""
    masked = _URL.sub(lambda m: " " * len(m.group(0)), text)
    for found in reversed(find_amounts(masked, default_currency=scope.currency)):
        if found.money in scope.money:
            continue
        major = found.money.major
        meant = next(
            (
                m
                for m in scope.money
                if m.currency == found.money.currency and major == m.amount_minor
            ),
            None,
        )
        code = found.money.currency
        start, end = _currency_start(text, found.start, code), _currency_end(text, found.end, code)
        written = text[start:end].strip()
        if meant is None:
            return text, f"the reply states an amount no tool returned: {written!r}"
        text = text[:start] + meant.format() + text[end:]
        repairs.append(f"amount in minor units {written!r} written as {meant.format()}")
    return text, None


_CURRENCY_WORDS = r"(?:dollars?|euros?|yen|pounds?|円|ドル)"


def _currency_end(text: str, end: int, currency: str) -> int:
    """Past the currency written after the number (`4900 usd`), if it is one."""
    after = re.compile(rf"\s?(?:(?i:{currency})|{_CURRENCY_WORDS}|[$€£¥￥₩])(?![A-Za-z])")
    match = after.match(text, end)
    return match.end() if match else end


def _currency_start(text: str, start: int, currency: str) -> int:
    """Back to the currency written before the number (`USD 4900`, `$4900`), if any."""
    before = re.compile(rf"(?:(?<![A-Za-z])(?i:{currency})|[$€£¥￥₩])\s?$")
    match = before.search(text[:start])
    return match.start() if match else start


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _grams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + _PROMPT_WORDS]) for i in range(len(words) - _PROMPT_WORDS + 1)}


_PROMPT_GRAMS = frozenset(
    gram for passage in re.split(r"\{[a-z]+\}", SYSTEM_PROMPT) for gram in _grams(_words(passage))
)


def _prompt_passage(text: str) -> str | None:
    words = _words(text)
    for i in range(len(words) - _PROMPT_WORDS + 1):
        if tuple(words[i : i + _PROMPT_WORDS]) in _PROMPT_GRAMS:
            return " ".join(words[i : i + _PROMPT_WORDS])
    return None


_MARKDOWN: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"^\s*```.*$\n?", re.MULTILINE), "", "code fences"),
    (re.compile(r"^#{1,6}\s+", re.MULTILINE), "", "headings"),
    (re.compile(r"\[([^\]\n]+)\]\((https?://[^)\s]+)\)"), r"\1: \2", "links"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2", "bold"),
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1", "italics"),
    (re.compile(r"`([^`\n]+)`"), r"\1", "code"),
    (re.compile(r"^(\s*)[*+]\s+", re.MULTILINE), r"\1- ", "bullets"),
    (re.compile(r"^\s*>\s?", re.MULTILINE), "", "quotes"),
)


def _plain(text: str, repairs: list[str]) -> str:
    """Markdown made plain text, for a plain-text email."""
    fixed = []
    for pattern, replacement, name in _MARKDOWN:
        text, count = pattern.subn(replacement, text)
        if count:
            fixed.append(name)
    if fixed:
        repairs.append("markdown removed: " + ", ".join(fixed))
    return text


def _signed(text: str, signature: str) -> bool:
    tail = " ".join(text.strip().splitlines()[-6:])
    return " ".join(signature.split()) in " ".join(tail.split())
