"""Discord: the same bot on discord.py, with application commands, embeds and button views."""
