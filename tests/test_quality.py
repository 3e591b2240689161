"""The quality bars of the extractive engine on the newsrooms' own titles and leads (ROUGE-1 F1 × 100).

The bars are on the full dev files (slow tests); the fast tests score the first SUBSET articles of each file with a
point of slack. Headlines are whole clauses, quotes or noun phrases, never windows of words: they score fars
19.7 / varzesh3 14.7 on the full files (first 120: 18.9 / 15.8 against Lead-1's 17.9 / 12.8), where word windows scored
25.2 / 19.6 as fragments an editor could not publish. ROUGE is the floor here, not the goal: «Speaker: statement»
headlines with the right speaker score a little lower on the first 120 Fars articles than the speakerless clauses
they replaced, and higher on both full files.
Both learned models were trained on these files, so these scores are in-sample; the summary's 5-fold held-out
scores (scripts/train_summary.py, with the lead preference and hard checks) are 32.2 / 26.7, above Lead-1. The
headline ranker only orders candidates within the tiers `HeadlineRanker.headline` sets, so its held-out figure is
taken on the articles it ranks (scripts/train_headline.py).
"""

import pytest

pytest.importorskip("rouge_score", reason="the [eval] extra")

from functools import cache

from kholase.eval.rouge import evaluate_file
from tests.support import DATA

SUBSET = 120  # the first articles of each file, for the fast run
HEADLINE_BARS = {"fars_news_dev": 19.0, "varzesh3_dev": 13.8}
SUMMARY_BARS = {"fars_news_dev": 32.4, "varzesh3_dev": 26.5}


@cache
def scores(name: str, limit: int | None) -> dict[tuple[str, str], float]:
    rows = evaluate_file(DATA / f"{name}.jsonl", limit=limit).rows
    return {(row.system, row.reference): row.mean("rouge1") for row in rows}


@pytest.mark.parametrize("name", sorted(HEADLINE_BARS))
def test_headline_beats_lead_on_a_fixed_subset(name):
    result = scores(name, SUBSET)
    assert result[("extractive headline", "title")] >= HEADLINE_BARS[name] - 1.0
    assert result[("extractive headline", "title")] > result[("Lead-1", "title")] + 0.5


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HEADLINE_BARS))
def test_headline_bar_on_the_full_file(name):
    assert scores(name, None)[("extractive headline", "title")] >= HEADLINE_BARS[name]


@pytest.mark.parametrize("name", sorted(SUMMARY_BARS))
def test_learned_summary_beats_lead_on_a_fixed_subset(name):
    """The first 120 articles score fars 33.6 / varzesh3 26.1 against Lead-1's 31.1 / 24.9."""
    result = scores(name, SUBSET)
    assert result[("extractive summary", "lead")] > result[("Lead-1", "lead")] + 1.0


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SUMMARY_BARS))
def test_summary_bar_on_the_full_file(name):
    """Measured 32.8 / 26.9: the lead sentence is preferred where the model's choice was a later sentence by a small
    margin (editors judged the lead better there; newsroom leads often restate a later sentence), and a lead's hard
    checks refuse what a newsroom lead sometimes does («X افزود:»). Issue 15's floor, Lead-1 on held-out folds, is
    31.9 / 25.9."""
    assert scores(name, None)[("extractive summary", "lead")] >= SUMMARY_BARS[name]
