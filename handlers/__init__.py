"""Use cases: plain functions taking collaborators and returning a Reply; no chat libraries."""

from handlers.commands import COMMANDS, Caller, dispatch
from handlers.context import Context
from handlers.reply import Citation, Field, Reply, Section

__all__ = ["COMMANDS", "Caller", "Citation", "Context", "Field", "Reply", "Section", "dispatch"]
