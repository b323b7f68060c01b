"""How much of a payment a customer asks back when they name several amounts.

"At $9/seat that's $27 too much, refund the difference" names $9 and $27: the part asked
back is the result the customer worked out ($27, a *written* amount). "Refund the
difference between the $49 I paid and the $39 I was promised" states no result: the part
is the difference of the two amounts ($10, a *computed* amount, which always waits for a
member). Anything less clear (two results, different currencies, a per-unit price with no
count, a negated result, three amounts and no result) is not sized: a person decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowreply.agent.intake.request_phrases import REQUEST, TWICE
from knowreply.money import Money
from knowreply.money_text import FoundAmount

_I = re.IGNORECASE
_CURRENCY_AFTER = r"^\s*([€$£¥円]|(usd|eur|gbp|jpy|cad|aud)\b|dollars?\b|euros?\b|yen\b|ドル)?\s*"

_UNIT = (
    r"(cada |chaque |jeden |jede |el |la |le |l'|un |une |den |die |das )?"
    r"(seats?|users?|members?|licen[cs]es?|months?|years?|days?|weeks?|hours?|mes|año|"
    r"d[íi]as?|semanas?|horas?|usuarios?|puestos?|licencias?|asientos?|miembros?|mois|ans?|"
    r"jours?|semaines?|heures?|utilisateurs?|si[èe]ges?|postes?|membres?|monat|jahr|tag|"
    r"woche|stunde|nutzer\w*|benutzer\w*|platz|lizenz\w*|mitglied\w*|person\w*|personas?)"
)
"""Units a price is given per, in each language ("por usuario", "par mois", "pro Platz")."""
RESULT_BEFORE = re.compile(
    r"(\bthat'?s|\bthat is|\bwhich is|\bwhich makes|\bmaking|\bso|\bi\.e\.,?|\bie,?|"
    r"\bin total|\bequals|=|"
    r"\bo sea|\bes decir|\ben total|\bson|\bsoit|\bc'est-[àa]-dire|\ben tout|\bau total|"
    r"\binsgesamt|,\s*also|\bcomes? to|\badds? up to|\basciende a|\bça fait|\bergibt|"
    r"\b(difference|diferencia|diff[ée]rence|differenz|unterschied) (of|de|von)|"
    r"\bdas sind|\bsind das|\bmacht|\bsomit|"
    r"合計(で|は)?|計|つまり|すなわち|[×x*]\s*\d+\s*(の|で|＝)?)"
    r"[\s:,—–-]*(the |los |las |les |die )?[$€£¥]?\s?$",
    _I,
)
"""Words that state a result just before an amount: "that's $27", "soit 30 €", "合計 3,000円"."""
RESULT_AFTER = re.compile(
    _CURRENCY_AFTER + r"((in total|total|en total|au total|en tout|insgesamt|de diferencia|"
    r"de diff[ée]rence|difference|differenz|unterschied)\b|の差額|差額|が加算)",
    _I,
)
"""Words that say after an amount that it is the result or the part: "$30 in total",
"los 9 € de diferencia", "2,640円が加算"."""
PER_UNIT_AFTER = re.compile(
    _CURRENCY_AFTER + r"(de diferencia |de diff[ée]rence )?"
    r"(/|per\b|each\b|a (seat|user|month|license)\b|(por|par|pro|je) (" + _UNIT + r")\b|"
    r"sur chacun|cada\b|chaque\b|jeweils\b|[×x*]\s*\d|あたり|／)",
    _I,
)
"""A price of one unit ("$9/seat", "18 € par siège", "880円 × 3"): never the part itself.
"por/par/pro" is "per" only before a unit ("6 € por almacenamiento extra" is 6 € *for*)."""
PER_UNIT_BEFORE = re.compile(r"(\b(je|each)|あたり|につき)\s*[$€£¥]?\s?$", _I)
"""A price of one unit named before it: "je 9,00 €", "1名あたり¥330"."""
NEGATED_BEFORE = re.compile(
    r"\b(not|isn'?t|no|never|pas|ni|nicht|kein\w*|nunca)\b[^.!?\n]{0,12}$", _I
)
OPERAND_AFTER = re.compile(
    _CURRENCY_AFTER + r"(minus|less|plus|menos|moins|weniger|abz[üu]glich|引く|[-−+]\s*[$€£¥]?\d)",
    _I,
)
"""An amount a computation starts from ("i.e. $360 minus one month, so $325"): not its result."""
COMPARED = re.compile(
    r"\b(between|instead of|rather than|versus|vs\.?|but|not|should|supposed|promised|quoted|"
    r"advertised|agreed|entre|en (lugar|vez) de|deber[íi]a|au lieu de|plut[ôo]t que|devrai[st]|"
    r"zwischen|statt|anstatt|sollte\w*|aber)\b|ではなく|はず|のところ",
    _I,
)
"""Words that set two amounts against each other, so "the difference" is between them."""
COMPARED_AFTER = re.compile(
    _CURRENCY_AFTER + r"[)）]?\s*(vs\.?|versus|instead of|rather than|en (lugar|vez) de|"
    r"au lieu de|plut[ôo]t que|statt|anstatt|ではなく|じゃなく)",
    _I,
)
"""An amount set against another ("$40 vs $30"): one side of a comparison, not the part."""
CHARGE_AFTER = re.compile(
    _CURRENCY_AFTER + r"(charge|payment|invoice|bill|cargo|cobro|pago|factura|paiement|facture|"
    r"pr[ée]l[èe]vement|zahlung|rechnung|abbuchung|の?(請求|支払い|お支払い|決済|引き落とし))",
    _I,
)
"""An amount that names a charge ("the $98 charge", "合計 3,000円の請求"): never the part."""
NEGATED_AFTER = re.compile(_CURRENCY_AFTER + r"(ではなく|じゃなく|じゃない|ではない)")
EXCESS = re.compile(
    r"\btoo much\b|\bover ?charg\w*|\bextra\b|\bshould(n'?t| not) have (been )?(paid|charged)|"
    r"\bde m[aá]s\b|\bde trop\b|\ben trop\b|\btrop[- ]per[çc]u|\bzu viel\b|"
    r"追加分|余分|多く|過剰|加算",
    _I,
)
"""What was paid too much, so a refund of it is a part (beside `request_phrases.PARTIAL`)."""
DIFFERENCE = re.compile(
    r"\bdifference\b|\bdiferencia\b|\bdiff[ée]rence\b|\b[ée]cart\b|\bdifferenz\b|\bunterschied\b|"
    r"差額|差分",
    _I,
)

OUT_OF_AFTER = re.compile(
    _CURRENCY_AFTER + r"(back )?(out of|of|de|der|von) (the |my |our |this |los |las |mis |"
    r"les |mes |nos |den |meinen |unseren )?(total |whole |full |totales )?[$€£¥]?\s?$",
    _I,
)
"""Between a part and the whole it is out of: "$15 of the $45", "20 € der 60 €"."""
WHOLE_BEFORE = re.compile(
    r"(\bde (los|las)|\bdel total de|\bsur (les|la facture de|ma facture de|le total de)|"
    r"\bvon (den|meiner rechnung über|der rechnung über|insgesamt)|\bvom)"
    r"( \w+)?\s*[$€£¥]?\s?$",
    _I,
)
"""Words that name a whole before the part that follows it in the same sentence: "De los 120 €
cobrados, 30 €…", "Sur les 90 €, 15 €…", "Von den abgebuchten 75 € … 25 €"."""
WHOLE_AFTER = re.compile(r"^\s*[円]?\s*(の[^。！？\n]{0,12})?のうち")
"""A whole named in Japanese before its part: "¥12,000のご請求のうち、¥3,000"."""
GIVE_BACK_BEFORE = re.compile(
    r"(\b(refund|credit)( me| us)?( back)?|\b(send|give|pay)( me| us)? back|\brefunded|"
    r"\b(reembols|devol[vu]|devu[eé]lv|rembours|rend|restitu|r[ée]cup[ée]r|erstatt|"
    r"zur[üu]ck)\w*( me| nos| moi| nous)?( sie| ihr)?( mir| uns)?)"
    r"( (the|those|these|that|this|esos|esas|estos|estas|los|las|ces|les|cette|die|diese|"
    r"diesen|den)|( \w+'s))\s*" + r"[$€£¥]?\s?$",
    _I,
)
"""A give-back verb and a demonstrative or article just before an amount: "credit back the
$15.80", "devolváis esos 50 €", "remboursez ces 20 €", "refund January's $79"."""
GIVE_BACK_AFTER = re.compile(
    _CURRENCY_AFTER
    + r"((bitte )?(zur[üu]ck\w*|r[üu]ck\w*|erstatte\w*)|hätte ich gerne? zur[üu]ck)\b",
    _I,
)
"""A German give-back verb just after an amount: "die 25 € zurückbuchen", "diese 30 €
erstatten" (with `ARTICLE_BEFORE`)."""
ARTICLE_BEFORE = re.compile(r"\b(die|diese|diesen|den)\s*[$€£¥]?\s?$", _I)
"""The article or demonstrative German puts before an amount it gives back ("die 25 €")."""
GIVE_BACK_AFTER_JA = re.compile(_CURRENCY_AFTER + r"[)）]?分?(の|を)(ご)?(返金|返して|払い戻)")
"""A Japanese give-back just after an amount: "¥3,000の返金", "2,000円を返して"."""
APPOSITION_BEFORE = re.compile(
    r"(,|—|–|\(|（|:| -)\s*(say|about|around|roughly|approximately|approx\.?|so like|like|約)?"
    r"\s*[$€£¥]?\s?$",
    _I,
)
"""An amount put beside the part it sizes: "refund the unused part, about $13", "refund the
rest — $504", "have the last 2 weeks refunded (about $210)"."""
GIVE_BACK_WORDS = re.compile(
    r"\b(refund\w*|credit\w*( back)?|return|send( \w+)? back|give( \w+)? back|get back|"
    r"reembols\w*|devol\w*|devu[eé]lv\w*|regr[eé]s(e|en|ar|ame|enme|arme)\b|rembours\w*|restitu\w*|"
    r"r[ée]cup[ée]r\w*|"
    r"\w*erstatt\w*|zur[üu]ck\w*)|返金|返して|返し|払い戻",
    _I,
)
"""A give-back verb in the sentence of an amount: the part it sizes is asked back."""
GIVEN_BACK_ALREADY = re.compile(
    r"\b(refunded|credited|returned|reimbursed|gave|sent) (me |us )?(back )?$|"
    r"\b(reembolsaron|devolvieron|reintegraron|rembours[ée]e?s?|rendu|erstattet|"
    r"zur[üu]ckgebucht|zur[üu]ckgezahlt)\b|返金(され|済|して(もら|いただ|頂)い)",
    _I,
)
"""Money already given back ("you refunded $20 last week", "ya me devolvieron 10 €"): an
amount it names is no part asked for now."""
CLAUSE_BREAK = re.compile(r"[,;、，]")
HYPOTHETICAL_BEFORE = re.compile(r"\b(if|si|wenn|falls|unless|sauf si)\b|もし|なら", _I)
"""A condition earlier in the sentence: "if you refund the $20…" is not an ask."""
SENTENCE_END = re.compile(r"[.!?](?![\d–])|[。！？\n]")
"""Not a decimal point nor the Swiss ".–" of a round price ("CHF 20.–")."""


@dataclass(frozen=True)
class AskedPart:
    """The part of a payment asked back, and how it was computed when the customer did not
    write it themselves (`basis` is None for a written amount)."""

    amount: Money
    basis: str | None = None


def names_an_excess(text: str) -> bool:
    """The email names something paid too much or a difference ("that's $27 too much", "los
    9 € de diferencia")."""
    return bool(EXCESS.search(text) or DIFFERENCE.search(text))


def is_unit_price(text: str, amount: FoundAmount) -> bool:
    """The amount is the price of one unit ("$9/seat", "18 € par siège"), not a part."""
    return bool(
        PER_UNIT_AFTER.match(text[amount.end : amount.end + 30])
        or PER_UNIT_BEFORE.search(text[max(0, amount.start - 12) : amount.start])
    )


def asked_part(text: str, amounts: list[FoundAmount]) -> AskedPart | None:
    """The part asked back in `text` (whose `amounts` were found in it), when the customer
    names two or more amounts and which one is the part is clear; otherwise None."""
    if len({a.money for a in amounts}) < 2 or len({a.money.currency for a in amounts}) != 1:
        return None
    results = {a.money for a in amounts if _is_result(text, a)}
    if len(results) == 1:
        return AskedPart(results.pop())
    if results:
        return None  # two results: which one is meant is a person's call
    named = {a.money for a in amounts if _is_named_part(text, a, amounts)}
    if len(named) == 1:
        return AskedPart(named.pop())
    if named:
        return None  # two amounts each named as the part: a person's call
    return _difference(text, amounts)


def _is_named_part(text: str, amount: FoundAmount, amounts: list[FoundAmount]) -> bool:
    """The amount is named as the part asked back: a written difference of two other amounts,
    a part of a whole named beside it, given back with an article or sized beside what is
    given back; never negated, a condition, a price of one unit or a charge."""
    start = _sentence_start(text, amount.start)
    sentence = text[start : amount.start]
    if (
        _is_no_part(text, amount, sentence[-30:])
        or COMPARED_AFTER.match(text[amount.end : amount.end + 30])
        or HYPOTHETICAL_BEFORE.search(sentence)
        or not _below_a_whole(text, amount, amounts)
    ):
        return False
    return (
        (_is_written_difference(amount, amounts) and _asked_back_in_its_sentence(text, amount))
        or _is_out_of_a_whole(text, amount, amounts)
        or _is_given_back(text, amount, sentence)
        or _sizes_what_is_given_back(text, amount, amounts, start)
        or _only_amount_asked_back(text, amount, amounts, start)
    )


def _below_a_whole(text: str, amount: FoundAmount, amounts: list[FoundAmount]) -> bool:
    """The amount is smaller than another one named (not a price of one unit): "remboursez ces
    49 €" beside 39 € names the charge itself, never a part of it."""
    others = {a.money.amount_minor for a in amounts if not is_unit_price(text, a)}
    others.discard(amount.money.amount_minor)
    return not others or amount.money.amount_minor < max(others)


def _sentence_start(text: str, position: int) -> int:
    ends = [m.end() for m in SENTENCE_END.finditer(text, 0, position)]
    return ends[-1] if ends else 0


def _sentence_end(text: str, position: int) -> int:
    end = SENTENCE_END.search(text, position)
    return end.start() if end else len(text)


def _is_written_difference(amount: FoundAmount, amounts: list[FoundAmount]) -> bool:
    """ "billed €300 instead of €250, return the €50": the amount is the difference of two
    other amounts written before it."""
    earlier = {a.money.amount_minor for a in amounts if a.end <= amount.start} - {
        amount.money.amount_minor
    }
    return any(high - amount.money.amount_minor in earlier for high in earlier)


def _asked_back_in_its_sentence(text: str, amount: FoundAmount) -> bool:
    """The sentence of the amount gives something back ("return the €50 overcharge",
    "差額の2,000円を返金"): "What's the extra $5?" asks about it, and a sum that happens to be
    a difference is no part."""
    sentence = text[_sentence_start(text, amount.start) : _sentence_end(text, amount.end)]
    return bool(GIVE_BACK_WORDS.search(sentence))


def _is_out_of_a_whole(text: str, amount: FoundAmount, amounts: list[FoundAmount]) -> bool:
    """ "$15 of the $45", "De los 120 €, 30 €…", "¥12,000のうち¥3,000": a smaller amount out of
    a whole named beside it in the same sentence."""
    for whole in amounts:
        if whole.money.amount_minor <= amount.money.amount_minor:
            continue
        if whole.start > amount.end:
            if OUT_OF_AFTER.match(text[amount.end : whole.start]):
                return True
            continue
        between = text[whole.end : amount.start]
        if SENTENCE_END.search(between) or len(between) > 80:
            continue
        before = text[max(0, whole.start - 40) : whole.start]
        if WHOLE_BEFORE.search(before) or WHOLE_AFTER.match(text[whole.end : whole.end + 20]):
            return True
    return False


def _is_given_back(text: str, amount: FoundAmount, sentence: str) -> bool:
    """ "Remboursez ces 20 €", "die 25 € zurückbuchen", "¥3,000の返金": a give-back verb with a
    demonstrative or article."""
    after = text[amount.end : amount.end + 30]
    return bool(
        GIVE_BACK_BEFORE.search(sentence[-60:])
        or GIVE_BACK_AFTER_JA.match(after)
        or (GIVE_BACK_AFTER.match(after) and ARTICLE_BEFORE.search(sentence[-12:]))
    )


def _sizes_what_is_given_back(
    text: str, amount: FoundAmount, amounts: list[FoundAmount], start: int
) -> bool:
    """ "refund the rest — $504", "have the last 2 weeks refunded (about $210)": the one amount
    of its sentence after a give-back verb, put beside the part it sizes."""
    if not APPOSITION_BEFORE.search(text[max(start, amount.start - 20) : amount.start]):
        return False
    verbs = list(GIVE_BACK_WORDS.finditer(text, start, amount.start))
    if not verbs:
        return False
    end = _sentence_end(text, amount.end)
    return not any(
        verbs[-1].end() <= other.start < amount.start or amount.end <= other.start < end
        for other in amounts
    )


def _only_amount_asked_back(
    text: str, amount: FoundAmount, amounts: list[FoundAmount], start: int
) -> bool:
    """ "Quiero que me regresen la diferencia de este mes, $200.", "Bitte die CHF 20.–
    zurückerstatten.", "差分の8名分、¥2,640のご返金をお願いします": the one amount of a sentence
    that asks for money back (a request, not money already given back)."""
    end = _sentence_end(text, amount.end)
    sentence = text[start:end]
    alone = not any(other.money != amount.money and start <= other.start < end for other in amounts)
    just_after = CLAUSE_BREAK.split(text[amount.end : min(end, amount.end + 15)], maxsplit=1)[0]
    return bool(
        alone
        and (
            GIVE_BACK_WORDS.search(text, start, amount.start) or GIVE_BACK_WORDS.search(just_after)
        )
        and REQUEST.search(sentence)
        and not GIVEN_BACK_ALREADY.search(sentence)
        and not TWICE.search(sentence)  # a charge made twice: its amount is the charge
    )


def _is_no_part(text: str, amount: FoundAmount, before: str) -> bool:
    """The amount can be no part asked back: a price of one unit, a charge, an operand of a
    computation, or negated (`before` is the text just before it)."""
    after = text[amount.end : amount.end + 30]
    return bool(
        is_unit_price(text, amount)
        or OPERAND_AFTER.match(after)
        or CHARGE_AFTER.match(after)
        or NEGATED_BEFORE.search(before)
        or NEGATED_AFTER.match(after)
    )


def _is_result(text: str, amount: FoundAmount) -> bool:
    before = text[max(0, amount.start - 30) : amount.start]
    if _is_no_part(text, amount, before):
        return False
    after = text[amount.end : amount.end + 30]
    return bool(RESULT_BEFORE.search(before) or RESULT_AFTER.match(after))


def _difference(text: str, amounts: list[FoundAmount]) -> AskedPart | None:
    """ "The difference" between exactly two amounts set against each other ("$49 instead of
    $39", "between 59 € and 49 €"), neither a price of one unit."""
    distinct = sorted({a.money for a in amounts}, key=lambda m: m.amount_minor)
    if len(distinct) != 2 or not DIFFERENCE.search(text):
        return None
    first, last = amounts[0], amounts[-1]
    if not COMPARED.search(text[max(0, first.start - 40) : last.start]):
        return None  # "I paid $49 and $20": two amounts, nothing says which differ
    if any(is_unit_price(text, a) for a in amounts):
        return None
    low, high = distinct
    part = Money(amount_minor=high.amount_minor - low.amount_minor, currency=high.currency)
    return AskedPart(part, basis=f"the difference between {high} and {low} the customer named")
