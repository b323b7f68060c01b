"""Loading what every answered email needs, before a worker process takes any work.

The agent loads lazily (the CLI starts fast without it), and the intent model is read once
per process. A worker that has not loaded them yet takes up to 16 emails at its first poll
and holds all of them while it loads (about 5 s of CPU in all, measured on 2026-12-07: the
agent's imports, scikit-learn, the model's arrays; the casing lexicon, read from the disk
cache, since counting it from the corpus takes 3 s more), though another worker process could
have handled them meanwhile.

`python -m knowreply.agent.warm --jobs N` only makes sure the model is cached, fitting it
with N processes when it is not: `knowreply worker --processes N` runs it before it starts
its workers, so that on a fresh machine they do not each fit the model alone.
"""

from __future__ import annotations

import argparse
import sys


def warm_up(*, jobs: int = 1) -> None:
    """Import the agent and load the intent model and the casing lexicon, as the first email
    would; a model not cached yet is fitted with `jobs` processes reading the corpus."""
    from knowreply.agent import runner  # noqa: F401 (imported for its side effect: loaded)
    from knowreply.agent.brains.rules.intent_model import shared_model
    from knowreply.agent.intake.casing import usual_forms

    shared_model(jobs=jobs).guess("warm up", frozenset())
    usual_forms()  # now, not at the first email typed in capitals


def cache_model(*, jobs: int) -> None:
    """Fit the intent model with `jobs` processes and cache it, unless it is cached already
    or the cache is off (then every process fits its own: there is nothing to share)."""
    from knowreply.agent.brains.rules import intent_model

    if intent_model.model_is_cached() or not intent_model.model_cache_is_on():
        return
    print(
        f"Fitting the intent model with {jobs} processes, once for this machine and version "
        "(a few minutes of CPU)",
        file=sys.stderr,
    )
    intent_model.shared_model(jobs=max(jobs, 1))


def main() -> None:
    parser = argparse.ArgumentParser(description="Fit and cache the intent model if needed.")
    parser.add_argument("--jobs", type=int, default=1, help="processes reading the corpus")
    cache_model(jobs=parser.parse_args().jobs)


if __name__ == "__main__":
    main()
