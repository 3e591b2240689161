"""Headlines: short, made of the article's own words, about what the article says first."""

import re
import time

import numpy as np

from kholase.extractive.headline import DANGLING
from kholase.extractive.headline_model import HeadlineRanker, windows
from kholase.summarizer import Summarizer
from kholase.text.clean import has_persian
from kholase.text.sentences import words

HEADLINES = HeadlineRanker.load()


def test_donations_headline_is_about_rising_donations(donations_text):
    headline = Summarizer().summarize(donations_text).headline
    assert "افزایش" in headline and "کمک‌های مردمی" in headline
    assert len(headline.split()) <= 14


def test_learned_headline_without_the_title_line_stays_short_and_extractive(fars_articles):
    summarizer = Summarizer()
    for article in fars_articles[:40]:
        if not has_persian(article["body"]):
            continue
        document = summarizer.prepare(article["body"])
        headline = HEADLINES.headline(document, 14)
        assert headline and 4 <= len(headline.split()) <= 14
        assert set(words(headline)) <= set(words(document.text))
        assert words(headline)[-1] not in DANGLING


def test_news_reported_with_khabar_dad_becomes_the_headline(fars_articles):
    """«رئیس … از افتتاح … خبر داد» is titled «افتتاح …»: the news between «از» and «خبر داد», without the frame.
    The model before these two features opened 1 of these 18 headlines on the news."""
    frame = re.compile(r"\sاز\s(\S+).+?\sخبر\s(?:داد|دادند)")
    summarizer, opened_on_news, framed = Summarizer(), 0, 0
    for article in fars_articles:
        if not has_persian(article["body"]):
            continue
        document = summarizer.prepare(article["body"])
        reported = frame.search(document.sentences[0].text)
        if reported:
            framed += 1
            headline = HEADLINES.headline(document)
            assert "خبر داد" not in headline
            opened_on_news += headline.split()[0] == reported.group(1)
    assert framed >= 15 and opened_on_news >= framed / 2


def test_headline_respects_a_smaller_word_budget(fars_articles):
    document = Summarizer().prepare(fars_articles[0]["body"])
    assert len(HEADLINES.headline(document, 6).split()) <= 6


def test_scoring_without_the_matrix_ranks_windows_as_the_model_does(fars_articles):
    """Scoring folds the weights into per-word columns; it must equal the model on the full feature matrix."""
    weights, rates = HEADLINES.model, HEADLINES.rates
    summarizer = Summarizer()
    for article in fars_articles[:20]:
        candidates = windows(summarizer.prepare(article["body"]), rates=rates)
        difference = candidates.scores(weights) - weights.score(candidates.matrix)
        assert np.ptp(difference) < 1e-9


def test_the_first_clause_search_is_linear_in_the_text():
    """200,000 colons, each a clause break: every break used to count the words before it anew."""
    from kholase.extractive.headline import _first_clause

    started = time.process_time()
    assert _first_clause("س" + ":" * 200_000, 14) == "س" + ":" * 200_000
    assert time.process_time() - started < 5
