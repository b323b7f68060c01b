"""Months and dates a customer names: `March`, `2026年3月`, `last month`, `March 3`, `3/3/2026`."""

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
_MONTH = r"(?P<name>" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\b\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?P<year>\d{4})(?!\d)"

_DATE_PATTERNS = (
    re.compile(r"(?<!\d)(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)"),
    re.compile(r"(?:(?P<year>\d{4})\s?年\s?)?(?P<month>\d{1,2})\s?月\s?(?P<day>\d{1,2})\s?日"),
    re.compile(
        r"(?<![\d/])(?P<month>\d{1,2})/(?P<day>\d{1,2})(?:/(?P<year>\d{4}|\d{2}))?(?![\d/])"
    ),
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?", re.I),
    re.compile(r"(?<!\d)" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?", re.I),
)
_RELATIVE_DAYS = re.compile(r"\b(yesterday|today)\b|(昨日|今日|本日)", re.I)
_EN_MONTH = re.compile(r"\b" + _MONTH + r"(?:\s+(?:of\s+)?,?\s*" + _YEAR + r")?", re.I)
_JA_MONTH = re.compile(
    r"(?:(?P<year>\d{4})\s?年\s?)?(?<!\d)(?P<month>\d{1,2})\s?月(?!\s?\d{1,2}\s?日)"
)
_RELATIVE_MONTH = re.compile(
    r"\b(?P<last>last|previous|past)\s+month\b|\b(?P<next>next|coming)\s+month\b|\bthis\s+month\b|"
    r"(?P<ja_last>先月|前月)|(?P<ja_next>来月|翌月)|今月|当月",
    re.I,
)
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
        value = today - timedelta(days=1) if word in ("yesterday", "昨日") else today
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
        if match.group("last") or match.group("ja_last"):
            anchor = anchor - timedelta(days=1)
        elif match.group("next") or match.group("ja_next"):
            anchor = (anchor + timedelta(days=32)).replace(day=1)
        found.append(Found(MonthRef(anchor.year, anchor.month), match.start(), match.end()))
    return sorted(found, key=lambda f: f.start)
