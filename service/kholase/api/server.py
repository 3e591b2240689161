"""`kholase serve`: uvicorn over the app factory, in one process or in several worker processes.

Several workers each get a listening socket of their own on the same port (SO_REUSEPORT), so the kernel spreads
connections over them. With one shared socket, as uvicorn's --workers has it, a burst of connections went to whichever
worker woke first (asyncio accepts a whole backlog at a time): under 32 clients one worker took every connection and
the other none. uvicorn also binds that shared socket with protocol 0, so asyncio never set TCP_NODELAY and every
keep-alive response waited ~40 ms for the client's delayed ACK (uvicorn issue #3149); these sockets say TCP.
"""

import logging
import multiprocessing
import os
import shutil
import signal
import socket
import tempfile
import threading

import uvicorn

from kholase.config import Settings

APP_FACTORY = "kholase.api.app:create_app"
logger = logging.getLogger(__name__)


def serve(settings: Settings, workers: int) -> None:
    """Serve until stopped. Every worker builds its app from the environment (`KHOLASE_*`), so the caller puts its
    overrides there; with several workers, their metrics meet in one PROMETHEUS_MULTIPROC_DIR."""
    config = uvicorn.Config(
        APP_FACTORY,
        factory=True,
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level.lower(),
        log_config=None,
        access_log=False,
        timeout_graceful_shutdown=int(settings.request_timeout_s) + 5,
    )
    if workers == 1:
        uvicorn.Server(config).run()
        return
    metrics_dir = None
    if "PROMETHEUS_MULTIPROC_DIR" not in os.environ:
        metrics_dir = os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="kholase-metrics-")
    try:
        _supervise(config, workers)
    finally:
        if metrics_dir:
            shutil.rmtree(metrics_dir, ignore_errors=True)


def _listening_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    listener.bind((host, port))
    listener.set_inheritable(True)
    return listener


def _supervise(config: uvicorn.Config, workers: int) -> None:
    """`workers` workers, each on a socket of its own; a worker that dies is replaced by a new one on a new socket.
    SIGTERM or SIGINT stops them all gracefully (each finishes the requests it holds) and then returns."""
    context = multiprocessing.get_context("spawn")  # a clean interpreter: no threads or locks copied mid-state
    stopping = threading.Event()
    previous = {signum: signal.signal(signum, lambda *_: stopping.set()) for signum in (signal.SIGTERM, signal.SIGINT)}

    def start() -> multiprocessing.Process:
        """The worker alone holds its socket, so that when it dies the kernel stops sending connections there."""
        listener = _listening_socket(config.host, config.port)
        process = context.Process(target=_run_worker, args=(config, listener), name="kholase-worker")
        process.start()
        listener.close()
        return process

    processes = [start() for _ in range(workers)]
    logger.info("serving on %s:%d with %d workers", config.host, config.port, len(processes))
    try:
        while not stopping.wait(0.5):
            for number, process in enumerate(processes):
                if not process.is_alive():
                    logger.error("worker %s exited with %s; starting another", process.pid, process.exitcode)
                    processes[number] = start()
    finally:
        for process in processes:
            if process.is_alive():
                os.kill(process.pid, signal.SIGTERM)
        for process in processes:
            process.join()
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _run_worker(config: uvicorn.Config, listener: socket.socket) -> None:
    uvicorn.Server(config).run(sockets=[listener])
