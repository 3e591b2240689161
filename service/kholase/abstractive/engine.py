"""The abstractive engine: seq2seq checkpoints write the summary and the headline from the sentences TextRank ranks
highest (extract, then abstract), and the made-up-facts guard rejects what the source does not support.

A summary model writes the summary; a headline model, if one is configured, writes the headline. A summary model
never writes the headline too: cut short, a summary is still a summary's opening, not a headline. Without a headline
model the headline is the extractive headline of the generated summary, and without a summary model the summary is
the extractive one. A headline that only repeats the start of the summary is never given: the next of those
headlines is, down to the article's own extractive headline.
"""

import logging
import re
import time
from collections.abc import Callable

from kholase.abstractive import guard
from kholase.abstractive.seq2seq import GenerationTimeout, ModelLoadError, Role, Seq2SeqModel, fit_to_budget
from kholase.config import Settings
from kholase.engines import Digest, EngineFailure, Stopwatch
from kholase.extractive.engine import ExtractiveEngine
from kholase.extractive.textrank import Ranking
from kholase.text.clean import clean
from kholase.text.sentences import Document, split_sentences

logger = logging.getLogger(__name__)
_END_PUNCTUATION = re.compile(r"[\s.!؟?…:؛;«»\"']+")


class AbstractiveEngine:
    name = "abstractive"

    def __init__(self, models: dict[Role, Seq2SeqModel], extractive: ExtractiveEngine, settings: Settings) -> None:
        if not models:
            raise ValueError("the abstractive engine needs a summary model, a headline model or both")
        self.generators = models
        self.extractive = extractive
        self.timeout_s = settings.generation_timeout_s
        self.input_max_tokens = settings.input_max_tokens

    @classmethod
    def load(cls, settings: Settings) -> "AbstractiveEngine":
        guard.load()
        models: dict[Role, Seq2SeqModel] = {}
        try:
            for role in ("summary", "headline"):
                if settings.checkpoint(role):
                    try:
                        models[role] = Seq2SeqModel.load(settings, role)
                    except ModelLoadError as error:
                        raise ModelLoadError(f"{role} model {settings.checkpoint(role)!r}: {error}") from error
        except ModelLoadError:
            for model in models.values():
                model.close()
            raise
        return cls(models, ExtractiveEngine.load(settings), settings)

    @property
    def model(self) -> str:
        """The checkpoint that wrote the result: the summary model's, else the headline model's."""
        return next(iter(self.generators.values())).model_name

    @property
    def models(self) -> dict[str, str]:
        return {role: generator.model_name for role, generator in self.generators.items()}

    def digest(self, document: Document, ranking: Ranking, max_sentences: int, watch: Stopwatch) -> Digest:
        """Both texts within the generation timeout, or `EngineFailure` with the reason to fall back."""
        deadline = time.perf_counter() + min(self.timeout_s, watch.seconds_left())
        generated = watch.time("generate", lambda: self._generate(document, ranking, deadline))
        for role, text in generated.items():
            if not text:
                raise EngineFailure(f"guard: the {role} model produced an empty text")
            made_up = guard.unsupported_facts(text, document.text)
            if made_up:
                raise EngineFailure(f"guard: the generated {role} has facts absent from the source: "
                                    + ", ".join(made_up))
        summary = generated.get("summary") or self.extractive.summary(document, ranking, max_sentences)
        headlines = [
            lambda: generated.get("headline", ""),
            lambda: self._headline_of(summary),
            lambda: self.extractive.headline(document),
        ]
        headline = watch.time("headline", lambda: _first_not_opening(headlines, summary))
        if not headline:
            raise EngineFailure("headline: every headline at hand only repeats the start of the summary")
        return Digest(headline, summary)

    def _generate(self, document: Document, ranking: Ranking, deadline: float) -> dict[Role, str]:
        order = sorted(range(len(document.sentences)), key=lambda index: -ranking.scores[index])
        ranked = [(index, document.sentences[index].text) for index in order]
        generated: dict[Role, str] = {}
        try:
            for role, generator in self.generators.items():
                remaining = deadline - time.perf_counter()
                if remaining <= 0:
                    raise GenerationTimeout(f"generation exceeded {self.timeout_s:g} s")
                source = fit_to_budget(ranked, generator.count_tokens, self.input_max_tokens)
                generated[role] = generator.generate(source, remaining).strip()
        except GenerationTimeout as error:
            raise EngineFailure(f"timeout: {error}") from error
        except Exception as error:  # the model failing must never fail the request
            logger.exception("generation failed")
            raise EngineFailure(f"model error: {type(error).__name__}: {error}") from error
        return generated

    def _headline_of(self, summary: str) -> str:
        """The extractive headline of the generated summary, read as an article of its own."""
        document = split_sentences(clean(summary))
        return self.extractive.headline(document) if document.sentences else ""

    def close(self) -> None:
        for generator in self.generators.values():
            generator.close()


def opens(headline: str, summary: str) -> bool:
    """Whether ``headline`` is only the start of ``summary`` (spacing and end punctuation aside)."""
    words = _END_PUNCTUATION.sub(" ", headline).split()
    return bool(words) and _END_PUNCTUATION.sub(" ", summary).split()[: len(words)] == words


def _first_not_opening(headlines: list[Callable[[], str]], summary: str) -> str:
    """The first non-empty headline that is not the start of the summary; each is made only if the last failed."""
    for make in headlines:
        headline = make().strip()
        if headline and not opens(headline, summary):
            return headline
    return ""
