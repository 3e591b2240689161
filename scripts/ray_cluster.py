"""A real two-node Ray cluster on this machine, and `kholase batch` against it as a user runs it.

The cluster is a head and one joined node, one CPU each, with token authentication on (as Ray now starts clusters),
on free ports given as 127.0.0.1; every process is stopped by its PID at the end. Run as a script it prints the
timings of docs/docker.md: the local executor, Ray direct (`HOST:PORT`) and Ray Client (`ray://HOST:PORT`) on the
same articles, the outputs compared byte for byte, and a rerun with nothing left to do.

    python scripts/ray_cluster.py --limit 120

tests/test_ray_cluster.py imports `two_node_cluster` and `kholase_batch` from here.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import psutil

HOST = "127.0.0.1"
SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA_FILES = ("fars_news_dev.jsonl", "varzesh3_dev.jsonl")
NODES = 2


@dataclass(frozen=True)
class Cluster:
    gcs_address: str  # what a direct driver connects to
    client_address: str  # ray://… for Ray Client
    driver_env: dict[str, str]  # the environment of a driver that holds the cluster's token


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _node_ports() -> list[str]:
    """Every port a node would otherwise take from a fixed default, chosen free, so two nodes share one machine."""
    return ["--node-manager-port", str(free_port()), "--object-manager-port", str(free_port()),
            "--dashboard-agent-listen-port", str(free_port()), "--dashboard-agent-grpc-port", str(free_port()),
            "--metrics-export-port", str(free_port()), "--runtime-env-agent-port", str(free_port())]


def _ray(*args: str) -> list[str]:
    return [str(Path(sys.executable).with_name("ray")), *args]


def _active_nodes(gcs_address: str, env: dict[str, str]) -> int:
    status = subprocess.run(_ray("status", "--address", gcs_address), env=env, capture_output=True, text=True)
    active = status.stdout.split("Active:", 1)[-1].split("Pending:", 1)[0]
    return sum(line.strip().startswith("1 node_") for line in active.splitlines()) if status.returncode == 0 else 0


def _stop(nodes: list[subprocess.Popen]) -> None:
    """SIGTERM to every `ray start --block` at once (each stops its node's processes), SIGKILL to any that hangs;
    then SIGKILL to any process a node started that outlived it (the agents rename themselves, «ray::DashboardAgent»,
    and are reparented when their raylet ends, so they are known by PID from before the stop)."""
    started = [child for process in nodes if process.poll() is None
               for child in _descendants(process.pid)]
    for process in nodes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 60
    for process in nodes:
        try:
            process.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    for child in started:
        try:
            child.kill()
        except psutil.NoSuchProcess:
            pass


def _descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def _stop_leftovers(temp_dir: str) -> None:
    """Any process of this cluster still alive after its node stopped (found by the cluster's own temp dir)."""
    for process in psutil.process_iter(["pid", "cmdline"]):
        if any(temp_dir in part for part in process.info["cmdline"] or []):
            try:
                psutil.Process(process.info["pid"]).kill()
            except psutil.NoSuchProcess:
                pass


@contextmanager
def two_node_cluster(log_dir: Path, timeout_s: float = 120) -> Iterator[Cluster]:
    """A head and one joined node, ready; stopped, every process by its PID, when the block ends."""
    # A stopped node first drains its work for up to 30 s; at the end of a run there is none left to wait for.
    env = {**os.environ, "RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": secrets.token_hex(16),
           "RAY_USAGE_STATS_ENABLED": "0", "RAY_GRACEFUL_SHUTDOWN_DRAIN_TIMEOUT_S": "5"}
    temp_dir = tempfile.mkdtemp(prefix="kray-", dir="/tmp")  # Ray's socket paths must stay short
    gcs_address = f"{HOST}:{free_port()}"
    client_port = free_port()
    nodes: list[subprocess.Popen] = []
    with ExitStack() as stack:
        stack.callback(shutil.rmtree, temp_dir, True)
        stack.callback(_stop_leftovers, temp_dir)
        stack.callback(_stop, nodes)
        head_log = stack.enter_context(open(log_dir / "ray-head.log", "w"))
        head = subprocess.Popen(_ray("start", "--head", "--block", "--node-ip-address", HOST, "--port",
                                     gcs_address.rpartition(":")[2], "--ray-client-server-port", str(client_port),
                                     "--num-cpus", "1", "--include-dashboard", "false", "--temp-dir", temp_dir,
                                     *_node_ports()),
                                env=env, stdout=head_log, stderr=subprocess.STDOUT)
        nodes.append(head)
        _wait(lambda: _active_nodes(gcs_address, env) == 1, head, log_dir / "ray-head.log", timeout_s)
        node_log = stack.enter_context(open(log_dir / "ray-node.log", "w"))
        node = subprocess.Popen(_ray("start", "--block", "--address", gcs_address, "--node-ip-address", HOST,
                                     "--num-cpus", "1", *_node_ports()),
                                env=env, stdout=node_log, stderr=subprocess.STDOUT)
        nodes.append(node)
        _wait(lambda: _active_nodes(gcs_address, env) == NODES, node, log_dir / "ray-node.log", timeout_s)
        yield Cluster(gcs_address, f"ray://{HOST}:{client_port}", env)


def _wait(ready, process: subprocess.Popen, log: Path, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while not ready():
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"a Ray node did not start; {log} ends:\n{log.read_text()[-3000:]}")
        time.sleep(1)


def kholase_batch(source: Path, output: Path, *options: str, env: dict[str, str] | None = None,
                  timeout_s: float = 600) -> subprocess.CompletedProcess:
    """`kholase batch` in a child process, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "kholase.cli", "batch", str(source), str(output), *options],
                          env=env, capture_output=True, text=True, timeout=timeout_s)


def write_articles(path: Path, limit: int) -> None:
    lines = []
    for name in DATA_FILES:
        with open(SHARED / "data" / name, encoding="utf-8") as handle:
            lines += [json.dumps({"id": row["id"], "text": row["body"]}, ensure_ascii=False)
                      for row in map(json.loads, handle)][:limit // len(DATA_FILES)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=120, help="articles, half from each file of ../shared/data")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        source = work / "in.jsonl"
        write_articles(source, args.limit)
        print(f"| run ({args.limit} articles) | wall (s) | output |\n|---|---|---|", flush=True)

        def timed(label: str, output: Path, *options: str, env: dict[str, str] | None = None) -> None:
            started = time.monotonic()
            run = kholase_batch(source, output, *options, env=env)
            seconds = time.monotonic() - started
            if run.returncode != 0:
                raise RuntimeError(f"{label} failed:\n{run.stderr[-3000:]}")
            same = output.read_bytes() == (work / "local.jsonl").read_bytes()
            print(f"| {label} | {seconds:.1f} | {'byte-equal to local' if same else 'DIFFERS from local'} |",
                  flush=True)

        timed("local executor, 1 job", work / "local.jsonl")
        with two_node_cluster(work) as cluster:
            timed("Ray direct (`HOST:PORT`), 2 nodes × 1 actor", work / "direct.jsonl", "--executor", "ray",
                  "--address", cluster.gcs_address, env=cluster.driver_env)
            timed("Ray Client (`ray://HOST:PORT`), 2 nodes × 1 actor", work / "client.jsonl", "--executor", "ray",
                  "--address", cluster.client_address, env=cluster.driver_env)
            timed("rerun with nothing left to do (Ray direct)", work / "direct.jsonl", "--executor", "ray",
                  "--address", cluster.gcs_address, env=cluster.driver_env)
        from kholase.batch.distributed import run_ray_batch  # imported here: the timing below leaves out imports
        from kholase.config import Settings

        started = time.monotonic()
        run_ray_batch(Settings(), source, work / "direct.jsonl", address=cluster.gcs_address)
        print(f"| the same rerun, `run_ray_batch` alone (no imports) | {time.monotonic() - started:.2f} | unchanged |")


if __name__ == "__main__":
    main()
