"""The intent model scores an email with its fitted weights directly: the same numbers as
scikit-learn's `predict_proba`, which it replaces on the worker's path for speed."""

from __future__ import annotations

from knowreply.agent.brains.rules import examples
from knowreply.agent.brains.rules import intent_model as im


def test_scores_equal_the_fitted_pipelines_on_the_whole_corpus() -> None:
    model = im.shared_model()
    pipeline = model._pipeline
    texts = [im.example_text(example) for example in examples.load("dev")]

    expected = pipeline.predict_proba(texts)

    for text, row in zip(texts, expected, strict=True):
        assert list(model.probabilities(text).values()) == [float(p) for p in row]
