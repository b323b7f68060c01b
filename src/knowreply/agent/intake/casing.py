"""Capitals put back into mail written all in capitals or all in small letters.

The check tells a name from a word by its capital: "cancel the plan for Dana Whitfield" is
someone else's plan, "Julie Mercer" under "Thanks," starts a signature whose footer ("to
cancel an appointment, call…") asks for nothing. Mail shouted in capitals or typed in small
letters has no capitals to tell them by, so before it is read each word gets the case it has
most often in the mixed-case emails of the corpus's `dev/` part ("for", "Dana", "IBAN",
"I'm"), and each line and sentence starts with a capital, as mail written normally does.

A word the corpus never has is given a capital: in mail, most such words are names, and a
name read as a word can make someone else's account the writer's, while a word read as a
name at most sends an ask to a person.
"""

from __future__ import annotations

import json
import platform
import re
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path
from typing import TypeGuard

from knowreply import disk_cache

CORPUS_DEV = Path(__file__).parents[1] / "brains" / "rules" / "corpus" / "dev"
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]")
_STARTS_A_SENTENCE = re.compile(r"(?:\A|[.!?]\s|\n)[\W\d_]*\Z")
"""What comes before a sentence's first word: the text's start, an end of sentence or a line
break, then only marks, digits or spaces."""
MIN_LETTERS = 12
"""Fewer Latin letters than this ("OK", "REFUND") say nothing about how the writer types."""


def is_caseless(text: str) -> bool:
    """Written all in capitals or all in small letters (at least `MIN_LETTERS` Latin letters)."""
    letters = _latin_letters(text)
    return len(letters) >= MIN_LETTERS and not _has_both_cases(letters)


def _has_both_cases(text: str) -> bool:
    letters = _latin_letters(text)
    return not (letters.isupper() or letters.islower())


def _latin_letters(text: str) -> str:
    return "".join(_LATIN_LETTER.findall(text))


def _starts_a_sentence(text: str, position: int) -> bool:
    return _STARTS_A_SENTENCE.search(text, max(0, position - 40), position) is not None


@cache
def usual_forms() -> dict[str, str]:
    """Each word of the mixed-case `dev/` bodies, lower-cased, and its most frequent form
    where a sentence does not start with it (ties go to small letters). Counting them takes
    seconds of CPU, which every worker process would spend at its start, so they are counted
    once for each corpus and version of this code and kept in the disk cache."""
    paths = sorted(CORPUS_DEV.glob("*.jsonl"))
    if not paths:  # every word would read as a name: fail loudly, not toward a person unseen
        raise FileNotFoundError(f"the corpus's dev/ part is missing: {CORPUS_DEV}")
    versions = (f"python {platform.python_version()}",)  # str.lower and \w follow Unicode's
    name = f"usual-forms-{disk_cache.content_key([*paths, Path(__file__)], versions=versions)}.json"
    cached = disk_cache.read_json(name)
    if _are_forms(cached):
        return cached
    forms = _counted_forms(paths)
    disk_cache.write_json(name, forms)
    return forms


def _are_forms(value: object) -> TypeGuard[dict[str, str]]:
    return isinstance(value, dict) and all(
        isinstance(key, str) and isinstance(form, str) for key, form in value.items()
    )


def _counted_forms(paths: list[Path]) -> dict[str, str]:
    counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            body = json.loads(line)["body"] if line.strip() else ""
            if not _has_both_cases(body):
                continue
            for word in WORD.finditer(body):
                if not _starts_a_sentence(body, word.start()):
                    counts[word.group().lower()][word.group()] += 1
    return {
        key: max(forms, key=lambda form: (forms[form], form == key))
        for key, forms in counts.items()
    }


def _usual_form(word: str, forms: dict[str, str]) -> str:
    """The word's usual form; a possessive or contraction not seen whole takes its stem's
    ("WHITFIELD'S" as "Whitfield" is written); a word never seen gets a capital."""
    key = word.lower()
    if key in forms:
        return forms[key]
    stem, apostrophe, rest = key.partition("'") if "'" in key else key.partition("’")
    if apostrophe and stem in forms:
        return forms[stem] + apostrophe + rest
    return word.capitalize()


def recased(text: str) -> str:
    """`text` with each word in its usual case and each sentence's first word capitalised."""
    forms = usual_forms()

    def one(word: re.Match[str]) -> str:
        form = _usual_form(word.group(), forms)
        if _starts_a_sentence(text, word.start()):
            return form[:1].upper() + form[1:]
        return form

    return WORD.sub(one, text)


def in_usual_case(text: str, subject: str, thread: str) -> tuple[str, str, str]:
    """An email's new words, subject and quoted thread, recased where typed without case: the
    subject along with the words (a short subject alone says too little), the thread alone."""
    if is_caseless(text):
        text = recased(text)
        if not _has_both_cases(subject):
            subject = recased(subject)
    if is_caseless(thread):
        thread = recased(thread)
    return text, subject, thread
