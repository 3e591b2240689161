"""Fit the headline window model on newsroom titles, report k-fold held-out ROUGE, write the shipped weights.

    python scripts/train_headline.py ../shared/data/fars_news_dev.jsonl ../shared/data/varzesh3_dev.jsonl

Each article's candidates are every window of 4..14 words in its opening sentences; the target is a window's ROUGE-1
F1 against the title. Folds split by article, so a held-out score never sees its own article's title.
"""

import argparse
import json
from collections import Counter
from pathlib import Path

import numpy as np

from service.engines.learned import RESOURCES, LinearModel
from service.evaluation import PersianTokenizer, read_articles, rouge
from service.headline_model import FEATURES, TitleRates, Windows, windows
from service.summarizer import InputError, Summarizer
from service.text.clean import ZWNJ, normalize
from service.text.sentences import WORD, word_form

TOKENIZER = PersianTokenizer()


def window_f1(candidates: Windows, title: str) -> np.ndarray:
    """ROUGE-1 F1 of every window against the title (repeated words not clipped: a close, fast training target)."""
    reference = Counter(TOKENIZER.tokenize(title))
    scores = np.zeros(len(candidates.first))
    for position, sentence in enumerate(candidates.sentences):
        rows = candidates.sentence_of == position
        spans = candidates.spans[position]
        hits = np.array([sentence.text[a:b].replace(ZWNJ, "") in reference for a, b in spans], float)
        cumulative = np.concatenate([[0.0], np.cumsum(hits)])
        first, last = candidates.first[rows], candidates.last[rows]
        overlap = cumulative[last] - cumulative[first]
        precision = overlap / (last - first)
        recall = overlap / max(sum(reference.values()), 1)
        scores[rows] = np.divide(2 * precision * recall, precision + recall,
                                 out=np.zeros_like(overlap), where=overlap > 0)
    return scores


def load(paths: list[Path], limit: int | None) -> list[tuple[str, dict, Windows, np.ndarray]]:
    summarizer = Summarizer()
    rows = []
    for path in paths:
        for article in read_articles(path, limit):
            try:
                document = summarizer.prepare(article["body"])
            except InputError:
                continue
            candidates = windows(document)
            if len(candidates.first):
                article["title_normalized"] = normalize(article["title"])
                rows.append((path.stem, article, candidates, window_f1(candidates, article["title"])))
    return rows


def title_rates(rows, smoothing: float = 2.0, min_count: int = 3) -> TitleRates:
    """Smoothed share of articles whose title kept a word form seen in their opening sentences."""
    seen, kept = Counter(), Counter()
    for _, article, candidates, _ in rows:
        opening = {form for forms in candidates.forms for form in forms}
        title = {word_form(word) for word in WORD.findall(article["title_normalized"])}
        seen.update(opening)
        kept.update(opening & title)
    prior = sum(kept.values()) / max(sum(seen.values()), 1)
    rates = {form: round((kept[form] + smoothing * prior) / (count + smoothing), 4)
             for form, count in seen.items() if count >= min_count}
    return TitleRates(rates, round(prior, 4))


def fit(rows, ridge: float, inner_folds: int = 5) -> tuple[LinearModel, TitleRates]:
    """Fit on rows whose title rates come from the other inner folds: an article's own title never feeds its features."""
    inner = np.arange(len(rows)) % inner_folds
    matrices = [None] * len(rows)
    for fold in range(inner_folds):
        rates = title_rates([row for row, k in zip(rows, inner) if k != fold])
        for number in np.flatnonzero(inner == fold):
            matrices[number] = rows[number][2].with_rates(rates).matrix
    targets = np.concatenate([target for *_, target in rows])
    groups = np.concatenate([np.full(len(target), number) for number, (*_, target) in enumerate(rows)])
    return LinearModel.fit(FEATURES, np.vstack(matrices), targets, groups, ridge), title_rates(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--ridge", type=float, default=1.0)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--output", type=Path, default=RESOURCES / "headline_model.json")
    args = parser.parse_args(argv)

    rows = load(args.files, args.limit)
    folds = np.random.default_rng(0).permutation(len(rows)) % args.folds
    scorer = rouge()
    held_out: dict[str, list[dict]] = {}
    for fold in range(args.folds):
        model = fit([row for row, k in zip(rows, folds) if k != fold], args.ridge)
        for (name, article, candidates, _), k in zip(rows, folds):
            if k == fold:
                weights, rates = model
                candidates = candidates.with_rates(rates)
                best = int(np.argmax(weights.score(candidates.matrix)))
                headline = candidates.text(best).strip(" «»\"'.،,:؛")
                held_out.setdefault(name, []).append(scorer.score(article["title"], headline))
    print(f"held-out headline vs title, {args.folds}-fold cross-validation (ROUGE F1 x100):")
    for name, scores in held_out.items():
        means = [100 * np.mean([score[kind].fmeasure for score in scores]) for kind in ("rouge1", "rouge2", "rougeL")]
        print(f"  {name} ({len(scores)} articles): R1 {means[0]:.1f} / R2 {means[1]:.1f} / RL {means[2]:.1f}")

    weights, rates = fit(rows, args.ridge)
    shipped = {"model": weights.to_json(), "default_rate": rates.default, "title_rates": rates.rates}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(shipped, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.output} (trained on all {len(rows)} articles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
