"""The fitted intent model's arrays, kept on disk between processes.

Fitting from a few thousand emails takes longer than a first email should wait, so the arrays
a fit produces (vocabularies, idf weights, coefficients) are saved as an `.npz` file named by
a hash of everything the fit depends on: the `dev` corpus, the code that turns an email into
the model's text and fits it, and the versions of the libraries that fit it or read its text
(numpy, scipy, scikit-learn, text2num). The file is read with
`allow_pickle=False` (plain arrays, never code); a missing, stale or unreadable file means a
fresh fit, saved for the next process. Where the file is kept, and how it is written, is
`knowreply.disk_cache`'s: `KNOWREPLY_CACHE_DIR`, default `~/.cache/knowreply`.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from knowreply import disk_cache
from knowreply.agent.brains.rules.ask_model import AskArrays

_PACKAGE = Path(__file__).parents[3]
_SOURCES = (Path(__file__).parent, _PACKAGE / "agent" / "intake")
"""The brain's and intake's code: `model_text` reads concepts, entities and requests."""
_SHARED_READERS = tuple(
    _PACKAGE / name
    for name in (
        "money.py",
        "money_text.py",
        "mail/absence.py",
        "mail/quotes.py",
        "mail/shape.py",
        "integrations/stripe/models.py",
        "disk_cache.py",
    )
)
"""Modules outside those folders that `model_text` imports (amounts, the customer's own words):
a change to how they read text changes the fitted model, so it must change the key. The disk
cache reads no text, but the casing lexicon is kept there, and every module `model_text`
imports is listed (`tests/rules_brain/test_intent_model_cache.py`)."""


@dataclass(frozen=True)
class FittedArrays:
    """Everything a fitted model needs to read a text."""

    words: npt.NDArray[np.str_]
    """The word n-gram vocabulary, one term per feature column."""
    word_idf: npt.NDArray[np.float64]
    chars: npt.NDArray[np.str_]
    char_idf: npt.NDArray[np.float64]
    coef: npt.NDArray[np.float64]
    """One row per label, one column per word then character feature."""
    intercept: npt.NDArray[np.float64]
    labels: npt.NDArray[np.str_]
    ask_words: npt.NDArray[np.str_]
    """The second opinion on asked writes (`ask_model.AskArrays`, each field prefixed)."""
    ask_word_idf: npt.NDArray[np.float64]
    ask_chars: npt.NDArray[np.str_]
    ask_char_idf: npt.NDArray[np.float64]
    ask_coef: npt.NDArray[np.float64]
    ask_intercept: npt.NDArray[np.float64]
    ask_kinds: npt.NDArray[np.str_]

    @property
    def ask(self) -> AskArrays:
        return AskArrays(**{f.name: getattr(self, f"ask_{f.name}") for f in fields(AskArrays)})

    @staticmethod
    def ask_fields(ask: AskArrays) -> dict[str, Any]:
        """`ask`'s arrays named as this class's fields."""
        return {f"ask_{f.name}": getattr(ask, f.name) for f in fields(AskArrays)}


def code_files() -> list[Path]:
    """The code whose changes change the fitted model."""
    return [path for source in _SOURCES for path in source.glob("*.py")] + list(_SHARED_READERS)


def cache_key(corpus: Path, *, versions: tuple[str, ...]) -> str:
    """A hash of the corpus files, the model's code and the library versions."""
    return disk_cache.content_key(
        sorted(corpus.glob("*.jsonl")) + sorted(code_files()), versions=versions
    )


def _name(key: str) -> str:
    return f"intent-model-{key}.npz"


def is_cached(key: str) -> bool:
    return disk_cache.cached_file(_name(key)) is not None


def load(key: str) -> FittedArrays | None:
    path = disk_cache.cached_file(_name(key))
    if path is None:
        return None
    try:
        with np.load(path, allow_pickle=False) as saved:
            return FittedArrays(**{f.name: saved[f.name] for f in fields(FittedArrays)})
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return None  # unreadable: fitted again and rewritten


def save(key: str, arrays: FittedArrays) -> None:
    disk_cache.write_atomically(
        _name(key),
        lambda file: np.savez(
            file, **{f.name: getattr(arrays, f.name) for f in fields(FittedArrays)}
        ),
    )
