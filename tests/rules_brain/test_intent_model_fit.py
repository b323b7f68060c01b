"""Fitting the intent model is deterministic, however many processes read the corpus.

Apart from `test_intent_model.py`, whose first test reads every held-out email: `make test`
gives each test process whole files, so the two can run side by side."""

from __future__ import annotations

import dataclasses

import numpy as np

from knowreply.agent.brains.rules import intent_model as im
from knowreply.agent.brains.rules.examples import load


def test_refitting_gives_the_same_model() -> None:
    """The same corpus always gives the same probabilities (a sixteenth of the English
    emails: determinism needs no more, and each fit reads them all)."""
    training = load("dev", languages=("en",))[::16]
    first, second = im.IntentModel.fit(training), im.IntentModel.fit(training)
    text = im.model_text("Could you refund my last payment and cancel the plan?")
    assert first.probabilities(text) == second.probabilities(text)


def test_a_fit_read_by_several_processes_is_the_same_fit() -> None:
    training = load("dev", languages=("en", "ja"))[::16]
    alone, shared = im.fit_arrays(training), im.fit_arrays(training, jobs=2)
    for field in dataclasses.fields(alone):
        assert np.array_equal(getattr(alone, field.name), getattr(shared, field.name)), field.name
