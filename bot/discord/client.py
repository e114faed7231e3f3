"""The discord.py client: application commands, paging views, posted articles, digests.

A thin adapter: every command goes through ``handlers.dispatch`` and every answer is a Reply drawn
by ``embeds``. Mentions are off for the whole client (``allowed_mentions`` none).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

import discord
from discord import app_commands

from bot import messages
from bot.charts import drawn_pictures
from bot.chat import answer, ingest_post, is_article_file, turn, wants_ingest
from bot.discord.commands import application_commands
from bot.discord.embeds import reply_embeds
from bot.discord.views import PagerView
from handlers import Caller, Context, Reply
from handlers import messages as handler_messages
from handlers.commands import with_page
from handlers.ingest import IngestRequest
from ingest.urls import find_urls

logger = logging.getLogger(__name__)

WORKING, DONE, FAILED = "👀", "✅", "❌"
NO_MENTIONS = discord.AllowedMentions.none()


def is_editor(interaction_or_member: discord.Interaction | discord.Member | discord.User, role: str) -> bool:
    """Members with Manage Server, or the configured role (by name or id), may change things."""
    member = getattr(interaction_or_member, "user", interaction_or_member)
    if not isinstance(member, discord.Member):
        return False  # direct messages: no server, no editors
    if member.guild_permissions.manage_guild:
        return True
    return bool(role) and any(r.name == role or str(r.id) == role for r in member.roles)


#: At most this many pages of an answer a handler pages itself are rendered for the buttons.
MAX_HANDLER_PAGES = 8


def _later_pages(reply: Reply) -> range:
    """The further pages of an answer its handler pages itself (its data says "page" of "pages")."""
    data = reply.data if isinstance(reply.data, dict) else {}
    if data.get("page") != 1 or not isinstance(data.get("pages"), int):
        return range(0)
    return range(2, min(data["pages"], MAX_HANDLER_PAGES) + 1)


def _progress(interaction: discord.Interaction) -> Callable[[str], Awaitable[object]]:
    """Progress notes replace the "thinking…" placeholder of a deferred answer."""

    async def note(text: str) -> None:
        await interaction.edit_original_response(content=f"… {discord.utils.escape_mentions(text)}")

    return note


class NewsroomDiscord(discord.Client):
    """One client; ``post_digest`` makes it a digest Poster."""

    def __init__(self, ctx: Context, editor_role: str = "", guilds: list[int] | None = None) -> None:
        intents = discord.Intents.default()
        intents.message_content = True  # privileged: needed to read links posted in channels
        super().__init__(intents=intents, allowed_mentions=NO_MENTIONS)
        self.ctx = ctx
        self.editor_role = editor_role
        self.guild_ids = guilds or []
        self.tree = app_commands.CommandTree(self)
        self.tree.on_error = self._on_command_error
        self._add_commands()

    # commands
    def _add_commands(self) -> None:
        """One slash command per platform command of the table (``bot.discord.commands``)."""

        def editors_only(interaction: discord.Interaction) -> bool:
            return is_editor(interaction, self.editor_role)

        for command in application_commands(self.run_command, self.run_ingest, editors_only):
            self.tree.add_command(command)

    async def setup_hook(self) -> None:
        """Sync commands: to the configured guilds at once, else globally (Discord takes up to an hour)."""
        if self.guild_ids:
            for guild_id in self.guild_ids:
                guild = discord.Object(id=guild_id)
                self.tree.copy_global_to(guild=guild)
                await self.tree.sync(guild=guild)
        else:
            await self.tree.sync()

    def caller(self, interaction: discord.Interaction) -> Caller:
        return Caller(
            user=str(interaction.user.id),
            channel=str(interaction.channel_id),
            platform="discord",
            editor=is_editor(interaction, self.editor_role),
            channel_name=getattr(interaction.channel, "name", None),
        )

    async def run_command(self, interaction: discord.Interaction, line: str) -> None:
        """Defer at once (the 3-second rule), answer in a worker thread, follow up with page 1."""
        async with turn():
            await self._command(interaction, line)

    async def _command(self, interaction: discord.Interaction, line: str) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)

        caller = self.caller(interaction)
        reply = await answer(self.ctx, line.strip(), caller, _progress(interaction))
        later = [await answer(self.ctx, with_page(line.strip(), page), caller) for page in _later_pages(reply)]
        await self.follow_up(interaction, reply, line, later)

    async def run_ingest(
        self, interaction: discord.Interaction, link: str | None, file: discord.Attachment | None
    ) -> None:
        async with turn():
            await self._ingest(interaction, link, file)

    async def _ingest(
        self, interaction: discord.Interaction, link: str | None, file: discord.Attachment | None
    ) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        requests = [IngestRequest(source=url) for url in find_urls(link or "")]
        if file is not None:
            requests.append(await self._attachment_request(file))
        if not requests:
            await self.follow_up(interaction, Reply.error(messages.DISCORD_INGEST_EMPTY()))
            return

        reply = await ingest_post(self.ctx, requests, self.caller(interaction), _progress(interaction))
        await self.follow_up(interaction, reply, "/ingest")

    async def follow_up(
        self, interaction: discord.Interaction, reply: Reply, line: str = "", later: list[Reply] | None = None
    ) -> None:
        """The answer as an ephemeral follow-up; discord.py already retries 429 (after retry_after)
        and 5xx. If it still fails (the interaction expired, Discord is down), the answer goes to
        the user by direct message, and every failure is logged with the command and channel.
        ``later``: the further pages of an answer its handler pages itself (/compare)."""
        pages = [embed for page in [reply, *(later or [])] for embed in reply_embeds(page)]
        view = PagerView(pages)
        where = f"discord:{interaction.channel_id}"
        try:
            await interaction.followup.send(embed=view.embed(), view=view, ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
        except discord.HTTPException as exc:
            logger.warning(messages.ANSWER_TO_DM(line=line[:80], where=where, reason=exc))
        try:
            await interaction.user.send(
                content=f"Your {discord.utils.escape_mentions(line.split(' ')[0] or 'command')} answer "
                f"from <#{interaction.channel_id}>:",
                embed=view.embed(),
                view=view,
                allowed_mentions=NO_MENTIONS,
            )
        except discord.HTTPException as exc:
            logger.error(messages.ANSWER_LOST_DM(line=line[:80], where=where, reason=exc))

    async def _on_command_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        if isinstance(error, app_commands.CheckFailure):
            message = handler_messages.EDITORS_ONLY()
        else:
            logger.error(messages.DISCORD_COMMAND_FAILED(), exc_info=error)
            message = messages.SORRY()
        if interaction.response.is_done():
            await interaction.followup.send(message, ephemeral=True)
        else:
            await interaction.response.send_message(message, ephemeral=True)

    # posted articles
    async def on_message(self, message: discord.Message) -> None:
        async with turn():
            await self._posted(message)

    async def _posted(self, message: discord.Message) -> None:
        if message.author.bot or message.author == self.user or message.guild is None:
            return
        if not wants_ingest(self.ctx, "discord", str(message.channel.id)):
            return
        links = find_urls(message.content or "")
        files = [a for a in message.attachments if is_article_file(a.filename, a.content_type)]
        if not links and not files:
            return
        caller = Caller(
            user=str(message.author.id),
            channel=str(message.channel.id),
            platform="discord",
            editor=is_editor(message.author, self.editor_role),
        )
        if not caller.editor:
            return  # only editors' posts are read; others are conversation
        await self._react(message, WORKING)
        requests = [IngestRequest(source=url) for url in links]
        requests += [await self._attachment_request(a) for a in files]
        reply = await ingest_post(self.ctx, requests, caller)
        await self._react(message, WORKING, remove=True)
        await self._react(message, DONE if reply.ok else FAILED)
        for number, embed in enumerate(reply_embeds(reply)):
            if number == 0:
                await message.reply(embed=embed, mention_author=False, allowed_mentions=NO_MENTIONS)
            else:
                await message.channel.send(embed=embed, allowed_mentions=NO_MENTIONS)

    async def _attachment_request(self, attachment: discord.Attachment) -> IngestRequest:
        limit = self.ctx.policy.max_bytes
        if attachment.size > limit:
            return IngestRequest(
                source=attachment.filename, failure=messages.FILE_TOO_LARGE(limit_mb=limit / 1024 / 1024)
            )
        try:
            body = await attachment.read()
        except discord.HTTPException as exc:
            logger.warning(messages.ATTACHMENT_NOT_DOWNLOADED(name=attachment.filename, reason=exc))
            return IngestRequest(source=attachment.filename, failure=messages.DISCORD_ATTACHMENT_FAILED())
        return IngestRequest(source=attachment.filename, body=body, content_type=attachment.content_type)

    async def _react(self, message: discord.Message, emoji: str, remove: bool = False) -> None:
        try:
            if remove:
                await message.remove_reaction(emoji, self.user)  # type: ignore[arg-type]
            else:
                await message.add_reaction(emoji)
        except discord.HTTPException as exc:
            logger.warning(messages.DISCORD_REACTION_FAILED(emoji=emoji, reason=exc))

    async def send_private(self, user: str, reply: Reply) -> bool:
        """A watch alert: a direct message to ``user``."""
        try:
            member = self.get_user(int(user)) or await self.fetch_user(int(user))
            channel = member.dm_channel or await member.create_dm()
            for embed in reply_embeds(reply):
                await channel.send(embed=embed, allowed_mentions=NO_MENTIONS)
        except (discord.HTTPException, ValueError):
            logger.exception(messages.ALERT_NOT_SENT(platform="discord", user=user))
            return False
        return True

    # digests
    async def post_digest(self, channel: str, reply: Reply) -> bool:
        try:
            target = self.get_channel(int(channel)) or await self.fetch_channel(int(channel))
            embeds = reply_embeds(reply)
            drawn = await drawn_pictures(reply, self.ctx)
            for number, embed in enumerate(embeds):
                files = [discord.File(path) for path in drawn] if number == len(embeds) - 1 else []
                await target.send(embed=embed, files=files, allowed_mentions=NO_MENTIONS)  # type: ignore[union-attr]
        except (discord.HTTPException, ValueError, OSError):
            logger.exception(messages.DIGEST_NOT_POSTED(platform="discord", channel=channel))
            return False
        return True
