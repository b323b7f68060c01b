"""Split a newly written batch of the intent corpus once: move about a third of it, stratified
by primary intent with a seeded shuffle, from `dev/` to `heldout/`.

    python scripts/split_corpus_batch.py --first-id 1000 --seed 20261201

A batch is every `dev/` email of a language whose id number is at least `--first-id`; run this
once per batch, right after it is written and before anyone reads the model's output for it
(corpus/README.md). Lines are moved byte for byte, in file order.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from collections import defaultdict
from pathlib import Path

CORPUS = Path(__file__).parents[1] / "src/knowreply/agent/brains/rules/corpus"
SHARE = 0.30


def _number(line: str) -> int:
    return int(json.loads(line)["id"].rsplit("-", 1)[1])


def split_language(language: str, first_id: int, seed: int) -> tuple[int, int]:
    """Move the held-out share of one language's batch; answer (batch size, moved)."""
    dev_path = CORPUS / "dev" / f"{language}.jsonl"
    heldout_path = CORPUS / "heldout" / f"{language}.jsonl"
    lines = [line for line in dev_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_intent: defaultdict[str, list[int]] = defaultdict(list)
    for index, line in enumerate(lines):
        if _number(line) >= first_id:
            by_intent[json.loads(line)["intents"][0]].append(index)
    chosen: set[int] = set()
    shuffle = random.Random(f"{seed}-{language}")  # noqa: S311 (a reproducible split, not a secret)
    for intent in sorted(by_intent):
        indexes = by_intent[intent]
        shuffle.shuffle(indexes)
        chosen.update(indexes[: math.ceil(len(indexes) * SHARE)])
    kept = [line for index, line in enumerate(lines) if index not in chosen]
    moved = [line for index, line in enumerate(lines) if index in chosen]
    dev_path.write_text("".join(f"{line}\n" for line in kept), encoding="utf-8")
    with heldout_path.open("a", encoding="utf-8") as heldout:
        heldout.writelines(f"{line}\n" for line in moved)
    return sum(map(len, by_intent.values())), len(moved)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first-id", type=int, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--languages", nargs="+", default=["en", "ja", "es", "fr", "de"])
    arguments = parser.parse_args()
    for language in arguments.languages:
        size, moved = split_language(language, arguments.first_id, arguments.seed)
        print(f"{language}: batch of {size}, {moved} moved to heldout/")


if __name__ == "__main__":
    main()
