"""Discord's application commands, made from the one command table (``handlers.commands.COMMANDS``).

Each row of the table becomes a slash command with the row's name, its help line's summary as the
description, and its ``Argument`` as the one option (renamed and described as the row says). So a
new command is its handler and its row: Slack, the console, /help and Discord all follow.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import discord
from discord import app_commands

from handlers.commands import Argument, Command, platform_commands

#: Runs a command line ("/who Kiriyenko") for an interaction.
LineRunner = Callable[[discord.Interaction, str], Awaitable[None]]
#: Runs an ingest of a link and/or an attached file for an interaction.
IngestRunner = Callable[[discord.Interaction, str | None, discord.Attachment | None], Awaitable[None]]


def application_commands(
    run_line: LineRunner, run_ingest: IngestRunner, editors_only: Callable[[discord.Interaction], bool]
) -> list[app_commands.Command]:
    """The slash commands to register, one per platform command of the table, in its order.

    Args:
        run_line: answers a command line for an interaction (defer, dispatch, follow up).
        run_ingest: ingests a link and/or an attached file ("link or file" arguments).
        editors_only: the check for commands only editors may run whatever their arguments.
    Returns:
        ``app_commands.Command`` objects for a ``CommandTree``.
    """
    return [_command(command, run_line, run_ingest, editors_only) for command in platform_commands()]


def _command(
    command: Command,
    run_line: LineRunner,
    run_ingest: IngestRunner,
    editors_only: Callable[[discord.Interaction], bool],
) -> app_commands.Command:
    callback = _callback(command, command.argument, run_line, run_ingest)
    made = app_commands.Command(name=command.name, description=command.summary, callback=callback)
    if not command.read_only(""):  # editors only, whatever is asked (/ingest)
        made.add_check(editors_only)
    return made


def _callback(
    command: Command, argument: Argument | None, run_line: LineRunner, run_ingest: IngestRunner
) -> Callable[..., Awaitable[None]]:
    """A new coroutine function whose signature is the option Discord shows; discord.py reads the
    options from the signature, and the rename and description decorators from the function."""
    name = command.name
    if argument is None:

        async def bare(interaction: discord.Interaction) -> None:
            await run_line(interaction, f"/{name}")

        return bare
    if argument.kind == "link or file":

        async def link_or_file(
            interaction: discord.Interaction, link: str | None = None, file: discord.Attachment | None = None
        ) -> None:
            await run_ingest(interaction, link, file)

        return app_commands.describe(link=argument.help, file="An article file: text, Markdown or HTML")(link_or_file)
    if argument.kind == "number":

        async def number(interaction: discord.Interaction, value: int) -> None:
            await run_line(interaction, f"/{name} {value}")

        return _option(number, argument)
    if argument.required:

        async def text(interaction: discord.Interaction, value: str) -> None:
            await run_line(interaction, f"/{name} {value}")

        return _option(text, argument)

    async def optional_text(interaction: discord.Interaction, value: str = "") -> None:
        await run_line(interaction, f"/{name} {value}")

    return _option(optional_text, argument)


def _option(callback: Callable[..., Awaitable[None]], argument: Argument) -> Callable[..., Awaitable[None]]:
    return app_commands.rename(value=argument.name)(app_commands.describe(value=argument.help)(callback))
