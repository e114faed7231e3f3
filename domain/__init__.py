"""Plain data that every layer speaks: analysis results and name keys.

The leaf of the import graph: it imports nothing of the project and no third-party library, so
``nlp`` (which runs spaCy), ``store`` (which runs SQLite) and the handlers can all share these
types without importing each other. What belongs here: dataclasses and pure functions on them
(``analysis``, ``name_keys``). No spaCy, no SQLite, no I/O of any kind.
"""

from domain.analysis import (
    ENTITY_LABELS,
    SAME_NAME,
    Analysis,
    Attribution,
    Descriptor,
    KnownEntity,
    Link,
    LocalEntity,
    Mention,
    NumberMention,
    Sentence,
    Statement,
    UnnamedPerson,
)
from domain.name_keys import (
    CREDENTIALS,
    GENERATIONS,
    AliasKeys,
    acronym_key,
    bare_words,
    generation,
    hyphenated_keys,
    initials,
    name_key,
    name_words,
    run_together,
    skeleton,
    spacing_skeletons,
)

__all__ = [
    "ENTITY_LABELS",
    "CREDENTIALS",
    "GENERATIONS",
    "SAME_NAME",
    "AliasKeys",
    "Analysis",
    "Attribution",
    "Descriptor",
    "KnownEntity",
    "Link",
    "LocalEntity",
    "Mention",
    "NumberMention",
    "Sentence",
    "Statement",
    "UnnamedPerson",
    "acronym_key",
    "bare_words",
    "generation",
    "hyphenated_keys",
    "initials",
    "name_key",
    "name_words",
    "run_together",
    "skeleton",
    "spacing_skeletons",
]
