"""The linker's evidence rules (issue 40): abbreviations on evidence, short forms, the one entry point."""

from dataclasses import replace

from domain import Analysis, Descriptor, KnownEntity, LocalEntity, Mention, Sentence
from nlp.linker import ArticleContext, LinkContext, link, link_entity
from nlp.linker.abbreviations import defines, definitions
from nlp.linker.names import relation_to
from nlp.linker.short_forms import family_name_first, inside_title, regnal_name, short_surnames, without_honorific
from nlp.resolve import group_mentions

KOREA = frozenset({"pyongyang", "north korea", "seoul"})
ELSEWHERE = LinkContext(frozenset({"ebola", "liberia", "world health organization"}), (40, 41))


def analysis_in(text: str, *names: tuple[str, str]) -> Analysis:
    """An analysis of ``text`` whose mentions are the first occurrence of each name."""
    mentions, at = [], 0
    for name, label in names:
        start = text.index(name, at)
        mentions.append(Mention(name, start, start + len(name), label, 0))
        at = start + len(name)
    analysis = Analysis(text=text, sentences=[Sentence(0, len(text), text)], mentions=mentions)
    analysis.entities = group_mentions(analysis)
    return analysis


def test_schwartz_hearst_reads_a_definition_either_way_round():
    assert defines("AP", "Associated Press") and not defines("AP", "Press")
    assert definitions("said the Associated Press (AP) on Monday") == [("AP", "Associated Press")]
    assert definitions("AP (Associated Press) reported") == [("AP", "Associated Press")]
    assert definitions("in the spring (2019) they met") == []


def test_an_abbreviation_the_article_defines_is_one_entity_with_its_long_form():
    text = "The Islamic Revolutionary Guard Corps (IRGC) said on Monday that the IRGC had moved."
    analysis = analysis_in(text, ("Islamic Revolutionary Guard Corps", "ORG"), ("IRGC", "ORG"), ("IRGC", "ORG"))
    assert len(analysis.entities) == 1
    assert analysis.entities[0].reasons["IRGC"].endswith("defined in the same article")


def test_an_acronym_an_entity_was_called_joins_in_its_story_but_not_in_one_sharing_nothing():
    ap = KnownEntity(8, "Associated Press", "ORG", ("AP", "Associated Press"), (), (1, 2), 2, KOREA)
    assert link_entity(LocalEntity("AP", "ORG", ["AP"], [0]), [ap], (), ELSEWHERE).entity_id is None
    in_its_story = LinkContext(KOREA, (1, 2))
    assert link_entity(LocalEntity("AP", "ORG", ["AP"], [0]), [ap], (), in_its_story).entity_id == 8


def test_a_lone_word_the_article_uses_as_a_place_is_no_surname():
    kobani = KnownEntity(3, "Afshin Kobani", "PERSON", ("Afshin Kobani",), (), (1, 2), 2, KOREA)
    text = "Fighters moved in Kobani on Monday, and Kobani fell."
    analysis = analysis_in(text, ("Kobani", "PERSON"), ("Kobani", "PERSON"))
    analysis.entities[0].label, analysis.entities[0].maybe_person = "GPE", True  # as nlp.mentions relabels it
    linked = link(analysis, [kobani], ArticleContext((1, 2)))
    assert not linked.entities[0].maybe_person and linked.links[0].entity_id is None
    assert relation_to(LocalEntity("Kobani", "PERSON", ["Kobani"], [0]), kobani) == "surname"


def test_a_word_inside_a_title_is_no_short_form_of_another_entity():
    text = "Tillerson, the Secretary of State, flew to Ankara."
    analysis = analysis_in(text, ("Tillerson", "PERSON"), ("State", "ORG"), ("Ankara", "GPE"))
    state = next(e for e in analysis.entities if e.name == "State")
    assert inside_title(analysis, state)
    islamic_state = KnownEntity(5, "Islamic State", "ORG", ("Islamic State",), (), (1, 2), 2, KOREA)
    linked = link(analysis, [islamic_state], ArticleContext((1, 2)))
    assert all(found.entity_id != 5 for found in linked.links)


def test_a_word_modifying_the_common_noun_after_it_is_no_short_form_unless_a_person_s_or_capitals():
    def one_mention(text: str, name: str, label: str, role: str) -> Analysis:
        analysis = analysis_in(text, (name, label))
        analysis.mentions[0] = replace(analysis.mentions[0], role=role)
        return analysis

    official = one_mention("A senior State department official declined.", "State", "ORG", "compound/nsubj")
    assert inside_title(official, official.entities[0])
    islamic_state = KnownEntity(5, "Islamic State", "ORG", ("Islamic State",), (), (1, 2), 2, KOREA)
    assert link(official, [islamic_state], ArticleContext((1, 2))).links[0].entity_id != 5
    # nor does an earlier article's short form ("State" said for Islamic State) make it the same name
    called_state = KnownEntity(5, "Islamic State", "ORG", ("Islamic State", "State"), (), (1, 2), 2, KOREA)
    assert link(official, [called_state], ArticleContext((1, 2))).links[0].entity_id != 5
    # the same word as the subject, or before a name, or a person's surname, stays a candidate
    said = one_mention("State said on Monday it would act.", "State", "ORG", "nsubj/ROOT")
    before_a_name = one_mention("The State Senate met.", "State", "ORG", "compound/nsubj")
    obama = one_mention("The Obama administration said no.", "Obama", "PERSON", "compound/nsubj")
    fbi = one_mention("Two FBI agents arrived.", "FBI", "ORG", "compound/nsubj")
    assert not any(inside_title(a, a.entities[0]) for a in (said, before_a_name, obama, fbi))


def test_family_name_first_and_spanish_surnames():
    assert family_name_first(["kim", "jong-un"]) and family_name_first(["kim", "yo", "jong"])
    assert not family_name_first(["vladimir", "putin"]) and not family_name_first(["al", "abu-bakr"])
    assert short_surnames(["cristina", "fernandez", "de", "kirchner"]) == {"fernandez"}
    assert without_honorific("mr cho") == "cho" and without_honorific("cho yang-ho") == "cho yang-ho"


def test_kim_mr_cho_and_fernandez_join_their_full_names_in_the_article():
    text = "Kim Jong-un met Cho Yang-ho. Kim smiled. Mr Cho left. Cristina Fernández de Kirchner spoke; Fernández won."
    analysis = analysis_in(
        text,
        ("Kim Jong-un", "PERSON"),
        ("Cho Yang-ho", "PERSON"),
        ("Kim", "PERSON"),
        ("Mr Cho", "PERSON"),
        ("Cristina Fernández de Kirchner", "PERSON"),
        ("Fernández", "PERSON"),
    )
    names = sorted(sorted(e.aliases) for e in analysis.entities)
    assert names == [
        ["Cho Yang-ho", "Mr Cho"],
        ["Cristina Fernández de Kirchner", "Fernández"],
        ["Kim", "Kim Jong-un"],
    ]


def test_a_family_name_written_first_finds_the_stored_person_across_articles():
    kim = KnownEntity(4, "Kim Jong-un", "PERSON", ("Kim Jong-un",), (), (1, 2), 2, KOREA)
    assert relation_to(LocalEntity("Kim", "PERSON", ["Kim"], [0]), kim) == "surname"
    assert relation_to(LocalEntity("Mr Kim", "PERSON", ["Mr Kim"], [0]), kim) == "surname"


def test_link_never_changes_the_analysis():
    text = "Microsoft Corp. said on Monday that Microsoft Corp. would hire."
    analysis = analysis_in(text, ("Microsoft Corp.", "ORG"))
    before = [(e.name, list(e.aliases)) for e in analysis.entities]
    linked = link(analysis, [], ArticleContext())
    assert [(e.name, list(e.aliases)) for e in analysis.entities] == before
    assert "Microsoft" in linked.entities[0].aliases and len(linked.links) == 1


def test_two_people_with_one_full_name_are_one_once_both_are_read_as_people():
    from nlp.linker.twins import twins

    obama = LocalEntity("Barack Obama", "PERSON", ["Barack Obama", "Obama"], [0, 1])
    twin = KnownEntity(3, "Barack Obama", "ORG", ("Barack Obama",))
    stranger = KnownEntity(4, "Michelle Obama", "PERSON", ("Michelle Obama",))
    heads = {9: ("Barack Obama", "PERSON"), 3: ("Barack Obama", "PERSON"), 4: ("Michelle Obama", "PERSON")}
    assert twins([obama], [9], [twin, stranger], heads) == [
        (3, 9, "same full name (barack obama), both read as PERSON")
    ]
    assert twins([obama], [9], [twin], {**heads, 3: ("Barack Obama", "ORG")}) == []
    assert twins([obama], [9], [twin], heads, blocked=frozenset({"barack obama"})) == []  # a reporter's split
    park = LocalEntity("Cook National Park", "FAC", ["Cook National Park"], [0])
    other = KnownEntity(5, "Cook National Park", "ORG", ("Cook National Park",))
    places = {9: ("Cook National Park", "FAC"), 5: ("Cook National Park", "FAC")}
    assert twins([park], [9], [other], places) == [(5, 9, "same full name (cook national park), both read as FAC")]
    # two coast guards the linker kept apart by their qualifiers, both settled on the short name
    ours = LocalEntity("Freedonian Coast Guard", "ORG", ["Coast Guard", "Freedonian Coast Guard"], [0, 1])
    theirs = KnownEntity(6, "Coast Guard", "ORG", ("Coast Guard", "Ruritanian Coast Guard"))
    guards = {9: ("Coast Guard", "ORG"), 6: ("Coast Guard", "ORG")}
    assert twins([ours], [9], [theirs], guards) == []
    plain = LocalEntity("Coast Guard", "ORG", ["Coast Guard"], [0])
    assert twins([plain], [9], [theirs], guards) == [(6, 9, "same full name (coast guard), both read as ORG")]
    # nor when an article writing only the short name joins one of them: the names it had count
    freedonian = KnownEntity(9, "Coast Guard", "ORG", ("Coast Guard", "Freedonian Coast Guard"))
    assert twins([plain], [9], [freedonian, theirs], guards) == []


def test_a_short_form_an_organisation_took_in_its_own_article_is_its_head_word_elsewhere():
    sun = KnownEntity(9, "Baltimore Sun", "ORG", ("Baltimore Sun", "Sun"), (), (1, 2), 2, frozenset({"maryland"}))
    assert link_entity(LocalEntity("Sun", "ORG", ["Sun"], [0]), [sun], (), ELSEWHERE).entity_id is None
    in_its_story = LinkContext(frozenset({"maryland"}), (1, 2))
    assert link_entity(LocalEntity("Sun", "ORG", ["Sun"], [0]), [sun], (), in_its_story).entity_id == 9
    assert link_entity(LocalEntity("Baltimore Sun", "ORG", ["Baltimore Sun"], [0]), [sun], (), ELSEWHERE).entity_id == 9


def test_an_acronym_that_is_the_stored_entitys_own_name_is_its_name_in_any_story():
    us = KnownEntity(2, "U.S.", "GPE", ("U.S.", "United States"), (), (1, 2), 2, KOREA)
    assert link_entity(LocalEntity("U.S.", "GPE", ["U.S."], [0]), [us], (), ELSEWHERE).entity_id == 2


def test_a_state_abbreviation_after_a_place_is_the_state_and_joins_only_by_its_name():
    from nlp.linker.states import state_after_place

    story = LinkContext(KOREA, (1, 2))
    nobel = KnownEntity(6, "Nobel Committee", "ORG", ("Nobel Committee",), (), (1, 2), 2, KOREA)
    angeles = KnownEntity(7, "Los Angeles", "GPE", ("Los Angeles",), (), (1, 2), 2, KOREA)
    carolina = KnownEntity(8, "North Carolina", "GPE", ("North Carolina",), (), (1, 2), 2, KOREA)
    elon = analysis_in("ELON, N.C. – A rumor spread in Pyongyang and Seoul.", ("N.C.", "GPE"))
    assert state_after_place(elon, 0) == "North Carolina"
    linked = link(elon, [nobel, carolina], ArticleContext(story.similar_articles))
    assert "North Carolina" in linked.entities[0].aliases and linked.links[0].entity_id == 8
    assert linked.entities[0].reasons["North Carolina"] == "N.C. names the state"
    assert link(elon, [nobel], ArticleContext(story.similar_articles)).links[0].entity_id is None
    breaux = analysis_in("Lunch in Breaux Bridge, LA today.", ("Breaux Bridge", "GPE"), ("LA", "GPE"))
    assert link(breaux, [angeles], ArticleContext(story.similar_articles)).links[1].entity_id is None
    boyle = analysis_in("Boyle is in LA this week.", ("Boyle", "PERSON"), ("LA", "GPE"))
    assert state_after_place(boyle, 1) is None  # no place before it: Los Angeles may be meant
    king = analysis_in("Rep. Peter King (R-NY) spoke in Seattle, Wash.", ("NY", "ORG"), ("Wash.", "GPE"))
    assert (state_after_place(king, 0), state_after_place(king, 1)) == ("New York", "Washington State")
    opener = analysis_in("It rained. Meanwhile, LA officials met.", ("LA", "GPE"))
    assert state_after_place(opener, 0) is None  # a sentence's first word is no place
    credit = analysis_in("Photo: Getty Images, PA", ("Getty Images", "ORG"), ("PA", "ORG"))
    assert state_after_place(credit, 1) is None  # a company before the comma: the Press Association


def test_a_stored_short_form_never_called_by_a_long_one_needs_a_name_in_common_not_similar_articles_alone():
    rc = KnownEntity(9, "RC", "ORG", ("RC",), (), (1, 2), 2, frozenset({"managua", "nicaragua"}))
    redwood = LocalEntity("Redwood City", "GPE", ["Redwood City"], [0])
    only_similar = LinkContext(frozenset({"google", "pacific shores"}), (1, 2))
    assert link_entity(redwood, [rc], (), only_similar).entity_id is None
    with_a_name = LinkContext(frozenset({"google", "nicaragua"}), (1, 2))
    assert link_entity(redwood, [rc], (), with_a_name).entity_id == 9
    afp = KnownEntity(5, "Agence France-Presse", "ORG", ("Agence France-Presse",), (), (1, 2), 2, KOREA)
    assert link_entity(LocalEntity("AFP", "ORG", ["AFP"], [0]), [afp], (), only_similar).entity_id == 5


def test_the_decision_keeps_every_candidate_that_could_have_been_chosen_the_chosen_first():
    from nlp.linker.decide import decide

    navy = LocalEntity("Harbour Navy", "ORG", ["Harbour Navy", "Navy"], [0, 1])
    full = KnownEntity(3, "Harbour Navy", "ORG", ("Harbour Navy",), article_ids=(40,), article_count=1)
    lone = KnownEntity(7, "Navy", "ORG", ("Navy",), article_ids=(41,), article_count=1)
    story = LinkContext(frozenset({"port elsworth"}), (40, 41))
    chosen, alternatives = decide(navy, [lone, full], (), story)
    assert chosen.entity_id == 3
    assert [(s.candidate.id, s.relation) for s in alternatives] == [(3, "same_full"), (7, "same_single")]
    linked = link(analysis_in("The Harbour Navy said so.", ("Harbour Navy", "ORG")), [], ArticleContext())
    assert linked.alternatives == [()]  # a new entity could have been nothing else


def test_a_lone_name_under_a_monarch_s_title_is_no_surname_whichever_came_first():
    assert regnal_name("Abdullah", ["Jordanian King"]) and regnal_name("Francis", ["former Pope"])
    assert not regnal_name("Gordon", ["Commissioner"]) and not regnal_name("Mark Gordon", ["King"])
    story = frozenset({"jordan", "isis", "amman"})

    def king_abdullah(titled: bool) -> Analysis:
        analysis = analysis_in("King Abdullah spoke in Amman.", ("Abdullah", "PERSON"))
        if titled:
            analysis.descriptors = [Descriptor("King", 0, 4, 0, "title")]
            analysis.entities[0].descriptors = [0]
        return analysis

    full_name = KnownEntity(7, "Asiya Ummi Abdullah", "PERSON", ("Asiya Ummi Abdullah",), (), (1, 2), 2, story)
    context = ArticleContext((1, 2))
    assert link(king_abdullah(False), [full_name], context).links[0].entity_id == 7  # a surname, else
    assert link(king_abdullah(True), [full_name], context).links[0].entity_id != 7
    # the other way round: the store met the king first, and his title is stored with him
    asiya = analysis_in("Asiya Ummi Abdullah denied it in Amman.", ("Asiya Ummi Abdullah", "PERSON"))
    stored_king = KnownEntity(8, "Abdullah", "PERSON", ("Abdullah",), ("King",), (1, 2), 2, story, titles=("King",))
    assert link(asiya, [stored_king], context).links[0].entity_id != 8
    assert link(asiya, [replace(stored_king, titles=())], context).links[0].entity_id == 8
    # nor is he the person stored under a full name that an earlier article shortened to "Abdullah"
    shortened = replace(full_name, aliases=("Abdullah", "Asiya Ummi Abdullah"))
    assert link(king_abdullah(False), [shortened], context).links[0].entity_id == 7
    assert link(king_abdullah(True), [shortened], context).links[0].entity_id != 7
    king = replace(shortened, name="Abdullah", titles=("Jordanian King",))  # one the store saw titled so is his
    assert link(king_abdullah(True), [king], context).links[0].entity_id == 7
