"""ECB+ plumbing for eval_ecbplus.py and train_linker.py: reading a split, which gold mentions are
named, aligning them to stored mentions, and the scores (B-cubed, MUC, pairwise, cross-document)
with the exact-string, head-word and singleton baselines, by the rule in ecbplus/README.md."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

PRONOUNS = frozenset(
    """i me my mine you your yours he him his she her hers it its we us our ours they them their theirs
    who whom whose which that this these those what""".split()
)


@dataclass(frozen=True)
class GoldMention:
    doc: str
    topic: int
    start: int
    end: int
    text: str
    cluster: str
    #: its head is a word of a Title-Case headline that the document writes in lower case elsewhere
    #: ("Lohan Checks Into Rehab" and "entered rehab"): named by the rule, a common noun in fact
    headline_word: bool = False


def read_split(data_dir: Path, split: str) -> list[dict]:
    path = data_dir / "ecbplus" / f"{split}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\S+", text)]


def _last_alnum(text: str, start: int, end: int) -> int | None:
    for i in range(end - 1, start - 1, -1):
        if text[i].isalnum():
            return i
    return None


def _token_at(spans: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    for span in spans:
        if span[0] <= position < span[1]:
            return span
    return None


def _title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) >= 4]
    return len(line.split()) >= 2 and bool(words) and all(w[0].isupper() for w in words)


def _head_info(
    text: str,
) -> tuple[list[tuple[int, int]], dict[tuple[int, int], bool], Counter, set[tuple[int, int]]]:
    """Whitespace tokens, whether each is the first word of a non-headline line, mid-line forms,
    and the tokens of Title-Case headlines."""
    spans = _tokens(text)
    line_first: dict[tuple[int, int], bool] = {}
    mid_forms: Counter = Counter()
    in_headline: set[tuple[int, int]] = set()
    offset = 0
    for line in text.split("\n"):
        headline = _title_case(line)
        first = True
        for match in re.finditer(r"\S+", line):
            span = (offset + match.start(), offset + match.end())
            line_first[span] = first and not headline
            if headline:
                in_headline.add(span)
            if not first:
                mid_forms[_bare(match.group())] += 1
            first = False
        offset += len(line) + 1
    return spans, line_first, mid_forms, in_headline


def _bare(token: str) -> str:
    return token.strip("\"'`“”‘’()[]{},.;:!?-")


def named_mentions(doc: dict) -> list[GoldMention]:
    """Gold mentions in the annotated sentences whose head word is a capitalised, non-pronoun name."""
    text = doc["text"]
    spans, line_first, mid_forms, in_headline = _head_info(text)
    lower_forms = {bare.lower() for bare in (_bare(text[a:b]) for a, b in spans) if bare[:1].islower()}
    selected = set(doc["selected_sentences"])
    found = []
    for m in doc["mentions"]:
        if m["sentence"] not in selected:
            continue
        last = _last_alnum(text, m["start"], m["end"])
        head = _token_at(spans, last) if last is not None else None
        if head is None:
            continue
        word = text[head[0] : head[1]].lstrip("\"'`“”‘’([{")
        bare = _bare(word)
        if not word[:1].isupper() or bare.lower() in PRONOUNS:
            continue
        if line_first.get(head) and mid_forms[bare] == 0:
            continue
        headline_word = head in in_headline and bare.lower() in lower_forms
        found.append(
            GoldMention(doc["doc"], doc["topic"], m["start"], m["end"], m["text"], m["cluster"], headline_word)
        )
    return found


def align(gold: list[GoldMention], stored: dict[str, list[dict]], texts: dict[str, str]) -> dict[int, tuple]:
    """Gold mention index → (stored entity id, stored text), for the stored mention that overlaps it
    most and ends in the same whitespace token."""
    aligned = {}
    token_cache: dict[str, list[tuple[int, int]]] = {}
    for index, g in enumerate(gold):
        text = texts[g.doc]
        spans = token_cache.setdefault(g.doc, _tokens(text))
        g_last = _last_alnum(text, g.start, g.end)
        g_head = _token_at(spans, g_last) if g_last is not None else None
        best, best_overlap = None, 0
        for s in stored.get(g.doc, []):
            overlap = min(g.end, s["end"]) - max(g.start, s["start"])
            if overlap <= 0:
                continue
            s_last = _last_alnum(text, s["start"], s["end"])
            if s_last is None or _token_at(spans, s_last) != g_head:
                continue
            if overlap > best_overlap:
                best, best_overlap = (s["entity_id"], text[s["start"] : s["end"]]), overlap
        if best is not None:
            aligned[index] = best
    return aligned


# Scores ----------------------------------------------------------------------------------


def _prf(p: float, r: float) -> tuple[float, float, float]:
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def bcubed(gold: list, system: list) -> tuple[float, float, float]:
    gold_sets, sys_sets = defaultdict(set), defaultdict(set)
    for i, (g, s) in enumerate(zip(gold, system, strict=True)):
        gold_sets[g].add(i)
        sys_sets[s].add(i)
    p = r = 0.0
    for g, s in zip(gold, system, strict=True):
        both = len(gold_sets[g] & sys_sets[s])
        p += both / len(sys_sets[s])
        r += both / len(gold_sets[g])
    n = len(gold) or 1
    return _prf(p / n, r / n)


def _muc_side(key: list, response: list) -> float:
    key_sets = defaultdict(set)
    for i, k in enumerate(key):
        key_sets[k].add(i)
    num = den = 0
    for members in key_sets.values():
        parts = {response[i] for i in members}
        num += len(members) - len(parts)
        den += len(members) - 1
    return num / den if den else 0.0


def muc(gold: list, system: list) -> tuple[float, float, float]:
    return _prf(_muc_side(system, gold), _muc_side(gold, system))


def _pairs(keys: Iterable) -> int:
    return sum(n * (n - 1) // 2 for n in Counter(keys).values())


def pairwise(gold: list, system: list, docs: list | None = None) -> tuple[float, float, float]:
    """Pair precision and recall; with ``docs``, only pairs of mentions in different documents."""
    cells = list(zip(gold, system, strict=True))
    both, sys_pairs, gold_pairs = _pairs(cells), _pairs(system), _pairs(gold)
    if docs is not None:  # take away the pairs inside one document
        both -= _pairs(zip(cells, docs, strict=True))
        sys_pairs -= _pairs(zip(system, docs, strict=True))
        gold_pairs -= _pairs(zip(gold, docs, strict=True))
    return _prf(both / sys_pairs if sys_pairs else 0.0, both / gold_pairs if gold_pairs else 0.0)


def _wrong_pairs(indices: list[int], gold: list, topics: list) -> int:
    """Pairs among ``indices`` from different topics and different gold clusters."""
    total = len(indices)
    all_pairs = total * (total - 1) // 2
    same_topic = _pairs(topics[i] for i in indices)
    same_cluster = _pairs(gold[i] for i in indices)
    same_both = _pairs((topics[i], gold[i]) for i in indices)
    return all_pairs - same_topic - same_cluster + same_both


def wrong_cross_topic(gold: list, system: list, topics: list, keys: list | None = None) -> int:
    """Pairs of mentions in one stored entity from different topics and different gold clusters;
    with ``keys``, only pairs whose names differ (joined by a name rule, not by the same name)."""
    members = defaultdict(list)
    for i, s in enumerate(system):
        members[s].append(i)
    count = 0
    for indices in members.values():
        count += _wrong_pairs(indices, gold, topics)
        if keys is not None:
            by_key = defaultdict(list)
            for i in indices:
                by_key[keys[i]].append(i)
            count -= sum(_wrong_pairs(group, gold, topics) for group in by_key.values())
    return count


def exact_key(text: str) -> str:
    key = " ".join(text.casefold().split())
    key = re.sub(r"^the\s+", "", key)
    return re.sub(r"['’]s$", "", key)


def scores(gold_mentions: list[GoldMention], aligned: dict[int, tuple]) -> dict[str, float]:
    """Every figure for the system and the three baselines, over the aligned named mentions."""
    chosen = sorted(aligned)
    gold = [gold_mentions[i].cluster for i in chosen]
    docs = [gold_mentions[i].doc for i in chosen]
    topics = [gold_mentions[i].topic for i in chosen]
    systems = {
        "system": [aligned[i][0] for i in chosen],
        "exact": [exact_key(gold_mentions[i].text) for i in chosen],
        "head": [(gold_mentions[i].topic, exact_key(gold_mentions[i].text).split()[-1]) for i in chosen],
        "singleton": list(range(len(chosen))),
    }
    figures: dict[str, float] = {
        "named": len(gold_mentions),
        "aligned": len(chosen),
        "detection_recall": len(chosen) / len(gold_mentions) if gold_mentions else 0.0,
    }
    proper = [i for i, g in enumerate(gold_mentions) if not g.headline_word]
    figures["headline_words"] = len(gold_mentions) - len(proper)
    figures["detection_recall_names"] = sum(i in aligned for i in proper) / len(proper) if proper else 0.0
    for name, system in systems.items():
        for metric, (p, r, f) in (
            ("bcubed", bcubed(gold, system)),
            ("muc", muc(gold, system)),
            ("pairwise", pairwise(gold, system)),
            ("crossdoc", pairwise(gold, system, docs)),
        ):
            figures[f"{name}_{metric}_p"], figures[f"{name}_{metric}_r"], figures[f"{name}_{metric}_f1"] = p, r, f
        figures[f"{name}_wrong_cross_topic_pairs"] = wrong_cross_topic(gold, system, topics)
        names = [exact_key(aligned[i][1]) for i in chosen]  # the stored names: same name, or a name rule
        figures[f"{name}_wrong_cross_topic_name_rule"] = wrong_cross_topic(gold, system, topics, names)
    return figures


def gold_of_split(docs: Iterable[dict]) -> list[GoldMention]:
    return [m for doc in docs for m in named_mentions(doc)]
