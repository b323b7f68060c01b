"""The statistical intent model: which intents an email asks for, learnt from the corpus.

A one-vs-rest logistic regression over word (1-2) and character (`char_wb`, 2-5) n-grams,
fitted from `corpus/dev/*.jsonl` at first use and kept for the life of the process (fitting
takes a few seconds; nothing is downloaded or unpickled). Each intent gets its own
probability, so an email can ask for several things:

- the primary intent is the most probable one, if it reaches `PRIMARY_THRESHOLD`;
  otherwise the email goes to a person as `unclear`;
- the others that reach `SECONDARY_THRESHOLD` are secondary intents;
- a write (refund, cancellation, a link) needs `WRITE_THRESHOLD`, primary or secondary:
  a customer who did not clearly ask for one is answered by a person, never by a write.

Prediction is deterministic: same corpus, same model, same answer.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from knowreply.agent.brains.rules import examples
from knowreply.agent.brains.rules._amounts import find_amounts
from knowreply.agent.brains.rules._calendar import find_dates, find_months
from knowreply.agent.brains.rules._concepts import concept_tokens
from knowreply.agent.brains.rules._reading import read
from knowreply.agent.brains.rules._references import find_invoice_numbers
from knowreply.agent.brains.rules.understanding import Intent
from knowreply.agent.intake.codes import find_codes

if TYPE_CHECKING:
    from knowreply.agent.brains.rules.examples import Example

PRIMARY_THRESHOLD = 0.10
SECONDARY_THRESHOLD = 0.80
WRITE_THRESHOLD = 0.80
WRITES = frozenset(
    {Intent.REFUND, Intent.PARTIAL_REFUND, Intent.CANCEL, Intent.PAYMENT_LINK, Intent.PORTAL_LINK}
)
WRITE_WORDS: dict[Intent, frozenset[str]] = {
    Intent.REFUND: frozenset({"moneyback"}),
    Intent.PARTIAL_REFUND: frozenset({"moneyback"}),
    Intent.CANCEL: frozenset({"stop"}),
    Intent.PAYMENT_LINK: frozenset({"pay", "link"}),
    Intent.PORTAL_LINK: frozenset({"card", "link", "invoice"}),
}
"""A write is only read from an email that asks for its idea in some language: said of the
past ("I cancelled") or negated or hypothetical ("don't cancel", "if I cancel") does not
count (`_concepts`)."""
STANDALONE = frozenset({Intent.NOT_BILLING, Intent.UNCLEAR, Intent.VERIFICATION_CODE})
"""Intents that are never secondary: they describe the whole email."""

_URL = re.compile(r"https?://\S+")
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
MODEL_CHARS = 2_000
"""The model reads the start of the request, each line once: customers ask first, and a long
tail of pasted or repeated text would drown the question in its words."""
_STRIPE_ID = re.compile(r"\b(ch|py|pi|in|sub)_[A-Za-z0-9]{6,}")
_DIGIT = re.compile(r"\d")
_CONCEPT_TOKEN = re.compile(r" _([a-z]+)_ ")
_ANCHOR = date(2026, 1, 1)
"""Only whether a date or month is named matters to the model, not which."""


@dataclass(frozen=True)
class IntentGuess:
    primary: Intent
    secondary: tuple[Intent, ...] = ()
    confidence: float = 0.0
    """The model's probability for the primary intent (0 when none reached the threshold)."""


def model_text(reading: str) -> str:
    """What the model reads: lower case, links and ids as placeholders, every digit a 0,
    then the entities and concepts found (`_amount_`, `_month_`, `_moneyback_`…)."""
    start = "\n".join(dict.fromkeys(reading[:MODEL_CHARS].splitlines()))
    text = _ADDRESS.sub(" address ", _URL.sub(" link ", start))
    marks = entity_tokens(text)
    text = _STRIPE_ID.sub(lambda m: f" {m.group(1)}id ", text)
    return _DIGIT.sub("0", text.lower()) + "\n" + marks + concept_tokens(text)


def concepts_in(text: str) -> frozenset[str]:
    """The concept names a `model_text` carries (`_moneyback_` -> `moneyback`)."""
    return frozenset(_CONCEPT_TOKEN.findall(text))


def entity_tokens(text: str) -> str:
    """One token per kind of entity the rules find: the model learns what they imply."""
    kinds = []
    if find_invoice_numbers(text):
        kinds.append("_invoicenumber_")
    dates = find_dates(text, _ANCHOR)
    if dates:
        kinds.append("_date_")
    if find_months(text, _ANCHOR, dates=dates):
        kinds.append("_month_")
    amounts = find_amounts(text)
    if amounts:
        kinds.append("_amount_")
    if len(amounts) >= 2:
        kinds.append("_amounts_")
    if find_codes(text):
        kinds.append("_sixdigits_")
    return " ".join(kinds) + " "


def example_text(example: Example) -> str:
    """An example read exactly as `understand` reads an email."""
    return model_text(read(example.body, example.subject).text)


class IntentModel:
    """A fitted model; `fit` builds one from examples, `guess` reads one text."""

    def __init__(self, pipeline: Any, labels: Sequence[Intent]) -> None:
        import numpy as np

        self._pipeline = pipeline
        self._labels = tuple(labels)
        # `probabilities` computes what `pipeline.predict_proba` does (the same numbers) for
        # one text, without scikit-learn's per-call checks of every estimator: a quarter of
        # the time, which a worker spends on every email.
        self._vectorizers = [v for _, v in pipeline.steps[0][1].transformer_list]
        estimators = pipeline.steps[-1][1].estimators_
        width = next(e.coef_.shape[1] for e in estimators if hasattr(e, "coef_"))
        self._weights = np.column_stack(
            [e.coef_[0] if hasattr(e, "coef_") else np.zeros(width) for e in estimators]
        )
        self._intercepts = np.array(
            [e.intercept_[0] if hasattr(e, "coef_") else 0.0 for e in estimators]
        )
        self._constants = {  # an intent with one value in training: a constant estimator
            index: float(e.predict_proba(np.zeros((1, 1)))[0, 1])
            for index, e in enumerate(estimators)
            if not hasattr(e, "coef_")
        }

    @classmethod
    def fit(cls, training: Sequence[Example], *, c: float = 10.0) -> IntentModel:
        # Imported here: scikit-learn takes a second to import and only the brain needs it.
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier
        from sklearn.pipeline import FeatureUnion, make_pipeline
        from sklearn.preprocessing import MultiLabelBinarizer
        from threadpoolctl import threadpool_limits

        binarizer = MultiLabelBinarizer(classes=[intent.value for intent in Intent])
        targets = binarizer.fit_transform([[i.value for i in e.intents] for e in training])
        features = FeatureUnion(
            [
                ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)),
                (
                    "chars",
                    TfidfVectorizer(
                        analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2
                    ),
                ),
            ]
        )
        classifier = OneVsRestClassifier(
            LogisticRegression(C=c, solver="liblinear", class_weight="balanced", random_state=0)
        )
        pipeline = make_pipeline(features, classifier)
        # One BLAS thread: on a busy machine, more threads than cores make a 2 s fit take 60 s.
        with threadpool_limits(limits=1):
            pipeline.fit([example_text(e) for e in training], targets)
        return cls(pipeline, [Intent(value) for value in binarizer.classes_])

    def probabilities(self, text: str) -> dict[Intent, float]:
        """Each intent's probability: the logistic of the features' linear score, as the
        pipeline's `predict_proba` (one-vs-rest, multi-label: not normalised)."""
        import numpy as np
        from scipy.sparse import hstack
        from scipy.special import expit

        features = hstack([v.transform([text]) for v in self._vectorizers], format="csr")
        row = expit(np.asarray(features @ self._weights).ravel() + self._intercepts)
        for index, constant in self._constants.items():
            row[index] = constant
        return {intent: float(p) for intent, p in zip(self._labels, row, strict=True)}

    def guess(self, text: str) -> IntentGuess:
        """Primary and secondary intents of a `model_text`, with the thresholds applied."""
        return decide(self.probabilities(text), concepts_in(text))


def _asked(intent: Intent, p: float, concepts: frozenset[str]) -> bool:
    """A write counts only when likely enough and its idea is asked for, not reported."""
    if p < WRITE_THRESHOLD or not concepts & WRITE_WORDS[intent]:
        return False
    # "stop sending me newsletters" stops mail, not a subscription
    return not (intent is Intent.CANCEL and "marketing" in concepts and "plan" not in concepts)


def decide(probabilities: dict[Intent, float], concepts: frozenset[str]) -> IntentGuess:
    """Apply the write guard and the thresholds: a write the email does not ask for is set
    aside; below the thresholds a person answers (`unclear`)."""
    ranked = [
        (intent, p)
        for intent, p in sorted(probabilities.items(), key=lambda kv: (-kv[1], kv[0].value))
        if intent not in WRITES or _asked(intent, p, concepts)
    ]
    primary, p = ranked[0]
    if p < PRIMARY_THRESHOLD:
        return IntentGuess(Intent.UNCLEAR)
    if primary in STANDALONE:
        return IntentGuess(primary, confidence=p)
    secondary = tuple(
        intent for intent, q in ranked[1:] if intent not in STANDALONE and q >= SECONDARY_THRESHOLD
    )
    return IntentGuess(primary, secondary, p)


_lock = threading.Lock()
_fitted: IntentModel | None = None


def shared_model() -> IntentModel:
    """The model fitted from the whole `dev` corpus, once per process."""
    global _fitted
    with _lock:
        if _fitted is None:
            _fitted = IntentModel.fit(examples.load("dev"))
        return _fitted


def guess(reading: str) -> IntentGuess:
    """The intents of the text `understand` reads (`Reading.text`)."""
    return shared_model().guess(model_text(reading))
