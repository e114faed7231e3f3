"""The store knows nothing of spaCy: importing it must not load the NLP pipeline."""

import subprocess
import sys


def test_importing_the_store_leaves_spacy_unloaded():
    probe = "import sys, store; print('spacy' in sys.modules, 'nlp.analyze' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert found.stdout.split() == ["False", "False"]
