"""Resumable JSONL batch summarization: one output line per input line, errors included, nothing lost on a rerun.

Output is appended and flushed line by line, so a run that dies leaves every finished record on disk; a rerun
skips the ids already in the output (and drops a half-written last line) and carries on.
"""

import json
import os
import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from service.schemas import EngineChoice
from service.summarizer import EngineUnavailable, InputError, Summarizer


@dataclass
class BatchStats:
    done: int = 0
    failed: int = 0
    skipped: int = 0
    interrupted: bool = False


class Ledger:
    """Settles, in input order, what each input line becomes in the output: nothing (an earlier run wrote it), a
    duplicate-id error (its id came before), or its own record; and counts the outcomes. Local and Ray runs share it,
    so both give the same output."""

    def __init__(self, finished_before: set[str]) -> None:
        self.finished_before = finished_before
        self.seen: set[str] = set()
        self.stats = BatchStats()

    def place(self, identifier: str, line_number: int, make_record: Callable[[], dict]) -> dict | None:
        duplicate = identifier in self.seen
        self.seen.add(identifier)
        output_id = f"{identifier}@line-{line_number}" if duplicate else identifier
        if output_id in self.finished_before:
            self.stats.skipped += 1
            return None
        record = {"id": output_id, "error": f"duplicate id {identifier!r}"} if duplicate else make_record()
        if "error" in record:
            self.stats.failed += 1
        else:
            self.stats.done += 1
        return record


def record_id(record: object, line_number: int, id_field: str) -> str:
    """The record's own id, or its line number when it has none (so reruns still recognise it)."""
    if isinstance(record, dict) and isinstance(record.get(id_field), (str, int)) and str(record[id_field]).strip():
        return str(record[id_field])
    return f"line-{line_number}"


def summarize_record(
    summarizer: Summarizer,
    line: str,
    line_number: int,
    text_field: str = "text",
    id_field: str = "id",
    engine: EngineChoice = "auto",
) -> dict:
    """One input line to one output record; any problem with the record becomes its `error`, never an exception."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return {"id": f"line-{line_number}", "error": f"line {line_number} is not valid JSON: {error.msg}"}
    identifier = record_id(record, line_number, id_field)
    if not isinstance(record, dict):
        return {"id": identifier, "error": f"line {line_number} is not a JSON object"}
    text = record.get(text_field)
    if not isinstance(text, str):
        return {"id": identifier, "error": f"field {text_field!r} is missing or not a string"}
    try:
        result = summarizer.summarize(text, engine=engine)
    except (InputError, EngineUnavailable) as error:
        return {"id": identifier, "error": str(error)}
    return {"id": identifier, **result.model_dump(exclude={"timings_ms"})}


def completed_ids(output: Path) -> set[str]:
    """Ids already written; a torn last line from a killed run is cut off so the file stays valid JSONL."""
    if not output.exists():
        return set()
    ids: set[str] = set()
    valid_bytes = 0
    with open(output, "rb") as handle:
        for raw_line in handle:
            try:
                ids.add(str(json.loads(raw_line)["id"]))
            except (ValueError, KeyError, TypeError):
                break
            if not raw_line.endswith(b"\n"):
                break
            valid_bytes += len(raw_line)
    if valid_bytes != output.stat().st_size:
        with open(output, "r+b") as handle:
            handle.truncate(valid_bytes)
    return ids


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    with open(path, encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield number, line


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
    engine: EngineChoice = "auto",
    progress: bool = True,
) -> BatchStats:
    input_path, output_path = Path(input_path), Path(output_path)
    ledger = Ledger(completed_ids(output_path))
    output_path.parent.mkdir(parents=True, exist_ok=True)
    bar = tqdm(total=_count_lines(input_path), unit="article", disable=not progress, dynamic_ncols=True)
    with _StopFlag() as stop, open(output_path, "a", encoding="utf-8") as output:
        for line_number, line in _lines(input_path):
            bar.update(1)
            if stop.raised:
                ledger.stats.interrupted = True
                break
            try:
                identifier = record_id(json.loads(line), line_number, id_field)
            except json.JSONDecodeError:
                identifier = f"line-{line_number}"
            record = ledger.place(
                identifier,
                line_number,
                lambda: summarize_record(summarizer, line, line_number, text_field, id_field, engine),
            )
            if record is not None:
                output.write(json.dumps(record, ensure_ascii=False) + "\n")
                output.flush()
        os.fsync(output.fileno())
    bar.close()
    return ledger.stats
