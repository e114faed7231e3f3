"""Ingest throughput against bare spaCy: the sample articles repeated to about 300,000 tokens.

Reference: bare `nlp.pipe` over the same texts with the same trained pipeline (without the
bot's component) and the same number of processes, in the same run. Target: the full ingest
(extraction, analysis with the bot's component, entity resolution, one SQLite transaction per
article) at 0.8 of the reference's throughput or better, using both cores.
Usage: python bench/ingest.py [--tokens 300000] [--processes 2]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from handlers import Context  # noqa: E402
from handlers.ingest import IngestRequest, ingest_articles  # noqa: E402
from ingest import FetchPolicy  # noqa: E402
from ingest.manifest import read_manifest  # noqa: E402
from nlp import Analyzer  # noqa: E402
from nlp.pipeline import candidate_models  # noqa: E402
from store import Store  # noqa: E402

SAMPLES = ROOT / "examples" / "articles" / "manifest.json"


def corpus(tokens_wanted: int, nlp) -> tuple[list[str], int]:
    """Distinct copies of the sample articles (each copy numbered, so none is a duplicate)."""
    samples = [e.path.read_text(encoding="utf-8") for e in read_manifest(SAMPLES)]
    sizes = [len(nlp.make_doc(t)) for t in samples]
    texts, tokens, copy = [], 0, 0
    while tokens < tokens_wanted:
        for text, size in zip(samples, sizes, strict=True):
            texts.append(f"{text}\nCopy {copy} of this article, for the benchmark.")
            tokens += size + 8
        copy += 1
    return texts, tokens


def bare(name: str, texts: list[str], processes: int) -> float:
    nlp = spacy.load(name)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=processes, batch_size=16):
        pass
    return time.perf_counter() - started


def full_ingest(texts: list[str], processes: int) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as folder:
        analyzer = Analyzer()
        analyzer.nlp  # noqa: B018 - loading is not ingesting
        ctx = Context(
            store=Store.open(Path(folder) / "bench.db"), analyzer=analyzer, policy=FetchPolicy(), n_process=processes
        )
        requests = [IngestRequest(f"pasted-{i}", text=t, outlet="Bench") for i, t in enumerate(texts)]
        started = time.perf_counter()
        outcomes = ingest_articles(ctx, requests)
        elapsed = time.perf_counter() - started
        stored = sum(1 for o in outcomes if o.status == "new")
        ctx.store.close()
    return elapsed, stored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tokens", type=int, default=300_000)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    name = next(n for n in candidate_models(None) if spacy.util.is_package(n))
    texts, tokens = corpus(args.tokens, spacy.blank("en"))
    reference = bare(name, texts, args.processes)
    elapsed, stored = full_ingest(texts, args.processes)
    ratio = reference / elapsed
    print(f"{len(texts)} articles, {tokens:,} tokens, {args.processes} processes, pipeline {name}")
    print(f"  bare nlp.pipe: {reference:.1f} s, {tokens / reference:,.0f} tokens/s")
    print(f"  full ingest:   {elapsed:.1f} s, {tokens / elapsed:,.0f} tokens/s, {stored} articles stored")
    print(f"  ratio to bare nlp.pipe: {ratio:.2f} (target 0.8): {'met' if ratio >= 0.8 else 'NOT met'}")
    print(
        f"ingest_tokens_per_s={tokens / elapsed:.0f} bare_tokens_per_s={tokens / reference:.0f} "
        f"ingest_ratio={ratio:.2f} articles={len(texts)} tokens={tokens}"
    )


if __name__ == "__main__":
    main()
