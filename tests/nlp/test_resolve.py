from nlp.model import Analysis, KnownEntity, LocalEntity, Mention, Sentence
from nlp.resolve import choose_known, group_mentions


def analysis_of(*names: tuple[str, str]) -> Analysis:
    text = ". ".join(n for n, _ in names)
    mentions, at = [], 0
    for name, label in names:
        mentions.append(Mention(name, at, at + len(name), label, 0))
        at += len(name) + 2
    return Analysis(text=text, sentences=[Sentence(0, len(text), text)], mentions=mentions)


def test_a_lone_surname_joins_the_one_full_name_ending_with_it():
    entities = group_mentions(
        analysis_of(
            ("Vladimir Putin", "PERSON"),
            ("Putin", "PERSON"),
            ("Kiriyenko", "GPE"),
            ("Sergei Kiriyenko", "PERSON"),
        )
    )
    by_name = {e.name: e for e in entities}
    assert set(by_name) == {"Vladimir Putin", "Sergei Kiriyenko"}
    assert by_name["Vladimir Putin"].aliases == ["Putin", "Vladimir Putin"]
    assert by_name["Sergei Kiriyenko"].label == "PERSON" and by_name["Sergei Kiriyenko"].mentions == [2, 3]


def test_an_ambiguous_surname_stays_alone():
    entities = group_mentions(
        analysis_of(("Donald Trump", "PERSON"), ("Melania Trump", "PERSON"), ("Trump", "PERSON"))
    )
    assert {e.name for e in entities} == {"Donald Trump", "Melania Trump", "Trump"}


def test_a_known_entity_is_chosen_only_when_one_fits():
    local = LocalEntity("Putin", "PERSON", ["Putin"], [0])
    putin = KnownEntity(1, "Vladimir Putin", "PERSON", ("Putin", "Vladimir Putin"))
    place = KnownEntity(2, "Putin", "GPE", ("Putin",))
    assert choose_known(local, [putin, place]) == putin
    other = KnownEntity(3, "Putin", "PERSON", ("Putin",))
    assert choose_known(local, [putin, other]) is None
