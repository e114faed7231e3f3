"""Trains the cross-article linker (nlp/data/linker_model.json) on ECB+ train.

Usage: python bench/train_linker.py DATA_DIR [--cache FILE] [--out nlp/data/linker_model.json]
DATA_DIR is ../shared/eval. The train documents are analysed once (spaCy), then ingested in order
into a fresh store through the same candidate search and context the bot uses
(handlers.resolution.resolve_links). At each article every candidate with a name relation is
described by nlp.linking.features and labelled by the gold clusters; the store is then built with
the gold answer, so later articles meet correct entities. Topics are split: three quarters train
the logistic weights, the held-out quarter chooses the threshold (the one that decides most
mentions rightly). The dev split is never read here.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

from _ecbplus import align, named_mentions, read_split  # noqa: E402

from domain import SAME_NAME, Analysis, KnownEntity, Link, LocalEntity  # noqa: E402
from handlers.resolution import resolve_links  # noqa: E402
from nlp import Analyzer  # noqa: E402
from nlp.linking import LinkContext, LinkerModel, Scored, score_candidates  # noqa: E402
from store import Store  # noqa: E402
from store.records import ArticleIn  # noqa: E402

#: Every HELD_OUT_EVERY-th topic chooses the threshold instead of training the weights.
HELD_OUT_EVERY = 4
NO_MODEL = LinkerModel({}, 0.0, 0.5)


def analyses(docs: list[dict], cache: Path | None) -> list[Analysis]:
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    found = list(Analyzer().analyze_many([d["text"] for d in docs], n_process=2))
    if cache:
        cache.write_bytes(pickle.dumps(found))
    return found


def local_gold(doc: dict, analysis: Analysis) -> list[str | None]:
    """The gold cluster most of each local entity's aligned mentions belong to."""
    gold = named_mentions(doc)
    stored = [
        {"start": analysis.mentions[m].start, "end": analysis.mentions[m].end, "entity_id": i}
        for i, e in enumerate(analysis.entities)
        for m in e.mentions
    ]
    votes: dict[int, Counter] = {}
    for g_index, (local, _) in align(gold, {doc["doc"]: stored}, {doc["doc"]: doc["text"]}).items():
        votes.setdefault(local, Counter())[gold[g_index].cluster] += 1
    return [votes[i].most_common(1)[0][0] if i in votes else None for i in range(len(analysis.entities))]


class Recorder:
    """Plays the linker: records each candidate's features and label, answers with the gold link."""

    def __init__(self) -> None:
        self.entity_gold: dict[int, Counter] = {}
        self.entity_topic: dict[int, int] = {}  # the topic of the gold cluster a stored entity holds
        self.rows: list[tuple[str, int, int, dict[str, float], int, int]] = []  # doc, topic, local, f, label, size
        self.doc, self.topic, self.golds, self.sizes = "", 0, [], []
        self.position = 0

    def _gold_of(self, entity_id: int) -> str | None:
        votes = self.entity_gold.get(entity_id)
        return votes.most_common(1)[0][0] if votes else None

    def _labelled(self, scored: Scored, entity: LocalEntity) -> bool:
        """Does ECB+ say whether this candidate is the entity?

        ECB+ links mentions within a topic only. Whether an organisation, a place or a full name
        in another topic is the same ("France", "Reuters", "Associated Press" in two stories) it
        does not say, so such a candidate is no example either way: labelled "different", it taught
        the model that a name without shared story context is a stranger (Reuters in 63 entities
        over the FNC-1 bodies). A person's lone surname in another story is kept as "different":
        there it is as likely someone else (Bush the running back, Bush the president).
        """
        if self.entity_topic.get(scored.candidate.id) == self.topic:
            return True
        lone_surname = scored.relation in ("surname", "same_single") and scored.candidate.type == "PERSON"
        return lone_surname and entity.label == "PERSON"

    def decide(self, entity: LocalEntity, candidates: list[KnownEntity], descriptors, context: LinkContext) -> Link:
        index = self.position
        self.position += 1
        gold = self.golds[index]
        scored = score_candidates(entity, candidates, context, descriptors, NO_MODEL)
        if gold is not None:
            for s in scored:
                their = self._gold_of(s.candidate.id)
                if their is not None and self._labelled(s, entity):
                    self.rows.append((self.doc, self.topic, index, s.features, int(their == gold), self.sizes[index]))
            right = [s for s in scored if self._gold_of(s.candidate.id) == gold]
            if right:
                return Link(right[0].candidate.id, right[0].candidate.type, "gold")
            return Link(None, entity.label, "new")
        same = [s for s in scored if s.relation == "same_full" and s.candidate.type == entity.label]
        return (
            Link(same[0].candidate.id, same[0].candidate.type, SAME_NAME) if same else Link(None, entity.label, "new")
        )


def simulate(docs: list[dict], found: list[Analysis]) -> list:
    recorder = Recorder()
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "train.db")
        for number, (doc, analysis) in enumerate(zip(docs, found, strict=True)):
            recorder.doc, recorder.topic, recorder.position = doc["doc"], doc["topic"], 0
            recorder.golds = local_gold(doc, analysis)
            recorder.sizes = [len(e.mentions) for e in analysis.entities]
            article = ArticleIn(
                text=analysis.text, source=doc["doc"], content_hash=f"h{number}", title=doc["doc"], outlet=doc["doc"]
            )
            article_id = store.add_article(
                article, analysis, lambda s, a=analysis: resolve_links(s, a, decide=recorder.decide), "t"
            )
            rows = store.db.execute("SELECT start, entity_id FROM mentions WHERE article_id = ?", [article_id])
            entity_of_start = dict(rows.fetchall())
            for local, gold in zip(analysis.entities, recorder.golds, strict=True):
                if gold is not None:
                    entity_id = entity_of_start[analysis.mentions[local.mentions[0]].start]
                    recorder.entity_gold.setdefault(entity_id, Counter())[gold] += 1
                    recorder.entity_topic.setdefault(entity_id, doc["topic"])
        store.close()
    return recorder.rows


def train_logistic(rows: list[dict[str, float]], labels: list[int], l2: float = 1e-3, epochs: int = 600) -> dict:
    names = sorted({n for r in rows for n in r})
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for r, f in enumerate(rows):
        for n, v in f.items():
            x[r, index[n]] = v
    y = np.array(labels, dtype=float)
    w, b = np.zeros(len(names)), 0.0
    m, v = np.zeros(len(names) + 1), np.zeros(len(names) + 1)
    for step in range(1, epochs + 1):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        grad = np.append(x.T @ (p - y) / len(y) + l2 * w, (p - y).mean())
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        update = 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
        w -= update[:-1]
        b -= update[-1]
    return {"weights": {n: round(float(w[i]), 4) for n, i in index.items()}, "bias": round(float(b), 4)}


def choose_threshold(model: LinkerModel, rows: list) -> tuple[float, float]:
    """The threshold under which the most mentions are decided rightly (linked right, or left new)."""
    by_local: dict[tuple[str, int], list] = {}
    for doc, _topic, local, f, label, size in rows:
        by_local.setdefault((doc, local), []).append((model.probability(f), label, size))
    best = (0.5, -1.0)
    for threshold in np.arange(0.05, 0.96, 0.01):
        right = total = 0
        for options in by_local.values():
            options.sort(key=lambda o: -o[0])
            p, label, size = options[0]
            has_right = any(o[1] for o in options)
            ok = (p >= threshold and label == 1) or (p < threshold and not has_right)
            right += ok * size
            total += size
        if right / total > best[1]:
            best = (round(float(threshold), 2), right / total)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, help="pickled analyses of the train documents, reused")
    parser.add_argument("--out", type=Path, default=ROOT / "nlp" / "data" / "linker_model.json")
    args = parser.parse_args()
    if not (args.data_dir / "ecbplus").is_dir():
        print(f"skipped: {args.data_dir / 'ecbplus'} not found")
        return 0
    docs = read_split(args.data_dir, "train")
    rows = simulate(docs, analyses(docs, args.cache))
    topics = sorted({r[1] for r in rows})
    held = set(topics[HELD_OUT_EVERY - 1 :: HELD_OUT_EVERY])
    fit = [r for r in rows if r[1] not in held]
    trained = train_logistic([r[3] for r in fit], [r[4] for r in fit])
    threshold, accuracy = choose_threshold(
        LinkerModel(trained["weights"], trained["bias"], 0.5), [r for r in rows if r[1] in held]
    )
    model = {
        **trained,
        "threshold": threshold,
        "trained_on": f"ECB+ train, topics {sorted(set(topics) - held)}; threshold on topics {sorted(held)}",
    }
    args.out.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    positives = sum(r[4] for r in fit)
    print(f"candidate rows {len(rows)} (fit {len(fit)}, {positives} right links); held-out topics {sorted(held)}")
    for name, weight in sorted(trained["weights"].items(), key=lambda item: -abs(item[1]))[:15]:
        print(f"  {weight:+.2f} {name}")
    print(
        f"rows={len(rows)} fit_rows={len(fit)} features={len(trained['weights'])} threshold={threshold} "
        f"held_out_mention_accuracy={accuracy:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
