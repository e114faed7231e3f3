"""Block Kit rendering: escaped, inside Slack's limits, nothing cut."""

from bot.slack.blocks import escape, reply_blocks, split
from bot.text import chunks
from handlers import Citation, Field, Reply, Section


def test_escape_defuses_mentions_links_and_broadcasts():
    assert escape("<!channel> <@U1> <http://x|y> a & b") == "&lt;!channel&gt; &lt;@U1&gt; &lt;http://x|y&gt; a &amp; b"
    assert "@channel" not in escape("hey @channel and @HERE") and "@here" not in escape("@here").lower()


def test_long_text_is_split_at_line_ends_without_losing_a_character():
    text = "\n".join(f"line {i} " + "x" * 90 for i in range(100))
    pieces = chunks(text, 3000)
    assert all(len(p) <= 3000 for p in pieces) and len(pieces) > 3
    assert "\n".join(pieces) == text


def test_a_citation_keeps_its_source_line_when_split():
    citation = Citation("Peskov said so.", "CNN", "A title", 3, link="https://cnn.com/a", lead="Dmitry Peskov, said")
    reply = Reply(title="T", sections=[Section(citations=[citation] * 30)])
    blocks = reply_blocks(reply)
    assert blocks[2] == {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": "CNN · <https://cnn.com/a|A title> · #3"}],
    }
    for message in split(blocks):
        assert len(message) <= 50 and message[-1]["type"] == "context"


def test_fields_go_ten_to_a_section():
    reply = Reply(title="T", sections=[Section(fields=[Field(f"n{i}", "v") for i in range(23)])])
    assert [len(b["fields"]) for b in reply_blocks(reply) if "fields" in b] == [10, 10, 3]


def test_a_long_title_becomes_a_bold_section():
    blocks = reply_blocks(Reply(title="word " * 40))
    assert blocks[0]["type"] == "section" and blocks[0]["text"]["text"].startswith("*word")
