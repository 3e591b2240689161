"""ROUGE of headlines against the newsrooms' titles and of summaries against their leads, beside simple baselines.

rouge-score's default tokenizer keeps only [a-z0-9] and so scores Persian as empty; `PersianTokenizer` gives it
hazm-normalized word tokens with half-spaces removed, so `کمک‌های` and `کمکهای` count as the same word.
"""

import argparse
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rouge_score import rouge_scorer

from kholase.engines import AUTO, ENGINE_NAMES, EngineChoice
from kholase.extractive.textrank import TextRank
from kholase.summarizer import InputError, Summarizer
from kholase.text.clean import ZWNJ, normalize
from kholase.text.sentences import Document, words

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")


class PersianTokenizer:
    """The `tokenizer=` object rouge-score accepts: normalized, half-space-insensitive, unstemmed word tokens."""

    def tokenize(self, text: str) -> list[str]:
        return [word.replace(ZWNJ, "") for word in words(normalize(text))]


def rouge() -> rouge_scorer.RougeScorer:
    return rouge_scorer.RougeScorer(list(ROUGE_TYPES), tokenizer=PersianTokenizer())


@dataclass
class Row:
    """Mean ROUGE F1 of one system against one reference field."""

    system: str
    reference: str
    totals: dict[str, float] = field(default_factory=lambda: dict.fromkeys(ROUGE_TYPES, 0.0))
    count: int = 0

    def add(self, scores: dict) -> None:
        for name in ROUGE_TYPES:
            self.totals[name] += scores[name].fmeasure
        self.count += 1

    def mean(self, name: str) -> float:
        """Mean F1 × 100."""
        return 100 * self.totals[name] / max(self.count, 1)


# A system maps an article (its body and, for the engine, its summarizer output) to a text to score.
System = Callable[[Document], str]


def _lead(count: int) -> System:
    return lambda document: " ".join(sentence.text for sentence in document.sentences[:count])


def _plain_textrank(count: int) -> System:
    textrank = TextRank(bm25=False, lead_prior=False)
    return lambda document: " ".join(sentence.text for sentence in textrank.pick(document, count))


def read_articles(path: Path, limit: int | None = None) -> Iterator[dict]:
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                return
            if line.strip():
                yield json.loads(line)


@dataclass(frozen=True)
class FileScores:
    """The engine's and the baselines' rows for one file, the engine's seconds per article, and how many articles
    the service refused (they are left out of every row)."""

    rows: list[Row]
    seconds_per_article: float
    rejected: int


def evaluate_file(
    path: Path,
    engine: EngineChoice = "extractive",
    limit: int | None = None,
    max_sentences: int | None = None,
    summarizer: Summarizer | None = None,
) -> FileScores:
    """Score the engine and the baselines on one JSONL file."""
    summarizer = summarizer or Summarizer().load()
    scorer = rouge()
    baselines: dict[str, tuple[System, str]] = {
        "Lead-1": (_lead(1), "title"),
        "TextRank-1 (plain)": (_plain_textrank(1), "title"),
    }
    summary_baselines: dict[str, tuple[System, str]] = {
        "Lead-1": (_lead(1), "lead"),
        "Lead-3": (_lead(3), "lead"),
        "TextRank-3 (plain)": (_plain_textrank(3), "lead"),
    }
    engine_rows = {"title": Row(f"{engine} headline", "title"), "lead": Row(f"{engine} summary", "lead")}
    rows = [Row(name, ref) for name, (_, ref) in baselines.items()] + [
        Row(name, ref) for name, (_, ref) in summary_baselines.items()
    ]
    systems = list(baselines.values()) + list(summary_baselines.values())
    engine_seconds, articles, rejected = 0.0, 0, 0
    for article in read_articles(path, limit):
        try:
            document = summarizer.prepare(article["body"])
        except InputError:
            rejected += 1
            continue
        started = time.perf_counter()
        result = summarizer.summarize(article["body"], engine=engine, max_sentences=max_sentences)
        engine_seconds += time.perf_counter() - started
        articles += 1
        engine_rows["title"].add(scorer.score(article["title"], result.headline))
        engine_rows["lead"].add(scorer.score(article["lead"], result.summary))
        for row, (system, reference) in zip(rows, systems):
            row.add(scorer.score(article[reference], system(document)))
    ordered = [engine_rows["title"], *rows[: len(baselines)], engine_rows["lead"], *rows[len(baselines) :]]
    return FileScores(ordered, engine_seconds / max(articles, 1), rejected)


def format_table(name: str, rows: Iterable[Row]) -> str:
    rows = list(rows)
    lines = [
        f"### {name} ({rows[0].count if rows else 0} articles)",
        "",
        "| system | reference | R1 | R2 | RL |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        scores = " | ".join(f"{row.mean(kind):.1f}" for kind in ROUGE_TYPES)
        lines.append(f"| {row.system} | {row.reference} | {scores} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="kholase eval", description="ROUGE F1 (×100) of headline vs title and summary vs lead, with baselines."
    )
    parser.add_argument("files", nargs="+", type=Path, help="JSONL files with title, lead and body fields")
    parser.add_argument("--engine", default="extractive", choices=(AUTO, *ENGINE_NAMES))
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles of each file")
    parser.add_argument("--max-sentences", type=int, default=None, help="summary length (default: the setting)")
    args = parser.parse_args(argv)

    summarizer = Summarizer().load()
    if args.engine != AUTO and args.engine not in summarizer.engines:
        parser.error(f"{args.engine} engine unavailable: {summarizer.unavailable[args.engine]}")
    for path in args.files:
        scores = evaluate_file(path, args.engine, args.limit, args.max_sentences, summarizer)
        print(format_table(path.stem, scores.rows))
        print(f"\n{args.engine}: {1000 * scores.seconds_per_article:.1f} ms per article")
        print(f"articles the service refuses as input, left out of every row: {scores.rejected}\n")
    return 0
