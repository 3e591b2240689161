"""ROUGE of the summarizer against the newsrooms' titles and leads: `python scripts/evaluate.py FILE.jsonl ...`."""

import sys

from kholase.eval.rouge import main

if __name__ == "__main__":
    sys.exit(main())
