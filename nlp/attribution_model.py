"""Scoring attribution candidates with a logistic model trained on PolNeAR (train split).

The weights are a small JSON file shipped in the package (nlp/data); bench/train_attribution.py
makes it. Features are plain strings, so the model is readable: `lemma=say` carries weight,
`kind=dobj` little on its own.
"""

from __future__ import annotations

import functools
import json
import math
from bisect import bisect_left
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

from nlp.attribution_candidates import SPEAKER_GAP_CHARS, Candidate
from nlp.doctext import text_of
from nlp.token_counts import TokenCounts, token_counts

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
MODEL_PATH = Path(__file__).resolve().parent / "data" / "attribution_model.json"


def _bucket(n: int) -> str:
    for limit, name in ((3, "1-3"), (8, "4-8"), (20, "9-20"), (50, "21-50")):
        if n <= limit:
            return name
    return "50+"


def _in_quotes(text: str, position: int) -> bool:
    before = text[max(0, position - 400) : position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1 or before.count("''") % 2 == 1


def _inside(position: int, candidate: Candidate) -> bool:
    return any(start <= position < end for start, end in candidate.content)


def nesting(found: list[Candidate]) -> list[tuple[bool, bool]]:
    """For each candidate: is its cue inside another's content, and does its content hold another's
    cue (a nested clause)? One sorted pass, not every pair: articles have hundreds of candidates."""
    cues = sorted((c.cue[0], i) for i, c in enumerate(found) if c.cue is not None)
    positions = [position for position, _ in cues]
    inside, holds = [False] * len(found), [False] * len(found)
    for j, other in enumerate(found):
        for start, end in other.content:
            for _, i in cues[bisect_left(positions, start) : bisect_left(positions, end)]:
                if i != j:
                    inside[i] = holds[j] = True
    return list(zip(inside, holds, strict=True))


def features(
    doc: Doc, candidate: Candidate, nested: tuple[bool, bool] = (False, False), counts: TokenCounts | None = None
) -> list[str]:
    """What the scorer sees of a candidate: its cue, source, content shape and surroundings,
    including whether it sits inside another candidate's content (``nested``, from nesting()).
    ``counts``: ``token_counts(doc)``, made once by a caller scoring all of a Doc's candidates."""
    counts = counts or token_counts(doc)
    kind = candidate.kind
    found = [f"kind={kind}"]
    if candidate.cue is not None:
        found.append(f"{kind}|cue_inside_other={nested[0]}")
    found.append(f"{kind}|holds_other_cue={nested[1]}")
    content = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    start, end = (content.start, content.end) if content is not None else (0, 0)
    found.append(f"{kind}|len={_bucket(end - start)}")
    if end > start:
        first = doc[start]
        found.append(f"{kind}|first={first.lower_ if first.is_stop else first.pos_}")
        found.append(f"has_verb={counts.any_verb(start, end)}")
        quoted = kind == "quote" or counts.any_quote_mark(start, end)
        found.append(f"{kind}|quoted={quoted}")
    if candidate.cue_token is not None:
        cue = doc[candidate.cue_token]
        lemma = cue.lemma_.lower()
        found += [f"lemma={lemma}", f"{kind}|lemma={lemma}", f"tag={cue.tag_}", f"{kind}|tag={cue.tag_}"]
        found.append(f"cue_in_quotes={_in_quotes(text_of(doc), cue.idx)}")
        found.append(f"{kind}|content_after_cue={candidate.start > cue.idx}")
        if candidate.end <= cue.idx:  # "..., Nelson told Semafor": reported speech ending in a comma
            between = text_of(doc)[candidate.end : cue.idx]
            found.append(f"{kind}|comma_before_speaker={',' in between and len(between) < SPEAKER_GAP_CHARS}")
            found.append(f"lemma={lemma}|before")
        if candidate.preposition is not None:
            found += [f"prep={candidate.preposition}", f"lemma={lemma}|prep={candidate.preposition}"]
        if any(c.dep_ == "neg" for c in cue.children):
            found.append("cue_negated")
        found.append(f"cue_dep={cue.dep_}")
    else:
        found.append(f"{kind}|no_cue")
    if candidate.source_token is not None:
        source = doc[candidate.source_token]
        found.append(f"source_pos={source.pos_}")
        found.append(f"source_ent={source.ent_type_ or 'none'}")
        found.append(f"source_lemma={source.lemma_.lower()}")
        if candidate.cue_token is not None:
            found.append(f"lemma={doc[candidate.cue_token].lemma_.lower()}|source_pos={source.pos_}")
        found += _source_features(doc, candidate, source, counts)
    else:
        found.append(f"{kind}|no_source")
    return found


PRONOUNS = {"he", "she", "i", "they", "we", "it", "you", "who", "which", "that"}


def _source_features(doc: Doc, candidate: Candidate, source: Token, counts: TokenCounts) -> list[str]:
    """Whether the source is likely the right one: a pronoun, how far from the cue, in the same
    sentence, inside the content (a quote's own "I")."""
    kind = candidate.kind
    found = [
        f"source_dep={source.dep_}",
        f"{kind}|source_pronoun={source.lower_ in PRONOUNS}",
        f"{kind}|source_ent={source.ent_type_ or 'none'}",
    ]
    if candidate.cue_token is not None:
        cue = doc[candidate.cue_token]
        found.append(f"{kind}|source_distance={_bucket(abs(cue.i - source.i))}")
        same_sentence = counts.sentence_start[cue.i] == counts.sentence_start[source.i]
        found.append(f"source_same_sentence={same_sentence}")
    if candidate.source is not None:
        found.append(f"source_in_content={_inside(candidate.source[0], candidate)}")
    return found


@functools.lru_cache(maxsize=2)
def load_model(path: Path = MODEL_PATH) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def probability(model: dict, feature_names: list[str]) -> float:
    weights = model["weights"]
    # map over dict.get: the same weights added in the same order, without a generator's frames
    z = model["bias"] + sum(map(weights.get, feature_names, repeat(0.0)))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
