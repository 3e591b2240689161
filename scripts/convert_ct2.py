"""Convert a Hugging Face seq2seq checkpoint (e.g. an mT5) to CTranslate2 for the fast CPU path.

The tokenizer files are copied next to the converted weights, so the output folder is all that
``KHOLASE_BACKEND=ctranslate2 KHOLASE_MODEL=<folder>`` needs. ``--quantization`` fixes the stored type; at load time
``KHOLASE_CT2_COMPUTE_TYPE`` (float32, int8, int8_float32, bfloat16 on GPU) may still convert on the fly.

    python scripts/convert_ct2.py models/pn-summary-mt5-small models/pn-summary-mt5-small-ct2 --quantization int8
"""

import argparse
import sys
from pathlib import Path

TOKENIZER_FILES = (
    "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "spiece.model", "vocab.txt",
    "generation_config.json",
)


def convert(model: str, output: Path, quantization: str | None = None, force: bool = False) -> Path:
    """Write the CTranslate2 model for ``model`` (a folder or hub id) into ``output`` and return it."""
    from ctranslate2.converters import TransformersConverter
    from transformers import AutoTokenizer

    converter = TransformersConverter(model, low_cpu_mem_usage=True)
    converter.convert(str(output), quantization=quantization, force=force)
    AutoTokenizer.from_pretrained(model).save_pretrained(output)
    source = Path(model)
    for name in TOKENIZER_FILES:
        if (source / name).is_file() and not (output / name).exists():
            (output / name).write_bytes((source / name).read_bytes())
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model", help="a Hugging Face folder or hub id")
    parser.add_argument("output", type=Path, help="folder to write the CTranslate2 model into")
    parser.add_argument("--quantization", choices=["int8", "int8_float32", "int8_float16", "float16", "bfloat16"])
    parser.add_argument("--force", action="store_true", help="overwrite an existing output folder")
    args = parser.parse_args(argv)
    print(convert(args.model, args.output, args.quantization, args.force))
    return 0


if __name__ == "__main__":
    sys.exit(main())
