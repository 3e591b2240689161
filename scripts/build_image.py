"""Build the Dockerfile's images as an operator would on a machine without a registry, and measure them.

    python scripts/build_image.py                      # both targets, cached layers allowed
    python scripts/build_image.py --no-cache --measure # cold builds, then size and start-to-ready: docs/docker.md

What it takes care of, each only where needed:
- a Docker daemon: the one running, else `dockerd` started in the background (root only) and left running, as a
  system service would be;
- the base image: `python:3.11-slim` when it is present or can be pulled, else one built here from Debian's packages
  (debootstrap bookworm with Debian's Python 3.11, then `docker import`);
- TLS: the host's CA bundle goes to pip as a BuildKit secret, never into a layer;
- torch: when pip's find-links on this host hold the CPU wheel, they are served on 127.0.0.1 for the `full` build
  (`TORCH_FIND_LINKS`), instead of PyTorch's index.
Tests import these functions (tests/test_docker.py) so that what they check is what an operator runs.
"""

from __future__ import annotations

import argparse
import configparser
import functools
import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
DEBIAN_DOCKER = Path("/usr/bin/docker")  # Debian's client has BuildKit built in; a newer one may lack buildx
DEFAULT_BASE = "python:3.11-slim"
LOCAL_BASE = "kholase-local/python:3.11-bookworm"
CA_BUNDLE = Path("/etc/ssl/certs/ca-certificates.crt")
DOCKERD_LOG = Path("/var/log/kholase-dockerd.log")
TORCH_VERSION = "2.13.0"
TARGETS = ("extractive", "full")
WHEELS_PORT = 47813  # where the torch wheels are served during a build, when it is free
# Debian's Python 3.11 and the pieces the Dockerfile uses: `python`, `python -m venv` (ensurepip).
BASE_PACKAGES = ("python3", "python3-venv", "python-is-python3")
# What a runtime needs of none of: package caches and lists, documentation, manual pages, translations.
BASE_LEFTOVERS = ("var/cache/apt/archives", "var/lib/apt/lists", "usr/share/doc", "usr/share/man",
                  "usr/share/info", "usr/share/locale")


class DockerUnavailable(RuntimeError):
    """No Docker daemon can run here; the message says why."""


def docker_command() -> str:
    if DEBIAN_DOCKER.exists():
        return str(DEBIAN_DOCKER)
    found = shutil.which("docker")
    if found is None:
        raise DockerUnavailable("no docker client is installed (apt-get install docker.io)")
    return found


def docker(*args: str, check: bool = True, timeout: float | None = None, **run) -> subprocess.CompletedProcess:
    """One docker command, its output captured as text; a failure raises with the command's own words."""
    result = subprocess.run([docker_command(), *args], capture_output=True, text=True, timeout=timeout,
                            env={**os.environ, "DOCKER_BUILDKIT": "1"}, **run)
    if check and result.returncode != 0:
        raise RuntimeError(f"docker {' '.join(args[:3])} failed:\n{result.stdout[-4000:]}{result.stderr[-4000:]}")
    return result


def daemon_running() -> bool:
    try:
        return docker("info", check=False, timeout=30).returncode == 0
    except (DockerUnavailable, subprocess.TimeoutExpired):
        return False


def ensure_daemon(timeout_s: float = 60) -> None:
    """A daemon to talk to: the running one, or `dockerd` started now and left running."""
    docker_command()
    if daemon_running():
        return
    dockerd = shutil.which("dockerd")
    if dockerd is None:
        raise DockerUnavailable("no daemon is running and dockerd is not installed (apt-get install docker.io)")
    if os.geteuid() != 0:
        raise DockerUnavailable("no daemon is running, and only root can start dockerd")
    with open(DOCKERD_LOG, "ab") as log:
        process = subprocess.Popen([dockerd], stdout=log, stderr=log, start_new_session=True)
    deadline = time.monotonic() + timeout_s
    while not daemon_running():
        if process.poll() is not None or time.monotonic() > deadline:
            tail = DOCKERD_LOG.read_text(errors="replace")[-2000:]
            raise DockerUnavailable(f"dockerd did not start (exit {process.poll()}); {DOCKERD_LOG} ends:\n{tail}")
        time.sleep(0.5)


def image_exists(tag: str) -> bool:
    return docker("image", "inspect", tag, check=False).returncode == 0


def base_image(preferred: str = DEFAULT_BASE) -> str:
    """`preferred` where it is here or can be pulled, else the base built from Debian's packages."""
    if image_exists(preferred) or docker("pull", preferred, check=False, timeout=600).returncode == 0:
        return preferred
    if not image_exists(LOCAL_BASE):
        build_local_base()
    return LOCAL_BASE


def debian_mirror() -> str:
    """The Debian mirror apt uses here (deb822 sources), so debootstrap needs no other network access."""
    for sources in sorted(Path("/etc/apt/sources.list.d").glob("*.sources")):
        for stanza in sources.read_text().split("\n\n"):
            fields = dict(line.split(":", 1) for line in stanza.splitlines() if ":" in line and line[0] != "#")
            uri = fields.get("URIs", "").strip()
            if uri.endswith("/debian") and "bookworm" in fields.get("Suites", ""):
                return uri
    return "http://deb.debian.org/debian"


def build_local_base(tag: str = LOCAL_BASE) -> None:
    """Debian bookworm (minbase) with Debian's Python 3.11, imported as `tag`: what python:3.11-slim gives, from
    the Debian archive instead of a registry."""
    if shutil.which("debootstrap") is None:
        raise DockerUnavailable(f"{DEFAULT_BASE} cannot be pulled and debootstrap is not installed "
                                "(apt-get install debootstrap)")
    with tempfile.TemporaryDirectory(prefix="kholase-rootfs-", dir="/var/tmp") as rootfs:
        subprocess.run(["debootstrap", "--variant=minbase", f"--include={','.join(BASE_PACKAGES)}", "bookworm",
                        rootfs, debian_mirror()], check=True, capture_output=True)
        for leftover in BASE_LEFTOVERS:
            shutil.rmtree(Path(rootfs, leftover), ignore_errors=True)
        tar = subprocess.Popen(["tar", "-C", rootfs, "-c", "."], stdout=subprocess.PIPE)
        subprocess.run([docker_command(), "import", "--change", "ENV LANG=C.UTF-8", "--change", 'CMD ["python3"]',
                        "-", tag], stdin=tar.stdout, check=True, capture_output=True)
        tar.stdout.close()
        if tar.wait() != 0:
            raise RuntimeError("tar of the debootstrapped root failed")


def local_torch_wheels(version: str = TORCH_VERSION) -> Path | None:
    """The folder among pip's find-links on this host that holds the CPU wheel of torch `version`, if any."""
    places = os.environ.get("PIP_FIND_LINKS", "").split()
    for config in (Path("/etc/pip.conf"), Path("/etc/xdg/pip/pip.conf"), Path.home() / ".config/pip/pip.conf"):
        parser = configparser.ConfigParser()
        parser.read(config)
        places += parser.get("global", "find-links", fallback="").split()
    for place in places:
        folder = Path(place.removeprefix("file://"))
        if folder.is_dir() and any(folder.glob(f"torch-{version}+cpu-cp311-*.whl")):
            return folder
    return None


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """pip's requests are the build's business, not this script's output."""


@contextmanager
def served_folder(folder: Path) -> Iterator[str]:
    """`folder` as a find-links page on 127.0.0.1 for as long as the block runs; yields its URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    try:  # the URL is a build-arg, part of the layer cache's key: the same port keeps torch's layers cached
        server = ThreadingHTTPServer((HOST, WHEELS_PORT), handler)
    except OSError:
        server = ThreadingHTTPServer((HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def build(target: str, tag: str, base: str, torch_wheels: Path | None = None, no_cache: bool = False) -> float:
    """`docker build --target target`; returns its seconds. The CA bundle is a secret of the pip steps only."""
    command = ["build", "--target", target, "-t", tag, "--build-arg", f"PYTHON_IMAGE={base}"]
    if CA_BUNDLE.exists():
        command += ["--secret", f"id=ca,src={CA_BUNDLE}"]
    if no_cache:
        command.append("--no-cache")
    started = time.monotonic()
    if target == "full" and torch_wheels is not None:
        with served_folder(torch_wheels) as url:  # the build's RUN steps share the host's loopback
            docker(*command, "--network", "host", "--build-arg", f"TORCH_FIND_LINKS={url}", str(ROOT))
    else:
        docker(*command, str(ROOT))
    return time.monotonic() - started


def image_megabytes(tag: str) -> float:
    return int(docker("image", "inspect", "--format", "{{.Size}}", tag).stdout) / 1e6


@contextmanager
def running(tag: str, port: int, env: dict[str, str] | None = None, models: Path | None = None) -> Iterator[str]:
    """A detached container of `tag` published on 127.0.0.1:`port`; yields its id and removes it at the end."""
    command = ["run", "--detach", "--init", "--publish", f"{HOST}:{port}:8000"]
    for key, value in (env or {}).items():
        command += ["--env", f"{key}={value}"]
    if models is not None:
        command += ["--volume", f"{models}:/models:ro"]
    container = docker(*command, tag).stdout.strip()
    try:
        yield container
    finally:
        docker("rm", "--force", "--volumes", container, check=False)  # with the anonymous /models volume


def wait_ready(url: str, container: str, timeout_s: float = 120) -> float:
    """Polls `url`/readyz until 200; returns the seconds it took. Fails with the container's log if it exits."""
    started = time.monotonic()
    while True:
        try:
            with urllib.request.urlopen(f"{url}/readyz", timeout=5) as answer:
                if answer.status == 200:
                    return time.monotonic() - started
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        state = json.loads(docker("inspect", "--format", "{{json .State}}", container).stdout)
        if not state["Running"] or time.monotonic() - started > timeout_s:
            log = docker("logs", container, check=False)
            raise RuntimeError(f"{container[:12]} not ready (state {state['Status']}):\n{log.stdout}{log.stderr}")
        time.sleep(0.1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--target", choices=TARGETS, action="append", help="a target to build (default: both)")
    parser.add_argument("--base", default=DEFAULT_BASE, help="the base image to prefer, when it can be had")
    parser.add_argument("--no-cache", action="store_true", help="build every layer afresh (to measure)")
    parser.add_argument("--measure", action="store_true", help="also start each image and time it to ready")
    args = parser.parse_args()
    ensure_daemon()
    started = time.monotonic()
    base = base_image(args.base)
    print(f"base image: {base} ({time.monotonic() - started:.0f} s to have it)", flush=True)
    wheels = local_torch_wheels()
    print("| target | base | image size (MB) | build (s) | start to ready (s) |\n|---|---|---|---|---|", flush=True)
    for target in args.target or TARGETS:
        tag = f"kholase:{target}"
        seconds = build(target, tag, base, wheels, args.no_cache)
        ready = "–"
        if args.measure:
            port = free_port()
            with running(tag, port) as container:
                ready = f"{wait_ready(f'http://{HOST}:{port}', container):.1f}"
        print(f"| `{target}` | `{base}` | {image_megabytes(tag):.0f} | {seconds:.0f} | {ready} |", flush=True)


if __name__ == "__main__":
    main()
