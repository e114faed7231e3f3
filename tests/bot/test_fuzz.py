"""Property-based tests of the edges: every chat command's arguments and every way to ingest (pasted
text, a posted file) fed random bytes, Unicode, control characters, huge and empty values.

Each input must get a reply (no exception: an adapter would log a traceback and answer "Something
went wrong"), of bounded size on every platform, that does not echo a huge input back; and
nothing may be stored that is not an article. Derandomized and bounded, so the run is quick and the
same each time; spaCy and the sample store are loaded once.
"""

from __future__ import annotations

import shutil

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from bot.discord.embeds import reply_embeds
from bot.render_json import render_json
from bot.render_text import render_text
from bot.slack.blocks import fallback_text, reply_blocks, split
from handlers import Caller, Context, Reply, dispatch
from handlers.commands import COMMANDS
from handlers.ingest import IngestRequest, ingest
from handlers.posted import ingest_posted
from ingest import FetchPolicy
from ingest.extract import MIN_ARTICLE_WORDS
from ingest.shape import not_an_article
from store import Store
from tests.bot.test_chat import PARAGRAPH

FUZZ = settings(
    derandomize=True,
    deadline=None,
    max_examples=60,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure is shown as found, quickly
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
#: The longest reply a fuzzed input may get, in characters of console text (a real answer of the
#: sample store is under 8,000).
REPLY_CHARS = 20_000
#: A huge input (over HUGE characters) is never echoed back: no run of ECHO_CHARS of it is in the reply
#: (more than the CLAIM_ECHO_CHARS a quoted claim may run to).
#: A claim of a few hundred characters may be quoted whole (handlers.wording.CLAIM_ECHO_CHARS).
HUGE = 1_000
ECHO_CHARS = 400
EDITOR = Caller(user="U1", channel="C1", platform="slack", editor=True)
READER = Caller(user="U2", channel="C1", platform="discord", editor=False)

#: Characters of every kind: control characters, surrogates excluded (no platform delivers them).
ANY_CHAR = st.characters(codec="utf-8")
CONTROL = st.characters(min_codepoint=0, max_codepoint=31) | st.sampled_from("\x7f\u200b\u200e\u202e\ufeff\u2028")
DIGITS = st.sampled_from("0123456789²³¹٣۴߅३१๓１") | st.characters(categories=["Nd", "No"])
TEXTS = st.one_of(
    st.just(""),
    st.text(alphabet=st.sampled_from(" \t\n\r\x0b\x0c\u00a0\u3000"), max_size=20),  # only blanks
    st.text(ANY_CHAR, max_size=200),
    st.text(CONTROL, max_size=50),
    st.binary(max_size=300).map(lambda b: b.decode("latin-1")),  # random bytes, as text
    st.builds(lambda c, n: c * n, ANY_CHAR, st.integers(1_000, 120_000)),  # huge, one character
    st.builds(lambda w, n: " ".join([w] * n), st.text(ANY_CHAR, min_size=1, max_size=12), st.integers(100, 20_000)),
    st.builds(lambda s: "--page " + s, st.text(ANY_CHAR, max_size=30)),
    st.text(DIGITS, min_size=1, max_size=12),  # numbers of every script: "²" and "٣" are digits too
    st.builds(lambda d, n: "--page " + d * n, DIGITS, st.integers(1, 6_000)),  # past int()'s 4,300 digits
    st.builds(lambda d, n: d * n, DIGITS, st.integers(1, 6_000)),
    st.builds(lambda s: "http://127.0.0.1:9/" + s, st.text(ANY_CHAR, max_size=40)),  # refused: private address
    st.builds(lambda s: s + "://x/" + s, st.sampled_from(["file", "ftp", "data", "javascript", "gopher"])),
    st.builds(lambda a, b: a + PARAGRAPH + b, st.text(ANY_CHAR, max_size=80), st.text(ANY_CHAR, max_size=80)),
)


@pytest.fixture(scope="module")
def fuzz_ctx(seeded_template, tmp_path_factory, analyzer):
    """One copy of the sample store for the whole module: hypothesis calls the test many times."""
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.db"
    shutil.copyfile(seeded_template, path)
    store = Store.open(path)
    yield Context(store=store, analyzer=analyzer, policy=FetchPolicy(timeout_s=2.0), charts_dir=path.parent)
    store.close()


def rendered(reply: Reply) -> str:
    """The reply drawn for every platform (each must manage); returns the console text."""
    assert isinstance(reply, Reply)
    text = render_text(reply)
    render_json(reply)
    for blocks in split(reply_blocks(reply)):
        assert len(blocks) <= 50
    assert len(fallback_text(reply)) <= 4000
    embeds = reply_embeds(reply)
    assert all(len(e) <= 6000 for e in embeds)
    return text


def check_bounded(text: str, given_text: str) -> None:
    assert len(text) <= REPLY_CHARS, len(text)
    if len(given_text) > HUGE:
        middle = len(given_text) // 2
        assert given_text[middle - ECHO_CHARS // 2 : middle + ECHO_CHARS // 2] not in text


def stored_are_articles(ctx: Context) -> None:
    """Every stored article's text passes the article check (the samples do)."""
    for (text,) in ctx.store.db.execute("SELECT text FROM articles"):
        assert len(text.split()) >= MIN_ARTICLE_WORDS and not_an_article(text) is None, text[:200]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_answers_any_arguments_briefly(fuzz_ctx, name):
    before = fuzz_ctx.store.article_count()

    @FUZZ
    @given(args=TEXTS, caller=st.sampled_from([EDITOR, READER]), spelled=st.sampled_from([name, name.upper()]))
    def answers(args, caller, spelled):
        line = f"/{spelled} {args}"
        text = rendered(dispatch(fuzz_ctx, line, caller))
        check_bounded(text, args)

    answers()
    if name != "ingest":
        assert fuzz_ctx.store.article_count() == before
    stored_are_articles(fuzz_ctx)


@FUZZ
@given(text=TEXTS)
def test_pasted_text_is_answered_and_only_articles_are_stored(fuzz_ctx, text):
    reply = dispatch(fuzz_ctx, text, EDITOR)
    check_bounded(rendered(reply), text)
    stored_are_articles(fuzz_ctx)


FILE_NAMES = st.sampled_from(["a.txt", "b.md", "c.html", "d", "e.csv", "\x00.txt", "ü" * 300 + ".htm"])
CONTENT_TYPES = st.sampled_from([None, "text/plain", "text/html", "text/markdown", "application/octet-stream", ""])
BODIES = st.one_of(
    st.binary(max_size=2000),
    TEXTS.map(lambda t: t.encode("utf-8")),
    TEXTS.map(lambda t: t.encode("utf-16")),
    st.builds(lambda t: f"<html><body><p>{t}</p><script>{t}</script></body></html>".encode(), TEXTS),
    st.builds(lambda n: b"\x00" * n, st.integers(0, 6 * 1024 * 1024)),  # past the 5 MB limit too
)


@FUZZ
@given(name=FILE_NAMES, content_type=CONTENT_TYPES, body=BODIES)
def test_posted_files_are_answered_and_only_articles_are_stored(fuzz_ctx, name, content_type, body):
    request = IngestRequest(source=name, body=body, content_type=content_type)
    reply = ingest_posted(fuzz_ctx, [request], EDITOR)
    check_bounded(rendered(reply), body.decode("latin-1"))
    stored_are_articles(fuzz_ctx)


SAFE_NAMES = st.sampled_from(["a.txt", "b.md", "c.html", "d", "e.csv", "f.json", "ü" * 100 + ".htm"])


@FUZZ
@given(name=SAFE_NAMES, body=BODIES)
def test_files_given_to_the_cli_are_answered_and_only_articles_are_stored(fuzz_ctx, name, body):
    """``newsroom ingest FILE``: the CLI's own path (``handlers.ingest.ingest``) from a file on disk."""
    path = fuzz_ctx.charts_dir / "files" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(body)
    reply = ingest(fuzz_ctx, [IngestRequest(source=str(path))])
    check_bounded(rendered(reply), body.decode("latin-1"))
    stored_are_articles(fuzz_ctx)
