"""The fitted intent model's arrays are cached on disk: read back, they read emails exactly as
the fit did; a changed corpus gets a new key; an unreadable file is ignored, never trusted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from knowreply import disk_cache
from knowreply.agent.brains.rules import _model_cache
from knowreply.agent.brains.rules import intent_model as im
from knowreply.agent.brains.rules.examples import load

TEXTS = (
    "Please stop renewing my plan.",
    "Could you send me the invoice for March?",
    "返金してください。",
)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KNOWREPLY_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_cached_arrays_read_emails_as_the_fitted_model_does(cache: Path) -> None:
    fitted = im.IntentModel.fit(load("dev", languages=("en", "ja"))[::9])
    _model_cache.save("k1", fitted.arrays)
    arrays = _model_cache.load("k1")
    assert arrays is not None
    cached = im.IntentModel(arrays)
    for text in TEXTS:
        model_text = im.model_text(text, im.explicit_requests(text).kinds)
        assert cached.probabilities(model_text) == fitted.probabilities(model_text)
    # A process's first reading also keeps its casing lexicon here (`usual-forms-*.json`),
    # or not if this worker read an email before: the model's save leaves one file, no temporary.
    saved = [p.name for p in cache.iterdir() if not p.name.startswith("usual-forms-")]
    assert saved == ["intent-model-k1.npz"]


def test_an_unreadable_cache_file_is_ignored(cache: Path) -> None:
    (cache / "intent-model-k2.npz").write_bytes(b"not an npz")
    assert _model_cache.load("k2") is None
    assert _model_cache.load("missing") is None


def test_the_key_changes_with_the_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "dev"
    corpus.mkdir()
    (corpus / "en.jsonl").write_text('{"id": "en-1"}\n', encoding="utf-8")
    before = _model_cache.cache_key(corpus, versions=("sklearn 1",))
    (corpus / "en.jsonl").write_text('{"id": "en-2"}\n', encoding="utf-8")
    assert _model_cache.cache_key(corpus, versions=("sklearn 1",)) != before
    assert _model_cache.cache_key(corpus, versions=("sklearn 2",)) != before


def test_the_key_covers_all_the_code_the_model_text_imports() -> None:
    """A reader changed outside the brain (how amounts are found, say) changes what the model
    is fitted on; a key blind to it would load arrays fitted on the old reading."""
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, knowreply.agent.brains.rules._model_text; "
            "print('\\n'.join(m.__file__ for n, m in sys.modules.items() "
            "if n.startswith('knowreply') and m.__file__))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    imported = {Path(path).resolve() for path in loaded if Path(path).name != "__init__.py"}
    assert imported
    assert imported <= {path.resolve() for path in _model_cache.code_files()}


def test_an_empty_cache_dir_setting_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KNOWREPLY_CACHE_DIR", "")
    assert disk_cache.cache_dir() is None
    assert _model_cache.load("k1") is None
    disk_cache.write_json("lexicon.json", {"a": "A"})
    assert disk_cache.read_json("lexicon.json") is None
