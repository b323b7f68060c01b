"""Cross-validation of the rules brain's intent model on `corpus/dev/` only.

How the model's features, classifier and thresholds are chosen: stratified k-fold (by
language and primary intent, seeded), each fold read by a model that `IntentModel.fit`
fitted from the other folds. Every email is read twice, as the agent reads it:

- `understand` (the model and its write guard): scored like
  `tests/rules_brain/test_intent_model.py` (accuracy per language, billing questions handed
  to a person, writes read for emails that do not ask for one);
- then the brain-neutral explicit-request check (`read_requests` on the same body and
  subject, applied by `only_asked_writes`): the writes it refuses, and the tools the rules
  brain would call, scored like `knowreply eval --split …`.

`heldout/` is never read here: it is measured once, with the model frozen.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from knowreply.agent.brains.rules import Intent, understand
from knowreply.agent.brains.rules.examples import LANGUAGES, Example, load
from knowreply.agent.brains.rules.intent_model import WRITES, IntentModel
from knowreply.agent.intake import read_requests
from knowreply.agent.run import only_asked_writes
from knowreply.evaluation.corpus import CorpusReport, CorpusResult

K = 5
SEED = 0
ASIDE = frozenset({Intent.NOT_BILLING, Intent.UNCLEAR, Intent.VERIFICATION_CODE})


@dataclass(frozen=True)
class Reading:
    """One dev email read by a model that was not fitted from it."""

    example: Example
    understood: tuple[Intent, ...]
    """`understand`'s primary intent, then its secondary ones."""
    through_agent: tuple[Intent, ...]
    """The same after the explicit-request check."""

    @property
    def right(self) -> bool:
        labels = self.example.intents
        return self.understood[0] in labels if len(labels) > 1 else self.understood[0] is labels[0]

    @property
    def unasked_write(self) -> bool:
        return bool(WRITES & set(self.understood)) and not WRITES & set(self.example.intents)

    @property
    def refused_writes(self) -> frozenset[Intent]:
        return WRITES & (set(self.understood) - set(self.through_agent))


def folds(examples: Sequence[Example], k: int = K) -> list[tuple[list[int], list[int]]]:
    """Train and test indexes, stratified by language and primary intent."""
    from sklearn.model_selection import StratifiedKFold

    strata = [f"{e.lang}:{e.intents[0].value}" for e in examples]
    splitter = StratifiedKFold(n_splits=k, shuffle=True, random_state=SEED)
    return [(list(a), list(b)) for a, b in splitter.split(strata, strata)]


def read_with(model: IntentModel, example: Example) -> Reading:
    understood = understand(example.body, subject=example.subject, model=model)
    asked = read_requests(example.body, subject=example.subject)
    checked = only_asked_writes(understood, asked)
    return Reading(
        example,
        (understood.intent, *understood.secondary_intents),
        (checked.intent, *checked.secondary_intents),
    )


def cross_validate(examples: Sequence[Example], k: int = K) -> tuple[list[Reading], list[float]]:
    """Every example read out of fold, and each fold's fit time in seconds."""
    readings: list[Reading] = []
    seconds: list[float] = []
    for train, test in folds(examples, k):
        started = time.perf_counter()
        model = IntentModel.fit([examples[i] for i in train])
        seconds.append(time.perf_counter() - started)
        readings.extend(read_with(model, examples[i]) for i in test)
    return readings, seconds


def as_corpus_result(reading: Reading) -> CorpusResult:
    """What `knowreply eval` would score: the tools the rules brain calls, none for a person."""
    e = reading.example
    called = [] if reading.through_agent[0] in ASIDE else reading.through_agent
    return CorpusResult(e.id, e.lang, [i.value for i in e.intents], [i.value for i in called])


def confusion(readings: Sequence[Reading]) -> list[str]:
    """Rows: the primary label; columns: the primary intent `understand` read."""
    counts = Counter((r.example.intents[0], r.understood[0]) for r in readings)
    head = " ".join(f"{i.value[:8]:>8}" for i in Intent)
    rows = [f"{'expected / predicted':>20} | {head}"]
    for expected in Intent:
        cells = " ".join(f"{counts[(expected, got)] or '.':>8}" for got in Intent)
        rows.append(f"{expected.value:>20} | {cells}")
    return rows


def summary(readings: Sequence[Reading], seconds: Sequence[float]) -> list[str]:
    lines = [f"dev cross-validation, {K} folds (seed {SEED}): {len(readings)} emails"]
    lines.append(f"  fit time per fold: {min(seconds):.1f} s to {max(seconds):.1f} s")
    lines.append("  understand (model + write guard), intent accuracy:")
    for lang in LANGUAGES:
        chosen = [r for r in readings if r.example.lang == lang]
        if chosen:
            share = sum(r.right for r in chosen) / len(chosen)
            lines.append(f"    {lang}: {share:.1%} of {len(chosen)}")
    billing = [r for r in readings if r.example.intents[0] not in ASIDE]
    person = sum(r.understood[0] in ASIDE for r in billing) / len(billing)
    unasked = [r.example.id for r in readings if r.unasked_write]
    lines.append(f"  billing questions read as unclear or not billing: {person:.1%}")
    lines.append(f"  unasked writes: {len(unasked)} {' '.join(unasked)}".rstrip())
    writing = [r for r in readings if WRITES & set(r.understood)]
    refused = [r for r in writing if r.refused_writes]
    lost = [r for r in refused if r.refused_writes & set(r.example.intents)]
    lines.append(
        f"  read as a write: {len(writing)}; refused by the explicit-request check: "
        f"{len(refused)} ({len(lost)} of them asked for it)"
    )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wrong", action="store_true", help="list the dev emails read wrong")
    args = parser.parse_args()
    readings, seconds = cross_validate(load("dev"))
    print("\n".join(summary(readings, seconds)))
    print("\n".join(confusion(readings)))
    report = CorpusReport(split="dev (cross-validated)", brain="rules", model=None)
    report.results = [as_corpus_result(r) for r in readings]
    print("through the explicit-request check, as `knowreply eval` scores it:")
    print(report.as_text())
    print("  unasked writes through the check:", *(r.id for r in report.results if r.unasked_write))
    if args.wrong:
        for r in readings:
            if not r.right or r.refused_writes & set(r.example.intents):
                labels, got = [i.value for i in r.example.intents], [i.value for i in r.understood]
                checked = [i.value for i in r.through_agent]
                print(f"{r.example.id} {labels} -> {got} -> {checked}")


if __name__ == "__main__":
    main()
