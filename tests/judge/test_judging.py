"""judge_claim on evidence written for the tests: relevance before stance, sure sides, first report."""

from dataclasses import replace

from judge import CandidateArticle, Cuts, Evidence, Models, judge_claim, statement_model
from judge.article_model import LABELS, ArticleStance, ClaimWords
from judge.calls import Call
from judge.judging import article_side, first_report, missing_names, written_otherwise
from nlp.claim_shape import ClaimShape
from nlp.terms import Terms
from store.records import StatementRow, StoredArticle

#: A model that gives every label the same chance, so the tests decide with the cuts alone.
EVEN = {"labels": list(LABELS), "weights": {}}


def row(statement_id: int, text: str, speaker: str, article_id: int = 1, kind: str = "attributed") -> StatementRow:
    return StatementRow(
        article_id=article_id,
        outlet="Reuters",
        title="A title",
        source="reuters.txt",
        url=None,
        published="2024-10-28",
        sentence=text,
        statement_id=statement_id,
        kind=kind,
        text=text,
        speaker=speaker,
        speaker_type="named",
        speaker_entity_id=None,
        cue="denied",
        cue_lemma="deny",
    )


def evidence(rows, names=("Musk", "Kiriyenko"), with_article=True) -> Evidence:
    terms = Terms(frozenset({"musk", "kiriyenko", "regular", "contact"}), frozenset({"musk", "kiriyenko"}))
    said = [(r, Terms(frozenset(r.text.lower().replace(".", "").split()), frozenset())) for r in rows]
    article = StoredArticle(1, "A title", "Reuters", "reuters.txt", None, "2024-10-28", "2024-10-28")
    articles = {1: CandidateArticle(article, "A title", " ".join(r.text for r in rows), 1, 1.0)} if with_article else {}
    claim = "Musk has been in regular contact with Kiriyenko"
    return Evidence(
        claim=claim,
        shape=ClaimShape("claim"),
        terms=terms,
        hits=said,
        articles=articles,
        claim_words=ClaimWords.of(claim, ["musk", "kiriyenko"], {}, 10),
        names=names,
    )


def models(**cuts) -> Models:
    """The even models; the article reading (a third of the related mass on each side) takes no
    side unless a test lowers its cuts."""
    return Models(EVEN, EVEN, Cuts(**{"supports": 0.9, "disputes": 0.9, **cuts}))


def test_a_speakers_denial_naming_the_claim_disputes_it():
    denial = row(1, "Peskov denied Musk was in regular contact with Kiriyenko.", "Dmitry Peskov")
    judgement = judge_claim(evidence([denial]), models())
    assert judgement.verdict.label == "disputed"
    assert "Dmitry Peskov" in judgement.verdict.why


def test_a_denial_leaving_out_a_name_of_the_claim_only_reports_it():
    denial = row(1, "Peskov denied Musk was in regular contact with Putin.", "Dmitry Peskov")
    judgement = judge_claim(evidence([denial]), models())
    assert judgement.verdict.label != "disputed"
    assert all(c.stance != "disputes" for c in judgement.calls)


def test_a_denial_naming_the_claims_entity_by_another_of_its_names_disputes_it():
    denial = row(1, "Peskov denied Musk was in regular contact with the deputy chief of staff.", "Dmitry Peskov")
    named_otherwise = replace(evidence([denial]), name_forms={"Kiriyenko": ("deputy chief of staff", "SK")})
    assert judge_claim(named_otherwise, models()).verdict.label == "disputed"
    assert judge_claim(evidence([denial]), models()).verdict.label != "disputed"


def test_another_name_counts_only_as_written_in_full_or_as_an_acronym():
    statement = row(1, "It is the State that the U.S. fights, and the islamic state says so.", "A spokesman")
    assert missing_names(statement, ["ISIS"], {"ISIS": ("IS", "State")}) == ["ISIS"]  # "is" is no "IS"
    assert missing_names(statement, ["ISIS"], {"ISIS": ("Islamic State",)}) == []
    assert missing_names(statement, ["America"], {"America": ("U.S.",)}) == []
    assert written_otherwise("The US-led coalition", ("U.S.",))  # with or without its dots
    assert written_otherwise("The U.S. said so.", ("US",))
    assert not written_otherwise("The USA said so.", ("US",))
    assert not written_otherwise("IT IS WAR, THE HEADLINE SAID", ("IS",))  # capitals say nothing there
    assert written_otherwise("the Islamic  State said", ("Islamic State",))


def test_an_article_below_the_related_cut_is_not_listed_and_takes_its_statements_with_it():
    denial = row(1, "Peskov denied Musk was in regular contact with Kiriyenko.", "Dmitry Peskov")
    judgement = judge_claim(evidence([denial]), models(related=0.9))  # the even model: related 0.75
    assert judgement.calls == [] and judgement.verdict.label == "unverified"
    assert "none sure to be about it" in judgement.verdict.why


def test_an_article_a_statement_of_which_carries_the_claim_is_about_it_whatever_the_whole_reading():
    """A claim about one detail of a long story: the sentence that carries it makes the article
    about the claim, though the whole-article reading is below the related cut."""
    denial = row(1, "Peskov denied Musk was in regular contact with Kiriyenko.", "Dmitry Peskov")
    judgement = judge_claim(evidence([denial]), models(related=0.9, statement_related=0.9))
    assert judgement.verdict.label == "disputed" and judgement.calls
    partial = row(1, "Peskov denied any contact with Kiriyenko.", "Dmitry Peskov")
    judgement = judge_claim(evidence([partial]), models(related=0.9, statement_related=0.9))
    assert judgement.calls == [] and judgement.verdict.label == "unverified"


def test_words_nowhere_in_the_store_mean_no_coverage_only_when_no_stored_article_is_about_the_claim():
    """A claim may weigh most on words no stored text uses ("KC" of a story written "Kansas City"):
    an article about it in other words still covers it; with none, the store has no coverage."""
    talks = row(1, "Peskov said Musk had talks with Kiriyenko.", "Dmitry Peskov")
    other_words = replace(evidence([talks]), unseen=("regular", "contact", "kiriyenko"))
    covered = judge_claim(other_words, models())  # the even model: related 0.75, above the cut
    assert covered.verdict.label != "no coverage" and covered.calls
    judgement = judge_claim(other_words, models(related=0.9))
    assert judgement.verdict.label == "no coverage" and judgement.calls == []
    assert "regular, contact" in judgement.verdict.why


def test_a_statement_carrying_too_little_of_the_claim_takes_no_side():
    denial = row(1, "Peskov denied Musk was in regular contact with Kiriyenko.", "Dmitry Peskov")
    judgement = judge_claim(evidence([denial]), models(quoted_sides={"denial cue": 1.01}))
    assert judgement.verdict.label == "unverified"


def test_a_source_stating_the_claim_supports_only_where_the_article_quoting_it_leans_to_support():
    """A story that only discusses a claim quotes those who state it: a source's support counts
    only when the whole article leans to support at least ``Cuts.backed_supports`` (the even model
    gives support a third of the related mass)."""
    statement = replace(row(1, "Musk has been in regular contact with Kiriyenko.", "Ian Bremmer"), cue_lemma="say")
    backed = judge_claim(evidence([statement]), models(backed_supports=0.3))
    assert backed.verdict.label == "supported"
    alone = judge_claim(evidence([statement]), models(backed_supports=0.4))
    assert alone.verdict.label == "unverified"
    assert [c.stance for c in alone.calls if c.statement_id == 1] == ["reports"]
    assert "the article around it does not itself lean to support it (33%, 40% needed)" in alone.calls[0].why


def test_a_source_in_an_article_not_read_whole_has_no_backing():
    """Whether a quote counts must not hang on where the search ranked its article."""
    statement = replace(row(1, "Musk has been in regular contact with Kiriyenko.", "Ian Bremmer"), cue_lemma="say")
    unread = judge_claim(evidence([statement], with_article=False), models(backed_supports=0.3))
    assert unread.verdict.label == "unverified"
    assert "was not read whole" in unread.calls[0].why
    assert judge_claim(evidence([statement], with_article=False), models()).verdict.label == "supported"


def test_the_outlets_own_sentence_needs_no_backing():
    sentence = row(1, "Musk has been in regular contact with Kiriyenko.", "")
    own = replace(sentence, kind="fact", speaker=None, cue=None, cue_lemma=None)
    sentence_model = statement_model.load_model()  # the shipped reading of the outlet's own sentence
    cuts = Cuts(supports=0.9, disputes=0.9, backed_supports=0.9, statement_sides=0.9)
    judgement = judge_claim(evidence([own]), Models(EVEN, sentence_model, cuts))
    assert judgement.verdict.label == "supported"


def test_an_article_leaning_to_a_side_below_its_cut_is_unclear():
    chances = {"unrelated": 0.2, "supports": 0.4, "disputes": 0.1, "reports": 0.3}
    lean = ArticleStance("supports", 0.4, 0.8, "", "", chances)
    stance, sure = article_side(lean, Cuts(supports=0.6, disputes=0.3))
    assert stance == "unclear" and abs(sure - 0.5) < 1e-9
    assert article_side(lean, Cuts(supports=0.5, disputes=0.3))[0] == "supports"


def call(outlet: str, stance: str, published: str) -> Call:
    return Call(1, outlet, outlet, "outlet", stance, 0.9, 1.0, "", published=published)


def test_the_first_outlet_on_its_own_sources_reported_first():
    calls = [call("Fortune", "supports", "2024-10-25"), call("WSJ", "supports", "2024-10-24")]
    assert first_report(calls, {}) == "WSJ"


def test_an_outlet_citing_another_is_not_the_first_report():
    calls = [call("Fortune", "supports", "2024-10-23")]
    assert first_report(calls, {"Fortune": ["The Wall Street Journal"]}) == "The Wall Street Journal"


def test_a_full_name_counts_as_its_last_word_but_a_headline_taken_for_a_name_keeps_its_words():
    from judge.judging import short_form_terms

    named = short_form_terms(Terms(frozenset({"elon", "musk", "call"}), frozenset({"elon", "musk"})), ["Elon Musk"])
    assert named.lemmas == {"musk", "call"}
    # the tagger read "Kanye Banned" as one name; its last word is no proper noun of the claim ("ban")
    misread = short_form_terms(Terms(frozenset({"kanye", "ban"}), frozenset({"kanye"})), ["Kanye Banned"])
    assert misread.lemmas == {"kanye", "ban"}


def test_a_claim_about_speech_lists_no_statement_of_an_article_about_something_else():
    """The speaker's own denial counts in an article about the claim, and not in one the whole
    reading puts below the related cut (a story of another hoax that quotes the same outlet)."""
    denial = row(1, "Peskov denied regular contact.", "Dmitry Peskov")
    speech = replace(
        evidence([denial]),
        claim="Peskov confirmed regular contact",
        shape=ClaimShape("speech", speaker="Peskov", cue_lemma="confirm", act="confirms", content="regular contact"),
        content=Terms(frozenset({"regular", "contact"}), frozenset()),
        names=("Peskov",),
    )
    assert judge_claim(speech, models(related=0.5)).verdict.label == "disputed"  # the even model: related 0.75
    about_else = judge_claim(speech, models(related=0.9))
    assert about_else.verdict.label != "disputed" and all(c.stance != "disputes" for c in about_else.calls)


def _passing_on(rows) -> Evidence:
    """ "Peskov says Musk is in regular contact with Kiriyenko": a claim that passes on a speech."""
    return replace(
        evidence(rows),
        claim="Peskov says Musk is in regular contact with Kiriyenko",
        shape=ClaimShape(
            "speech",
            speaker="Peskov",
            cue_lemma="say",
            act="says",
            content="Musk is in regular contact with Kiriyenko",
        ),
        content=Terms(frozenset({"musk", "kiriyenko", "regular", "contact"}), frozenset({"musk", "kiriyenko"})),
        names=("Peskov", "Musk", "Kiriyenko"),
    )


def test_the_speaker_saying_what_a_claim_passes_on_supports_it_only_where_the_article_leans_to_support():
    said = replace(row(1, "Musk is in regular contact with Kiriyenko.", "Dmitry Peskov"), cue="said", cue_lemma="say")
    alone = judge_claim(_passing_on([said]), models(backed_supports=0.4))
    assert alone.verdict.label == "unverified"
    assert [c.stance for c in alone.calls if c.statement_id == 1] == ["reports"]
    assert judge_claim(_passing_on([said]), models(backed_supports=0.3)).verdict.label == "supported"


def test_the_outlet_telling_that_it_was_said_reports_and_a_witness_stands():
    told = replace(
        row(1, "Peskov said that Musk is in regular contact with Kiriyenko.", ""),
        kind="fact",
        speaker=None,
        cue=None,
        cue_lemma=None,
    )
    outlet = judge_claim(_passing_on([told]), models(backed_supports=0.9))
    assert [c.stance for c in outlet.calls if c.statement_id == 1] == ["reports"]
    witness = replace(
        row(2, "Peskov told me Musk is in regular contact with Kiriyenko.", "Ian Bremmer"),
        cue="said",
        cue_lemma="say",
        speaker_entity_id=7,
        speaker_entity_type="PERSON",
    )
    heard = judge_claim(_passing_on([witness]), models(backed_supports=0.9))
    assert heard.verdict.label == "supported" and "Ian Bremmer" in heard.verdict.why
    cited = replace(witness, speaker="Associated Press", speaker_type="outlet")
    relayed = judge_claim(_passing_on([cited]), models(backed_supports=0.9))
    assert [c.stance for c in relayed.calls if c.statement_id == 2] == ["reports"]
    for speaker, entity_type in (("Flashpoint Intelligence", "ORG"), ("a Kremlin official", None)):
        passing = replace(witness, speaker=speaker, speaker_entity_type=entity_type)
        passed = judge_claim(_passing_on([passing]), models(backed_supports=0.9))
        assert [c.stance for c in passed.calls if c.statement_id == 2] == ["reports"], speaker
        assert passed.verdict.label == "unverified"


def test_what_others_say_of_the_thing_said_bears_on_a_claim_that_passes_it_on():
    denial = row(1, "Musk denied being in regular contact with Kiriyenko.", "Elon Musk")
    judgement = judge_claim(_passing_on([denial]), models())
    assert judgement.verdict.label == "disputed" and "Elon Musk" in judgement.verdict.why
    only_about_speech = replace(
        _passing_on([denial]), shape=replace(_passing_on([denial]).shape, act="denies", cue_lemma="deny")
    )
    assert judge_claim(only_about_speech, models()).verdict.label != "disputed"  # a claimed denial: the speaker's own
