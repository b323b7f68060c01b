"""`knowreply eval`: run the labelled cases in `evals/` through the agent and score them."""

from __future__ import annotations

import json as json_lib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from knowreply.cli.common import clean_errors, fail

if TYPE_CHECKING:
    from knowreply.evaluation import BrainOptions

API_KEY_VARIABLES = {"openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY"}


@clean_errors
def eval_command(
    directory: Annotated[Path, typer.Argument(help="The directory of case files (*.toml).")] = Path(
        "evals"
    ),
    brain: Annotated[
        Literal["rules", "openai", "anthropic"], typer.Option(help="The brain that answers.")
    ] = "rules",
    model: Annotated[
        str | None, typer.Option(help="The LLM's model name (openai, anthropic brains).")
    ] = None,
    base_url: Annotated[
        str | None, typer.Option(help="An OpenAI-compatible server (Ollama, vLLM, Azure).")
    ] = None,
    repeat: Annotated[
        int, typer.Option(min=1, max=20, help="Runs per case; reports pass^k when above 1.")
    ] = 1,
    only: Annotated[
        list[str] | None, typer.Option("--case", help="Run only this case (repeatable).")
    ] = None,
    json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
    split: Annotated[
        Literal["dev", "heldout"] | None,
        typer.Option(help="Run the intent corpus's split instead of the cases in DIR."),
    ] = None,
    lang: Annotated[
        list[str] | None, typer.Option(help="Only the corpus emails in this language.")
    ] = None,
    batch: Annotated[
        int | None,
        typer.Option(min=1, max=33, help="Only the corpus emails of this batch (its README)."),
    ] = None,
    jobs: Annotated[
        int, typer.Option(min=1, max=64, help="Corpus emails run at the same time.")
    ] = 1,
    timeout: Annotated[
        float | None, typer.Option(min=1, help="Seconds an LLM request (and a run) may take.")
    ] = None,
) -> None:
    """Run the eval cases against the fake Stripe server; exit 1 when any case fails.

    With --split, run the intent corpus instead and print its scores; exit 1 when a write
    was made for an email that did not ask for one. The LLM's API key comes from
    OPENAI_API_KEY or ANTHROPIC_API_KEY.
    """
    from knowreply.evaluation import BrainOptions, load_cases, run_eval
    from knowreply.logs import configure_logging

    configure_logging("error", "console")
    if brain != "rules" and not model:
        raise fail(f"the {brain} brain needs --model", 2)
    options = BrainOptions(
        brain=brain,
        model=model,
        base_url=base_url,
        api_key=os.environ.get(API_KEY_VARIABLES.get(brain, ""), "") or None,
        timeout_seconds=timeout,
    )
    if split is not None:
        _eval_corpus(split, options, jobs=jobs, timeout=timeout, lang=lang, batch=batch, json=json)
        return
    cases = load_cases(directory)
    if only:
        cases = [case for case in cases if case.id in set(only)]
        if not cases:
            raise fail(f"no case called {', '.join(only)} in {directory}", 1)
    report = run_eval(cases, options, repeat=repeat)
    if json:
        typer.echo(json_lib.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        typer.echo(report.as_text())
    if not report.all_right:
        raise typer.Exit(1)


def _eval_corpus(
    split: Literal["dev", "heldout"],
    options: BrainOptions,
    *,
    jobs: int,
    timeout: float | None,
    lang: list[str] | None,
    batch: int | None,
    json: bool,
) -> None:
    from knowreply.evaluation.corpus import run_corpus

    report = run_corpus(
        split,
        options,
        jobs=jobs,
        timeout=timeout,
        languages=tuple(lang) if lang else None,
        batch=batch,
    )
    if not report.results:
        where = f" in {', '.join(lang)}" if lang else ""
        of_batch = f" of batch {batch}" if batch else ""
        raise fail(f"the corpus has no {split} emails{of_batch}{where}", 1)
    if json:
        typer.echo(json_lib.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        typer.echo(report.as_text())
    if report.write_precision < 1:
        raise typer.Exit(1)
