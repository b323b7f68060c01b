"""References a customer quotes: invoice numbers and Stripe object ids."""

from __future__ import annotations

import re

_INVOICE_NUMBER = re.compile(r"(?<![A-Za-z0-9_-])([A-Za-z0-9]{3,12})-(\d{4,6})(?![A-Za-z0-9_-])")
# ASCII edges: in `KLMN2468-0004の請求書` the number ends where the Japanese begins
_INVOICE_WORD = re.compile(
    r"(invoice|inv\.?|#|no\.|number|請求書|(?<!郵便)(?<!電話)番号)\s*(number|no\.?|#)?\s*$", re.I
)
_INVOICE_CODE = re.compile(
    r"(?<![A-Za-z0-9-])(#?INV[-_]?(?:(19|20)\d\d[-_](?:\d\d[-_])?)?\d{3,10}|"
    r"[A-Za-z]{1,5}-(19|20)\d\d-(?:\d\d-)?\d{2,6}|[A-Z]{1,3}(19|20)\d\d/\d{2,6})"
    r"(?![A-Za-z0-9-])",
    re.I,
)  # `#INV-20931`, `INV_2025_7781`, `F-2026-0077`, `INV-2026-02-7741`, `F2026/045`: a prefix,
# the year (and month), a sequence
_LETTERED_NUMBER = re.compile(
    r"(?<![A-Za-z0-9_-])([A-Z]{1,2}-\d{3,6}|\d{4,10}-[A-Z]{1,3})(?![A-Za-z0-9_-])"
)
"""`F-1042`, `RE-20931`, `20261001-KR`: a short capital series and a sequence (case-sensitive:
lower-case `a-1234` is not a customer's invoice number)."""
_HASH_NUMBER = re.compile(r"(?<![\w#])#\s?(\d{2,4}-\d{3,6}|\d{4,10})(?![A-Za-z0-9_-])")
_INVOICE_NEARBY = re.compile(
    r"invoice|\binv\b|bill|receipt|rechnung|factura|facture|請求書|領収書", re.I
)
_NUMBER_WORD = (
    r"number|no\b\.?|nr\b\.?|nro\b\.?|n\.?\s?[°º]|n\.\s?o\b\.?|nummer|n[úu]mero|num[ée]ro|番号"
)
"""`No.`, `Nr.`, `nro.`, `n°`, `número`, `番号`: the word before an invoice's number."""
_NOT_AN_AMOUNT = r"(?!\s*(?:[€$£¥円]|(?i:usd|eur|gbp|jpy|dollars?|euros?|pounds?|yen|pesos?)\b))"
"""After a number: no currency follows it (`invoice 1200 €` names an amount)."""
_NUMBERED_INVOICE = re.compile(
    r"\b(invoices?|inv|bill|receipt|rechnungs?|factura|facture|fact\.|請求書)\s*"
    r"(" + _NUMBER_WORD + r"|#)?\s*[:：]?\s*#?"
    r"(\d{3,10}|(?:19|20)\d\d[-/](?:\d\d[-/](?=\d{3}))?\d{2,6})(?![\w.,/-]?\d)" + _NOT_AN_AMOUNT,
    re.I,
)  # `Rechnung Nr. 4471`, `invoice No. 12345`, `facture n° 2025-112`, `請求書番号 4471`
_YEAR = re.compile(r"(19|20)\d\d")
_WORD_BEFORE_A_CODE = re.compile(
    r"(?<![A-Za-z])(?:invoices?|in(?:vio|ovi|vo|vi)[cs]e|invocie|invoise|inv|bills?|receipts?|"
    r"rechnung(?:en)?|rg|factur[ae]s?|faturas?|fattura|boleta|recibos?|re[çc]us?|quittung|"
    r"請求書|領収書|納品書|請求(?=番号))\s*"
    r"(" + _NUMBER_WORD + r"|n\.(?=\s?\d)|id\b|#)?\s*[:：]?\s*",
    re.I,
)
_CODE = re.compile(
    r"#?((?=[A-Z0-9/-]*\d{3})[A-Z0-9]+(?:[-/][A-Z0-9]+)+|\d{4,12})(?![\w.,/-]?\d)" + _NOT_AN_AMOUNT
)
"""The customer's own numbering: capital letters and digits in parts joined by `-` or `/`
with three digits in a row (`PL-IE-2025-0219`, `HL/25-26/0931`), or four to twelve digits."""
_AND = re.compile(r"\s*(?:and|und|et|y|e|&|,|と|・)\s*#?(?=[A-Z0-9])", re.I)
_PERIOD_CODE = re.compile(
    r"((\d\d?[/.-])?\d\d?[/.-](19|20)\d\d|(19|20)\d\d[/.-](\d\d?|Q[1-4])([/.-]\d\d?)?"
    r"|Q[1-4][/.-](19|20)\d\d)",
    re.I,
)
"""`2026-10-01`, `01/10/2026`: a date; `11/2024`, `2024-11`: a month; `2024-25`: a financial
year; `2026-Q2`: a quarter."""
_ANOTHER_THINGS_NUMBER = re.compile(
    r"(?:\b(?:customer|client|account|member(?:ship)?|contract|policy|case|ticket|tracking|"
    r"licen[cs]e|serial|kunden|vertrags?|mitglieds?|versicherungs?|anlagen?|akten|vorgangs|"
    r"cliente|contrato|socio|p[óo]liza|contrat|adh[ée]rent|dossier)\s*(?:" + _NUMBER_WORD + r"|"
    r"#|id\b)?|(?:契約|会員|お客様|顧客|証券)番号)\s*[:：.]?\s*\(?#?$",
    re.I,
)
"""A number named as another thing's just before it: a contract (`Vertragsnr. HV-228190`), a
customer, an account, a ticket, a plant (`Anlage Nr. PV-0937`), 会員番号. An order's or a
booking's number stays: "the invoice for order ACM-77314" asks for that order's invoice."""
_STRIPE_ID = re.compile(r"(?<![A-Za-z0-9_])((?:ch|py|pi|in|sub)_[A-Za-z0-9]{6,})(?![A-Za-z0-9_])")
_URL_OR_ADDRESS = re.compile(r"https?://\S+|[\w.+-]+@[\w-]+\.[\w.-]+")


def _looks_like_invoice_number(prefix: str, before: str) -> bool:
    has_letter = any(ch.isalpha() for ch in prefix)
    has_digit = any(ch.isdigit() for ch in prefix)
    if has_letter and has_digit:
        return True
    if has_letter:
        return prefix.isupper()
    return bool(_INVOICE_WORD.search(before))


def find_invoice_numbers(text: str) -> list[tuple[str, int, int]]:
    """Invoice numbers, upper-cased, with spans: Stripe's (`ABCD1234-0001`, `invoice
    #1234-0001`) and the customer's own ways of writing one (`F-2026-0077`, `#INV-20931`,
    `Rechnung Nr. 4471`, `請求書番号 4471`)."""
    text = _URL_OR_ADDRESS.sub(lambda m: " " * len(m.group()), text)
    found = [
        (m.group().lstrip("#").upper(), m.start(), m.end()) for m in _INVOICE_CODE.finditer(text)
    ]
    for match in _INVOICE_NUMBER.finditer(text):
        prefix = match.group(1)
        before = text[max(0, match.start() - 20) : match.start()]
        if _looks_like_invoice_number(prefix, before) and not _another_things(text, match):
            found.append((match.group().upper(), match.start(), match.end()))
    for match in _LETTERED_NUMBER.finditer(text):
        if not _another_things(text, match):
            found.append((match.group(), match.start(), match.end()))
    for match in _HASH_NUMBER.finditer(text):
        nearby = _INVOICE_NEARBY.search(text[max(0, match.start() - 30) : match.end() + 30])
        if nearby and not _another_things(text, match):
            found.append((match.group(1), match.start(), match.end()))
    for match in _NUMBERED_INVOICE.finditer(text):
        number = match.group(3)
        if match.group(2) or not _YEAR.fullmatch(number):  # "invoice 2025" names a year
            found.append((number, match.start(3), match.end(3)))
    found += _codes_after_an_invoice_word(text)
    return _without_overlaps(found)


def _another_things(text: str, match: re.Match[str]) -> bool:
    """The number is named as a contract's, a customer's or a ticket's, not an invoice's."""
    before = text[max(0, match.start() - 30) : match.start()]
    return _ANOTHER_THINGS_NUMBER.search(before) is not None


def _codes_after_an_invoice_word(text: str) -> list[tuple[str, int, int]]:
    """`invoice PL-IE-2025-0219`, `Rechnungen 000482 und 000517`, `facture n° ESC-TN-2025-0087`,
    `領収書No.0004512`, `請求書番号 KM-240615-0042`: one code, or two joined by "and", right
    after an invoice or receipt word (`reçu n° 00457`, `factura nro 0003-00004521`, a slip
    such as `invoce 1047` or `inovice 2024-0311`). A date, a month (`Rechnung 11/2024`), a
    financial year (`2024-25`), a quarter (`2026-Q2`), a year without a number word ("invoice
    2025") or an amount is not one."""
    found: list[tuple[str, int, int]] = []
    for word in _WORD_BEFORE_A_CODE.finditer(text):
        code = _CODE.match(text, word.end())
        while code is not None:
            number = code.group(1)
            if _PERIOD_CODE.fullmatch(number) or (not word.group(1) and _YEAR.fullmatch(number)):
                break
            found.append((number.upper(), code.start(1), code.end(1)))
            joined = _AND.match(text, code.end())
            code = _CODE.match(text, joined.end()) if joined else None
    return found


def _without_overlaps(found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    kept: list[tuple[str, int, int]] = []
    for number, start, end in sorted(found, key=lambda f: (f[1], -f[2])):
        if not kept or start >= kept[-1][2]:
            kept.append((number, start, end))
    return kept


def find_stripe_ids(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(1), m.start(), m.end()) for m in _STRIPE_ID.finditer(text)]


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """Blank out spans (keeping offsets) so later readers do not see them twice."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def mask_urls_and_addresses(text: str) -> str:
    return _URL_OR_ADDRESS.sub(lambda m: " " * len(m.group()), text)
