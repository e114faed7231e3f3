"""FNC-1 plumbing shared by eval_stance.py and train_stance.py: reading the data, ingesting the
bodies, running each headline through /compare's retrieval, folding by headline, and the score."""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing
import time
import zlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from _softmax import train_softmax

from handlers import Context
from handlers.compare import compare_claim
from handlers.ingest import IngestRequest, ingest_articles
from ingest import FetchPolicy
from nlp import Analyzer
from nlp.article_stance import LABELS, features
from store import Store

FNC_TO_STANCE = {"agree": "supports", "disagree": "disputes", "discuss": "reports", "unrelated": "unrelated"}
STANCE_TO_FNC = {stance: label for label, stance in FNC_TO_STANCE.items()}
NO_MODEL = {"labels": list(LABELS), "weights": {}}
#: Related pairs weigh four times an unrelated one in the FNC-1 score; a disagreement is rare.
CLASS_WEIGHT = {"unrelated": 0.5, "supports": 1.0, "disputes": 1.5, "reports": 1.0}


def fnc_parser(description: str) -> argparse.ArgumentParser:
    """The arguments both FNC-1 scripts take: the data folder, a reusable database and feature cache."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--keep", type=Path, help="database of ingested bodies, reused when it exists")
    parser.add_argument("--cache", type=Path, help="features of every pair, reused when it exists")
    parser.add_argument("--workers", type=int, default=2)
    return parser


def database_path(args: argparse.Namespace) -> Path:
    return args.keep or Path(f"/tmp/newsroom-fnc1-{int(time.time())}.db")


@dataclass
class Pair:
    """One labelled headline/body pair and, when /compare found the body, what the model sees."""

    headline: str
    body_id: str
    gold: str  # FNC label
    features: list[str] | None  # None: retrieval did not return the body


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def open_bodies(folder: Path, db_path: Path, n_process: int = 2) -> tuple[Context, dict[str, int]]:
    """A store holding every FNC-1 body (ingested when the database is new), and body id → article."""
    bodies = read_csv(folder / "train_bodies.csv")
    fresh = not db_path.exists()
    ctx = Context(store=Store.open(db_path), analyzer=Analyzer(), policy=FetchPolicy(), n_process=n_process)
    if fresh:
        started = time.perf_counter()
        requests = [IngestRequest(f"fnc1-body-{b['Body ID']}", text=b["articleBody"], outlet="FNC-1") for b in bodies]
        outcomes = ingest_articles(ctx, requests)
        print(f"ingested {len(bodies)} bodies in {time.perf_counter() - started:.0f} s")
        found = {b["Body ID"]: o.article_id for b, o in zip(bodies, outcomes, strict=True)}
    else:
        rows = ctx.store.db.execute("SELECT source, id FROM articles WHERE source LIKE 'fnc1-body-%'")
        by_source = dict(rows.fetchall())
        found = {b["Body ID"]: by_source.get(f"fnc1-body-{b['Body ID']}") for b in bodies}
    return ctx, {body: article for body, article in found.items() if article is not None}


def headline_pairs(folder: Path, count: int, seed: int) -> dict[str, list[dict]]:
    """The labelled pairs of every headline, or of a fixed sample of ``count`` headlines."""
    by_headline: dict[str, list[dict]] = defaultdict(list)
    for row in read_csv(folder / "train_stances.csv"):
        by_headline[row["Headline"]].append(row)
    headlines = sorted(by_headline)
    if count:
        headlines = sorted(headlines, key=lambda h: zlib.crc32(f"{seed}:{h}".encode()))[:count]
    return {h: by_headline[h] for h in sorted(headlines)}


_worker: tuple[Context, dict[str, int]] | None = None


def _start_worker(folder: Path, db_path: Path) -> None:
    global _worker
    _worker = open_bodies(folder, db_path, n_process=1)


def _pairs_of(item: tuple[str, list[dict]]) -> list[Pair]:
    headline, rows = item
    ctx, body_article = _worker
    result = compare_claim(ctx, headline, stance_model=NO_MODEL)
    pairs = []
    for row in rows:
        evidence = result.evidence.get(body_article.get(row["Body ID"], -1))
        names = features(result.claim_words, evidence) if evidence is not None else None
        pairs.append(Pair(headline, row["Body ID"], row["Stance"], names))
    return pairs


def collect(folder: Path, db_path: Path, headlines: dict[str, list[dict]], workers: int, cache: Path | None):
    """Every labelled pair of these headlines with its features, through compare_claim's retrieval
    (in ``workers`` processes); cached in ``cache`` when given."""
    if cache is not None and cache.exists():
        stored = [Pair(**row) for row in json.loads(cache.read_text())]
        if {p.headline for p in stored} >= set(headlines):
            return [p for p in stored if p.headline in headlines]
    if not db_path.exists():
        open_bodies(folder, db_path)[0].store.close()
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(workers, _start_worker, (folder, db_path)) as pool:
        pairs = [p for chunk in pool.imap(_pairs_of, sorted(headlines.items()), chunksize=4) for p in chunk]
    took = time.perf_counter() - started
    each = 1000 * took / len(headlines)
    print(f"ran {len(headlines)} headlines through /compare in {took:.0f} s ({each:.0f} ms each)")
    if cache is not None:
        cache.write_text(json.dumps([p.__dict__ for p in pairs]))
    return pairs


def folds_by_headline(pairs: list[Pair], folds: int) -> list[list[Pair]]:
    """Pairs split into folds so that no headline is in two folds."""
    split: list[list[Pair]] = [[] for _ in range(folds)]
    for pair in pairs:
        split[zlib.crc32(pair.headline.encode()) % folds].append(pair)
    return split


def fnc_score(pairs: list[tuple[str, str]]) -> float:
    """The FNC-1 score of (gold, predicted) labels as a share of the best possible."""
    got = best = 0.0
    for gold, predicted in pairs:
        best += 0.25 if gold == "unrelated" else 1.0
        if (gold == "unrelated") == (predicted == "unrelated"):
            got += 0.25
            if gold != "unrelated" and gold == predicted:
                got += 0.75
    return got / best if best else 0.0


def train_model(pairs: list[Pair]) -> dict:
    """The article-level stance model for these pairs (only the bodies retrieval returned)."""
    found = [p for p in pairs if p.features is not None]
    return train_softmax(
        [p.features for p in found], [FNC_TO_STANCE[p.gold] for p in found], LABELS, CLASS_WEIGHT, l2=1e-3
    )
