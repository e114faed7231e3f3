"""Errors a handler turns into a one-line answer."""


class UsageError(ValueError):
    """A malformed command; the message says how to write it."""
