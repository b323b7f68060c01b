"""The word and character n-grams the fitted models read (`intent_model`, `ask_model`)."""

from __future__ import annotations

from typing import Any

WORD_TOKENS = r"(?u)[\u4e00-\u9fff\u3005]+|[\u30a0-\u30ff]+|[\u3040-\u309f]+|\b\w\w+\b"
"""A word is a run of kanji, of katakana or of hiragana, else two or more word characters.
Japanese has no spaces: scikit-learn's default pattern made a whole clause one word
(`最新の請求書を送ってください`); cut by script it reads `最新 の 請求書 を 送 ってください`
(dev cross-validation: Japanese 79.5 % -> 83.1 %, `bench/intent_sweep.py`)."""


def vectorizers(
    vocabularies: tuple[Any, Any] = (None, None),
    *,
    words: tuple[int, int] = (1, 2),
    chars: tuple[int, int] = (2, 5),
) -> tuple[Any, Any]:
    """The word (1-2) and character (`char_wb`, 2-5) n-gram tf-idf vectorizers, empty or with
    a fitted vocabulary; `bench/intent_configs.py` tries other ranges."""
    # Imported here: scikit-learn takes a second to import and only the brain needs it.
    from sklearn.feature_extraction.text import TfidfVectorizer

    word_vocabulary, char_vocabulary = vocabularies
    return (
        TfidfVectorizer(
            ngram_range=words,
            sublinear_tf=True,
            min_df=1,
            token_pattern=WORD_TOKENS,
            vocabulary=word_vocabulary,
        ),
        TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=chars,
            sublinear_tf=True,
            min_df=2,
            vocabulary=char_vocabulary,
        ),
    )
