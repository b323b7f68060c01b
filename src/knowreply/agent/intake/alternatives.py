"""A large alternation that tries only the alternatives a text can match.

Python's `re` tries every alternative of `a|b|c…` at every position of the text: a mention
pattern of a few hundred alternatives took about a millisecond per sentence, two thirds of
the request check's time. Most alternatives hold a word that any text they match must hold
("refund", "返金"). `Alternation` finds such a word for each top-level alternative once; for a
text it searches only the alternatives whose word the text holds and merges their matches as
the alternation would. An alternative that cannot match anywhere in a text never changes what
the alternation finds there, so the matches are the same as the whole pattern's.

Words are compared case-folded as `re.IGNORECASE` compares them: lower case, with the few
letters that `re` also matches to another (dotless ı and i, long ſ and s, the Kelvin sign and
k) folded to one. The fold only has to keep every real match: a text that holds a word only
after folding merely has that alternative searched.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator, Sequence
from typing import Any

# `re`'s own parser and its table of the extra case-insensitive matches (Python 3.11+).
_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")
_casefix: Any = importlib.import_module("re._casefix")

_FOLD = str.maketrans(
    {
        chr(extra): chr(min([code, *others]))
        for code, others in _casefix._EXTRA_CASES.items()
        for extra in (code, *others)
    }
    | {"\u0130": "i", "\u212a": "k", "\u212b": "\u00e5"}
)
"""Characters `re.IGNORECASE` matches beyond `str.lower`, folded to one representative
(İ, whose `lower()` is two characters, to i; the Kelvin and Ångström signs to k and å)."""

_BACKREFERENCE = re.compile(r"(?<!\\)(\\\\)*\\[1-9]|\(\?P=")
Requirement = frozenset[str]
"""Folded words of which a text must hold at least one for an alternative to match it."""


def fold(text: str) -> str:
    return text.translate(_FOLD).lower().translate(_FOLD)


def split_alternatives(source: str) -> list[str]:
    """The top-level alternatives of a pattern's source: split at each `|` outside groups
    and character classes."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]" or source[i - 1] == "[" or source[i - 2 : i] == "[^"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts


def _best(requirements: Sequence[Requirement]) -> Requirement | None:
    """The requirement whose shortest word is longest: the rarest to hold by chance."""
    usable = [r for r in requirements if r and all(len(w) >= 2 or not w.isascii() for w in r)]
    return max(usable, key=lambda r: (min(map(len, r)), -len(r)), default=None)


def _requirement(items: Any) -> Requirement | None:
    """A requirement of a parsed sequence: a run of literal characters it must consume, or a
    group of alternatives that each have one."""
    found: list[Requirement] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            found.append(frozenset({fold("".join(run))}))
            run.clear()

    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if op is _c.AT:
            continue  # \b, ^, $ consume nothing: the letters around them stay adjacent
        close_run()
        if op is _c.SUBPATTERN:
            inner = _requirement(av[3])
            if inner is not None:
                found.append(inner)
        elif op is _c.BRANCH:
            each = [_requirement(alternative) for alternative in av[1]]
            if each and all(each):
                found.append(frozenset().union(*(r for r in each if r)))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            inner = _requirement(av[2])
            if inner is not None:
                found.append(inner)
        # lookarounds, classes, optional parts and the rest require nothing here
    close_run()
    return _best(found)


class Alternation:
    """A compiled alternation that scans a text with only the alternatives it can match.

    The alternatives are compiled one by one, the first time a text holds their word, and
    their matches merged as the alternation finds them: the leftmost, and at one position
    the first alternative in order. That needs every alternative to consume a character.
    A match's span and text are the alternation's; its groups, `.re` and `.pos` are those of
    the one alternative that found it (groups numbered within it). Callers of the mention
    patterns read only the span and the text."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if _BACKREFERENCE.search(pattern.pattern):
            raise ValueError("a backreference would point elsewhere once alternatives are left out")
        self.pattern = pattern
        self._alternatives = split_alternatives(pattern.pattern)
        parsed = [_parser.parse(alternative, pattern.flags) for alternative in self._alternatives]
        if any(alternative.getwidth()[0] == 0 for alternative in parsed):
            raise ValueError("an alternative that matches an empty text cannot be merged")
        self._requirements = [_requirement(alternative) for alternative in parsed]
        self._words = sorted(frozenset().union(*(r for r in self._requirements if r)))
        self._compiled: dict[int, re.Pattern[str]] = {}

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        folded = fold(text)
        held = {word for word in self._words if word in folded}
        chosen = [
            self._alternative(i)
            for i, requirement in enumerate(self._requirements)
            if requirement is None or requirement & held
        ]
        if len(chosen) <= 1:
            return chosen[0].finditer(text) if chosen else iter(())
        return _merged(chosen, text)

    def _alternative(self, index: int) -> re.Pattern[str]:
        if index not in self._compiled:
            self._compiled[index] = re.compile(self._alternatives[index], self.pattern.flags)
        return self._compiled[index]


def _merged(patterns: Sequence[re.Pattern[str]], text: str) -> Iterator[re.Match[str]]:
    """`finditer` of the patterns' alternation: at the leftmost position any of them matches,
    the first of them that matches there; then on from the end of that match."""
    position = 0
    upcoming = [pattern.search(text) for pattern in patterns]
    while True:
        first: re.Match[str] | None = None
        for i, found in enumerate(upcoming):
            if found is not None and found.start() < position:
                found = upcoming[i] = patterns[i].search(text, position)
            if found is not None and (first is None or found.start() < first.start()):
                first = found
        if first is None:
            return
        yield first
        position = first.end()
