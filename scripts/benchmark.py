"""Speed of the summarizer, measured here and printed as Markdown tables for docs/benchmarks.md.

    python scripts/benchmark.py extractive [--limit N]   # ours vs sumy TextRank/LexRank, raw text in, summary out
    python scripts/benchmark.py http [--clients 16 --seconds 20]   # POST /v1/summarize on a local server
    python scripts/benchmark.py memory                    # peak RSS of the server with the extractive engine
    python scripts/benchmark.py workers                   # serve --workers and batch --jobs at 1 and 2 processes
    python scripts/benchmark.py headline [--against REF]   # end-to-end and headline cost against another commit
    python scripts/benchmark.py all                       # all of the above
"""

import argparse
import itertools
import json
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import chain
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
FARS = ROOT.parent / "shared" / "data" / "fars_news_dev.jsonl"
SUMMARY_SENTENCES = 3


def articles(limit: int | None = None) -> list[str]:
    from kholase.text.clean import has_persian

    with open(FARS, encoding="utf-8") as handle:
        bodies = [json.loads(line)["body"] for line in handle]
    bodies = [body for body in bodies if has_persian(body)]
    return bodies[:limit] if limit else bodies


def sumy_document() -> Callable[[str], object]:
    """sumy's document with the same front end as ours: hazm normalization, line then sentence splitting, hazm word
    tokens (made when sumy first reads a sentence's words)."""
    import hazm
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    normalizer = hazm.Normalizer()

    class HazmTokenizer:
        language = "persian"

        @staticmethod
        def to_words(text: str) -> list[str]:
            return hazm.word_tokenize(text)

    tokenizer = HazmTokenizer()

    def document(text: str) -> ObjectDocumentModel:
        return ObjectDocumentModel([
            Paragraph([Sentence(sentence, tokenizer) for sentence in hazm.sent_tokenize(line)])
            for line in normalizer.normalize(text).split("\n")
            if line.strip()
        ])

    return document


def sumy_summarizer(summarizer_class, stop_words: bool = True):
    """sumy's summarizer with hazm's Persian stop words, as a sumy user would set it up for Persian (sumy ships
    none for Persian: without them it ranks on every word)."""
    import hazm

    summarizer = summarizer_class()
    if stop_words:
        summarizer.stop_words = hazm.stopwords_list()
    return summarizer


def sumy_pipeline(summarizer_class, stop_words: bool = True) -> Callable[[str], str]:
    """sumy from raw text to its three sentences."""
    document, summarizer = sumy_document(), sumy_summarizer(summarizer_class, stop_words)

    def summarize(text: str) -> str:
        picked = summarizer(document(text), SUMMARY_SENTENCES)
        return " ".join(str(sentence) for sentence in picked)

    return summarize


def sumy_costs(summarizer_class, texts: list[str]) -> tuple[float, float]:
    """Mean ms per article of sumy's front end (hazm normalization, sentences and word tokens) and of its ranking
    alone: the issue's target was set from the second."""
    document, summarizer = sumy_document(), sumy_summarizer(summarizer_class)
    started = time.perf_counter()
    documents = [document(text) for text in texts]
    for sentence in chain.from_iterable(built.sentences for built in documents):
        sentence.words  # noqa: B018 - tokenized once here, cached by sumy
    built = time.perf_counter()
    for built_document in documents:
        summarizer(built_document, SUMMARY_SENTENCES)
    ranked = time.perf_counter()
    return 1000 * (built - started) / len(texts), 1000 * (ranked - built) / len(texts)


def time_each(function: Callable[[str], object], texts: list[str]) -> tuple[float, list[float]]:
    """Wall seconds for the whole run and milliseconds per text."""
    function(texts[0])  # warm caches once, as a running service would be
    latencies = []
    started = time.perf_counter()
    for text in texts:
        begin = time.perf_counter()
        function(text)
        latencies.append((time.perf_counter() - begin) * 1000)
    return time.perf_counter() - started, latencies


STAGES = ("hazm normalize", "rest of cleaning + sentences", "TextRank", "headline", "summary", "claims", "other")


def stage_costs(summarizer, texts: list[str]) -> dict[str, float]:
    """Mean milliseconds per article of each step, from the timings every result carries; hazm's
    `Normalizer.normalize` is timed on its own inside cleaning, and "other" is the rest of the call (raw offsets of
    the claims, building the result)."""
    from kholase.text import lexicon

    normalizer = lexicon.normalizer()
    normalize, normalizing = normalizer.normalize, 0.0

    def timed_normalize(text: str) -> str:
        nonlocal normalizing
        started = time.perf_counter()
        normalized = normalize(text)
        normalizing += time.perf_counter() - started
        return normalized

    normalizer.normalize = timed_normalize
    try:
        steps = [summarizer.summarize(text, "extractive").timings_ms for text in texts]
    finally:
        del normalizer.normalize  # back to the class's method
    mean = {name: sum(step[name] for step in steps) / len(texts) for name in steps[0]}
    hazm = 1000 * normalizing / len(texts)
    costs = {
        "hazm normalize": hazm,
        "rest of cleaning + sentences": mean["clean"] - hazm,
        "TextRank": mean["rank"],
        "headline": mean["headline"],
        "summary": mean["summary"],
        "claims": mean["claims"],
    }
    return costs | {"other": mean["total"] - sum(costs.values())}


def extractive(args: argparse.Namespace) -> str:
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    from kholase.summarizer import Summarizer

    texts = articles(args.limit)
    summarizer = Summarizer().load()
    systems = {
        "kholase extractive (headline + summary + claims)": lambda text: summarizer.summarize(text, "extractive"),
        "sumy TextRank (3 sentences)": sumy_pipeline(TextRankSummarizer),
        "sumy LexRank (3 sentences)": sumy_pipeline(LexRankSummarizer),
        "sumy TextRank without stop words (sumy's default)": sumy_pipeline(TextRankSummarizer, stop_words=False),
    }
    results = {name: time_each(function, texts) for name, function in systems.items()}
    ours = len(texts) / results[next(iter(systems))][0]
    lines = [
        f"{len(texts)} articles of fars_news_dev, raw text in, summary out, one process, sequential.",
        "",
        "| system | articles/s | p50 ms | p95 ms | our throughput ÷ theirs |",
        "|---|---|---|---|---|",
    ]
    for name, (seconds, latencies) in results.items():
        rate = len(texts) / seconds
        p50, p95 = np.percentile(latencies, [50, 95])
        lines.append(f"| {name} | {rate:.1f} | {p50:.1f} | {p95:.1f} | {ours / rate:.2f}× |")
    costs = stage_costs(summarizer, texts)
    front_end, ranking = sumy_costs(TextRankSummarizer, texts)
    # what 3x sumy TextRank's throughput leaves kholase once its own front end (the same hazm pass) is paid
    budget = 1000 * results["sumy TextRank (3 sentences)"][0] / len(texts) / 3
    ours_front_end = costs["hazm normalize"] + costs["rest of cleaning + sentences"]
    ours_rest = sum(costs.values()) - ours_front_end
    lines += [
        "",
        "Where kholase's time goes: mean ms per article of each step, in pipeline order (a separate pass).",
        "",
        "| " + " | ".join(STAGES) + " | total |",
        "|---" * (len(STAGES) + 1) + "|",
        "| " + " | ".join(f"{costs[stage]:.2f}" for stage in STAGES) + f" | {sum(costs.values()):.2f} |",
        "",
        "Where sumy TextRank's time goes: mean ms per article (a separate pass).",
        "",
        "| hazm normalize, sentences and word tokens | TextRank ranking alone | total |",
        "|---|---|---|",
        f"| {front_end:.2f} | {ranking:.2f} | {front_end + ranking:.2f} |",
        "",
        f"3× sumy TextRank's throughput means {budget:.2f} ms per article for all of kholase. Its front end (hazm "
        f"normalize, the rest of cleaning, sentences) takes {ours_front_end:.2f} ms of that, which leaves "
        f"{budget - ours_front_end:.2f} ms for TextRank, headline, summary, claims and the rest; they take "
        f"{ours_rest:.2f} ms.",
    ]
    return "\n".join(lines)


HEADLINE_PROBE = """
import json, sys, time
import numpy as np
from kholase.summarizer import Summarizer
texts = json.load(sys.stdin)
summarizer = Summarizer().load()
summarizer.summarize(texts[0], "extractive")
totals, headlines = [], []
for text in texts:
    started = time.perf_counter()
    result = summarizer.summarize(text, "extractive")
    totals.append(1000 * (time.perf_counter() - started))
    headlines.append(result.timings_ms["headline"])
print(json.dumps({"p50": float(np.percentile(totals, 50)), "mean": float(np.mean(totals)),
                  "headline": float(np.mean(headlines))}))
"""


def headline(args: argparse.Namespace) -> str:
    """End-to-end and headline-step cost of this tree against another commit (`--against`), in alternating rounds in
    one run: each side runs in its own process with that tree's `kholase` first on the import path."""
    texts = articles(args.limit)
    root = ROOT
    with tempfile.TemporaryDirectory() as folder:
        other = Path(folder) / "other"
        subprocess.run(["git", "-C", str(root), "worktree", "add", "--detach", str(other), args.against],
                       check=True, capture_output=True)
        try:
            sides = {"this tree": root, f"at {args.against}": other}
            runs: dict[str, list[dict]] = {name: [] for name in sides}
            for _ in range(args.rounds):
                for name, tree in sides.items():
                    environment = {**os.environ, "PYTHONPATH": str(tree / "service")}
                    output = subprocess.run([sys.executable, "-c", HEADLINE_PROBE], input=json.dumps(texts),
                                            capture_output=True, text=True, check=True, env=environment, cwd=tree)
                    runs[name].append(json.loads(output.stdout))
        finally:
            subprocess.run(["git", "-C", str(root), "worktree", "remove", "--force", str(other)], check=True)
    lines = [
        f"{len(texts)} articles of fars_news_dev, one process per side, {args.rounds} alternating rounds (best round "
        "shown).",
        "",
        "| tree | p50 ms end to end | mean ms end to end | mean ms headline step |",
        "|---|---|---|---|",
    ]
    best = {name: min(results, key=lambda run: run["mean"]) for name, results in runs.items()}
    for name, run in best.items():
        lines.append(f"| {name} | {run['p50']:.1f} | {run['mean']:.1f} | {run['headline']:.2f} |")
    ours, theirs = best["this tree"], best[f"at {args.against}"]
    lines += ["", f"Added per article: {ours['mean'] - theirs['mean']:.2f} ms mean end to end, "
                  f"{ours['headline'] - theirs['headline']:.2f} ms in the headline step."]
    return "\n".join(lines)



def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`kholase serve` on 127.0.0.1 as a child process, ready once GET /readyz answers 200."""

    def __init__(self, workers: int = 1) -> None:
        self.workers = workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "KHOLASE_MODEL": "", "KHOLASE_LOG_LEVEL": "WARNING"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kholase.cli", "serve", "--host", "127.0.0.1", "--port", str(self.port),
             "--workers", str(workers)],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )

    def __enter__(self) -> "Server":
        import httpx

        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}")
            try:
                if httpx.get(f"{self.url}/readyz", timeout=1).status_code == 200 and self.listening() == self.workers:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise TimeoutError("server not ready within 120 s")

    def listening(self) -> int:
        """How many processes listen on the port: a worker of several listens once its engines are loaded."""
        import psutil

        processes = [psutil.Process(self.process.pid), *psutil.Process(self.process.pid).children()]
        return sum(any(connection.status == psutil.CONN_LISTEN and connection.laddr.port == self.port
                       for connection in process.net_connections("tcp"))
                   for process in processes if process.is_running())

    def wait_until_idle(self, timeout_s: float = 120) -> None:
        """Until no request is in flight: a finished load run's clients leave queued requests behind them."""
        import httpx

        deadline = time.monotonic() + timeout_s
        while "kholase_requests_in_flight 1.0" not in httpx.get(f"{self.url}/metrics", timeout=10).text:  # this one
            if time.monotonic() > deadline:
                raise TimeoutError("requests still in flight")
            time.sleep(0.2)

    def peak_rss_mib(self) -> float:
        """Peak resident memory (VmHWM) of the server process and its children."""
        import psutil

        process = psutil.Process(self.process.pid)
        total = 0
        for member in [process, *process.children(recursive=True)]:
            with open(f"/proc/{member.pid}/status") as status:
                total += next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
        return total / 1024

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


LOAD_SCRIPT = """
import asyncio, json, sys, time, httpx
url, clients, seconds, texts = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), json.load(sys.stdin)

async def client(number, http, deadline, latencies, errors):
    index = number
    while time.perf_counter() < deadline:
        begin = time.perf_counter()
        response = await http.post(url + "/v1/summarize", json={"text": texts[index % len(texts)]})
        (latencies if response.status_code == 200 else errors).append((time.perf_counter() - begin) * 1000)
        index += clients

async def main():
    latencies, errors = [], []
    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(timeout=60, limits=limits) as http:
        started = time.perf_counter()
        deadline = started + seconds
        await asyncio.gather(*(client(n, http, deadline, latencies, errors) for n in range(clients)))
        elapsed = time.perf_counter() - started
    print(json.dumps({"latencies": latencies, "errors": len(errors), "elapsed": elapsed}))

asyncio.run(main())
"""


def load_from_second_process(url: str, texts: list[str], clients: int, seconds: float) -> dict:
    """The load script's figures, and the CPU seconds it spent itself (on a small machine, taken from the server)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [sys.executable, "-c", LOAD_SCRIPT, url, str(clients), str(seconds)],
        input=json.dumps(texts), capture_output=True, text=True, check=True,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return json.loads(result.stdout) | {"client_cpu_s": cpu}


def http(args: argparse.Namespace) -> str:
    texts = articles(args.limit)
    with Server() as server:
        load_from_second_process(server.url, texts[:32], args.clients, 2)  # warm-up
        outcome = load_from_second_process(server.url, texts, args.clients, args.seconds)
        peak = server.peak_rss_mib()
    latencies = outcome["latencies"]
    p50, p99 = np.percentile(latencies, [50, 99])
    return "\n".join([
        f"`kholase serve` on 127.0.0.1, extractive engine; load from a second process: {args.clients} concurrent "
        f"httpx clients for {args.seconds:g} s, cycling through {len(texts)} fars_news_dev articles.",
        "",
        "| requests | errors | requests/s | p50 ms | p99 ms | server peak RSS MiB |",
        "|---|---|---|---|---|---|",
        f"| {len(latencies)} | {outcome['errors']} | {len(latencies) / outcome['elapsed']:.1f} | {p50:.1f} | "
        f"{p99:.1f} | {peak:.0f} |",
    ])


def memory(args: argparse.Namespace) -> str:
    import httpx

    texts = articles(args.limit)
    with Server() as server:
        idle = server.peak_rss_mib()
        for text in texts:
            httpx.post(f"{server.url}/v1/summarize", json={"text": text}, timeout=60)
        peak = server.peak_rss_mib()
    return "\n".join([
        f"Peak resident memory (VmHWM) of `kholase serve` with the extractive engine, after start-up and after "
        f"summarizing {len(texts)} fars_news_dev articles one by one.",
        "",
        "| after start-up MiB | after the articles MiB |",
        "|---|---|",
        f"| {idle:.0f} | {peak:.0f} |",
    ])


WORKER_COUNTS = (1, 2)
WORKER_CLIENTS = 32
ROUNDS = 2  # 1, 2, 1, 2 processes: each count's best round is reported, the one least disturbed by other load
BATCH_COPIES = 3  # the 2,400 dev articles three times over: start-up then weighs little on the run
WRK_SCRIPT = """
local bodies, sent = {}, 0
init = function(args)
  for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
end
request = function()
  sent = sent + 1
  return wrk.format("POST", "/v1/summarize", {["Content-Type"] = "application/json"}, bodies[sent % #bodies + 1])
end
"""


def workers(args: argparse.Namespace) -> str:
    """`serve --workers N` under 32 clients and `batch --jobs N` over both dev files, N = 1 and 2, one after the
    other in one run. The HTTP load comes from wrk when it is installed (C: it leaves the cores to the server), else
    from httpx clients in a second process; the table says which, and how much CPU the clients took. A batch runs
    as `kholase batch` in a fresh process; its start-up (importing kholase and building hazm's tables, in each
    worker) is timed on a one-article input and reported apart from its articles/s."""
    texts = articles(args.limit)
    client = "wrk" if shutil.which("wrk") else "httpx"
    load = wrk_load if client == "wrk" else httpx_load
    http_rates, client_cpu, refused = dict.fromkeys(WORKER_COUNTS, 0.0), {}, {}
    with tempfile.TemporaryDirectory(prefix="kholase-bench-") as scratch:
        folder = Path(scratch)
        (folder / "bodies.jsonl").write_text(
            "".join(json.dumps({"text": text}, ensure_ascii=False) + "\n" for text in texts), encoding="utf-8"
        )
        (folder / "post.lua").write_text(WRK_SCRIPT, encoding="utf-8")
        for _, count in itertools.product(range(ROUNDS), WORKER_COUNTS):
            with Server(workers=count) as server:
                load(server.url, folder, texts, 3)  # warm every worker
                server.wait_until_idle()
                rate, cpu, errors = load(server.url, folder, texts, args.seconds)
            if rate > http_rates[count]:
                http_rates[count], client_cpu[count], refused[count] = rate, cpu / args.seconds, errors

        count_in = write_batch_input(folder / "all.jsonl", args.limit, BATCH_COPIES)
        write_batch_input(folder / "one.jsonl", 1)
        startup, wall = dict.fromkeys(WORKER_COUNTS, float("inf")), dict.fromkeys(WORKER_COUNTS, float("inf"))
        for round_number, jobs in itertools.product(range(ROUNDS), WORKER_COUNTS):
            name = f"{jobs}-{round_number}.jsonl"
            startup[jobs] = min(startup[jobs], batch_seconds(folder / "one.jsonl", folder / f"one-{name}", jobs))
            wall[jobs] = min(wall[jobs], batch_seconds(folder / "all.jsonl", folder / f"all-{name}", jobs))
        outputs = {path.read_bytes() for path in folder.glob("all-*.jsonl")}
        assert len(outputs) == 1, "batch output differs between runs"

    def rate(jobs: int) -> float:
        return count_in / (wall[jobs] - startup[jobs])

    one, two = WORKER_COUNTS
    http_ratio = http_rates[two] / http_rates[one]
    return "\n".join([
        f"Processes on {os.cpu_count()} CPU cores. HTTP: `kholase serve --workers N`, extractive engine, "
        f"{WORKER_CLIENTS} concurrent {client} clients for {args.seconds:g} s, cycling through {len(texts)} "
        f"fars_news_dev articles, after a 3 s warm-up. Batch: `kholase batch --jobs N` over {count_in} articles "
        f"(both dev files, {BATCH_COPIES} times over); start-up is the best run on a one-article input, articles/s "
        f"is the rest of the best full run's time. Best of {ROUNDS} rounds of 1, 2 processes each. Outputs of every "
        "batch run compared: byte-identical.",
        "",
        f"| | {one} | {two} | {two} ÷ {one} |",
        "|---|---|---|---|",
        f"| HTTP requests/s (200 OK) | {http_rates[one]:.1f} | {http_rates[two]:.1f} | {http_ratio:.2f}× |",
        f"| HTTP answers other than 200 | {refused[one]} | {refused[two]} | |",
        f"| CPU cores the {client} clients used | {client_cpu[one]:.2f} | {client_cpu[two]:.2f} | |",
        f"| batch articles/s after start-up | {rate(one):.1f} | {rate(two):.1f} | {rate(two) / rate(one):.2f}× |",
        f"| batch start-up s | {startup[one]:.1f} | {startup[two]:.1f} | |",
        f"| batch wall s, {count_in} articles, start-up included | {wall[one]:.1f} | {wall[two]:.1f} | "
        f"{wall[one] / wall[two]:.2f}× |",
    ])


def wrk_load(url: str, folder: Path, texts: list[str], seconds: float) -> tuple[float, float, int]:
    """200 OK answers per second, client CPU seconds, and answers other than 200, from wrk."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run = subprocess.run(
        ["wrk", "-t2", f"-c{WORKER_CLIENTS}", f"-d{seconds:g}s", "--timeout", "60s", "-s", str(folder / "post.lua"),
         url, "--", str(folder / "bodies.jsonl")],
        capture_output=True, text=True, check=True,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = int(re.search(r"(\d+) requests in", run.stdout).group(1))
    refused = int(match.group(1)) if (match := re.search(r"Non-2xx or 3xx responses: (\d+)", run.stdout)) else 0
    elapsed = float(re.search(r"requests in ([\d.]+)s", run.stdout).group(1))
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return (total - refused) / elapsed, cpu, refused


def httpx_load(url: str, folder: Path, texts: list[str], seconds: float) -> tuple[float, float, int]:
    outcome = load_from_second_process(url, texts, WORKER_CLIENTS, seconds)
    return len(outcome["latencies"]) / outcome["elapsed"], outcome["client_cpu_s"], outcome["errors"]


def write_batch_input(path: Path, limit: int | None, copies: int = 1) -> int:
    """Both dev files, `copies` times over with distinct ids, as `kholase batch` input (id, text); returns the number
    of lines written."""
    lines = []
    for copy in range(copies):
        for name in ("fars_news_dev.jsonl", "varzesh3_dev.jsonl"):
            with open(FARS.with_name(name), encoding="utf-8") as handle:
                lines += [json.dumps({"id": f"{row['id']}/{copy}", "text": row["body"]}, ensure_ascii=False)
                          for row in map(json.loads, handle)]
    lines = lines[:limit] if limit else lines
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def batch_seconds(source: Path, output: Path, jobs: int) -> float:
    """Wall seconds of `kholase batch --jobs N` in a fresh process, as a user runs it."""
    command = [sys.executable, "-m", "kholase.cli", "batch", str(source), str(output), "--jobs", str(jobs)]
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("benchmark", choices=("extractive", "http", "memory", "workers", "headline", "all"))
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--against", default="81f341a", help="headline: the commit to compare this tree with")
    parser.add_argument("--rounds", type=int, default=2, help="headline: alternating rounds per side")
    args = parser.parse_args(argv)
    runs = {"extractive": extractive, "http": http, "memory": memory, "workers": workers, "headline": headline}
    chosen = runs if args.benchmark == "all" else {args.benchmark: runs[args.benchmark]}
    command = "python scripts/benchmark.py " + " ".join(argv)
    print(f"Measured with `{command}` on {os.cpu_count()} CPU cores, {time.strftime('%Y-%m-%d')}.\n")
    for name, run in chosen.items():
        print(f"### {name}\n\n{run(args)}\n", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
