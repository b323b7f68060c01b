"""Turning bytes in any declared (or wrongly declared) charset into text, never failing."""

from __future__ import annotations

import codecs

_ALIASES = {
    "x-sjis": "shift_jis",
    "sjis": "shift_jis",
    "x-euc-jp": "euc_jp",
    "ks_c_5601-1987": "cp949",
    "x-gbk": "gbk",
    "unicode-1-1-utf-7": "utf-7",
    "x-unknown": "utf-8",
    "unknown-8bit": "utf-8",
    "unknown": "utf-8",
    "default": "utf-8",
}
"""Labels seen in real mail that Python's codec registry does not know."""

_TRY_ORDER = {
    "ascii": ("utf-8", "cp1252", "latin-1"),
    "iso8859-1": ("cp1252", "iso8859-1"),
}
"""us-ascii mail is often really UTF-8; latin-1 mail is often really windows-1252."""

_SUPERSETS = {
    "shift_jis": "cp932",
    "iso2022_jp": "iso2022_jp_2",
    "euc_jp": "euc_jis_2004",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
}
"""Mail labelled with a charset often uses its vendor superset (windows-1252, cp932…)."""


def codec_name(charset: str | None) -> str | None:
    """The Python codec for a MIME charset label, or None when unknown."""
    if not charset:
        return None
    label = charset.strip().strip('"').lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except (LookupError, ValueError):
        return None


def decode_bytes(data: bytes, charset: str | None) -> tuple[str, str | None]:
    """Decode ``data``; returns the text and a defect description when it was not clean."""
    declared = codec_name(charset)
    candidates: tuple[str | None, ...]
    if declared in _TRY_ORDER:
        candidates = _TRY_ORDER[declared]
    elif declared is None:
        candidates = ("utf-8", "cp1252")
    else:
        candidates = (declared, _SUPERSETS.get(declared), "utf-8")
    for name in candidates:
        if name is None:
            continue
        try:
            return data.decode(name), _unknown(charset, declared)
        except (UnicodeDecodeError, LookupError):
            continue
    fallback = declared or "utf-8"
    text = data.decode(fallback, errors="replace")
    return text, f"undecodable bytes in charset {charset or 'unspecified'} were replaced"


def _unknown(charset: str | None, declared: str | None) -> str | None:
    if charset and declared is None:
        return f"unknown charset {charset!r}"
    return None
