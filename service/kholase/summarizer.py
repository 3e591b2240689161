"""The `Summarizer`: the one object every way in (HTTP, CLI, batch) calls. It loads the engines, checks the text,
ranks its sentences once, asks the chosen engine for the headline and summary, falls back when that engine fails, and
finds the key claims with offsets into the text as it was sent."""

import logging
import threading
import time

from threadpoolctl import threadpool_limits

from kholase.config import Settings
from kholase.engines import (
    AUTO,
    ENGINES,
    FALLBACK,
    Engine,
    EngineChoice,
    EngineFailure,
    EngineUnavailable,
    Stopwatch,
)
from kholase.extractive.claims import extract_claims
from kholase.extractive.textrank import TextRank
from kholase.schemas import Claim, EngineStatus, SummaryResult
from kholase.text import lexicon
from kholase.text.clean import clean, has_persian, without_controls
from kholase.text.sentences import Document, split_sentences

logger = logging.getLogger(__name__)
# Its second sentence reaches every lexicon the headline rules consult («طی مراسمی» the adjectives).
WARM_UP_TEXT = "«بختیاری» گفت: افزایش کمکهای مردمی امری ارزشمند است. کمیته امداد طی مراسمی کمک‌ها را توزیع کرد."


class InputError(ValueError):
    """The article cannot be summarized as sent; the message says why."""


class TextTooLong(InputError):
    """The article is longer than the service accepts (`KHOLASE_MAX_CHARS`)."""


class Summarizer:
    """Loads engines once (`load()`, or the first `summarize`); `summarize` is thread-safe and never raises for text
    it accepted."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.textrank = TextRank()
        self.engines: dict[str, Engine] = {}
        self.unavailable: dict[str, str] = {spec.name: "loading" for spec in ENGINES}
        self.loaded = False
        self._loading = threading.Lock()

    def load(self) -> "Summarizer":
        """Build hazm's tables and load every engine; one that fails to load is recorded with the reason, and the
        extractive engine keeps serving. A warm-up article builds whatever else is lazily built, here rather than
        by the first concurrent requests, each of which would build its own copy.

        It also makes numpy's BLAS single-threaded for the whole process: TextRank's matrices are small, and BLAS
        threads only spun on them (the 2,400 dev articles: the same wall time, 60% more CPU), taking cores from other
        requests and workers. Torch's own thread pool is not BLAS's and is left alone."""
        with self._loading:
            if self.loaded:
                return self
            threadpool_limits(limits=1, user_api="blas")
            lexicon.load()
            for spec in reversed(ENGINES):  # the fallback first, and the warm-up through it before any model loads
                try:
                    self.engines[spec.name] = spec.load(self.settings)
                    del self.unavailable[spec.name]
                except EngineUnavailable as error:
                    self.unavailable[spec.name] = str(error)
                    if spec.configured(self.settings):
                        logger.error("%s engine unavailable: %s", spec.name, error)
                if spec.name == FALLBACK:
                    self._summarize(WARM_UP_TEXT, FALLBACK, None, None)
            self.loaded = True
        return self

    def close(self) -> None:
        for engine in self.engines.values():
            engine.close()

    def engine_status(self) -> dict[str, EngineStatus]:
        """Per registered engine: whether it is loaded, the checkpoints behind it, and why it is not ready."""
        statuses = {}
        for spec in ENGINES:
            engine = self.engines.get(spec.name)
            statuses[spec.name] = EngineStatus(
                ready=engine is not None,
                model=engine.model if engine else None,
                models=dict(engine.models) if engine else {},
                reason=self.unavailable.get(spec.name),
            )
        return statuses

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
            raise TextTooLong(f"text has {len(text)} characters; the limit is {self.settings.max_chars}")
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
        engine: EngineChoice = AUTO,
        max_sentences: int | None = None,
        max_claims: int | None = None,
        deadline: float | None = None,
    ) -> SummaryResult:
        """Past `deadline` (`time.monotonic()`), if given, the work stops at the next step with `DeadlineExceeded`."""
        if not self.loaded:
            self.load()
        return self._summarize(text, engine, max_sentences, max_claims, deadline)

    def _summarize(
        self, text: str, engine: EngineChoice, max_sentences: int | None, max_claims: int | None,
        deadline: float | None = None,
    ) -> SummaryResult:
        chosen = self._choose(engine)
        watch = Stopwatch(deadline)
        started = time.perf_counter()
        document = watch.time("clean", lambda: self.prepare(text))
        max_sentences = max_sentences or self.settings.max_sentences
        max_claims = self.settings.max_claims if max_claims is None else max_claims
        ranking = watch.time("rank", lambda: self.textrank.rank(document))

        used, fallback_reason = self.engines.get(chosen), None
        if used is None:
            fallback_reason = f"{chosen} engine unavailable: {self.unavailable[chosen]}"
        else:
            try:
                digest = used.digest(document, ranking, max_sentences, watch)
            except EngineFailure as failure:
                used, fallback_reason = None, str(failure)
        if used is None:
            used = self.engines[FALLBACK]
            digest = used.digest(document, ranking, max_sentences, watch)

        spans = watch.time("claims", lambda: extract_claims(document, ranking.scores, max_claims))
        claims = []
        for span in spans:
            start, end = document.clean.raw_span(span.start, span.end)
            claims.append(Claim(text=without_controls(text[start:end]), speaker=span.speaker, start=start, end=end,
                                score=span.score))
        watch.ms["total"] = (time.perf_counter() - started) * 1000
        return SummaryResult(
            headline=digest.headline,
            summary=digest.summary,
            key_claims=claims,
            engine=used.name,
            model=used.model,
            fallback_reason=fallback_reason,
            timings_ms={name: round(value, 2) for name, value in watch.ms.items()},
        )

    def _choose(self, engine: EngineChoice) -> str:
        """The engine to try: the one asked for by name (which must be loaded), or for "auto" the most preferred one
        the settings configure (loaded or not: a configured engine that failed to load is a fallback, with its
        reason)."""
        if engine != AUTO:
            if engine not in self.engines:
                reason = self.unavailable.get(engine, "unknown engine")
                raise EngineUnavailable(f"{engine} engine unavailable: {reason}")
            return engine
        return next(spec.name for spec in ENGINES if spec.configured(self.settings))
