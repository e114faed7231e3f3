"""Each platform test starts with an open intake, as a freshly started bot has.

``bot.chat.intake`` is the running bot's, one per process; a test that runs the bot and stops it
leaves it closed (a closed intake answers "The bot is restarting"), so every test gets a new one
whatever ran before it in the same process.
"""

import pytest

from bot import chat


@pytest.fixture(autouse=True)
def open_intake():
    chat.open_intake()
    yield
