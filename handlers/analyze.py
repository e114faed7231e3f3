"""Analysis of texts without storing them: what the bot would find in an article."""

from __future__ import annotations

from collections import Counter

from handlers.context import Context
from handlers.reply import Field, Reply, Section
from handlers.wording import plural
from ingest import IngestError, load_source


def analyze(ctx: Context, paths: list[str]) -> Reply:
    """newsroom analyze PATH... — the sentences and names found in a text, nothing stored.

    One path gives one JSON object; several give a list, in one process. A path that cannot be
    read is reported in its place and makes the reply fail.

    Args:
        ctx: the analyzer, and the fetch policy for reading the paths.
        paths: files, URLs or ``-`` (standard input), analysed in one batch.

    Returns:
        Per text, its sentence and mention counts and the most named names; ``data`` is the full
        analysis (``Analysis.to_json``), in the order of ``paths``; ``ok`` is False if any failed.
    """
    results: list[dict] = []
    sections: list[Section] = []
    failed = False
    documents = []
    for path in paths:
        try:
            documents.append((path, load_source(path, ctx.policy)))
        except IngestError as exc:
            failed = True
            results.append({"source": path, "error": str(exc)})
            sections.append(Section(heading=path, text=str(exc)))
    analyses = ctx.analyzer.analyze_many([d.text for _, d in documents])
    for (path, document), analysis in zip(documents, analyses, strict=True):
        results.append({"source": path, "title": document.title, **analysis.to_json()})
        counts = Counter((m.text, m.label) for m in analysis.mentions)
        top = ", ".join(f"{text} ({label}) ×{n}" for (text, label), n in counts.most_common(15))
        sections.append(
            Section(
                heading=path,
                fields=[
                    Field("Sentences", str(len(analysis.sentences))),
                    Field(
                        "Names",
                        f"{len(analysis.mentions)} mentions of {len(analysis.entities)} names",
                    ),
                    Field("Most named", top or "none"),
                ],
            )
        )
    # Results keep the order of the paths given.
    order = {p: i for i, p in enumerate(paths)}
    results.sort(key=lambda r: order[r["source"]])
    data = results[0] if len(paths) == 1 else results
    return Reply(
        title=f"Analysis of {plural(len(paths), 'text')}",
        sections=sections,
        ok=not failed,
        data=data,
    )  # type: ignore[arg-type]
