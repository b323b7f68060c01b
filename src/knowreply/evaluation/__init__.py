"""The eval: labelled customer emails run through the agent against the fake Stripe server.

`load_cases(directory)` reads the cases, `run_eval(cases, options)` runs them and
`EvalReport` says how many came out fully right (and pass^k over repeated runs).
"""

from knowreply.evaluation.cases import Case, load_cases
from knowreply.evaluation.report import BrainScore, CaseResult, EvalReport
from knowreply.evaluation.runner import BrainOptions, run_eval

__all__ = [
    "BrainOptions",
    "BrainScore",
    "Case",
    "CaseResult",
    "EvalReport",
    "load_cases",
    "run_eval",
]
