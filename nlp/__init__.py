"""Text analysis: spaCy pipelines in, plain dataclasses out (see nlp.model)."""

from nlp.analyze import Analyzer
from nlp.model import Analysis, Mention, Sentence
from nlp.pipeline import ModelNotInstalled

__all__ = ["Analysis", "Analyzer", "Mention", "ModelNotInstalled", "Sentence"]
