"""A part of a payment the customer counts instead of pricing: "refund the 3 days of
downtime", "the unused 3 months of my annual plan", "2席分の料金", "los otros dos meses",
"les 2 licences en trop", "die Kosten für die 2 zusätzlichen Plätze".

Only a count the customer asks back is read: in a sentence asking for money back, named
with a determiner ("the 3 days", "ces 20 jours"), right after the refund verb ("refund
2 seats"), marked as too many ("3 seats extra") or as one part of a bigger count ("2 of
the 10 seats"), or as 分 in Japanese ("3か月分"). A count said of time ("2 days ago", "for 3
months now", "in 5 days"), a whole ("all 3 seats"), a difference between plans, a tax, or
two different counts asked back are not read: the refund tool then has nothing to size and
a person decides. `operations.counted_share` sizes it from Stripe's facts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from knowreply.agent.intake import request_phrases as phrases
from knowreply.integrations.stripe.models import CountUnit

_I = re.IGNORECASE


@dataclass(frozen=True)
class CountedPart:
    """`count` (at least 1) of `unit` asked back: days, weeks, months of the current period,
    or seats (users, licences, members, places) of its invoice."""

    count: int
    unit: CountUnit


_NUMBER_WORDS = {
    1: "one|a single|uno|una|un|une|ein|eine|einen|einer",
    2: "two|dos|deux|zwei",
    3: "three|tres|trois|drei",
    4: "four|cuatro|quatre|vier",
    5: "five|cinco|cinq|f[üu]nf",
    6: "six|seis|sechs",
    7: "seven|siete|sept|sieben",
    8: "eight|ocho|huit|acht",
    9: "nine|nueve|neuf|neun",
    10: "ten|diez|dix|zehn",
    11: "eleven|once|onze|elf",
    12: "twelve|doce|douze|zw[öo]lf",
}
NUMBER_WORD = re.compile(
    r"\b(" + "|".join(f"(?P<n{n}>{words})" for n, words in _NUMBER_WORDS.items()) + r")\b", _I
)
"""Counts written as words, one to twelve: "two", "dos", "deux", "zwei" (read as digits)."""
_KANJI = "一二三四五六七八九十"
KANJI_NUMBER = re.compile(
    r"(?<![一二三四五六七八九十])(十[一二]?|[一二三四五六七八九])(?=[日週か月ヶカヵ席名人つ])"
)
"""Kanji counts one to twelve before a Japanese unit: "二人分", "十二か月分"."""

_UNIT_WORDS: dict[CountUnit, str] = {
    "day": r"days?|d[íi]as?|jours?|tag(e|en)?|日間?",
    "week": r"weeks?|semanas?|semaines?|wochen?|週間?",
    "month": r"months?|mes(es)?|mois|monate?n?|[かヶカヵケ]月間?",
    "seat": r"seats?|users?|licen[cs]es?|members?|people|persons?|asientos?|usuarios?|"
    r"licencias?|plazas?|puestos?|miembros?|personas?|si[èe]ges?|utilisateurs?|places?|membres?|"
    r"personnes?|pl[äa]tze?n?|sitze?n?|benutzer(n)?|nutzer(n)?|lizenz(en)?|mitglieder(n)?|"
    r"personen|席|名|人|ライセンス|ユーザー",
}
_UNIT = "(" + "|".join(_UNIT_WORDS.values()) + ")"
UNITS = {unit: re.compile(f"({words})$", _I) for unit, words in _UNIT_WORDS.items()}
"""Which unit a counted word is: "Plätze" a seat, "か月" a month."""
_BEFORE = (
    r"(other|last|remaining|extra|additional|unused|final|otr[oa]s|[úu]ltim[oa]s|restantes|"
    r"autres|derni(er|ère)s|restlichen|letzten|[üu]brigen) "
)
_AFTER = (
    r"(extra|additional|unused|remaining|unneeded|zus[äa]tzlichen|ungenutzten|[üu]berz[äa]hligen|"
    r"restlichen|adicionales|suppl[ée]mentaires) "
)
_DETERMINER = (
    r"(the|those|these|my|our|los|las|esos|esas|estos|estas|mis|nuestr[oa]s|les|ces|mes|nos|"
    r"die|diese|den|diesen|meine|unsere)"
)
_REFUND_VERB = (
    r"(refund|return|credit|reimburse|give back|send back|reembols\w*|devu[eé]lv\w*|devolv\w*|"
    r"rembours\w*|rend(s|ez|re)|erstatt\w*)"
)
ASKED_COUNT = re.compile(
    rf"\b{_DETERMINER} ({_BEFORE})?(?P<c1>\d+) ({_AFTER})?(?P<u1>{_UNIT})(?!\w)|"
    rf"\b{_REFUND_VERB}(-?(me|us|moi|nous|mir|uns))?( (for|pour|por|f[üu]r))? "
    rf"(?P<c2>\d+) ({_AFTER})?(?P<u2>{_UNIT})(?!\w)|"
    rf"\b(?P<c3>\d+) ({_AFTER})?(?P<u3>{_UNIT}) ((zur[üu]ck)?erstatten\b|(extra|too many|en trop|"
    rf"de trop|de m[áa]s|que sobran|sin usar|non utilis[ée]s|inutilis[ée]s|zu viel)(?!\w))|"
    rf"(?P<c4>\d+)\s*(?P<u4>{_UNIT})分",
    _I,
)
"""A count asked back, with its unit: "the 3 days", "refund 2 seats", "3 seats extra",
"los otros 2 meses", "ces 20 jours", "die 2 zusätzlichen Plätze", "3名分"."""
PART_OF_COUNT = re.compile(
    rf"\b(?P<count>\d+) ((?P<before>{_UNIT}) )?(of|out of|de|des|sur|von) ({_DETERMINER} )?"
    rf"(?P<whole>\d+)( (\w+ )?(?P<after>{_UNIT})(?!\w))?",
    _I,
)
"""One count out of a bigger one, the part asked back: "2 of the 10 seats", "2 des 5
licences", "one month out of the three"."""
NOT_A_PART_AFTER = re.compile(
    r"^(-l[àa])?\s*(ago|now|from now|later|earlier|before|after|in advance|hace|atr[áa]s|"
    r"plus t[ôo]t|auparavant|her|sp[äa]ter|前|後)\b",
    _I,
)
"""Time said of when, not a part asked back: "the 2 days ago", "the 3 months now"."""
WINDOW_BEFORE = re.compile(
    r"\b(within|inside|dentro de|en|dans|sous|innerhalb|binnen|in)( \w+)?\s+$|"
    r"\b(within|dentro de|dans|innerhalb) \w+\s+$",
    _I,
)
"""A count of time something happens within, not a part asked back: "within the 14 days",
"dentro de los 14 días", "dans les 14 jours", "in den 14 Tagen"."""
COMPOUND_AFTER = re.compile(r"^[- ]?(window|period|trial|guarantee|notice|policy)\b", _I)
"""A count of time that names a thing: "the 14 day window", "the 30-day guarantee"."""
WHOLE_BEFORE = re.compile(
    r"\b(all|whole|entire|full|every|todos|todas|tous|toutes|alle|gesamten|全)\s+(of\s+)?$", _I
)
"""All of a count is not a part of it: "all the 3 seats", "tous les 12 mois"."""
NOT_COUNTED = re.compile(
    r"\bdiff\w*|\bdiferencia\b|\bdiff[ée]rence\b|\bunterschied\b|差額|"
    r"\b(up|down)grad\w*|\bswitch\w*|\bcambi\w*|\bchangement\b|\bwechsel\w*|\bplan change\b|"
    r"プラン変更|\b(tax|vat|iva|tva|mwst|ust|steuer\w*)\b|税|"
    r"\badd-?ons?\b|\bcomplementos?\b|\bmodules? compl[ée]mentaires?\b|\bzusatz\w*|アドオン|"
    r"\b(in total|en total|au total|en tout|insgesamt)\b|合計",
    _I,
)
"""A difference between plans, a tax or an add-on "for the 3 days": the count is not what is
paid back at the plan's price; a total the customer stated ("178 in total") is theirs to size
by; a person sizes those."""


def counted_part(words: str) -> CountedPart | None:
    """The one counted part the customer's words ask back, or None (none, or two)."""
    if NOT_COUNTED.search(words):
        return None
    text = _digits(words)
    found = {
        part
        for sentence in phrases.SENTENCE.split(text)
        if sentence and phrases.MENTIONS["refund"].search(sentence)
        for part in _asked_in(sentence)
    }
    return found.pop() if len(found) == 1 else None


def _digits(text: str) -> str:
    """Counts as ASCII digits: full-width ones, number words and kanji."""
    text = unicodedata.normalize("NFKC", text)
    text = NUMBER_WORD.sub(lambda m: str(_word_value(m)), text)
    return KANJI_NUMBER.sub(lambda m: str(_kanji_value(m.group())), text)


def _word_value(found: re.Match[str]) -> int:
    return next(n for n in _NUMBER_WORDS if found.group(f"n{n}"))


def _kanji_value(kanji: str) -> int:
    ones = kanji.removeprefix("十")
    return (10 if kanji.startswith("十") else 0) + (_KANJI.index(ones) + 1 if ones else 0)


def _asked_in(sentence: str) -> list[CountedPart]:
    """The counted parts one sentence asks back."""
    parts: list[CountedPart] = []
    for found in PART_OF_COUNT.finditer(sentence):
        unit = _unit_of(found.group("before") or found.group("after"))
        count, whole = int(found.group("count")), int(found.group("whole"))
        if unit is not None and 0 < count < whole:
            parts.append(CountedPart(count, unit))
    sentence = PART_OF_COUNT.sub(" ", sentence)
    for found in ASKED_COUNT.finditer(sentence):
        count, word = next(
            (int(found.group(f"c{i}")), found.group(f"u{i}"))
            for i in range(1, 5)
            if found.group(f"c{i}")
        )
        kind = _unit_of(word)
        if (
            kind is None
            or count < 1
            or NOT_A_PART_AFTER.search(sentence[found.end() :])
            or COMPOUND_AFTER.search(sentence[found.end() :])
            or WHOLE_BEFORE.search(sentence[: found.start()])
            or WINDOW_BEFORE.search(sentence[: found.start()])
        ):
            continue
        parts.append(CountedPart(count, kind))
    return parts


def _unit_of(word: str | None) -> CountUnit | None:
    if word is None:
        return None
    return next((unit for unit, pattern in UNITS.items() if pattern.match(word)), None)
