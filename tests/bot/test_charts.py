"""The digest's grid, drawn for chat (PNG) and written for the terminal (a text table)."""

from bot.charts import charts_folder, pictures
from bot.render_text import render_text
from handlers.reply import Grid, Reply

GRID = Grid(
    "Who named whom", "digest-console-desk-7", ["Elon Musk", "Vladimir Putin"], ["WSJ", "CNN"], [[5, 2], [3, 0]]
)


def test_a_grid_is_drawn_once_per_window_under_its_own_name(tmp_path):
    reply = Reply(title="Digest", grids=[GRID])
    (first,) = pictures(reply, tmp_path)
    (again,) = pictures(reply, tmp_path)
    assert first == again == tmp_path / "digest-console-desk-7.png"
    assert first.read_bytes()[:4] == b"\x89PNG"
    assert list(tmp_path.iterdir()) == [first]


def test_the_terminal_gets_the_grid_as_a_table():
    text = render_text(Reply(title="Digest", grids=[GRID]))
    lines = text.splitlines()
    assert "Who named whom:" in lines
    header = lines[lines.index("Who named whom:") + 1]
    assert header.split() == ["WSJ", "CNN"]
    assert lines[-2].split() == ["Elon", "Musk", "5", "2"]
    assert lines[-1].split() == ["Vladimir", "Putin", "3", "–"]


def test_pictures_go_beside_the_database_unless_a_folder_is_set(tmp_path):
    assert charts_folder(None, str(tmp_path / "newsroom.db")) == tmp_path / "charts"
    assert charts_folder(tmp_path / "pics", str(tmp_path / "newsroom.db")) == tmp_path / "pics"
