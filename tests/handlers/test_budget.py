from handlers.budget import fill_pages, section_size
from handlers.reply import Citation, Section


def _section(chars: int) -> Section:
    return Section(heading="h", citations=[Citation("x" * chars, "CNN", "T", 1, "a.txt", "2024-10-25", "lead")])


def test_pages_fill_up_to_the_budget_and_a_large_group_stands_alone():
    small, large = _section(100), _section(900)
    pages = fill_pages([[small], [small], [small], [large], [small]], budget=500)
    assert [len(p) for p in pages] == [3, 1, 1]
    assert all(sum(section_size(s) for s in page) <= 500 for page in pages if len(page) > 1)


def test_no_groups_is_one_empty_page():
    assert fill_pages([], 100) == [[]]
