"""Delivering a slash command's answer: response_url with retries, then the Web API.

Slack's response_url answers 429 when rate limited and 5xx when it is in trouble; Bolt's
``respond`` returns that status without raising, so an answer posted once can silently vanish.
Here a 429 is retried after its Retry-After, a 5xx or a broken connection after a short backoff;
when the URL still refuses, the answer goes through ``chat.postEphemeral`` (or ``chat.postMessage``
for an answer meant for the channel). Every failure to deliver is logged with the command and
channel.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot import messages

logger = logging.getLogger(__name__)

ATTEMPTS = 4  # posts to response_url before the Web API is used instead
BACKOFF_SECONDS = 0.5  # the first wait after a 5xx; doubled on each further attempt
LONGEST_WAIT_SECONDS = 10.0  # a Retry-After longer than this is not waited out: the fallback is faster


def _retry_after(response: Any) -> float | None:
    headers = getattr(response, "headers", None) or {}
    value = next((v for k, v in headers.items() if k.lower() == "retry-after"), None)
    if isinstance(value, list):
        value = value[0] if value else None
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None


async def deliver(
    respond: Callable[..., Awaitable[Any]],
    client: AsyncWebClient,
    message: dict[str, Any],
    *,
    command: str,
    channel: str | None,
    user: str | None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> bool:
    """Post one answer; True when Slack took it (through response_url or the fallback)."""
    status: int | str = "no attempt"
    for attempt in range(ATTEMPTS):
        try:
            response = await respond(**message)
            status = getattr(response, "status_code", 200)
        except Exception as error:  # noqa: BLE001 - a broken connection is retried like a 5xx
            response, status = None, f"{type(error).__name__}: {error}"
        if isinstance(status, int) and 200 <= status < 300:
            return True
        if isinstance(status, int) and status != 429 and status < 500:
            break  # the URL refuses for good (expired, 404): no point trying it again
        wait = _retry_after(response) if status == 429 else None
        wait = BACKOFF_SECONDS * 2**attempt if wait is None else wait
        if attempt + 1 < ATTEMPTS and wait <= LONGEST_WAIT_SECONDS:
            logger.info(messages.RESPONSE_URL_RETRY(status=status, command=command, channel=channel, wait=wait))
            await sleep(wait)
        else:
            break
    logger.warning(messages.RESPONSE_URL_TO_WEB_API(status=status, command=command, channel=channel))
    return await _fallback(client, message, command=command, channel=channel, user=user)


async def _fallback(
    client: AsyncWebClient, message: dict[str, Any], *, command: str, channel: str | None, user: str | None
) -> bool:
    if not channel:
        logger.error(messages.ANSWER_LOST_NO_CHANNEL(command=command))
        return False
    content = {"text": message.get("text", ""), "blocks": message.get("blocks")}
    try:
        if message.get("response_type") == "in_channel" or not user:
            await client.chat_postMessage(channel=channel, **content)
        else:
            await client.chat_postEphemeral(channel=channel, user=user, **content)
        return True
    except SlackApiError as error:
        logger.error(messages.ANSWER_LOST(command=command, channel=channel, reason=error.response.get("error", error)))
        return False
