"""Compare intent-model configurations by `intent_cv`'s cross-validation, on `corpus/dev/` only.

Each dev email's `example_text` and explicit requests are read once; each configuration is
fitted on `intent_cv.folds` (the same seeded folds), its out-of-fold probabilities go through
`intent_model.decide` (the thresholds and write guard) and then through `understand`'s own
post-processing and the explicit-request check, exactly as `intent_cv` scores them. An
ensemble averages the probabilities of its members. `heldout/` is never read.

    .venv/bin/python bench/intent_sweep.py [--by-batch] [--jobs 2] NAME ...   (no name: list them)
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
from intent_cv import ASIDE, Reading, as_corpus_result, folds
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer
from threadpoolctl import threadpool_limits

from knowreply.agent.brains.rules import Intent, intent_model, understand
from knowreply.agent.brains.rules.examples import LANGUAGES, Example, batch_of, load
from knowreply.agent.brains.rules.intent_model import (
    WORD_TOKENS,
    IntentGuess,
    IntentModel,
    decide,
    example_text,
)
from knowreply.agent.intake import read_requests
from knowreply.agent.intake.requests import Requests
from knowreply.agent.run import only_asked_writes
from knowreply.evaluation.corpus import CorpusReport

SCRIPTS = WORD_TOKENS
"""Words, with Japanese cut where the script changes (kanji, katakana, hiragana runs)."""


def tfidf(**options: Any) -> Callable[[], TfidfVectorizer]:
    return lambda: TfidfVectorizer(sublinear_tf=True, **options)


VECTORIZERS: dict[str, Callable[[], TfidfVectorizer]] = {
    "w12": tfidf(ngram_range=(1, 2), min_df=1),
    "w12-df2": tfidf(ngram_range=(1, 2), min_df=2),
    "w13": tfidf(ngram_range=(1, 3), min_df=1),
    "w12-scripts": tfidf(ngram_range=(1, 2), min_df=1, token_pattern=SCRIPTS),
    "w12-scripts-df2": tfidf(ngram_range=(1, 2), min_df=2, token_pattern=SCRIPTS),
    "w13-scripts": tfidf(ngram_range=(1, 3), min_df=1, token_pattern=SCRIPTS),
    "wb25": tfidf(analyzer="char_wb", ngram_range=(2, 5), min_df=2),
    "wb26": tfidf(analyzer="char_wb", ngram_range=(2, 6), min_df=2),
    "wb14": tfidf(analyzer="char_wb", ngram_range=(1, 4), min_df=2),
    "wb35": tfidf(analyzer="char_wb", ngram_range=(3, 5), min_df=2),
    "wb36": tfidf(analyzer="char_wb", ngram_range=(3, 6), min_df=2),
    "wb25-df1": tfidf(analyzer="char_wb", ngram_range=(2, 5), min_df=1),
    "wb25-df3": tfidf(analyzer="char_wb", ngram_range=(2, 5), min_df=3),
    "c25": tfidf(analyzer="char", ngram_range=(2, 5), min_df=2),
    "c14": tfidf(analyzer="char", ngram_range=(1, 4), min_df=2),
    "c15": tfidf(analyzer="char", ngram_range=(1, 5), min_df=2),
    "c26": tfidf(analyzer="char", ngram_range=(2, 6), min_df=2),
}


JOBS = 1
"""Processes that share the one-vs-rest regressions of a fit (`--jobs`); each regression is
fitted alone with the same seed, so the probabilities are the same for any number."""


def logistic(c: float, weight: str | None = "balanced") -> Callable[[], Any]:
    return lambda: OneVsRestClassifier(
        LogisticRegression(C=c, solver="liblinear", class_weight=weight, random_state=0),
        n_jobs=JOBS if JOBS > 1 else None,
    )


def sgd(alpha: float) -> Callable[[], Any]:
    return lambda: OneVsRestClassifier(
        SGDClassifier(loss="modified_huber", alpha=alpha, class_weight="balanced", random_state=0)
    )


def svc_calibrated(c: float) -> Callable[[], Any]:
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.svm import LinearSVC

    return lambda: OneVsRestClassifier(
        CalibratedClassifierCV(LinearSVC(C=c, class_weight="balanced"), cv=3)
    )


@dataclass(frozen=True)
class Model:
    features: tuple[str, ...]
    classifier: Callable[[], Any]


CONFIGS: dict[str, tuple[Model, ...]] = {
    # The model before `WORD_TOKENS` (scikit-learn's default word pattern).
    "baseline": (Model(("w12", "wb25"), logistic(10)),),
    "C3": (Model(("w12", "wb25"), logistic(3)),),
    "C30": (Model(("w12", "wb25"), logistic(30)),),
    "C100": (Model(("w12", "wb25"), logistic(100)),),
    "unweighted": (Model(("w12", "wb25"), logistic(10, None)),),
    "w13": (Model(("w13", "wb25"), logistic(10)),),
    "w12-df2": (Model(("w12-df2", "wb25"), logistic(10)),),
    "scripts": (Model(("w12-scripts", "wb25"), logistic(10)),),
    "scripts-w13": (Model(("w13-scripts", "wb25"), logistic(10)),),
    "wb26": (Model(("w12", "wb26"), logistic(10)),),
    "wb14": (Model(("w12", "wb14"), logistic(10)),),
    "wb35": (Model(("w12", "wb35"), logistic(10)),),
    "wb25-df1": (Model(("w12", "wb25-df1"), logistic(10)),),
    "wb25-df3": (Model(("w12", "wb25-df3"), logistic(10)),),
    "c25": (Model(("w12", "c25"), logistic(10)),),
    "c14": (Model(("w12", "c14"), logistic(10)),),
    "c15": (Model(("w12", "c15"), logistic(10)),),
    "c26": (Model(("w12", "c26"), logistic(10)),),
    "sgd-1e-4": (Model(("w12", "wb25"), sgd(1e-4)),),
    "sgd-1e-5": (Model(("w12", "wb25"), sgd(1e-5)),),
    "svc-0.3": (Model(("w12", "wb25"), svc_calibrated(0.3)),),
    "svc-1": (Model(("w12", "wb25"), svc_calibrated(1.0)),),
    "scripts-C5": (Model(("w12-scripts", "wb25"), logistic(5)),),
    "scripts-C30": (Model(("w12-scripts", "wb25"), logistic(30)),),
    "scripts-wb26": (Model(("w12-scripts", "wb26"), logistic(10)),),
    "scripts-c15": (Model(("w12-scripts", "c15"), logistic(10)),),
    "scripts-c25": (Model(("w12-scripts", "c25"), logistic(10)),),
    "scripts-df2": (Model(("w12-scripts-df2", "wb25"), logistic(10)),),
    "scripts-sgd": (Model(("w12-scripts", "wb25"), sgd(1e-5)),),
    "scripts-C3": (Model(("w12-scripts", "wb25"), logistic(3)),),
    "scripts-unweighted": (Model(("w12-scripts", "wb25"), logistic(10, None)),),
    "scripts-wb25-df3": (Model(("w12-scripts", "wb25-df3"), logistic(10)),),
    "scripts-wb36": (Model(("w12-scripts", "wb36"), logistic(10)),),
    "scripts-ensemble": (
        Model(("w12-scripts",), logistic(10)),
        Model(("wb25",), logistic(10)),
    ),
    "words+chars": (
        Model(("w12",), logistic(10)),
        Model(("wb25",), logistic(10)),
    ),
}


class _Fixed:
    """A stand-in model whose guess was already decided: `understand` adds the rest. It has no
    second opinion on asked writes (`ask_model`), so the sweep scores every configuration
    without it; `intent_configs.py` scores the model whole."""

    def __init__(self, guess: IntentGuess) -> None:
        self._guess = guess

    def guess(
        self, text: str, asked: frozenset[str], asked_in: Mapping[str, Any] | None = None
    ) -> IntentGuess:
        return self._guess


def batch_folds(examples: Sequence[Example], k: int = 5) -> list[tuple[list[int], list[int]]]:
    """Train and test indexes with whole batches on one side: batch b is tested in fold
    b mod k. Each batch had its own writers, so this scores a configuration on writers it
    was not fitted from, as a new held-out batch does; stratified folds share writers."""
    fold_of = [batch_of(e.id) % k for e in examples]
    return [
        (
            [i for i, f in enumerate(fold_of) if f != fold],
            [i for i, f in enumerate(fold_of) if f == fold],
        )
        for fold in range(k)
    ]


def _asked(example: Example) -> Requests:
    return read_requests(example.body, subject=example.subject)


class Dev:
    """The dev emails, read once, and their folds; fitted features are kept per fold."""

    def __init__(self, examples: Sequence[Example], *, by_batch: bool = False) -> None:
        self.examples = list(examples)
        with ProcessPoolExecutor(JOBS) as pool:
            self.texts = list(pool.map(example_text, self.examples, chunksize=256))
            self.asked: list[Requests] = list(pool.map(_asked, self.examples, chunksize=256))
        self.folds = batch_folds(self.examples) if by_batch else folds(self.examples)
        binarizer = MultiLabelBinarizer(classes=[intent.value for intent in Intent])
        self.targets = binarizer.fit_transform([[i.value for i in e.intents] for e in examples])
        self.labels = [Intent(value) for value in binarizer.classes_]
        self._features: dict[tuple[str, int], tuple[Any, Any]] = {}
        self._readings: list[dict[IntentGuess, Reading]] = [{} for _ in self.examples]

    def features(self, name: str, fold: int) -> tuple[Any, Any]:
        if (name, fold) not in self._features:
            train, test = self.folds[fold]
            vectorizer = VECTORIZERS[name]()
            fitted = vectorizer.fit_transform([self.texts[i] for i in train])
            read = vectorizer.transform([self.texts[i] for i in test])
            self._features[name, fold] = (fitted, read)
        return self._features[name, fold]

    def probabilities(self, model: Model) -> tuple[Any, float]:
        """Out-of-fold probabilities (emails x labels) and the wall seconds the fits took."""
        out = np.zeros(self.targets.shape)
        seconds = 0.0
        for fold, (train, test) in enumerate(self.folds):
            started = time.perf_counter()
            parts = [self.features(name, fold) for name in model.features]
            x_train = hstack([p[0] for p in parts]).tocsr()
            x_test = hstack([p[1] for p in parts]).tocsr()
            x_train.sum_duplicates()  # canonical here: `--jobs` processes get read-only copies
            classifier = model.classifier().fit(x_train, self.targets[train])
            out[test] = classifier.predict_proba(x_test)
            seconds += time.perf_counter() - started
        return out, seconds

    def reading(self, index: int, guess: IntentGuess) -> Reading:
        """`intent_cv.read_with`, for a guess already decided (memoised: most repeat)."""
        key = IntentGuess(guess.primary, guess.secondary)
        memo = self._readings[index]
        if key not in memo:
            e = self.examples[index]
            model = cast(IntentModel, _Fixed(key))
            understood = understand(e.body, subject=e.subject, model=model)
            checked = only_asked_writes(understood, self.asked[index])
            memo[key] = Reading(
                e,
                (understood.intent, *understood.secondary_intents),
                (checked.intent, *checked.secondary_intents),
            )
        return memo[key]

    def score(self, probabilities: Any) -> dict[str, float]:
        readings = [
            self.reading(i, decide(dict(zip(self.labels, row, strict=True)), asked.kinds))
            for i, (row, asked) in enumerate(zip(probabilities, self.asked, strict=True))
        ]
        report = CorpusReport(split="dev (cross-validated)", brain="rules", model=None)
        report.results = [as_corpus_result(r) for r in readings]
        billing = [r for r in readings if r.example.intents[0] not in ASIDE]
        scores = {"all": report.accuracy()} | {lang: report.accuracy(lang) for lang in LANGUAGES}
        scores["understand"] = sum(r.right for r in readings) / len(readings)
        scores["person"] = sum(r.understood[0] in ASIDE for r in billing) / len(billing)
        scores["person_check"] = report.unclear_among_billing
        scores["unasked"] = sum(r.unasked_write for r in readings)
        scores["unasked_check"] = sum(r.unasked_write for r in report.results)
        return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("configs", nargs="*", help="configuration names (none: list them)")
    parser.add_argument(
        "--by-batch", action="store_true", help="whole batches per fold (new writers)"
    )
    parser.add_argument("--jobs", type=int, default=1, help="processes for reading and fits")
    parser.add_argument(
        "--write-thresholds",
        type=float,
        nargs="+",
        default=[intent_model.WRITE_THRESHOLD],
        help="score each configuration with each write threshold (the same fits)",
    )
    args = parser.parse_args()
    global JOBS
    JOBS = args.jobs
    if not args.configs:
        print(*CONFIGS, sep="\n")
        return
    started = time.perf_counter()
    with threadpool_limits(limits=1):
        dev = Dev(load("dev"), by_batch=args.by_batch)
    print(f"read {len(dev.examples)} dev emails once: {time.perf_counter() - started:.0f} s")
    languages = " ".join(f"{lang:>5}" for lang in LANGUAGES)
    print(f"{'config':<18}   all {languages} | und.  pers  p.chk  unasked(chk)  fit s", flush=True)
    for name in args.configs:
        members = CONFIGS[name]
        with threadpool_limits(limits=1):
            fitted = [dev.probabilities(model) for model in members]
        probabilities = sum(p for p, _ in fitted) / len(fitted)
        for threshold in args.write_thresholds:
            intent_model.WRITE_THRESHOLD = threshold  # `decide` reads it at each call
            s = dev.score(probabilities)
            langs = " ".join(f"{100 * s[lang]:5.1f}" for lang in LANGUAGES)
            label = name if len(args.write_thresholds) == 1 else f"{name}@{threshold:g}"
            print(
                f"{label:<18} {100 * s['all']:5.1f} {langs} | {100 * s['understand']:5.1f} "
                f"{100 * s['person']:5.1f} {100 * s['person_check']:5.1f}  "
                f"{s['unasked']:4.0f} ({s['unasked_check']:.0f})"
                f"      {sum(t for _, t in fitted):5.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
