"""Compare intent-model configurations as the shipped model is read, on `corpus/dev/` only.

Each configuration (C, word and character n-gram ranges) is fitted by `intent_model.fit_arrays`
from `dev/` batches 1 to 28, with its second opinion on asked writes (`ask_model`), and reads
`dev/` batches 29 on (their own writers, never fitted from) through `understand` and the
explicit-request check, as `intent_cv.read_with` does, at each write threshold asked for.
Unlike `intent_sweep.py`, nothing of the model is left out: the price is a fit per
configuration. The training emails are read once per run. `heldout/` is never read.

    .venv/bin/python bench/intent_configs.py [--write-thresholds 0.8 0.6] NAME ...

The first configuration and threshold scored are the reference: each line after it counts the
emails read better and worse than it, and names the `dev/` emails given a write nobody asked
for that the reference did not give one.
"""

from __future__ import annotations

import argparse
import multiprocessing
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Any

from intent_cv import Reading, as_corpus_result, read_with

from knowreply.agent.brains.rules import _ngrams, intent_model
from knowreply.agent.brains.rules.examples import LANGUAGES, Example, batch_of, load
from knowreply.evaluation.corpus import CorpusReport, CorpusResult

FITTED_UP_TO = 28
"""Batches 1 to 28 fit; 29 on are read (7,199 emails of batches 29 to 33 on 2026-12-07, 8,638
with batch 34's `dev/` part since 2026-12-08)."""


@dataclass(frozen=True)
class Config:
    c: float
    words: tuple[int, int] = (1, 2)
    chars: tuple[int, int] = (2, 5)


CONFIGS = {
    "shipped": Config(intent_model.C),
    "C5": Config(5.0),
    "C10": Config(10.0),
    "C20": Config(20.0),
    "C30": Config(30.0),
    "C50": Config(50.0),
    "C100": Config(100.0),
    "w13": Config(10.0, words=(1, 3)),
    "wb26": Config(10.0, chars=(2, 6)),
    "C30-w13": Config(30.0, words=(1, 3)),
}


@contextmanager
def _configured(config: Config, readings: Sequence[Any]) -> Iterator[None]:
    """The intent model's n-grams set to `config`'s (the second opinion keeps its own), and the
    training emails' readings reused instead of read again for each fit."""
    saved = intent_model.vectorizers, intent_model._example_readings
    intent_model.vectorizers = partial(_ngrams.vectorizers, words=config.words, chars=config.chars)
    intent_model._example_readings = lambda training, jobs: list(readings)
    try:
        yield
    finally:
        intent_model.vectorizers, intent_model._example_readings = saved


_reader: intent_model.IntentModel | None = None
"""The model the reading processes use: set before they fork."""


def _read(example: Example) -> Reading:
    assert _reader is not None
    return read_with(_reader, example)


def _read_all(model: intent_model.IntentModel, examples: Sequence[Example]) -> list[Reading]:
    global _reader
    _reader = model
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(_read, examples, chunksize=64))


def _line(name: str, report: CorpusReport, understood: float) -> str:
    languages = " ".join(f"{lang} {100 * report.accuracy(lang):5.2f}" for lang in LANGUAGES)
    unasked = sum(r.unasked_write for r in report.results)
    return (
        f"{name:<14} all {100 * report.accuracy():5.2f} | {languages} | understand "
        f"{100 * understood:5.2f} | person {100 * report.unclear_among_billing:4.2f} "
        f"| unasked {unasked}"
    )


def _against(reference: list[CorpusResult], results: list[CorpusResult]) -> str:
    better = sum(r.right and not ref.right for ref, r in zip(reference, results, strict=True))
    worse = sum(ref.right and not r.right for ref, r in zip(reference, results, strict=True))
    new = [
        r.id
        for ref, r in zip(reference, results, strict=True)
        if r.unasked_write and not ref.unasked_write
    ]
    return f"    against the reference: {better} better, {worse} worse; new unasked: {new}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("configs", nargs="+", choices=list(CONFIGS))
    parser.add_argument(
        "--write-thresholds", type=float, nargs="+", default=[intent_model.WRITE_THRESHOLD]
    )
    args = parser.parse_args()
    dev = load("dev")
    training = [e for e in dev if batch_of(e.id) <= FITTED_UP_TO]
    read = [e for e in dev if batch_of(e.id) > FITTED_UP_TO]
    started = time.perf_counter()
    readings = intent_model._example_readings(training, 2)
    print(f"read {len(training)} training emails once: {time.perf_counter() - started:.0f} s")
    print(f"fitted on batches 1 to {FITTED_UP_TO}, reading {len(read)} emails of the rest")
    reference: list[CorpusResult] | None = None
    shipped_threshold = intent_model.WRITE_THRESHOLD
    for name in args.configs:
        config = CONFIGS[name]
        with _configured(config, readings):
            model = intent_model.IntentModel(intent_model.fit_arrays(training, c=config.c, jobs=2))
        for threshold in args.write_thresholds:
            intent_model.WRITE_THRESHOLD = threshold  # `decide` reads it at each call
            found = _read_all(model, read)
            report = CorpusReport(split=f"dev {FITTED_UP_TO + 1}+", brain="rules", model=None)
            report.results = [as_corpus_result(r) for r in found]
            understood = sum(r.right for r in found) / len(found)
            print(_line(f"{name}@{threshold:g}", report, understood), flush=True)
            if reference is None:
                reference = report.results
            else:
                print(_against(reference, report.results), flush=True)
    intent_model.WRITE_THRESHOLD = shipped_threshold


if __name__ == "__main__":
    main()
