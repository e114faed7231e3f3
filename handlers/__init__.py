"""Use cases: plain functions taking collaborators and returning a Reply; no chat libraries.

What belongs here: one module per command or use case (ingest, who, compare, story, digest,
watch, corrections), the chat command table (``handlers.commands``) and the ``Reply`` every
adapter renders. A handler takes its collaborators in a ``Context`` (store, analyzer, clock,
settings) and its arguments as plain values. What does not: Slack, Discord, aiohttp,
APScheduler or matplotlib (``bot``), SQL (``store``), spaCy calls of its own (``nlp``), and the
rules and thresholds that judge a claim (``judge``).
"""

from handlers.commands import COMMANDS, Caller, dispatch
from handlers.context import Context
from handlers.reply import Citation, Field, Reply, Section

__all__ = ["COMMANDS", "Caller", "Citation", "Context", "Field", "Reply", "Section", "dispatch"]
