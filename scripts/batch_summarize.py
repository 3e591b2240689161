"""Summarize a JSONL file of articles: the `kholase batch` job as a script (same options, same resumable output)."""

import sys

from kholase.cli import main

if __name__ == "__main__":
    sys.exit(main(["batch", *sys.argv[1:]]))
