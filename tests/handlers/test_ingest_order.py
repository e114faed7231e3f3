"""The entities a store holds, their names and their types depend on which articles it holds, not on
the order they came in (issue 40, part 5)."""

import json
import random
from itertools import permutations

from handlers import Context
from handlers.ingest import IngestRequest, ingest_articles
from store import Store
from tests.conftest import ROOT

SAMPLES = ROOT / "examples" / "articles"
#: Texts written for this test: a person named in full and by surname alone, a family name written
#: first, an abbreviation defined in the text, a title that holds another entity's word, an honorific,
#: two Spanish surnames.
WRITTEN = {
    "written-1": (
        "President Joe Biden said on Tuesday that the United States would send more aid to Ukraine. "
        "Biden spoke at the White House after meeting Secretary of State Antony Blinken. "
        "Blinken said the aid would arrive within weeks."
    ),
    "written-2": (
        "Biden told reporters in Delaware that he had no plans to meet Kim Jong-un. Kim has tested several "
        "missiles this year, the Associated Press (AP) reported. AP reporters in Seoul said North Korea had "
        "fired two more on Sunday."
    ),
    "written-3": (
        "North Korean leader Kim Jong-un visited a tractor factory near Pyongyang, state media said on Monday. "
        "Kim praised the workers and asked for more tractors. Mr Cho, the factory's manager, said output had "
        "doubled since the spring. The Islamic State group was not mentioned in the report."
    ),
    "written-4": (
        "Cristina Fernández de Kirchner, the former president of Argentina, appeared in court in Buenos Aires "
        "on Thursday. Fernández denied every charge. Her lawyer told the court the case was political."
    ),
}


def requests() -> list[IngestRequest]:
    manifest = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))
    found = [
        IngestRequest(
            a["file"],
            text=(SAMPLES / a["file"]).read_text(encoding="utf-8"),
            outlet=a["outlet"],
            published=a["published"],
        )
        for a in manifest["articles"]
    ]
    return found + [IngestRequest(name, text=text, outlet="Written") for name, text in WRITTEN.items()]


def stored_entities(store: Store) -> dict[frozenset, tuple[str, str]]:
    """Each stored entity as the set of (source, start, end) of its mentions, with its name and type."""
    rows = store.db.execute(
        """SELECT e.id, e.name, e.type, a.source, m.start, m."end" FROM mentions m
           JOIN entities e ON e.id = m.entity_id JOIN articles a ON a.id = m.article_id"""
    ).fetchall()
    spans: dict[int, set] = {}
    named: dict[int, tuple[str, str]] = {}
    for entity_id, name, type_, source, start, end in rows:
        spans.setdefault(entity_id, set()).add((source, start, end))
        named[entity_id] = (name, type_)
    return {frozenset(s): named[e] for e, s in spans.items()}


def entities(path, analyzer, order: list[IngestRequest]) -> dict[frozenset, tuple[str, str]]:
    """The stored entities (``stored_entities``) of a fresh store that ingested ``order``."""
    store = Store.open(path)
    try:
        outcomes = ingest_articles(Context(store=store, analyzer=analyzer), order)
        assert all(o.status == "new" for o in outcomes)
        return stored_entities(store)
    finally:
        store.close()


def test_four_orders_give_the_same_entities_names_and_types(tmp_path, analyzer):
    given = requests()
    orders = [list(given), list(reversed(given))]
    for seed in (1, 2):
        shuffled = list(given)
        random.Random(seed).shuffle(shuffled)
        orders.append(shuffled)
    found = [entities(tmp_path / f"order{n}.db", analyzer, order) for n, order in enumerate(orders)]
    for n, other in enumerate(found[1:], 1):
        assert set(other) == set(found[0]), f"order {n} partitions the mentions otherwise"
        differ = {found[0][k]: other[k] for k in found[0] if other[k] != found[0][k]}
        assert not differ, f"order {n} names or types entities otherwise: {differ}"


#: Written for this test: a navy called only "the Navy" in one article, by its full name alone in
#: another, and by both in a third, which bridges the first two.
NAVY = {
    "navy-1": (
        "The Navy said on Monday that its divers had found the wreck of a fishing boat off Port Elsworth, "
        "where two fishermen went missing in a storm last week."
    ),
    "navy-2": (
        "Two ships of the Ruritanian Navy searched the sea off Port Elsworth on Sunday for two fishermen "
        "missing since a storm sank their fishing boat."
    ),
    "navy-3": (
        "The Ruritanian Navy said on Tuesday that divers had found the wreck of a fishing boat off Port Elsworth. "
        "The Navy said the two fishermen who went missing in the storm had not been found."
    ),
}


def test_an_article_that_bridges_a_lone_name_and_a_full_one_joins_them_whichever_came_first(tmp_path, analyzer):
    """Stored first, the lone "Navy" stays apart from the Ruritanian Navy of the next article; the
    third article joins the Ruritanian Navy and scores the lone "Navy" too, so they are joined
    (``nlp.linker.bridges``), as they are when the lone "Navy" comes later."""
    given = [IngestRequest(name, text=text, outlet="Written") for name, text in NAVY.items()]
    found = [entities(tmp_path / f"navy{n}.db", analyzer, list(order)) for n, order in enumerate(permutations(given))]
    navies = [(name, type_, len(spans)) for spans, (name, type_) in found[0].items() if "Navy" in name]
    assert navies == [("Ruritanian Navy", "ORG", 4)]
    for n, other in enumerate(found[1:], 1):
        assert other == found[0], f"order {n} gives other entities"
