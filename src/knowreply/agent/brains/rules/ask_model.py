"""A learnt second opinion on each write the explicit-request check finds asked.

The check (`intake.requests`) is rules taught from `dev/` emails, and on emails it was not
taught from it finds writes asked about three times as often where nobody asked (held-out:
307 write kinds on 20,197 emails, `dev/`: 118 on 44,112). This model learns the same
question from the corpus's labels instead of from phrases: given the sentences of an email
that name a write (`Requests.mentioned_in`: "I forgot to cancel", "Please cancel my plan"),
does the email ask for it? One logistic regression per write kind over the word and
character n-grams of those sentences, fitted with the intent model from `dev/`.

Where the check names the sentences that ask (`Requests.asked_in`), a write needs this model's
probability for them to reach `ASK_THRESHOLD` too; below it, the write is not taken and the
next intent is answered (`intent_model.decide`). A write the check reads from several
sentences together, or from a yes to our offer, names no sentence and is left to the check.
The model only ever takes writes away, never adds one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from knowreply.agent.brains.rules._ngrams import vectorizers
from knowreply.agent.brains.rules.understanding import Intent

if TYPE_CHECKING:
    from knowreply.agent.intake import WriteKind

KIND_INTENTS: dict[WriteKind, frozenset[Intent]] = {
    "refund": frozenset({Intent.REFUND, Intent.PARTIAL_REFUND}),
    "cancellation": frozenset({Intent.CANCEL}),
    "payment_link": frozenset({Intent.PAYMENT_LINK}),
    "portal_link": frozenset({Intent.PORTAL_LINK}),
}
"""The intents of an email that asks for each write kind: its label when it asks."""
C = 10.0
ASK_THRESHOLD = 0.20
"""Chosen on `dev/` (fitted on batches 1 to 28, read on 29 to 33: 7,199 emails,
`docs/evaluation.md`): at 0.20, 22 -> 17 emails got a write nobody asked for, 4 emails were
read better and 2 worse; 0.15 left one more unasked write, 0.25 and 0.30 read two and three
more emails worse."""
_CERTAIN = 50.0
"""The logit of a kind with one answer in training, or no sentence at all: as good as 1 or 0."""


@dataclass(frozen=True)
class AskArrays:
    """Everything the fitted second opinion needs: a shared vocabulary, one row per kind."""

    words: npt.NDArray[np.str_]
    word_idf: npt.NDArray[np.float64]
    chars: npt.NDArray[np.str_]
    char_idf: npt.NDArray[np.float64]
    coef: npt.NDArray[np.float64]
    intercept: npt.NDArray[np.float64]
    kinds: npt.NDArray[np.str_]


def joined(sentences: Sequence[str]) -> str:
    return "\n".join(sentences)


def fit(
    mentions: Sequence[Mapping[WriteKind, tuple[str, ...]]], labels: Sequence[tuple[Intent, ...]]
) -> AskArrays:
    """Fit from each email's sentences naming each write and its labelled intents: an email
    whose label holds the kind's intent asks for it."""
    from scipy.sparse import hstack
    from sklearn.linear_model import LogisticRegression

    kinds = list(KIND_INTENTS)
    rows = [
        (kind, joined(named[kind]), bool(KIND_INTENTS[kind] & set(intents)))
        for named, intents in zip(mentions, labels, strict=True)
        for kind in kinds
        if named.get(kind)
    ]
    words, chars = vectorizers()
    texts = [text for _, text, _ in rows] or ["-"]
    features = hstack([words.fit_transform(texts), chars.fit_transform(texts)]).tocsr()
    coef = np.zeros((len(kinds), features.shape[1]))
    intercept = np.full(len(kinds), _CERTAIN)  # a kind never named: the check decides alone
    for k, kind in enumerate(kinds):
        chosen = [i for i, (row_kind, _, _) in enumerate(rows) if row_kind == kind]
        answers = np.array([rows[i][2] for i in chosen], dtype=int)
        if len(set(answers)) < 2:
            intercept[k] = -_CERTAIN if chosen and not answers[0] else _CERTAIN
            continue
        regression = LogisticRegression(C=C, solver="liblinear", random_state=0)
        regression.fit(features[chosen], answers)
        coef[k], intercept[k] = regression.coef_[0], regression.intercept_[0]
    return AskArrays(
        words=np.asarray(words.get_feature_names_out(), dtype=str),
        word_idf=words.idf_,
        chars=np.asarray(chars.get_feature_names_out(), dtype=str),
        char_idf=chars.idf_,
        coef=coef,
        intercept=intercept,
        kinds=np.asarray(kinds, dtype=str),
    )


class AskModel:
    """A fitted second opinion; `doubted` names the asked writes it does not believe."""

    def __init__(self, arrays: AskArrays) -> None:
        self._arrays = arrays
        self._words, self._chars = vectorizers((list(arrays.words), list(arrays.chars)))
        self._words.idf_, self._chars.idf_ = arrays.word_idf, arrays.char_idf
        self._row = {str(kind): k for k, kind in enumerate(arrays.kinds)}

    def probability(self, kind: WriteKind, sentences: Sequence[str]) -> float:
        """How likely an email whose sentences naming `kind` are these asks for it."""
        from scipy.sparse import hstack
        from scipy.special import expit

        text = [joined(sentences)]
        features = hstack([self._words.transform(text), self._chars.transform(text)]).tocsr()
        k = self._row[kind]
        return float(expit(features @ self._arrays.coef[k] + self._arrays.intercept[k])[0])

    def doubted(self, asked_in: Mapping[WriteKind, tuple[str, ...]]) -> frozenset[WriteKind]:
        """The writes asked in named sentences that do not read as asking for them."""
        return frozenset(
            kind
            for kind, sentences in asked_in.items()
            if sentences and self.probability(kind, sentences) < ASK_THRESHOLD
        )
