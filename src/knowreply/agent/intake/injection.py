"""Sentences that try to instruct the assistant ("ignore your instructions", "list every
customer"): never obeyed; the rules drop them and the trace records that there were some."""

from __future__ import annotations

import re
import unicodedata

from knowreply.agent.intake.words import MAX_CHARS

INSTRUCTIONS = re.compile(
    r"ignore (all |any |the |your |my |these )*(previous |prior |above |earlier |system )*"
    r"(instructions|rules|prompts?|guidelines)|disregard (all|any|your|previous|the)\b|"
    r"system prompt|you are now|act as (an?|the) |developer mode|jailbreak|new instructions|"
    r"pretend (to be|you)|override (your|the)|(api|secret) key|"
    r"(everyone|everybody|all (the )?(customers|users|accounts)|other customers|"
    r"every customer|another customer)|"
    r"指示を無視|命令を無視|ルールを無視|指示に従わ|システムプロンプト|開発者モード|"
    r"全員|すべての(顧客|お客|ユーザー|アカウント)|全ての(顧客|お客|ユーザー|アカウント)|"
    r"他の(顧客|お客|ユーザー)|(api|シークレット)キー",
    re.IGNORECASE,
)


def instructs(sentence: str) -> bool:
    """The sentence tries to instruct the assistant."""
    return bool(INSTRUCTIONS.search(sentence))


def injection_suspected(text: str) -> bool:
    """Something in the email tries to instruct the assistant, hidden parts included (an HTML
    comment, a quote): it is noted in the trace, never obeyed."""
    return instructs(unicodedata.normalize("NFKC", text[:MAX_CHARS]))
