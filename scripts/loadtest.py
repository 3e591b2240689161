"""Bounded load on a local Kholase server: does it answer everything, refuse cleanly, and keep its memory?

Starts ``kholase serve`` on 127.0.0.1 as a subprocess, runs N concurrent clients for T seconds with real articles
from ../shared/data mixed with oversized, too-long and malformed requests, samples the server's RSS, and prints a
table. Exits 1 on any 5xx other than a 503 refusal, any request left unanswered, or RSS growth past the bound.

    python scripts/loadtest.py --clients 32 --duration 30
"""

import argparse
import asyncio
import json
import os
import random
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
        tally.statuses[response.status_code] += 1
        tally.kinds[(kind, response.status_code)] += 1


async def sample_rss(process: psutil.Process, samples: list[int], stop: asyncio.Event) -> None:
    while not stop.is_set():
        samples.append(process.memory_info().rss)
        await asyncio.sleep(0.25)


async def drive(base_url: str, server: psutil.Process, args, bodies: list[str]) -> tuple[Tally, dict]:
    limits = httpx.Limits(max_connections=args.clients, max_keepalive_connections=args.clients)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=args.request_timeout) as http:
        mix = request_mix(bodies, args.max_body_bytes, args.max_chars, args.hostile_share)
        warmup = Tally()
        await asyncio.gather(*(client(http, mix, time.monotonic() + args.warmup, warmup) for _ in range(args.clients)))
        rss_start = server.memory_info().rss
        tally, samples, stop = Tally(), [], asyncio.Event()
        sampler = asyncio.create_task(sample_rss(server, samples, stop))
        started = time.monotonic()
        deadline = started + args.duration
        await asyncio.gather(*(client(http, mix, deadline, tally) for _ in range(args.clients)))
        elapsed = time.monotonic() - started
        stop.set()
        await sampler
        metrics = (await http.get("/metrics")).text
    rss = {"start": rss_start, "peak": max([*samples, rss_start]), "end": server.memory_info().rss}
    return tally, {"elapsed_s": elapsed, "rss": rss, "metrics_lines": len(metrics.splitlines())}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_server(port: int, log, extra_env: dict[str, str]) -> subprocess.Popen:
    env = {**os.environ, **extra_env}
    command = [sys.executable, "-c", "import sys; from kholase.cli import main; sys.exit(main())",
               "serve", "--host", HOST, "--port", str(port)]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_ready(base_url: str, server: subprocess.Popen, timeout_s: float = 180) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"server exited with {server.returncode} before it was ready")
        try:
            if httpx.get(f"{base_url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError("server not ready in time")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def report(tally: Tally, run: dict, args) -> dict:
    answered = sum(tally.statuses.values())
    server_errors = sum(count for status, count in tally.statuses.items() if status >= 500 and status != 503)
    rss = run["rss"]
    growth_mb = (rss["end"] - rss["start"]) / MB
    figures = {
        "clients": args.clients, "duration_s": round(run["elapsed_s"], 1), "requests": answered,
        "rps": round(answered / run["elapsed_s"], 1),
        "p50_ms": round(percentile(tally.latencies_ms, 0.50), 1),
        "p99_ms": round(percentile(tally.latencies_ms, 0.99), 1),
        "by_status": dict(sorted(tally.statuses.items())),
        "by_kind": {f"{kind} -> {status}": n for (kind, status), n in sorted(tally.kinds.items())},
        "5xx_not_503": server_errors, "unanswered": dict(tally.unanswered),
        "rss_mb": {name: round(value / MB, 1) for name, value in rss.items()},
        "rss_growth_mb": round(growth_mb, 1), "rss_growth_bound_mb": args.max_growth_mb,
    }
    figures["ok"] = server_errors == 0 and not tally.unanswered and growth_mb <= args.max_growth_mb
    rows = [
        ("clients x duration", f"{args.clients} x {figures['duration_s']} s"),
        ("requests", answered), ("rps", figures["rps"]), ("p50 / p99 ms", f"{figures['p50_ms']} / {figures['p99_ms']}"),
        *((f"status {status}", n) for status, n in figures["by_status"].items()),
        *((f"  {name}", n) for name, n in figures["by_kind"].items()),
        ("5xx other than 503", server_errors), ("unanswered", sum(tally.unanswered.values())),
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
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of measured load")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds of load before the RSS baseline")
    parser.add_argument("--hostile-share", type=float, default=0.15, help="share of oversized/malformed requests")
    parser.add_argument("--max-growth-mb", type=float, default=100.0, help="allowed RSS growth after warm-up")
    parser.add_argument("--max-body-bytes", type=int, default=1_000_000)
    parser.add_argument("--max-chars", type=int, default=100_000)
    parser.add_argument("--max-concurrency", type=int, default=32)
    parser.add_argument("--request-timeout", type=float, default=60.0, help="client-side timeout per request")
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
        **dict(item.split("=", 1) for item in args.env),
    }
    with tempfile.TemporaryFile(mode="w+") as log:
        server = start_server(port, log, server_env)
        try:
            wait_ready(base_url, server)
            tally, run = asyncio.run(drive(base_url, psutil.Process(server.pid), args, load_bodies()))
        finally:
            server.terminate()
            server.wait(timeout=60)
        figures = report(tally, run, args)
        if not figures["ok"]:
            log.seek(0)
            print("server log tail:\n" + log.read()[-4000:], file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n")
    return 0 if figures["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
