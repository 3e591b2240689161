"""What the tests share: the real articles in ../shared, free ports, and the servers they start.

httpx (the dev extra) is imported where a server is talked to, so that a base install still collects the tests.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
DONATIONS = SHARED / "examples" / "donations_zanjan.txt"
HOST = "127.0.0.1"  # never anywhere else


def load_articles(name: str, limit: int | None = None) -> list[dict]:
    with open(DATA / f"{name}.jsonl", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    return rows[:limit] if limit else rows


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def kholase(*args: str, **popen) -> subprocess.Popen:
    """The `kholase` command line in a child process, as a user runs it."""
    return subprocess.Popen([sys.executable, "-m", "kholase.cli", *args], cwd=ROOT, **popen)


def wait_until_ready(client: httpx.Client, timeout_s: float = 90, process: subprocess.Popen | None = None,
                     log: Path | None = None) -> httpx.Response:
    """GET /readyz until it answers 200; fails with the server's log if its process ends first."""
    import httpx

    deadline = time.monotonic() + timeout_s
    while True:
        assert process is None or process.poll() is None, log.read_text() if log else "the server exited"
        try:
            answer = client.get("/readyz")
            if answer.status_code == 200:
                return answer
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, "the server did not become ready"
        time.sleep(0.1)


@contextmanager
def served(*args: str, log: Path, env: dict[str, str] | None = None) -> Iterator[tuple[subprocess.Popen, httpx.Client]]:
    """`kholase serve` on a free port in a child process, ready, with a client; stopped at the end."""
    import httpx

    port = free_port()
    with open(log, "w+") as output:
        process = kholase("serve", "--host", HOST, "--port", str(port), *args, stdout=output, stderr=subprocess.STDOUT,
                          env=env)
        client = httpx.Client(base_url=f"http://{HOST}:{port}", timeout=60)
        try:
            wait_until_ready(client, process=process, log=log)
            yield process, client
        finally:
            client.close()
            stop(process)


def stop(process: subprocess.Popen) -> None:
    """SIGTERM, as an operator stops it, so that `--workers` children are stopped too; SIGKILL if it hangs."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def served_in_thread(app) -> Iterator[str]:
    """An app on a free port in a thread of this process, for as long as the block runs; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host=HOST, port=port, log_config=None, access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://{HOST}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
