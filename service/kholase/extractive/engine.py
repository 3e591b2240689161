"""The extractive engine: a headline and a summary made of the article's own words, on the CPU, with no model."""


from kholase.config import Settings
from kholase.engines import Digest, Stopwatch
from kholase.extractive.headline import lead_statement
from kholase.extractive.headline_model import HeadlineRanker
from kholase.extractive.summary_model import SummaryRanker
from kholase.extractive.textrank import Ranking, TextRank
from kholase.text.sentences import Document


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

    @property
    def models(self) -> dict[str, str]:
        return {}

    def digest(self, document: Document, ranking: Ranking, max_sentences: int, watch: Stopwatch) -> Digest:
        headline = watch.time("headline", lambda: self.headline(document))
        summary = watch.time("summary", lambda: self.summary(document, ranking, max_sentences))
        return Digest(headline, summary)

    def headline(self, document: Document) -> str:
        """The article's own title line when it carried one, else the best well-formed candidate, else an opening
        sentence whole, without its frame: long, but never a fragment."""
        title = document.clean.title
        if title and len(title.split()) <= self.headline_max_words:
            return title
        learned = self.headlines.headline(document, self.headline_max_words)
        if learned:
            return learned
        return lead_statement(list(document.sentences))

    def summary(self, document: Document, ranking: Ranking, max_sentences: int) -> str:
        picked = [document.sentences[index] for index in self.textrank.select(ranking, max_sentences)]
        return self.summaries.summary(document, ranking.scores, picked)

    def close(self) -> None:
        """Nothing to release: the engine holds only tables."""
