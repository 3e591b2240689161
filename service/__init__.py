"""Kholase: Persian news summarization (headline, summary, attributed key claims)."""

__version__ = "0.1.0"
