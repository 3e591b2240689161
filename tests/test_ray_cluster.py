"""`kholase batch --executor ray` against a real two-node cluster on this machine (scripts/ray_cluster.py): direct and
Ray Client connections write byte for byte what the local executor writes; a killed driver's rerun writes each
record exactly once; a driver without the cluster's token fails at once, saying so; a rerun with nothing left to do
never connects.
"""

import json
import re
import runpy
import subprocess
import sys
import time

import pytest

pytest.importorskip("ray.data", reason="the `distributed` extra (ray[data,client], pyarrow) is not installed")
pytest.importorskip("grpc", reason="the `distributed` extra's ray[client]")

import ray

from kholase.batch.distributed import run_ray_batch
from kholase.batch.local import run_batch
from kholase.config import Settings
from kholase.summarizer import Summarizer
from tests.support import ROOT

pytestmark = pytest.mark.slow
ray_cluster = runpy.run_path(str(ROOT / "scripts" / "ray_cluster.py"), run_name="ray_cluster")
ARTICLES = 80
NO_CLUSTER = "127.0.0.1:1"  # nothing listens there


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    with ray_cluster["two_node_cluster"](tmp_path_factory.mktemp("ray-cluster")) as running:
        yield running


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("ray-cluster-in") / "in.jsonl"
    ray_cluster["write_articles"](path, ARTICLES)
    with open(path, "a", encoding="utf-8") as handle:  # bad records and a repeated id go through the cluster too
        handle.write('{"id": "bad", "text": ""}\n{broken\n' + path.read_text(encoding="utf-8").splitlines()[0] + "\n")
    return path


@pytest.fixture(scope="module")
def local_bytes(source, tmp_path_factory) -> bytes:
    output = tmp_path_factory.mktemp("ray-cluster-local") / "out.jsonl"
    run_batch(Summarizer().load(), source, output, progress=False)
    return output.read_bytes()


def batch(source, output, address: str, env: dict[str, str] | None) -> subprocess.CompletedProcess:
    return ray_cluster["kholase_batch"](source, output, "--executor", "ray", "--address", address, env=env)


def stats(run: subprocess.CompletedProcess) -> dict:
    """The run's summary on standard error, where Ray's progress bars may write into the middle of its line."""
    return json.loads(re.findall(r'\{"done": \d+, "failed": \d+, "skipped": \d+, "interrupted": \w+\}', run.stderr)[-1])


@pytest.mark.parametrize("mode", ["direct", "client"])
def test_ray_cluster_output_is_byte_equal_to_local(cluster, source, local_bytes, tmp_path, mode):
    address = cluster.gcs_address if mode == "direct" else cluster.client_address
    output = tmp_path / "out.jsonl"
    run = batch(source, output, address, cluster.driver_env)
    assert run.returncode == 1, run.stderr[-3000:]  # the two bad records
    assert output.exists(), run.stderr[-3000:]
    assert output.read_bytes() == local_bytes
    assert stats(run) == {"done": ARTICLES, "failed": 3, "skipped": 0, "interrupted": False}


# Ray Client's proxy starts a server process per driver; on a loaded head one now and then dies at start, and
# `ray.init` raises this. The driver below meets it on its first connection, as `kholase batch` run by a user.
FIRST_SERVER_DIES = """
import sys, ray
from kholase.cli import main
real_init, attempts = ray.init, []
def init(**kwargs):
    attempts.append(kwargs)
    if len(attempts) == 1:
        raise ConnectionAbortedError("Initialization failure from server:\\nRuntimeError: Starting Ray client server "
                                     "failed. See ray_client_server_23000.err for detailed logs.")
    return real_init(**kwargs)
ray.init = init
status = main(sys.argv[1:])
print(f"attempts={len(attempts)}", file=sys.stderr)
sys.exit(status)
"""


def test_ray_cluster_client_driver_tries_again_when_its_server_fails_to_start(cluster, source, local_bytes, tmp_path):
    output = tmp_path / "out.jsonl"
    run = subprocess.run([sys.executable, "-c", FIRST_SERVER_DIES, "batch", str(source), str(output), "--executor",
                          "ray", "--address", cluster.client_address], env=cluster.driver_env, capture_output=True,
                         text=True, timeout=600)
    assert run.returncode == 1, run.stderr[-3000:]  # the two bad records
    assert "attempts=2" in run.stderr and "trying again" in run.stderr, run.stderr[-3000:]
    assert "ray_client_server_23000.err" in run.stderr
    assert output.read_bytes() == local_bytes
    assert stats(run) == {"done": ARTICLES, "failed": 3, "skipped": 0, "interrupted": False}


def test_ray_cluster_rerun_after_a_killed_driver_writes_each_record_once(cluster, source, local_bytes, tmp_path):
    output = tmp_path / "out.jsonl"
    driver = subprocess.Popen([sys.executable, "-m", "kholase.cli", "batch", str(source), str(output), "--executor",
                               "ray", "--address", cluster.gcs_address], env=cluster.driver_env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 180
        while not output.exists() or not output.read_bytes().count(b"\n"):  # killed at its first written batch: the
            # driver writes 16 records a fetch, and the rest can follow within a few milliseconds
            assert driver.poll() is None and time.monotonic() < deadline, "the driver ended before it was killed"
            time.sleep(0.002)
    finally:
        driver.kill()  # SIGKILL: no handler runs, as when a machine dies
        driver.wait()
    written = output.read_bytes().count(b"\n")
    assert written < ARTICLES + 3, "the driver finished before it was killed"
    rerun = batch(source, output, cluster.client_address, cluster.driver_env)
    assert rerun.returncode in (0, 1), rerun.stderr[-3000:]
    assert output.read_bytes() == local_bytes
    assert stats(rerun)["skipped"] >= written - 1  # all but a torn last line


@pytest.mark.parametrize("mode", ["direct", "client"])
def test_ray_cluster_refuses_a_driver_without_its_token_at_once(cluster, source, tmp_path, mode):
    address = cluster.gcs_address if mode == "direct" else cluster.client_address
    env = {key: value for key, value in cluster.driver_env.items() if not key.startswith("RAY_AUTH_")}
    started = time.monotonic()
    run = batch(source, tmp_path / "out.jsonl", address, env)
    seconds = time.monotonic() - started
    assert run.returncode == 2, run.stderr[-3000:]
    assert "RAY_AUTH_MODE=token" in run.stderr and "RAY_AUTH_TOKEN" in run.stderr
    assert seconds < 15, f"{seconds:.0f} s: Ray's own retries take 20-30 s"


def test_ray_cluster_rerun_with_nothing_left_connects_to_no_cluster(source, local_bytes, tmp_path):
    output = tmp_path / "out.jsonl"
    output.write_bytes(local_bytes)
    started = time.monotonic()
    stats = run_ray_batch(Settings(), source, output, address=NO_CLUSTER)
    assert time.monotonic() - started < 1 and not ray.is_initialized()
    assert (stats.done, stats.failed, stats.skipped) == (0, 0, ARTICLES + 3)
    run = batch(source, output, NO_CLUSTER, None)  # the command line, as a user reruns it
    assert run.returncode == 0, run.stderr[-3000:]
    assert output.read_bytes() == local_bytes
