"""Convert a Hugging Face seq2seq checkpoint (e.g. an mT5) to CTranslate2 for the fast CPU path.

The tokenizer files and the checkpoint's declared input prefix and decoding settings
(``kholase.abstractive.contract``) are kept next to the converted weights, so the output folder is all that
``KHOLASE_BACKEND=ctranslate2 KHOLASE_MODEL=<folder>`` needs. ``--quantization`` fixes the stored type; at load time
``KHOLASE_CT2_COMPUTE_TYPE`` (float32, int8, int8_float32, bfloat16 on GPU) may still convert on the fly.

``--vocabulary-from`` restricts what the decoder may write to the tokens of a corpus (plus, for each article, its
own tokens, so that rare names can still be copied). mT5 scores all 250,112 tokens of its 101-language vocabulary
at every step, and on CPU that projection is most of the decoding time; Persian news needs a small share of it.
Output then equals the unrestricted model's whenever the unrestricted model would have picked a token in the set.

    python -m kholase.abstractive.convert models/pn-summary-mt5-small models/pn-summary-mt5-small-ct2 \\
        --quantization int8 \\
        --vocabulary-from ../shared/data/fars_news_dev.jsonl ../shared/data/varzesh3_dev.jsonl
"""

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from kholase.abstractive.contract import HalfSpace, write_contract

TOKENIZER_FILES = (
    "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "added_tokens.json", "spiece.model",
    "vocab.txt",
)
VOCABULARY_MAP = "vmap.txt"  # the name CTranslate2 loads from a model folder


def convert(model: str, output: Path, quantization: str | None = None, force: bool = False) -> Path:
    """Write the CTranslate2 model for ``model`` (a folder or hub id) into ``output`` and return it."""
    from ctranslate2.converters import TransformersConverter
    from transformers import AutoTokenizer

    class Converter(TransformersConverter):
        def load_model(self, model_class, model_name_or_path, **kwargs):
            """CTranslate2 scales a T5's logits by d_model**-0.5 when ``tie_word_embeddings`` is set, but
            transformers 5 sets it on every T5 and mT5 config and scales only a T5 whose ``scale_decoder_outputs``
            says so (never an mT5). Left alone, every converted mT5's logits shrink ~22×: the same greedy tokens,
            but other beams, sampling and scores than transformers'."""
            loaded = super().load_model(model_class, model_name_or_path, **kwargs)
            if loaded.config.model_type in ("t5", "mt5"):
                loaded.config.tie_word_embeddings = getattr(loaded.config, "scale_decoder_outputs", False)
            return loaded

    converter = Converter(model, low_cpu_mem_usage=True)
    converter.convert(str(output), quantization=quantization, force=force)
    AutoTokenizer.from_pretrained(model).save_pretrained(output)
    source = Path(model) if Path(model).is_dir() else _downloaded(model)
    for name in TOKENIZER_FILES:
        if (source / name).is_file() and not (output / name).exists():
            (output / name).write_bytes((source / name).read_bytes())
    write_contract(source, output)
    return output


def _downloaded(hub_id: str) -> Path:
    from huggingface_hub import snapshot_download

    return Path(snapshot_download(hub_id, allow_patterns=["*.json"]))


def corpus_tokens(folder: Path, texts: Iterable[str]) -> set[str]:
    """The tokens the model's tokenizer makes of ``texts`` written as the model reads them, with its special
    tokens."""
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(folder)
    half_space = HalfSpace(tokenizer)
    tokens = set(tokenizer.all_special_tokens)
    for text in texts:
        tokens.update(tokenizer.tokenize(half_space.encode(text)))
    return tokens


def write_vocabulary_map(folder: Path, always: set[str]) -> int:
    """Write ``vmap.txt`` into a converted folder: tokens in ``always`` are always candidates, any other token only
    when the article itself contains it. Returns the number of always-candidate tokens."""
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(folder)
    vocabulary = tokenizer.convert_ids_to_tokens(list(range(len(tokenizer))))
    with open(folder / VOCABULARY_MAP, "w", encoding="utf-8") as handle:
        handle.write("\t" + " ".join(sorted(always)) + "\n")
        handle.writelines(f"{token}\t{token}\n" for token in vocabulary if token not in always)
    return len(always)


def corpus_texts(paths: Iterable[Path]) -> Iterator[str]:
    """Every string field of JSONL files; every line of other files."""
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if path.suffix == ".jsonl" and line.strip():
                    yield from (value for value in json.loads(line).values() if isinstance(value, str))
                else:
                    yield line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model", help="a Hugging Face folder or hub id")
    parser.add_argument("output", type=Path, help="folder to write the CTranslate2 model into")
    parser.add_argument("--quantization", choices=["int8", "int8_float32", "int8_float16", "float16", "bfloat16"])
    parser.add_argument("--vocabulary-from", type=Path, nargs="+", metavar="CORPUS",
                        help="JSONL or text files whose tokens the decoder may always write (see above)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing output folder")
    args = parser.parse_args(argv)
    output = convert(args.model, args.output, args.quantization, args.force)
    if args.vocabulary_from:
        always = corpus_tokens(output, corpus_texts(args.vocabulary_from))
        print(f"{write_vocabulary_map(output, always)} tokens always allowed")
    print(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
