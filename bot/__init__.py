"""Chat adapters and the command line: parse input, call handlers, render their Reply.

What belongs here: everything that speaks to a platform or runs the process: Slack
(``bot.slack``), Discord (``bot.discord``), the console and the CLI, the settings read from the
environment, the digest scheduler, charts, health checks and the read-only browser. An adapter
converts: an event in, a handler call, the ``Reply`` rendered out. What does not: what a command
does or answers (``handlers``, ``judge``) and SQL (``bot`` never imports ``sqlite3``). Nothing
imports ``bot``.
"""
