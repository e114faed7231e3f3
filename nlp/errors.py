"""Errors of the analysis that callers catch without loading spaCy to do so."""

from __future__ import annotations


class ModelNotInstalled(RuntimeError):
    """No spaCy pipeline could be loaded; the message says what to install."""
