import json

import pytest

from handlers.compare import compare, other_names
from handlers.ingest import IngestRequest, ingest


def store_of(path, analyzer, requests: list[IngestRequest]):
    """A fresh store at ``path`` holding ``requests``, ingested through the real pipeline."""
    from handlers import Context
    from store import Store

    ctx = Context(store=Store.open(path), analyzer=analyzer)
    ingest(ctx, requests)
    return ctx


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, seeded_template, analyzer):
    """The sample articles (a copy of the database built once per run), shared by this module's
    tests, which only read."""
    import shutil

    from handlers import Context
    from ingest import FetchPolicy
    from store import Store

    path = tmp_path_factory.mktemp("cmp") / "c.db"
    shutil.copyfile(seeded_template, path)
    ctx = Context(store=Store.open(path), analyzer=analyzer, policy=FetchPolicy())
    yield ctx
    ctx.store.close()


def test_the_regular_contact_claim_is_disputed_with_both_sides(seeded):
    data = compare(seeded, "Musk and Putin have been in regular contact since late 2022").data
    assert data["verdict"] == "disputed"
    assert data["original_report"] == "The Wall Street Journal"
    stances = {s["stance"] for s in data["statements"]}
    assert {"supports", "disputes", "unverified"} <= stances
    assert any("Peskov" in (s["speaker"] or "") for s in data["statements"] if s["stance"] == "disputes")
    assert {a["outlet"] for a in data["articles"]} == {"The Wall Street Journal", "Fortune", "CNN"}


def test_a_claims_names_come_with_the_other_names_their_entities_are_stored_under(seeded):
    forms = other_names(seeded, ("Putin", "Nobody Stored Here"))
    assert "Vladimir Putin" in forms["Putin"]
    assert "Putin" not in forms["Putin"]  # the name itself is no other name
    assert forms["Nobody Stored Here"] == ()


def test_compare_json_shape(seeded):
    data = compare(seeded, "Kiriyenko created 30 internet domains to spread Russian disinformation").data
    assert set(data) >= {"claim", "verdict", "why", "original_report", "statements", "numbers", "articles"}
    statement = data["statements"][0]
    assert set(statement) >= {
        "stance",
        "speaker",
        "speaker_type",
        "cue",
        "text",
        "sentence",
        "outlet",
        "article_id",
        "source",
    }
    assert set(data["articles"][0]) >= {"article_id", "outlet", "title", "source", "stance"}
    variants = {v["text"] for d in data["numbers"] for v in d["variants"]}
    assert {"some 30", "over 30"} <= variants
    json.dumps(data)


def test_no_coverage_and_a_malformed_claim(seeded):
    data = compare(seeded, "Penguins have learned to operate nuclear submarines").data
    assert data["verdict"] == "no coverage"
    assert "penguin" in data["why"]  # loose matches may be listed, but never decide the verdict
    assert not compare(seeded, "  ").ok


def test_a_word_in_a_story_but_in_no_statement_is_not_no_coverage(seeded):
    # "spoken" and "regular" are in the stories' text, though no stored statement carries them.
    data = compare(seeded, "Musk has spoken regularly with Putin").data
    assert data["verdict"] != "no coverage"
    assert data["calls"]


def test_each_article_carries_the_whole_article_reading(seeded):
    data = compare(seeded, "Musk and Putin have been in regular contact since late 2022").data
    for article in data["articles"]:
        reading = article["article_stance"]
        assert reading["stance"] in {"unrelated", "supports", "disputes", "reports"}
        assert 0 < reading["confidence"] <= 1 and "claim's words" in reading["why"]
    assert any(a["article_stance"]["stance"] != "unrelated" for a in data["articles"])


def test_an_unrelated_claim_lists_no_article_by_its_reading(seeded):
    reply = compare(seeded, "Penguins have learned to operate nuclear submarines")
    assert not any(s.heading and s.heading.startswith("Covering it") for s in reply.sections)
    assert all(a.get("article_stance", {}).get("stance") in (None, "unrelated") for a in reply.data["articles"])


def test_an_article_covering_the_claim_in_its_own_words_is_listed(tmp_path, analyzer):
    ctx = store_of(
        tmp_path / "own.db",
        analyzer,
        [
            IngestRequest(
                "penguins.txt",
                text="Zoo keepers in Edinburgh trained penguins to ring a bell at feeding time.\n\n"
                "The penguins rang the bell within a week of training.",
                outlet="The Scotsman",
            ),
            IngestRequest("budget.txt", text="The council approved a budget for bicycle lanes.", outlet="Gazette"),
        ],
    )
    reply = compare(ctx, "Penguins trained to ring a bell at feeding time")
    outlets = {a["outlet"]: a for a in reply.data["articles"]}
    assert "Gazette" not in outlets
    assert outlets["The Scotsman"]["article_stance"]["stance"] != "unrelated"
    ctx.store.close()


@pytest.fixture(scope="module")
def harbour(tmp_path_factory, analyzer):
    """Two short reports, written for these tests: a mayor's denial and a harbour sale."""
    ctx = store_of(
        tmp_path_factory.mktemp("speech") / "s.db",
        analyzer,
        [
            IngestRequest(
                "gazette.txt",
                text="Mayor Alice Brandt denied that the city had sold the harbour to Ocean Freight. "
                "The council met on Monday to discuss the harbour's future.\n\n"
                "Ocean Freight declined to comment on the harbour talks.",
                outlet="Gazette",
            ),
            IngestRequest(
                "herald.txt",
                text="The city sold the harbour to Ocean Freight last month, two council members said. "
                "The sale price was not disclosed.\n\nOcean Freight plans to expand the harbour.",
                outlet="Herald",
            ),
        ],
    )
    yield ctx
    ctx.store.close()


def test_a_claim_about_a_denial_is_supported_by_the_denial(harbour):
    data = compare(harbour, "Brandt denied that the city sold the harbour to Ocean Freight").data
    assert data["verdict"] == "supported"
    supporting = [s for s in data["statements"] if s["stance"] == "supports"]
    assert supporting and all("Brandt" in s["speaker"] for s in supporting)
    assert "Brandt denies it, as the claim says" in supporting[0]["why"]


def test_a_claim_that_the_speaker_confirmed_is_disputed_by_the_denial(harbour):
    data = compare(harbour, "Brandt confirmed that the city sold the harbour to Ocean Freight").data
    assert data["verdict"] == "disputed"
    brandt = {s["stance"] for s in data["statements"] if "Brandt" in (s["speaker"] or "")}
    assert brandt == {"disputes"}
    # what the others say of the sale itself is listed too: the council members who state it
    others = {s["stance"] for s in data["statements"] if "Brandt" not in (s["speaker"] or "")}
    assert others <= {"supports", "reports"}


def test_the_plain_claim_is_disputed_by_the_same_denial(harbour):
    data = compare(harbour, "The city sold the harbour to Ocean Freight").data
    stances = {s["stance"] for s in data["statements"] if "Brandt" in (s["speaker"] or "")}
    assert stances == {"disputes"}


@pytest.mark.parametrize("query", ["Brandt OR Ocean Freight", "Ocean Freight", "Brandt"])
def test_a_query_that_claims_nothing_gets_what_is_stored_by_outlet_and_no_verdict(harbour, query):
    reply = compare(harbour, query)
    assert reply.ok and reply.data["verdict"] is None
    assert "claims nothing" in reply.sections[0].text
    assert {o["outlet"] for o in reply.data["outlets"]} <= {"Gazette", "Herald"} and reply.data["outlets"]


def test_a_name_nobody_mentioned_is_said_to_be_unknown(harbour):
    reply = compare(harbour, "Zanzibar")
    assert reply.data["verdict"] is None and reply.data["unknown"] == ["Zanzibar"]


@pytest.fixture(scope="module")
def cited(tmp_path_factory, analyzer):
    """A first report, and a follow-up that cites it three ways and reports a denial."""
    ctx = store_of(
        tmp_path_factory.mktemp("cited") / "c.db",
        analyzer,
        [
            IngestRequest(
                "ledger.txt",
                text="The mayor signed a secret deal to sell the harbour to Ocean Freight, a person familiar "
                "with the talks said. The deal was signed in March.",
                outlet="The Evening Ledger",
                published="2024-03-01",
            ),
            IngestRequest(
                "herald.txt",
                text="The mayor signed a secret deal to sell the harbour to Ocean Freight, according to the "
                "Evening Ledger. The Ledger said the deal was signed in March. The mayor's office denied that "
                "any deal to sell the harbour had been signed.",
                outlet="Herald",
                published="2024-03-02",
            ),
        ],
    )
    yield ctx
    ctx.store.close()


def test_an_outlet_is_named_once_and_a_reported_denial_is_not_the_outlets_own(cited):
    first = compare(cited, "The mayor signed a secret deal to sell the harbour to Ocean Freight")
    assert {f.name: f.value for f in first.sections[0].fields}["Reported first by"] == "The Evening Ledger"
    reply = compare(cited, "The mayor signed a secret deal to sell the harbour to Ocean Freight", page=2)
    fields = {f.name: f.value for f in reply.sections[0].fields}
    assert "Evening Ledger" not in fields  # only the stored name, "The Evening Ledger"
    herald = fields["Herald"]
    assert "cites The Evening Ledger" in herald and herald.count("Ledger") == 1
    assert not herald.startswith("disputes")  # reporting the mayor's office's denial is not disputing


def test_an_anonymous_source_is_not_the_outlets_own_words(cited):
    data = compare(cited, "The mayor signed a secret deal to sell the harbour to Ocean Freight").data
    ledger = [s for s in data["statements"] if s["outlet"] == "The Evening Ledger" and "familiar" in s["sentence"]]
    assert ledger and all(s["speaker_type"] == "anonymous" for s in ledger)


def test_outlet_names_fold_to_the_stored_one():
    from handlers.outlet_names import fold_outlet

    stored = ["The Wall Street Journal", "Fortune", "The Washington Post"]
    assert fold_outlet("Wall Street Journal", stored) == "The Wall Street Journal"
    assert fold_outlet("the Journal", stored) == "The Wall Street Journal"
    assert fold_outlet("WSJ", stored) == "The Wall Street Journal"
    assert fold_outlet("the Post", stored) == "The Washington Post"
    assert fold_outlet("the paper", stored) is None and fold_outlet("Semafor", stored) is None


def test_statements_stored_before_terms_were_kept_are_judged_alike(seeded_ctx):
    """Terms stored at ingest spare /compare a parse; a store from before has none, and its
    statements, parsed at query time, are judged the same way."""
    claim = "Musk and Putin have been in regular contact since late 2022"
    stored = compare(seeded_ctx, claim).data
    seeded_ctx.store.db.execute("UPDATE statements SET lemmas = NULL, names = NULL")
    seeded_ctx.store.db.conn.commit()
    parsed = compare(seeded_ctx, claim).data
    assert stored["verdict"] == parsed["verdict"] == "disputed"
    assert [(s["stance"], s["text"]) for s in stored["statements"]] == [
        (s["stance"], s["text"]) for s in parsed["statements"]
    ]


def test_the_first_page_fits_a_phone_screen_and_cites_no_server_path(seeded):
    from bot.render_text import render_text

    reply = compare(seeded, "Elon Musk has been in regular contact with Vladimir Putin since 2022")
    first = render_text(reply)
    assert len(first) <= 2000, len(first)
    assert "/tmp/" not in first and "examples/articles" not in first
    assert reply.data["pages"] > 1 and "--page 2" in (reply.footer or "")
    later = compare(seeded, "Elon Musk has been in regular contact with Vladimir Putin since 2022", page=3)
    assert later.sections and later.data["page"] == 3


def test_the_verdict_line_agrees_with_the_evidence_listed(seeded):
    for claim in (
        "Elon Musk has been in regular contact with Vladimir Putin since 2022",
        "Elon Musk has been in regular contact with Vladimir Putin since late 2022",
        "Musk has been in regular contact with Kiriyenko",
    ):
        data = compare(seeded, claim).data
        disputes = [c for c in data["calls"] if c["stance"] == "disputes"]
        supports = [c for c in data["calls"] if c["stance"] == "supports"]
        if disputes:
            assert data["verdict"] == "disputed" and "nobody shown disputes" not in data["why"]
        elif supports:
            assert data["verdict"] == "supported"


def test_a_claim_and_its_qualified_form_get_the_same_verdict(seeded):
    since = compare(seeded, "Elon Musk has been in regular contact with Vladimir Putin since 2022").data
    late = compare(seeded, "Elon Musk has been in regular contact with Vladimir Putin since late 2022").data
    assert since["verdict"] == late["verdict"] == "disputed"


def test_a_denial_that_leaves_out_one_of_the_claims_names_takes_no_side(seeded):
    data = compare(seeded, "Musk has been in regular contact with Kiriyenko").data
    peskov = [c for c in data["calls"] if c["source"] == "Dmitry Peskov"]
    assert peskov and all(c["stance"] != "disputes" for c in peskov)


def test_a_title_case_headline_is_judged_as_a_claim(harbour):
    reply = compare(harbour, "City Sold The Harbour To Ocean Freight")
    assert reply.data["verdict"] in ("supported", "disputed", "unverified")


def test_a_claim_in_sentence_case_is_judged_even_when_an_entity_bears_it_as_a_name(seeded_ctx):
    """A stored entity named like a sentence (the tagger took a body's headline line for one long
    name) does not turn a reporter's claim into a names query; a Title-Case company name still is."""
    from handlers import entity

    claim = "Musk has been in regular contact with Kiriyenko"
    assert entity.rename(seeded_ctx, "Sergei Kiriyenko", claim).ok
    assert compare(seeded_ctx, claim).data["verdict"] in ("supported", "disputed", "unverified")
    assert entity.rename(seeded_ctx, claim, "Ocean Freight Holdings").ok
    assert compare(seeded_ctx, "Ocean Freight Holdings").data["verdict"] is None


def test_a_claim_in_another_language_gets_one_clear_line_and_no_guess(seeded):
    reply = compare(seeded, "Le président Macron a démissionné hier soir après une longue crise")
    assert not reply.ok and reply.data["refused"]
    assert "reads as French" in reply.title and "English" in reply.title
    # a short or name-heavy English claim is never taken for another language
    assert compare(seeded, "Recep Tayyip Erdogan visited Ankara").ok


def test_a_speaker_the_tagger_takes_for_a_common_noun_speaks_when_the_store_knows_the_name(tmp_path, analyzer):
    text = (
        "ISIS said in a statement on Friday that the hostage was killed in an airstrike by the coalition. "
        "The Pentagon said it could not confirm the claim.\n\nThe hostage, an aid worker, had been held since 2013."
    )
    ctx = store_of(tmp_path / "isis.db", analyzer, [IngestRequest("wire.txt", text=text, outlet="Wire")])
    query = "Isis claims the hostage was killed in an airstrike"
    assert analyzer.read_claim(query).shape.kind == "claim"  # "Isis" opening the line is tagged as a noun
    data = compare(ctx, query).data
    isis = [s for s in data["statements"] if s["speaker"] == "ISIS"]
    assert isis and isis[0]["why"].startswith("ISIS says it, as the claim says")  # read as the speaker's own
    # saying it is the claim itself: with nothing else behind it, nothing confirms what was said
    assert data["verdict"] == "unverified"
    ctx.store.close()
