"""The eval's result: per brain, how many cases came out fully right, and pass^k."""

from __future__ import annotations

from pydantic import BaseModel, Field


class CaseResult(BaseModel):
    """One case over its K runs: right only in the runs without differences."""

    id: str
    description: str
    runs: int
    right: int
    differences: list[list[str]] = Field(default_factory=list)
    """Per run, what differed from the expectations (empty lists for right runs)."""
    seconds: float = 0.0

    @property
    def always_right(self) -> bool:
        return self.right == self.runs


class BrainScore(BaseModel):
    brain: str
    model: str | None = None
    repeat: int
    cases: list[CaseResult]

    @property
    def total(self) -> int:
        return len(self.cases)

    @property
    def right_share(self) -> float:
        """Share of all runs that were fully right (pass^1 averaged over the K runs)."""
        runs = sum(c.runs for c in self.cases)
        return sum(c.right for c in self.cases) / runs if runs else 0.0

    @property
    def pass_k(self) -> float:
        """pass^k: the share of cases right in every one of the K runs."""
        return sum(c.always_right for c in self.cases) / self.total if self.total else 0.0

    @property
    def failures(self) -> list[CaseResult]:
        return [c for c in self.cases if not c.always_right]


class EvalReport(BaseModel):
    scores: list[BrainScore]

    @property
    def all_right(self) -> bool:
        return all(not score.failures for score in self.scores)

    def as_json(self) -> dict[str, object]:
        return {
            "all_right": self.all_right,
            "brains": [
                {
                    "brain": s.brain,
                    "model": s.model,
                    "cases": s.total,
                    "repeat": s.repeat,
                    "right_share": round(s.right_share, 4),
                    "pass_k": round(s.pass_k, 4),
                    "results": [c.model_dump() for c in s.cases],
                }
                for s in self.scores
            ],
        }

    def as_text(self) -> str:
        lines: list[str] = []
        for s in self.scores:
            name = s.brain + (f" ({s.model})" if s.model else "")
            lines.append(f"brain {name}: {s.total} cases, {s.repeat} run(s) each")
            lines.append(f"  fully right: {s.right_share:.1%} of runs")
            if s.repeat > 1:
                lines.append(f"  pass^{s.repeat}: {s.pass_k:.1%} of cases right in every run")
            for failure in s.failures:
                lines.append(f"  FAIL {failure.id} ({failure.right}/{failure.runs} right)")
                lines.append(f"       {failure.description}")
                for run, found in enumerate(failure.differences, start=1):
                    for difference in found:
                        prefix = f"run {run}: " if s.repeat > 1 else ""
                        lines.append(f"       - {prefix}{difference}")
        return "\n".join(lines)
