"""The cut choice (bench/_verdicts.py): by the one-standard-error rule listing leans to the most
inclusive cut and taking a side to the strictest, when the accuracies differ by less than the
noise; its simulation of the judge applies the cuts as the judge does, at the shipped thresholds."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[2] / "bench"))

from _verdicts import DISPUTES_AT, SUPPORTS_AT, Grid, Reading, most_inclusive, strictest  # noqa: E402

from judge import Cuts, statement_model  # noqa: E402
from judge.cues import STATES  # noqa: E402


def _cuts(value: float) -> Cuts:
    return Cuts(related=value, supports=0.6, disputes=0.5, statement_sides=value)


def test_within_the_noise_listing_takes_the_loosest_cut_and_a_side_the_strictest():
    tried = [_cuts(v) for v in (1.0, 0.7, 0.35)]
    scores = [0.600, 0.605, 0.608]  # within one standard error (0.012 at 1,648 headlines)
    assert most_inclusive(tried, scores, 1648).related == 0.35
    assert strictest(tried, scores, 1648, "statement_sides").statement_sides == 1.0


def test_a_cut_that_wins_by_more_than_the_noise_is_taken():
    tried = [_cuts(v) for v in (1.0, 0.7, 0.35)]
    scores = [0.55, 0.60, 0.61]  # 1.0 falls more than one standard error below the best
    assert strictest(tried, scores, 1648, "statement_sides").statement_sides == 0.7
    assert most_inclusive(tried, [0.61, 0.60, 0.50], 1648).related == 0.7  # 0.35 is below the noise


def test_the_grid_counts_a_sources_support_only_where_the_article_quoting_it_backs_it():
    """The cut choice's simulation of the judge (``Grid.verdicts``) applies ``backed_supports``
    as judge_claim does: per article, against that article's own reading."""
    discussing = {"unrelated": 0.1, "supports": 0.18, "disputes": 0.0, "reports": 0.72}  # supports 0.2 of related
    stating = ((1.0, "supports", False, STATES),)
    grid = Grid.of([[Reading(discussing, stating, 1.0)]])
    cuts = Cuts(related=0.5, supports=0.6, disputes=0.5, quoted_sides={STATES: 0.9})
    assert list(grid.verdicts(cuts)) == ["supported"]
    assert list(grid.verdicts(replace(cuts, backed_supports=0.3))) == ["unverified"]
    own = Grid.of([[Reading(discussing, ((1.0, "supports", True, "states"),), 1.0)]])
    assert list(own.verdicts(replace(cuts, statement_sides=1.0, backed_supports=0.3))) == ["supported"]


def test_the_cut_choice_reads_the_outlets_sentences_at_the_shipped_thresholds():
    """The cuts are chosen on statements read as the shipped statement model reads them."""
    shipped = statement_model.load_model()
    assert (SUPPORTS_AT, DISPUTES_AT) == (shipped["supports_at"], shipped["disputes_at"])
