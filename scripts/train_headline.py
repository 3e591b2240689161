"""Fit the headline candidate model on newsroom titles, report k-fold held-out ROUGE, write the shipped weights.

    python scripts/train_headline.py ../shared/data/fars_news_dev.jsonl ../shared/data/varzesh3_dev.jsonl

Each article's candidates are the well-formed headlines `kholase.extractive.headline.candidates` builds from its
opening sentences and the lead's voice's later statements; the target is a candidate's ROUGE-1 F1 against the title.
The held-out score is that of the candidate the shipped `HeadlineRanker.choose` picks, under a model trained without
the article's fold.
"""

from collections import Counter
from pathlib import Path

import numpy as np

from kholase.eval import training
from kholase.eval.rouge import PersianTokenizer
from kholase.extractive.headline_model import FEATURES, MAX_WORDS, Candidates, HeadlineRanker, TitleRates, build
from kholase.text.clean import ZWNJ, normalize
from kholase.text.sentences import WORD, word_form

TOKENIZER = PersianTokenizer()


def candidate_f1(candidates: Candidates, title: str) -> np.ndarray:
    """ROUGE-1 F1 of every candidate against the title (repeated words not clipped: a close, fast training target)."""
    reference = Counter(TOKENIZER.tokenize(title))
    scores = []
    for candidate in candidates.items:
        tokens = TOKENIZER.tokenize(candidate.text)
        overlap = sum(token.replace(ZWNJ, "") in reference for token in tokens)
        precision, recall = overlap / max(len(tokens), 1), overlap / max(sum(reference.values()), 1)
        scores.append(2 * precision * recall / (precision + recall) if overlap else 0.0)
    return np.array(scores)


def load(paths: list[Path], limit: int | None) -> list[tuple[str, dict, Candidates, np.ndarray]]:
    rows = []
    for name, article, document, _ in training.documents(paths, limit):
        candidates = build(document, 2 * MAX_WORDS)  # the pool the ranker chooses from
        if candidates.items:
            article["title_normalized"] = normalize(article["title"])
            rows.append((name, article, candidates, candidate_f1(candidates, article["title"])))
    return rows


def title_rates(rows, smoothing: float = 2.0, min_count: int = 3) -> TitleRates:
    """Smoothed share of articles whose title kept a word form of their candidates; likewise the share whose title
    opened or closed with it (kept only for words that ever did)."""
    seen, kept, opened, closed = Counter(), Counter(), Counter(), Counter()
    for _, article, candidates, _ in rows:
        words = {form for forms in candidates.forms for form in forms}
        title = [word_form(word) for word in WORD.findall(article["title_normalized"])]
        seen.update(words)
        kept.update(words & set(title))
        opened.update(words & set(title[:1]))
        closed.update(words & set(title[-1:]))
    rates, default = training.smoothed_rates(seen, kept, smoothing, min_count)
    opens, closes = (training.smoothed_rates(seen, counts, smoothing, min_count)[0] for counts in (opened, closed))
    return TitleRates(rates, default, *({form: rate for form, rate in table.items() if counts[form]}
                                        for table, counts in ((opens, opened), (closes, closed))))


def main() -> int:
    args = training.arguments(__doc__, HeadlineRanker.PATH)
    rows = load(args.files, args.limit)

    def train(rows):
        return training.fit(rows, FEATURES, title_rates, args.ridge)

    training.print_held_out(rows, args, train, "title", "headline",
                            choose=lambda weights, rates, found, _: HeadlineRanker(weights, rates).choose(found))
    HeadlineRanker(*train(rows)).save(args.output)
    print(f"wrote {args.output} (trained on all {len(rows)} articles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
