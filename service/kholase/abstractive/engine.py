"""The abstractive engine: a seq2seq checkpoint writes the headline and summary from the sentences TextRank ranks
highest (extract, then abstract), and the made-up-facts guard rejects what the source does not support."""

import logging
import time

from kholase.abstractive import guard
from kholase.abstractive.seq2seq import GenerationTimeout, Seq2SeqModel, fit_to_budget
from kholase.config import Settings
from kholase.engines import Digest, EngineFailure, Stopwatch
from kholase.extractive.textrank import Ranking
from kholase.text.sentences import Document

logger = logging.getLogger(__name__)


class AbstractiveEngine:
    name = "abstractive"

    def __init__(self, generator: Seq2SeqModel, settings: Settings) -> None:
        self.generator = generator
        self.timeout_s = settings.generation_timeout_s
        self.input_max_tokens = settings.input_max_tokens

    @classmethod
    def load(cls, settings: Settings) -> "AbstractiveEngine":
        guard.load()
        return cls(Seq2SeqModel.load(settings), settings)

    @property
    def model(self) -> str:
        return self.generator.model_name

    def digest(self, document: Document, ranking: Ranking, max_sentences: int, watch: Stopwatch) -> Digest:
        """Both texts within the generation timeout, or `EngineFailure` with the reason to fall back."""
        timeout_s = min(self.timeout_s, watch.seconds_left())
        headline, summary = watch.time("generate", lambda: self._generate(document, ranking, timeout_s))
        if not headline or not summary:
            raise EngineFailure("guard: the model produced an empty text")
        made_up = guard.unsupported_facts(headline + " " + summary, document.text)
        if made_up:
            raise EngineFailure("guard: generated text has facts absent from the source: " + ", ".join(made_up))
        return Digest(headline, summary)

    def _generate(self, document: Document, ranking: Ranking, timeout_s: float) -> tuple[str, str]:
        deadline = time.perf_counter() + timeout_s
        order = sorted(range(len(document.sentences)), key=lambda index: -ranking.scores[index])
        ranked = [(index, document.sentences[index].text) for index in order]
        source = fit_to_budget(ranked, self.generator.count_tokens, self.input_max_tokens)
        outputs = []
        try:
            for task in ("headline", "summary"):
                remaining = deadline - time.perf_counter()
                if remaining <= 0:
                    raise GenerationTimeout(f"generation exceeded {timeout_s:g} s")
                outputs.append(self.generator.generate(source, task, remaining).strip())
        except GenerationTimeout as error:
            raise EngineFailure(f"timeout: {error}") from error
        except Exception as error:  # the model failing must never fail the request
            logger.exception("generation failed")
            raise EngineFailure(f"model error: {type(error).__name__}: {error}") from error
        headline, summary = outputs
        return headline, summary

    def close(self) -> None:
        self.generator.close()
