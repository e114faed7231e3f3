"""The Bolt app: slash commands, paging and share buttons, posted articles, digests.

Every answer comes from ``handlers`` as a Reply and leaves through ``blocks``; nothing here knows
what a command does.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

import aiohttp
from slack_bolt.async_app import AsyncApp
from slack_bolt.response import BoltResponse
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from bot import messages
from bot.charts import drawn_pictures
from bot.chat import answer, first_sight, ingest_post, is_article_file, turn, wants_ingest
from bot.slack.blocks import PAGE_BLOCKS, Block, escape, fallback_text, reply_blocks, split
from bot.slack.config import SlackConfig
from bot.slack.delivery import deliver
from handlers import Caller, Context, Reply
from handlers import messages as handler_messages
from handlers.commands import parse_command, platform_commands, with_page
from handlers.ingest import IngestRequest

logger = logging.getLogger(__name__)

BUTTON_VALUE_CHARS = 2000
_SLACK_LINK = re.compile(r"<(https?://[^|>\s]+)(?:\|[^>]*)?>")
WORKING, DONE, FAILED = "eyes", "white_check_mark", "x"


def posted_links(text: str) -> list[str]:
    """Links in a Slack message (Slack writes them as ``<url|label>``), without duplicates."""
    return list(dict.fromkeys(_SLACK_LINK.findall(text or "")))


class SlackBot:
    """One Bolt app over one Web API client; ``post_digest`` makes it a digest Poster."""

    def __init__(self, ctx: Context, config: SlackConfig) -> None:
        self.ctx = ctx
        self.config = config
        self.client = AsyncWebClient(token=config.bot_token, base_url=config.api_url)
        self.client.retry_handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=3))
        self.app = AsyncApp(
            client=self.client,
            signing_secret=config.signing_secret or None,
            request_verification_enabled=not config.socket_mode,
            name="newsroom",
        )
        self.app.middleware(self._skip_seen_events)
        for command in platform_commands():
            self.app.command(f"/{command.name}")(self._on_command)
        self.app.action(re.compile(r"^newsroom_page_\d+$"))(self._on_page)
        self.app.action("newsroom_share")(self._on_share)
        self.app.event("message")(self._on_message)
        self.app.error(self._on_error)

    # plumbing
    async def _skip_seen_events(self, body: dict, next: Any) -> BoltResponse | None:  # noqa: A002 - Bolt's name
        """A retried delivery (same event id, X-Slack-Retry-Num set) is acknowledged and dropped."""
        event_id = body.get("event_id") if isinstance(body, dict) else None
        if event_id and not first_sight(self.ctx, "slack", event_id):
            logger.info(messages.SLACK_RETRY_IGNORED(event_id=event_id))
            return BoltResponse(status=200, body="")
        await next()
        return None

    async def _on_error(self, error: Exception, body: dict) -> None:
        logger.error(messages.SLACK_REQUEST_FAILED(reason=error), exc_info=error)

    def _caller(self, team: str | None, user: str | None, channel: str | None, name: str | None = None) -> Caller:
        return Caller(
            user=user,
            channel=channel,
            platform="slack",
            editor=self.config.is_editor(team, user, channel),
            channel_name=name,
        )

    # slash commands
    async def _on_command(self, ack: Any, body: dict, respond: Any) -> None:
        async with turn():
            await self._command(ack, body, respond)

    async def _command(self, ack: Any, body: dict, respond: Any) -> None:
        line = f"{body['command']} {body.get('text', '')}".strip()
        command, _, args = parse_command(line)
        caller = self._caller(
            body.get("team_id"), body.get("user_id"), body.get("channel_id"), body.get("channel_name")
        )
        slow = command is not None and command.slow(args) and (caller.editor or command.read_only(args))
        if slow:
            await ack(text="Working on it…")
        else:
            await ack()

        async def note(text: str) -> None:
            await respond(text=f"… {escape(text)}", replace_original=True)  # progress: a lost one is no loss

        reply = await answer(self.ctx, line, caller, note if slow else None)
        for message in self.answer_messages(reply, line, page=1, pageable=self._pageable(line, caller)):
            await self._deliver(respond, message, body["command"], body.get("channel_id"), body.get("user_id"))

    async def _deliver(self, respond: Any, message: dict, command: str, channel: str | None, user: str | None) -> None:
        await deliver(respond, self.client, message, command=command, channel=channel, user=user)

    def _pageable(self, line: str, caller: Caller) -> bool:
        """Paging and sharing re-run the command, so only questions get the buttons."""
        command, name, args = parse_command(line)
        return (
            command is not None
            and name.lower() in ("who", "compare", "story", "digest", "newsroom")
            and command.read_only(args)
            and not (name.lower() == "digest" and args.strip())  # status may change; preview is fine
            and len(line) < BUTTON_VALUE_CHARS - 100
        )

    def answer_messages(self, reply: Reply, line: str, page: int, pageable: bool) -> list[dict]:
        """Ephemeral messages for one answer: one page with buttons, or (not pageable) every part."""
        parts = split(reply_blocks(reply), PAGE_BLOCKS)
        text = fallback_text(reply)
        if not pageable:
            return [
                {"text": text, "blocks": blocks, "response_type": "ephemeral", "replace_original": index == 0}
                for index, blocks in enumerate(parts)
            ]
        data = reply.data if isinstance(reply.data, dict) else {}
        if len(parts) == 1 and data.get("pages", 1) > 1:  # the handler pages its answer itself
            blocks = list(parts[0])
            shown, pages = data["page"], data["pages"]
            blocks.append(_context(f"Page {shown} of {pages}"))
            buttons = []
            if shown > 1:
                buttons.append(_button("◀ Previous", "newsroom_page", with_page(line, shown - 1), 1))
            if shown < pages:
                buttons.append(_button("Next ▶", "newsroom_page", with_page(line, shown + 1), 1))
            buttons.append(_button("Share in channel", "newsroom_share", line, 1))
            blocks.append({"type": "actions", "elements": buttons})
            return [{"text": text, "blocks": blocks, "response_type": "ephemeral", "replace_original": True}]
        page = min(max(page, 1), len(parts))
        blocks = list(parts[page - 1])
        if len(parts) > 1:
            blocks.append(_context(f"Page {page} of {len(parts)}"))
        buttons = []
        if page > 1:
            buttons.append(_button("◀ Previous", "newsroom_page", line, page - 1))
        if page < len(parts):
            buttons.append(_button("Next ▶", "newsroom_page", line, page + 1))
        buttons.append(_button("Share in channel", "newsroom_share", line, page))
        blocks.append({"type": "actions", "elements": buttons})
        return [{"text": text, "blocks": blocks, "response_type": "ephemeral", "replace_original": True}]

    # buttons
    def _action(self, body: dict) -> tuple[str, int, Caller]:
        value = json.loads(body["actions"][0]["value"])
        channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id")
        caller = self._caller((body.get("team") or {}).get("id"), (body.get("user") or {}).get("id"), channel)
        return value["line"], int(value["page"]), caller

    async def _on_page(self, ack: Any, body: dict, respond: Any) -> None:
        async with turn():
            await self._page(ack, body, respond)

    async def _page(self, ack: Any, body: dict, respond: Any) -> None:
        await ack()
        line, page, caller = self._action(body)
        reply = await answer(self.ctx, line, caller)
        for message in self.answer_messages(reply, line, page, pageable=self._pageable(line, caller)):
            await self._deliver(respond, message, "page button", caller.channel, caller.user)

    async def _on_share(self, ack: Any, body: dict, respond: Any) -> None:
        async with turn():
            await self._share(ack, body, respond)

    async def _share(self, ack: Any, body: dict, respond: Any) -> None:
        await ack()
        line, page, caller = self._action(body)
        reply = await answer(self.ctx, line, caller)
        parts = split(reply_blocks(reply), PAGE_BLOCKS)
        blocks = parts[min(max(page, 1), len(parts)) - 1]
        message = {
            "text": fallback_text(reply),
            "blocks": blocks,
            "response_type": "in_channel",
            "replace_original": False,
        }
        await self._deliver(respond, message, "share button", caller.channel, caller.user)

    # posted articles
    async def _on_message(self, event: dict, body: dict, context: Any) -> None:
        async with turn():
            await self._message(event, body, context)

    async def _message(self, event: dict, body: dict, context: Any) -> None:
        if event.get("subtype") not in (None, "file_share") or event.get("bot_id"):
            return  # edits, deletions and bot posts (ours included) never loop back
        if event.get("user") in (None, context.get("bot_user_id")):
            return
        channel = event.get("channel", "")
        if not wants_ingest(self.ctx, "slack", channel):
            return
        links = posted_links(event.get("text", ""))
        files = [f for f in event.get("files", []) if is_article_file(f.get("name", ""), f.get("mimetype"))]
        if not links and not files:
            return
        caller = self._caller(body.get("team_id"), event.get("user"), channel)
        if not caller.editor:
            await self.client.chat_postEphemeral(
                channel=channel, user=event["user"], text=handler_messages.EDITORS_ONLY()
            )
            return
        ts = event["ts"]
        await self._react(channel, ts, WORKING)
        requests = [IngestRequest(source=url) for url in links]
        requests += [await self._download(f) for f in files]
        reply = await ingest_post(self.ctx, requests, caller)
        await self._react(channel, ts, WORKING, remove=True)
        await self._react(channel, ts, DONE if reply.ok else FAILED)
        await self.post(channel, reply, thread_ts=ts)

    async def _download(self, file: dict) -> IngestRequest:
        """A shared file's bytes (the bot token authorises the download), capped at the ingest limit."""
        name = file.get("name") or file.get("id", "file")
        url = file.get("url_private_download") or file.get("url_private")
        limit = self.ctx.policy.max_bytes
        if (file.get("size") or 0) > limit:
            return IngestRequest(source=name, failure=messages.FILE_TOO_LARGE(limit_mb=limit / 1024 / 1024))
        if not url:
            return IngestRequest(source=name, failure=messages.SLACK_NO_DOWNLOAD_LINK())
        headers = {"Authorization": f"Bearer {self.config.bot_token}"}
        try:
            async with aiohttp.ClientSession() as session, session.get(url, headers=headers) as response:
                response.raise_for_status()
                body = await response.content.read(limit + 1)
        except aiohttp.ClientError as exc:
            logger.warning(messages.SLACK_DOWNLOAD_FAILED(name=name, reason=exc))
            return IngestRequest(source=name, failure=messages.SLACK_FILE_FAILED())
        return IngestRequest(source=name, body=body, content_type=file.get("mimetype"))

    async def _react(self, channel: str, ts: str, name: str, remove: bool = False) -> None:
        method = self.client.reactions_remove if remove else self.client.reactions_add
        try:
            await method(channel=channel, timestamp=ts, name=name)
        except Exception as exc:  # a missing reaction never stops the answer
            logger.warning(messages.SLACK_REACTION_FAILED(name=name, ts=ts, reason=exc))

    # posting (thread replies and digests)
    async def post(self, channel: str, reply: Reply, thread_ts: str | None = None) -> bool:
        """Post the whole reply: as many messages as Slack's 50-block limit needs, then its files."""
        for blocks in split(reply_blocks(reply)):
            response = await self.client.chat_postMessage(
                channel=channel, text=fallback_text(reply), blocks=blocks, thread_ts=thread_ts, unfurl_links=False
            )
            if not response.get("ok"):
                return False
        for path in await drawn_pictures(reply, self.ctx):
            await self._upload(channel, path, thread_ts)
        return True

    async def _upload(self, channel: str, path: Path, thread_ts: str | None) -> None:
        await self.client.files_upload_v2(
            channel=channel, file=str(path), filename=path.name, title="Who named whom", thread_ts=thread_ts
        )

    async def post_digest(self, channel: str, reply: Reply) -> bool:
        try:
            return await self.post(channel, reply)
        except Exception:
            logger.exception(messages.DIGEST_NOT_POSTED(platform="slack", channel=channel))
            return False

    async def send_private(self, user: str, reply: Reply) -> bool:
        """A watch alert: a direct message from the bot to ``user`` (its DM channel, opened if need be)."""
        opened = await self.client.conversations_open(users=user)
        if not opened.get("ok"):
            return False
        return await self.post(opened["channel"]["id"], reply)


def _context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


def _button(label: str, action_id: str, line: str, page: int) -> Block:
    return {
        "type": "button",
        "text": {"type": "plain_text", "text": label},
        "action_id": f"{action_id}_{page}" if action_id == "newsroom_page" else action_id,
        "value": json.dumps({"line": line, "page": page}),
    }
