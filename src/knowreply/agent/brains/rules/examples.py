"""The labelled intent corpus (`corpus/{dev,heldout}/<lang>.jsonl`): what the model is fitted
from and measured on. See `corpus/README.md` for the format and the labelling rules."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from knowreply.agent.brains.rules.understanding import Intent

Split = Literal["dev", "heldout"]
CORPUS_DIR = Path(__file__).parent / "corpus"
LANGUAGES = ("en", "ja", "es", "fr", "de")


@dataclass(frozen=True)
class Example:
    """One labelled email; `intents[0]` is the primary intent."""

    id: str
    lang: str
    intents: tuple[Intent, ...]
    subject: str
    body: str


def _parse(line: str, where: str) -> Example:
    raw = json.loads(line)
    intents = tuple(Intent(value) for value in raw["intents"])
    if not intents:
        raise ValueError(f"{where}: no intent")
    return Example(raw["id"], raw["lang"], intents, raw.get("subject", ""), raw["body"])


def load(split: Split, *, languages: tuple[str, ...] = LANGUAGES) -> list[Example]:
    """Every example of a split, in file order; a language without a file has none."""
    examples: list[Example] = []
    for language in languages:
        path = CORPUS_DIR / split / f"{language}.jsonl"
        if not path.exists():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                examples.append(_parse(line, f"{path.name}:{number}"))
    return examples
