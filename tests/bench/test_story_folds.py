"""FNC-1's grouped folds (bench/_fnc.py story_folds): no headline or body in two folds, and the
pairs across two folds kept to be read, never trained on with a fold they touch."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[2] / "bench"))

from _fnc import Pair, folds_by_story, story_folds  # noqa: E402


def _pairs() -> list[Pair]:
    found = []
    for story in range(12):  # each story: two headlines, three bodies, all related
        for h in range(2):
            for b in range(3):
                found.append(Pair(f"h{story}.{h}", f"b{story}.{b}", "discuss", ["bias"]))
    for story in range(12):  # and every headline paired with a body of the next story, unrelated
        found.append(Pair(f"h{story}.0", f"b{(story + 1) % 12}.0", "unrelated", ["bias"]))
        found.append(Pair(f"h{story}.1", f"b{(story + 5) % 12}.1", "unrelated", ["bias"], labelled=False))
    return found


def test_no_headline_or_body_lies_in_two_folds():
    folds = story_folds(_pairs(), 3)
    head_fold = {p.headline: i for i, fold in enumerate(folds.split) for p in fold}
    for i, fold in enumerate(folds.split):
        assert all(folds.body_fold[p.body_id] == i for p in fold)
    for i, fold in enumerate(folds.across):
        assert fold and all(head_fold[p.headline] == i != folds.body_fold[p.body_id] for p in fold)
        assert all(p.gold == "unrelated" for p in fold)
    assert sum(map(len, folds.split)) + sum(map(len, folds.across)) == len(_pairs())
    assert folds_by_story(_pairs(), 3) == (folds.split, sum(map(len, folds.across)))


def test_training_for_a_fold_touches_neither_its_headlines_nor_its_bodies():
    folds = story_folds(_pairs(), 3)
    for i, held_out in enumerate(folds.split):
        training = folds.training(i)
        heads = {p.headline for p in held_out}
        assert not heads & {p.headline for p in training}
        assert all(folds.body_fold[p.body_id] != i for p in training)
        crossing = [p for j, fold in enumerate(folds.across) if j != i for p in fold if folds.body_fold[p.body_id] != i]
        assert crossing and all(p in training for p in crossing)
