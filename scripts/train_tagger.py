"""Train the shipped UPOS tagger (kholase.text.tagger) on UD Persian-PerDT and evaluate it on held-out PerDT-test.

    python scripts/train_tagger.py [--train DEV.conllu] [--test TEST.conllu] [--output MODEL.crfsuite]

It first writes the lexicon the tagger's features read (kholase/text/resources/pos_lexicon.tsv.gz) from hazm's word
and verb lists, then trains on features that read it.

The treebank is CC BY-SA 4.0, and so is the model (see service/kholase/text/resources/POS_TAGGER_LICENSE.md).
"""

import argparse
import time
from pathlib import Path

from kholase.text.tagger import DEFAULT_PATH, LEXICON_PATH, Lexicon, Tagger, lexicon
from kholase.text.tagger_training import accuracy, read_conllu, token_agreement, train

UD = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ud"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", type=Path, default=UD / "fa_perdt-ud-dev.conllu")
    parser.add_argument("--test", type=Path, default=UD / "fa_perdt-ud-test.conllu")
    parser.add_argument("--output", type=Path, default=DEFAULT_PATH)
    args = parser.parse_args()

    Lexicon.from_hazm().save(LEXICON_PATH)
    lexicon.cache_clear()
    print(f"wrote {LEXICON_PATH} ({LEXICON_PATH.stat().st_size / 1e6:.2f} MB)")
    training, held_out = read_conllu(args.train), read_conllu(args.test)
    started = time.perf_counter()
    train(training, args.output)
    print(f"trained on {sum(len(s.tokens) for s in training):,} tokens in {time.perf_counter() - started:.1f} s"
          f" -> {args.output} ({args.output.stat().st_size / 1e6:.2f} MB)")

    model = Tagger.load(args.output)
    started = time.perf_counter()
    score = accuracy(model, held_out)
    tokens = sum(len(s.tokens) for s in held_out)
    print(f"UPOS accuracy on {args.test.name}: {score:.2f}% ({tokens:,} tokens,"
          f" {1000 * (time.perf_counter() - started) / tokens:.4f} ms/token with features)")
    print(f"tokenize reproduces {token_agreement(held_out):.2f}% of the gold tokens of {args.test.name}")


if __name__ == "__main__":
    main()
