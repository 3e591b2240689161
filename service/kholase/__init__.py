"""Kholase: Persian news summarization (headline, summary, attributed key claims).

    from kholase import Summarizer
    result = Summarizer().load().summarize(article)   # result.headline, result.summary, result.key_claims
"""

from importlib import import_module

__version__ = "0.1.0"
# Imported on first use: the pipeline loads hazm (~2 s), which `kholase.config` alone should not pay for.
_EXPORTS = {
    "Summarizer": "kholase.summarizer",
    "InputError": "kholase.summarizer",
    "TextTooLong": "kholase.summarizer",
    "Settings": "kholase.config",
    "SummaryResult": "kholase.schemas",
    "Claim": "kholase.schemas",
}
__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'kholase' has no attribute {name!r}")
