import pytest

from handlers.ingest import IngestRequest, ingest
from handlers.who import who
from ingest.manifest import read_manifest
from tests.conftest import SAMPLE_MANIFEST


@pytest.fixture
def seeded(ctx):
    requests = [
        IngestRequest(str(e.path), outlet=e.outlet, published=e.published) for e in read_manifest(SAMPLE_MANIFEST)
    ]
    assert ingest(ctx, requests).data["new"] == 3
    return ctx


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


def test_several_matches_are_listed_to_pick_from(seeded):
    reply = who(seeded, "Bill")
    if reply.data["entity"] is None:
        assert len(reply.data["candidates"]) >= 2
        picked = who(seeded, f"#{reply.data['candidates'][0]['id']}")
        assert picked.data["entity"]["id"] == reply.data["candidates"][0]["id"]
    else:  # only one Bill in the articles: it is chosen
        assert "Bill" in reply.data["entity"]["name"]


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
