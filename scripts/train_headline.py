"""Fit the headline window model on newsroom titles, report k-fold held-out ROUGE, write the shipped weights.

    python scripts/train_headline.py ../shared/data/fars_news_dev.jsonl ../shared/data/varzesh3_dev.jsonl

Each article's candidates are every window of 4..14 words in its opening sentences; the target is a window's ROUGE-1
F1 against the title. Folds split by article, so a held-out score never sees its own article's title.
"""

from collections import Counter
from pathlib import Path

import numpy as np

from kholase.eval import training
from kholase.eval.rouge import PersianTokenizer
from kholase.extractive.headline_model import FEATURES, HeadlineRanker, TitleRates, Windows, windows
from kholase.text.clean import ZWNJ, normalize
from kholase.text.sentences import WORD, word_form

TOKENIZER = PersianTokenizer()


def window_f1(candidates: Windows, title: str) -> np.ndarray:
    """ROUGE-1 F1 of every window against the title (repeated words not clipped: a close, fast training target)."""
    reference = Counter(TOKENIZER.tokenize(title))
    hits = np.array([token.replace(ZWNJ, "") in reference for token in candidates.tokens], float)
    cumulative = np.concatenate([[0.0], np.cumsum(hits)])
    overlap = cumulative[candidates.last] - cumulative[candidates.first]
    precision = overlap / (candidates.last - candidates.first)
    recall = overlap / max(sum(reference.values()), 1)
    return np.divide(2 * precision * recall, precision + recall, out=np.zeros_like(overlap), where=overlap > 0)


def load(paths: list[Path], limit: int | None) -> list[tuple[str, dict, Windows, np.ndarray]]:
    rows = []
    for name, article, document, _ in training.documents(paths, limit):
        candidates = windows(document)
        if len(candidates.first):
            article["title_normalized"] = normalize(article["title"])
            rows.append((name, article, candidates, window_f1(candidates, article["title"])))
    return rows


def title_rates(rows, smoothing: float = 2.0, min_count: int = 3) -> TitleRates:
    """Smoothed share of articles whose title kept a word form seen in their opening sentences; likewise the share
    whose title opened or closed with it (kept only for words that ever did)."""
    seen, kept, opened, closed = Counter(), Counter(), Counter(), Counter()
    for _, article, candidates, _ in rows:
        opening = set(candidates.forms)
        title = [word_form(word) for word in WORD.findall(article["title_normalized"])]
        seen.update(opening)
        kept.update(opening & set(title))
        opened.update(opening & set(title[:1]))
        closed.update(opening & set(title[-1:]))
    rates, default = training.smoothed_rates(seen, kept, smoothing, min_count)
    opens, closes = (training.smoothed_rates(seen, counts, smoothing, min_count)[0] for counts in (opened, closed))
    return TitleRates(rates, default, *({form: rate for form, rate in table.items() if counts[form]}
                                        for table, counts in ((opens, opened), (closes, closed))))


def main() -> int:
    args = training.arguments(__doc__, HeadlineRanker.PATH)
    rows = load(args.files, args.limit)

    def train(rows):
        return training.fit(rows, FEATURES, title_rates, args.ridge)

    training.print_held_out(rows, args, train, "title", "headline", tidy=lambda text: text.strip(" «»\"'.،,:؛"))
    HeadlineRanker(*train(rows)).save(args.output)
    print(f"wrote {args.output} (trained on all {len(rows)} articles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
