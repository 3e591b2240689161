"""What a batch output already holds, and what each input line becomes in it: the ledger that makes a rerun carry
on where the last run stopped. Local and Ray runs share it, and it imports neither the summarizer nor Ray, so that
a rerun with nothing left to do is answered before either is loaded.
"""

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass
class BatchStats:
    done: int = 0
    failed: int = 0
    skipped: int = 0
    interrupted: bool = False


@dataclass(frozen=True)
class Placement:
    """What an input line becomes in the output: nothing (`skip`: an earlier run wrote it), the given `record` (a
    duplicate id's error), or, with neither, its own summarized record."""

    skip: bool = False
    record: dict | None = None


class Ledger:
    """Settles, in input order, what each input line becomes in the output, and counts the records written. Local and
    Ray runs share it, so both give the same output."""

    def __init__(self, finished_before: set[str]) -> None:
        self.finished_before = finished_before  # keys (`id_key`) of the ids already in the output
        self.seen: set[str] = set()
        self.stats = BatchStats()

    def place(self, identifier: "Identifier", line_number: int) -> Placement:
        duplicate = id_key(identifier) in self.seen
        self.seen.add(id_key(identifier))
        output_id = f"{identifier}@line-{line_number}" if duplicate else identifier
        if id_key(output_id) in self.finished_before:
            self.stats.skipped += 1
            return Placement(skip=True)
        return Placement(record={"id": output_id, "error": f"duplicate id {identifier!r}"} if duplicate else None)

    def count(self, record: dict) -> None:
        if "error" in record:
            self.stats.failed += 1
        else:
            self.stats.done += 1


Identifier = str | int


def id_key(identifier: Identifier) -> str:
    """Ids are compared as given: 7 and "7" are two ids, and stay so in the output."""
    return json.dumps(identifier, ensure_ascii=False)


def record_id(record: object, line_number: int, id_field: str) -> Identifier:
    """The record's own id as given (a string or an integer), or its line number when it has none (so that reruns
    still recognise it)."""
    value = record.get(id_field) if isinstance(record, dict) else None
    if (isinstance(value, str) and value.strip()) or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    return f"line-{line_number}"


def parse_line(line: str, line_number: int) -> tuple[object, str | None]:
    """The line's JSON value, or None and why it cannot be read: whatever a line holds, it costs only its record."""
    try:
        return json.loads(line), None
    except json.JSONDecodeError as error:
        return None, f"line {line_number} is not valid JSON: {error.msg}"
    except RecursionError:
        return None, f"line {line_number} nests too deeply to be read"
    except ValueError as error:  # e.g. an integer of more digits than Python converts
        return None, f"line {line_number} cannot be read: {error}"


def line_id(line: str, line_number: int, id_field: str) -> Identifier:
    return record_id(parse_line(line, line_number)[0], line_number, id_field)


def completed_ids(output: Path) -> set[str]:
    """Keys (`id_key`) of the ids already written. A torn last line from a killed run is cut off, so that the file
    stays valid JSONL; a whole last record that only lacks its newline is kept, and given one."""
    if not output.exists():
        return set()
    keys: set[str] = set()
    valid_bytes, unterminated = 0, False
    with open(output, "rb") as handle:
        for raw_line in handle:
            try:
                keys.add(id_key(json.loads(raw_line)["id"]))
            except (ValueError, KeyError, TypeError, RecursionError):
                break
            valid_bytes += len(raw_line)
            unterminated = not raw_line.endswith(b"\n")
    if valid_bytes != output.stat().st_size or unterminated:
        with open(output, "r+b") as handle:
            handle.truncate(valid_bytes)
            if unterminated:
                handle.seek(valid_bytes)
                handle.write(b"\n")
    return keys


def numbered_lines(path: Path) -> Iterator[tuple[int, str]]:
    # A byte-order mark is no part of line 1, and only "\n" ends a line (Python's text mode would also split at a
    # lone "\r", making two records of one line and numbering lines otherwise than the output's count).
    with open(path, encoding="utf-8-sig", errors="replace", newline="\n") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield number, line


def nothing_left(lines: Iterable[tuple[int, str]], finished_before: set[str],
                 id_field: str = "id") -> BatchStats | None:
    """The stats of a rerun with nothing left to write (every line already in the output, as `Ledger` settles it),
    else None. It stops at the first line still to do, so a run with work ahead pays little for asking."""
    ledger = Ledger(finished_before)
    for line_number, line in lines:
        if not ledger.place(line_id(line, line_number, id_field), line_number).skip:
            return None
    return ledger.stats


def is_parquet(path: str | Path) -> bool:
    return str(path).endswith(".parquet")


def finished_before_starting(input_path: str | Path, output_path: str | Path, id_field: str) -> BatchStats | None:
    """The stats of a rerun of a local JSONL file into JSONL that has nothing left to write, else None: answered
    without loading the summarizer or a cluster. Parquet is left to the Ray executor, which asks the same."""
    input_path, output_path = Path(input_path), Path(output_path)
    if not input_path.is_file() or is_parquet(input_path) or is_parquet(output_path) or not output_path.exists():
        return None
    return nothing_left(numbered_lines(input_path), completed_ids(output_path), id_field)
