"""Batch throughput on this machine: the local single-process path against Ray with 1..N summarizer actors.

Every article of ../shared/data (body as text) goes through each executor; wall time includes loading the
summarizer (and, for Ray, starting the actor pool), since that is what a batch job pays. Prints a Markdown table.

    python scripts/benchmark_batch.py                 # all 2400 articles, Ray with 1 and 2 workers
    python scripts/benchmark_batch.py --limit 300 --workers 2
"""

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA_FILES = ("fars_news_dev.jsonl", "varzesh3_dev.jsonl")


def write_articles(path: Path, limit: int | None) -> int:
    lines = []
    for name in DATA_FILES:
        with open(SHARED / "data" / name, encoding="utf-8") as handle:
            lines += [json.dumps({"id": row["id"], "text": row["body"]}, ensure_ascii=False)
                      for row in map(json.loads, handle)]
    lines = lines[:limit] if limit else lines
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def timed(run) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="Ray actor pool sizes to try")
    args = parser.parse_args()

    import ray

    from kholase.batch.distributed import run_ray_batch
    from kholase.batch.local import run_batch
    from kholase.config import Settings
    from kholase.summarizer import Summarizer

    folder = Path(tempfile.mkdtemp(prefix="kholase-bench-"))
    source = folder / "in.jsonl"
    count = write_articles(source, args.limit)
    rows = [("local", 1, timed(lambda: run_batch(Summarizer().load(), source, folder / "local.jsonl", progress=False)))]
    ray.init(num_cpus=max(args.workers), include_dashboard=False, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    for workers in args.workers:
        output = folder / f"ray-{workers}.jsonl"
        rows.append(("ray", workers, timed(lambda: run_ray_batch(Settings(), source, output, workers=workers))))  # noqa: B023
        assert output.read_bytes() == (folder / "local.jsonl").read_bytes(), "Ray output differs from local"
    ray.shutdown()

    print(f"{count} articles, {os.cpu_count()} CPUs\n")
    print("| executor | workers | seconds | articles/s |")
    print("|---|---|---|---|")
    for executor, workers, seconds in rows:
        print(f"| {executor} | {workers} | {seconds:.1f} | {count / seconds:.1f} |")


if __name__ == "__main__":
    main()
