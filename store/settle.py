"""An entity's name and type, settled from all its mentions: the same whatever order the articles came in.

Name: the form of a several-word name written in at least half of the entity's articles, if any
(a young entity takes its full name, "Vladimir Putin" beside "Putin"; one misread span, "Germany
Apple" in one article of 183, renames nothing), else the form written in the most articles. Among
several, the one written in more articles, then more often ("Tony Weeks" twice beside "Referee
Tony Weeks" once), then with more words, then the first alphabetically. Forms that differ only by
credentials are one ("Regina Benjamin, MD" is "Regina Benjamin"), shown by the shorter. A name a
reporter set (``name_locked``) stays.

Type: the label its several-word mentions carry most; with none, the label of all its mentions
(a lone word relabelled by its article's reading counts as that); ties go to the first label
alphabetically.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from domain import bare_words, name_key


@functools.lru_cache(maxsize=1 << 16)
def _name_form(text: str) -> tuple[str, ...]:
    """The words that make two written forms one name (credentials dropped). Cached: an entity's
    forms are read again each time an article names it."""
    key = name_key(text)
    return tuple(bare_words(key)) or (key,)


@dataclass(frozen=True)
class FormCount:
    """How one written form of an entity's name is used: in how many articles, how many times."""

    text: str
    articles: int
    uses: int


def settled_name(forms: Iterable[FormCount], articles_of: Callable[[list[str]], int], every: int) -> str | None:
    """The name an entity's mentions settle on, by the rules above.

    The store counts in SQL; only forms that are one name written differently ("Regina Benjamin"
    and "Regina Benjamin, MD") need the articles they share counted again, which ``articles_of``
    does, so an entity named in many articles costs one row per form, not one per article.

    Args:
        forms: each form the entity's mentions are written in, with its counts.
        articles_of: how many distinct articles use any of these forms (called only for a name
            written in more than one form).
        every: how many distinct articles mention the entity at all.

    Returns:
        The settled name (as written in one of the mentions), or None with no forms.
    """
    grouped: dict[tuple[str, ...], list[FormCount]] = defaultdict(list)
    for form in forms:
        grouped[_name_form(form.text)].append(form)
    if not grouped:
        return None
    articles = {
        words: group[0].articles if len(group) == 1 else articles_of([f.text for f in group])
        for words, group in grouped.items()
    }
    uses = {words: sum(f.uses for f in group) for words, group in grouped.items()}

    def rank(words: tuple[str, ...]) -> tuple:
        return (articles[words], uses[words], len(words), [-ord(c) for c in " ".join(words)])

    full = [w for w in articles if len(w) >= 2 and 2 * articles[w] >= every]
    best = max(full or list(articles), key=rank)
    shown: Counter = Counter()
    for form in grouped[best]:
        shown[form.text.strip()] += form.uses
    return min(shown, key=lambda f: (len(f.split()), -shown[f], f))


def settle_names(db: Database, entity_ids: Iterable[int]) -> None:
    """Give each entity (unless a reporter named it) the name its mentions settle on.

    Args:
        db: the store's database; the new names are written in its current transaction.
        entity_ids: the entities to settle; repeats and ids no longer stored are skipped.
    """
    wanted = sorted(set(entity_ids))
    for chunk in (wanted[i : i + CHUNK] for i in range(0, len(wanted), CHUNK)):
        _settle_chunk(db, chunk)


#: Entities settled per query: SQLite limits the parameters of one statement.
CHUNK = 500


def _settle_chunk(db: Database, entity_ids: list[int]) -> None:
    """``settle_names`` for a few hundred entities, counted in three queries rather than three each
    (an ingest settles every entity its article names), and one more for each name written in
    several forms."""
    marks = ",".join("?" * len(entity_ids))
    current = {
        entity_id: name
        for entity_id, name, locked in db.execute(
            f"SELECT id, name, name_locked FROM entities WHERE id IN ({marks})", entity_ids
        ).fetchall()
        if not locked
    }
    forms: dict[int, list[FormCount]] = defaultdict(list)
    for entity_id, text, articles, uses in db.execute(
        f"SELECT entity_id, text, COUNT(DISTINCT article_id), COUNT(*) FROM mentions WHERE entity_id IN ({marks}) "
        "GROUP BY entity_id, text",
        entity_ids,
    ):
        forms[entity_id].append(FormCount(text, articles, uses))
    every = dict(
        db.execute(
            f"SELECT entity_id, COUNT(DISTINCT article_id) FROM mentions WHERE entity_id IN ({marks}) "
            "GROUP BY entity_id",
            entity_ids,
        ).fetchall()
    )
    for entity_id, stored_name in current.items():

        def articles_of(texts: list[str], entity_id: int = entity_id) -> int:
            text_marks = ",".join("?" * len(texts))
            sql = f"SELECT COUNT(DISTINCT article_id) FROM mentions WHERE entity_id = ? AND text IN ({text_marks})"
            return db.execute(sql, [entity_id, *texts]).fetchone()[0]

        name = settled_name(forms.get(entity_id, []), articles_of, every.get(entity_id, 0))
        if name and name != stored_name:
            db.execute("UPDATE entities SET name = ? WHERE id = ?", [name, entity_id])
