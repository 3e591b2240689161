"""The production layers: API keys, CORS, limits (413/503), request ids, JSON logs without text, /metrics."""

import pytest

pytest.importorskip("httpx", reason="the [dev] extra")

import asyncio
import json
import re
import threading
import time

import httpx
from fastapi.testclient import TestClient

from kholase.abstractive.batching import Batcher
from kholase.api import auth
from kholase.api.app import create_app
from kholase.api.logging import JsonFormatter
from kholase.config import Settings
from kholase.summarizer import Summarizer


@pytest.fixture(scope="module")
def summarizer() -> Summarizer:
    return Summarizer(Settings()).load()


@pytest.fixture(scope="module")
def article(fars_articles) -> str:
    return fars_articles[3]["body"]


class SlowSummarizer:
    """The real summarizer behind a slow first step: each call waits for ``release`` (or ``delay_s``), but no longer
    than its deadline, where a real step boundary would stop the work."""

    def __init__(self, inner: Summarizer, delay_s: float = 5.0) -> None:
        self.inner, self.delay_s = inner, delay_s
        self.entered, self.release = threading.Event(), threading.Event()
        self.finished = 0

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def summarize(self, text, engine="auto", max_sentences=None, max_claims=None, deadline=None):
        self.entered.set()
        until_deadline = self.delay_s if deadline is None else deadline - time.monotonic()
        self.release.wait(max(0.0, min(self.delay_s, until_deadline)))
        try:
            return self.inner.summarize(text, engine, max_sentences, max_claims, deadline)
        finally:
            self.finished += 1


def client_for(summarizer, **settings) -> TestClient:
    return TestClient(create_app(Settings(**settings), summarizer))


def post(client: TestClient, text: str, **headers) -> httpx.Response:
    return client.post("/v1/summarize", json={"text": text}, headers=headers)


# --- API keys -------------------------------------------------------------------------------------------------------

def test_keys_guard_every_route_but_the_probes_and_the_page(summarizer, article):
    client = client_for(summarizer, api_keys="alpha, beta")
    refused = post(client, article)
    assert refused.status_code == 401
    assert refused.headers["www-authenticate"] == "Bearer"
    assert "API key" in refused.json()["detail"]
    assert post(client, article, Authorization="Bearer wrong").status_code == 401
    assert post(client, article, **{"X-API-Key": "alph"}).status_code == 401
    assert client.get("/metrics").status_code == 401
    assert client.get("/openapi.json").status_code == 401
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/").status_code == 200, "the editors' page asks for the key itself"
    assert client.get("/web/app.js").status_code == 200
    assert post(client, article, Authorization="Bearer alpha").status_code == 200
    assert post(client, article, **{"X-API-Key": "beta"}).status_code == 200


def test_no_keys_means_open(summarizer, article):
    assert post(client_for(summarizer), article).status_code == 200


def test_keys_are_compared_in_constant_time(monkeypatch):
    calls = []
    monkeypatch.setattr(auth.hmac, "compare_digest", lambda a, b: calls.append((a, b)) or a == b)
    assert auth.key_is_valid(b"first", [b"first", b"second"])
    assert len(calls) == 2, "every key is compared, even after a match"
    assert not auth.key_is_valid("کلید".encode(), [b"first"])


# --- CORS -------------------------------------------------------------------------------------------------------------

def preflight(client: TestClient, origin: str) -> httpx.Response:
    return client.options("/v1/summarize", headers={
        "Origin": origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type",
    })


def test_cors_closed_by_default(summarizer, article):
    client = client_for(summarizer)
    assert "access-control-allow-origin" not in preflight(client, "https://news.example").headers
    answer = post(client, article, Origin="https://news.example")
    assert "access-control-allow-origin" not in answer.headers


def test_cors_open_to_configured_origins_only(summarizer, article):
    client = client_for(summarizer, cors_origins="https://news.example", api_keys="k")
    allowed = preflight(client, "https://news.example")
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://news.example"
    assert "x-api-key" in allowed.headers["access-control-allow-headers"].lower()
    assert preflight(client, "https://evil.example").status_code == 400
    answer = post(client, article, Origin="https://news.example", **{"X-API-Key": "k"})
    assert answer.headers["access-control-allow-origin"] == "https://news.example"
    assert "x-request-id" in answer.headers["access-control-expose-headers"].lower()


# --- Limits ----------------------------------------------------------------------------------------------------------

async def call_asgi(app, headers: list[tuple[bytes, bytes]], chunks: list[bytes]) -> tuple[int, int]:
    """Send ``chunks`` as a request body straight into the ASGI app; returns (status, chunks the app pulled)."""
    pulled = 0

    async def receive():
        nonlocal pulled
        pulled += 1
        if pulled > len(chunks):
            return {"type": "http.disconnect"}
        return {"type": "http.request", "body": chunks[pulled - 1], "more_body": pulled < len(chunks)}

    sent = []

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
        "path": "/v1/summarize", "raw_path": b"/v1/summarize", "root_path": "", "query_string": b"",
        "headers": [(b"content-type", b"application/json"), *headers], "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
    }
    await app(scope, receive, send)
    return sent[0]["status"], pulled


def test_declared_oversized_body_is_refused_unread(summarizer):
    app = create_app(Settings(max_body_bytes=1000), summarizer)
    chunks = [b"x" * 500] * 10
    status, pulled = asyncio.run(call_asgi(app, [(b"content-length", b"5000")], chunks))
    assert (status, pulled) == (413, 0)


def test_streamed_oversized_body_is_cut_off(summarizer):
    app = create_app(Settings(max_body_bytes=1000), summarizer)
    status, pulled = asyncio.run(call_asgi(app, [], [b"x" * 400] * 10))
    assert status == 413
    assert pulled == 3, "reading stops at the chunk that passes the cap"


def test_text_over_max_chars_is_413(summarizer):
    client = client_for(summarizer)
    answer = post(client, "خبر " * 30_000)
    assert answer.status_code == 413
    assert "limit" in answer.json()["detail"]


async def while_one_summarizes(app, slow, article, meanwhile):
    """Send one request that `slow` holds inside the summarizer, and once it is there, run `meanwhile(client, first)`
    with the same client and that request's task."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        first = asyncio.create_task(client.post("/v1/summarize", json={"text": article}))
        await asyncio.to_thread(slow.entered.wait, 5)
        return await meanwhile(client, first)


def test_concurrency_cap_answers_503_with_retry_after(summarizer, article):
    slow = SlowSummarizer(summarizer)
    app = create_app(Settings(max_concurrency=1), slow)

    async def meanwhile(client, first):
        second = await client.post("/v1/summarize", json={"text": article})
        probe = await client.get("/healthz")
        slow.release.set()
        return await first, second, probe

    first, second, probe = asyncio.run(while_one_summarizes(app, slow, article, meanwhile))
    assert first.status_code == 200
    assert second.status_code == 503
    assert int(second.headers["retry-after"]) >= 1
    assert "in flight" in second.json()["detail"]
    assert probe.status_code == 200, "probes are never refused for load"


def test_past_its_time_budget_a_request_stops_its_work_and_answers_503(summarizer, article):
    slow = SlowSummarizer(summarizer)
    client = client_for(slow, request_timeout_s=0.2)
    started = time.perf_counter()
    answer = post(client, article)
    assert answer.status_code == 503
    assert answer.headers["retry-after"]
    assert "time budget" in answer.json()["detail"]
    assert time.perf_counter() - started < 2
    assert slow.finished == 1, "the 503 comes once the work has stopped, not while it runs on"


def test_a_request_holds_its_slot_until_its_work_has_stopped(summarizer, article):
    slow = SlowSummarizer(summarizer)
    app = create_app(Settings(max_concurrency=1, request_timeout_s=0.5), slow)

    async def meanwhile(client, first):
        during = await client.post("/v1/summarize", json={"text": article})
        first = await first
        slow.release.set()
        after = await client.post("/v1/summarize", json={"text": article})
        return first, during, after

    first, during, after = asyncio.run(while_one_summarizes(app, slow, article, meanwhile))
    assert first.status_code == 503 and "time budget" in first.json()["detail"]
    assert during.status_code == 503 and "in flight" in during.json()["detail"]
    assert after.status_code == 200


# --- Request ids and logs --------------------------------------------------------------------------------------------

def test_request_id_is_echoed_or_generated(summarizer, article):
    client = client_for(summarizer)
    assert post(client, article, **{"X-Request-ID": "edge-42.a:b"}).headers["x-request-id"] == "edge-42.a:b"
    generated = post(client, article).headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", generated)
    hostile = post(client, article, **{"X-Request-ID": "x" * 500}).headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", hostile), "over-long or unsafe ids are replaced, not logged"
    assert client.get("/nowhere", headers={"X-Request-ID": "r1"}).headers["x-request-id"] == "r1"


def test_logs_are_json_with_the_request_id_and_never_the_text(summarizer, article, caplog):
    client = client_for(summarizer)
    body = client.build_request("POST", "/", json={"text": article}).read()
    with caplog.at_level("INFO"):
        post(client, article, **{"X-Request-ID": "trace-7"})
        post(client, "متن " * 30_000, **{"X-Request-ID": "trace-8"})
    lines = [json.loads(JsonFormatter().format(record)) for record in caplog.records]
    access = [line for line in lines if line["logger"] == "kholase.access"]
    assert [line["request_id"] for line in access] == ["trace-7", "trace-8"]
    assert access[0]["status"] == 200 and access[0]["route"] == "/v1/summarize"
    assert access[0]["body_bytes"] == len(body)
    assert access[1]["status"] == 413
    logged = json.dumps(lines, ensure_ascii=False)
    for fragment in (article[:40], article[len(article) // 2:][:40], "متن متن"):
        assert fragment not in logged


# --- Metrics ---------------------------------------------------------------------------------------------------------

def metric(text: str, name: str) -> float:
    found = re.search(rf"^{re.escape(name)} (\S+)$", text, re.M)
    assert found, f"{name} missing from /metrics"
    return float(found.group(1))


def test_metrics_count_routes_engines_fallbacks_and_model_state(article):
    settings = Settings(model="/no/such/model")
    client = TestClient(create_app(settings, Summarizer(settings).load()))
    post(client, article)
    post(client, "")
    client.post("/v1/summarize", content=b"{not json", headers={"content-type": "application/json"})
    scrape = client.get("/metrics")
    assert scrape.status_code == 200
    assert scrape.headers["content-type"].startswith("text/plain")
    text = scrape.text
    assert metric(text, 'kholase_requests_total{route="/v1/summarize",status="200"}') == 1
    assert metric(text, 'kholase_requests_total{route="/v1/summarize",status="422"}') == 2
    assert metric(text, 'kholase_request_seconds_count{engine="extractive"}') == 1
    assert metric(text, 'kholase_fallbacks_total{reason="abstractive engine unavailable"}') == 1
    assert metric(text, "kholase_model_loaded") == 0


def test_batch_sizes_reach_metrics(summarizer):
    client = client_for(summarizer)
    batcher = Batcher(lambda items, deadline: items, max_size=8, max_wait_s=0.2)
    try:
        with_threads = [threading.Thread(target=batcher.submit, args=(n, 5)) for n in range(3)]
        for thread in with_threads:
            thread.start()
        for thread in with_threads:
            thread.join()
    finally:
        batcher.close()
    text = client.get("/metrics").text
    assert metric(text, "kholase_batch_size_sum") == 3


# --- The page's headers, probes, settings, control characters --------------------------------------------------------

def test_the_page_sends_security_headers(summarizer):
    client = client_for(summarizer)
    for path in ("/", "/web/app.js", "/web/style.css"):
        headers = client.get(path).headers
        assert "default-src 'none'" in headers["content-security-policy"]
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"


def test_probes_answer_head(summarizer):
    client = client_for(summarizer)
    assert client.head("/healthz").status_code == 200
    assert client.head("/readyz").status_code == 200


@pytest.mark.parametrize("keys", [" , ", ",", " "])
def test_a_key_setting_with_no_key_is_an_error_at_start_up(keys):
    with pytest.raises(ValueError, match="holds no key"):
        Settings(api_keys=keys)


def test_control_characters_never_reach_the_output(summarizer):
    text = "«بختیاری» گفت:\x00 افزایش قابل توجه\x01 کمکهای مردمی به رغم شرایط اقتصادی امری ارزشمند است.\x07"
    body = post(client_for(summarizer), text).json()
    outputs = [body["headline"], body["summary"], *(claim["text"] for claim in body["key_claims"])]
    assert outputs and not any(char in output for output in outputs for char in "\x00\x01\x07")
    claim = body["key_claims"][0]
    assert text[claim["start"] : claim["end"]].replace("\x01", "") == claim["text"]
