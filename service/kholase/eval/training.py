"""What training the headline and summary rankers share: cross-fitted word rates and k-fold held-out scores.

A ranker's word rates (how often a word of the opening made it into the title or lead) are learned from articles,
so every article's features must come from rates fitted without it, in training and in evaluation alike.
"""

import argparse
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from kholase.eval.rouge import read_articles, rouge
from kholase.extractive.learned import LinearModel
from kholase.summarizer import InputError, Summarizer
from kholase.text.sentences import Document

# A training row: (file name, article, candidates, per-candidate ROUGE targets); candidates have `with_rates`,
# `matrix` and `text(index)`.
Row = tuple


def arguments(description: str, default_output: Path) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--ridge", type=float, default=1.0)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--fold-seed", type=int, default=0, help="how articles are dealt into the held-out folds")
    parser.add_argument("--output", type=Path, default=default_output)
    return parser.parse_args()


def documents(paths: list[Path], limit: int | None) -> Iterator[tuple[str, dict, Document, Summarizer]]:
    """Each article of the files, cleaned and split as the service does; articles it would refuse are left out."""
    summarizer = Summarizer()
    for path in paths:
        for article in read_articles(path, limit):
            try:
                document = summarizer.prepare(article["body"])
            except InputError:
                continue
            yield path.stem, article, document, summarizer


def smoothed_rates(seen: Counter, kept: Counter, smoothing: float, min_count: int) -> tuple[dict[str, float], float]:
    """Per word, the share of articles whose reference kept it, pulled towards the overall share; and that share."""
    prior = sum(kept.values()) / max(sum(seen.values()), 1)
    rates = {token: round((kept[token] + smoothing * prior) / (count + smoothing), 4)
             for token, count in seen.items() if count >= min_count}
    return rates, round(prior, 4)


def fit(rows: list[Row], features: tuple[str, ...], rates_of: Callable, ridge: float, inner_folds: int = 5):
    """Fit on rows whose rates come from the other inner folds: an article's own reference never feeds its features.
    Returns the model and the rates fitted on all rows, to ship with it."""
    inner = np.arange(len(rows)) % inner_folds
    matrices = [None] * len(rows)
    for fold in range(inner_folds):
        rates = rates_of([row for row, k in zip(rows, inner) if k != fold])
        for number in np.flatnonzero(inner == fold):
            matrices[number] = rows[number][2].with_rates(rates).matrix
    targets = np.concatenate([target for *_, target in rows])
    groups = np.concatenate([np.full(len(target), number) for number, (*_, target) in enumerate(rows)])
    return LinearModel.fit(features, np.vstack(matrices), targets, groups, ridge), rates_of(rows)


def print_held_out(rows: list[Row], args: argparse.Namespace, train: Callable, reference: str, label: str,
                   tidy: Callable[[str], str] = lambda text: text, choose: Callable | None = None,
                   finish: Callable | None = None) -> None:
    """ROUGE of the chosen candidate of each article under a model trained without its fold: `choose(weights, rates,
    candidates, article)` gives its index, by default the best-scored; `finish(article, candidates, index)` the text
    the service returns for it, by default the candidate's own, tidied."""
    folds = np.random.default_rng(args.fold_seed).permutation(len(rows)) % args.folds
    scorer = rouge()
    held_out: dict[str, list[dict]] = {}
    for fold in range(args.folds):
        weights, rates = train([row for row, k in zip(rows, folds) if k != fold])
        for (name, article, candidates, _), k in zip(rows, folds):
            if k == fold:
                candidates = candidates.with_rates(rates)
                best = choose(weights, rates, candidates, article) if choose else \
                    int(np.argmax(weights.score(candidates.matrix)))
                text = finish(article, candidates, best) if finish else tidy(candidates.text(best))
                held_out.setdefault(name, []).append(scorer.score(article[reference], text))
    print(f"held-out {label} vs {reference}, {args.folds}-fold cross-validation (ROUGE F1 x100):")
    for name, scores in held_out.items():
        means = [100 * np.mean([score[kind].fmeasure for score in scores]) for kind in ("rouge1", "rouge2", "rougeL")]
        print(f"  {name} ({len(scores)} articles): R1 {means[0]:.1f} / R2 {means[1]:.1f} / RL {means[2]:.1f}")
