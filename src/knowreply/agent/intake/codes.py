"""The one-time code a customer sends back to confirm a request (six digits).

A six-digit number is a code only when it stands alone (not part of an amount, a date, an
id or a phone number), is the only one, and either the message is mostly the code or it
says it is one ("code", "コード"). The code itself never passes through a model.

Customers retype the code the way they read it: in groups ("381 294", "72 10 93",
"3 8 1 7 4 0"), with dashes ("193-587", "55-91-02", "5529-18", "6 0 2 – 9 1 4") or in
full-width digits ("３３７０８２"), or spell it out, as voice typing does ("sept quatre deux
zéro cinq neuf", "four oh two nine one one") beside a word saying it is a code. All of these
are the same six digits. Dashes also join
ranges and dates ("100-200", "12-05-24"), so dashed groups count only in a message that
says it holds a code or has hardly any other words, and never when they read as a date.
"""

from __future__ import annotations

import re

from knowreply.agent.brains.rules._amounts import find_amounts
from knowreply.agent.intake.words import customer_words
from knowreply.agent.intake.written_forms import DIGIT_WORDS, SPELLED_DIGITS

CODE_WORDS = re.compile(
    r"\b(code|otp|pin|verification|passcode|c[óo]digo|v[ée]rification|verificaci[óo]n|"
    r"(best(ä|a|ae)tigungs|sicherheits|einmal|zugangs|verifizierungs)code|verifizierung)\b|"
    r"コード|認証|確認番号|暗証|本人確認|ワンタイムパスワード",
    re.I,
)
_CODE = re.compile(
    r"(?<![\d$€£¥#-])(?<!\d[.,:/])(\d{6})(?![\d%円万-])(?![.,:/]\d)(?!\s?(?:円|yen|dollars|usd|eur|pesos|€))"
)
_SPACED = re.compile(
    r"(?<!\d)(?<!\d[ .,])(\d{3} \d{3}|\d{2} \d{2} \d{2}|\d(?: \d){5})(?!\d)(?![ .,]\d)"
)
_GROUPS = re.compile(r"(?<![\w-])(?<!\d[ .,])\d+(?:(?: ?[-‐‑–—－] ?| )\d+)+(?![\w-])(?![ .,]\d)")
"""Digit groups parted by spaces or dashes, whatever their sizes (checked when joining)."""
_DIGITS = re.compile(r"\d+")
_PHONE = re.compile(
    r"\b(tel|t[ée]l|telefon|t[ée]l[ée]phone|phone|ph|mob|mobile?|mobil|handy|fax|cell|m[óo]vil|"
    r"celular|whatsapp)\b\.?:?[ \t]*[+(\d][\d \t()/.+-]{5,}\d",
    re.I,
)
"""A phone number after its label ("Tel. 0711 / 27 33 18"): its digit groups are no code."""
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_FEW_OTHER_WORDS = 4
_QUOTATION_MARKS = str.maketrans(dict.fromkeys('"“”„«»「」『』', " "))
_STANDALONE = re.compile(r"(?<![A-Za-z0-9_])\d{6}(?![A-Za-z0-9_])")
_URL_OR_ADDRESS = re.compile(r"https?://\S+|[\w.+-]+@[\w-]+\.[\w.-]+")
_WORD = re.compile(r"\w+")
_LETTERS = re.compile(r"[^\W\d_]+")
_SPACE = re.compile(r"\s")


def joined(text: str) -> str:
    """`text` with a code typed in groups ("381 294", "72 10 93", "2 7 3 6 0 9", "193-587"),
    in full-width digits or spelled out written as one number and labelled phone numbers
    blanked, padded so that every other offset stays where it was."""
    text = _PHONE.sub(lambda m: " " * len(m.group()), text.translate(_FULL_WIDTH_DIGITS))
    names_a_code = bool(CODE_WORDS.search(text))
    if names_a_code:
        text = SPELLED_DIGITS.sub(_spelled_digits, text)
    text = _SPACED.sub(lambda m: m.group().replace(" ", "").ljust(len(m.group())), text)
    if not names_a_code and len(_LETTERS.findall(text)) > _FEW_OTHER_WORDS:
        return text
    return _GROUPS.sub(lambda m: _join_groups(m.group(), any_sizes=names_a_code), text)


def _spelled_digits(found: re.Match[str]) -> str:
    """Six digit words as six digits ("sept quatre deux zéro cinq neuf" -> 742059), padded to
    keep offsets; any other count is no code ("one two three" is not)."""
    words = re.split(r"[\s,-]+", found.group())
    if len(words) != 6:
        return found.group()
    return "".join(DIGIT_WORDS[word.lower()] for word in words).ljust(len(found.group()))


def _join_groups(groups: str, *, any_sizes: bool) -> str:
    """Six digits in groups as one number, unless they read as a date or a year.

    Dashes also join ranges ("100-200 users") and references ("Kd.-Nr. 10-3345"): groups
    of other sizes than a code's own 3 + 3 or 2 + 2 + 2 ("5529-18", "8841 27") count only
    in a message that says it holds a code, and any groups only in such a message or one
    with hardly any words besides its digits."""
    runs = _DIGITS.findall(groups)
    usual = [len(run) for run in runs] in ([3, 3], [2, 2, 2])
    if len("".join(runs)) != 6 or not (usual or any_sizes) or _reads_as_a_date(runs):
        return groups
    return "".join(runs).ljust(len(groups))


def _reads_as_a_date(runs: list[str]) -> bool:
    """12-05-24 (a day and a month), 2023-24 or 05-2024 (a year). Spaced "05 12 24" is
    joined before (`_SPACED`, as it always was) and never asked."""
    parts = [int(run) for run in runs]
    sizes = [len(run) for run in runs]
    if sizes == [2, 2, 2]:
        day_month = (parts[0] <= 31 and 1 <= parts[1] <= 12) or (
            1 <= parts[0] <= 12 and parts[1] <= 31
        )
        return day_month or (1 <= parts[1] <= 12 and parts[2] <= 31)
    year = next((part for part, size in zip(parts, sizes, strict=True) if size == 4), None)
    return year is not None and 1900 <= year <= 2099


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
    """The code in the customer's own new words, or None. A code in quotation marks
    ("「６１８３０２」", a pasted text message) is still theirs to hand over."""
    words = customer_words(text.translate(_QUOTATION_MARKS))
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
