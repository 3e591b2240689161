"""The Ray executor writes what the local batch writes, record for record, bad records included; it resumes too.

Runs on a local Ray with two CPUs over a fixed subset of ../shared/data (60 articles of each file); the full
2400 articles go through `scripts/benchmark_batch.py`.
"""

import json

import pytest

pytest.importorskip("ray.data", reason="the `distributed` extra (ray[data], pyarrow) is not installed")

import pyarrow as pa
import pyarrow.parquet as pq
import ray

from kholase.batch.distributed import run_ray_batch
from kholase.batch.local import run_batch
from kholase.cli import main
from kholase.config import Settings
from kholase.summarizer import Summarizer

pytestmark = pytest.mark.slow
PER_FILE = 60


@pytest.fixture(scope="module", autouse=True)
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def articles(fars_articles, varzesh3_articles) -> list[dict]:
    return [{"id": row["id"], "text": row["body"]} for row in fars_articles[:PER_FILE] + varzesh3_articles[:PER_FILE]]


@pytest.fixture(scope="module")
def input_file(tmp_path_factory, articles):
    path = tmp_path_factory.mktemp("ray-in") / "in.jsonl"
    lines = [json.dumps(article, ensure_ascii=False) for article in articles]
    lines[10:10] = ["{this is not json", "", json.dumps({"id": "no-text"}), json.dumps({"id": "empty", "text": ""})]
    lines += [json.dumps(["not", "an", "object"]), json.dumps({"text": articles[3]["text"]}, ensure_ascii=False),
              json.dumps({"id": 7, "text": articles[4]["text"]}, ensure_ascii=False),  # 7 and "7" are two ids
              json.dumps({"id": "7", "text": articles[5]["text"]}, ensure_ascii=False),
              json.dumps({"id": articles[0]["id"], "text": "خبر تکراری"}, ensure_ascii=False)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def local_output(tmp_path_factory, input_file):
    path = tmp_path_factory.mktemp("local-out") / "out.jsonl"
    run_batch(Summarizer().load(), input_file, path, progress=False)
    return path


def read(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_ray_output_equals_the_local_run_record_for_record(input_file, local_output, tmp_path):
    stats = run_ray_batch(Settings(), input_file, tmp_path / "ray.jsonl")
    records = read(tmp_path / "ray.jsonl")
    assert records == read(local_output)
    assert (stats.done, stats.failed, stats.skipped) == (2 * PER_FILE + 3, 5, 0)
    assert [record["id"] for record in records if record["id"] in (7, "7")] == [7, "7"]
    errors = {record["id"]: record["error"] for record in records if "error" in record}
    assert "not valid JSON" in errors["line-11"] and errors["empty"] == "text is empty"
    assert f"{records[0]['id']}@line-{len(input_file.read_text().splitlines())}" in errors


def test_a_rerun_through_the_cli_continues_a_killed_run_without_loss(input_file, local_output, tmp_path):
    output = tmp_path / "ray.jsonl"
    finished = local_output.read_text(encoding="utf-8").splitlines(keepends=True)[:25]
    output.write_text("".join(finished) + '{"id": "torn-li', encoding="utf-8")  # a run killed mid-write
    assert main(["batch", str(input_file), str(output), "--executor", "ray"]) == 1  # five bad records
    assert read(output) == read(local_output)


def test_parquet_in_and_out(articles, local_output, tmp_path):
    source = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist([*articles[:20], {"id": "no-text", "text": None}]), source)
    run_ray_batch(Settings(), source, tmp_path / "out.parquet")
    rows = pq.read_table(tmp_path / "out.parquet").to_pylist()
    expected = read(local_output)[:10] + read(local_output)[13:23]  # the same articles, around the bad lines
    assert [_without_nulls(row) for row in rows[:20]] == [_without_nulls(record) for record in expected]
    assert rows[20]["id"] == "no-text" and "'text' is missing" in rows[20]["error"]


def _without_nulls(record: dict) -> dict:
    return {key: value for key, value in record.items() if value is not None}
