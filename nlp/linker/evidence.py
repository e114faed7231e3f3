"""The evidence for a local entity being a stored one, as named numbers the model weighs.

Beyond how the names relate: the entity types, descriptors, the other names the two share across
their articles, whether the candidate's articles are among the ones most like the new article,
time, popularity within the story, rivals, and whether the two stories share anything at all.

The last used to be four rules that forced a probability (a person's lone name, an acronym, one
word of a longer name, the same name, each "in another story"). They are now features
(``APART``), weighed like the others; their weights are learned on labelled cross-story pairs
(``bench/train_linker.py``), since ECB+ links mentions within a topic only and says nothing there.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from domain import KnownEntity, LocalEntity, acronym_key, name_key
from nlp.linker.names import SAME_NAMES, only_a_piece_of


@dataclass(frozen=True)
class LinkContext:
    """What the new article offers beyond the name: its other names, similar stored articles, date,
    and whether every mention of the name stands inside a longer name or title ("Secretary of
    State") or only modifies the common noun after it ("State department"), where it is no short
    form of anything (``short_forms.inside_title``), and whether its lone name is said under a
    monarch's or a pope's title, where it is no surname (``short_forms.regnal_name``)."""

    neighbours: frozenset[str] = frozenset()  # alias keys of the article's other entities
    similar_articles: tuple[int, ...] = ()  # stored articles most like this one, best first
    published: str | None = None
    inside_title: bool = False
    regnal: bool = False  # the lone name is said under a monarch's or a pope's title ("King Abdullah")


#: The four "in another story" cases, each a feature fired only when the candidate's articles share
#: no name and no similar article with the new one.
APART = (
    "apart_lone_person_name",  # "Peskov" in a hockey story; the stored Dmitry Peskov
    "apart_acronym",  # "AP" under a photo; the stored Anbar Province (or an entity merely called so)
    "apart_head_word",  # "Sun" in a story about Ebola; the stored Baltimore Sun
    "apart_same_name",  # "Reuters" in a story about Ebola and in one about Apple
)


def shares_story(candidate: KnownEntity, context: LinkContext) -> bool:
    """The candidate's articles name one of the new article's other names, or are among the stored
    articles most like it."""
    return bool(context.neighbours & candidate.neighbours) or bool(
        set(context.similar_articles) & set(candidate.article_ids)
    )


def acronym_join(entity: LocalEntity, candidate: KnownEntity, relation: str) -> bool:
    """The entity is an all-capitals short form and the candidate is not named so: its initials
    ("acronym"), or an alias an earlier article gave it ("AP" of the stored Associated Press). An
    entity whose own name is the acronym is named so ("U.S.", "NATO")."""
    short = acronym_key(entity.name)
    if short and short == acronym_key(candidate.name):
        return False  # its very name: "U.S." and the stored U.S., "NATO" and the stored NATO
    return relation == "acronym" or (relation == "same_single" and bool(short))


def apart(entity: LocalEntity, candidate: KnownEntity, relation: str, context: LinkContext) -> str | None:
    """Which of ``APART`` holds for this candidate, if any. A lone name or a head word is only "in
    another story" when the new article has a story (some stored article is like it). An acronym
    is unless the candidate's articles are among the stored articles most like the new one: a
    shared name is not enough for two letters (of the 60 acronym joins read by hand in
    bench/data/acronym_joins.jsonl, a linker content with a shared name still made 58, 17 wrong).
    Nor are similar articles alone enough to give a several-word name to a stored short form
    never called by a long one: the first article of a new story finds "similar" articles of
    another (``SIMILAR_FLOOR`` is relative to the best match), and an undefined "ID" (identity
    papers) or "RC" (an asteroid's designation) names nothing; that join needs a name in common."""
    if acronym_join(entity, candidate, relation) and not _acronym_story(candidate, relation, context):
        return "apart_acronym"
    if shares_story(candidate, context):
        return None
    has_story = bool(context.similar_articles)
    if relation in ("surname", "same_single") and candidate.type == "PERSON":
        return "apart_lone_person_name" if has_story else None
    if relation == "contained" or (relation in SAME_NAMES and only_a_piece_of(entity.aliases, candidate)):
        return "apart_head_word" if has_story else None
    if relation in SAME_NAMES and (candidate.type == "PERSON") == (entity.label == "PERSON"):
        if candidate.type != "PERSON" or relation == "same_full":
            return "apart_same_name"
    return None


def _acronym_story(candidate: KnownEntity, relation: str, context: LinkContext) -> bool:
    """The evidence that an acronym join is inside the candidate's story: its articles among the
    stored articles most like the new one and, for a stored short form never called by a long one,
    a name in common too."""
    similar = bool(set(context.similar_articles) & set(candidate.article_ids))
    if relation == "acronym" and not called_by_long_form(candidate):
        return similar and bool(context.neighbours & candidate.neighbours)
    return similar


def called_by_long_form(candidate: KnownEntity) -> bool:
    """Whether a stored entity has a several-word name ("Redwood City"), not only short forms ("RC")."""
    return any(" " in name_key(a) for a in (*candidate.aliases, candidate.name))


def _role_words(texts: Iterable[str]) -> set[str]:
    stop = {"a", "an", "the", "of", "and", "for", "in", "on", "at", "to", "who", "is", "s", "his", "her"}
    return {w for t in texts for w in re.findall(r"[a-z]+", t.lower()) if w not in stop and len(w) > 2}


def _days_apart(a: str | None, b: str | None) -> float | None:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) if a and b else None
    except ValueError:
        return None


def features(
    entity: LocalEntity,
    candidate: KnownEntity,
    relation: str,
    context: LinkContext,
    descriptors: Iterable[str] = (),
    rivals: int = 0,
) -> dict[str, float]:
    """The evidence for ``entity`` being ``candidate`` (whose names relate by ``relation``).

    Args:
        entity: the article's entity.
        candidate: a stored entity its names found.
        relation: how their names relate (``nlp.linker.names.relation_to``).
        context: the article's other names, similar stored articles and date.
        descriptors: what the article calls the entity.
        rivals: how many other candidates relate to it the same way.

    Returns:
        Feature name → value, for ``LinkerModel.probability``.
    """
    f: dict[str, float] = {f"rel_{relation}": 1.0}
    if candidate.type == entity.label:
        f["type_same"] = 1.0
    elif "PERSON" in (candidate.type, entity.label) and not entity.maybe_person:
        f["type_person_clash"] = 1.0
    else:
        f["type_other_clash"] = 1.0
    ours, theirs = _role_words(descriptors), _role_words(candidate.descriptors)
    if ours and theirs:
        f["descriptors_share" if ours & theirs else "descriptors_conflict"] = 1.0
    shared = len(context.neighbours & candidate.neighbours)
    if context.neighbours and candidate.neighbours:
        fraction = shared / min(len(context.neighbours), len(candidate.neighbours))
        f["neighbours_log"] = math.log1p(shared)
        f["neighbours_fraction"] = fraction
        f[f"neighbours_fraction_x_{relation}"] = fraction
    else:
        f["neighbours_unknown"] = 1.0
    if context.similar_articles and candidate.article_ids:
        theirs_ids = set(candidate.article_ids)
        ranks = [rank for rank, a in enumerate(context.similar_articles) if a in theirs_ids]
        share = len(ranks) / min(len(theirs_ids), len(context.similar_articles))
        f["similar_share"] = share
        f[f"similar_share_x_{relation}"] = share
        f["similar_top"] = 1.0 / (1 + ranks[0]) if ranks else 0.0
    else:
        f["similar_unknown"] = 1.0
    if shared or f.get("similar_share"):  # a popular entity is likelier only within its story
        f["popularity_in_story_log"] = math.log1p(candidate.article_count)
    gap = _days_apart(context.published, candidate.latest)
    if gap is None:
        f["time_unknown"] = 1.0
    else:
        f["time_gap_log"] = math.log1p(gap)
    f["rivals_log"] = math.log1p(rivals)
    if all(" " not in name_key(a) for a in entity.aliases):
        f["single_word"] = 1.0
    kind = apart(entity, candidate, relation, context)
    if kind:
        f[kind] = 1.0
    return f
