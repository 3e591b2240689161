"""The Persian model trained here (``scripts/persian_mt5.py``), through the engine's own backends: its ROUGE on the
held-out fifth of ../shared/data, how often the made-up-facts guard rejects what it writes, and CTranslate2 int8
against transformers float32, greedy, at batch 1 and 16: the speed ratio and the share of identical outputs.

A benchmark artifact, not a quality claim: the model saw 30 CPU-minutes of lead → title pairs. Every backend reads the
same inputs (held-out leads behind the model's declared prefix, half-spaces as ``[ZWNJ]``), decodes greedily to at
most 48 tokens, and takes turns with the others on each setting so that load from other processes hits them alike.

    python scripts/persian_mt5.py out/fa-mt5-headline --cpu-minutes 30   # rebuild the model (about 30 CPU-minutes)
    python scripts/benchmark_trained.py out/fa-mt5-headline
"""

import argparse
import runpy
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from kholase.abstractive.guard import unsupported_facts
from kholase.abstractive.seq2seq import Seq2SeqModel
from kholase.config import Settings
from kholase.eval.rouge import ROUGE_TYPES, rouge

ROOT = Path(__file__).resolve().parents[1]
MAX_NEW_TOKENS = 48


def load(folder: Path, backend: str, compute_type: str = "float32", beams: int | None = 1) -> Seq2SeqModel:
    return Seq2SeqModel.load(Settings(model=str(folder), backend=backend, ct2_compute_type=compute_type,
                                      num_beams=beams, headline_max_new_tokens=MAX_NEW_TOKENS,
                                      summary_max_new_tokens=MAX_NEW_TOKENS, input_max_tokens=128))


def generate(model: Seq2SeqModel, leads: list[str], batch_size: int) -> tuple[list[list[int]], list[float]]:
    """Token ids for every lead, and the wall seconds of each backend call."""
    ids, seconds = [], []
    for start in range(0, len(leads), batch_size):
        batch = [model.model_input(lead) for lead in leads[start:start + batch_size]]
        began = time.perf_counter()
        ids += model.backend.generate_ids(batch, max_input_tokens=128, decoding=model.decoding)
        seconds.append(time.perf_counter() - began)
    return ids, seconds


def rouge_row(name: str, outputs: list[str], rows: list[dict]) -> str:
    scorer = rouge()
    scores = [scorer.score(row["title"], output) for row, output in zip(rows, outputs, strict=True)]
    means = [100 * statistics.fmean(score[kind].fmeasure for score in scores) for kind in ROUGE_TYPES]
    rejected = sum(bool(unsupported_facts(output, row["lead"])) for row, output in zip(rows, outputs, strict=True))
    empty = sum(not output for output in outputs)
    return (f"| {name} | " + " | ".join(f"{mean:.1f}" for mean in means)
            + f" | {rejected / len(rows):.0%} | {empty} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model", type=Path, help="the folder scripts/persian_mt5.py wrote")
    parser.add_argument("--speed-articles", type=int, default=64, help="held-out leads timed per setting")
    args = parser.parse_args(argv)

    from kholase.abstractive.convert import convert

    split = runpy.run_path(str(ROOT / "scripts" / "persian_mt5.py"), run_name="persian_mt5")["read_split"]
    rows = [row for name in ("fars_news_dev", "varzesh3_dev") for row in split(name)[1]]
    leads = [row["lead"] for row in rows]
    with tempfile.TemporaryDirectory(prefix="kholase-trained-") as scratch:
        ct2_dir = convert(str(args.model), Path(scratch) / "ct2")
        transformers = load(args.model, "transformers")
        int8 = load(ct2_dir, "ctranslate2", "int8")
        declared = load(args.model, "transformers", beams=None)
        print(f"{len(rows)} held-out articles; decoding: {replace(transformers.decoding, prefix='…')!r}")

        print("\n| output | ROUGE-1 | ROUGE-2 | ROUGE-L | guard rejects | empty |\n|---|---|---|---|---|---|")
        outputs: dict[str, list[list[int]]] = {}
        for name, model in (("transformers float32, greedy", transformers), ("ctranslate2 int8, greedy", int8),
                            (f"transformers float32, declared {declared.decoding.num_beams} beams", declared)):
            outputs[name] = generate(model, leads, 16)[0]
            print(rouge_row(name, [model.decode(ids) for ids in outputs[name]], rows), flush=True)
        reference, quantized = outputs["transformers float32, greedy"], outputs["ctranslate2 int8, greedy"]
        same = sum(a == b for a, b in zip(reference, quantized, strict=True))
        print(f"\nctranslate2 int8 writes the same tokens as transformers float32 on {same}/{len(rows)} "
              f"held-out leads ({same / len(rows):.0%})")

        print("\n| batch | transformers float32 (ms per call) | ctranslate2 int8 (ms per call) | speed-up | "
              "same tokens |\n|---|---|---|---|---|")
        timed = leads[: args.speed_articles]
        for batch_size in (1, 16):
            for model in (transformers, int8):
                generate(model, timed[:batch_size], batch_size)  # warm-up
            (hf_ids, hf_seconds), (ct2_ids, ct2_seconds) = (generate(model, timed, batch_size)
                                                            for model in (transformers, int8))
            hf_ms, ct2_ms = 1000 * statistics.median(hf_seconds), 1000 * statistics.median(ct2_seconds)
            same = sum(a == b for a, b in zip(hf_ids, ct2_ids, strict=True))
            print(f"| {batch_size} | {hf_ms:.1f} | {ct2_ms:.1f} | {hf_ms / ct2_ms:.1f}x | {same}/{len(timed)} |",
                  flush=True)
        for model in (transformers, int8, declared):
            model.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
