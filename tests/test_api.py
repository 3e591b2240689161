"""The HTTP API: the happy path, readiness, and a clear 4xx for every kind of bad input."""

import pytest

pytest.importorskip("httpx", reason="the [dev] extra")

import re

from fastapi.testclient import TestClient

from kholase.api.app import create_app
from kholase.config import Settings
from kholase.summarizer import Summarizer
from tests.support import wait_until_ready


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(Settings(max_chars=50_000))) as client:
        wait_until_ready(client)
        yield client


def test_summarize_donations(client, donations_text):
    response = client.post("/v1/summarize", json={"text": donations_text})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"headline", "summary", "key_claims", "engine", "model", "fallback_reason", "timings_ms"}
    assert "کمک‌های مردمی" in body["headline"]
    for claim in body["key_claims"]:
        assert donations_text[claim["start"] : claim["end"]] == claim["text"]
    assert body["engine"] == "extractive" and body["model"] is None


def test_lengths_are_honoured(client, fars_articles):
    text = next(a["body"] for a in fars_articles if a["body"].count(".") > 12)
    body = client.post("/v1/summarize", json={"text": text, "max_sentences": 1, "max_claims": 2}).json()
    assert len(body["key_claims"]) <= 2


def test_health_and_readiness(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz").json()
    assert ready["engines"]["extractive"]["ready"] is True
    assert ready["engines"]["abstractive"]["ready"] is False
    assert "KHOLASE_MODEL" in ready["engines"]["abstractive"]["reason"]


def test_openapi_docs_are_served_by_the_service_itself(client):
    """Swagger UI's script and style come from the service, not a CDN: /docs works offline."""
    page = client.get("/docs")
    assert page.status_code == 200
    assets = re.findall(r"""(?:src|href)=['"]([^'"]+\.(?:js|css))['"]""", page.text)
    assert len(assets) >= 2 and all(asset.startswith("/") for asset in assets), assets
    assert all(client.get(asset).status_code == 200 for asset in assets)
    assert "/v1/summarize" in client.get("/openapi.json").json()["paths"]


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"text": ""}, 422, "text is empty"),
        ({"text": "  \n "}, 422, "text is empty"),
        ({"text": "no persian at all"}, 422, "no Persian letters"),
        ({"text": "خبر " * 20_000}, 413, "limit is 50000"),
        ({}, 422, "text: Field required"),
        ({"text": 42}, 422, "text: Input should be a valid string"),
        ({"text": ["خبر"]}, 422, "text: Input should be a valid string"),
        ({"text": "خبر", "engine": "gpt"}, 422, "engine"),
        ({"text": "خبر", "max_sentences": 0}, 422, "max_sentences"),
        ({"text": "خبر", "max_claims": "many"}, 422, "max_claims"),
        ({"text": "خبر", "extra": 1}, 422, "extra"),
        ({"text": "خبر خوب امروز", "engine": "abstractive"}, 503, "abstractive engine unavailable"),
    ],
)
def test_bad_input_gets_a_clear_error(client, body, status, message):
    response = client.post("/v1/summarize", json=body)
    assert response.status_code == status
    assert message in response.json()["detail"]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"{not json", "not valid JSON"), (b"", "request body is missing"), (b"[1, 2]", "valid dictionary"),
     (b'"text"', "valid dictionary")],
)
def test_malformed_json_is_422(client, content, message):
    response = client.post("/v1/summarize", content=content, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert message in response.json()["detail"]


def test_batch_reports_bad_items_and_summarizes_the_rest(client, donations_text):
    items = [{"id": "good", "text": donations_text}, {"id": "empty", "text": ""}, {"id": "latin", "text": "abc"}]
    response = client.post("/v1/summarize/batch", json={"items": items})
    assert response.status_code == 200
    results = {item["id"]: item for item in response.json()["items"]}
    assert results["good"]["result"]["headline"] and results["good"]["error"] is None
    assert results["empty"]["error"] == "text is empty"
    assert "no Persian" in results["latin"]["error"]


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"items": []}, 422, "items"),
        ({"items": [{"id": "a", "text": "خبر"}, {"id": "a", "text": "خبر"}]}, 422, "unique"),
        ({"items": [{"id": str(i), "text": "خبر"} for i in range(65)]}, 413, "limit is 64"),
        ({"items": [{"text": "خبر"}]}, 422, "id"),
    ],
)
def test_bad_batches(client, body, status, message):
    response = client.post("/v1/summarize/batch", json=body)
    assert response.status_code == status
    assert message in response.json()["detail"]


def test_not_ready_answers_503(monkeypatch):
    summarizer = Summarizer()
    monkeypatch.setattr(summarizer, "load", lambda: summarizer)  # stays "loading"
    with TestClient(create_app(summarizer=summarizer)) as client:
        response = client.post("/v1/summarize", json={"text": "خبر"})
        assert client.get("/readyz").status_code == 503
        assert client.get("/healthz").status_code == 200
    assert response.status_code == 503 and "loading" in response.json()["detail"]
