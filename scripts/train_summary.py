"""Fit the one-sentence summary model on newsroom leads, report k-fold held-out ROUGE, write the shipped weights.

    python scripts/train_summary.py ../shared/data/fars_news_dev.jsonl ../shared/data/varzesh3_dev.jsonl

Each article's candidates are its opening sentences, each also without its news frame, from its quoted statement or
from the speaker's office, and each also cut at a verb-final clause (kholase.extractive.summary_model); the target
is a candidate's ROUGE-1 F1 against the lead. Folds split by article, so a held-out score never sees its own
article's lead.
"""

from collections import Counter
from pathlib import Path

import numpy as np

from kholase.eval import training
from kholase.eval.rouge import PersianTokenizer
from kholase.extractive.summary_model import (
    FEATURES,
    Candidates,
    LeadRates,
    SummaryRanker,
    candidates,
    with_the_speakers_office,
)

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
    rows = []
    for name, article, document, summarizer in training.documents(paths, limit):
        found = candidates(document, summarizer.textrank.rank(document).scores)
        reference = Counter(TOKENIZER.tokenize(article["lead"]))
        targets = np.array([rouge1_f1(found.text(index), reference) for index in range(len(found.sentence_of))])
        article["lead_tokens"] = set(reference)
        article["lead_openers"] = lead_openers(TOKENIZER.tokenize(article["lead"]))
        article["document"] = document
        rows.append((name, article, found, targets))
    return rows


def lead_openers(lead: list[str]) -> set[str]:
    """The lead's first two words after an agency prefix («خبرگزاری فارس:»)."""
    return set(lead[2:4] if lead[:1] == ["خبرگزاری"] else lead[:2])


def lead_rates(rows, smoothing: float = 2.0, min_count: int = 3) -> LeadRates:
    """Smoothed share of articles whose lead kept a word seen in their opening sentences, of those whose lead
    opened on a word that opens one of their candidates, and of opening sentences holding a word that held the
    article's best candidate (smoothed half as much: that held out best)."""
    seen, kept, opened, led, in_sentence, in_best = Counter(), Counter(), Counter(), Counter(), Counter(), Counter()
    for _, article, found, targets in rows:
        opening = {token for tokens in found.tokens for token in tokens}
        seen.update(opening)
        kept.update(opening & article["lead_tokens"])
        openers = {found.opener(position, first) for position, (first, _) in zip(found.sentence_of, found.words)}
        opened.update(openers)
        led.update(openers & article["lead_openers"])
        best = found.sentence_of[int(np.argmax(targets))] if len(targets) else -1
        for position, tokens in enumerate(found.tokens):
            in_sentence.update(set(tokens))
            if position == best:
                in_best.update(set(tokens))
    return LeadRates(
        *training.smoothed_rates(seen, kept, smoothing, min_count),
        *training.smoothed_rates(opened, led, smoothing, min_count),
        *training.smoothed_rates(in_sentence, in_best, smoothing / 2, min_count),
    )


def main() -> int:
    args = training.arguments(__doc__, SummaryRanker.PATH)
    rows = load(args.files, args.limit)

    def train(rows):
        return training.fit(rows, FEATURES, lead_rates, args.ridge)

    training.print_held_out(rows, args, train, "lead", "summary",
                            choose=lambda weights, rates, found, article: SummaryRanker(weights, rates).pick(
                                article["document"], found),
                            finish=lambda article, found, best: with_the_speakers_office(
                                article["document"], int(found.sentence_of[best]), found.text(best)))
    SummaryRanker(*train(rows)).save(args.output)
    print(f"wrote {args.output} (trained on all {len(rows)} articles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
