"""`python -m fakestripe [--port N] [--seed demo|none] [--state-file PATH]`."""

from __future__ import annotations

import argparse
from pathlib import Path

from .app import serve


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="fakestripe", description="A fake Stripe API server for tests and the demo."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8420)
    parser.add_argument("--seed", choices=["demo", "none"], default="demo")
    parser.add_argument(
        "--state-file", type=Path, default=None, help="keep the account in this JSON file"
    )
    parser.add_argument(
        "--no-limits", action="store_true", help="do not apply Stripe's rate limits"
    )
    options = parser.parse_args()
    serve(
        options.host,
        options.port,
        options.seed,
        state_file=options.state_file,
        stripe_limits=not options.no_limits,
    )


if __name__ == "__main__":
    main()
