import pytest

from handlers.ingest import IngestRequest, ingest
from handlers.who import who


@pytest.fixture
def seeded(seeded_ctx):
    return seeded_ctx


def test_who_answers_with_outlets_and_cited_sentences(seeded):
    reply = who(seeded, "Vladimir Putin")
    entity = reply.data["entity"]
    assert entity["name"] == "Vladimir Putin" and entity["type"] == "PERSON"
    assert set(entity["outlets"]) == {"The Wall Street Journal", "Fortune", "CNN"}
    for sentence in entity["sentences"]:
        assert "Putin" in sentence["text"] and sentence["outlet"] and sentence["source"]
    cited = next(s for s in reply.sections if s.heading and s.heading.startswith("Sentences naming"))
    assert cited.citations and cited.citations[0].outlet


def test_pages_of_sentences(seeded):
    first = who(seeded, "Putin")
    second = who(seeded, "Putin", page=2)
    assert first.data["entity"]["pages"] >= 2 and "--page 2" in first.footer
    texts = {s["text"] for s in first.data["entity"]["sentences"]}
    assert texts.isdisjoint(s["text"] for s in second.data["entity"]["sentences"])


def test_a_typo_gets_did_you_mean(seeded):
    reply = who(seeded, "Kirienko")
    assert reply.data["entity"] is None
    assert "Did you mean" in reply.title
    assert "Sergei Kiriyenko" in [c["name"] for c in reply.data["candidates"]]


def test_nobody_by_that_name(seeded):
    reply = who(seeded, "Zaphod Beeblebrox")
    assert reply.data == {"query": "Zaphod Beeblebrox", "entity": None, "candidates": []}
    assert reply.title == "Nobody named “Zaphod Beeblebrox” in the 3 stored articles."


def test_several_matches_are_listed_to_pick_from(ctx):
    text = (
        "NASA chief Bill Nelson said on Monday that the launch would go ahead. Microsoft founder Bill Gates "
        "said he would attend the launch in Florida, according to his office."
    )
    ingest(ctx, [IngestRequest("pasted", text=text)])
    reply = who(ctx, "Bill")
    assert reply.data["entity"] is None and reply.title == "2 entities match “Bill”: which one?"
    assert sorted(c["name"] for c in reply.data["candidates"]) == ["Bill Gates", "Bill Nelson"]
    picked = who(ctx, f"#{reply.data['candidates'][0]['id']}")
    assert picked.data["entity"]["id"] == reply.data["candidates"][0]["id"]


def test_a_first_name_only_one_person_has_picks_that_person(seeded):
    reply = who(seeded, "Bill")  # only Bill Nelson in the sample articles
    assert reply.data["entity"]["name"] == "Bill Nelson"


def test_an_empty_query_is_a_usage_error(seeded):
    assert not who(seeded, "   ").ok


def test_who_gives_descriptors_with_their_outlets_and_why_names_are_one(seeded):
    reply = who(seeded, "Kiriyenko")
    entity = reply.data["entity"]
    assert entity["name"] == "Sergei Kiriyenko"
    assert entity["descriptors"][0]["text"] == "Putin’s first deputy chief of staff"
    assert set(entity["descriptors"][0]["outlets"]) == {"The Wall Street Journal", "Fortune"}
    assert reply.title == "Sergei Kiriyenko (person), Putin’s first deputy chief of staff"
    assert {"alias": "Kiriyenko", "reason": "surname of Sergei Kiriyenko in the same article"} in entity[
        "merge_reasons"
    ]


def test_short_queries_find_whole_words(seeded):
    assert who(seeded, "Xi").data["entity"]["name"] == "Xi Jinping"


def test_candidates_carry_a_descriptor(seeded):
    reply = who(seeded, "Kirienko")
    assert reply.data["candidates"][0]["descriptor"] == "Putin’s first deputy chief of staff"


def test_a_very_long_name_is_not_echoed_back_whole(seeded_ctx):
    name = "Vladimir Putin " * 667  # 10,005 characters
    reply = who(seeded_ctx, name)
    quoted = reply.title.split("“")[1].split("”")[0]
    assert len(quoted) <= 101 and quoted.endswith("…") and name.startswith(quoted[:-1])
    shown = [reply.title, reply.footer or ""] + [s.text or "" for s in reply.sections]
    assert all(len(part) < 2_000 for part in shown)
