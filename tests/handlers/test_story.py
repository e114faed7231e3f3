"""/story on the sample articles: the report, the follow-ups and what they cite, denials, figures."""

from __future__ import annotations

from handlers.story import story

CLAIM = "Musk and Putin have been in regular contact"


def test_the_claims_story_runs_from_the_journal_through_its_follow_ups(seeded_ctx):
    reply = story(seeded_ctx, CLAIM)
    entries = reply.data["entries"]
    assert [(e["outlet"], e["role"]) for e in entries] == [
        ("The Wall Street Journal", "first report"),
        ("Fortune", "follow-up"),
        ("CNN", "follow-up"),
    ]
    wsj, fortune, cnn = entries
    assert fortune["cites"] == ["The Wall Street Journal"]
    assert set(cnn["cites"]) == {"The Wall Street Journal", "Semafor"}
    assert any("Peskov" in d["lead"] for e in entries for d in e["denials"])
    assert all(e["lead"]["article_id"] == e["article_id"] for e in entries)  # each line cited from its article
    assert reply.sections[0].heading.startswith("2024-10-24 · The Wall Street Journal · first report")


def test_a_figure_that_changes_between_reports_is_followed_from_one_to_the_next(seeded_ctx):
    reply = story(seeded_ctx, "Kiriyenko created 30 internet domains to spread Russian disinformation")
    (change,) = reply.data["number_changes"]
    assert [(s["text"], s["outlet"]) for s in change["steps"]] == [
        ("some 30", "The Wall Street Journal"),
        ("over 30", "Fortune"),
    ]
    assert reply.sections[-1].heading.startswith("The figure changed")


def test_a_names_story_lists_the_articles_naming_it_oldest_first(seeded_ctx):
    reply = story(seeded_ctx, "Kiriyenko")
    assert reply.data["kind"] == "entity"
    assert [e["outlet"] for e in reply.data["entries"]] == ["The Wall Street Journal", "Fortune"]
    assert all("Kiriyenko" in e["lead"]["sentence"] for e in reply.data["entries"])


def test_pages_and_bad_queries(seeded_ctx):
    first = story(seeded_ctx, CLAIM, page=1)
    assert first.data["pages"] == 1 and first.footer is None
    assert story(seeded_ctx, "").data["usage"]
    unknown = story(seeded_ctx, "Zebulon Quartermaine")
    assert not unknown.ok and "Nobody named" in unknown.title


def test_a_claim_in_another_language_gets_one_clear_line(seeded_ctx):
    reply = story(seeded_ctx, "El presidente anunció ayer un nuevo plan de infraestructura")
    assert not reply.ok and "reads as Spanish" in reply.title
