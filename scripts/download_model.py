"""Save a Hugging Face checkpoint into models/ for offline use (run it on a machine that has internet).

    python scripts/download_model.py HooshvareLab/pn-summary-mt5-small            # -> models/pn-summary-mt5-small
    python scripts/download_model.py HooshvareLab/pn-summary-mt5-small --ct2 int8  # also models/...-ct2-int8

``KHOLASE_MODEL=HooshvareLab/pn-summary-mt5-small`` then finds the copy in models/ without the network, as does
``KHOLASE_MODEL=models/pn-summary-mt5-small``. Copy the folder to an offline machine as it is.
"""

import argparse
import sys
from pathlib import Path

MODELS = Path(__file__).resolve().parents[1] / "models"
# Weights, configuration and tokenizer files; not TensorFlow/Flax/ONNX duplicates of the same weights.
WANTED_FILES = ["*.json", "*.safetensors", "pytorch_model*.bin", "*.model", "vocab.txt", "merges.txt", "README.md"]


def download(hub_id: str, output: Path) -> Path:
    from huggingface_hub import snapshot_download

    snapshot_download(hub_id, local_dir=output, allow_patterns=WANTED_FILES)
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("hub_id", help="e.g. HooshvareLab/pn-summary-mt5-small")
    parser.add_argument("--output", type=Path, help="folder to save into (default: models/<name>)")
    parser.add_argument("--ct2", metavar="QUANTIZATION", nargs="?", const="float32",
                        help="also convert for the CTranslate2 backend (float32, int8, ...) into <output>-ct2-<type>")
    args = parser.parse_args(argv)
    output = download(args.hub_id, args.output or MODELS / args.hub_id.split("/")[-1])
    print(output)
    if args.ct2:
        from kholase.abstractive.convert import convert

        quantization = None if args.ct2 == "float32" else args.ct2
        print(convert(str(output), output.with_name(f"{output.name}-ct2-{args.ct2}"), quantization, force=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
