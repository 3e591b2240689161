"""The batch job over Ray Data, for archives that outgrow one machine: same records as `kholase.batch.local`, in order.

Workers read the input (each file by one read task, so every line keeps its line number), a pool of summarizer
actors turns lines into records with the local path's own `summarize_record`, and the driver writes them in input
order, flushing line by line. Ids and duplicates are settled in the driver exactly as `run_batch` settles them, so
both executors write the same file, and a rerun skips what is already there. A rerun with nothing left to do (the
input readable here, every id already written) returns before connecting to any cluster.
"""

import io
import itertools
import json
import logging
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import grpc
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import ray
from ray.data.datasource import FileBasedDatasource

from kholase.batch.ledger import (
    BatchStats,
    Ledger,
    completed_ids,
    id_key,
    is_parquet,
    line_id,
    nothing_left,
    numbered_lines,
)
from kholase.batch.local import summarize_record
from kholase.config import Settings
from kholase.engines import AUTO, EngineChoice
from kholase.summarizer import Summarizer

logger = logging.getLogger(__name__)

ROWS_PER_BLOCK = 200  # small blocks spread a single file over the whole actor pool
ARTICLES_PER_BATCH = 16
CLAIM = pa.struct([("text", pa.string()), ("speaker", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
                   ("score", pa.float64())])
PARQUET_SCHEMA = pa.schema([
    ("id", pa.string()), ("error", pa.string()), ("headline", pa.string()), ("summary", pa.string()),
    ("key_claims", pa.list_(CLAIM)), ("engine", pa.string()), ("model", pa.string()),
    ("fallback_reason", pa.string()),
])


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
        for numbers, lines in _parquet_line_blocks(f):
            yield _numbered_block(numbers, lines)


def _parquet_line_blocks(source: str | pa.NativeFile) -> Iterator[tuple[list[int], list[str]]]:
    number = 0
    for batch in pq.ParquetFile(source).iter_batches(batch_size=ROWS_PER_BLOCK):
        rows = batch.to_pylist()
        numbers = list(range(number + 1, number + len(rows) + 1))
        number += len(rows)
        yield numbers, [json.dumps(row, ensure_ascii=False, default=str) for row in rows]


def _input_lines(path: Path) -> Iterator[tuple[int, str]]:
    """The input's numbered lines as the read tasks see them, read here."""
    if not is_parquet(path):
        return numbered_lines(path)
    blocks = _parquet_line_blocks(str(path))
    return ((number, line) for numbers, lines in blocks for number, line in zip(numbers, lines))


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


@ray.remote(num_cpus=0)
class _RecordStream:
    """Runs the dataset on the cluster and hands its rows to the driver in input order, a few at a time. Ray Data's
    executor cannot run in a Ray Client driver (`ray://`), so every driver, direct or not, reads rows this way."""

    def __init__(self, input_path: str, settings: Settings, text_field: str, id_field: str, engine: EngineChoice,
                 finished: frozenset[str], text_ids: bool, workers: int) -> None:
        ray.data.DataContext.get_current().execution_options.preserve_order = True
        source = (ParquetRowsDatasource if is_parquet(input_path) else JsonLinesDatasource)(input_path)
        # Reading lines is light: read tasks take no CPU, so a pool that fills the cluster cannot starve them.
        records = ray.data.read_datasource(source, num_cpus=0).map_batches(
            SummarizeLines,
            fn_constructor_args=(settings, text_field, id_field, engine, finished, text_ids),
            batch_size=ARTICLES_PER_BATCH,
            compute=ray.data.ActorPoolStrategy(size=workers),
            num_cpus=1,
        )
        self.rows = iter(records.iter_rows())

    def next_rows(self, count: int) -> list[dict]:
        """Up to `count` rows; none once the input is done."""
        return list(itertools.islice(self.rows, count))


class ClusterUnreachable(ConnectionError):
    """The driver cannot use the Ray cluster at the address given; the message says why and what to do."""


TOKEN_HELP = ("it runs Ray's token authentication: give this driver the cluster's token (RAY_AUTH_MODE=token, and "
              "RAY_AUTH_TOKEN=<token> or RAY_AUTH_TOKEN_PATH=<file>)")


def check_cluster(address: str, timeout_s: float = 10) -> None:
    """Fails at once, saying why, where `ray.init` retries for 20 s (a direct address) or 30 s (`ray://`) and then
    fails without the reason: nothing listening, or a token missing or wrong."""
    client = address.startswith("ray://")
    target = address.removeprefix("ray://")
    host, _, port = target.rpartition(":")
    try:
        socket.create_connection((host, int(port)), timeout=timeout_s).close()
    except (OSError, ValueError) as error:
        raise ClusterUnreachable(f"no Ray cluster answers at {address}: {error}") from error
    if client:
        _check_client_server(address, target, timeout_s)
    else:
        _check_gcs(address, target)


def _check_client_server(address: str, target: str, timeout_s: float) -> None:
    # The channel Ray Client itself opens (with the driver's token when RAY_AUTH_MODE=token), pinged once.
    from ray._private.grpc_utils import init_grpc_channel
    from ray.core.generated import ray_client_pb2, ray_client_pb2_grpc

    channel = init_grpc_channel(target)
    try:
        ray_client_pb2_grpc.RayletDriverStub(channel).ClusterInfo(
            ray_client_pb2.ClusterInfoRequest(type=ray_client_pb2.ClusterInfoType.PING), timeout=timeout_s)
    except grpc.RpcError as error:
        if error.code() == grpc.StatusCode.UNAUTHENTICATED:
            raise ClusterUnreachable(f"the Ray cluster at {address} refused this driver: {TOKEN_HELP}") from None
        raise ClusterUnreachable(f"the Ray Client server at {address} does not answer: {error.details()}") from None
    finally:
        channel.close()


def _check_gcs(address: str, target: str) -> None:
    # The client ray.init connects with; an authentication failure here is immediate.
    from ray._raylet import GcsClient
    from ray.exceptions import AuthenticationError

    try:
        GcsClient(address=target)
    except AuthenticationError:
        raise ClusterUnreachable(f"the Ray cluster at {address} refused this driver: {TOKEN_HELP}") from None


CLIENT_SERVER_ATTEMPTS = 3


def _connect(address: str | None) -> None:
    """`ray.init`, tried again when Ray Client's proxy could not start this driver's own server: that server is a
    fresh process per driver, which now and then dies at start on a loaded head, and the next one is started on
    another port. Nothing has been read or written yet, so trying again is safe."""
    for attempt in range(1, CLIENT_SERVER_ATTEMPTS + 1):
        try:
            ray.init(address=address)
            return
        except ConnectionAbortedError as error:  # Ray Client's "Initialization failure from server"
            if attempt == CLIENT_SERVER_ATTEMPTS:
                raise
            logger.warning("Ray Client could not start this driver's server (attempt %d of %d), trying again: %s",
                           attempt, CLIENT_SERVER_ATTEMPTS, str(error).strip().splitlines()[-1])
            time.sleep(attempt)


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
    Raises `ClusterUnreachable` when the cluster at `address` cannot be used.
    """
    output_path = Path(output_path)
    finished_before = _finished(output_path)
    if Path(input_path).is_file():  # readable here: whether anything is left needs no cluster
        stats = nothing_left(_input_lines(Path(input_path)), finished_before, id_field)
        if stats is not None:
            return stats
    if not ray.is_initialized():
        if address not in (None, "auto", "local"):
            check_cluster(address)
        _connect(address)
    workers = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    # The actor reads from its own working directory: a local path goes to it whole.
    source = str(input_path) if "://" in str(input_path) else str(Path(input_path).absolute())
    stream = _RecordStream.remote(source, settings, text_field, id_field, engine,
                                  frozenset(finished_before), is_parquet(output_path), workers)
    output_path.parent.mkdir(parents=True, exist_ok=True)
    writer = (_ParquetWriter if is_parquet(output_path) else _JsonLinesWriter)(output_path)
    ledger = Ledger(finished_before)
    try:
        fetched = stream.next_rows.remote(ARTICLES_PER_BATCH)
        while rows := ray.get(fetched):
            fetched = stream.next_rows.remote(ARTICLES_PER_BATCH)  # the next rows come while these are written
            for row in rows:
                placement = ledger.place(json.loads(row["id"]), row["line_number"])
                if not placement.skip:
                    record = placement.record or json.loads(row["record"])
                    ledger.count(record)
                    writer.write(record)
    except KeyboardInterrupt:
        ledger.stats.interrupted = True
    finally:
        writer.close()
        ray.kill(stream)  # and with it the actor pool it owns, so that the next run in this process gets the CPUs
    return ledger.stats
