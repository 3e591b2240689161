"""The batch job over Ray Data, for archives that outgrow one machine: same records as `kholase.batch.local`, in order.

Workers read the input (each file by one read task, so every line keeps its line number), a pool of summarizer
actors turns lines into records with the local path's own `summarize_record`, and the driver writes them in input
order, flushing line by line. Ids and duplicates are settled in the driver exactly as `run_batch` settles them, so
both executors write the same file, and a rerun skips what is already there.
"""

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import ray
from ray.data.datasource import FileBasedDatasource

from kholase.batch.local import BatchStats, Ledger, completed_ids, id_key, line_id, summarize_record
from kholase.config import Settings
from kholase.engines import AUTO, EngineChoice
from kholase.summarizer import Summarizer

ROWS_PER_BLOCK = 200  # small blocks spread a single file over the whole actor pool
ARTICLES_PER_BATCH = 16
CLAIM = pa.struct([("text", pa.string()), ("speaker", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
                   ("score", pa.float64())])
PARQUET_SCHEMA = pa.schema([
    ("id", pa.string()), ("error", pa.string()), ("headline", pa.string()), ("summary", pa.string()),
    ("key_claims", pa.list_(CLAIM)), ("engine", pa.string()), ("model", pa.string()),
    ("fallback_reason", pa.string()),
])


def is_parquet(path: str | Path) -> bool:
    return str(path).endswith(".parquet")


def _numbered_block(numbers: list[int], lines: list[str]) -> pa.Table:
    return pa.table({"line_number": pa.array(numbers, pa.int64()), "line": pa.array(lines, pa.string())})


class JsonLinesDatasource(FileBasedDatasource):
    """Lines of a JSONL file with their 1-based line numbers; read like `run_batch` reads (blank lines skipped)."""

    def _read_stream(self, f: pa.NativeFile, path: str) -> Iterator[pa.Table]:
        numbers, lines = [], []
        text = io.TextIOWrapper(f, encoding="utf-8-sig", errors="replace", newline="\n")  # as run_batch reads
        for number, line in enumerate(text, start=1):
            if line.strip():
                numbers.append(number)
                lines.append(line)
            if len(lines) == ROWS_PER_BLOCK:
                yield _numbered_block(numbers, lines)
                numbers, lines = [], []
        if lines:
            yield _numbered_block(numbers, lines)


class ParquetRowsDatasource(FileBasedDatasource):
    """Parquet rows as JSON lines numbered by row, so Parquet and JSONL archives go through one code path."""

    def _open_input_source(self, filesystem, path: str, **open_args) -> pa.NativeFile:
        return filesystem.open_input_file(path)  # Parquet needs random access to its footer

    def _read_stream(self, f: pa.NativeFile, path: str) -> Iterator[pa.Table]:
        number = 0
        for batch in pq.ParquetFile(f).iter_batches(batch_size=ROWS_PER_BLOCK):
            rows = batch.to_pylist()
            numbers = list(range(number + 1, number + len(rows) + 1))
            number += len(rows)
            yield _numbered_block(numbers, [json.dumps(row, ensure_ascii=False, default=str) for row in rows])


class SummarizeLines:
    """A Ray actor: loads the `Summarizer` once, then turns batches of numbered lines into JSON records, each with
    its id's key (`id_key`: ids as given may be strings or integers, which one Arrow column cannot hold).

    Lines whose id is already in the output are not summarized; their `record` is left empty. With `text_ids` (a
    Parquet output, whose id column is text) ids are compared as text.
    """

    def __init__(self, settings: Settings, text_field: str, id_field: str, engine: EngineChoice,
                 finished: frozenset[str], text_ids: bool) -> None:
        self.summarizer = Summarizer(settings).load()
        self.text_field, self.id_field, self.engine, self.finished = text_field, id_field, engine, finished
        self.text_ids = text_ids

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, list]:
        keys, records = [], []
        for number, line in zip(batch["line_number"].tolist(), batch["line"].tolist()):
            identifier = line_id(line, number, self.id_field)
            keys.append(id_key(str(identifier) if self.text_ids else identifier))
            if keys[-1] in self.finished:
                records.append("")
                continue
            record = summarize_record(self.summarizer, line, number, self.text_field, self.id_field, self.engine)
            records.append(json.dumps(record, ensure_ascii=False))
        return {"line_number": batch["line_number"], "id": keys, "record": records}


def _finished(output: Path) -> set[str]:
    if not is_parquet(output):
        return completed_ids(output)
    if not output.exists():
        return set()
    return {id_key(identifier) for identifier in pq.read_table(output, columns=["id"]).column("id").to_pylist()}


class _JsonLinesWriter:
    """Appends and flushes each record, so a killed driver leaves every finished record for the rerun."""

    def __init__(self, path: Path) -> None:
        self.handle = open(path, "a", encoding="utf-8")

    def write(self, record: dict) -> None:
        self.handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.handle.flush()

    def close(self) -> None:
        os.fsync(self.handle.fileno())
        self.handle.close()


class _ParquetWriter:
    """Parquet cannot be appended to: old rows and new go to a temporary file that replaces the output at the end."""

    ROWS_PER_GROUP = 10_000

    def __init__(self, path: Path) -> None:
        self.path, self.partial = path, path.with_name(path.name + ".partial")
        self.writer = pq.ParquetWriter(self.partial, PARQUET_SCHEMA)
        if path.exists():
            self.writer.write_table(pq.read_table(path).cast(PARQUET_SCHEMA))
        self.pending: list[dict] = []

    def write(self, record: dict) -> None:
        self.pending.append({**record, "id": str(record["id"])})
        if len(self.pending) == self.ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self.pending:
            self.writer.write_table(pa.Table.from_pylist(self.pending, schema=PARQUET_SCHEMA))
            self.pending = []

    def close(self) -> None:
        self._flush()
        self.writer.close()
        os.replace(self.partial, self.path)


def run_ray_batch(
    settings: Settings,
    input_path: str | Path,
    output_path: str | Path,
    text_field: str = "text",
    id_field: str = "id",
    engine: EngineChoice = AUTO,
    address: str | None = None,
    workers: int | None = None,
) -> BatchStats:
    """Summarize a JSONL or Parquet archive on Ray (`address`, or a local Ray) with `workers` summarizer actors.

    The output (JSONL, or Parquet by extension) holds the same records, in the same order, as `run_batch` writes.
    """
    output_path = Path(output_path)
    if not ray.is_initialized():
        ray.init(address=address)
    ray.data.DataContext.get_current().execution_options.preserve_order = True
    workers = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    finished_before = _finished(output_path)
    source = (ParquetRowsDatasource if is_parquet(input_path) else JsonLinesDatasource)(str(input_path))
    # Reading lines is light: read tasks take no CPU, so a pool that fills the cluster cannot starve them.
    records = ray.data.read_datasource(source, num_cpus=0).map_batches(
        SummarizeLines,
        fn_constructor_args=(settings, text_field, id_field, engine, frozenset(finished_before),
                             is_parquet(output_path)),
        batch_size=ARTICLES_PER_BATCH,
        compute=ray.data.ActorPoolStrategy(size=workers),
        num_cpus=1,
    )
    output_path.parent.mkdir(parents=True, exist_ok=True)
    writer = (_ParquetWriter if is_parquet(output_path) else _JsonLinesWriter)(output_path)
    ledger = Ledger(finished_before)
    try:
        for row in records.iter_rows():
            placement = ledger.place(json.loads(row["id"]), row["line_number"])
            if not placement.skip:
                record = placement.record or json.loads(row["record"])
                ledger.count(record)
                writer.write(record)
    except KeyboardInterrupt:
        ledger.stats.interrupted = True
    finally:
        writer.close()
    return ledger.stats
