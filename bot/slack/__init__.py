"""Slack: the bot on slack-bolt's async app, in Socket Mode or over HTTP.

What belongs here: Slack's events, slash commands and buttons turned into handler calls, and a
``Reply`` turned into Block Kit within Slack's limits and delivered (ack in 3 s, then
``respond``, retried). What does not: what a command does (``handlers``), and nothing of Discord.
"""
