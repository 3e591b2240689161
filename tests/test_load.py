"""A short run of scripts/loadtest.py: real and hostile requests at a local server, from httpx clients (they tell the
kinds of request apart; wrk, the script's default when installed, cannot)."""

import pytest

pytest.importorskip("httpx", reason="the [dev] extra")
pytest.importorskip("psutil", reason="the [dev] extra")

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_short_load_has_no_5xx_no_lost_request_and_bounded_memory(tmp_path):
    figures_path = tmp_path / "load.json"
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "loadtest.py"), "--client", "httpx", "--clients", "8",
         "--duration", "5", "--warmup", "2", "--json", str(figures_path)],
        capture_output=True, text=True, timeout=240,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    figures = json.loads(figures_path.read_text())
    assert figures["ok"] and figures["5xx_not_503"] == 0 and not figures["unanswered"]
    assert figures["requests"] > 0
    assert set(figures["by_status"]) <= {"200", "413", "422", "503"}
    assert any(kind.startswith("oversized -> 413") for kind in figures["by_kind"])
    assert any(kind.startswith("article -> 200") for kind in figures["by_kind"])
