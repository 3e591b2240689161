"""Shared fixtures: the real articles in ../shared that the tests use as the yardstick."""

import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = SHARED / "data"
DONATIONS = SHARED / "examples" / "donations_zanjan.txt"


def load_articles(name: str, limit: int | None = None) -> list[dict]:
    with open(DATA / f"{name}.jsonl", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    return rows[:limit] if limit else rows


@pytest.fixture(scope="session")
def donations_text() -> str:
    return DONATIONS.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def fars_articles() -> list[dict]:
    return load_articles("fars_news_dev")


@pytest.fixture(scope="session")
def varzesh3_articles() -> list[dict]:
    return load_articles("varzesh3_dev")
