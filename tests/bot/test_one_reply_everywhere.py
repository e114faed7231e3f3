"""One Reply drives the console, Slack and Discord: the same facts reach each, safely escaped."""

from bot.discord.embeds import reply_embeds
from bot.render_text import render_text
from bot.slack.blocks import reply_blocks
from handlers import Citation, Field, Reply, Section

REPLY = Reply(
    title="Dmitry Peskov (person), Kremlin spokesman",
    sections=[
        Section(fields=[Field("Named in", "3 articles, 3 outlets")]),
        Section(
            heading="Sentences naming Dmitry Peskov",
            citations=[
                Citation(
                    sentence="Peskov told <!channel> and @everyone the contact was a single call.",
                    outlet="CNN",
                    title="Musk and Putin",
                    article_id=3,
                    link="https://cnn.com/musk-putin",
                    lead="Dmitry Peskov, said",
                )
            ],
        ),
    ],
)


def test_one_reply_on_console_slack_and_discord():
    console = render_text(REPLY)
    slack = str(reply_blocks(REPLY))
    discord = str([embed.to_dict() for embed in reply_embeds(REPLY)])
    for facts in ("Dmitry Peskov (person), Kremlin spokesman", "3 articles, 3 outlets", "CNN", "#3", "single call"):
        assert facts in console and facts in slack and facts in discord, facts
    assert "https://cnn.com/musk-putin" in console and "https://cnn.com/musk-putin" in slack
    assert "https://cnn.com/musk-putin" in discord
    assert "<!channel>" not in slack and "@everyone" not in slack
    assert "@everyone" not in discord
