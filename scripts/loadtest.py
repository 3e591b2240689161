"""Bounded load on a local Kholase server: does it answer everything, refuse cleanly, and keep its memory?

Starts ``kholase serve`` on 127.0.0.1 as a subprocess (``--workers`` processes), runs N concurrent clients for T
seconds with real articles from ../shared/data mixed with oversized, too-long and malformed requests, samples the
resident memory of the server and its workers, and prints a table. Exits 1 on any 5xx other than a 503 refusal with
Retry-After, any request left unanswered, a p99 latency of answered requests past its bound, or memory growth past
its bound.

The clients are wrk's (Debian's `wrk`) when it is installed: in C they leave the cores to the server. httpx clients
in this process are the fallback, and they also tell each kind of request apart; on a 2-core machine they take most
of a core from the server, so their latencies measure the machine more than the service.

    python scripts/loadtest.py --clients 64 --duration 30 --workers 2
"""

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
HOST = "127.0.0.1"  # never anywhere else
MB = 1024 * 1024


@dataclass
class Tally:
    latencies_ms: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    unanswered: Counter = field(default_factory=Counter)


@dataclass
class Outcome:
    """What one measured run saw, whichever clients drove it."""

    requests: int
    elapsed_s: float
    p50_ms: float
    p99_ms: float
    statuses: Counter
    kinds: Counter
    unanswered: Counter
    rss: dict[str, int]


def load_bodies(limit: int = 400) -> list[str]:
    bodies = []
    for path in sorted(DATA.glob("*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            bodies += [json.loads(line)["body"] for _, line in zip(range(limit // 2), handle)]
    return bodies


def request_mix(bodies: list[str], max_body_bytes: int, max_chars: int, hostile_share: float):
    """Yields (kind, content bytes) forever: mostly real articles, ``hostile_share`` of hostile ones."""
    oversized_body = b'{"text": "' + b"a" * (max_body_bytes + 1) + b'"}'
    too_long_text = json.dumps({"text": "خبر " * (max_chars // 4 + 1)}).encode()
    hostile = {
        "oversized": oversized_body,
        "too_long": too_long_text,
        "bad_json": b'{"text": "\xd8\xae\xd8\xa8\xd8\xb1',
        "wrong_type": b'{"text": 42}',
        "unknown_field": json.dumps({"text": bodies[0], "surprise": True}).encode(),
        "empty_text": b'{"text": ""}',
        "no_persian": b'{"text": "lorem ipsum dolor sit amet"}',
        "binary": bytes(range(256)) * 8,
        "lone_surrogate": '{"text": "\\udc80 خبر مهم است."}'.encode(),
    }
    rng = random.Random(7)
    while True:
        if rng.random() < hostile_share:
            kind = rng.choice(sorted(hostile))
            yield kind, hostile[kind]
        else:
            yield "article", json.dumps({"text": rng.choice(bodies)}, ensure_ascii=False).encode()


async def client(http: httpx.AsyncClient, mix, deadline: float, tally: Tally) -> None:
    while time.monotonic() < deadline:
        kind, content = next(mix)
        started = time.perf_counter()
        try:
            response = await http.post("/v1/summarize", content=content, headers={"content-type": "application/json"})
            await response.aread()
        except httpx.HTTPError as error:
            tally.unanswered[f"{kind}: {type(error).__name__}"] += 1
            continue
        tally.latencies_ms.append((time.perf_counter() - started) * 1000)
        status = response.status_code
        if status == 503 and "retry-after" not in response.headers:
            status = "503 without Retry-After"
        tally.statuses[status] += 1
        tally.kinds[(kind, status)] += 1


def tree_rss(process: psutil.Process) -> int:
    """Resident memory of the server and its workers."""
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            total += member.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


async def sample_rss(process: psutil.Process, samples: list[int], stop: asyncio.Event) -> None:
    while not stop.is_set():
        samples.append(tree_rss(process))
        await asyncio.sleep(0.25)


async def drive(base_url: str, server: psutil.Process, args, bodies: list[str]) -> Outcome:
    limits = httpx.Limits(max_connections=args.clients, max_keepalive_connections=args.clients)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=args.request_timeout) as http:
        mix = request_mix(bodies, args.max_body_bytes, args.max_chars, args.hostile_share)
        warmup = Tally()
        await asyncio.gather(*(client(http, mix, time.monotonic() + args.warmup, warmup) for _ in range(args.clients)))
        rss_start = tree_rss(server)
        tally, samples, stop = Tally(), [], asyncio.Event()
        sampler = asyncio.create_task(sample_rss(server, samples, stop))
        started = time.monotonic()
        deadline = started + args.duration
        await asyncio.gather(*(client(http, mix, deadline, tally) for _ in range(args.clients)))
        elapsed = time.monotonic() - started
        stop.set()
        await sampler
    rss = {"start": rss_start, "peak": max([*samples, rss_start]), "end": tree_rss(server)}
    return Outcome(sum(tally.statuses.values()), elapsed, percentile(tally.latencies_ms, 0.50),
                   percentile(tally.latencies_ms, 0.99), tally.statuses, tally.kinds, tally.unanswered, rss)


WRK_SCRIPT = """
-- globals, not locals: done() reads each thread's statuses with thread:get
bodies, requests, sent, statuses, without_retry_after, threads = {}, {}, 0, {}, 0, {}
setup = function(thread) table.insert(threads, thread) end
init = function(args)
  for line in io.lines(args[1]) do
    local path = line
    if not bodies[path] then local file = io.open(path, "rb"); bodies[path] = file:read("*a"); file:close() end
    requests[#requests + 1] = path
  end
end
request = function()
  sent = sent + 1
  local body = bodies[requests[sent % #requests + 1]]
  return wrk.format("POST", "/v1/summarize", {["Content-Type"] = "application/json"}, body)
end
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 503 and not (headers["retry-after"] or headers["Retry-After"]) then
    without_retry_after = without_retry_after + 1
  end
end
done = function(summary, latency, requests)
  local all, missing = {}, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do all[status] = (all[status] or 0) + count end
    missing = missing + thread:get("without_retry_after")
  end
  local parts = {}
  for status, count in pairs(all) do parts[#parts + 1] = string.format('"%d": %d', status, count) end
  io.write(string.format('KHOLASE {"requests": %d, "seconds": %f, "p50_us": %f, "p99_us": %f, ' ..
    '"statuses": {%s}, "without_retry_after": %d, "connect": %d, "read": %d, "write": %d, "timeout": %d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(99),
    table.concat(parts, ", "), missing, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout))
end
"""


def drive_wrk(base_url: str, server: psutil.Process, args, bodies: list[str], folder: Path) -> Outcome:
    """The same mix of requests from wrk; memory sampled here meanwhile. wrk cannot tell kinds apart."""
    mix = request_mix(bodies, args.max_body_bytes, args.max_chars, args.hostile_share)
    paths: dict[bytes, Path] = {}
    order = []
    for _ in range(5_000):
        _, content = next(mix)
        order.append(paths.setdefault(content, folder / f"body-{len(paths)}"))
    for content, path in paths.items():
        path.write_bytes(content)
    (folder / "requests.txt").write_text("".join(f"{path}\n" for path in order))
    (folder / "mix.lua").write_text(WRK_SCRIPT)

    def run(seconds: float) -> subprocess.Popen:
        return subprocess.Popen(
            ["wrk", "-t2", f"-c{args.clients}", f"-d{seconds:g}s", "--timeout", f"{args.request_timeout:g}s",
             "-s", str(folder / "mix.lua"), base_url, "--", str(folder / "requests.txt")],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )

    run(args.warmup).wait()
    rss_start, samples = tree_rss(server), []
    measured = run(args.duration)
    while measured.poll() is None:
        samples.append(tree_rss(server))
        time.sleep(0.25)
    output = measured.stdout.read()
    line = next((line for line in output.splitlines() if line.startswith("KHOLASE ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no figures:\n{output[-2000:]}")
    figures = json.loads(line.removeprefix("KHOLASE "))
    statuses = Counter({int(status): count for status, count in figures["statuses"].items()})
    if figures["without_retry_after"]:
        statuses[503] -= figures["without_retry_after"]
        statuses["503 without Retry-After"] = figures["without_retry_after"]
    unanswered = Counter({kind: figures[kind] for kind in ("connect", "read", "write", "timeout") if figures[kind]})
    rss = {"start": rss_start, "peak": max([*samples, rss_start]), "end": tree_rss(server)}
    return Outcome(figures["requests"], figures["seconds"], figures["p50_us"] / 1000, figures["p99_us"] / 1000,
                   +statuses, Counter(), unanswered, rss)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_server(port: int, log, extra_env: dict[str, str]) -> subprocess.Popen:
    env = {**os.environ, **extra_env}
    command = [sys.executable, "-c", "import sys; from kholase.cli import main; sys.exit(main())",
               "serve", "--host", HOST, "--port", str(port)]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def listening(server: subprocess.Popen, port: int) -> int:
    """How many of the server's processes listen on the port: a worker of several listens once it has loaded."""
    processes = [psutil.Process(server.pid), *psutil.Process(server.pid).children()]
    return sum(any(connection.status == psutil.CONN_LISTEN and connection.laddr.port == port
                   for connection in process.net_connections("tcp"))
               for process in processes if process.is_running())


def wait_ready(base_url: str, server: subprocess.Popen, port: int, workers: int, timeout_s: float = 180) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"server exited with {server.returncode} before it was ready")
        try:
            if httpx.get(f"{base_url}/readyz", timeout=2).status_code == 200 and listening(server, port) == workers:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError("server not ready in time")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def report(outcome: Outcome, args) -> dict:
    answered = outcome.requests
    server_errors = sum(count for status, count in outcome.statuses.items() if status not in (200, 413, 422, 503))
    rss = outcome.rss
    growth_mb = (rss["end"] - rss["start"]) / MB
    figures = {
        "client": args.client, "clients": args.clients, "duration_s": round(outcome.elapsed_s, 1),
        "requests": answered, "rps": round(answered / outcome.elapsed_s, 1),
        "p50_ms": round(outcome.p50_ms, 1), "p99_ms": round(outcome.p99_ms, 1), "p99_bound_ms": args.max_p99_ms,
        "by_status": {str(status): n for status, n in sorted(outcome.statuses.items(), key=str)},
        "by_kind": {f"{kind} -> {status}": n for (kind, status), n in sorted(outcome.kinds.items(), key=str)},
        "5xx_not_503": server_errors, "unanswered": dict(outcome.unanswered),
        "rss_mb": {name: round(value / MB, 1) for name, value in rss.items()},
        "rss_growth_mb": round(growth_mb, 1), "rss_growth_bound_mb": args.max_growth_mb,
    }
    figures["ok"] = (server_errors == 0 and not outcome.unanswered and growth_mb <= args.max_growth_mb
                     and figures["p99_ms"] <= args.max_p99_ms)
    rows = [
        ("workers, clients x duration", f"{args.workers}, {args.clients} {args.client} x {figures['duration_s']} s"),
        ("requests", answered), ("rps", figures["rps"]),
        ("p50 / p99 ms (p99 bound)", f"{figures['p50_ms']} / {figures['p99_ms']} ({args.max_p99_ms:g})"),
        *((f"status {status}", n) for status, n in figures["by_status"].items()),
        *((f"  {name}", n) for name, n in figures["by_kind"].items()),
        ("other than 200, 413, 422, 503 with Retry-After", server_errors),
        ("unanswered", sum(outcome.unanswered.values())),
        ("RSS start / peak / end MB", " / ".join(str(v) for v in figures["rss_mb"].values())),
        ("RSS growth MB (bound)", f"{figures['rss_growth_mb']} ({args.max_growth_mb})"),
        ("verdict", "PASS" if figures["ok"] else "FAIL"),
    ]
    width = max(len(str(name)) for name, _ in rows)
    print("\n".join(f"| {str(name).ljust(width)} | {value} |" for name, value in rows))
    return figures


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--workers", type=int, default=1, help="kholase serve --workers")
    parser.add_argument("--max-p99-ms", type=float, default=1000.0, help="allowed p99 latency of answered requests")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of measured load")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds of load before the RSS baseline")
    parser.add_argument("--hostile-share", type=float, default=0.15, help="share of oversized/malformed requests")
    parser.add_argument("--max-growth-mb", type=float, default=100.0, help="allowed RSS growth after warm-up")
    parser.add_argument("--max-body-bytes", type=int, default=1_000_000)
    parser.add_argument("--max-chars", type=int, default=100_000)
    parser.add_argument("--max-concurrency", type=int, default=32)
    parser.add_argument("--request-timeout", type=float, default=60.0, help="client-side timeout per request")
    parser.add_argument("--client", choices=("wrk", "httpx"), default="wrk" if shutil.which("wrk") else "httpx",
                        help="what drives the load (default: wrk when installed)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--env", action="append", default=[], metavar="KEY=VALUE", help="extra server setting")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    port = free_port()
    base_url = f"http://{HOST}:{port}"
    server_env = {
        "KHOLASE_MAX_BODY_BYTES": str(args.max_body_bytes), "KHOLASE_MAX_CHARS": str(args.max_chars),
        "KHOLASE_MAX_CONCURRENCY": str(args.max_concurrency), "KHOLASE_LOG_LEVEL": "WARNING",
        "KHOLASE_WORKERS": str(args.workers),
        **dict(item.split("=", 1) for item in args.env),
    }
    with tempfile.TemporaryFile(mode="w+") as log, tempfile.TemporaryDirectory(prefix="kholase-load-") as scratch:
        server = start_server(port, log, server_env)
        try:
            wait_ready(base_url, server, port, args.workers)
            process = psutil.Process(server.pid)
            if args.client == "wrk":
                outcome = drive_wrk(base_url, process, args, load_bodies(), Path(scratch))
            else:
                outcome = asyncio.run(drive(base_url, process, args, load_bodies()))
        finally:
            server.terminate()
            server.wait(timeout=60)
        figures = report(outcome, args)
        if not figures["ok"]:
            log.seek(0)
            print("server log tail:\n" + log.read()[-4000:], file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n")
    return 0 if figures["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
