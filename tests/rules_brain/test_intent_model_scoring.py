"""The intent model scores an email with its fitted arrays alone (the logistic of each
intent's linear score, as scikit-learn's `predict_proba`), also for an intent that training
never showed (a constant estimator, without weights)."""

from __future__ import annotations

from knowreply.agent.brains.rules import Intent
from knowreply.agent.brains.rules import intent_model as im
from knowreply.agent.brains.rules.examples import load


def test_an_intent_training_never_showed_scores_as_never_likely() -> None:
    training = [
        e for e in load("dev", languages=("en",))[::8] if Intent.VERIFICATION_CODE not in e.intents
    ]
    model = im.IntentModel.fit(training)
    text = im.model_text("Here is the code: 123456")
    probabilities = model.probabilities(text)
    assert probabilities[Intent.VERIFICATION_CODE] < 1e-9
    assert max(probabilities.values()) > 0.05
