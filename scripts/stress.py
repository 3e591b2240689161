"""The worst inputs the service accepts: CPU time and extra memory of one summary each, printed as a Markdown table.

Every accepted input (up to KHOLASE_MAX_CHARS, 100,000 characters) must cost at most 2 s of CPU and 200 MB of memory
beyond the loaded service. Each case runs in a fresh process: the summarizer is loaded and warmed first, then the
case's CPU seconds and the growth of the process's peak resident memory are measured around one `summarize`.

    python scripts/stress.py                 # every case
    python scripts/stress.py --only colons   # cases whose name contains "colons"
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
LIMIT = 100_000
CPU_BUDGET_S = 2.0
MEMORY_BUDGET_MB = 200
CASE_TIMEOUT_S = 300


def real_articles() -> str:
    """Real articles, one after another, up to the limit."""
    with open(DATA / "fars_news_dev.jsonl", encoding="utf-8") as handle:
        bodies = [json.loads(line)["body"] for line in handle]
    return "\n\n".join(bodies)[:LIMIT]


def cases() -> dict[str, str]:
    sentence = "رئیس کمیته امداد گفت: کمک‌های مردمی در سال جاری افزایش قابل توجهی داشته است. "
    return {
        "real articles back to back": real_articles(),
        "one-letter sentences, one a line («س.»)": ("س.\n" * 33_334)[:LIMIT],
        "a letter and 99,999 full stops": "س" + "." * (LIMIT - 1),
        "a letter and 99,999 colons": "س" + ":" * (LIMIT - 1),
        "«آ.» 50,000 times, one line": ("آ." * 50_000)[:LIMIT],
        "one line of words, no punctuation": ("کمک مردمی " * 10_000)[:LIMIT],
        "one sentence repeated": (sentence * (LIMIT // len(sentence) + 1))[:LIMIT],
        "tiny paragraphs («خبر» and a blank line)": ("خبر\n\n" * 20_000)[:LIMIT],
        "guillemets 50,000 deep": ("«" * 49_998 + "خبر" + "»" * 49_999)[:LIMIT],
        "parentheses 50,000 deep": ("(" * 49_998 + "خبر" + ")" * 49_999)[:LIMIT],
        "a speaker and 99,990 colons": ("وی گفت" + ":" * LIMIT)[:LIMIT],
        "«از» … «خبر داد» over 100,000 characters": ("وی از " + "افزایش " * 14_000 + "خبر داد.")[:LIMIT],
        "commas between words": ("خبر، " * 20_000)[:LIMIT],
        "a lone Arabic percent sign": "٪",
        "a new speaker every line": "".join(f"«نفر{i}» گفت: خبر تازه‌ای است.\n" for i in range(4_000))[:LIMIT],
        "«وی گفت:» every line": ("«علی» رئیس گفت: خبر است.\n" + "وی گفت: خبر تازه است.\n" * 5_000)[:LIMIT],
        "an adverbial opener («واکنش به …»), «گفت» 100,000 characters on": (
            ("واکنش به " + "این موضوع " * 9_990)[: LIMIT - 20] + " علی گفت."
        ),
    }


# The peak resident memory is reset just before the call (Linux: 5 into /proc/self/clear_refs), so that what loading
# the service peaked at does not hide what the call needs.
MEASURE = """
import json, sys, time
from kholase.summarizer import InputError, Summarizer

def kib(field):
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(field + ":"))

summarizer = Summarizer().load()
text = sys.stdin.read()
before = kib("VmRSS")
with open("/proc/self/clear_refs", "w") as refs:
    refs.write("5")
started = time.process_time()
try:
    summarizer.summarize(text)
    outcome = "summary"
except InputError as error:
    outcome = "refused: " + str(error)[:60]
cpu = time.process_time() - started
print(json.dumps({"cpu_s": cpu, "memory_mb": (kib("VmHWM") - before) / 1024, "outcome": outcome}))
"""


def measure(text: str) -> dict:
    try:
        run = subprocess.run([sys.executable, "-c", MEASURE], input=text, capture_output=True, text=True,
                             timeout=CASE_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return {"cpu_s": float("inf"), "memory_mb": float("nan"), "outcome": f"over {CASE_TIMEOUT_S} s"}
    if run.returncode != 0:
        return {"cpu_s": float("nan"), "memory_mb": float("nan"), "outcome": "crashed: " + run.stderr[-200:]}
    return json.loads(run.stdout.splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="", help="run only the cases whose name contains this")
    args = parser.parse_args()
    chosen = {name: text for name, text in cases().items() if args.only in name}
    print(f"One `summarize` per case, in a fresh process; budget {CPU_BUDGET_S:g} s CPU and {MEMORY_BUDGET_MB} MB.\n")
    print("| case | characters | CPU s | extra peak memory MB | within budget | outcome |")
    print("|---|---|---|---|---|---|")
    failures = 0
    for name, text in chosen.items():
        result = measure(text)
        within = result["cpu_s"] <= CPU_BUDGET_S and result["memory_mb"] <= MEMORY_BUDGET_MB
        failures += not within
        print(f"| {name} | {len(text):,} | {result['cpu_s']:.2f} | {result['memory_mb']:.0f} | "
              f"{'yes' if within else '**no**'} | {result['outcome']} |", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
