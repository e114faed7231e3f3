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
    later = who(seeded, "Vladimir Putin", page=3)
    cited = next(s for s in later.sections if s.heading and s.heading.startswith("Sentences naming"))
    assert cited.citations and cited.citations[0].outlet


def test_pages_of_sentences(seeded):
    first = who(seeded, "Putin")
    third, fourth = who(seeded, "Putin", page=3), who(seeded, "Putin", page=4)
    assert first.data["entity"]["pages"] >= 4 and "--page 2" in first.footer
    assert first.data["entity"]["sentences"] == third.data["entity"]["sentences"]  # page 1's JSON: the first ones
    texts = {s["text"] for s in third.data["entity"]["sentences"]}
    assert texts.isdisjoint(s["text"] for s in fourth.data["entity"]["sentences"])


def test_the_first_page_reads_three_sentences_from_three_outlets_first(seeded):
    reply = who(seeded, "Putin")
    read_first = next(s for s in reply.sections if s.heading == "To read first")
    assert len(read_first.citations) == 3
    assert len({c.outlet for c in read_first.citations}) == 3
    assert all(len(c.sentence) <= 162 and "/" not in (c.link or "") for c in read_first.citations)
    assert [c["outlet"] for c in reply.data["entity"]["telling"]] == [c.outlet for c in read_first.citations]


def test_often_named_with_is_ranked_by_how_specific_the_pairing_is(seeded):
    related = who(seeded, "Putin").data["entity"]["related"]
    assert related, "Peskov, named with Putin in every sentence naming him, is a specific pairing"
    assert related[0]["name"] == "Dmitry Peskov"
    assert [r["pmi"] for r in related] == sorted((r["pmi"] for r in related), reverse=True)
    assert all(r["type"] in ("PERSON", "ORG") and r["sentences"] >= 2 for r in related)


def test_page_two_lists_each_sentence_once_and_names_the_newspaper(seeded):
    reply = who(seeded, "Putin", page=2)
    cited = [(c.article_id, c.sentence) for s in reply.sections for c in s.citations]
    assert len(cited) == len(set(cited))
    leads = [c.lead for s in reply.sections for c in s.citations]
    assert not any("the newspaper" in lead for lead in leads)
    assert any(lead.startswith("The Wall Street Journal, cited") for lead in leads)  # CNN's "the newspaper"


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


def test_page_two_says_so_when_nobody_is_quoted(seeded):
    import dataclasses

    from handlers.profile import entity_profile
    from handlers.who import _statement_sections

    summary = seeded.store.entity_overview(seeded.store.find_entities("Kiriyenko")[0].id)
    quiet = dataclasses.replace(entity_profile(seeded, summary, 2), said=[], about=[], reasons=[])
    assert [s.text for s in _statement_sections(quiet)] == [
        "No stored article quotes Sergei Kiriyenko, or quotes anyone about them."
    ]


def _named_field(reply, name: str) -> str:
    return next(f.value for s in reply.sections for f in s.fields if f.name == name)


def test_first_published_is_the_earliest_date_not_the_first_stored(ctx):
    """An older story stored later still dates the name; with no date given, the day it was stored is
    said to be that, not a publication date."""
    text = "Mayor Ana Ferreira of Porto signed the harbour deal on Monday, her office said."
    ingest(ctx, [IngestRequest("late.txt", text=text, outlet="Ledger", published="2024-05-02")])
    earlier = text.replace("Monday", "Friday")
    ingest(ctx, [IngestRequest("early.txt", text=earlier, outlet="Herald", published="2023-11-20")])
    assert "first published 2023-11-20" in _named_field(who(ctx, "Ana Ferreira"), "Named in")
    ingest(ctx, [IngestRequest("undated.txt", text="Inspector Joao Pimenta of Braga opened the inquiry, police said.")])
    named = _named_field(who(ctx, "Joao Pimenta"), "Named in")
    assert "first stored" in named and "first published" not in named and "T" not in named.split("first stored")[1][:12]


def test_a_description_from_no_known_outlet_has_no_empty_brackets(ctx):
    text = "Portuguese Prime Minister Ana Ferreira signed the harbour deal. Ferreira said it was fair."
    ingest(ctx, [IngestRequest("plain.txt", text=text)])
    reply = who(ctx, "Ana Ferreira")
    fields = [f.value for s in reply.sections for f in s.fields if f.name == "Described as"]
    assert fields and "()" not in fields[0]
