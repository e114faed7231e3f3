"""Stored entities an article bridges (nlp/linker/bridges.py): joined whichever article came first."""

from domain import KnownEntity, LocalEntity
from nlp.linker.bridges import bridges
from nlp.linker.decide import Scored

#: Written for these tests: a navy named in full and by its head word, two people sharing a surname.
HARBOUR_NAVY = KnownEntity(3, "Harbour Navy", "ORG", ("Harbour Navy", "Navy"))
LONE_NAVY = KnownEntity(7, "Navy", "ORG", ("Navy",))
NAVY = LocalEntity("Harbour Navy", "ORG", ["Harbour Navy", "Navy"], [0, 1])


def scored(known: KnownEntity, relation: str, probability: float = 0.6) -> Scored:
    return Scored(known, relation, probability, {})


def test_a_lone_head_word_joins_the_full_name_an_article_joined_and_also_scored_it_with():
    heads = {3: ("Harbour Navy", "ORG"), 7: ("Navy", "ORG")}
    found = bridges([NAVY], [3], [(scored(HARBOUR_NAVY, "same_full", 0.9), scored(LONE_NAVY, "same_single"))], heads)
    assert found == [(3, 7, "Navy, only ever called so, is Harbour Navy in one article, as Harbour Navy is")]


def test_the_older_entity_is_kept_whichever_was_chosen():
    early_lone = KnownEntity(2, "Navy", "ORG", ("Navy",))
    heads = {3: ("Harbour Navy", "ORG"), 2: ("Navy", "ORG")}
    found = bridges([NAVY], [3], [(scored(HARBOUR_NAVY, "same_full", 0.9), scored(early_lone, "same_single"))], heads)
    assert [(keep, absorbed) for keep, absorbed, _ in found] == [(2, 3)]


def test_nothing_is_bridged_without_a_full_name_joined_or_when_the_types_differ():
    heads = {3: ("Harbour Navy", "ORG"), 7: ("Navy", "ORG")}
    by_head_word = (scored(HARBOUR_NAVY, "contained", 0.9), scored(LONE_NAVY, "same_single"))
    assert bridges([NAVY], [3], [by_head_word], heads) == []
    full = (scored(HARBOUR_NAVY, "same_full", 0.9), scored(LONE_NAVY, "same_single"))
    assert bridges([NAVY], [3], [full], {**heads, 7: ("Navy", "GPE")}) == []
    assert bridges([NAVY], [12], [()], {12: ("Harbour Navy", "ORG")}) == []  # a new entity


def test_a_lone_word_two_full_names_claim_joins_neither():
    jackson = LocalEntity("Vincent Jackson", "PERSON", ["Vincent Jackson", "Jackson"], [0])
    other = LocalEntity("Reggie Jackson", "PERSON", ["Reggie Jackson", "Jackson"], [1])
    vincent = KnownEntity(3, "Vincent Jackson", "PERSON", ("Vincent Jackson",))
    reggie = KnownEntity(4, "Reggie Jackson", "PERSON", ("Reggie Jackson",))
    lone = KnownEntity(5, "Jackson", "PERSON", ("Jackson",))
    heads = {3: ("Vincent Jackson", "PERSON"), 4: ("Reggie Jackson", "PERSON"), 5: ("Jackson", "PERSON")}
    alternatives = [
        (scored(vincent, "same_full", 0.9), scored(lone, "surname")),
        (scored(reggie, "same_full", 0.9), scored(lone, "surname")),
    ]
    assert bridges([jackson, other], [3, 4], alternatives, heads) == []
    assert [p[:2] for p in bridges([jackson], [3], alternatives[:1], heads)] == [(3, 5)]


def test_an_entity_the_article_joined_another_name_to_is_never_bridged():
    tony = LocalEntity("Tony Marsh", "PERSON", ["Tony Marsh"], [0])
    son = LocalEntity("T.J. Marsh", "PERSON", ["T.J. Marsh", "Marsh"], [1])
    known_tony = KnownEntity(3, "Tony Marsh", "PERSON", ("Tony Marsh",))
    lone = KnownEntity(5, "Marsh", "PERSON", ("Marsh",))
    heads = {3: ("Tony Marsh", "PERSON"), 5: ("T.J. Marsh", "PERSON")}
    alternatives = [(scored(known_tony, "same_full", 0.9), scored(lone, "surname")), (scored(lone, "surname", 0.9),)]
    assert bridges([tony, son], [3, 5], alternatives, heads) == []


def test_two_organisations_sharing_a_full_name_join_unless_their_own_names_conflict():
    local = LocalEntity("Police Department", "ORG", ["Police Department"], [0])
    woodburn = KnownEntity(3, "Woodburn Police Department", "ORG", ("Police Department", "Woodburn Police Department"))
    staunton = KnownEntity(4, "Staunton Police Department", "ORG", ("Police Department", "Staunton Police Department"))
    heads = {3: ("Woodburn Police Department", "ORG"), 4: ("Staunton Police Department", "ORG")}
    alternatives = [(scored(woodburn, "same_full", 0.9), scored(staunton, "same_full", 0.8))]
    assert bridges([local], [3], alternatives, heads) == []
    park = LocalEntity("Mount Elsworth National Park", "FAC", ["Mount Elsworth National Park"], [0])
    short = KnownEntity(3, "Elsworth National Park", "FAC", ("Elsworth National Park", "Mount Elsworth National Park"))
    full = KnownEntity(4, "Mount Elsworth National Park", "FAC", ("Mount Elsworth National Park",))
    heads = {3: ("Elsworth National Park", "FAC"), 4: ("Mount Elsworth National Park", "FAC")}
    found = bridges([park], [3], [(scored(short, "same_full", 0.9), scored(full, "same_full", 0.8))], heads)
    assert [p[:2] for p in found] == [(3, 4)]


def test_a_name_a_reporter_split_off_is_never_bridged():
    heads = {3: ("Harbour Navy", "ORG"), 7: ("Navy", "ORG")}
    alternatives = [(scored(HARBOUR_NAVY, "same_full", 0.9), scored(LONE_NAVY, "same_single"))]
    assert bridges([NAVY], [3], alternatives, heads, blocked=frozenset({"navy"})) == []


def test_two_people_whose_first_names_cannot_be_one_are_never_bridged():
    local = LocalEntity("al Dulaimi", "PERSON", ["al Dulaimi"], [0])
    saja = KnownEntity(3, "Saja al-Dulaimi", "PERSON", ("Saja al-Dulaimi", "al Dulaimi"))
    mohammed = KnownEntity(4, "Mohammed al-Dulaimi", "PERSON", ("Mohammed al-Dulaimi", "al Dulaimi"))
    heads = {3: ("Saja al-Dulaimi", "PERSON"), 4: ("Mohammed al-Dulaimi", "PERSON")}
    alternatives = [(scored(saja, "variant", 0.9), scored(mohammed, "variant", 0.8))]
    assert bridges([local], [3], alternatives, heads) == []
    idris = KnownEntity(4, "Idris Deby", "PERSON", ("Idris Deby",))
    heads = {3: ("Idriss Deby", "PERSON"), 4: ("Idris Deby", "PERSON")}
    chad = LocalEntity("Idriss Deby", "PERSON", ["Idriss Deby"], [0])
    idriss = KnownEntity(3, "Idriss Deby", "PERSON", ("Idriss Deby",))
    found = bridges([chad], [3], [(scored(idriss, "same_full", 0.9), scored(idris, "variant", 0.8))], heads)
    assert [p[:2] for p in found] == [(3, 4)]


def test_a_lone_word_the_article_does_not_write_for_its_full_name_bridges_nothing():
    navy = LocalEntity("Harbour Navy", "ORG", ["Harbour Navy"], [0])
    heads = {3: ("Harbour Navy", "ORG"), 7: ("Navy", "ORG")}
    alternatives = [(scored(HARBOUR_NAVY, "same_full", 0.9), scored(LONE_NAVY, "contained"))]
    assert bridges([navy], [3], alternatives, heads) == []


def test_two_candidates_whose_names_conflict_are_never_joined_through_a_third():
    """A generic name the article joined, scored beside two that conflict with each other, is no
    bridge between them: Ashford's and Bexley's police departments stay two."""
    generic = KnownEntity(2, "Police Department", "ORG", ("Police Department",))
    ashford = KnownEntity(3, "Ashford Police Department", "ORG", ("Ashford Police Department", "Police Department"))
    bexley = KnownEntity(4, "Bexley Police Department", "ORG", ("Bexley Police Department", "Police Department"))
    local = LocalEntity("Police Department", "ORG", ["Police Department"], [0])
    heads = {k.id: (k.name, k.type) for k in (generic, ashford, bexley)}
    alternatives = (scored(generic, "same_full", 0.9), scored(ashford, "same_full"), scored(bexley, "same_full"))
    assert bridges([local], [2], [alternatives], heads) == []


def test_an_article_writing_only_a_short_name_never_bridges_two_entities_qualified_apart():
    # Both stored entities settled on "Coast Guard"; their full names qualify it apart.
    freedonian = KnownEntity(3, "Coast Guard", "ORG", ("Coast Guard", "Freedonian Coast Guard"))
    ruritanian = KnownEntity(4, "Coast Guard", "ORG", ("Coast Guard", "Ruritanian Coast Guard"))
    plain = KnownEntity(5, "Coast Guard", "ORG", ("Coast Guard",))
    guard = LocalEntity("Coast Guard", "ORG", ["Coast Guard"], [0])
    heads = {3: ("Coast Guard", "ORG"), 4: ("Coast Guard", "ORG"), 5: ("Coast Guard", "ORG")}
    apart = [(scored(freedonian, "same_full", 0.9), scored(ruritanian, "same_full"))]
    assert bridges([guard], [3], apart, heads) == []
    one = [(scored(freedonian, "same_full", 0.9), scored(plain, "same_full"))]
    assert [p[:2] for p in bridges([guard], [3], one, heads)] == [(3, 5)]
