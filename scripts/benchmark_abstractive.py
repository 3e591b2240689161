"""Abstractive speed: plain transformers ``generate`` against CTranslate2 float32 and int8 on CPU.

The model has mt5-small's shape (vocab 250112, d_model 512, 8+8 layers, 6 heads, gated-gelu) with random weights,
so no download is needed; every article is 512 input tokens and exactly 32 output tokens come out (random
weights practically never pick the end token; CTranslate2 also suppresses it, and the length is checked), so
every backend does the same work. For each backend, beam count and batch size it prints
the median time of one ``generate`` call (the latency every article in that batch sees) and articles per second.
Every row's tokens are checked against transformers' float32 tokens for the same beams, after checking that
float64 transformers picks the same greedy tokens as float32 (else rounding, not the backend, would decide).
A second table times the encoder alone (one 512-token pass, no decoding) on each backend: every article pays it
whatever the decoder does. A third adds to the fastest encoder the 32 products with the float32 output layer that
greedy decoding needs (one per step, each reading the layer's 512 MB): the least time a backend that works out every
float32 logit at every step can take here, decoder layers taken as free, and so the largest speed-up it can reach
with tokens equal to transformers'. (Only guessing several tokens and checking them in one pass, speculative
decoding, gets under it, and only as far as the guesses are right.)

The "vmap" rows restrict the output layer with a vocabulary map (``convert_ct2.py --vocabulary-from``): a fixed set
of ``--vmap-tokens`` tokens plus each article's own. The set here is random, so their tokens may differ from the
unrestricted model's; its size, 20,000, is an assumption for Persian news, not a measurement (the conversion
prints the real count for a corpus).

    python scripts/benchmark_abstractive.py --repeats 2
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

INPUT_TOKENS = 512
OUTPUT_TOKENS = 32
MT5_SMALL_SHAPE = dict(
    vocab_size=250112, d_model=512, d_kv=64, d_ff=1024, num_layers=8, num_decoder_layers=8, num_heads=6,
    feed_forward_proj="gated-gelu", decoder_start_token_id=0, pad_token_id=0, eos_token_id=1,
)


def build_model(folder: Path) -> None:
    """Save a random mt5-small-shaped checkpoint with a placeholder unigram vocabulary (CTranslate2 needs one)."""
    import torch
    from transformers import MT5Config, MT5ForConditionalGeneration, T5Tokenizer

    torch.manual_seed(0)
    model = MT5ForConditionalGeneration(MT5Config(**MT5_SMALL_SHAPE))
    # mt5-small's output layer is its own, not the input embeddings, but transformers 5 ties a fresh MT5's two
    # (whatever the config says). Tied, the random model decoded the pad token over and over, which any backend
    # "matches"; untied, as published, it decodes varied tokens (`check_reference` prints how many).
    model.lm_head.weight = torch.nn.Parameter(torch.randn_like(model.shared.weight))
    model.config.tie_word_embeddings = False
    model.save_pretrained(folder)
    scores = [("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0)]
    scores += [(piece, -1.0 - i / 1000) for i, piece in enumerate(placeholder_pieces())]
    T5Tokenizer(vocab=scores, extra_ids=0).save_pretrained(folder)


def placeholder_pieces() -> list[str]:
    return [f"▁w{i}" for i in range(3, MT5_SMALL_SHAPE["vocab_size"])]


def article_ids(count: int, seed: int = 0) -> list[list[int]]:
    import numpy

    generator = numpy.random.default_rng(seed)
    return [[*generator.integers(3, MT5_SMALL_SHAPE["vocab_size"], INPUT_TOKENS - 1).tolist(), 1] for _ in range(count)]


class TransformersRunner:
    name, compute_type, use_vmap = "transformers", "float32", False

    def __init__(self, folder: Path):
        import torch
        from transformers import AutoModelForSeq2SeqLM

        self.torch = torch
        self.model = AutoModelForSeq2SeqLM.from_pretrained(folder, dtype=torch.float32).eval()

    def __call__(self, batch: list[list[int]], beams: int) -> list[list[int]]:
        with self.torch.inference_mode():
            output = self.model.generate(
                input_ids=self.torch.tensor(batch), attention_mask=self.torch.ones(len(batch), INPUT_TOKENS, dtype=int),
                num_beams=beams, do_sample=False, max_new_tokens=OUTPUT_TOKENS,
            )  # min_new_tokens would force the length too, but costs transformers 5.24 seconds per call here
        return [row[1:] for row in output.tolist()]


    def encode(self, batch: list[list[int]]) -> None:
        with self.torch.inference_mode():
            self.model.get_encoder()(
                input_ids=self.torch.tensor(batch), attention_mask=self.torch.ones(len(batch), INPUT_TOKENS, dtype=int)
            )

    def output_layer(self, batch_size: int) -> None:
        """One decoding step's product with the float32 output layer (250112 x 512, 512 MB), nothing else."""
        with self.torch.inference_mode():
            self.model.lm_head(self.torch.randn(batch_size, 1, MT5_SMALL_SHAPE["d_model"]))


class CTranslate2Runner:
    def __init__(self, folder: Path, compute_type: str, use_vmap: bool = False):
        import ctranslate2
        from transformers import AutoTokenizer

        self.name = "ctranslate2 + vmap" if use_vmap else "ctranslate2"
        self.compute_type, self.use_vmap = compute_type, use_vmap
        self.tokenizer = AutoTokenizer.from_pretrained(folder)
        self.translator = ctranslate2.Translator(
            str(folder), device="cpu", compute_type=compute_type, intra_threads=len(os.sched_getaffinity(0))
        )

    def __call__(self, batch: list[list[int]], beams: int) -> list[list[int]]:
        results = self.translator.translate_batch(
            [self.tokenizer.convert_ids_to_tokens(ids) for ids in batch], beam_size=beams,
            max_decoding_length=OUTPUT_TOKENS, min_decoding_length=OUTPUT_TOKENS, max_input_length=INPUT_TOKENS,
            use_vmap=self.use_vmap,
        )
        return [self.tokenizer.convert_tokens_to_ids(result.hypotheses[0]) for result in results]

    def encode(self, batch: list[list[int]]) -> None:
        """The encoder pass and a single decoding step (CTranslate2 has no encoder-only call for translators)."""
        self.translator.translate_batch(
            [self.tokenizer.convert_ids_to_tokens(ids) for ids in batch], beam_size=1, max_decoding_length=1,
            max_input_length=INPUT_TOKENS, use_vmap=self.use_vmap,
        )


def check_reference(runner: "TransformersRunner", batch_size: int) -> str:
    """Whether float32 greedy tokens are a fair reference: float64 transformers must pick the same ones (where they
    differ, rounding decides and no backend could be asked to match)."""
    batch = article_ids(batch_size)
    float32 = runner(batch, 1)
    runner.model.double()
    try:
        float64 = runner(batch, 1)
    finally:
        runner.model.float()
    same = sum(a == b for a, b in zip(float32, float64))
    distinct = len({token for ids in float32 for token in ids})
    return (f"float64 transformers emits float32's greedy tokens on {same}/{batch_size} articles "
            f"({distinct} distinct tokens)")


def measure_call(call, repeats: int) -> float:
    walls = []
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        walls.append(time.perf_counter() - started)
    return statistics.median(walls)


def measure(runner, beams: int, batch_size: int, repeats: int) -> tuple[float, float, list[list[int]]]:
    """Median wall and CPU seconds per ``generate`` call on ``batch_size`` articles, and the last call's tokens.

    CPU seconds (all threads of this process) show the work done even when other processes share the cores.
    """
    batch = article_ids(batch_size)
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        output = runner(batch, beams)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    assert all(len(ids) == OUTPUT_TOKENS for ids in output), "every backend must emit exactly the forced tokens"
    return statistics.median(walls), statistics.median(cpus), output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=2, help="timed calls per setting (after one warm-up)")
    parser.add_argument("--batch-sizes", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--beams", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--compute-types", nargs="+", default=["float32", "int8"], help="CTranslate2 compute types")
    parser.add_argument("--vmap-tokens", type=int, default=20_000,
                        help="always-allowed tokens of the vmap rows (0: none)")
    args = parser.parse_args(argv)

    from kholase.abstractive.convert import convert, write_vocabulary_map

    with tempfile.TemporaryDirectory(prefix="kholase-bench-") as scratch:
        started = time.perf_counter()
        model_dir, ct2_dir = Path(scratch) / "mt5-small-random", Path(scratch) / "mt5-small-random-ct2"
        build_model(model_dir)
        convert(str(model_dir), ct2_dir)
        if args.vmap_tokens:
            write_vocabulary_map(ct2_dir, set(random.Random(0).sample(placeholder_pieces(), args.vmap_tokens)))
        print(f"built and converted the model in {time.perf_counter() - started:.0f} s; "
              f"{len(os.sched_getaffinity(0))} CPU cores; {INPUT_TOKENS} input tokens, {OUTPUT_TOKENS} output tokens")
        runners = [TransformersRunner(model_dir), *(CTranslate2Runner(ct2_dir, kind) for kind in args.compute_types)]
        if args.vmap_tokens:
            runners += [CTranslate2Runner(ct2_dir, kind, use_vmap=True) for kind in args.compute_types]
        for runner in runners:
            runner(article_ids(1), 1)  # warm-up
        print(check_reference(runners[0], max(args.batch_sizes)))
        print("| backend | compute | beams | batch | p50 latency (s) | CPU s per call | articles/s | speed-up | "
              "same tokens as transformers |")
        print("|---|---|---|---|---|---|---|---|---|")
        # Backends take turns on each setting, so that load from other processes hits them alike.
        for beams in args.beams:
            for batch_size in args.batch_sizes:
                results = [measure(runner, beams, batch_size, args.repeats) for runner in runners]
                reference_seconds, _, reference = results[0]
                for runner, (seconds, cpu_seconds, output) in zip(runners, results):
                    same = sum(a == b for a, b in zip(output, reference, strict=True))
                    print(f"| {runner.name} | {runner.compute_type} | {beams} | {batch_size} | {seconds:.2f} | "
                          f"{cpu_seconds:.2f} | {batch_size / seconds:.2f} | {reference_seconds / seconds:.1f}x | "
                          f"{same}/{batch_size} |", flush=True)
        print()
        print("| backend | compute | batch | encoder only, p50 (s) | share of its greedy call |")
        print("|---|---|---|---|---|")
        encoder_floor, greedy = {}, {}
        for batch_size in args.batch_sizes:
            for runner in runners:
                if runner.use_vmap:
                    continue  # the map only changes the output layer
                encoder = measure_call(lambda: runner.encode(article_ids(batch_size)), args.repeats)  # noqa: B023
                full = measure_call(lambda: runner(article_ids(batch_size), 1), args.repeats)  # noqa: B023
                print(f"| {runner.name} | {runner.compute_type} | {batch_size} | {encoder:.2f} | "
                      f"{encoder / full:.0%} |", flush=True)
                if runner.compute_type == "float32":
                    encoder_floor[batch_size] = min(encoder, encoder_floor.get(batch_size, encoder))
                if runner is runners[0]:  # transformers: the speed-up's reference
                    greedy[batch_size] = full
        print()
        print("| batch | fastest float32 encoder (s) | 32 output-layer products (s) | floor (s) | "
              "transformers greedy (s) | largest float32-exact speed-up |")
        print("|---|---|---|---|---|---|")
        for batch_size in args.batch_sizes:
            layer = runners[0].output_layer
            steps = OUTPUT_TOKENS * measure_call(lambda: layer(batch_size), max(5, args.repeats))  # noqa: B023
            floor = encoder_floor[batch_size] + steps
            print(f"| {batch_size} | {encoder_floor[batch_size]:.2f} | {steps:.2f} | {floor:.2f} | "
                  f"{greedy[batch_size]:.2f} | {greedy[batch_size] / floor:.1f}x |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
