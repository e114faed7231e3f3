"""The linker's features for the hand-labelled FNC-1 pairs (bench/_linker_pairs.py), for training.

The 1,683 training bodies are ingested in the order bench/_fnc.open_bodies ingests them, into a
fresh store, by the given model. When the later body of a labelled pair is linked, the candidate
holding the earlier mention is described exactly as the linker would see it then
(handlers.resolution.link_inputs, nlp.linker.link.requests, nlp.linker.score_candidates). A pair
whose earlier mention's entity is not among the later name's candidates gets no features (the
linker cannot join it). Labels come from the file; "cant_tell" pairs are left out. Pairs within one
story are kept too (the fourth field of each row says so).
"""

from __future__ import annotations

import pickle
from pathlib import Path

from _fnc import read_csv
from _linker_pairs import LabelledPair, move_span, read_rows

from domain import Analysis
from handlers.resolution import link_inputs
from ingest import FetchPolicy, IngestError, content_hash, load_text
from nlp import Analyzer
from nlp.linker import LinkerModel, entities_to_link, link, score_candidates
from nlp.linker.link import requests
from store import Store
from store.records import ArticleIn


def _texts(folder: Path) -> list[tuple[str, str, str]]:
    """(body id, body as in the csv, the text ingest stores) in open_bodies' order; a body ingest
    refuses (too short, not English) is left out, as ingest leaves it out."""
    policy = FetchPolicy()
    found = []
    for row in read_csv(folder / "train_bodies.csv"):
        try:
            found.append((row["Body ID"], row["articleBody"], load_text(row["articleBody"], policy).text))
        except IngestError:
            continue
    return found


def _analyses(texts: list[str], cache: Path | None) -> list[Analysis]:
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    found = list(Analyzer().analyze_many(texts, n_process=2))
    if cache:
        cache.write_bytes(pickle.dumps(found))
    return found


def _entity_at(analysis: Analysis, entities, start: int, end: int) -> int | None:
    """The index of the local entity one of whose mentions covers start:end."""
    for index, entity in enumerate(entities):
        for m in entity.mentions:
            mention = analysis.mentions[m]
            if mention.start <= start and mention.end >= end:
                return index
    return None


def pair_features(
    folder: Path, pairs_path: Path, cache: Path | None, model: LinkerModel, tmp: Path | None = None
) -> list[tuple[str, str, dict | None, int, bool]]:
    """(split, reason, features or None, label 1 same / 0 different, within one story) per pair."""
    pairs = [p for p in read_rows(pairs_path) if p.label in ("same", "different")]
    bodies = _texts(folder)
    order = {body_id: n for n, (body_id, _, _) in enumerate(bodies)}
    waiting: dict[str, list[tuple[LabelledPair, bool]]] = {}
    for pair in pairs:
        later_is_b = order.get(pair.b.body_id, -1) >= order.get(pair.a.body_id, -1)
        waiting.setdefault((pair.b if later_is_b else pair.a).body_id, []).append((pair, later_is_b))
    found = _analyses([text for _, _, text in bodies], cache)
    rows: list[tuple[str, str, dict | None, int, bool]] = []
    article_of: dict[str, int] = {}
    store = Store.open(tmp or ":memory:")
    for (body_id, raw, text), analysis in zip(bodies, found, strict=True):
        digest = content_hash(text)
        existing = store.find_duplicate(digest, None)
        if existing:
            article_of[body_id] = existing.id
            continue
        with store.write_transaction():
            candidates, context = link_inputs(store, analysis)
            entities = entities_to_link(analysis, context.blocked)
            asked = list(requests(entities, analysis, candidates, context))
            for pair, later_is_b in waiting.get(body_id, []):
                later, earlier = (pair.b, pair.a) if later_is_b else (pair.a, pair.b)
                rows.append(
                    (
                        pair.split,
                        pair.reason,
                        _features(
                            store, article_of, later, earlier, raw, text, asked, analysis, entities, bodies, order
                        ),
                        int(pair.label == "same"),
                        pair.within_story,
                    )
                )
            linked = link(analysis, candidates, context, model)
            article = ArticleIn(text=text, source=f"fnc1-body-{body_id}", content_hash=digest, title=body_id)
            article_of[body_id] = store.add_article(article, linked.analysis(analysis), linked.links, "t")
    store.close()
    return rows


def _features(store, article_of, later, earlier, raw, text, asked, analysis, entities, bodies, order):
    moved = move_span(raw, text, later.start, later.end)
    index = _entity_at(analysis, entities, *moved) if moved else None
    article = article_of.get(earlier.body_id)
    if index is None or article is None:
        return None
    earlier_raw = bodies[order[earlier.body_id]][1]
    stored_text = store.db.execute("SELECT text FROM articles WHERE id = ?", [article]).fetchone()[0]
    at = move_span(earlier_raw, stored_text, earlier.start, earlier.end)
    if at is None:
        return None
    row = store.db.execute(
        'SELECT entity_id FROM mentions WHERE article_id = ? AND start <= ? AND "end" >= ? ORDER BY "end" - start',
        [article, at[0], at[1]],
    ).fetchone()
    if row is None:
        return None
    request = asked[index]
    scored = score_candidates(request.entity, request.candidates, request.context, request.descriptors)
    return next((s.features for s in scored if s.candidate.id == row[0]), None)
