"""Every hazm object the pipeline uses, built once per process and shared by all its callers.

hazm's tables are large (the normalizer ~1.7 s and ~130 MiB, the lemmatizer ~1.2 s and ~120 MiB here): built lazily by
each caller, every cold concurrent request paid for a copy of its own. `load()` builds them before the first request.
"""

import threading
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

import hazm

T = TypeVar("T")


def built_once(build: Callable[[], T]) -> Callable[[], T]:
    """`build()` on first use; concurrent first callers wait for that one copy instead of building their own."""
    cached = lru_cache(maxsize=1)(build)
    lock = threading.Lock()

    @wraps(build)
    def get() -> T:
        with lock:
            return cached()

    return get


@built_once
def normalizer() -> hazm.Normalizer:
    return hazm.Normalizer()


@built_once
def stemmer() -> hazm.Stemmer:
    return hazm.Stemmer()


@built_once
def lemmatizer() -> hazm.Lemmatizer:
    return hazm.Lemmatizer()


@built_once
def vocabulary() -> dict[str, int]:
    """hazm's lexicon with corpus frequencies (0 for listed but unseen words, many of them fragments)."""
    return {word: frequency for word, frequency, _ in hazm.words_list()}


@built_once
def adjectives() -> frozenset[str]:
    """The words hazm's lexicon knows as adjectives, among other parts of speech («حساس», «خبر»)."""
    return frozenset(word for word, _, tags in hazm.words_list() if "AJ" in tags)


@built_once
def stopwords() -> frozenset[str]:
    return frozenset(hazm.stopwords_list())


def load(lemmas: bool = False) -> None:
    """Build the tables now; the lemmatizer only with `lemmas` (the made-up-facts guard is its only user)."""
    normalizer()
    stemmer()
    vocabulary()
    stopwords()
    if lemmas:
        lemmatizer()
