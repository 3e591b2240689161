"""What every engine is (the `Engine` protocol), and the registry that the request schema, the CLI and `/readyz` read.

An engine writes an article's headline and summary from the cleaned, split and TextRank-ranked document. Key claims
are no engine's: they are always verbatim spans, found the same way whichever engine wrote the headline. The
extractive engine is always there and is every other engine's fallback.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, NamedTuple, Protocol, TypeVar

if TYPE_CHECKING:  # hazm loads behind these: the command line must start without it
    from kholase.config import Settings
    from kholase.extractive.textrank import Ranking
    from kholase.text.sentences import Document

T = TypeVar("T")


class Digest(NamedTuple):
    headline: str
    summary: str


class EngineFailure(RuntimeError):
    """The engine gives no result for this article (a timeout, a model error, a guard); the message says why, and
    the caller falls back to the extractive result."""


class EngineUnavailable(RuntimeError):
    """The engine is configured but could not be loaded, or was asked for by name and is not loaded."""


class DeadlineExceeded(TimeoutError):
    """The request's time budget ran out; its work stopped at the step boundary where this was raised."""


@dataclass
class Stopwatch:
    """Milliseconds spent in each named step of one request, and its deadline (`time.monotonic()`), checked before
    every step: past it, the work stops there instead of running on for a caller who has given up."""

    deadline: float | None = None
    ms: dict[str, float] = field(default_factory=dict)

    def time(self, name: str, step: Callable[[], T]) -> T:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise DeadlineExceeded(f"the time budget ran out before {name}")
        started = time.perf_counter()
        try:
            return step()
        finally:
            self.ms[name] = self.ms.get(name, 0.0) + (time.perf_counter() - started) * 1000

    def seconds_left(self) -> float:
        return float("inf") if self.deadline is None else self.deadline - time.monotonic()


class Engine(Protocol):
    """Loaded once, then called concurrently: `digest` is thread-safe."""

    name: str
    model: str | None  # the checkpoint behind the engine's results, None for the extractive one
    models: dict[str, str]  # every checkpoint the engine runs, by role ("summary", "headline")

    def digest(self, document: "Document", ranking: "Ranking", max_sentences: int, watch: Stopwatch) -> Digest:
        """The headline and a summary of about `max_sentences` sentences; raises `EngineFailure` for this article."""
        ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class EngineSpec:
    """How to get one engine: whether the settings ask for it, and how to load it (`EngineUnavailable` if it fails)."""

    name: str
    configured: Callable[["Settings"], bool]
    load: Callable[["Settings"], Engine]


def _load_extractive(settings: "Settings") -> Engine:
    from kholase.extractive.engine import ExtractiveEngine  # here: that module imports this one's Digest

    return ExtractiveEngine.load(settings)


def _load_abstractive(settings: "Settings") -> Engine:
    if not settings.abstractive_configured:
        raise EngineUnavailable("no model configured (KHOLASE_MODEL, KHOLASE_HEADLINE_MODEL)")
    from kholase.abstractive.engine import AbstractiveEngine  # torch and transformers only when a model is asked for

    try:
        return AbstractiveEngine.load(settings)
    except Exception as error:  # any failure leaves the extractive engine serving
        raise EngineUnavailable(str(error)) from error


# In order of preference: "auto" takes the first one the settings configure. The last is every engine's fallback.
ENGINES = (
    EngineSpec("abstractive", lambda settings: settings.abstractive_configured, _load_abstractive),
    EngineSpec("extractive", lambda settings: True, _load_extractive),
)
ENGINE_NAMES = tuple(spec.name for spec in ENGINES)
FALLBACK = ENGINES[-1].name
AUTO = "auto"
EngineName = Literal[ENGINE_NAMES]  # type: ignore[valid-type]
EngineChoice = Literal[(AUTO, *ENGINE_NAMES)]  # type: ignore[valid-type]
