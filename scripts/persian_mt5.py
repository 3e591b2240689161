"""An mT5-shaped Persian checkpoint built here: the configuration of a published checkpoint (its ``config.json``) at
smaller dimensions, random weights, and a sentencepiece vocabulary trained on ../shared/data laid out as the published
tokenizer is (pieces, then ``▁<extra_id_99>`` … ``▁<extra_id_0>``, then ``[ZWNJ]``).

The tests build tiny ones to check the engine against a real checkpoint's contract. Run as a script, it rebuilds the
benchmark model of docs/benchmarks.md: a 3+3-layer model whose vocabulary is trained on four fifths of the articles
and which ``scripts/finetune.py`` then trains on their lead → title pairs for at most ``--cpu-minutes`` CPU-minutes
(the last fifth is held out for ``scripts/benchmark_trained.py``). It is a benchmark artifact: it shows
what the backends do with a trained model's peaked outputs, and makes no claim about headline quality.

    python scripts/persian_mt5.py out/fa-mt5-headline --cpu-minutes 30
"""

import argparse
import json
import runpy
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
PUBLISHED_CONFIG = ROOT.parent / "shared" / "fixtures" / "pn-summary-mt5-small" / "config.json"
EXTRA_IDS = 100
ZWNJ_TOKEN = "[ZWNJ]"
HELD_OUT_EVERY = 5  # article i is held out when i % 5 == 0, in each file
# No dropout: thirty CPU-minutes are too few for it to pay. The model then fits its training pairs closely, and its
# outputs are the confident ones a comparison of backends needs (docs/benchmarks.md).
BENCHMARK_SHAPE = dict(d_model=128, d_kv=32, d_ff=512, num_layers=3, num_decoder_layers=3, num_heads=4,
                       dropout_rate=0.0)
# Declared for the benchmark model's own task, a headline from a lead: the published prefix and beams, shorter texts.
BENCHMARK_TASK = {"prefix": "summarize: ", "num_beams": 4, "max_length": 48, "no_repeat_ngram_size": 3,
                  "early_stopping": True}


def build(config_path: Path, texts: Iterable[str], folder: Path, pieces: int, shape: dict,
          task: dict | None = None, output_scale: float | None = None, seed: int = 0) -> Path:
    """Save tokenizer and random model into ``folder``; ``task`` replaces the declared summarization settings.

    The output layer's weights are drawn with standard deviation ``output_scale`` (default: the config's
    initializer_factor, as transformers draws them). A large one makes a random model decode varied tokens, which is
    what tests of the backends need; a model to be trained starts better at d_model ** -0.5, where its first
    predictions are near uniform rather than confidently wrong."""
    import torch
    from transformers import MT5Config, MT5ForConditionalGeneration

    tokenizer = train_tokenizer(texts, folder, pieces)
    declared = json.loads(config_path.read_text(encoding="utf-8"))
    if task is not None:
        declared["task_specific_params"] = {"summarization": task}
    declared.update(shape, vocab_size=-(-(len(tokenizer) + 1) // 16) * 16)  # padded past the tokenizer, as published
    config = MT5Config(**{key: value for key, value in declared.items() if not key.startswith("_")})
    torch.manual_seed(seed)
    model = MT5ForConditionalGeneration(config)
    # Published mT5 checkpoints keep an output layer apart from the input embeddings; transformers 5 ties a fresh
    # MT5's two (whatever the config says), so give it one of its own before saving.
    scale = config.initializer_factor if output_scale is None else output_scale
    model.lm_head.weight = torch.nn.Parameter(scale * torch.randn_like(model.shared.weight))
    model.config.tie_word_embeddings = False
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def train_tokenizer(texts: Iterable[str], folder: Path, pieces: int):
    """A T5 tokenizer over a unigram model of ``texts``, with the published layout of added tokens. Half-spaces
    become spaces for training: the tokenizer splits text at ``[ZWNJ]`` before sentencepiece sees it."""
    import sentencepiece
    from tokenizers import AddedToken
    from transformers import T5Tokenizer

    folder.mkdir(parents=True, exist_ok=True)
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=(text.replace("\u200c", " ") for text in texts), model_prefix=str(folder / "spiece"),
        vocab_size=pieces, pad_id=0, eos_id=1, unk_id=2, bos_id=-1, character_coverage=1.0, minloglevel=2,
    )
    model = sentencepiece.SentencePieceProcessor(model_file=str(folder / "spiece.model"))
    tokenizer = T5Tokenizer(
        vocab=[(model.id_to_piece(i), model.get_score(i)) for i in range(model.get_piece_size())], extra_ids=0,
        legacy=True,
    )
    tokenizer.add_tokens([AddedToken(f"▁<extra_id_{i}>", special=False) for i in reversed(range(EXTRA_IDS))])
    tokenizer.add_tokens([AddedToken(ZWNJ_TOKEN, special=False, normalized=True)])
    return tokenizer


def read_split(name: str) -> tuple[list[dict], list[dict]]:
    """(training, held-out) rows of one ../shared/data file."""
    with open(DATA / f"{name}.jsonl", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return ([row for i, row in enumerate(rows) if i % HELD_OUT_EVERY],
            [row for i, row in enumerate(rows) if not i % HELD_OUT_EVERY])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", type=Path, help="folder for the trained checkpoint")
    parser.add_argument("--cpu-minutes", type=float, default=30.0, help="training budget, all threads together")
    parser.add_argument("--pieces", type=int, default=4000, help="sentencepiece vocabulary size")
    parser.add_argument("--epochs", type=float, default=40.0)
    parser.add_argument("--learning-rate", type=float, default=2e-3)
    args = parser.parse_args(argv)

    training = [row for name in ("fars_news_dev", "varzesh3_dev") for row in read_split(name)[0]]
    initial = args.output.with_name(args.output.name + "-initial")
    build(PUBLISHED_CONFIG, (text for row in training for text in (row["title"], row["lead"], row["body"])),
          initial, args.pieces, BENCHMARK_SHAPE, BENCHMARK_TASK, output_scale=BENCHMARK_SHAPE["d_model"] ** -0.5)
    pairs = initial / "training-pairs.jsonl"
    pairs.write_text("".join(json.dumps({"lead": row["lead"], "title": row["title"]}, ensure_ascii=False) + "\n"
                             for row in training), encoding="utf-8")
    finetune = runpy.run_path(str(ROOT / "scripts" / "finetune.py"), run_name="finetune")
    return finetune["main"]([
        str(initial), str(pairs), str(args.output), "--source-field", "lead", "--target-field", "title",
        "--max-source-tokens", "96", "--max-target-tokens", "48", "--batch-size", "16",
        "--learning-rate", str(args.learning_rate), "--epochs", str(args.epochs),
        "--max-cpu-minutes", str(args.cpu_minutes), "--logging-steps", "50", "--warmup-steps", "50",
    ])


if __name__ == "__main__":
    sys.exit(main())
