"""Discord: the same bot on discord.py, with application commands, embeds and button views.

What belongs here: the application commands made from the command table, interactions turned
into handler calls, and a ``Reply`` turned into embeds within Discord's limits. What does not:
what a command does (``handlers``), and nothing of Slack.
"""
