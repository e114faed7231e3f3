"""The labelled name pairs' loader (bench/_linker_pairs.py) on a small FNC-1-shaped folder."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

sys.path.append(str(Path(__file__).resolve().parents[2] / "bench"))

from _linker_pairs import (  # noqa: E402
    PAIRS_FILE,
    LabelledPair,
    OffsetError,
    Span,
    assign_splits,
    load_pairs,
    move_span,
    stories,
    write_rows,
)

BODIES = {"1": "The Associated Press (AP) said so.", "2": "AP photo. Anbar Province fell.", "3": "Nothing here."}
STANCES = [("Claim one", "1", "agree"), ("Claim one", "3", "discuss"), ("Claim two", "2", "unrelated")]


def fnc_folder(tmp_path: Path) -> Path:
    with (tmp_path / "train_bodies.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Body ID", "articleBody"])
        writer.writerows(BODIES.items())
    with (tmp_path / "train_stances.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Headline", "Body ID", "Stance"])
        writer.writerows(STANCES)
    return tmp_path


def test_stories_join_bodies_related_to_one_headline_and_leave_the_rest_alone(tmp_path):
    story = stories(fnc_folder(tmp_path))
    assert story["1"] == story["3"] == "story-1"
    assert story["2"] == "story-2"


def test_splits_take_whole_stories_in_about_the_planned_shares():
    story = {str(n): f"story-{n // 3}" for n in range(400)}
    split = assign_splits(story)
    bodies = {s: sum(1 for name in story.values() if split[name] == s) for s in ("train", "tune", "report")}
    assert abs(bodies["train"] - 200) <= 3 and abs(bodies["tune"] - 100) <= 3 and abs(bodies["report"] - 100) <= 3


def test_pairs_come_back_with_their_texts_and_a_changed_text_is_caught(tmp_path):
    folder = fnc_folder(tmp_path)
    at, anbar = BODIES["1"].index("AP"), BODIES["2"].index("Anbar")
    a, b = Span.of("1", at, at + 2, BODIES), Span.of("2", anbar, anbar + 14, BODIES)
    pair = LabelledPair("acronym", a, b, "different", "train")
    path = tmp_path / "pairs.jsonl"
    write_rows(path, [pair])
    assert load_pairs(folder, path) == [(pair, "AP", "Anbar Province")]
    row = json.loads(path.read_text())
    row["a"]["start"] = at + 1
    path.write_text(json.dumps(row) + "\n")
    with pytest.raises(OffsetError):
        load_pairs(folder, path)


def test_without_the_data_folder_nothing_is_loaded(tmp_path):
    assert load_pairs(tmp_path / "absent") is None


def test_a_span_moves_to_the_same_occurrence_in_a_normalised_copy():
    source = "\r\nAP and AP again\r\n"
    target = source.replace("\r\n", "\n").strip()
    second = source.index("AP", 5)
    assert move_span(source, target, second, second + 2) == (7, 9)
    assert move_span(source, "no such thing", second, second + 2) is None


def test_the_shipped_pairs_match_the_data_when_it_is_here():
    folder = Path(__file__).resolve().parents[3] / "shared" / "eval" / "fnc1"
    loaded = load_pairs(folder, PAIRS_FILE) if PAIRS_FILE.exists() else None
    if loaded is None:
        pytest.skip("no FNC-1 data or no labelled pairs on this machine")
    assert all(a.strip() == a and b.strip() == b for _, a, b in loaded)
