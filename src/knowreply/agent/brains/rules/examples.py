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
BATCHES = {
    1: range(1, 1000),
    2: range(1000, 3000),
    3: range(3000, 4000),
    4: range(4000, 5000),
    5: range(5000, 6000),
    6: range(6000, 7000),
    7: range(7000, 8000),
    8: range(8000, 9000),
    9: range(9000, 10_000),
    10: range(10_000, 11_000),
    11: range(11_000, 12_000),
    12: range(12_000, 13_000),
    13: range(13_000, 14_000),
    14: range(14_000, 15_000),
    15: range(15_000, 16_000),
    16: range(16_000, 17_000),
    17: range(17_000, 18_000),
    18: range(18_000, 19_000),
    19: range(19_000, 20_000),
    20: range(20_000, 21_000),
    21: range(21_000, 22_000),
    22: range(22_000, 23_000),
    23: range(23_000, 24_000),
    24: range(24_000, 25_000),
    25: range(25_000, 26_000),
    26: range(26_000, 27_000),
    27: range(27_000, 28_000),
    28: range(28_000, 29_000),
    29: range(29_000, 30_000),
    30: range(30_000, 31_000),
    31: range(31_000, 32_000),
    32: range(32_000, 33_000),
    33: range(33_000, 34_000),
    34: range(34_000, 35_000),
}
"""Each batch's id numbers (`<lang>-NNNN`), as `corpus/README.md` lists them: a batch was
written at once and split once, so its held-out part can be scored on its own."""


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


def id_number(example_id: str) -> int:
    """The number of `<lang>-NNNN`."""
    return int(example_id.rsplit("-", 1)[1])


def batch_of(example_id: str) -> int:
    """The batch of `BATCHES` an example's number falls in: its writers."""
    number = id_number(example_id)
    for batch, numbers in BATCHES.items():
        if number in numbers:
            return batch
    raise ValueError(f"{example_id} is in no batch of examples.BATCHES: add its batch there")


def load(
    split: Split, *, languages: tuple[str, ...] = LANGUAGES, batch: int | None = None
) -> list[Example]:
    """Every example of a split (of one batch), in file order; a language without a file has
    none."""
    examples: list[Example] = []
    for language in languages:
        path = CORPUS_DIR / split / f"{language}.jsonl"
        if not path.exists():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            example = _parse(line, f"{path.name}:{number}")
            if batch is None or id_number(example.id) in BATCHES[batch]:
                examples.append(example)
    return examples
