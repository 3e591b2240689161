"""The `Summarizer`: one object every way in (HTTP, CLI, batch) calls; it picks the engine and applies fallbacks."""

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from service.claims import extract_claims
from service.config import Settings
from service.engines.textrank import TextRankEngine
from service.headline import headline_from
from service.headline_model import learned_headline
from service.schemas import Claim, EngineChoice, SummaryResult
from service.summary_model import compose_summary
from service.text.clean import clean, has_persian, load_resources
from service.text.sentences import Document, Sentence, split_sentences

if TYPE_CHECKING:
    from service.engines.seq2seq import Seq2SeqEngine

logger = logging.getLogger(__name__)
# News states its point first: the headline comes from the best of the opening sentences.
HEADLINE_WINDOW = 3


class InputError(ValueError):
    """The article cannot be summarized as sent; `status_code` is the HTTP status that says why."""

    def __init__(self, message: str, status_code: int = 422) -> None:
        super().__init__(message)
        self.status_code = status_code


class EngineUnavailable(RuntimeError):
    """The abstractive engine was asked for explicitly but is not loaded."""


class Summarizer:
    """Loads engines once; `summarize` is thread-safe and never raises for text it accepted."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.extractive = TextRankEngine()
        self.abstractive: "Seq2SeqEngine | None" = None
        self.abstractive_error: str | None = None if self.settings.model else "no model configured (KHOLASE_MODEL)"
        self.loaded = False

    def load(self) -> "Summarizer":
        """Warm the text pipeline and load the seq2seq model if one is configured; a broken model is recorded.

        Everything lazily built (hazm's lexicon, the learned models' weights) is built here, once, rather than by
        the first concurrent requests, each of which would build its own copy."""
        load_resources()
        self.summarize("«بختیاری» گفت: افزایش کمکهای مردمی امری ارزشمند است.", engine="extractive")
        if self.settings.model:
            try:
                from service.engines.seq2seq import Seq2SeqEngine

                self.abstractive = Seq2SeqEngine.load(self.settings)
                self.abstractive_error = None
            except Exception as error:  # any failure leaves the extractive engine serving
                self.abstractive_error = f"model {self.settings.model!r} failed to load: {error}"
                logger.error("abstractive engine unavailable: %s", self.abstractive_error)
        self.loaded = True
        return self

    def close(self) -> None:
        if self.abstractive is not None:
            self.abstractive.close()

    def engine_status(self) -> dict[str, dict[str, object]]:
        return {
            "extractive": {"ready": self.loaded, "reason": None if self.loaded else "loading"},
            "abstractive": {
                "ready": self.abstractive is not None,
                "model": self.settings.model or None,
                "reason": self.abstractive_error,
            },
        }

    def validate(self, text: str) -> None:
        if not isinstance(text, str):
            raise InputError("text must be a string")
        if not text.strip():
            raise InputError("text is empty")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates, e.g. from a JSON "\\udc80" escape: no reply could encode them
            raise InputError("text is not valid Unicode: it contains lone surrogate code points") from None
        if len(text) > self.settings.max_chars:
            raise InputError(
                f"text has {len(text)} characters; the limit is {self.settings.max_chars}", status_code=413
            )
        if not has_persian(text):
            raise InputError("text has no Persian letters; this service summarizes Persian news")

    def prepare(self, text: str) -> Document:
        self.validate(text)
        document = split_sentences(clean(text))
        if not document.sentences:
            raise InputError("no article text is left after removing page clutter (ids, dates, menus)")
        return document

    def summarize(
        self,
        text: str,
        engine: EngineChoice = "auto",
        max_sentences: int | None = None,
        max_claims: int | None = None,
    ) -> SummaryResult:
        if engine == "abstractive" and self.abstractive is None:
            raise EngineUnavailable(f"abstractive engine unavailable: {self.abstractive_error}")
        timings: dict[str, float] = {}
        started = time.perf_counter()
        document = _timed(timings, "clean", lambda: self.prepare(text))
        max_sentences = max_sentences or self.settings.max_sentences
        max_claims = self.settings.max_claims if max_claims is None else max_claims

        picked, ranking = _timed(timings, "rank", lambda: self.extractive.summarize(document, max_sentences))
        headline = _timed(timings, "headline", lambda: self._headline(document, ranking.scores))
        summary = _timed(timings, "summary", lambda: compose_summary(document, ranking.scores, picked))
        spans = _timed(timings, "claims", lambda: extract_claims(document, ranking.scores, max_claims))
        claims = []
        for span in spans:
            start, end = document.clean.raw_span(span.start, span.end)
            claims.append(Claim(text=text[start:end], speaker=span.speaker, start=start, end=end, score=span.score))

        used, model, fallback_reason = "extractive", None, None
        if engine != "extractive" and (self.abstractive is not None or self.settings.model):
            generated, fallback_reason = self._abstract(document, ranking.scores, timings)
            if generated is not None:
                headline, summary = generated
                used, model = "abstractive", self.abstractive.model_name
        timings["total"] = (time.perf_counter() - started) * 1000
        return SummaryResult(
            headline=headline,
            summary=summary,
            key_claims=claims,
            engine=used,
            model=model,
            fallback_reason=fallback_reason,
            timings_ms={name: round(value, 2) for name, value in timings.items()},
        )

    def _headline(self, document: Document, scores) -> str:
        """The article's own title line when it carried one, else the learned window over the opening sentences, else
        the compressed central sentence."""
        title = document.clean.title
        if title and len(title.split()) <= self.settings.headline_max_words:
            return title
        learned = learned_headline(document, self.settings.headline_max_words)
        if learned:
            return learned
        lead = document.sentences[int(scores[:HEADLINE_WINDOW].argmax())]
        return headline_from(lead, self.settings.headline_max_words)

    def _abstract(self, document: Document, scores, timings: dict[str, float]) -> tuple[tuple[str, str] | None, str | None]:
        """Headline and summary from the seq2seq model, or None and the reason to fall back to the extractive ones."""
        if self.abstractive is None:
            return None, f"abstractive engine unavailable: {self.abstractive_error}"
        from service.engines.seq2seq import GenerationTimeout, fit_to_budget
        from service.guard import unsupported_facts

        started = time.perf_counter()
        deadline = started + self.settings.generation_timeout_s
        ranked: list[tuple[int, str]] = [
            (sentence.index, sentence.text) for sentence in _by_score(document.sentences, scores)
        ]
        source = fit_to_budget(ranked, self.abstractive.count_tokens, self.settings.input_max_tokens)
        outputs: list[str] = []
        try:
            for task in ("headline", "summary"):
                remaining = deadline - time.perf_counter()
                if remaining <= 0:
                    raise GenerationTimeout(f"generation exceeded {self.settings.generation_timeout_s} s")
                outputs.append(self.abstractive.generate(source, task, remaining).strip())
        except GenerationTimeout as error:
            return None, f"timeout: {error}"
        except Exception as error:  # the model failing must never fail the request
            logger.exception("generation failed")
            return None, f"model error: {type(error).__name__}: {error}"
        finally:
            timings["generate"] = (time.perf_counter() - started) * 1000
        headline, summary = outputs
        if not headline or not summary:
            return None, "guard: the model produced an empty text"
        made_up = unsupported_facts(headline + " " + summary, document.text)
        if made_up:
            return None, "guard: generated text has facts absent from the source: " + ", ".join(made_up)
        return (headline, summary), None


def _by_score(sentences: tuple[Sentence, ...], scores) -> list[Sentence]:
    return [sentences[index] for index in sorted(range(len(sentences)), key=lambda index: -scores[index])]


def _timed(timings: dict[str, float], name: str, step: Callable):
    started = time.perf_counter()
    result = step()
    timings[name] = (time.perf_counter() - started) * 1000
    return result
