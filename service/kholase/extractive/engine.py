"""The extractive engine: a headline and a summary made of the article's own words, on the CPU, with no model."""

import numpy as np

from kholase.config import Settings
from kholase.engines import Digest, Stopwatch
from kholase.extractive.headline import headline_from
from kholase.extractive.headline_model import HeadlineRanker
from kholase.extractive.summary_model import SummaryRanker
from kholase.extractive.textrank import Ranking, TextRank
from kholase.text.sentences import Document

# News states its point first: the fallback headline comes from the best of the opening sentences.
HEADLINE_WINDOW = 3


class ExtractiveEngine:
    name = "extractive"
    model = None

    def __init__(self, headlines: HeadlineRanker, summaries: SummaryRanker, headline_max_words: int,
                 textrank: TextRank | None = None) -> None:
        self.headlines = headlines
        self.summaries = summaries
        self.headline_max_words = headline_max_words
        self.textrank = textrank or TextRank()

    @classmethod
    def load(cls, settings: Settings) -> "ExtractiveEngine":
        return cls(HeadlineRanker.load(), SummaryRanker.load(), settings.headline_max_words)

    def digest(self, document: Document, ranking: Ranking, max_sentences: int, watch: Stopwatch) -> Digest:
        headline = watch.time("headline", lambda: self.headline(document, ranking.scores))
        summary = watch.time("summary", lambda: self.summary(document, ranking, max_sentences))
        return Digest(headline, summary)

    def headline(self, document: Document, scores: np.ndarray) -> str:
        """The article's own title line when it carried one, else the learned window over the opening sentences, else
        the compressed central sentence."""
        title = document.clean.title
        if title and len(title.split()) <= self.headline_max_words:
            return title
        learned = self.headlines.headline(document, self.headline_max_words)
        if learned:
            return learned
        lead = document.sentences[int(scores[:HEADLINE_WINDOW].argmax())]
        return headline_from(lead, self.headline_max_words)

    def summary(self, document: Document, ranking: Ranking, max_sentences: int) -> str:
        picked = [document.sentences[index] for index in self.textrank.select(ranking, max_sentences)]
        return self.summaries.summary(document, ranking.scores, picked)

    def close(self) -> None:
        """Nothing to release: the engine holds only tables."""
