import io
import json
import shutil
import subprocess
import sys

import pytest

from bot.cli import main
from tests.conftest import SAMPLE_MANIFEST, SAMPLES


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no developer .env is read
    return str(tmp_path / "cli.db")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_manifest_ingest_then_duplicates_then_who(db, capsys):
    code, out, _ = run(capsys, "--db", db, "ingest", "--manifest", str(SAMPLE_MANIFEST), "--json")
    report = json.loads(out)
    assert code == 0 and report["new"] == 3
    assert [a["outlet"] for a in report["articles"]] == ["The Wall Street Journal", "Fortune", "CNN"]

    code, out, _ = run(capsys, "--db", db, "ingest", "--manifest", str(SAMPLE_MANIFEST), "--json")
    assert code == 0 and json.loads(out)["duplicate"] == 3

    code, out, _ = run(capsys, "--db", db, "who", "Putin", "--json")
    answer = json.loads(out)
    assert code == 0 and answer["query"] == "Putin"
    assert set(answer["entity"]["outlets"]) == {"The Wall Street Journal", "Fortune", "CNN"}

    code, out, _ = run(capsys, "--db", db, "who", "Putin")
    assert code == 0 and "To read first" in out and "— CNN" in out and "/examples/" not in out


def test_if_empty_skips_a_store_that_has_articles(db, capsys):
    run(capsys, "--db", db, "ingest", str(SAMPLES / "cnn-musk-putin.txt"), "--outlet", "CNN")
    code, out, _ = run(capsys, "--db", db, "ingest", "--if-empty", "--manifest", str(SAMPLE_MANIFEST))
    assert code == 0 and out == ""


def test_analyze_json_offsets_slice_the_file(db, capsys):
    path = SAMPLES / "wsj-musk-putin.txt"
    code, out, _ = run(capsys, "analyze", str(path), "--json")
    text = path.read_text(encoding="utf-8")
    result = json.loads(out)
    assert code == 0 and result["entities"]
    assert all(text[e["start"] : e["end"]] == e["text"] for e in result["entities"])


def test_analyze_several_paths_gives_a_list(db, capsys):
    paths = [str(SAMPLES / "cnn-musk-putin.txt"), str(SAMPLES / "fortune-musk-putin.txt")]
    code, out, _ = run(capsys, "analyze", *paths, "--json")
    assert code == 0 and [r["source"] for r in json.loads(out)] == paths


def test_bad_input_is_one_line_and_a_non_zero_exit(db, capsys, tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    code, out, _ = run(capsys, "--db", db, "ingest", str(binary))
    assert code == 1
    assert out.strip() == f"{binary}: Not text: the file looks like a PNG image [I003]"


def test_stdin_ingest(db, capsys, monkeypatch):
    text = (SAMPLES / "fortune-musk-putin.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    code, out, _ = run(capsys, "--db", db, "ingest", "-", "--outlet", "Fortune", "--json")
    article = json.loads(out)["articles"][0]
    assert code == 0 and article["source"] == "-" and article["outlet"] == "Fortune"


def test_a_malformed_date_is_a_usage_error(db, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", db, "ingest", "x.txt", "--published", "yesterday"])
    assert exit_info.value.code == 2
    assert "not a date" in capsys.readouterr().err


def test_entity_corrections_from_the_command_line(db, capsys, tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Dmitri Peskov denied the report. Kremlin spokesman Dmitry Peskov said so too, on Friday.")
    run(capsys, "--db", db, "ingest", str(text))
    code, out, _ = run(capsys, "--db", db, "entity", "rename", "Dmitry Peskov", "Dmitry S. Peskov", "--json")
    assert code == 0 and json.loads(out)["name"] == "Dmitry S. Peskov"
    code, out, _ = run(capsys, "--db", db, "entity", "merge", "Nobody", "Peskov")
    assert code == 1 and out.strip() == "Nobody named “Nobody”. [H024]"
    code, out, _ = run(capsys, "--db", db, "entity", "merge", "Nobody", "Peskov", "--json")
    assert code == 1 and json.loads(out) == {"error": "Nobody named “Nobody”. [H024]", "code": "H024"}


def test_analyze_json_has_attributions_with_offsets(db, capsys):
    path = SAMPLES / "cnn-musk-putin.txt"
    code, out, _ = run(capsys, "analyze", str(path), "--json")
    text = path.read_text(encoding="utf-8")
    attributions = json.loads(out)["attributions"]
    assert code == 0 and attributions
    for a in attributions:
        assert set(a) >= {"source", "cue", "content", "kind", "speaker_type", "speaker"}
        assert a["kind"] in ("direct", "indirect")
        assert a["speaker_type"] in ("named", "pronoun", "described", "anonymous", "outlet", None)
        for role in ("source", "cue"):
            if a[role]:
                assert text[a[role]["start"] : a[role]["end"]] == a[role]["text"]
    kirby = [a for a in attributions if a["speaker"] == "John Kirby"]
    assert kirby and "unable to corroborate" in kirby[0]["content"]["text"]


def test_compare_batch_answers_one_json_object_per_line(db, capsys, tmp_path):
    run(capsys, "--db", db, "ingest", "--manifest", str(SAMPLE_MANIFEST))
    claims = tmp_path / "claims.txt"
    claims.write_text("Musk and Putin have been in regular contact since late 2022\n\nPenguins run the Kremlin now\n")
    code, out, _ = run(capsys, "--db", db, "compare", "--batch", str(claims), "--json")
    answers = [json.loads(line) for line in out.strip().splitlines()]
    assert code == 0 and [a["verdict"] for a in answers] == ["disputed", "no coverage"]


def test_digest_prints_without_sending_and_marks_when_asked(db, capsys):
    run(capsys, "--db", db, "ingest", "--manifest", str(SAMPLE_MANIFEST))
    code, out, _ = run(capsys, "--db", db, "digest", "--json")
    data = json.loads(out)
    assert code == 0 and set(data) >= {"since", "until", "articles", "new_entities", "disputed_claims", "numbers"}
    assert {"name", "type", "descriptor", "first_article_id"} <= set(data["new_entities"][0])
    assert {"claim", "verdict", "sides"} <= set(data["disputed_claims"][0])
    run(capsys, "--db", db, "digest", "--mark-sent")
    code, out, _ = run(capsys, "--db", db, "digest")
    assert code == 0 and out.strip() == "Nothing new since the last digest."


def test_export_streams_documented_fields_as_jsonl_and_csv(db, capsys, tmp_path):
    run(capsys, "--db", db, "ingest", "--manifest", str(SAMPLE_MANIFEST), "--json")
    code, out, _ = run(capsys, "--db", db, "export", "mentions")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and rows
    assert list(rows[0]) == [
        "mention_id", "article_id", "source", "outlet", "start", "end", "text", "entity_id", "entity_name", "type",
        "label",
    ]  # fmt: skip
    texts = {a: (SAMPLES / p).read_text(encoding="utf-8") for a, p in ((1, "wsj-musk-putin.txt"),)}
    first = rows[0]
    assert texts[1][first["start"] : first["end"]] == first["text"]
    out_file = tmp_path / "entities.csv"
    code, _, err = run(capsys, "--db", db, "export", "entities", "--format", "csv", "--out", str(out_file))
    header, *lines = out_file.read_text(encoding="utf-8").splitlines()
    assert code == 0 and header == "entity_id,name,type,aliases,articles,mentions,first_article_id,created_at"
    assert f"{len(lines)} entities written" in err
    code, out, _ = run(capsys, "--db", db, "export", "statements")
    assert code == 0 and all(json.loads(line)["sentence"] for line in out.splitlines())


def test_read_commands_on_a_missing_database_say_so_and_create_nothing(tmp_path, capsys):
    missing = tmp_path / "typo" / "newsroom.db"
    code, _, err = run(capsys, "--db", str(missing), "who", "Musk")
    assert code == 2 and "no database at" in err and len(err.strip().splitlines()) == 1
    assert not missing.parent.exists()


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path, capsys):
    other = tmp_path / "notes.db"
    other.write_text("reporter's notes, not a database\n" * 10)
    for argv in (["who", "Musk"], ["ingest", str(SAMPLES / "wsj-musk-putin.txt")]):
        code, _, err = run(capsys, "--db", str(other), *argv)
        assert code == 2 and "is not a newsroom database" in err
    assert other.read_text() == "reporter's notes, not a database\n" * 10


def test_a_database_of_someone_elses_is_refused_in_one_line_and_never_written(tmp_path, capsys):
    import hashlib
    import sqlite3

    theirs = tmp_path / "customers.db"
    with sqlite3.connect(theirs) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO customers (name) VALUES ('Ann Example')")
    conn.close()
    before = hashlib.sha256(theirs.read_bytes()).hexdigest()
    for argv in (["who", "Putin"], ["ingest", str(SAMPLES / "wsj-musk-putin.txt")], ["digest"], ["browse"]):
        code, out, err = run(capsys, "--db", str(theirs), *argv)
        assert code == 2 and out == ""
        assert err == (
            f"newsroom: {theirs} is not a newsroom database "
            "(it holds other tables: customers; it was left unchanged [S001]) [B009]\n"
        )
    assert hashlib.sha256(theirs.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["customers.db"]  # no -wal, no -journal


def test_backup_is_a_consistent_copy_taken_while_a_write_is_open(db, capsys, tmp_path):
    import threading

    from store import Store

    assert run(capsys, "ingest", "--manifest", str(SAMPLE_MANIFEST))[0] == 0
    store = Store.open(db)
    inside, release = threading.Event(), threading.Event()

    def open_write() -> None:
        with store.write_transaction():
            store.db.execute("INSERT INTO store_meta (key, value) VALUES ('half-done', 'yes')")
            inside.set()
            release.wait(30)

    writer = threading.Thread(target=open_write)
    writer.start()
    try:
        assert inside.wait(30)
        code, _, err = run(capsys, "backup", str(tmp_path / "copy.db"))
    finally:
        release.set()
        writer.join(30)
        store.close()
    assert code == 0 and "backed up to" in err
    copy = Store.open(tmp_path / "copy.db")
    assert copy.article_count() == 3 and copy.meta("half-done") is None  # committed rows only
    copy.close()
    code, _, err = run(capsys, "backup", str(tmp_path / "copy.db"))
    assert code == 2 and "exists" in err


def test_usage_errors_exit_2_with_one_line(db, capsys):
    assert run(capsys, "ingest", "--manifest", str(SAMPLE_MANIFEST))[0] == 0
    assert run(capsys, "who", " ")[0] == 2
    assert run(capsys, "compare", '""')[0] == 2
    with pytest.raises(SystemExit) as stopped:
        run(capsys, "digest", "--since", "yesterday-ish")
    assert stopped.value.code == 2 and "not a date or time" in capsys.readouterr().err


def test_a_manifest_cannot_reach_outside_its_folder_nor_store_a_vague_date(db, capsys, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    (tmp_path / "secret.txt").write_text("Vladimir Putin met officials in Moscow on Tuesday for long talks.")
    (folder / "ok.txt").write_text("Vladimir Putin met officials in Moscow on Tuesday for long talks.")
    cases = {
        "escape.json": [{"file": "../secret.txt"}],
        "absolute.json": [{"file": "/etc/passwd"}],
        "vague.json": [{"file": "ok.txt", "published": "yesterday-ish"}],
    }
    for name, items in cases.items():
        (folder / name).write_text(json.dumps({"articles": items}))
        code, _, err = run(capsys, "ingest", "--manifest", str(folder / name))
        assert code == 1 and len(err.strip().splitlines()) == 1, err
        assert ("outside" in err) if name != "vague.json" else ("not a date" in err)
    if (tmp_path / "cli.db").exists():
        from store import Store

        store = Store.open(tmp_path / "cli.db")
        assert store.article_count() == 0  # nothing stored from a refused manifest
        store.close()
    (folder / "wide.json").write_text(json.dumps({"articles": [{"file": "../secret.txt", "published": "2024-10-25"}]}))
    code, _, _ = run(capsys, "ingest", "--manifest", str(folder / "wide.json"), "--manifest-root", str(tmp_path))
    assert code == 0


def test_renaming_to_a_name_another_entity_has_is_refused(db, capsys):
    assert run(capsys, "ingest", "--manifest", str(SAMPLE_MANIFEST))[0] == 0
    code, out, _ = run(capsys, "entity", "rename", "Peskov", "Elon Musk")
    assert code == 1 and "already called Elon Musk" in out and "entity merge" in out
    assert "Dmitry Peskov" in run(capsys, "who", "Peskov")[1]


def test_the_cli_starts_without_loading_spacy_trafilatura_or_matplotlib(seeded_template, tmp_path):
    """`newsroom who` parses nothing, so it must not pay for the libraries that parse or draw."""
    database = tmp_path / "newsroom.db"
    shutil.copyfile(seeded_template, database)
    probe = (
        "import sys\n"
        "from bot.cli import main\n"
        f"main(['--db', {str(database)!r}, 'who', 'Kiriyenko'])\n"
        "print('LOADED', *sorted(m for m in ('spacy', 'trafilatura', 'matplotlib') if m in sys.modules))\n"
    )
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert "Sergei Kiriyenko" in found.stdout
    assert found.stdout.strip().splitlines()[-1] == "LOADED"
