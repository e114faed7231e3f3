"""Trains the cross-article linker (nlp/data/linker_model.json) on ECB+ train and, when labelled,
the cross-story name pairs of FNC-1 train.

Usage: python bench/train_linker.py DATA_DIR [--cache FILE] [--pairs FILE] [--fnc-cache FILE] [--out FILE]
DATA_DIR is ../shared/eval. The train documents are analysed once (spaCy), then ingested in order
into a fresh store through the same candidate search and context the bot uses
(handlers.resolution.link_inputs, nlp.linker.link.requests). At each article every candidate with a
name relation is described by nlp.linker.features and labelled by the gold clusters; the store is
then built with the gold answer, so later articles meet correct entities. Topics are split: three
quarters train the logistic weights, the held-out quarter chooses the threshold (the one that
decides most mentions rightly). The dev split is never read here.

ECB+ links mentions within a topic only, so it says nothing of the four "in another story" features
(nlp.linker.evidence.APART). Those are learned from the hand-labelled FNC-1 pairs (``--pairs``,
bench/data/linker_pairs.jsonl: ids and offsets, splits train / tune / report by story): the 1,683
bodies are ingested in the order bench/_fnc.open_bodies ingests them, and when the later body of a
labelled pair is linked, the candidate holding the earlier mention is described and labelled by
hand. The train split fits the weights beside ECB+; the tune split reports precision and recall and
chooses how sure the model must be to join an acronym with nothing else in common (``sure``);
the report split is never read here. The weights are fitted in two steps: on ECB+ every weight
(the four start at a prior, ``PRIOR``: the old rules' direction), then on the pairs only the four,
the others held: fitted on the pairs together, the relation weights learned that a surname is
mostly someone else (60 of 80 cross-story surname pairs), and ECB+ dev B-cubed fell 0.910 -> 0.894.
Ends with one key=value line.
"""

from __future__ import annotations

import argparse
import copy
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

from domain import SAME_NAME, Analysis, Link  # noqa: E402
from handlers.resolution import link_inputs  # noqa: E402
from nlp import Analyzer  # noqa: E402
from nlp.linker import LinkerModel, Scored, entities_to_link, score_candidates, shipped_model  # noqa: E402
from nlp.linker.link import Request, requests  # noqa: E402
from store import Store  # noqa: E402
from store.records import ArticleIn  # noqa: E402

#: Every HELD_OUT_EVERY-th topic chooses the threshold instead of training the weights.
HELD_OUT_EVERY = 4
NO_MODEL = LinkerModel({}, 0.0, 0.5)
#: Where the four "in another story" weights start, and are pulled back to, when pairs say little:
#: the direction of the rules they replace (a lone person's name, an acronym, one word of a longer
#: name: a stranger; the very same name: the same entity). PRIOR_PULL is worth about this many rows.
PRIOR = {"apart_lone_person_name": -4.0, "apart_acronym": -6.0, "apart_head_word": -4.0, "apart_same_name": 3.0}
PRIOR_PULL = 5.0


def analyses(texts: list[str], cache: Path | None) -> list[Analysis]:
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    found = list(Analyzer().analyze_many(texts, n_process=2))
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

    def _gold_of(self, entity_id: int) -> str | None:
        votes = self.entity_gold.get(entity_id)
        return votes.most_common(1)[0][0] if votes else None

    def _labelled(self, scored: Scored) -> bool:
        """Does ECB+ say whether this candidate is the entity? Within a topic, yes; across topics
        only that a person's lone name there is someone else (Bush the running back, Bush the
        president): whether "France" or "Reuters" in two stories is one entity it does not say."""
        if self.entity_topic.get(scored.candidate.id) == self.topic:
            return True
        lone = scored.relation in ("surname", "same_single") and scored.candidate.type == "PERSON"
        return lone and scored.features.get("type_same", 0.0) == 1.0

    def decide(self, index: int, request: Request) -> Link:
        gold = self.golds[index]
        entity = request.entity
        scored = score_candidates(entity, request.candidates, request.context, request.descriptors, NO_MODEL)
        if gold is not None:
            for s in scored:
                their = self._gold_of(s.candidate.id)
                if their is not None and self._labelled(s):
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
            recorder.doc, recorder.topic = doc["doc"], doc["topic"]
            recorder.golds = local_gold(doc, analysis)
            recorder.sizes = [len(e.mentions) for e in analysis.entities]
            article = ArticleIn(
                text=analysis.text, source=doc["doc"], content_hash=f"h{number}", title=doc["doc"], outlet=doc["doc"]
            )
            with store.write_transaction():
                candidates, context = link_inputs(store, analysis)
                entities = entities_to_link(analysis, context.blocked)
                asked = requests(entities, analysis, candidates, context)
                links = [recorder.decide(i, r) for i, r in enumerate(asked)]
                stored = analysis if entities == analysis.entities else _with(analysis, entities)
                article_id = store.add_article(article, stored, links, "t")
            rows = store.db.execute("SELECT start, entity_id FROM mentions WHERE article_id = ?", [article_id])
            entity_of_start = dict(rows.fetchall())
            for local, gold in zip(analysis.entities, recorder.golds, strict=True):
                if gold is not None:
                    entity_id = entity_of_start[analysis.mentions[local.mentions[0]].start]
                    recorder.entity_gold.setdefault(entity_id, Counter())[gold] += 1
                    recorder.entity_topic.setdefault(entity_id, doc["topic"])
        store.close()
    return recorder.rows


def _with(analysis: Analysis, entities) -> Analysis:
    result = copy.copy(analysis)
    result.entities = entities
    return result


def train_logistic(
    rows: list[dict[str, float]],
    labels: list[int],
    l2: float = 1e-3,
    epochs: int = 600,
    prior: dict[str, float] | None = None,
    fixed: dict | None = None,
) -> dict:
    """Logistic weights by Adam on the mean log loss; a feature in ``prior`` starts at and is pulled
    towards its prior weight (worth ``PRIOR_PULL`` rows), the others towards 0 by ``l2``. With
    ``fixed`` (a trained model's weights and bias), only the features in ``prior`` move."""
    prior = prior or {}
    names = sorted({n for r in rows for n in r} | set(prior) | set((fixed or {}).get("weights", {})))
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for r, f in enumerate(rows):
        for n, v in f.items():
            x[r, index[n]] = v
    y = np.array(labels, dtype=float)
    mean = np.array([prior.get(n, 0.0) for n in names])
    strength = np.array([PRIOR_PULL / len(rows) if n in prior else l2 for n in names])
    w, b = mean.copy(), 0.0
    free = np.ones(len(names) + 1)
    if fixed:
        w = np.array([prior.get(n, fixed["weights"].get(n, 0.0)) for n in names])
        b = fixed["bias"]
        free = np.append([1.0 if n in prior else 0.0 for n in names], 0.0)
    m, v = np.zeros(len(names) + 1), np.zeros(len(names) + 1)
    for step in range(1, epochs + 1):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        grad = free * np.append(x.T @ (p - y) / len(y) + strength * (w - mean), (p - y).mean())
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


def pair_precision(model: LinkerModel, rows: list[tuple[str, str, dict | None, int, bool]]) -> dict[str, float]:
    """Join precision and recall of labelled pairs (split, reason, features or None, label, within) at the
    model's threshold (``sure`` for acronyms with nothing else in common); None: never a candidate."""
    from nlp.linker.decide import Scored as Row
    from nlp.linker.decide import may_link

    hits = wrong = same = 0
    for _split, _reason, f, label, _within in rows:
        same += label
        if f is None:
            continue
        joined = may_link(Row(None, "", model.probability(f), f), model)  # type: ignore[arg-type]
        hits += joined and label
        wrong += joined and not label
    return {
        "pairs": len(rows),
        "precision": hits / (hits + wrong) if hits + wrong else float("nan"),
        "recall": hits / same if same else float("nan"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache", type=Path, help="pickled analyses of the ECB+ train documents, reused")
    parser.add_argument("--pairs", type=Path, help="labelled FNC-1 pairs (bench/data/linker_pairs.jsonl)")
    parser.add_argument("--fnc-cache", type=Path, help="pickled analyses of the FNC-1 train bodies, reused")
    parser.add_argument("--out", type=Path, default=ROOT / "nlp" / "data" / "linker_model.json")
    args = parser.parse_args()
    if not (args.data_dir / "ecbplus").is_dir():
        print(f"skipped: {args.data_dir / 'ecbplus'} not found")
        return 0
    docs = read_split(args.data_dir, "train")
    rows = simulate(docs, analyses([d["text"] for d in docs], args.cache))
    topics = sorted({r[1] for r in rows})
    held = set(topics[HELD_OUT_EVERY - 1 :: HELD_OUT_EVERY])
    fit = [r for r in rows if r[1] not in held]
    pair_rows = []
    if args.pairs and args.pairs.exists():
        from _linker_fnc import pair_features

        rows_cache = args.fnc_cache.with_suffix(".rows.pkl") if args.fnc_cache else None
        if rows_cache and rows_cache.exists() and rows_cache.stat().st_mtime > args.pairs.stat().st_mtime:
            pair_rows = pickle.loads(rows_cache.read_bytes())
        else:
            pair_rows = pair_features(args.data_dir / "fnc1", args.pairs, args.fnc_cache, shipped_model())
            if rows_cache:
                rows_cache.write_bytes(pickle.dumps(pair_rows))
    pair_fit = [r for r in pair_rows if r[0] == "train" and r[2] is not None]
    trained = train_logistic([r[3] for r in fit], [r[4] for r in fit], prior=PRIOR)
    if pair_fit:  # the four in-another-story weights, learned on the pairs; ECB+'s weights stay
        trained = train_logistic([r[2] for r in pair_fit], [r[3] for r in pair_fit], prior=PRIOR, fixed=trained)
    threshold, accuracy = choose_threshold(
        LinkerModel(trained["weights"], trained["bias"], 0.5), [r for r in rows if r[1] in held]
    )
    tune = [r for r in pair_rows if r[0] == "tune" and not r[4]]  # across stories, where the wrong joins were
    sure = 0.9
    if tune:  # the least sureness that keeps acronym joins with nothing in common right on tune
        acronyms = [r for r in tune if r[2] is not None and r[2].get("apart_acronym")]
        for candidate in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99):
            fitted = LinkerModel(trained["weights"], trained["bias"], threshold, candidate)
            if not acronyms or pair_precision(fitted, acronyms)["precision"] >= 0.97:
                sure = candidate
                break
        else:
            sure = 0.99
    model = {
        **trained,
        "threshold": threshold,
        "sure": sure,
        "trained_on": f"ECB+ train, topics {sorted(set(topics) - held)}; threshold on topics {sorted(held)}; "
        f"{len(pair_fit)} labelled FNC-1 train pairs; sure on {len(tune)} tune pairs",
    }
    args.out.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    positives = sum(r[4] for r in fit)
    print(f"candidate rows {len(rows)} (fit {len(fit)}, {positives} right links); held-out topics {sorted(held)}")
    for name, weight in sorted(trained["weights"].items(), key=lambda item: -abs(item[1]))[:15]:
        print(f"  {weight:+.2f} {name}")
    for name in PRIOR:
        print(f"  {name}: prior {PRIOR[name]:+.2f} -> {trained['weights'][name]:+.2f}")
    line = (
        f"rows={len(rows)} fit_rows={len(fit)} pair_rows={len(pair_fit)} features={len(trained['weights'])} "
        f"threshold={threshold} sure={sure} held_out_mention_accuracy={accuracy:.3f}"
    )
    if tune:
        figures = pair_precision(LinkerModel(trained["weights"], trained["bias"], threshold, sure), tune)
        line += f" tune_pairs={figures['pairs']} tune_precision={figures['precision']:.3f}"
        line += f" tune_recall={figures['recall']:.3f}"
    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
