"""The content words of a text as the analysis reads them: lemmas, and which of them are names.

Claims and statements are compared word by word on these (``judge``); ingest stores them with each
statement so a /compare needs no parse of the stored text.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Lemmas that carry no content of their own in a claim or a statement.
STOP_LEMMAS = frozenset(
    """be have do say tell the a an and or of to in on at for with by from that this these those it its he she
    they them his her their there here as about into over after before since than then so not no also late
    will would could should may might can""".split()
)


@dataclass(frozen=True)
class Terms:
    """The content lemmas of a text, and the lemmas of its proper nouns."""

    lemmas: frozenset[str]
    names: frozenset[str]  # lemmas of proper nouns


def word_forms(lemma: str) -> tuple[str, ...]:
    """The lemma and the forms a text may use for it instead: an adverb's adjective ("regularly" →
    "regular", "happily" → "happy"), which a full-text index's stemmer keeps apart. Lets a check for
    "is this word anywhere in the store" find a claim's adverb in a story's adjective."""
    forms = [lemma]
    if lemma.endswith("ily") and len(lemma) > 5:
        forms.append(lemma[:-3] + "y")
    elif lemma.endswith("ly") and len(lemma) > 4:
        forms.append(lemma[:-2])
    return tuple(forms)
