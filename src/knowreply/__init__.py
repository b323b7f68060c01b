"""knowreply: an AI agent that answers customer-support email about Stripe billing."""

__version__ = "0.1.0"
