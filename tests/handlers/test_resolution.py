"""Finding the stored articles most like a new one: the story context the linker weighs."""

from handlers.ingest import IngestRequest, ingest_articles
from handlers.resolution import similar_articles

BASKETBALL = (
    "Jim O'Brien was fired as coach of the Philadelphia Sixers on Monday after one season. "
    "O'Brien led the Sixers to the playoffs, but the team's owners wanted a younger coach."
)
WEATHER = (
    "Heavy rain flooded roads across the county on Monday. Forecasters expect the storm to move "
    "east overnight, and schools will open late."
)


def test_words_no_stored_article_uses_do_not_crowd_out_the_shared_ones(ctx):
    outcomes = ingest_articles(
        ctx,
        [IngestRequest(source="a", text=BASKETBALL, outlet="A"), IngestRequest(source="b", text=WEATHER, outlet="B")],
    )
    basketball = outcomes[0].article_id
    # Many rare words, each used more often than the shared ones, that no stored article has.
    rare = " ".join(f"zyx{letter}word zyx{letter}word." for letter in "abcdefghijklmnopqrst")
    text = f"{rare} The Sixers coach O'Brien sued the team."
    assert similar_articles(ctx.store, text)[:1] == (basketball,)


def test_an_article_sharing_one_word_is_not_part_of_the_story(ctx):
    outcomes = ingest_articles(
        ctx,
        [IngestRequest(source="a", text=BASKETBALL, outlet="A"), IngestRequest(source="b", text=WEATHER, outlet="B")],
    )
    basketball, weather = (outcome.article_id for outcome in outcomes)
    text = "The Philadelphia Sixers fired coach Jim O'Brien on Monday; the owners wanted a younger coach."
    found = similar_articles(ctx.store, text)
    assert found == (basketball,), f"the weather story (id {weather}) shares only 'Monday'"
