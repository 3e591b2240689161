"""Fit the one-sentence summary model on newsroom leads, report k-fold held-out ROUGE, write the shipped weights.

    python scripts/train_summary.py ../shared/data/fars_news_dev.jsonl ../shared/data/varzesh3_dev.jsonl

Each article's candidates are its opening sentences, each also without its news frame or from its quoted statement,
and each also cut at a verb-final clause (service/summary_model.py); the target is a candidate's ROUGE-1 F1 against
the lead. Folds split by article, so a held-out score never sees its own article's lead.
"""

import argparse
import json
from collections import Counter
from pathlib import Path

import numpy as np

from service.engines.learned import RESOURCES, LinearModel
from service.evaluation import PersianTokenizer, read_articles, rouge
from service.summarizer import InputError, Summarizer
from service.summary_model import FEATURES, Candidates, LeadRates, candidates

TOKENIZER = PersianTokenizer()


def rouge1_f1(text: str, reference: Counter) -> float:
    """ROUGE-1 F1 with clipped counts, as rouge-score computes it."""
    tokens = Counter(TOKENIZER.tokenize(text))
    overlap = sum((tokens & reference).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(tokens.values()), overlap / sum(reference.values())
    return 2 * precision * recall / (precision + recall)


def load(paths: list[Path], limit: int | None) -> list[tuple[str, dict, Candidates, np.ndarray]]:
    summarizer = Summarizer()
    rows = []
    for path in paths:
        for article in read_articles(path, limit):
            try:
                document = summarizer.prepare(article["body"])
            except InputError:
                continue
            found = candidates(document, summarizer.extractive.rank(document).scores)
            reference = Counter(TOKENIZER.tokenize(article["lead"]))
            targets = np.array([rouge1_f1(found.text(index), reference) for index in range(len(found.sentence_of))])
            article["lead_tokens"] = set(reference)
            article["lead_openers"] = lead_openers(TOKENIZER.tokenize(article["lead"]))
            rows.append((path.stem, article, found, targets))
    return rows


def smoothed_rates(seen: Counter, kept: Counter, smoothing: float, min_count: int) -> tuple[dict[str, float], float]:
    prior = sum(kept.values()) / max(sum(seen.values()), 1)
    rates = {token: round((kept[token] + smoothing * prior) / (count + smoothing), 4)
             for token, count in seen.items() if count >= min_count}
    return rates, round(prior, 4)


def lead_openers(lead: list[str]) -> set[str]:
    """The lead's first two words after an agency prefix («خبرگزاری فارس:»)."""
    return set(lead[2:4] if lead[:1] == ["خبرگزاری"] else lead[:2])


def lead_rates(rows, smoothing: float = 2.0, min_count: int = 3) -> LeadRates:
    """Smoothed share of articles whose lead kept a word seen in their opening sentences, and of those whose lead
    opened on a word that opens one of their candidates."""
    seen, kept, opened, led = Counter(), Counter(), Counter(), Counter()
    for _, article, found, _ in rows:
        opening = {token for tokens in found.tokens for token in tokens}
        seen.update(opening)
        kept.update(opening & article["lead_tokens"])
        openers = {found.opener(position, first) for position, (first, _) in zip(found.sentence_of, found.words)}
        opened.update(openers)
        led.update(openers & article["lead_openers"])
    return LeadRates(*smoothed_rates(seen, kept, smoothing, min_count), *smoothed_rates(opened, led, smoothing, min_count))


def fit(rows, ridge: float, inner_folds: int = 5) -> tuple[LinearModel, LeadRates]:
    """Fit on rows whose lead rates come from the other inner folds: an article's own lead never feeds its features."""
    inner = np.arange(len(rows)) % inner_folds
    matrices = [None] * len(rows)
    for fold in range(inner_folds):
        rates = lead_rates([row for row, k in zip(rows, inner) if k != fold])
        for number in np.flatnonzero(inner == fold):
            matrices[number] = rows[number][2].with_rates(rates).matrix
    targets = np.concatenate([target for *_, target in rows])
    groups = np.concatenate([np.full(len(target), number) for number, (*_, target) in enumerate(rows)])
    return LinearModel.fit(FEATURES, np.vstack(matrices), targets, groups, ridge), lead_rates(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--ridge", type=float, default=1.0)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--output", type=Path, default=RESOURCES / "summary_model.json")
    args = parser.parse_args(argv)

    rows = load(args.files, args.limit)
    folds = np.random.default_rng(0).permutation(len(rows)) % args.folds
    scorer = rouge()
    held_out: dict[str, list[dict]] = {}
    for fold in range(args.folds):
        model = fit([row for row, k in zip(rows, folds) if k != fold], args.ridge)
        for (name, article, found, _), k in zip(rows, folds):
            if k == fold:
                weights, rates = model
                found = found.with_rates(rates)
                best = int(np.argmax(weights.score(found.matrix)))
                held_out.setdefault(name, []).append(scorer.score(article["lead"], found.text(best)))
    print(f"held-out summary vs lead, {args.folds}-fold cross-validation (ROUGE F1 x100):")
    for name, scores in held_out.items():
        means = [100 * np.mean([score[kind].fmeasure for score in scores]) for kind in ("rouge1", "rouge2", "rougeL")]
        print(f"  {name} ({len(scores)} articles): R1 {means[0]:.1f} / R2 {means[1]:.1f} / RL {means[2]:.1f}")

    weights, rates = fit(rows, args.ridge)
    shipped = {"model": weights.to_json(), "default_rate": rates.default, "lead_rates": rates.rates,
               "default_opener_rate": rates.opener_default, "opener_rates": rates.openers}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(shipped, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.output} (trained on all {len(rows)} articles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
