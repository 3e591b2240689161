"""The abstractive engine behind the HTTP API, on the tiny random MT5: its output, its fallbacks and its failures.

The random model writes gibberish, which the made-up-facts guard rightly rejects; where a test needs the model's
text to reach the response it says so and lets it through.
"""

import pytest

pytest.importorskip("httpx", reason="the [dev] extra")
pytest.importorskip("transformers", reason="the [abstractive] extra")

import threading
from contextlib import contextmanager

from fastapi.testclient import TestClient

from kholase.abstractive import batching
from kholase.abstractive.engine import opens
from kholase.abstractive.guard import unsupported_facts
from kholase.api.app import create_app
from kholase.config import Settings
from tests.support import wait_until_ready


@contextmanager
def serving(**settings):
    defaults = dict(headline_max_new_tokens=8, summary_max_new_tokens=24, input_max_tokens=256, max_chars=50_000)
    with TestClient(create_app(Settings(**{**defaults, **settings}))) as client:
        wait_until_ready(client)
        yield client


@pytest.fixture(scope="module")
def client(tiny_mt5_dir):
    with serving(model=str(tiny_mt5_dir), batch_max_wait_ms=100) as client:
        yield client


@pytest.fixture
def generated(client, monkeypatch) -> list[tuple[str, str, str]]:
    """(role, model input, model output) of every real generate call the summarizer makes."""
    calls = []
    for role, generator in client.app.state.summarizer.engines["abstractive"].generators.items():

        def recorded(text, timeout_s, role=role, generate=generator.generate):
            output = generate(text, timeout_s)
            calls.append((role, text, output))
            return output

        monkeypatch.setattr(generator, "generate", recorded)
    return calls


def summarize(client, text: str, engine: str = "abstractive"):
    return client.post("/v1/summarize", json={"text": text, "engine": engine})


def test_readyz_names_the_loaded_model(client, tiny_mt5_dir):
    abstractive = client.get("/readyz").json()["engines"]["abstractive"]
    assert abstractive == {"ready": True, "model": str(tiny_mt5_dir), "models": {"summary": str(tiny_mt5_dir)},
                           "reason": None}


def test_the_models_text_is_the_answer_when_the_guard_passes(client, generated, fars_articles, monkeypatch):
    # the random model writes gibberish, which the guard would reject
    monkeypatch.setattr("kholase.abstractive.guard.unsupported_facts", lambda generated, source: [])
    response = summarize(client, fars_articles[0]["body"])
    assert response.status_code == 200
    body = response.json()
    outputs = {role: output for role, _, output in generated}
    assert list(outputs) == ["summary"]  # a summary model writes no headline
    assert body["engine"] == "abstractive" and body["fallback_reason"] is None
    assert body["model"] == client.app.state.summarizer.engines["abstractive"].model
    assert body["summary"] == outputs["summary"]
    assert body["headline"] and not opens(body["headline"], body["summary"])
    assert body["key_claims"] == summarize(client, fars_articles[0]["body"], "extractive").json()["key_claims"]


def test_made_up_facts_fall_back_to_the_extractive_result(client, generated, fars_articles):
    article = fars_articles[1]["body"]
    body = summarize(client, article).json()
    extractive = summarize(client, article, "extractive").json()
    made_up = unsupported_facts(" ".join(output for _, _, output in generated), article)
    assert made_up, "the random model is expected to write words absent from the article"
    assert body["engine"] == "extractive" and body["fallback_reason"].startswith("guard:")
    assert (body["headline"], body["summary"]) == (extractive["headline"], extractive["summary"])


def test_a_long_article_is_fed_as_whole_ranked_sentences_within_the_budget(client, generated, fars_articles):
    article = max(fars_articles, key=lambda row: len(row["body"]))["body"]
    summarizer = client.app.state.summarizer
    document = summarizer.prepare(article)
    scores = summarizer.textrank.rank(document).scores
    assert summarizer.engines["abstractive"].generators["summary"].count_tokens(article) > 4 * 256

    summarize(client, article)

    model_input = generated[0][1]
    assert summarizer.engines["abstractive"].generators["summary"].count_tokens(model_input) <= 256
    assert document.sentences[int(scores.argmax())].text in model_input
    positions = [model_input.index(s.text) for s in document.sentences if s.text in model_input]
    assert len(positions) > 1 and positions == sorted(positions)


def test_concurrent_requests_are_batched(client, fars_articles, monkeypatch):
    sizes: list[int] = []
    monkeypatch.setattr(batching, "batch_size_observers", [*batching.batch_size_observers, sizes.append])
    threads = [threading.Thread(target=summarize, args=(client, row["body"])) for row in fars_articles[:6]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(sizes) == 6 and max(sizes) > 1


def test_past_the_time_budget_the_extractive_result_says_why(tiny_mt5_dir, fars_articles):
    with serving(model=str(tiny_mt5_dir), generation_timeout_s=0.05, batch_max_wait_ms=1000) as client:
        body = summarize(client, fars_articles[2]["body"]).json()
    assert body["engine"] == "extractive" and body["fallback_reason"].startswith("timeout")


def test_a_broken_model_folder_leaves_textrank_serving(tiny_mt5_dir, tmp_path, fars_articles):
    broken = tmp_path / "broken-model"
    broken.mkdir()
    (broken / "config.json").write_text("{not json", encoding="utf-8")
    with serving(model=str(broken)) as client:
        readiness = client.get("/readyz")
        auto = summarize(client, fars_articles[0]["body"], "auto")
        abstractive = summarize(client, fars_articles[0]["body"])
    reason = readiness.json()["engines"]["abstractive"]["reason"]
    assert readiness.status_code == 200 and "broken-model" in reason
    assert auto.status_code == 200 and auto.json()["engine"] == "extractive"
    assert "broken-model" in auto.json()["fallback_reason"]
    assert abstractive.status_code == 503 and "broken-model" in abstractive.json()["detail"]
