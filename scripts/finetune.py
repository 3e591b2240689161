"""Fine-tune a seq2seq checkpoint on a JSONL of articles and their titles (or summaries), with ``Seq2SeqTrainer``.

Meant for a machine with a GPU (bfloat16 is used there); on CPU it runs, slowly (``--max-cpu-minutes`` caps it). The
pairs are written as the engine will write the model's input: behind the checkpoint's declared prefix, with
half-spaces as its tokenizer writes them (``kholase.abstractive.contract``). The output folder loads directly with
``KHOLASE_MODEL=<output>``.

    python scripts/finetune.py models/pn-summary-mt5-small ../shared/data/fars_news_dev.jsonl out/mt5-titles \\
        --source-field body --target-field title --epochs 3
"""

import argparse
import json
import sys
import time
from pathlib import Path

from kholase.abstractive.contract import HalfSpace, declared_decoding


def read_pairs(path: Path, source_field: str, target_field: str) -> list[tuple[str, str]]:
    """(source, target) pairs from a JSONL file; rows missing either field are skipped."""
    pairs = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                if row.get(source_field) and row.get(target_field):
                    pairs.append((row[source_field], row[target_field]))
    return pairs


def finetune(args: argparse.Namespace) -> Path:
    import torch
    from transformers import (
        AutoModelForSeq2SeqLM,
        AutoTokenizer,
        DataCollatorForSeq2Seq,
        Seq2SeqTrainer,
        Seq2SeqTrainingArguments,
    )

    tokenizer = AutoTokenizer.from_pretrained(args.model)
    model = AutoModelForSeq2SeqLM.from_pretrained(args.model)
    pairs = read_pairs(args.data, args.source_field, args.target_field)
    if not pairs:
        raise SystemExit(f"no rows with both {args.source_field!r} and {args.target_field!r} in {args.data}")
    prefix = declared_decoding(Path(args.model)).get("prefix", "") if Path(args.model).is_dir() else ""
    half_space = HalfSpace(tokenizer)
    features = [
        tokenizer(prefix + half_space.encode(source), text_target=half_space.encode(target), truncation=True,
                  max_length=args.max_source_tokens, return_token_type_ids=False)
        for source, target in pairs
    ]
    for feature in features:
        feature["labels"] = feature["labels"][: args.max_target_tokens]
    training = Seq2SeqTrainingArguments(
        output_dir=str(args.output),
        max_steps=args.max_steps,
        num_train_epochs=args.epochs,
        per_device_train_batch_size=args.batch_size,
        gradient_accumulation_steps=args.gradient_accumulation,
        learning_rate=args.learning_rate,
        warmup_steps=args.warmup_steps,
        bf16=torch.cuda.is_available() and torch.cuda.is_bf16_supported(),  # mT5 overflows in float16
        logging_steps=args.logging_steps,
        save_strategy="no",
        report_to=[],
        seed=args.seed,
    )
    trainer = Seq2SeqTrainer(
        model=model,
        args=training,
        train_dataset=features,
        data_collator=DataCollatorForSeq2Seq(tokenizer, model=model),
        processing_class=tokenizer,
        callbacks=[_cpu_budget(args.max_cpu_minutes)] if args.max_cpu_minutes else [],
    )
    started = time.process_time()
    trainer.train()
    print(f"trained {trainer.state.global_step} steps in {(time.process_time() - started) / 60:.1f} CPU-minutes")
    trainer.save_model(str(args.output))
    tokenizer.save_pretrained(args.output)
    return args.output


def _cpu_budget(minutes: float):
    """Stops training once this process has used ``minutes`` of CPU time, all its threads together."""
    from transformers import TrainerCallback

    budget_s, started = minutes * 60, time.process_time()

    class CpuBudget(TrainerCallback):
        def on_step_end(self, args, state, control, **kwargs):
            if time.process_time() - started >= budget_s:
                control.should_training_stop = True

    return CpuBudget()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model", help="checkpoint to start from: a folder or hub id")
    parser.add_argument("data", type=Path, help="JSONL with one article per line")
    parser.add_argument("output", type=Path, help="folder for the fine-tuned checkpoint")
    parser.add_argument("--source-field", default="body")
    parser.add_argument("--target-field", default="title")
    parser.add_argument("--max-source-tokens", type=int, default=512)
    parser.add_argument("--max-target-tokens", type=int, default=64)
    parser.add_argument("--epochs", type=float, default=3.0)
    parser.add_argument("--max-steps", type=int, default=-1, help="stop after this many steps (overrides --epochs)")
    parser.add_argument("--max-cpu-minutes", type=float, help="stop once the process has used this much CPU time")
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--gradient-accumulation", type=int, default=1)
    parser.add_argument("--learning-rate", type=float, default=5e-4)
    parser.add_argument("--warmup-steps", type=int, default=0)
    parser.add_argument("--logging-steps", type=int, default=50)
    parser.add_argument("--seed", type=int, default=42)
    print(finetune(parser.parse_args(argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
