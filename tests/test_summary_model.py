"""The learned summary: one stretch of the article's own prose, cut only at sentence or clause boundaries."""

import json
import time

from service.engines.learned import RESOURCES
from service.summarizer import Summarizer
from service.summary_model import FEATURES, candidates, compose_summary, learned_summary
from service.text.sentences import words


def _joined(text: str) -> str:
    return " " + " ".join(words(text)) + " "


def test_summary_is_a_contiguous_stretch_of_one_sentence(fars_articles, varzesh3_articles):
    summarizer = Summarizer()
    for article in fars_articles[:30] + varzesh3_articles[:30]:
        document = summarizer.prepare(article["body"])
        index, text = learned_summary(document, summarizer.extractive.rank(document).scores)
        assert _joined(text) in _joined(document.sentences[index].text)
        assert text == document.sentences[index].text or text.endswith((".", "!", "؟", "?", "…", "»", '"', ")"))
        assert not text.startswith(("،", ",", ":", "؛"))


def test_sports_summaries_drop_the_site_frame(varzesh3_articles):
    summarizer = Summarizer()
    framed = [a for a in varzesh3_articles[:60] if summarizer.prepare(a["body"]).sentences[0].text.startswith("به گزارش")]
    kept = sum(summarizer.summarize(a["body"]).summary.startswith("به گزارش") for a in framed)
    assert len(framed) > 30 and kept <= len(framed) // 5


def test_max_sentences_caps_the_summary(fars_articles):
    summarizer = Summarizer()
    for article in fars_articles[:20]:
        document = summarizer.prepare(article["body"])
        for count in (1, 2, 3):
            picked, ranking = summarizer.extractive.summarize(document, count)
            summary = compose_summary(document, ranking.scores, picked)
            texts = [learned_summary(document, ranking.scores)[1], *(s.text for s in document.sentences)]
            rest, pieces = summary, 0
            while rest:
                piece = max((text for text in texts if rest.startswith(text)), key=len)
                rest, pieces = rest[len(piece) :].lstrip(), pieces + 1
            assert pieces <= count
            if count == 1:
                assert summary == learned_summary(document, ranking.scores)[1]


def test_candidates_are_cheap(fars_articles):
    """The summary model must add well under a millisecond to an article (the pipeline takes ~6 ms)."""
    summarizer = Summarizer()
    documents = [summarizer.prepare(a["body"]) for a in fars_articles[:50]]
    scores = [summarizer.extractive.rank(document).scores for document in documents]
    learned_summary(documents[0], scores[0])
    started = time.perf_counter()
    for document, score in zip(documents, scores):
        learned_summary(document, score)
    assert (time.perf_counter() - started) / len(documents) < 0.002


def test_shipped_model_is_small_json_matching_the_features(fars_articles):
    path = RESOURCES / "summary_model.json"
    assert path.stat().st_size < 400_000
    data = json.loads(path.read_text(encoding="utf-8"))
    assert tuple(data["model"]["features"]) == FEATURES
    document = Summarizer().prepare(fars_articles[0]["body"])
    assert candidates(document, Summarizer().extractive.rank(document).scores).matrix.shape[1] == len(FEATURES)
