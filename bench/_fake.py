"""Start the fake Stripe server in a thread for a benchmark (the same way the tests do)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fake_stripe import running_fake_stripe

__all__ = ["running_fake_stripe"]
