"""Every output the pipeline gives on the 2,400 dev articles, as JSON lines, to diff a refactor's before and after.

    python scripts/snapshot_outputs.py /tmp/before.jsonl                          # at the old commit
    python scripts/snapshot_outputs.py /tmp/after.jsonl --compare /tmp/before.jsonl

Each article is summarized twice: with the default settings, and with three sentences and ten claims (MMR and the
claim ranking beyond the defaults). Rejected articles keep their error message. Timings are left out.
"""

import argparse
import json
import sys
from pathlib import Path

from kholase.summarizer import InputError, Summarizer

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
FILES = ("fars_news_dev.jsonl", "varzesh3_dev.jsonl")
SETTINGS = ({}, {"max_sentences": 3, "max_claims": 10})


def outputs(summarizer: Summarizer, text: str) -> list[dict]:
    results = []
    for options in SETTINGS:
        try:
            results.append(summarizer.summarize(text, "extractive", **options).model_dump(exclude={"timings_ms"}))
        except InputError as error:
            results.append({"error": str(error)})
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", type=Path)
    parser.add_argument("--compare", type=Path, help="an earlier snapshot: print the articles whose outputs differ")
    args = parser.parse_args()
    summarizer = Summarizer().load()
    with open(args.output, "w", encoding="utf-8") as out:
        for name in FILES:
            with open(DATA / name, encoding="utf-8") as handle:
                for line in handle:
                    article = json.loads(line)
                    record = {"id": article["id"], "outputs": outputs(summarizer, article["body"])}
                    out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    if args.compare is None:
        return 0
    before = args.compare.read_text(encoding="utf-8").splitlines()
    after = args.output.read_text(encoding="utf-8").splitlines()
    differing = [json.loads(old)["id"] for old, new in zip(before, after, strict=True) if old != new]
    print(f"{len(after)} articles, {len(differing)} with different outputs", *differing[:50], sep="\n")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
