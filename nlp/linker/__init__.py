"""The cross-article linker: which stored entity each of an article's entities is.

One entry point, ``link(analysis, candidates, context) -> Linked``, plain data in and out. Every
rule, word list and threshold it uses lives in this package: name relations (``names``), the
short forms a lone word may be (``short_forms``), abbreviations an article defines
(``abbreviations``), a US state's abbreviation after a place (``states``), the evidence weighed
(``evidence``), the model (``model``), one entity's decision (``decide``), what to ask the
store for (``lookup``), and the stored entities an article shows to be one once it is written
(``joins``: ``twins`` and ``bridges``).
"""

from nlp.linker.decide import Scored, explain, link_entity, score_candidates
from nlp.linker.evidence import APART, LinkContext, features
from nlp.linker.joins import joins
from nlp.linker.link import ArticleContext, Linked, entities_to_link, link, wanted_keys
from nlp.linker.lookup import article_terms, lookup_keys, query_terms, story_neighbours
from nlp.linker.model import LinkerModel, linker_version, shipped_model

__all__ = [
    "APART",
    "ArticleContext",
    "LinkContext",
    "Linked",
    "LinkerModel",
    "Scored",
    "article_terms",
    "entities_to_link",
    "explain",
    "features",
    "joins",
    "link",
    "link_entity",
    "linker_version",
    "lookup_keys",
    "query_terms",
    "score_candidates",
    "shipped_model",
    "story_neighbours",
    "wanted_keys",
]
