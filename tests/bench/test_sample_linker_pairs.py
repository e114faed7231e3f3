"""The sampler's reading of a name pair (bench/sample_linker_pairs.py): the linker's own relation, by reason."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[2] / "bench"))

from sample_linker_pairs import Name, reason_of, witness  # noqa: E402


def name(label: str, *forms: str, body: str = "1") -> Name:
    return Name(body, f"story-{body}", "train", label, {f: [(0, len(f))] for f in forms})


def test_an_all_capitals_name_and_the_initials_of_a_longer_one_are_an_acronym_pair():
    short, long = name("ORG", "AP"), name("ORG", "Associated Press", body="2")
    assert reason_of(short, long) == "acronym"
    assert (witness(short, long, "acronym"), witness(long, short, "acronym")) == ("AP", "Associated Press")


def test_a_lone_word_and_a_person_named_in_full_with_it_last_are_a_surname_pair():
    assert reason_of(name("PERSON", "Haines"), name("PERSON", "David Haines", body="2")) == "surname"


def test_a_lone_word_that_ends_an_organisations_name_is_a_head_word_pair():
    assert reason_of(name("ORG", "State"), name("ORG", "Islamic State", body="2")) == "head_word"


def test_the_same_name_in_both_bodies():
    assert reason_of(name("ORG", "Reuters"), name("ORG", "Reuters", body="2")) == "same_one_word"
    both = name("ORG", "White House"), name("ORG", "White House", body="2")
    assert reason_of(*both) == "same_name"


def test_a_person_and_a_place_sharing_a_word_are_no_candidate():
    assert reason_of(name("GPE", "Kobani"), name("PERSON", "Afshin Kobani", body="2")) is None
