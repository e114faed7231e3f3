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

from collections import Counter, defaultdict
from collections.abc import Iterable

from sqlite_utils import Database

from domain import bare_words, name_key


def settled_name(rows: Iterable[tuple[int, str, int]]) -> str | None:
    """The name an entity's mentions settle on, by the rules above.

    Args:
        rows: the entity's mentions as ``(article id, text, how many times)`` rows.

    Returns:
        The settled name (as written in one of the mentions), or None with no rows.
    """
    articles: dict[tuple[str, ...], set[int]] = defaultdict(set)
    uses: Counter = Counter()
    forms: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    every: set[int] = set()
    for article_id, text, count in rows:
        key = name_key(text)
        words = tuple(bare_words(key)) or (key,)
        articles[words].add(article_id)
        uses[words] += count
        forms[words][text.strip()] += count
        every.add(article_id)
    if not articles:
        return None

    def rank(words: tuple[str, ...]) -> tuple:
        return (len(articles[words]), uses[words], len(words), [-ord(c) for c in " ".join(words)])

    full = [w for w in articles if len(w) >= 2 and 2 * len(articles[w]) >= len(every)]
    best = max(full or list(articles), key=rank)
    shown = forms[best]
    return min(shown, key=lambda f: (len(f.split()), -shown[f], f))


def settle_names(db: Database, entity_ids: Iterable[int]) -> None:
    """Give each entity (unless a reporter named it) the name its mentions settle on.

    Args:
        db: the store's database; the new names are written in its current transaction.
        entity_ids: the entities to settle; repeats and ids no longer stored are skipped.
    """
    for entity_id in sorted(set(entity_ids)):
        row = db.execute("SELECT name, name_locked FROM entities WHERE id = ?", [entity_id]).fetchone()
        if row is None or row[1]:
            continue
        rows = db.execute(
            "SELECT article_id, text, COUNT(*) FROM mentions WHERE entity_id = ? GROUP BY article_id, text", [entity_id]
        )
        name = settled_name(rows.fetchall())
        if name and name != row[0]:
            db.execute("UPDATE entities SET name = ? WHERE id = ?", [name, entity_id])
