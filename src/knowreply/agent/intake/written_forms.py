"""Numbers and Japanese in the form the readers know, however the customer typed them.

Dictated and hurried mail spells numbers out ("refund thirty pounds", "cuarenta y nueve
euros", "septante-cinq euros"); careful Japanese writes them in kanji (五月分の請求書, 令和六年,
五百円); phones and old systems send Japanese all in katakana, often half-width
(ｶｲﾔｸ ｼﾀｲﾃﾞｽ, made full-width by NFKC before this). The readers know months, amounts and
invoice numbers in digits and Japanese billing words in kanji or hiragana, so, before they
read, each number takes its digits and a message all in katakana is read in hiragana (where
`request_phrases.KANA_JA` knows the billing words), but for the words Japanese writes in
katakana anyway (プラン, リンク, カード): those the corpus's `dev/` emails written normally
hold in katakana often.

A number word alone below ten stays a word ("one of the plans", "tout neuf", the French month
"sept"): an amount that small is rare and the word has other meanings. Digits read one by one
stay words for `codes` to read as a code ("four oh two nine one one"), and so does a percent
in words, whose "ciento" or "cent" is no hundred ("cincuenta por ciento").
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache

from text_to_num import alpha2digit

from knowreply.agent.intake.casing import CORPUS_DEV
from knowreply.agent.intake.language import detect_language

DIGIT_WORDS = {
    **dict.fromkeys(("zero", "oh", "cero", "zéro", "null"), "0"),
    **dict.fromkeys(("one", "uno", "un", "eins"), "1"),
    **dict.fromkeys(("two", "dos", "deux", "zwei", "zwo"), "2"),
    **dict.fromkeys(("three", "tres", "trois", "drei"), "3"),
    **dict.fromkeys(("four", "cuatro", "quatre", "vier"), "4"),
    **dict.fromkeys(("five", "cinco", "cinq", "fünf", "fuenf"), "5"),
    **dict.fromkeys(("six", "seis", "sechs"), "6"),
    **dict.fromkeys(("seven", "siete", "sept", "sieben"), "7"),
    **dict.fromkeys(("eight", "ocho", "huit", "acht"), "8"),
    **dict.fromkeys(("nine", "nueve", "neuf", "neun"), "9"),
}
_DIGIT_WORD = "|".join(sorted(DIGIT_WORDS, key=len, reverse=True))
SPELLED_DIGITS = re.compile(rf"\b(?:{_DIGIT_WORD})(?:[\s,-]+(?:{_DIGIT_WORD}))+\b", re.I)
"""Digits spelled out one by one: six of them in a row are a code read aloud (`codes`)."""
SPELLED_ALONE_FROM = 10
"""The smallest number a number word standing alone is read as (`alpha2digit`'s threshold)."""
_KEPT_AS_WORDS = re.compile(
    rf"{SPELLED_DIGITS.pattern}|\b(por ciento|pour cent|per cent)\b", re.IGNORECASE
)

_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
_KANJI_DIGITS |= {"八": 8, "九": 9}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_KANJI_NUMBER = re.compile(
    r"(?<![〇零一二三四五六七八九十百千万数何幾])[〇零一二三四五六七八九十百千万]+"
    r"(?=年|月|日|円|ヶ月|か月|カ月|ヵ月|ケ月|箇月)"
)
"""Kanji numerals before a unit of a date or an amount: 五月, 二〇二四年, 五百円, 九ヶ月.
Elsewhere they are words (一部, 一回, 十分), left as written, and so is an amount left vague
(数万円, 何千円, 十数万円: "tens of thousands of yen" is no 10,000 yen to refund)."""
_FIRST_YEAR = re.compile(r"(令和|平成)元年")
_HIRAGANA = re.compile(r"[\u3041-\u3096]")
_KATAKANA = re.compile(r"[\u30a1-\u30f6]")
_KANJI = re.compile(r"[\u4e00-\u9fff]")
_KATAKANA_WORD = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")
LOANWORD_MIN_COUNT = 10
"""How often a katakana word must be written so in `dev/` to be kept in katakana."""
KATAKANA_MESSAGE_MIN = 6
"""Katakana letters a message needs to be read as written all in katakana (a lone "カード" is a
word, not a way of writing). It has no hiragana (Japanese written normally has particles in
hiragana, however many loanwords it holds) and at most `NAME_KANJI_MAX` kanji (a signed name)."""
NAME_KANJI_MAX = 4


def in_usual_form(text: str) -> str:
    """`text` with its numbers in digits and, if written all in katakana, in hiragana."""
    language = detect_language(text)
    if language == "ja":
        return _kanji_numbers_in_digits(_katakana_message_in_hiragana(text))
    return _spelled_numbers_in_digits(text, language)


def _spelled_numbers_in_digits(text: str, language: str) -> str:
    read: list[str] = []
    start = 0
    for kept in _KEPT_AS_WORDS.finditer(text):
        read += [_in_digits(text[start : kept.start()], language), kept.group()]
        start = kept.end()
    return "".join([*read, _in_digits(text[start:], language)])


def _in_digits(text: str, language: str) -> str:
    digits: str = alpha2digit(text, language, threshold=SPELLED_ALONE_FROM)
    return digits


def _kanji_numbers_in_digits(text: str) -> str:
    text = _FIRST_YEAR.sub(r"\g<1>1年", text)
    return _KANJI_NUMBER.sub(lambda found: str(kanji_number(found.group())), text)


def kanji_number(numeral: str) -> int:
    """The value of a kanji numeral, written with units (二千二十四, 五百, 三万五千) or digit by
    digit (二〇二四)."""
    if not any(unit in numeral for unit in (*_KANJI_UNITS, "万")):
        return int("".join(str(_KANJI_DIGITS[ch]) for ch in numeral))
    total = section = digit = 0
    for ch in numeral:
        if ch in _KANJI_DIGITS:
            digit = _KANJI_DIGITS[ch]
        elif ch in _KANJI_UNITS:
            section += (digit or 1) * _KANJI_UNITS[ch]
            digit = 0
        else:  # 万: everything so far counts in ten thousands
            total += ((section + digit) or 1) * 10_000
            section = digit = 0
    return total + section + digit


def _katakana_message_in_hiragana(text: str) -> str:
    if (
        len(_KATAKANA.findall(text)) < KATAKANA_MESSAGE_MIN
        or _HIRAGANA.search(text)
        or len(_KANJI.findall(text)) > NAME_KANJI_MAX
    ):
        return text
    loanwords = katakana_words()
    longest = max(map(len, loanwords), default=0)
    read: list[str] = []
    index = 0
    while index < len(text):
        word = next(
            (
                text[index:end]
                for end in range(min(len(text), index + longest), index + 1, -1)
                if text[index:end] in loanwords
            ),
            None,
        )
        if word:
            read.append(word)
            index += len(word)
        else:
            read.append(_KATAKANA.sub(_in_hiragana, text[index]))
            index += 1
    return "".join(read)


def _in_hiragana(letter: re.Match[str]) -> str:
    return chr(ord(letter.group()) - 0x60)


@cache
def katakana_words() -> frozenset[str]:
    """Katakana words (two letters or more) that Japanese `dev/` emails with hiragana, so
    written normally, hold at least `LOANWORD_MIN_COUNT` times."""
    counts: Counter[str] = Counter()
    for line in (CORPUS_DEV / "ja.jsonl").read_text(encoding="utf-8").splitlines():
        body = json.loads(line)["body"] if line.strip() else ""
        if _HIRAGANA.search(body):
            counts.update(_KATAKANA_WORD.findall(body))
    return frozenset(word for word, count in counts.items() if count >= LOANWORD_MIN_COUNT)
