"""Slack: the bot on slack-bolt's async app, in Socket Mode or over HTTP."""
