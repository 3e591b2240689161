"""Resumable JSONL batch summarization: one output line per input line, errors included, nothing lost on a rerun.

Output is appended and flushed line by line, so a run that dies leaves every finished record on disk; a rerun
skips the ids already in the output (and drops a half-written last line) and carries on. With `jobs` above one,
worker processes (each with its own `Summarizer`) summarize chunks of lines while this process reads, settles ids
and writes, in input order: the output is byte for byte that of one job.
"""

import json
import logging
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from tqdm import tqdm

from kholase.batch.ledger import (
    BatchStats,
    Ledger,
    Placement,
    completed_ids,
    line_id,
    numbered_lines,
    parse_line,
    record_id,
)
from kholase.config import Settings
from kholase.engines import AUTO, EngineChoice, EngineUnavailable
from kholase.summarizer import InputError, Summarizer

logger = logging.getLogger(__name__)
LINES_PER_CHUNK = 16  # ~0.1 s of work: enough to make a worker's round trip cheap, few enough to keep order flowing


def summarize_record(
    summarizer: Summarizer,
    line: str,
    line_number: int,
    text_field: str = "text",
    id_field: str = "id",
    engine: EngineChoice = AUTO,
) -> dict:
    """One input line to one output record; any problem with the record becomes its `error`, never an exception."""
    record, unreadable = parse_line(line, line_number)
    identifier = record_id(record, line_number, id_field)
    if unreadable:
        return {"id": identifier, "error": unreadable}
    if not isinstance(record, dict):
        return {"id": identifier, "error": f"line {line_number} is not a JSON object"}
    text = record.get(text_field)
    if not isinstance(text, str):
        return {"id": identifier, "error": f"field {text_field!r} is missing or not a string"}
    try:
        result = summarizer.summarize(text, engine=engine)
    except (InputError, EngineUnavailable) as error:
        return {"id": identifier, "error": str(error)}
    except Exception as error:  # a fault of ours costs this record, never the run
        logger.exception("the record on line %d failed", line_number)
        return {"id": identifier, "error": f"internal error: {type(error).__name__}: {error}"}
    return {"id": identifier, **result.model_dump(exclude={"timings_ms"})}


def _count_lines(path: Path) -> int:
    with open(path, "rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))


class _StopFlag:
    """Turns SIGTERM/SIGINT into 'finish the current record, then stop', so no record is half-done."""

    def __init__(self) -> None:
        self.raised = False
        self._previous: dict[int, object] = {}

    def __enter__(self) -> "_StopFlag":
        for signum in (signal.SIGTERM, signal.SIGINT):
            try:
                self._previous[signum] = signal.signal(signum, self._handle)
            except ValueError:  # not the main thread: signals stay as they are
                pass
        return self

    def _handle(self, signum, frame) -> None:
        self.raised = True

    def __exit__(self, *exc) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)


def run_batch(
    summarizer: Summarizer,
    input_path: str | Path,
    output_path: str | Path,
    text_field: str = "text",
    id_field: str = "id",
    engine: EngineChoice = AUTO,
    progress: bool = True,
    jobs: int = 1,
) -> BatchStats:
    """Summarize every line of `input_path` into `output_path`, continuing an earlier run. With `jobs` > 1 the
    summarizer's settings start that many worker processes and `summarizer` itself is never called."""
    input_path, output_path = Path(input_path), Path(output_path)
    ledger = Ledger(completed_ids(output_path))
    output_path.parent.mkdir(parents=True, exist_ok=True)
    bar = tqdm(total=_count_lines(input_path), unit="article", disable=not progress, dynamic_ncols=True)
    with _StopFlag() as stop, open(output_path, "a", encoding="utf-8") as output:
        placed = _placed_lines(input_path, ledger, id_field, stop, bar)
        if jobs > 1:
            records = _summarized_in_workers(placed, summarizer.settings, jobs, text_field, id_field, engine, stop)
        else:
            records = (placement.record or summarize_record(summarizer, line, number, text_field, id_field, engine)
                       for number, line, placement in placed)
        for record in records:
            ledger.count(record)
            output.write(json.dumps(record, ensure_ascii=False) + "\n")
            output.flush()
            bar.update(1)
        ledger.stats.interrupted = stop.raised
        os.fsync(output.fileno())
    bar.close()
    return ledger.stats


def _placed_lines(path: Path, ledger: Ledger, id_field: str, stop: "_StopFlag",
                  bar: tqdm) -> Iterator[tuple[int, str, Placement]]:
    """Each line still to write, with its placement, until the input ends or a stop is asked for."""
    for line_number, line in numbered_lines(path):
        if stop.raised:
            return
        placement = ledger.place(line_id(line, line_number, id_field), line_number)
        if placement.skip:
            bar.update(1)
        else:
            yield line_number, line, placement


def _summarized_in_workers(placed: Iterator[tuple[int, str, Placement]], settings: Settings, jobs: int,
                           text_field: str, id_field: str, engine: EngineChoice, stop: "_StopFlag") -> Iterator[dict]:
    """The records of `placed`, in order, summarized `LINES_PER_CHUNK` at a time by `jobs` worker processes; at most
    two chunks per worker are in flight, so memory stays flat whatever the input's size."""
    context = multiprocessing.get_context("spawn")  # no fork of a process that may hold model threads
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(settings,)) as pool:
        in_flight: deque[Future] = deque()
        chunk: list[tuple[int, str]] = []

        def send_chunk() -> None:
            in_flight.append(pool.submit(_summarize_chunk, list(chunk), text_field, id_field, engine))
            chunk.clear()

        for line_number, line, placement in placed:
            if placement.record is None:
                chunk.append((line_number, line))
                if len(chunk) == LINES_PER_CHUNK:
                    send_chunk()
            else:  # settled here: queued behind the chunks before it, so the output keeps input order
                if chunk:
                    send_chunk()
                settled: Future = Future()
                settled.set_result([placement.record])
                in_flight.append(settled)
            while len(in_flight) > 2 * jobs:
                yield from in_flight.popleft().result()
        if chunk and not stop.raised:
            send_chunk()
        while in_flight and not stop.raised:
            yield from in_flight.popleft().result()
        pool.shutdown(cancel_futures=True)


_worker_summarizer: Summarizer | None = None


def _start_worker(settings: Settings) -> None:
    """Each worker loads its own summarizer once; Ctrl-C and SIGTERM are the parent's to handle."""
    global _worker_summarizer
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _worker_summarizer = Summarizer(settings).load()


def _summarize_chunk(chunk: list[tuple[int, str]], text_field: str, id_field: str, engine: EngineChoice) -> list[dict]:
    return [summarize_record(_worker_summarizer, line, number, text_field, id_field, engine) for number, line in chunk]
