"""Ingest throughput against bare spaCy: the sample articles repeated to about 300,000 tokens.

Reference: bare `nlp.pipe` over the same texts with the same trained pipeline (without the
bot's component) and the same number of processes, in the same run. Target: the full ingest
(extraction, analysis with the bot's component, entity resolution, one SQLite transaction per
article) at 0.8 of the reference's throughput or better, using both cores.

The machine's speed drifts from minute to minute (on this 2-core VM bare spaCy alone ran from
6,900 to 9,800 tokens/s within ten minutes), and a ratio taken from one run of each is as much
that drift as the code. So the two run in turn, ``--rounds`` times, each round giving a ratio of
neighbours; the figure is the median of those ratios. The CPU seconds each side spent (this
process and its workers) are printed too: their ratio does not move with the machine's speed.
Usage: python bench/ingest.py [--tokens 300000] [--processes 2] [--rounds 3]
"""

from __future__ import annotations

import argparse
import resource
import statistics
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


def cpu_seconds() -> float:
    """CPU time of this process and of the worker processes it has waited for, so far."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def bare(name: str, texts: list[str], processes: int) -> tuple[float, float]:
    """Seconds and CPU seconds bare spaCy takes over the texts (loading the pipeline not counted)."""
    nlp = spacy.load(name)
    started, cpu_before = time.perf_counter(), cpu_seconds()
    for _ in nlp.pipe(texts, n_process=processes, batch_size=16):
        pass
    return time.perf_counter() - started, cpu_seconds() - cpu_before


def full_ingest(texts: list[str], processes: int) -> tuple[float, float, int]:
    """Seconds and CPU seconds the bot's ingest takes over the texts, and how many it stored."""
    with tempfile.TemporaryDirectory() as folder:
        analyzer = Analyzer()
        analyzer.nlp  # noqa: B018 - loading is not ingesting
        ctx = Context(
            store=Store.open(Path(folder) / "bench.db"), analyzer=analyzer, policy=FetchPolicy(), n_process=processes
        )
        requests = [IngestRequest(f"pasted-{i}", text=t, outlet="Bench") for i, t in enumerate(texts)]
        started, cpu_before = time.perf_counter(), cpu_seconds()
        outcomes = ingest_articles(ctx, requests)
        elapsed, cpu = time.perf_counter() - started, cpu_seconds() - cpu_before
        stored = sum(1 for o in outcomes if o.status == "new")
        ctx.store.close()
    return elapsed, cpu, stored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tokens", type=int, default=300_000)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3, help="bare and full ingest, run in turn this many times")
    args = parser.parse_args()
    name = next(n for n in candidate_models(None) if spacy.util.is_package(n))
    texts, tokens = corpus(args.tokens, spacy.blank("en"))
    print(f"{len(texts)} articles, {tokens:,} tokens, {args.processes} processes, pipeline {name}")
    ratios, cpu_ratios, speeds = [], [], []
    for round_number in range(1, args.rounds + 1):
        reference, cpu_bare = bare(name, texts, args.processes)
        elapsed, cpu_full, stored = full_ingest(texts, args.processes)
        ratios.append(reference / elapsed)
        speeds.append((tokens / elapsed, tokens / reference))
        cpu_ratios.append(cpu_bare / cpu_full)
        print(
            f"  round {round_number}: bare nlp.pipe {reference:.1f} s ({tokens / reference:,.0f} tokens/s, "
            f"{cpu_bare:.0f} CPU s); full ingest {elapsed:.1f} s ({tokens / elapsed:,.0f} tokens/s, "
            f"{cpu_full:.0f} CPU s, {stored} articles stored); ratio {ratios[-1]:.2f}",
            flush=True,
        )
    ratio, cpu_ratio = statistics.median(ratios), statistics.median(cpu_ratios)
    spread = f"{min(ratios):.2f}-{max(ratios):.2f}"
    print(f"  ratio to bare nlp.pipe, median of {len(ratios)} rounds: {ratio:.2f} (range {spread})")
    print(f"  target 0.8: {'met' if ratio >= 0.8 else 'NOT met'}")
    print(f"  CPU seconds, bare over full ingest (median): {cpu_ratio:.2f}")
    ingest_speed = statistics.median(s[0] for s in speeds)
    bare_speed = statistics.median(s[1] for s in speeds)
    print(
        f"ingest_tokens_per_s={ingest_speed:.0f} bare_tokens_per_s={bare_speed:.0f} "
        f"ingest_ratio={ratio:.2f} ingest_ratio_min={min(ratios):.2f} ingest_ratio_max={max(ratios):.2f} "
        f"cpu_ratio={cpu_ratio:.2f} rounds={len(ratios)} articles={len(texts)} tokens={tokens}"
    )


if __name__ == "__main__":
    main()
