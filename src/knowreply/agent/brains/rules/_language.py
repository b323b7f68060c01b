"""Which language a customer wrote in: English or Japanese."""

from __future__ import annotations

import re

from knowreply.agent.brains.rules.understanding import Language

_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
_LATIN = re.compile(r"[A-Za-z]")
_NOT_PROSE = re.compile(r"https?://\S+|\S+@\S+|\b[A-Za-z]{2,4}_[A-Za-z0-9]+|\b[A-Z0-9]{3,12}-\d{4}")

JAPANESE_CHAR_WEIGHT = 2.5
"""A Japanese character carries about as much as two or three Latin letters."""


def detect_language(text: str) -> Language:
    """Japanese when kana/kanji outweigh Latin letters (ids, links and addresses not counted)."""
    prose = _NOT_PROSE.sub(" ", text)
    japanese = len(_JAPANESE.findall(prose))
    latin = len(_LATIN.findall(prose))
    if japanese and japanese * JAPANESE_CHAR_WEIGHT >= latin:
        return "ja"
    return "en"
