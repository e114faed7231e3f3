from handlers.sources import described_once, plain_speakers
from store.records import StatementRow


def _row(statement_id: int, speaker: str | None, speaker_type: str | None, article_id: int = 1) -> StatementRow:
    return StatementRow(
        article_id, "The Wall Street Journal", "T", "a.txt", None, "2024-10-24", "s", statement_id,
        "attributed", "text", speaker, speaker_type, None, "said", "say",
    )  # fmt: skip


def test_a_back_reference_takes_the_earlier_description_of_its_article():
    rows = [
        _row(1, "a person familiar with the interactions", "anonymous"),
        _row(2, "the person", "anonymous"),
        _row(3, "the person", "anonymous", article_id=2),  # another article: nothing to take
        _row(4, "the official", "anonymous"),  # no earlier official
    ]
    assert [r.speaker for r in described_once(rows)] == [
        "a person familiar with the interactions",
        "a person familiar with the interactions",
        "the person",
        "the official",
    ]


def test_only_an_earlier_description_counts():
    rows = [_row(5, "the person", "anonymous"), _row(9, "a person close to Musk", "anonymous")]
    assert described_once(rows)[0].speaker == "the person"


def test_the_newspaper_in_cnn_is_the_journal_it_names(seeded_ctx):
    about = seeded_ctx.store.statements_about(seeded_ctx.store.find_entities("Putin")[0].id, 20)
    newspaper = [r for r in about if r.speaker == "the newspaper"]
    assert newspaper, "CNN's “the newspaper cited Putin's request …”"
    assert {r.speaker for r in plain_speakers(seeded_ctx, newspaper)} == {"The Wall Street Journal"}
