"""How a whole article stands toward a claim: unrelated, supports, disputes or reports.

Statements alone miss articles that cover a claim in their own words, and cannot tell a story
that repeats a rumour from one that confirms it. This scorer reads the article as a whole: how
much of the claim it carries (weighted by rarity, in the lead and in the body), its full-text
rank among the candidates, the hedges, doubts and denials in the sentences that carry the claim,
the hedges in the claim itself, and the stances of its statements. The weights are a softmax
model trained on FNC-1 (bench/train_stance.py); features are plain strings, so it stays readable.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from judge.cues import DENIAL_TEXT, DOUBT_TEXT, HEDGE

MODEL_PATH = Path(__file__).resolve().parent / "data" / "article_model.json"
LABELS = ("unrelated", "supports", "disputes", "reports")
WORD = re.compile(r"[A-Za-z][A-Za-z’']*|\d[\d,.]*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
LEAD_CHARS = 400
CLAIM_HEDGE = re.compile(
    r"\b(reportedly|allegedly|alleged|claims?|claimed|rumou?rs?|rumou?red|may|might|could|apparently|"
    r"purportedly|possibly|suspected|believed|said to|according to|reports?|reported)\b|\?",
    re.IGNORECASE,
)
REFUTING = re.compile(
    r"\b(fake|fraud|hoax|false|deny|denies|denied|not|despite|nope|doubt|doubts|bogus|debunk|debunked|"
    r"pranks?|retract|retracted|untrue|never|no evidence|misleading|satire|satirical)\b",
    re.IGNORECASE,
)
CONFIRMING = re.compile(
    r"\b(confirmed|confirms|confirm|officially|announced|revealed|verified|has been|have been|was|were)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """A crude stem that lets "contacts" meet "contact" and "Russia's" meet "Russia"."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return word[:6]


@functools.cache
def stop_words() -> frozenset[str]:
    """spaCy's English stop words, imported on first use: importing spaCy takes about 0.3 s, which
    commands that never judge a claim (``newsroom who``) should not pay."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@functools.lru_cache(maxsize=262144)
def _content_key(word: str) -> str:
    """The word's stem, or "" for a stop word or a single character."""
    return "" if len(word) < 2 or word.lower() in stop_words() else word_key(word)


def content_keys(text: str) -> list[str]:
    """Stems of the content words of a text, in order."""
    # One cached look-up a word: this runs over every sentence of every candidate article.
    return [key for key in map(_content_key, WORD.findall(text)) if key]


@dataclass(frozen=True)
class ArticleEvidence:
    """What the scorer knows of one candidate article for one claim."""

    title: str
    text: str
    rank: int | None  # 1-based full-text rank among the candidates; None when found only by statements
    score_share: float  # its bm25 score as a share of the best candidate's
    statement_stances: Sequence[tuple[str, float]] = ()  # (stance, relevance) of its judged statements


@dataclass(frozen=True)
class ClaimWords:
    """The claim's content stems, their rarity over the store, and which are names."""

    text: str
    keys: tuple[str, ...]
    rarity: dict[str, float]
    names: frozenset[str]

    @functools.cached_property
    def weights(self) -> dict[str, float]:
        """Each key's weight in the claim's cover: its rarity, names counting double."""
        return {k: self.rarity.get(k, 1.0) * (2.0 if k in self.names else 1.0) for k in self.keys}

    @functools.cached_property
    def total_weight(self) -> float:
        """The weight of the whole claim, the denominator of every cover."""
        return sum(self.weights.values())

    @functools.cached_property
    def bigrams(self) -> set[tuple[str, str]]:
        """The claim's pairs of neighbouring keys."""
        return _bigrams(self.keys)

    @functools.cached_property
    def own_features(self) -> tuple[str, ...]:
        """The features the claim alone gives, the same beside every article: its hedges and its
        refuting words ("claim_hedge=reportedly", "claim_refute=none")."""
        hedges = sorted({m.group(0).lower() for m in CLAIM_HEDGE.finditer(self.text)})
        refutes = sorted({m.group(0).lower() for m in REFUTING.finditer(self.text)})
        return (
            *([f"claim_hedge={h}" for h in hedges] or ["claim_hedge=none"]),
            *([f"claim_refute={r}" for r in refutes] or ["claim_refute=none"]),
        )

    @classmethod
    def of(cls, claim: str, names: Sequence[str], document_frequency: dict[str, int], total: int) -> ClaimWords:
        words = [w for w in WORD.findall(claim) if w.lower() not in stop_words() and len(w) > 1]
        keys = tuple(dict.fromkeys(word_key(w) for w in words))
        rarity = {}
        for word in words:
            n = document_frequency.get(word.lower(), 0)
            rarity[word_key(word)] = math.log((total + 1) / (n + 1)) + 1.0
        return cls(claim, keys, rarity, frozenset(word_key(n) for n in names))


def _bucket(value: float, step: float, top: float = 1.0) -> str:
    return f"{min(top, math.floor(value / step) * step):.2f}"


def _count_bucket(n: int) -> str:
    for limit, name in ((0, "0"), (1, "1"), (3, "2-3"), (7, "4-7")):
        if n <= limit:
            return name
    return "8+"


def rank_bucket(rank: int | None) -> str:
    """The "rank=" feature's bucket for a full-text rank (None: found only by its statements)."""
    if rank is None:
        return "none"
    for limit, name in ((1, "1"), (3, "2-3"), (6, "4-6"), (10, "7-10"), (20, "11-20")):
        if rank <= limit:
            return name
    return "21+"


def _cover(claim: ClaimWords, keys: set[str] | frozenset[str]) -> float:
    if not claim.keys:
        return 0.0
    return sum(w for k, w in claim.weights.items() if k in keys) / claim.total_weight


def _bigrams(keys: Sequence[str]) -> set[tuple[str, str]]:
    return set(zip(keys, keys[1:], strict=False))


@dataclass(frozen=True)
class _Text:
    """What the scorer reads in an article whatever the claim: worked out once per article text
    (cached), since the same candidates come back for claim after claim."""

    body: str
    sentences: tuple[str, ...]
    sentence_keys: tuple[frozenset[str], ...]
    keys: tuple[str, ...]
    lead_keys: frozenset[str]
    counts: tuple[str, ...]  # the whole-text hedge, doubt and denial count features

    @functools.cached_property
    def bigrams(self) -> set[tuple[str, str]]:
        """The text's pairs of neighbouring keys (worked out once, as the text is read for claim after claim)."""
        return _bigrams(self.keys)


def _for_lowered(named: Sequence[tuple[str, re.Pattern[str]]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Case-blind patterns compiled case-sensitive, to run over lower-cased text: the same matches at
    less than half the cost (they run over every candidate article of every /compare)."""
    return tuple((name, re.compile(pattern.pattern)) for name, pattern in named)


#: The whole-text counts, over lower-cased text.
_COUNTED = _for_lowered((("refuting", REFUTING), ("hedges", HEDGE), ("doubt", DOUBT_TEXT), ("denial", DENIAL_TEXT)))


@functools.lru_cache(maxsize=1024)
def _text(title: str, text: str) -> _Text:
    body = f"{title}\n{text}"
    sentences = tuple(s.strip() for s in SENTENCE_END.split(body) if s.strip())
    per_sentence = [content_keys(s) for s in sentences]
    lowered = body.lower()
    counts = tuple(f"{name}={_count_bucket(len(pattern.findall(lowered)))}" for name, pattern in _COUNTED)
    return _Text(
        body,
        sentences,
        tuple(frozenset(k) for k in per_sentence),
        tuple(k for keys in per_sentence for k in keys),  # the words of the body: no word spans two sentences
        frozenset(content_keys(body[:LEAD_CHARS])),
        counts,
    )


@dataclass(frozen=True)
class _Reading:
    """One pass over an article for one claim, shared by the features, the why and the citation."""

    text: _Text
    cover: float
    closest: list[str]  # the sentences that carry most of the claim, best first


def _read(claim: ClaimWords, article: ArticleEvidence) -> _Reading:
    text = _text(article.title, article.text)
    return _Reading(text, _cover(claim, set(text.keys)), _closest_sentences(claim, text, 3))


def features(claim: ClaimWords, article: ArticleEvidence, reading: _Reading | None = None) -> list[str]:
    """What the scorer sees of one claim and one article."""
    reading = reading or _read(claim, article)
    text, cover = reading.text, reading.cover
    keyset = set(text.keys)
    lead_cover = _cover(claim, text.lead_keys)
    names = [k for k in claim.keys if k in claim.names]
    found = [
        "bias",
        f"rank={rank_bucket(article.rank)}",
        f"share={_bucket(article.score_share, 0.2)}",
        f"cover={_bucket(cover, 0.1)}",
        f"lead_cover={_bucket(lead_cover, 0.2)}",
        f"bigrams={_count_bucket(len(claim.bigrams & text.bigrams))}",
    ]
    if names:
        found.append(f"names={_bucket(sum(k in keyset for k in names) / len(names), 0.25)}")
    else:
        found.append("names=none")
    found += claim.own_features
    found += _sentence_features(text, reading.closest, cover)
    found += _statement_features(article.statement_stances)
    coarse = "high" if cover >= 0.5 else "mid" if cover >= 0.25 else "low"
    found += [f"{coarse}|{name}" for name in found if name.startswith(("claim_", "near_", "stmt_"))]
    # A hedge in the claim means something else beside a denial in the article than beside a confirmation.
    found += [
        f"{a}&{b}"
        for a in found
        if a.startswith(("near_", "claim_hedge", "claim_refute"))
        for b in found
        if b.startswith(("near_", "refuting=", "hedges=", "doubt=", "denial=")) and a < b
    ]
    found += _near_words(reading.closest)
    return found


def _near_words(closest: list[str]) -> list[str]:
    """The words of the sentences that carry the claim: how a story words a claim it repeats
    ("reportedly", "viral", "confirmed", "hoax") tells agreeing from discussing. Training keeps only
    words seen in enough pairs (bench/_fnc.py, LEXICAL_MIN_PAIRS)."""
    return sorted({f"w={w.lower()}" for w in WORD.findall(" ".join(closest)) if w[0].isalpha() and len(w) > 2})


def _closest_sentences(claim: ClaimWords, text: _Text, count: int) -> list[str]:
    covers = [_cover(claim, keys) for keys in text.sentence_keys]
    order = sorted(range(len(covers)), key=lambda i: -covers[i])
    return [text.sentences[i] for i in order[:count]]


#: The cues looked for near the claim, over lower-cased sentences.
_NEAR = _for_lowered(
    (
        ("near_refute", REFUTING),
        ("near_hedge", HEDGE),
        ("near_doubt", DOUBT_TEXT),
        ("near_denial", DENIAL_TEXT),
        ("near_confirming", CONFIRMING),
    )
)


def _sentence_features(text: _Text, scored: list[str], cover: float) -> list[str]:
    """Hedges, doubts and denials in the sentences that carry the claim, and in the whole text."""
    near = " ".join(scored).lower()
    found = list(text.counts)
    found += [name for name, pattern in _NEAR if pattern.search(near)]
    if "?" in near:
        found.append("near_question")
    if not scored or cover == 0:
        found.append("near_nothing")
    return found


def _statement_features(stances: Sequence[tuple[str, float]]) -> list[str]:
    if not stances:
        return ["stmt_none"]
    found = []
    for stance in ("supports", "disputes", "unverified", "reports"):
        weights = [relevance for s, relevance in stances if s == stance]
        if weights:
            found.append(f"stmt_{stance}={_count_bucket(len(weights))}")
            found.append(f"stmt_{stance}_best={_bucket(max(weights), 0.25)}")
    return found


@dataclass(frozen=True)
class ArticleStance:
    label: str  # one of LABELS
    confidence: float  # the model's probability for that label
    related: float  # probability that the article is about the claim at all
    why: str  # what the call rests on, in a few words
    sentence: str  # the article's sentence that carries most of the claim
    chances: dict[str, float] = field(default_factory=dict)  # every label's probability


def load_model(path: Path = MODEL_PATH) -> dict:
    """The model at ``path`` (this one by default; judge.statement_model reads its own through it)."""
    return _load(str(path))


@functools.lru_cache(maxsize=4)
def _load(path: str) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


#: Each model's weights by feature, built on its first use: id → (the model, kept so that its id
#: cannot be reused, and its weights). Few models are in use at once (the shipped two, and the
#: evaluation's per fold), so the table is simply emptied when it grows.
_BY_FEATURE: dict[int, tuple[dict, dict[str, tuple[tuple[int, float], ...]]]] = {}


def _by_feature(model: dict) -> dict[str, tuple[tuple[int, float], ...]]:
    """Every feature's (label index, weight) pairs: the statement model reads every word of a
    sentence, most of which it never weighed."""
    cached = _BY_FEATURE.get(id(model))
    if cached is not None and cached[0] is model:
        return cached[1]
    found: dict[str, list[tuple[int, float]]] = {}
    for label, name in enumerate(model["labels"]):
        for feature, weight in model["weights"].get(name, {}).items():
            found.setdefault(feature, []).append((label, weight))
    by_feature = {feature: tuple(weights) for feature, weights in found.items()}
    if len(_BY_FEATURE) >= 16:
        _BY_FEATURE.clear()
    _BY_FEATURE[id(model)] = (model, by_feature)
    return by_feature


def probabilities(model: dict, names: Sequence[str]) -> list[float]:
    """Softmax over the model's labels for these features."""
    by_feature = _by_feature(model)
    scores = [0.0] * len(model["labels"])
    for name in names:  # a feature the model never weighed costs one look-up, not one per label
        for label, weight in by_feature.get(name, ()):
            scores[label] += weight
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


#: What the sentence that carries the claim does to it, over the lower-cased sentence.
_WHY = _for_lowered((("hedged", HEDGE), ("doubted", DOUBT_TEXT), ("denied", DENIAL_TEXT)))


def _why(cover: float, sentence: str) -> str:
    lowered = sentence.lower()
    said = [word for word, pattern in _WHY if pattern.search(lowered)]
    return f"whole-article reading: carries {cover:.0%} of the claim's words" + (
        f", {' and '.join(said)} where it does" if said else ""
    )


def article_stance(claim: ClaimWords, article: ArticleEvidence, model: dict | None = None) -> ArticleStance:
    """The model's call on one article, with what it rests on and the sentence to cite."""
    model = model or load_model()
    reading = _read(claim, article)
    chances = dict(zip(model["labels"], probabilities(model, features(claim, article, reading)), strict=True))
    label = max(chances, key=chances.get)
    sentence = reading.closest[0] if reading.closest else ""
    why = _why(reading.cover, sentence)
    return ArticleStance(label, chances[label], 1.0 - chances["unrelated"], why, sentence, chances)
