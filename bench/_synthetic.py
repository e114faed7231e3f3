"""A synthetic store for benchmarks: the sample articles' analyses cloned and perturbed.

spaCy runs once per sample; each synthetic article is a run of consecutive sentences from
a sample with its names swapped for names from a generated pool (Zipf-distributed, so some
are common and most are rare), offsets recomputed so every citation still slices its text.
Descriptors are cloned with their mentions (their offsets are their sentence's).
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from domain import Analysis, name_key  # noqa: E402
from ingest.manifest import read_manifest  # noqa: E402
from judge.cues import Terms  # noqa: E402
from nlp import Analyzer  # noqa: E402
from store.corrections import add_alias  # noqa: E402
from store.db import connect  # noqa: E402

SAMPLE_MANIFEST = ROOT / "examples" / "articles" / "manifest.json"
OUTLETS = [
    "The Wall Street Journal",
    "Fortune",
    "CNN",
    "Reuters",
    "Associated Press",
    "BBC",
    "The Guardian",
    "Politico",
    "Bloomberg",
    "Financial Times",
]
SYLLABLES = [
    "ka",
    "ri",
    "to",
    "vel",
    "an",
    "mor",
    "si",
    "len",
    "dra",
    "po",
    "nik",
    "sha",
    "bor",
    "el",
    "ta",
    "vin",
    "ro",
    "gan",
    "mi",
    "lu",
    "zen",
    "ha",
    "ost",
    "ber",
]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


@dataclass
class Pool:
    """Generated names by label; index 0 is the most common (Zipf)."""

    names: dict[str, list[str]]

    @classmethod
    def generate(cls, rng: random.Random, size: int) -> Pool:
        people = {f"{_word(rng)} {_word(rng)}" for _ in range(size)}
        orgs = {
            f"{_word(rng)} {rng.choice(['Group', 'Institute', 'Agency', 'Bank', 'Party'])}" for _ in range(size // 4)
        }
        places = {_word(rng) + rng.choice(["ia", "stan", "land", "burg"]) for _ in range(size // 10)}
        return cls({"PERSON": sorted(people), "ORG": sorted(orgs), "GPE": sorted(places)})

    def pick(self, rng: random.Random, label: str) -> str | None:
        names = self.names.get(label)
        if not names:
            return None
        index = min(int(rng.paretovariate(1.1)) - 1, len(names) - 1)
        return names[index]


@dataclass
class Sample:
    """A sample article's outlet, analysis, and the terms of each of its sentences."""

    outlet: str
    analysis: Analysis
    terms: list[Terms]


def sample_analyses() -> list[Sample]:
    analyzer = Analyzer()
    entries = read_manifest(SAMPLE_MANIFEST)
    texts = [e.path.read_text(encoding="utf-8") for e in entries]
    samples = []
    for entry, analysis in zip(entries, analyzer.analyze_many(texts), strict=True):
        terms = analyzer.terms([s.text for s in analysis.sentences])
        samples.append(Sample(entry.outlet or "unknown", analysis, terms))
    return samples


def swapped_terms(terms: Terms, swap: dict[str, str]) -> tuple[str, str]:
    """A cloned sentence's stored terms: the sample sentence's, with swapped names' words swapped."""
    lemmas, names = set(terms.lemmas), set(terms.names)
    for old, new in swap.items():
        old_words, new_words = set(old.lower().split()), set(new.lower().split())
        if old != new and old_words & lemmas:
            lemmas = (lemmas - old_words) | new_words
            names = (names - old_words) | new_words
    return " ".join(sorted(lemmas)), " ".join(sorted(names))


def clone(rng: random.Random, sample: Sample, pool: Pool, keep_share: float, span: int):
    """Text, mentions (start, end, text, label, sent_start, sent_end), sentences (start, end, text,
    lemmas, names) and descriptors (mention number, text) of one clone."""
    analysis = sample.analysis
    first = rng.randrange(max(1, len(analysis.sentences) - span))
    chosen = analysis.sentences[first : first + span]
    swap: dict[str, str] = {}
    pieces: list[str] = []
    mentions: list[tuple[int, int, str, str, int, int]] = []
    sentences: list[tuple[int, int, str, Terms]] = []
    described = {d.mention: d.text for d in analysis.descriptors}
    descriptors: list[tuple[int, str]] = []
    position: dict[int, int] = {}  # sample mention → clone mention
    at = 0
    for number, sentence in enumerate(chosen, start=first):
        inside = [(i, m) for i, m in enumerate(analysis.mentions) if m.sentence == number]
        start_out = at
        cursor = sentence.start
        local: list[tuple[int, int, str, str]] = []
        for index, mention in inside:
            position[index] = len(mentions) + len(local)
            if index in described:
                descriptors.append((len(mentions) + len(local), described[index]))
            piece = analysis.text[cursor : mention.start]
            pieces.append(piece)
            at += len(piece)
            if mention.text not in swap:
                replacement = None if rng.random() < keep_share else pool.pick(rng, mention.label)
                swap[mention.text] = replacement or mention.text
            name = swap[mention.text]
            pieces.append(name)
            local.append((at, at + len(name), name, mention.label))
            at += len(name)
            cursor = mention.end
        tail = analysis.text[cursor : sentence.end] + " "
        pieces.append(tail)
        at += len(tail)
        sentences.append((start_out, at - 1, "".join(pieces)[start_out : at - 1], sample.terms[number]))
        mentions += [(s, e, t, lab, start_out, at - 1) for s, e, t, lab in local]
    said = [
        (a.sentence - first, position.get(a.speaker_mention), a.speaker_type, a.cue_lemma)
        for a in analysis.attributions
        if first <= a.sentence < first + len(chosen)
    ]
    cloned = [(start, end, text, *swapped_terms(terms, swap)) for start, end, text, terms in sentences]
    return "".join(pieces), mentions, cloned, descriptors, said


def _statements(conn, article_id: int, rows: list[tuple], sentences: list[tuple], said: list[tuple]) -> None:
    """Attributions at sentence level (content = the cloned sentence), and a fact statement for
    every other sentence naming someone: enough for /who's statements to have real weight."""
    by_sentence: dict[int, list[tuple]] = {}
    for row in rows:
        by_sentence.setdefault(row[6], []).append(row)
    attributed = {}
    for sentence_index, speaker, speaker_type, cue in said:
        start, end = sentences[sentence_index][:2]
        speaker_entity = rows[speaker][1] if speaker is not None else None
        attributed[start] = conn.execute(
            "INSERT INTO attributions (article_id, speaker_entity_id, speaker, speaker_type, kind, cue, cue_lemma, "
            "content_start, content_end, content_pieces, sent_start, sent_end, confidence) "
            "VALUES (?, ?, ?, ?, 'indirect', ?, ?, ?, ?, ?, ?, ?, 0.9)",
            [
                article_id,
                speaker_entity,
                rows[speaker][4] if speaker is not None else None,
                speaker_type,
                cue,
                cue,
                start,
                end,
                f"[[{start}, {end}]]",
                start,
                end,
            ],
        ).lastrowid
    for start, end, text, lemmas, names in sentences:
        named = by_sentence.get(start, [])
        if not named and start not in attributed:
            continue
        statement_id = conn.execute(
            'INSERT INTO statements (article_id, kind, start, "end", text, attribution_id, sent_start, sent_end, '
            "lemmas, names) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                article_id,
                "attributed" if start in attributed else "fact",
                start,
                end,
                text,
                attributed.get(start),
                start,
                end,
                lemmas,
                names,
            ],
        ).lastrowid
        conn.executemany(
            "INSERT OR IGNORE INTO statement_entities (statement_id, entity_id) VALUES (?, ?)",
            [(statement_id, row[1]) for row in named],
        )


def build_store(path: Path, count: int, seed: int = 7, span: int = 12, keep_share: float = 0.05) -> None:
    """Write ``count`` synthetic articles to a fresh database at ``path`` in bulk."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    rng = random.Random(seed)
    samples = sample_analyses()
    pool = Pool.generate(rng, 20_000)
    db = connect(path)
    conn = db.conn
    entity_ids: dict[tuple[str, str], int] = {}
    with db.atomic():
        for name in OUTLETS:
            conn.execute("INSERT INTO outlets(name) VALUES (?)", [name])
        for number in range(count):
            text, mentions, sentences, descriptors, said = clone(
                rng, samples[number % len(samples)], pool, keep_share, span
            )
            published = f"20{15 + number * 10 // count:02d}-{1 + number % 12:02d}-{1 + number % 28:02d}"
            outlet_id = 1 + (number * 7 + rng.randrange(3)) % len(OUTLETS)
            article_id = conn.execute(
                "INSERT INTO articles (source, content_hash, title, outlet_id, published, ingested_at, "
                "text) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    f"synthetic/{number}.txt",
                    f"synthetic-{seed}-{number}",
                    text[:60],
                    outlet_id,
                    published,
                    published + "T00:00:00",
                    text,
                ],
            ).lastrowid
            rows = []
            for start, end, name, label, sent_start, sent_end in mentions:
                key = (name, label)
                if key not in entity_ids:
                    entity_ids[key] = conn.execute(
                        "INSERT INTO entities (name, type, created_at, first_article_id) VALUES (?,?,?,?)",
                        [name, label, published, article_id],
                    ).lastrowid
                    aliases = {name} | ({name.split()[-1]} if label == "PERSON" and " " in name else set())
                    for alias in aliases:
                        add_alias(db, entity_ids[key], alias)
                rows.append((article_id, entity_ids[key], start, end, name, label, sent_start, sent_end))
            conn.executemany(
                'INSERT INTO mentions (article_id, entity_id, start, "end", text, label, sent_start, '
                "sent_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            conn.executemany(
                'INSERT INTO descriptors (entity_id, article_id, text, key, kind, start, "end", sent_start, '
                "sent_end) VALUES (?, ?, ?, ?, 'appositive', ?, ?, ?, ?)",
                [
                    (
                        rows[m][1],
                        article_id,
                        text_,
                        name_key(text_),
                        rows[m][6],
                        rows[m][7],
                        rows[m][6],
                        rows[m][7],
                    )
                    for m, text_ in descriptors
                ],
            )
            _statements(conn, article_id, rows, sentences, said)
    db.execute("ANALYZE")
    db.close()
