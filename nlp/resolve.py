"""Grouping mentions into entities, within an article and against the store's candidates.

Pure functions: the handler reads candidates from the store and passes them in.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from nlp.model import Analysis, KnownEntity, LocalEntity, name_key


def group_mentions(analysis: Analysis) -> list[LocalEntity]:
    """One LocalEntity per person or thing named; its label is the one most mentions carry.

    Mentions with the same name group together, and a lone surname joins the one full
    name in the article that ends with it ("Putin" → "Vladimir Putin").
    """
    return _fold_surnames(_group_by_name(analysis))


def _fold_surnames(entities: list[LocalEntity]) -> list[LocalEntity]:
    full_names: dict[str, list[LocalEntity]] = defaultdict(list)
    for entity in entities:
        words = name_key(entity.name).split()
        if entity.label == "PERSON" and len(words) > 1:
            full_names[words[-1]].append(entity)
    kept = []
    for entity in entities:
        key = name_key(entity.name)
        owners = full_names.get(key, []) if " " not in key else []
        if len(owners) == 1:
            owner = owners[0]
            owner.aliases = sorted(set(owner.aliases) | set(entity.aliases))
            owner.mentions = sorted(owner.mentions + entity.mentions)
        else:
            kept.append(entity)
    return kept


def _group_by_name(analysis: Analysis) -> list[LocalEntity]:
    by_key: dict[str, list[int]] = defaultdict(list)
    for index, mention in enumerate(analysis.mentions):
        key = name_key(mention.text)
        if key:
            by_key[key].append(index)
    entities = []
    for indices in by_key.values():
        forms = Counter(analysis.mentions[i].text for i in indices)
        labels = Counter(analysis.mentions[i].label for i in indices)
        entities.append(
            LocalEntity(
                name=forms.most_common(1)[0][0],
                label=labels.most_common(1)[0][0],
                aliases=sorted(forms),
                mentions=indices,
            )
        )
    return entities


def choose_known(local: LocalEntity, candidates: list[KnownEntity]) -> KnownEntity | None:
    """The stored entity this local one is, when exactly one candidate of its type shares a name."""
    keys = {name_key(alias) for alias in local.aliases} | {name_key(local.name)}
    fitting = [
        known
        for known in candidates
        if known.type == local.label
        and keys & ({name_key(a) for a in known.aliases} | {name_key(known.name)})
    ]
    return fitting[0] if len(fitting) == 1 else None
