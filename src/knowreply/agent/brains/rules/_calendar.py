"""Months and dates a customer names: `March`, `2026年3月`, `last month`, `March 3`, `3/3/2026`,
and the same in Spanish, French and German (`marzo de 2026`, `le mois dernier`, `3. März`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from knowreply.agent.brains.rules.understanding import MonthRef

_MONTH_NAMES = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_FOREIGN_MONTH_NAMES = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    "januar": 1, "jänner": 1, "feber": 2, "februar": 2, "märz": 3, "maerz": 3, "juni": 6,
    "juli": 7, "auguscht": 8, "oktober": 10, "dezember": 12,
    "marz": 3, "janv": 1, "févr": 2, "fevr": 2, "avr": 4, "juil": 7, "déc": 12, "mär": 3,
    "okt": 10, "dez": 12,
}  # fmt: skip
"""Spanish, French and German month names; written in lower case too, so always trusted."""
_MONTH_NAMES.update(_FOREIGN_MONTH_NAMES)
_MONTH = r"(?P<name>" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\b\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|\.)?(?!\d)"
_YEAR = r"(?P<year>\d{4})(?!\d)"

_DATE_PATTERNS = (
    re.compile(r"(?<!\d)(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)"),
    re.compile(r"(?:(?P<year>\d{4})\s?年\s?)?(?P<month>\d{1,2})\s?月\s?(?P<day>\d{1,2})\s?日"),
    re.compile(
        r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4}|\d{2})(?![\d.]?\d)"
    ),
    re.compile(r"(?<![\d-])(?P<day>\d{1,2})-(?P<month>\d{1,2})-(?P<year>\d{4})(?![\d-])"),
    re.compile(
        r"(?<![\d/])(?P<month>\d{1,2})/(?P<day>\d{1,2})(?:/(?P<year>\d{4}|\d{2}))?(?![\d/])"
    ),
    # German day and month without a year, after a preposition: "am 1.12.", "vom 15.11."
    re.compile(
        r"(?:(?<=\bam )|(?<=\bvom )|(?<=\bzum )|(?<=\bbis )|(?<=\bab )|(?<=\bden )|"
        r"(?<=\bdem )|(?<=\bper ))(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?!\d)",
        re.I,
    ),
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?", re.I),
    re.compile(
        r"\b(?:am|vom|zum|bis|seit|ab|le|du|el|del)\s+(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?!\d)",
        re.I,
    ),
    re.compile(
        r"(?<![\d.])"
        + _DAY
        + r"\s+(?:of\s+|de\s+)?"
        + _MONTH
        + r"(?:,?\s+(?:de\s+)?"
        + _YEAR
        + r")?",
        re.I,
    ),
)
_DAY_OF_MONTH = re.compile(
    r"\bthe\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:month|day|time|week|year|quarter|invoice"
    r"|payment))|"
    r"\b(?:vom|am)\s+(?P<de_day>\d{1,2})\.(?!\d|\s*(?:Quartal|Halbjahr))|"
    r"\bd[ií]a\s+(?P<es_day>\d{1,2})\b(?![.,]?\d)|"
    r"\bdu\s+(?P<fr_day>\d{1,2})(?:er)?\b(?![.,]?\d|\s*(?:[%€$]|(?:mois|jours?|ans?|trimestres?|semestres?)\b))|"
    r"(?<![\d月年])(?P<ja_day>\d{1,2})\s?日(?:の|に|付)",
    re.I,
)
"""A day of the month named alone (`the 9th`, `Rechnung vom 3.`, `el día 9`, `du 15`,
`15日の`): the most recent such day."""
_RELATIVE_DAYS = re.compile(
    r"\b(yesterday|today|ayer|hoy|aujourd'hui|gestern|heute)\b|(昨日|今日|本日)", re.I
)
_DAYS_AGO = re.compile(
    r"\b(?P<n>\d{1,2}|two|three|four|five|six)\s+days\s+ago\b|"
    r"\bhace\s+(?P<es_n>\d{1,2}|dos|tres|cuatro|cinco|seis)\s+d[ií]as\b|"
    r"\bil\s+y\s+a\s+(?P<fr_n>\d{1,2}|deux|trois|quatre|cinq|six)\s+jours\b|"
    r"\bvor\s+(?P<de_n>\d{1,2}|zwei|drei|vier|fünf|sechs)\s+Tagen\b|(?P<ja_n>\d{1,2})\s?日前",
    re.I,
)
"""`6 days ago`, `hace 3 días`, `il y a 2 jours`, `vor 4 Tagen`, `5日前`."""
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "lunes": 0, "martes": 1, "miercoles": 2, "miércoles": 2, "jueves": 3,
    "viernes": 4, "sabado": 5, "sábado": 5, "domingo": 6, "lundi": 0, "mardi": 1, "mercredi": 2,
    "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6, "montag": 0, "dienstag": 1,
    "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonntag": 6, "月": 0, "火": 1,
    "水": 2, "木": 3, "金": 4, "土": 5, "日": 6,
}  # fmt: skip
_WEEKDAY = re.compile(
    r"\b(?:on|last|this\s+past)\s+(?P<en>(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|"
    r"\b(?:el|del)\s+(?P<es>lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)\b|"
    r"\b(?:de|du)\s+(?P<fr>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b|"
    r"\b(?:am|vom|von|letzten)\s+(?P<de>Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)"
    r"\b|(?P<ja>[月火水木金土日])曜日?の",
    re.I,
)
"""A weekday the customer paid or was billed on (`on Monday`, `el lunes`, `de lundi`,
`vom Montag`, `月曜日の`): the most recent one before today."""
_YESTERDAY = frozenset({"yesterday", "ayer", "gestern", "昨日"})
_EN_MONTH = re.compile(r"\b" + _MONTH + r"(?:\s+(?:of\s+|de\s+)?,?\s*" + _YEAR + r")?", re.I)
_JA_MONTH = re.compile(
    r"(?:(?P<year>\d{4})\s?年\s?|(?P<ja_last_year>昨年|去年|前年)\s?の?\s?)?(?<!\d)(?P<month>\d{1,2})\s?"
    r"(?:月|がつ|(?i:gatsu)\b)(?!\s?\d{1,2}\s?日)"
)
"""`3月`, `2024年3月`, `3がつ`, and romaji `3gatsu` (written where Japanese cannot be typed)."""
_KANA_MONTH = re.compile(
    r"(?:(?<=の)|(?<![\u3040-\u309f\u4e00-\u9fff]))"
    r"(?P<kana>じゅういち|じゅうに|じゅう|いち|さん|ろく|しち|はち|に|し|ご|く)がつ(?!がつ)"
)
"""A month written in kana (`さんがつぶん`, `きょねんのじゅうにがつ`), as a child or someone at a
phone without kanji conversion writes it; not inside other words (`わたしがつかう`, `がつがつ`,
`話しがつかない`)."""
_KANA_NUMBER = {
    "いち": 1, "に": 2, "さん": 3, "し": 4, "ご": 5, "ろく": 6, "しち": 7, "はち": 8, "く": 9,
    "じゅう": 10, "じゅういち": 11, "じゅうに": 12,
}  # fmt: skip
_JA_ERA_MONTH = re.compile(
    r"(?:(?P<era>令和|平成)\s?|(?<![A-Za-z0-9])(?P<era_letter>[RH]))(?P<era_year>\d{1,2}|元)\s?"
    r"(?:年\s?(?P<month>\d{1,2})\s?月|[./](?P<short_month>\d{1,2})(?![\d.,])"
    r"(?=\s?[\u3040-\u30ff\u4e00-\u9fff]))"
)
"""A month in a Japanese era year: `令和7年12月`, `平成31年4月`, and the short forms of business
mail, `R7.12分` and `H31/4の` (only before Japanese: "R7.12" alone is an amount in rand)."""
_ERA_START = {"令和": 2018, "R": 2018, "平成": 1988, "H": 1988}
"""Year N of an era is this year plus N (令和元年 = 2019)."""
_RELATIVE_MONTH = re.compile(
    r"\b(?P<last>last|previous|past)\s+month\b|\b(?P<next>next|coming)\s+month\b|"
    r"\bthis\s+months?\b|"
    r"(?P<ja_last>先月|前月|せんげつ)|(?P<ja_next>来月|翌月)|今月|当月|"
    r"\b(?P<es_last>mes\s+(?:pasado|anterior))\b|\b(?P<es_next>(?:pr[oó]ximo\s+mes|mes\s+que\s+vie"
    r"ne))\b|"
    r"\beste\s+mes\b|"
    r"\b(?P<fr_last>mois\s+(?:dernier|pr[ée]c[ée]dent))\b|\b(?P<fr_next>mois\s+prochain)\b|"
    r"\bce\s+mois(?:-ci)?\b|"
    r"\b(?P<de_last>(?:letzte[nm]?|vorige[nm]?)\s+Monat|Vormonat)\b|"
    r"\b(?P<de_next>(?:n[äa]chste[nm]?|kommende[nm]?)\s+Monat)\b|\b(?:diese[nm]?)\s+Monat\b",
    re.I,
)
_MONTHS_AGO = re.compile(
    r"\b(?P<n>two|three|2|3)\s+months?\s+(?:ago|back|before)\b|\bmonth\s+before\s+last\b|"
    r"(?P<ja_two>先々月|せんせんげつ)|(?P<ja_n>[23])\s?[かヶカケヵ]月前|"
    r"\bhace\s+(?P<es_n>dos|tres|2|3)\s+meses\b|\bmes\s+antepasado\b|"
    r"\bil\s+y\s+a\s+(?P<fr_n>deux|trois|2|3)\s+mois\b|\bavant-dernier\s+mois\b|"
    r"\bvor\s+(?P<de_n>zwei|drei|2|3)\s+Monaten\b|\bvorvorige[nm]?\s+Monat\b|"
    r"\bvorletzte[nm]?\s+Monat\b",
    re.I,
)
"""A month counted back from this one: `two months ago`, `先々月`, `vorletzten Monat`."""
_COUNTS = {
    "two": 2, "dos": 2, "deux": 2, "zwei": 2, "three": 3, "tres": 3, "trois": 3, "drei": 3,
    "four": 4, "cuatro": 4, "quatre": 4, "vier": 4, "five": 5, "cinco": 5, "cinq": 5,
    "fünf": 5, "six": 6, "seis": 6, "sechs": 6,
}  # fmt: skip
_QUARTER = re.compile(
    r"\bQ(?P<q>[1-4])(?:\s*[/']?\s*(?P<year>(?:19|20)?\d\d)(?!\d))?\b|"
    r"第\s?(?P<ja_q>[1-4１-４])\s?四半期|"
    r"\b(?P<last>last|previous|past)\s+quarter\b|\btrimestre\s+(?P<es_fr_last>pasado|anterior|dern"
    r"ier)\b|"
    r"\b(?P<de_last>letzte[nms]?|vorige[nms]?)\s+Quartal\b|(?P<ja_last>前四半期)",
    re.I,
)
"""A quarter: `Q3`, `Q1 2026`, `第2四半期`, `last quarter`; read as its three months."""
_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "primer": 1, "primero": 1, "segundo": 2, "tercer": 3, "tercero": 3, "cuarto": 4,
    "premier": 1, "1er": 1, "deuxième": 2, "deuxieme": 2, "2e": 2, "2ème": 2, "troisième": 3,
    "troisieme": 3, "3e": 3, "3ème": 3, "quatrième": 4, "quatrieme": 4, "4e": 4, "4ème": 4,
    "erste": 1, "ersten": 1, "erstes": 1, "zweite": 2, "zweiten": 2, "zweites": 2, "dritte": 3,
    "dritten": 3, "drittes": 3, "vierte": 4, "vierten": 4, "viertes": 4,
    "1.": 1, "2.": 2, "3.": 3, "4.": 4,
}  # fmt: skip
_ORDINAL_QUARTER = re.compile(
    r"(?<![\w.])(?P<ordinal>"
    + "|".join(re.escape(word) for word in sorted(_ORDINALS, key=len, reverse=True))
    + r")\s*(?:quarter|trimestre|Quartal)s?\b"
    r"(?:\s+(?:of\s+|de\s+|del\s+)?(?P<year>(?:19|20)\d\d)(?!\d))?",
    re.I,
)
"""A quarter by its ordinal: `the third quarter`, `primer trimestre 2026`, `1er trimestre`,
`3. Quartal`."""
_WHOLE_YEAR = re.compile(
    r"\b(?:in|of|from|for|during|de|del|aus|von|f[üu]r|pour|en|durant|early|late|mid|"
    r"(?:calendar|fiscal)\s+year|Kalenderjahr|Gesch[äa]ftsjahr|año|ann[ée]e)\s+"
    r"(?P<year>(?:19|20)\d\d)(?![\d/.,-]?\d)(?!\s?年)|"
    r"(?P<ja_year>(?:19|20)\d\d)\s?年(?:度)?(?:分|の(?=請求書|領収書))|"
    r"\b(?P<before_noun>(?:19|20)\d\d)(?:'s)?\s+(?:invoices|bills|receipts)\b|"
    r"\b(?:invoices|bills|receipts|facturas|factures|Rechnungen|Belege)\s+(?P<after_noun>(?:19|20)"
    r"\d\d)(?![\d/.,-]?\d)",
    re.I,
)
"""A whole year asked for (`all invoices of 2025`, `2024年分`, `my 2025 invoices`,
`Rechnungen 2025`): read as its twelve months."""
_LAST_YEAR = re.compile(
    r"\b(?:last|previous)\s+year(?:'s)?\b|\ba[ñn]o\s+(?:pasado|anterior)\b|"
    r"\bl'ann[ée]e\s+(?:derni[èe]re|pr[ée]c[ée]dente)\b|\bl'an\s+dernier\b|"
    r"\b(?:letzten|vorigen)\s+Jahr(?:es)?\b|\bVorjahr(?:es)?\b|昨年|去年|前年(?!度)",
    re.I,
)
"""Last year as a period of invoices (`last year's invoices`, `las facturas del año pasado`,
`alle Rechnungen vom letzten Jahr`, `昨年の請求書`): read as its twelve months."""
_INVOICES_AFTER = re.compile(
    r"^[^.?!\n]{0,30}?(invoice|\binv\b|bill|receipt|factura|facture|rechnung|請求書|領収書)", re.I
)
_INVOICES_BEFORE = re.compile(
    r"(invoice|\binv\b|bill|receipt|factura|facture|rechnung|請求書|領収書)[^.?!\n+]{0,50}$", re.I
)
_PAYMENTS = re.compile(
    r"\b(paid|payments|pagos|pagamos|paiements|pay[ée]|Zahlungen|bezahlt)\b", re.I
)
"""A year alone is a period of invoices only in a sentence about them, not about what was paid
(`the invoices of 2025`, not `latest invoice and what we paid in 2025`)."""
_LAST_YEAR_AFTER = re.compile(
    r"^,?\s+(?:of\s+)?(?:last|previous)\s+year\b|^\s+(?:del\s+)?a[ñn]o\s+pasado\b|"
    r"^\s+(?:de\s+)?l'ann[ée]e\s+derni[èe]re\b|^\s+(?:des\s+)?(?:letzten|vorigen)\s+Jahres\b",
    re.I,
)
"""`May last year`, `marzo del año pasado`, `juin de l'année dernière`, `März letzten Jahres`."""
_WEEK = re.compile(
    r"\b(?:week|wk|semana|semaine|KW|Kalenderwoche|Woche)\s?(?:no\.?|nr\.?|#)?\s?"
    r"(?P<week>[1-9]|[1-4]\d|5[0-3])\b(?!\s+of\s+(?:the|my|our|your)\s)|"
    r"第\s?(?P<ja_week>[1-9]|[1-4]\d|5[0-3])\s?週",
    re.I,
)
"""A calendar week (`week 12`, `KW 40`, `semaine 7`, `第12週`): read as the month its Thursday
falls in, this year or last (`week 2 of my trial` is no calendar week)."""
_LONG_MONTHS = {name: month for name, month in _MONTH_NAMES.items() if len(name) >= 6}
_LETTERS = re.compile(r"\b[^\W\d_]{6,}\b")
_LAST_QUARTER = ("last", "es_fr_last", "de_last", "ja_last")
_LAST = ("last", "ja_last", "es_last", "fr_last", "de_last")
_NEXT = ("next", "ja_next", "es_next", "fr_next", "de_next")
_MAY_CONTEXT = re.compile(r"(\b(in|for|of|from|since|during|last|this|early|late|mid)\s+$)", re.I)
_ABBREVIATION_CONTEXT = re.compile(r"\b(in|for|of|from|since|during)\s+$", re.I)
"""`for jan`, `inv for sept`: a lower-case abbreviation is a month after a preposition."""
_BILLING_NOUN_AFTER = re.compile(
    r"^\s*('s\s+)?(invoice|bill|charge|payment|statement|receipt|subscription)", re.I
)


@dataclass(frozen=True)
class Found:
    value: date | MonthRef
    start: int
    end: int


def _most_recent(month: int, day: int, today: date) -> date | None:
    """A date given without a year is the last one on or before today (customers look back)."""
    for year in (today.year, today.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate <= today:
            return candidate
    return None


def _last_day_numbered(day: int, today: date) -> date | None:
    """The latest date on or before today whose day of the month is `day`."""
    month_start = today.replace(day=1)
    for _ in range(3):
        try:
            candidate = month_start.replace(day=day)
        except ValueError:
            candidate = None
        if candidate and candidate <= today:
            return candidate
        month_start = (month_start - timedelta(days=1)).replace(day=1)
    return None


def _full_year(year: str) -> int:
    return int(year) + 2000 if len(year) == 2 else int(year)


def _date_from(match: re.Match[str], today: date) -> date | None:
    groups = match.groupdict()
    name = groups.get("name")
    month = _MONTH_NAMES[name.lower()] if name else int(groups["month"])
    day = int(groups["day"])
    if month > 12 >= day:  # `21/09/2025`: most of the world writes the day first
        month, day = day, month
    if groups.get("year"):
        try:
            return date(_full_year(groups["year"]), month, day)
        except ValueError:
            return None
    return _most_recent(month, day, today)


def _is_month_name(match: re.Match[str], text: str) -> bool:
    """`may` and abbreviations are ordinary words too often to trust without a sign (a
    capital, a year after it, a preposition before it; for an abbreviation, a billing noun
    after it)."""
    name = match.group("name")
    if name.lower() in _FOREIGN_MONTH_NAMES:
        return True
    if name.lower() == "may":
        before = text[max(0, match.start() - 12) : match.start()]
        after = text[match.end() : match.end() + 20]
        if name != "May":  # "inv for may pls"; "you may invoice us" is no month
            return bool(match.group("year") or _ABBREVIATION_CONTEXT.search(before))
        return bool(
            match.group("year")
            or _MAY_CONTEXT.search(before)
            or _BILLING_NOUN_AFTER.match(after)
            or _LAST_YEAR_AFTER.match(after)
        )
    if len(name.rstrip(".")) <= 4 and name.lower() not in ("june", "july"):
        before = text[max(0, match.start() - 12) : match.start()]
        after = text[match.end() : match.end() + 20]
        return (
            name[0].isupper()
            or bool(match.group("year"))  # "la fact de sept 2024"
            or bool(_ABBREVIATION_CONTEXT.search(before))
            or bool(_BILLING_NOUN_AFTER.match(after))  # "pls send jan invoice"
        )
    return True


def find_dates(text: str, today: date) -> list[Found]:
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            if match.groupdict().get("name") and not _is_month_name(match, text):
                continue
            value = _date_from(match, today)
            if value:
                found.append(Found(value, match.start(), match.end()))
                taken.append((match.start(), match.end()))
    for match in _DAY_OF_MONTH.finditer(text):
        if not any(s < match.end() and match.start() < e for s, e in taken):
            day = int(next(group for group in match.groups() if group))
            value = _last_day_numbered(day, today)
            if value:
                found.append(Found(value, match.start(), match.end()))
    for match in _DAYS_AGO.finditer(text):
        count = next(group for group in match.groups() if group)
        back = int(_COUNTS.get(count.lower(), count))
        found.append(Found(today - timedelta(days=back), match.start(), match.end()))
    for match in _WEEKDAY.finditer(text):
        if not any(s < match.end() and match.start() < e for s, e in taken):
            weekday = _WEEKDAYS[next(group for group in match.groups() if group).lower()]
            back = (today.weekday() - weekday) % 7 or 7
            found.append(Found(today - timedelta(days=back), match.start(), match.end()))
    for match in _RELATIVE_DAYS.finditer(text):
        word = (match.group(1) or match.group(2)).lower()
        value = today - timedelta(days=1) if word in _YESTERDAY else today
        found.append(Found(value, match.start(), match.end()))
    return sorted(found, key=lambda f: f.start)


def find_months(text: str, today: date, *, dates: list[Found]) -> list[Found]:
    """Months named without a day; spans already read as dates are skipped."""
    taken = [(d.start, d.end) for d in dates]
    found: list[Found] = []

    def free(start: int, end: int) -> bool:
        spans = [*taken, *((f.start, f.end) for f in found)]
        return not any(s < end and start < e for s, e in spans)

    for match in _EN_MONTH.finditer(text):
        if free(match.start(), match.end()) and _is_month_name(match, text):
            year = int(match.group("year")) if match.group("year") else None
            end = match.end()
            last_year = _LAST_YEAR_AFTER.match(text[end : end + 30])
            if year is None and last_year:
                year, end = today.year - 1, end + last_year.end()
            named = _MONTH_NAMES[match.group("name").lower()]
            found.append(Found(MonthRef(year, named), match.start(), end))
    for match in _LETTERS.finditer(text):
        month = _misspelt_month(match.group().lower())
        if month and free(match.start(), match.end()):
            found.append(Found(MonthRef(None, month), match.start(), match.end()))
    for match in _WEEK.finditer(text):
        if free(match.start(), match.end()):
            week = int(match.group("week") or match.group("ja_week"))
            found.append(Found(_month_of_week(week, today), match.start(), match.end()))
    for match in _JA_ERA_MONTH.finditer(text):
        month = int(match.group("month") or match.group("short_month"))
        if 1 <= month <= 12 and free(match.start(), match.end()):
            era = match.group("era") or match.group("era_letter")
            number = match.group("era_year")
            year = _ERA_START[era] + (1 if number == "元" else int(number))
            found.append(Found(MonthRef(year, month), match.start(), match.end()))
    for match in _KANA_MONTH.finditer(text):
        if free(match.start(), match.end()):
            found.append(Found(MonthRef(None, _KANA_NUMBER[match.group("kana")]), *match.span()))
    for match in _JA_MONTH.finditer(text):
        month = int(match.group("month"))
        if 1 <= month <= 12 and free(match.start(), match.end()):
            year = int(match.group("year")) if match.group("year") else None
            year = today.year - 1 if match.group("ja_last_year") else year
            found.append(Found(MonthRef(year, month), match.start(), match.end()))
    for match in _RELATIVE_MONTH.finditer(text):
        anchor = today.replace(day=1)
        if any(match.group(group) for group in _LAST):
            anchor = anchor - timedelta(days=1)
        elif any(match.group(group) for group in _NEXT):
            anchor = (anchor + timedelta(days=32)).replace(day=1)
        found.append(Found(MonthRef(anchor.year, anchor.month), match.start(), match.end()))
    for match in _MONTHS_AGO.finditer(text):
        if free(match.start(), match.end()):
            count = next((n for key, n in match.groupdict().items() if n and key != "ja_two"), None)
            back = int(_COUNTS.get(count.lower(), count)) if count else 2
            found.append(Found(_months_back(today, back), match.start(), match.end()))
    for pattern in (_QUARTER, _ORDINAL_QUARTER):
        for match in pattern.finditer(text):
            if free(match.start(), match.end()):
                found.extend(Found(m, match.start(), match.end()) for m in _quarter(match, today))
    for match in _WHOLE_YEAR.finditer(text):
        year = int(next(group for group in match.groups() if group))
        named_by_invoices = not match.group("year")  # `2025年の請求書`, `Rechnungen 2025`
        if (named_by_invoices or _about_invoices(text, match)) and free(match.start(), match.end()):
            found.extend(Found(MonthRef(year, m), match.start(), match.end()) for m in range(1, 13))
    for match in _LAST_YEAR.finditer(text):
        if _about_invoices(text, match) and free(match.start(), match.end()):
            year = today.year - 1
            found.extend(Found(MonthRef(year, m), match.start(), match.end()) for m in range(1, 13))
    return sorted(found, key=lambda f: f.start)


def _about_invoices(text: str, match: re.Match[str]) -> bool:
    """A year alone names invoices in a sentence about them, not about what was paid."""
    before = _INVOICES_BEFORE.search(text[max(0, match.start() - 80) : match.start()])
    if before:
        return not _PAYMENTS.search(before.group())
    return bool(_INVOICES_AFTER.match(text[match.end() : match.end() + 40]))


def _misspelt_month(word: str) -> int | None:
    """The month a word one slip away from a long month name names ("febuary", "novembr",
    "septmber"): a letter dropped, added, changed, or two swapped after its first three (a
    name such as "Javier" is not "janvier")."""
    if word in _MONTH_NAMES:
        return None
    for name, month in _LONG_MONTHS.items():
        if word[:3] == name[:3] and abs(len(word) - len(name)) <= 1 and _one_slip(word, name):
            return month
    return None


def _one_slip(word: str, name: str) -> bool:
    if len(word) == len(name):
        diff = [i for i, (a, b) in enumerate(zip(word, name, strict=True)) if a != b]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and (word[diff[0]], word[diff[1]]) == (name[diff[1]], name[diff[0]])
        )
    short, long = sorted((word, name), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _month_of_week(week: int, today: date) -> MonthRef:
    """The month the Thursday of ISO week `week` falls in, in the latest year it has begun."""
    for year in (today.year, today.year - 1):
        try:
            thursday = date.fromisocalendar(year, week, 4)
        except ValueError:
            continue
        if thursday - timedelta(days=3) <= today:
            return MonthRef(thursday.year, thursday.month)
    return MonthRef(today.year - 1, 12)


def _months_back(today: date, back: int) -> MonthRef:
    index = today.year * 12 + today.month - 1 - back
    return MonthRef(index // 12, index % 12 + 1)


def _quarter(match: re.Match[str], today: date) -> list[MonthRef]:
    """The quarter's months; without a year, the last such quarter begun on or before today."""
    groups = match.groupdict()
    if any(groups.get(group) for group in _LAST_QUARTER):
        first = _months_back(today, (today.month - 1) % 3 + 3)
        return [MonthRef(first.year, first.month + i) for i in range(3)]
    ordinal = groups.get("ordinal")
    digit = (
        _ORDINALS[ordinal.lower()]
        if ordinal
        else int((groups.get("q") or groups["ja_q"]).translate(_FULL_WIDTH))
    )
    first_month = 3 * (digit - 1) + 1
    if match.group("year"):
        year = _full_year(match.group("year"))
    else:
        year = today.year if first_month <= today.month else today.year - 1
    return [MonthRef(year, first_month + i) for i in range(3)]


_FULL_WIDTH = str.maketrans("１２３４", "1234")
