"""The one-time code a customer sends back to confirm a request (six digits).

A six-digit number is a code only when it stands alone (not part of an amount, a date, an
id or a phone number), is the only one, and either the message is mostly the code or it
says it is one ("code", "コード"). The code itself never passes through a model.
"""

from __future__ import annotations

import re

from knowreply.agent.brains.rules._amounts import find_amounts
from knowreply.agent.intake.words import customer_words

CODE_WORDS = re.compile(
    r"\b(code|otp|pin|verification|passcode|c[óo]digo|v[ée]rification|verificaci[óo]n|"
    r"(best[äa]tigungs|sicherheits|einmal|zugangs|verifizierungs)code|verifizierung)\b|"
    r"コード|認証|確認番号|暗証",
    re.I,
)
_CODE = re.compile(
    r"(?<![\d$€£¥#-])(?<!\d[.,:/])(\d{6})(?![\d%円万-])(?![.,:/]\d)(?!\s?(?:円|yen|dollars|usd|eur|pesos|€))"
)
_SPACED = re.compile(
    r"(?<!\d)(?<!\d[ .,])(\d{3} \d{3}|\d{2} \d{2} \d{2}|\d(?: \d){5})(?!\d)(?![ .,]\d)"
)
_STANDALONE = re.compile(r"(?<![A-Za-z0-9_])\d{6}(?![A-Za-z0-9_])")
_URL_OR_ADDRESS = re.compile(r"https?://\S+|[\w.+-]+@[\w-]+\.[\w.-]+")
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s")


def joined(text: str) -> str:
    """`text` with a code typed in groups ("381 294", "72 10 93", "2 7 3 6 0 9") written as
    one number, padded so that every other offset stays where it was."""
    return _SPACED.sub(lambda m: m.group().replace(" ", "").ljust(len(m.group())), text)


def find_codes(text: str) -> list[str]:
    """Standalone 6-digit numbers, also typed in groups: candidates for the one-time code we
    sent."""
    return [m.group(1) for m in _CODE.finditer(joined(text))]


def is_mainly_a_code(text: str, code: str, *, japanese: bool) -> bool:
    """The message is little more than the code (a few words, or a few more saying "code")."""
    rest = joined(text).replace(code, " ")
    if japanese:
        size, short, keyword_short = len(_SPACE.sub("", rest)), 40, 80
    else:
        size, short, keyword_short = len(_WORD.findall(rest)), 12, 30
    return size <= short or (bool(CODE_WORDS.search(rest)) and size <= keyword_short)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def one_time_code(text: str, *, japanese: bool = False) -> str | None:
    """The code in the customer's own new words, or None."""
    words = customer_words(text)
    plain = _URL_OR_ADDRESS.sub(lambda m: " " * len(m.group()), words)
    plain = joined(_blank(plain, [(a.start, a.end) for a in find_amounts(plain)]))
    codes = {
        code
        for code in find_codes(plain)
        if any(code == m.group() for m in _STANDALONE.finditer(plain))
    }
    if len(codes) != 1:
        return None
    code = codes.pop()
    return (
        code
        if is_mainly_a_code(words, code, japanese=japanese) or CODE_WORDS.search(words)
        else None
    )
