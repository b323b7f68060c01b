"""Checks on an incoming email before any brain reads it (language, and others)."""
