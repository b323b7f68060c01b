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
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12,
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
        r"(?<![\d/])(?P<month>\d{1,2})/(?P<day>\d{1,2})(?:/(?P<year>\d{4}|\d{2}))?(?![\d/])"
    ),
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?", re.I),
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
_RELATIVE_DAYS = re.compile(
    r"\b(yesterday|today|ayer|hoy|aujourd'hui|gestern|heute)\b|(昨日|今日|本日)", re.I
)
_YESTERDAY = frozenset({"yesterday", "ayer", "gestern", "昨日"})
_EN_MONTH = re.compile(r"\b" + _MONTH + r"(?:\s+(?:of\s+|de\s+)?,?\s*" + _YEAR + r")?", re.I)
_JA_MONTH = re.compile(
    r"(?:(?P<year>\d{4})\s?年\s?)?(?<!\d)(?P<month>\d{1,2})\s?月(?!\s?\d{1,2}\s?日)"
)
_RELATIVE_MONTH = re.compile(
    r"\b(?P<last>last|previous|past)\s+month\b|\b(?P<next>next|coming)\s+month\b|\bthis\s+month\b|"
    r"(?P<ja_last>先月|前月)|(?P<ja_next>来月|翌月)|今月|当月|"
    r"\b(?P<es_last>mes\s+(?:pasado|anterior))\b|\b(?P<es_next>(?:pr[oó]ximo\s+mes|mes\s+que\s+viene))\b|"
    r"\beste\s+mes\b|"
    r"\b(?P<fr_last>mois\s+(?:dernier|pr[ée]c[ée]dent))\b|\b(?P<fr_next>mois\s+prochain)\b|"
    r"\bce\s+mois(?:-ci)?\b|"
    r"\b(?P<de_last>(?:letzte[nm]?|vorige[nm]?)\s+Monat|Vormonat)\b|"
    r"\b(?P<de_next>(?:n[äa]chste[nm]?|kommende[nm]?)\s+Monat)\b|\b(?:diese[nm]?)\s+Monat\b",
    re.I,
)
_LAST = ("last", "ja_last", "es_last", "fr_last", "de_last")
_NEXT = ("next", "ja_next", "es_next", "fr_next", "de_next")
_MAY_CONTEXT = re.compile(r"(\b(in|for|of|from|since|during|last|this|early|late|mid)\s+$)", re.I)
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


def _full_year(year: str) -> int:
    return int(year) + 2000 if len(year) == 2 else int(year)


def _date_from(match: re.Match[str], today: date) -> date | None:
    groups = match.groupdict()
    name = groups.get("name")
    month = _MONTH_NAMES[name.lower()] if name else int(groups["month"])
    day = int(groups["day"])
    if groups.get("year"):
        try:
            return date(_full_year(groups["year"]), month, day)
        except ValueError:
            return None
    return _most_recent(month, day, today)


def _is_month_name(match: re.Match[str], text: str) -> bool:
    """`may` and abbreviations are ordinary words too often to trust without a sign."""
    name = match.group("name")
    if name.lower() in _FOREIGN_MONTH_NAMES:
        return True
    if name.lower() == "may":
        before = text[max(0, match.start() - 12) : match.start()]
        after = text[match.end() : match.end() + 20]
        return name == "May" and bool(
            match.group("year") or _MAY_CONTEXT.search(before) or _BILLING_NOUN_AFTER.match(after)
        )
    if len(name.rstrip(".")) <= 4 and name.lower() not in ("june", "july"):
        return name[0].isupper()
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
        return not any(s < end and start < e for s, e in taken)

    for match in _EN_MONTH.finditer(text):
        if free(match.start(), match.end()) and _is_month_name(match, text):
            year = int(match.group("year")) if match.group("year") else None
            found.append(
                Found(
                    MonthRef(year, _MONTH_NAMES[match.group("name").lower()]),
                    match.start(),
                    match.end(),
                )
            )
    for match in _JA_MONTH.finditer(text):
        month = int(match.group("month"))
        if 1 <= month <= 12 and free(match.start(), match.end()):
            year = int(match.group("year")) if match.group("year") else None
            found.append(Found(MonthRef(year, month), match.start(), match.end()))
    for match in _RELATIVE_MONTH.finditer(text):
        anchor = today.replace(day=1)
        if any(match.group(group) for group in _LAST):
            anchor = anchor - timedelta(days=1)
        elif any(match.group(group) for group in _NEXT):
            anchor = (anchor + timedelta(days=32)).replace(day=1)
        found.append(Found(MonthRef(anchor.year, anchor.month), match.start(), match.end()))
    return sorted(found, key=lambda f: f.start)
