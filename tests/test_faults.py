"""Faults: a broken model at start-up, a model failing mid-request, clients vanishing, SIGTERM mid-work."""

import pytest

pytest.importorskip("httpx", reason="the [dev] extra")
pytest.importorskip("psutil", reason="the [dev] extra")

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import psutil
from fastapi.testclient import TestClient

from kholase.api.app import create_app
from kholase.config import Settings
from tests.support import HOST, ROOT, kholase, load_articles, served, wait_until_ready

# --- the model at start-up -------------------------------------------------------------------------------------------

def corrupt_model(folder: Path) -> Path:
    folder.mkdir()
    (folder / "config.json").write_text('{"model_type": "mt5", "d_model": ')
    (folder / "model.safetensors").write_bytes(os.urandom(256))
    return folder


@pytest.mark.parametrize("broken", [lambda tmp: tmp / "no-such-model", lambda tmp: corrupt_model(tmp / "corrupt")],
                         ids=["missing", "corrupt"])
def test_broken_model_at_start_up_leaves_the_service_up_and_says_why(broken, tmp_path, fars_articles):
    folder = broken(tmp_path)
    with TestClient(create_app(Settings(model=str(folder)))) as client:
        assert client.get("/healthz").status_code == 200
        abstractive = wait_until_ready(client).json()["engines"]["abstractive"]
        assert abstractive["ready"] is False
        assert folder.name in abstractive["reason"]
        answer = client.post("/v1/summarize", json={"text": fars_articles[0]["body"]})
        assert answer.status_code == 200
        assert answer.json()["engine"] == "extractive"
        assert answer.json()["fallback_reason"].startswith("abstractive engine unavailable")
        assert "kholase_model_loaded 0.0" in client.get("/metrics").text


@pytest.mark.slow
def test_model_raising_mid_request_falls_back(tiny_mt5_dir, fars_articles, monkeypatch):
    settings = Settings(model=str(tiny_mt5_dir))
    with TestClient(create_app(settings)) as client:
        wait_until_ready(client)
        backend = client.app.state.summarizer.engines["abstractive"].generators["summary"].backend

        def fail(*args, **kwargs):
            raise RuntimeError("CUDA error: device-side assert triggered")

        monkeypatch.setattr(backend, "generate_ids", fail)
        answer = client.post("/v1/summarize", json={"text": fars_articles[1]["body"], "engine": "abstractive"})
        assert answer.status_code == 200
        assert answer.json()["engine"] == "extractive"
        assert answer.json()["fallback_reason"].startswith("model error")
        metrics = client.get("/metrics").text
        assert 'kholase_fallbacks_total{reason="model error"} 1.0' in metrics
        assert "kholase_model_loaded 1.0" in metrics, "a failed call does not unload the model"


# --- a real server in a subprocess -----------------------------------------------------------------------------------

@pytest.fixture
def server(tmp_path):
    with served(log=tmp_path / "server.log") as (process, client):
        yield process, client, client.base_url.port


@pytest.mark.slow
def test_clients_vanishing_mid_request_do_not_hurt_the_server(server, fars_articles):
    process, client, port = server
    article = json.dumps({"text": fars_articles[2]["body"]}).encode()
    head = (f"POST /v1/summarize HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(article)}\r\n\r\n").encode()
    for payload in (head, head + article[: len(article) // 2], head + article):
        for _ in range(5):
            with socket.create_connection((HOST, port)) as sock:
                sock.sendall(payload)
            # closed at once: before the body ends, or before the answer comes
    answer = client.post("/v1/summarize", content=article, headers={"content-type": "application/json"})
    assert answer.status_code == 200
    assert process.poll() is None
    assert client.get("/healthz").status_code == 200


@pytest.mark.slow
def test_sigterm_lets_the_request_in_flight_finish(server, varzesh3_articles):
    process, client, port = server
    items = [{"id": str(n), "text": row["body"]} for n, row in enumerate(varzesh3_articles[:64])]
    answers = []
    request = threading.Thread(target=lambda: answers.append(client.post("/v1/summarize/batch", json={"items": items})))
    request.start()
    deadline = time.monotonic() + 10
    while "kholase_requests_in_flight 2.0" not in httpx.get(f"http://{HOST}:{port}/metrics").text:
        assert time.monotonic() < deadline, "the batch request never got in flight"
        time.sleep(0.01)
    process.send_signal(signal.SIGTERM)
    request.join(timeout=60)
    assert answers and answers[0].status_code == 200
    assert len(answers[0].json()["items"]) == 64
    # uvicorn shuts down gracefully, then re-raises the signal so that the exit status still says SIGTERM
    assert process.wait(timeout=60) in (0, -signal.SIGTERM)


# --- batch runs ------------------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_sigterm_during_a_batch_run_then_rerun_loses_and_repeats_nothing(tmp_path):
    rows = load_articles("varzesh3_dev", 150)
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": row["id"], "body": row["body"]}, ensure_ascii=False) + "\n"
                              for row in rows), encoding="utf-8")
    output = tmp_path / "out.jsonl"
    command = ("batch", str(source), str(output), "--text-field", "body", "--engine", "extractive")

    log = open(tmp_path / "batch.log", "w")
    first = kholase(*command, stderr=log)
    deadline = time.monotonic() + 90
    while not output.exists() or output.read_text(encoding="utf-8").count("\n") < 10:
        assert first.poll() is None and time.monotonic() < deadline, "the first run ended before it was stopped"
        time.sleep(0.05)
    first.send_signal(signal.SIGTERM)
    assert first.wait(timeout=60) == 130, "the run says it was interrupted"
    written_first = output.read_text(encoding="utf-8").count("\n")
    assert 10 <= written_first < len(rows)

    second = kholase(*command, stderr=log)
    assert second.wait(timeout=180) == 0
    log.close()
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert sorted(record["id"] for record in records) == sorted(row["id"] for row in rows)
    assert all("summary" in record or "error" in record for record in records)


def live_workers(process: subprocess.Popen) -> list[psutil.Process]:
    """The worker processes of `kholase serve --workers` (multiprocessing's resource tracker and zombies left out)."""
    workers = []
    for child in psutil.Process(process.pid).children():
        try:
            if "spawn_main" in " ".join(child.cmdline()):
                workers.append(child)
        except psutil.ZombieProcess:
            pass
    return workers


@pytest.mark.slow
def test_workers_serve_together_and_one_scrape_counts_them_all(tmp_path, fars_articles):
    metrics_dir = tmp_path / "metrics"
    metrics_dir.mkdir()
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir)}
    log = tmp_path / "server.log"
    with served("--workers", "2", log=log, env=env) as (process, client):
        children = live_workers(process)
        assert len(children) == 2
        deadline = time.monotonic() + 60  # each worker listens once its engines are loaded
        while log.read_text().count("Application startup complete") < 2:
            assert time.monotonic() < deadline, "a worker never finished loading"
            time.sleep(0.2)
        for article in fars_articles[:12]:  # a new connection each time, so the kernel spreads them over workers
            answer = httpx.post(f"{client.base_url}/v1/summarize", json={"text": article["body"]}, timeout=60)
            assert answer.status_code == 200
        for _ in range(4):  # whichever worker answers the scrape reports every worker's requests
            text = httpx.get(f"{client.base_url}/metrics").text
            assert 'kholase_requests_total{route="/v1/summarize",status="200"} 12.0' in text
        assert len({path.stem.split("_")[-1] for path in metrics_dir.glob("counter_*.db")}) == 2  # one per worker

        children[0].kill()  # a worker dies: another takes its place, and new connections are answered throughout.
        children[0].wait(timeout=10)  # (connections the kernel had queued on the dying worker's own socket are reset)
        deadline = time.monotonic() + 60
        while len(live_workers(process)) < 2:
            assert time.monotonic() < deadline, "the dead worker was not replaced"
            assert httpx.get(f"{client.base_url}/healthz", timeout=5).status_code == 200
            time.sleep(0.2)
        workers = live_workers(process)
        process.terminate()  # SIGTERM stops every worker, not just the supervisor
        assert process.wait(timeout=60) == 0
        assert not [worker for worker in workers if worker.is_running() and worker.status() != psutil.STATUS_ZOMBIE]


@pytest.mark.slow
def test_trickling_uploads_hold_no_slot_and_get_408(tmp_path, fars_articles):
    """40 connections that send a body's first byte and then wait: real requests are still answered, and the
    tricklers get 408 once their body is late."""
    env = {**os.environ, "KHOLASE_BODY_TIMEOUT_S": "3"}
    with served(log=tmp_path / "server.log", env=env) as (_, client):
        head = (f"POST /v1/summarize HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/json\r\n"
                "Content-Length: 1000\r\n\r\n{").encode()
        tricklers = [socket.create_connection((HOST, client.base_url.port)) for _ in range(40)]
        for connection in tricklers:
            connection.sendall(head)
        answer = httpx.post(f"{client.base_url}/v1/summarize", json={"text": fars_articles[0]["body"]}, timeout=30)
        assert answer.status_code == 200
        assert client.get("/readyz").status_code == 200
        for connection in tricklers:
            connection.settimeout(10)
            assert connection.recv(64).startswith(b"HTTP/1.1 408"), "a late body is refused"
            connection.close()


@pytest.mark.slow
def test_every_hostile_input_stays_within_its_cpu_and_memory_budget():
    """scripts/stress.py runs each hostile input in a fresh process and exits non-zero when one takes more than 2 s of
    CPU or 200 MB: a change anywhere in the pipeline (the headline's tagger once did) must not bring that back."""
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "stress.py")], capture_output=True, text=True,
                         timeout=900)
    assert run.returncode == 0, run.stdout[-3000:]
