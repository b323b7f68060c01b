"""A fake Stripe API server for tests and the demo (MIT, our own; speaks Stripe's wire format).

`create_app()` gives the ASGI app; `serve()` runs it on loopback; see `control` for `/_fake/`.
"""

from __future__ import annotations

from .app import create_app, serve
from .auth import ACCOUNT_ID
from .seed import DEMO_PERMISSIONS, DEMO_RESTRICTED_KEY, demo_customers

__all__ = [
    "ACCOUNT_ID",
    "DEMO_PERMISSIONS",
    "DEMO_RESTRICTED_KEY",
    "create_app",
    "demo_customers",
    "serve",
]
